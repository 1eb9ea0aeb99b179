/**
 * `/pipeline`: the board. A column per stage (sprint, pilot, evaluation, operations, realised,
 * stopped), each pilot a card with its owner, its days in the stage against the limit (over the
 * limit said in words and drawn with a thick dashed border, not by colour alone), its expected or
 * realised hours and its hold; above it, the pilots waiting for a decision. Each column shows its
 * stage's first 100 pilots, how many of how many (where known) and "Vis flere" for the next 100, so
 * the first view is 8 API calls whatever the number of pilots, the first page of the pilots on hold
 * included (./pipeline-data.ts). The filters for
 * theme, department and owner live in the address (./board.ts), so a view can be shared and survives a reload.
 */
import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { copenhagenDay } from '../../../../shared/domain/calendar.ts';
import { departmentKey } from '../../../../shared/domain/inbox.ts';
import { PILOT_STAGES, type PilotStage } from '../../../../shared/domain/pilot.ts';
import { FailureAlert } from '../../components/Alert.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Select } from '../../components/fields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useConfig } from '../../config.ts';
import { boardAddress, boardCount, boardFiltersOf, columnTotal, ownersOf, readToEnd, stageClock, unreadWaiting, waitingPilots, type BoardFilters, type Column, type HeldList, type PilotRow } from './board.ts';
import { stageLimits, useBoard, useHeldPilots, usePipelineSummary, type Board, type PipelineSummary } from './pipeline-data.ts';
import { PipelineOnly } from './PipelineOnly.tsx';
import { usePipelineTexts } from './texts/usePipelineTexts.ts';

export default function BoardPage() {
  return <PipelineOnly>{() => <BoardView />}</PipelineOnly>;
}

function BoardView() {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const { query, route } = useLocation();
  const filters = boardFiltersOf(query);
  const summary = usePipelineSummary();
  const { board, showMore } = useBoard(filters);
  const held = useHeldPilots();

  return (
    <>
      <PageHeading>{t.boardHeading}</PageHeading>
      <p>{t.boardIntro}</p>
      {summary.state === 'ready' ? (
        <Filters key={boardAddress(filters)} filters={filters} summary={summary.value} board={board.state === 'ready' ? board.value : undefined} onShow={(next) => route(boardAddress(next))} />
      ) : null}
      {board.state === 'failed' || summary.state === 'failed' || held.state === 'failed' ? (
        <FailureAlert failure={t.loadFailed} />
      ) : board.state === 'loading' || summary.state === 'loading' || held.state === 'loading' ? (
        <Spinner label={texts.common.loading} />
      ) : (
        <BoardShown filters={filters} board={board.value} held={held.value} summary={summary.value} showMore={showMore} />
      )}
    </>
  );
}

interface BoardShownProps {
  filters: BoardFilters;
  board: Board;
  held: HeldList;
  summary: PipelineSummary;
  showMore: (stage: PilotStage) => Promise<number>;
}

/** The board once read: how many the filters show, the pilots waiting for a decision, and the columns. */
function BoardShown({ filters, board, held, summary, showMore }: BoardShownProps) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const limits = stageLimits(summary);
  const columns = PILOT_STAGES.map((stage) => ({ stage, column: board[stage], total: columnTotal(stage, board[stage], filters, summary) }));
  const count = boardCount(columns);
  return (
    <>
      {Object.keys(filters).length > 0 ? (
        <p class="spire-meta" role="status">
          {count.total === undefined ? t.filteredSoFar(count.shown) : count.total === count.shown ? t.filtered(count.shown) : t.filteredOf(count.shown, count.total)}
        </p>
      ) : null}
      <Waiting board={board} held={held} filters={filters} totals={Object.fromEntries(columns.map(({ stage, total }) => [stage, total]))} limits={limits} />
      <div class="spire-board">
        {columns.map(({ stage, column, total }) => (
          // A new address is a new board: the column's own state (asked for more, a failure) starts afresh.
          <StageColumn key={`${stage} ${boardAddress(filters)}`} stage={stage} column={column} total={total} limits={limits} showMore={showMore} />
        ))}
      </div>
    </>
  );
}

interface FiltersProps {
  filters: BoardFilters;
  summary: PipelineSummary;
  board: Board | undefined;
  onShow: (filters: BoardFilters) => void;
}

/** The filters' form: a choice of theme, department and owner, shown with "Vis" (the address changes). */
function Filters({ filters, summary, board, onShow }: FiltersProps) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const config = useConfig();
  const [draft, setDraft] = useState(filters);
  const themes = Object.entries(summary.byTheme)
    .map(([id, theme]) => ({ value: id, label: theme.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'da'));
  if (filters.theme !== undefined && !themes.some((theme) => theme.value === filters.theme)) themes.push({ value: filters.theme, label: filters.theme });
  const named = new Set(config.departments.map(departmentKey));
  const departments = [...config.departments, ...Object.keys(summary.byDepartment).filter((key) => !named.has(key))];
  if (filters.department !== undefined && !departments.some((department) => departmentKey(department) === departmentKey(filters.department ?? ''))) departments.push(filters.department);
  const owners = ownersOf(board === undefined ? [] : PILOT_STAGES.flatMap((stage) => board[stage].rows), filters.owner);
  const set = (key: keyof BoardFilters, value: string) => {
    const next = { ...draft };
    if (value === '') delete next[key];
    else next[key] = value;
    setDraft(next);
  };

  return (
    <form
      class="spire-board-filters"
      aria-labelledby="pipeline-filters-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onShow(draft);
      }}
    >
      <h2 id="pipeline-filters-heading" class="h4">
        {t.filtersHeading}
      </h2>
      <div class="spire-filter-fields">
        <Select id="filter-theme" label={t.themeLabel} value={draft.theme ?? ''} options={[{ value: '', label: t.anyTheme }, ...themes]} onChange={(value) => set('theme', value)} />
        <Select
          id="filter-department"
          label={t.departmentLabel}
          value={departments.find((department) => departmentKey(department) === departmentKey(draft.department ?? '')) ?? ''}
          options={[{ value: '', label: t.anyDepartment }, ...departments.map((department) => ({ value: department, label: department }))]}
          onChange={(value) => set('department', value)}
        />
        <Select
          id="filter-owner"
          label={t.ownerLabel}
          value={draft.owner ?? ''}
          options={[{ value: '', label: t.anyOwner }, ...owners.map((owner) => ({ value: owner.sub, label: owner.name }))]}
          onChange={(value) => set('owner', value)}
        />
      </div>
      <div class="spire-actions">
        <button type="submit" class="button button-primary">
          {t.apply}
        </button>
        {Object.keys(filters).length > 0 ? (
          <a class="button button-secondary" href="/pipeline">
            {t.clear}
          </a>
        ) : null}
      </div>
    </form>
  );
}

type Limits = Partial<Record<PilotStage, number>>;

interface WaitingProps {
  board: Board;
  held: HeldList;
  filters: BoardFilters;
  totals: Partial<Record<PilotStage, number>>;
  limits: Limits;
}

/**
 * The pilots whose hold has ended (from the list of pilots on hold) or that are over their stage's
 * limit (from the columns); and where it may miss some (./board.ts, `waitingPilots`, `unreadWaiting`).
 */
function Waiting({ board, held, filters, totals, limits }: WaitingProps) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const now = new Date();
  const today = copenhagenDay(now);
  const waiting = waitingPilots(board, held, filters, limits, now, today);
  const unread = unreadWaiting(board, totals, held, limits, now, today);
  const names = (stages: readonly PilotStage[]) => t.stageList(stages.map((stage) => t.stages[stage]));
  return (
    <section class="spire-waiting" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">{t.waitingHeading}</h2>
      <p class="spire-meta">{t.waitingIntro}</p>
      {waiting.length === 0 ? (
        <p>{unread.overLimit.length === 0 && !unread.holdsMore ? t.waitingNone : t.waitingNoneRead}</p>
      ) : (
        <ul class="spire-waiting-list">
          {waiting.map(({ row, reason }) => (
            <li key={row.id}>
              <a href={`/pipeline/pilots/${row.id}`}>{row.title}</a>
              <span class="spire-meta">
                {' '}
                {t.stages[row.stage]} ·{' '}
                <strong>{reason.kind === 'hold-ended' ? t.waitingBecauseHold(texts.common.date(`${reason.day}T12:00:00Z`)) : t.waitingBecauseLimit(reason.over)}</strong>
              </span>
            </li>
          ))}
        </ul>
      )}
      {unread.overLimit.length > 0 ? <p class="spire-meta">{t.waitingOverLimitUnread(names(unread.overLimit))}</p> : null}
      {unread.holdsMore ? <p class="spire-meta">{t.waitingHoldsMore}</p> : null}
    </section>
  );
}

interface StageColumnProps {
  stage: PilotStage;
  column: Column;
  /** How many pilots the column has in all, where known (./board.ts, `columnTotal`). */
  total: number | undefined;
  limits: Limits;
  showMore: (stage: PilotStage) => Promise<number>;
}

/**
 * A stage's column: its first page of pilots, how many it shows of how many, and "Vis flere" while
 * its list has more. More read, the focus goes to the first card added (or stays on the button,
 * or goes to the heading when the button is gone and nothing was added), and the column's status
 * line, a polite live region, says how many it shows now.
 */
function StageColumn({ stage, column, total, limits, showMore }: StageColumnProps) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [asked, setAsked] = useState(false);
  const [focusFrom, setFocusFrom] = useState<number | undefined>(undefined);
  const list = useRef<HTMLUListElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = column.rows.length;
  const more = !readToEnd(column, total);

  useEffect(() => {
    if (focusFrom === undefined) return;
    setFocusFrom(undefined);
    const added = list.current?.children[focusFrom]?.querySelector('a');
    (added ?? button.current ?? heading.current)?.focus();
  }, [focusFrom]);

  const fetchMore = () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    showMore(stage).then(
      () => {
        setBusy(false);
        setAsked(true);
        setFocusFrom(shown);
      },
      () => {
        setBusy(false);
        setFailed(true);
      },
    );
  };

  const status = failed
    ? t.showMoreFailed
    : busy
      ? t.showingMore
      : total === undefined
        ? t.columnShownSoFar(shown)
        : shown < total
          ? t.columnShown(shown, total)
          : asked
            ? t.columnShownAll(total)
            : '';
  return (
    <section class="spire-board-column" aria-labelledby={`column-${stage}`}>
      <h2 id={`column-${stage}`} class="h4" tabIndex={-1} ref={heading}>
        {total === undefined ? t.stageCountAtLeast(t.stages[stage], shown) : t.stageCount(t.stages[stage], total)}
      </h2>
      <p class="spire-meta spire-column-count" role="status">
        {status}
      </p>
      {shown === 0 && !more ? (
        <p class="spire-meta">{t.noPilots}</p>
      ) : (
        <ul class="spire-cards" ref={list}>
          {column.rows.map((row) => (
            <Card key={row.id} row={row} limits={limits} />
          ))}
        </ul>
      )}
      {more ? (
        <button ref={button} type="button" class="button button-secondary spire-show-more" aria-disabled={busy ? 'true' : undefined} onClick={fetchMore}>
          {t.showMore}
          <span class="sr-only"> {t.showMoreWhere(t.stages[stage])}</span>
        </button>
      ) : null}
    </section>
  );
}

function Card({ row, limits }: { row: PilotRow; limits: Limits }) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const clock = stageClock(row.stage, row.stageEnteredAt, limits, new Date());
  const over = clock.over > 0;
  return (
    <li class={over ? 'spire-card spire-card-over' : 'spire-card'}>
      <h3 class="h5 spire-card-title">
        <a href={`/pipeline/pilots/${row.id}`}>{row.title}</a>
      </h3>
      <p>{row.owner === undefined ? t.noOwner : t.owner(row.owner.name ?? row.owner.sub)}</p>
      {row.stage === 'realised' || row.stage === 'stopped' ? null : <p>{clock.limit === undefined ? t.daysSince(clock.days) : t.daysInStage(clock.days, clock.limit)}</p>}
      {over ? (
        <p class="spire-over">
          <Icon name="warning" />
          <strong>{t.overLimit(clock.over)}</strong>
        </p>
      ) : null}
      <p>
        {row.realisedHoursPerYear !== undefined
          ? t.realisedHours(row.realisedHoursPerYear)
          : row.expectedHoursPerYear !== undefined
            ? t.expectedHours(row.expectedHoursPerYear)
            : t.noHypothesis}
      </p>
      {row.holdUntil === undefined ? null : <p class="spire-hold">{t.onHold(texts.common.date(`${row.holdUntil}T12:00:00Z`))}</p>}
    </li>
  );
}

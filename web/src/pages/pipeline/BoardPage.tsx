/**
 * `/pipeline`: the board. A column per stage (sprint, pilot, evaluation, operations, realised,
 * stopped), each pilot a card with its owner, its days in the stage against the limit (over the
 * limit said in words and drawn with a thick dashed border, not by colour alone), its expected or
 * realised hours and its hold; above it, the pilots waiting for a decision. The filters for theme,
 * department and owner live in the address (./board.ts), so a view can be shared and survives a reload.
 */
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { copenhagenDay } from '../../../../shared/domain/calendar.ts';
import { departmentKey } from '../../../../shared/domain/inbox.ts';
import { PILOT_STAGES, type PilotStage } from '../../../../shared/domain/pilot.ts';
import { Alert } from '../../components/Alert.tsx';
import { Icon } from '../../components/Icon.tsx';
import { Select } from '../../components/fields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useConfig } from '../../config.ts';
import { boardAddress, boardFiltersOf, ownersOf, stageClock, waitingReason, type BoardFilters, type PilotRow } from './board.ts';
import { stageLimits, useBoard, usePipelineSummary, type Board, type PipelineSummary } from './pipeline-data.ts';
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
  const board = useBoard(filters);

  return (
    <>
      <PageHeading>{t.boardHeading}</PageHeading>
      <p>{t.boardIntro}</p>
      {summary.state === 'ready' ? (
        <Filters key={boardAddress(filters)} filters={filters} summary={summary.value} board={board.state === 'ready' ? board.value : undefined} onShow={(next) => route(boardAddress(next))} />
      ) : null}
      {board.state === 'failed' || summary.state === 'failed' ? (
        <Alert variant="error" announce>
          <p class="alert-text">{t.loadFailed}</p>
        </Alert>
      ) : board.state === 'loading' || summary.state === 'loading' ? (
        <Spinner label={texts.common.loading} />
      ) : (
        <>
          {Object.keys(filters).length > 0 ? (
            <p class="spire-meta" role="status">
              {t.filtered(PILOT_STAGES.reduce((sum, stage) => sum + board.value[stage].length, 0))}
            </p>
          ) : null}
          <Waiting board={board.value} limits={stageLimits(summary.value)} />
          <Columns board={board.value} limits={stageLimits(summary.value)} />
        </>
      )}
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
  const owners = ownersOf(board === undefined ? [] : PILOT_STAGES.flatMap((stage) => board[stage]), filters.owner);
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

/** The pilots whose hold has ended or that are over their stage's limit, most urgent first. */
function Waiting({ board, limits }: { board: Board; limits: Limits }) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const now = new Date();
  const today = copenhagenDay(now);
  const waiting = PILOT_STAGES.flatMap((stage) => board[stage]).flatMap((row) => {
    const reason = waitingReason(row, limits, now, today);
    return reason === undefined ? [] : [{ row, reason }];
  });
  return (
    <section class="spire-waiting" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">{t.waitingHeading}</h2>
      <p class="spire-meta">{t.waitingIntro}</p>
      {waiting.length === 0 ? (
        <p>{t.waitingNone}</p>
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
    </section>
  );
}

/** A column per stage, in the stages' order. */
function Columns({ board, limits }: { board: Board; limits: Limits }) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  return (
    <div class="spire-board">
      {PILOT_STAGES.map((stage) => (
        <section key={stage} class="spire-board-column" aria-labelledby={`column-${stage}`}>
          <h2 id={`column-${stage}`} class="h4">
            {t.stageCount(t.stages[stage], board[stage].length)}
          </h2>
          {board[stage].length === 0 ? (
            <p class="spire-meta">{t.noPilots}</p>
          ) : (
            <ul class="spire-cards">
              {board[stage].map((row) => (
                <Card key={row.id} row={row} limits={limits} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
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

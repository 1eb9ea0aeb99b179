/**
 * `/console`: the team's inbox. A tab per status with the number of ideas in it (from
 * `GET /pipeline/summary`), filters for kind, department and theme or "assigned to me", sorting by
 * priority or waiting time, and a page at a time with the API's cursor (`GET /console/inbox`). The whole view lives in
 * the address (./inbox-query.ts), so it can be shared and survives a reload.
 */
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { INBOX_STATUSES } from '../../../../shared/domain/inbox.ts';
import { IDEA_KINDS } from '../../../../shared/domain/idea.ts';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { Alert, FailureAlert } from '../../components/Alert.tsx';
import { Checkbox, Select, TextField } from '../../components/fields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { statusLabel } from '../../components/StatusBadge.tsx';
import { useConfig } from '../../config.ts';
import { usePipelineSummary, useStrategy, type Strategy } from './console-data.ts';
import { inboxAddress, inboxApiQuery, inboxViewOf, type InboxView } from './inbox-query.ts';
import { useConsoleTexts } from './texts/useConsoleTexts.ts';

type InboxPage = components['schemas']['InboxPage'];
type Reading = { state: 'loading' } | { state: 'failed' } | { state: 'refused' } | { state: 'read'; page: InboxPage };

export function InboxPage() {
  const { texts, language } = useConsoleTexts();
  const t = texts.console;
  const { query, route } = useLocation();
  const view = inboxViewOf(query);
  const address = inboxAddress(view);
  const strategy = useStrategy();
  const summary = usePipelineSummary();
  const [reading, setReading] = useState<Reading>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    setReading({ state: 'loading' });
    api.GET('/console/inbox', { params: { query: { ...inboxApiQuery(view), limit: 25 } } }).then(
      ({ data, response }) => {
        if (!current) return;
        if (data !== undefined) setReading({ state: 'read', page: data });
        else if (response.status === 400) setReading({ state: 'refused' });
        else if (response.status !== 401) setReading({ state: 'failed' });
      },
      () => current && setReading({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [address, language]);

  const show = (next: InboxView) => route(inboxAddress(next));
  const { cursor: _cursor, ...withoutCursor } = view;


  return (
    <>
      <PageHeading>{t.inboxHeading}</PageHeading>
      <nav aria-label={t.statusTabs} class="spire-tabs">
        <ul>
          {INBOX_STATUSES.filter((status) => status !== 'submitted' || (summary?.ideas.byStatus.submitted ?? 0) > 0).map((status) => (
            <li key={status}>
              <a href={inboxAddress({ ...withoutCursor, status })} aria-current={status === view.status ? 'page' : undefined}>
                {t.tabLabel(statusLabel(status, language), summary?.ideas.byStatus[status])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="spire-meta">{t.countsNote}</p>
      <Filters key={address} view={withoutCursor} strategy={strategy} onShow={show} />
      {reading.state === 'loading' ? <Spinner label={texts.common.loading} /> : null}
      <FailureAlert failure={reading.state === 'failed' ? texts.common.loadFailed : undefined} />
      {reading.state === 'refused' ? (
        <Alert variant="warning" announce>
          <p class="alert-text">{t.badFilter}</p>
        </Alert>
      ) : null}
      {reading.state === 'read' ? <InboxTable page={reading.page} view={view} strategy={strategy} /> : null}
    </>
  );
}

function Filters({ view, strategy, onShow }: { view: InboxView; strategy: Strategy | undefined; onShow: (view: InboxView) => void }) {
  const { texts, language } = useConsoleTexts();
  const t = texts.console;
  const config = useConfig();
  const [mine, setMine] = useState(view.mine === true);
  const [kind, setKind] = useState<string>(view.kind ?? '');
  const [department, setDepartment] = useState(view.department ?? '');
  const [theme, setTheme] = useState(view.theme ?? '');
  const [sort, setSort] = useState<string>(view.sort);
  const themes = strategy?.themes ?? [];
  const themeOptions = [{ value: '', label: t.anyTheme }, ...themes.map((candidate) => ({ value: candidate.id, label: candidate.name[language] }))];
  // The theme in the address before the strategy is read: kept, so the filter is not lost.
  if (view.theme !== undefined && !themes.some((candidate) => candidate.id === view.theme)) themeOptions.push({ value: view.theme, label: view.theme });

  return (
    <form
      class="spire-filters"
      aria-label={t.filtersHeading}
      onSubmit={(event) => {
        event.preventDefault();
        const next = inboxViewOf({ status: view.status, ...(mine ? { mine: '1' } : { kind, department, theme }), sort });
        onShow(next);
      }}
    >
      <div class="spire-filter-mine">
        <Checkbox id="filter-mine" label={t.mineLabel} hint={t.mineHint} checked={mine} onChange={setMine} />
      </div>
      {mine ? null : (
        <>
          <Select id="filter-kind" label={t.kindLabel} value={kind} options={[{ value: '', label: t.anyKind }, ...IDEA_KINDS.map((value) => ({ value, label: texts.common.kinds[value] }))]} onChange={setKind} />
          <TextField id="filter-department" label={t.departmentLabel} value={department} onInput={setDepartment} list="filter-departments" required={false} />
          <datalist id="filter-departments">
            {config.departments.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <Select id="filter-theme" label={t.themeLabel} value={theme} options={themeOptions} onChange={setTheme} />
        </>
      )}
      <Select id="filter-sort" label={t.sortLabel} value={sort} options={(['priority', 'age'] as const).map((value) => ({ value, label: t.sorts[value] }))} onChange={setSort} />
      <div class="spire-actions">
        <button type="submit" class="button button-primary">
          {t.apply}
        </button>
        <a class="button button-secondary" href={inboxAddress({ status: view.status, sort: 'priority' })}>
          {t.clear}
        </a>
      </div>
    </form>
  );
}

function InboxTable({ page, view, strategy }: { page: InboxPage; view: InboxView; strategy: Strategy | undefined }) {
  const { texts, language } = useConsoleTexts();
  const t = texts.console;
  const { cursor, ...first } = view;
  const themeName = (id: string) => strategy?.themes.find((theme) => theme.id === id)?.name[language] ?? id;
  if (page.items.length === 0 && cursor === undefined) return <p class="mt-5">{view.mine === true ? t.emptyMine : t.empty}</p>;
  return (
    <>
      <div class="spire-table-scroll" tabIndex={0} role="region" aria-labelledby="inbox-caption">
        <table class="table table--compact">
          <caption id="inbox-caption">{view.mine === true ? t.tableCaptionMine(statusLabel(view.status, language)) : t.tableCaption(statusLabel(view.status, language))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colIdea}</th>
              <th scope="col">{t.colWaiting}</th>
              <th scope="col">{t.colThemes}</th>
              <th scope="col">{t.colHours}</th>
              <th scope="col">{t.colPriority}</th>
              <th scope="col">{t.colDuplicates}</th>
              <th scope="col">{t.colAssignee}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <a href={`/console/ideas/${row.id}`}>{row.title}</a>
                  <span class="spire-meta d-block">
                    {texts.common.kinds[row.kind]} · {row.department}
                  </span>
                </th>
                <td>
                  {t.days(row.daysInStatus)}
                  {row.overdue ? (
                    <>
                      {' '}
                      <span class="badge badge-error" title={t.overdueHint(page.serviceLevelDays)}>
                        {t.overdue}
                      </span>
                    </>
                  ) : null}
                </td>
                <td>{row.themes.map((theme) => themeName(theme.themeId)).join(', ')}</td>
                <td>{row.figuresUnknown === true ? t.unknownHours : row.frictionHoursPerYear === undefined ? t.noHours : texts.common.number(row.frictionHoursPerYear)}</td>
                <td>
                  {texts.common.number(row.priority)}
                  {row.priorityBasis === 'suggested' ? (
                    <>
                      {' '}
                      <span class="badge" data-priority-basis="suggested" title={t.suggestedOnlyHint}>
                        {t.suggestedOnly}
                      </span>
                    </>
                  ) : null}
                  {row.priorityBasis === 'partly-scored' ? <span class="spire-meta d-block">{t.partlyScored}</span> : null}
                  {row.priorityComplete ? null : <span class="spire-meta d-block">{t.incomplete}</span>}
                </td>
                <td>{row.duplicateCandidates}</td>
                <td>{row.assignee === undefined ? t.nobody : (row.assignee.name ?? row.assignee.sub)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="spire-actions mt-5">
        {cursor === undefined ? null : (
          <a class="button button-secondary" href={inboxAddress(first)}>
            {t.firstPage}
          </a>
        )}
        {page.nextCursor === undefined ? null : (
          <a class="button button-secondary" href={inboxAddress({ ...view, cursor: page.nextCursor })}>
            {t.nextPage}
          </a>
        )}
      </p>
    </>
  );
}

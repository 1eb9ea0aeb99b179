/**
 * `/pipeline/report`: the pipeline in figures and charts, from `GET /pipeline/summary`: the funnel
 * with its conversion rates, days in each stage against the limits, hours a year expected against
 * realised, pilots per theme and per department, and the ideas in triage; each chart with its data
 * table. Printed (./pipeline.scss, `@media print`) it is a one-page report for a council meeting
 * with the figures, the charts and the date; the CSV of every pilot downloads beside it.
 */
import type * as Plot from '@observablehq/plot';
import { barX, text, tickX } from '@observablehq/plot';
import { useMemo, useState } from 'preact/hooks';
import { IDEA_STATUSES } from '../../../../shared/domain/idea.ts';
import { departmentKey } from '../../../../shared/domain/inbox.ts';
import { PILOT_STAGES, type PilotStage } from '../../../../shared/domain/pilot.ts';
import { api } from '../../api/client.ts';
import { FailureAlert } from '../../components/Alert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { statusLabel } from '../../components/StatusBadge.tsx';
import { useConfig } from '../../config.ts';
import { Chart, DataTable } from './Chart.tsx';
import { usePipelineSummary, type PipelineSummary } from './pipeline-data.ts';
import { PipelineOnly } from './PipelineOnly.tsx';
import { usePipelineTexts } from './texts/usePipelineTexts.ts';

/** dkfds' primary blue and its error red: a bar and a limit line, told apart by shape as well (a bar, a tick). */
const BAR = '#0059b3';
const LIMIT = '#b51d09';

export default function ReportPage() {
  return <PipelineOnly>{() => <Report />}</PipelineOnly>;
}

function Report() {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const summary = usePipelineSummary();
  if (summary.state === 'loading') return <Spinner label={texts.common.loading} />;
  if (summary.state === 'failed') {
    return <FailureAlert failure={t.loadFailed} />;
  }
  const s = summary.value;
  return (
    <>
      <PageHeading>{t.reportHeading}</PageHeading>
      <p class="spire-report-date">{t.reportDate(texts.common.date(s.at))}</p>
      <ReportActions />
      <Figures summary={s} />
      <Charts summary={s} />
    </>
  );
}

/** Print, and the CSV of every pilot (fetched with the sign-in's token, then saved by the browser). */
function ReportActions() {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const download = async () => {
    if (state === 'busy') return;
    setState('busy');
    try {
      const { data } = await api.GET('/pipeline/export.csv', { parseAs: 'blob' });
      if (data === undefined) throw new Error('The export failed');
      const url = URL.createObjectURL(data as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = t.csvFileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <div class="spire-actions spire-report-actions">
      <button type="button" class="button button-primary" onClick={() => window.print()}>
        {t.print}
      </button>
      <button type="button" class="button button-secondary" aria-disabled={state === 'busy' ? 'true' : undefined} onClick={() => void download()}>
        {state === 'busy' ? t.downloading : t.downloadCsv}
      </button>
      <FailureAlert failure={state === 'failed' ? t.downloadFailed : undefined} />
    </div>
  );
}

function Figures({ summary }: { summary: PipelineSummary }) {
  const { texts } = usePipelineTexts();
  const t = texts.pipeline;
  const active = summary.stages.sprint + summary.stages.pilot + summary.stages.evaluation + summary.stages.operations;
  const figures: [string, string][] = [
    [t.figureActive, texts.common.number(active)],
    [t.figureRealised, texts.common.number(summary.stages.realised)],
    [t.figureStopped, texts.common.number(summary.stages.stopped)],
    [t.figureExpected, texts.common.number(summary.hours.expectedPerYearInPipeline)],
    [t.figureRealisedHours, texts.common.number(summary.hours.realisedPerYear)],
    [t.figureTriage, texts.common.number(summary.triage.waiting)],
  ];
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t.figuresHeading}</h2>
      <dl class="spire-figures">
        {figures.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

interface Bar {
  label: string;
  value: number;
  /** The text at the bar's end. */
  note: string;
}

/**
 * Horizontal bars with their value written at their end, labels on the left, the axis's numbers
 * written the language's way; an axis from 0 to at least 1, so bars of nothing stay empty.
 */
function bars(data: readonly Bar[], xLabel: string, format: (value: number) => string, extra: Plot.Markish[] = [], most = 0): Plot.PlotOptions {
  const longest = Math.max(0, ...data.map((bar) => bar.label.length));
  return {
    width: 640,
    marginLeft: Math.min(240, 16 + longest * 7.5),
    marginRight: 110,
    height: 40 + data.length * 30,
    x: { label: xLabel, grid: true, nice: true, domain: [0, Math.max(1, most, ...data.map((bar) => bar.value))], tickFormat: format },
    y: { label: null, domain: data.map((bar) => bar.label) },
    style: { fontSize: '12px' },
    marks: [
      barX(data, { x: 'value', y: 'label', fill: BAR }),
      ...extra,
      text(data, { x: 'value', y: 'label', text: 'note', textAnchor: 'start', dx: 6, fill: 'currentColor' }),
    ],
  };
}

function Charts({ summary }: { summary: PipelineSummary }) {
  const { texts, language } = usePipelineTexts();
  const t = texts.pipeline;
  const n = texts.common.number;
  const stageName = (stage: PilotStage) => t.stages[stage];
  const { departments: named } = useConfig();
  const departmentName = (key: string) => named.find((department) => departmentKey(department) === key) ?? key;

  const charts = useMemo(() => {
    const funnel = summary.funnel.map((step) => ({
      label: t.funnelSteps[step.step],
      value: step.count,
      note: step.conversion === null ? n(step.count) : `${n(step.count)} (${t.percent(step.conversion)})`,
      conversion: step.conversion,
    }));
    const stageTime = summary.stageTime.map((entry) => ({
      label: stageName(entry.stage),
      value: entry.medianDays ?? 0,
      note: entry.medianDays === null ? t.noValue : `${n(entry.medianDays)} / ${n(entry.limitDays)}`,
      limit: entry.limitDays,
      entry,
    }));
    const hours = [
      { label: t.hoursExpected, value: summary.hours.expectedPerYearInPipeline, note: n(summary.hours.expectedPerYearInPipeline) },
      { label: t.hoursRealised, value: summary.hours.realisedPerYear, note: n(summary.hours.realisedPerYear) },
    ];
    const total = (stages: Partial<Record<PilotStage, number>>) => PILOT_STAGES.reduce((sum, stage) => sum + (stages[stage] ?? 0), 0);
    const themes = Object.values(summary.byTheme)
      .map((theme) => ({ label: theme.name, value: total(theme.stages), note: n(total(theme.stages)) }))
      .sort((a, b) => b.value - a.value);
    const departments = Object.entries(summary.byDepartment)
      .map(([department, stages]) => ({ label: departmentName(department), value: total(stages), note: n(total(stages)) }))
      .sort((a, b) => b.value - a.value);
    const triage = IDEA_STATUSES.filter((status) => status !== 'accepted').map((status) => ({
      label: statusLabel(status, language),
      value: summary.ideas.byStatus[status],
      note: n(summary.ideas.byStatus[status]),
    }));
    return {
      funnel,
      stageTime,
      hours,
      themes,
      departments,
      triage,
      plots: {
        funnel: bars(funnel, t.countColumn, n),
        stageTime: bars(stageTime, t.medianColumn, n, [tickX(stageTime, { x: 'limit', y: 'label', stroke: LIMIT, strokeWidth: 3 })], Math.max(...stageTime.map((entry) => entry.limit))),
        hours: bars(hours, t.hoursColumn, n),
        themes: bars(themes, t.pilotsColumn, n),
        departments: bars(departments, t.pilotsColumn, n),
        triage: bars(triage, t.countColumn, n),
      },
    };
    // texts and language change together; summary is read again in another language.
  }, [summary, language]);

  const days = (value: number | null) => (value === null ? t.noValue : t.days(Math.round(value)));

  return (
    <section aria-labelledby="charts-heading" class="spire-charts">
      <h2 id="charts-heading" class="sr-only">
        {t.reportLink}
      </h2>
      <Chart
        id="chart-funnel"
        heading={t.funnelHeading}
        label={t.funnelLabel}
        plot={charts.plots.funnel}
        table={
          <DataTable
            caption={t.funnelHeading}
            columns={[t.stepColumn, t.countColumn, t.conversionColumn]}
            rows={charts.funnel.map((step) => [step.label, n(step.value), step.conversion === null ? t.noValue : t.percent(step.conversion)])}
          />
        }
      />
      <Chart
        id="chart-stage-time"
        heading={t.stageTimeHeading}
        label={t.stageTimeLabel}
        plot={charts.plots.stageTime}
        table={
          <DataTable
            caption={t.stageTimeHeading}
            columns={[t.stageColumn, t.pilotsColumn, t.medianColumn, t.limitColumn, t.overColumn]}
            rows={charts.stageTime.map(({ label, entry }) => [label, n(entry.pilots), entry.medianDays === null ? t.noValue : n(entry.medianDays), n(entry.limitDays), n(entry.overLimit)])}
          />
        }
      >
        <p class="spire-legend">
          <span class="spire-legend-bar" aria-hidden="true" /> {t.medianSeries} <span class="spire-legend-tick" aria-hidden="true" /> {t.limitSeries}
        </p>
      </Chart>
      <Chart
        id="chart-hours"
        heading={t.hoursHeading}
        label={t.hoursLabel}
        plot={charts.plots.hours}
        table={<DataTable caption={t.hoursHeading} columns={[t.hoursKindColumn, t.hoursColumn]} rows={charts.hours.map((row) => [row.label, n(row.value)])} />}
      />
      <Chart
        id="chart-themes"
        heading={t.themeHeading}
        label={t.themeLabel2}
        plot={charts.plots.themes}
        table={<DataTable caption={t.themeHeading} columns={[t.nameColumn, t.pilotsColumn]} rows={charts.themes.map((row) => [row.label, n(row.value)])} />}
      />
      <Chart
        id="chart-departments"
        heading={t.departmentHeading}
        label={t.departmentLabel2}
        plot={charts.plots.departments}
        table={<DataTable caption={t.departmentHeading} columns={[t.nameColumn, t.pilotsColumn]} rows={charts.departments.map((row) => [row.label, n(row.value)])} />}
      />
      <Chart
        id="chart-triage"
        heading={t.triageHeading}
        label={t.triageLabel}
        plot={charts.plots.triage}
        table={<DataTable caption={t.triageHeading} columns={[t.statusColumn, t.countColumn]} rows={charts.triage.map((row) => [row.label, n(row.value)])} />}
      >
        <p>{t.triageFacts(summary.triage.waiting, days(summary.triage.averageDaysWaiting), days(summary.triage.oldestDaysWaiting))}</p>
      </Chart>
    </section>
  );
}

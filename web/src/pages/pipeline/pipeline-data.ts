/**
 * Reading what the pipeline's pages show, over the one API client: the directors' summary, and the
 * board's pilots (every stage, each read to its end a page of 100 at a time, so the board holds
 * 1 + Σ max(1, ⌈pilots in the stage / 100⌉) calls: 17 for 1,000 pilots). Each reads again in another language.
 */
import { useEffect, useState } from 'preact/hooks';
import { PILOT_STAGES, type PilotStage } from '../../../../shared/domain/pilot.ts';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { useTexts } from '../../i18n/texts.tsx';
import { apiFilter, matchesFilters, type BoardFilters, type PilotRow } from './board.ts';

export type PipelineSummary = components['schemas']['PipelineSummary'];

export type Loaded<T> = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; value: T };

/** The pipeline's summary: counts, funnel, time in stage, hours, triage. */
export function usePipelineSummary(): Loaded<PipelineSummary> {
  const { language } = useTexts();
  const [summary, setSummary] = useState<Loaded<PipelineSummary>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    api.GET('/pipeline/summary').then(
      ({ data }) => current && setSummary(data === undefined ? { state: 'failed' } : { state: 'ready', value: data }),
      () => current && setSummary({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [language]);
  return summary;
}

const PAGE = 100;

/** Every pilot in `stage` the API's one filter lets through, page after page. */
async function stagePilots(stage: PilotStage, filters: BoardFilters): Promise<PilotRow[]> {
  const rows: PilotRow[] = [];
  let cursor: string | undefined;
  do {
    const { data } = await api.GET('/pipeline/pilots', { params: { query: { stage, sort: 'in_stage', limit: PAGE, ...apiFilter(filters), ...(cursor === undefined ? {} : { cursor }) } } });
    if (data === undefined) throw new Error(`GET /pipeline/pilots?stage=${stage} failed`);
    rows.push(...data.items);
    cursor = data.nextCursor;
  } while (cursor !== undefined);
  return rows;
}

export type Board = Record<PilotStage, PilotRow[]>;

/** The board's pilots per stage, longest in their stage first, narrowed by every filter. */
export function useBoard(filters: BoardFilters): Loaded<Board> {
  const [board, setBoard] = useState<Loaded<Board>>({ state: 'loading' });
  const key = JSON.stringify(filters);
  useEffect(() => {
    let current = true;
    setBoard({ state: 'loading' });
    Promise.all(PILOT_STAGES.map((stage) => stagePilots(stage, filters))).then(
      (lists) => {
        if (!current) return;
        const value = Object.fromEntries(PILOT_STAGES.map((stage, index) => [stage, (lists[index] ?? []).filter((row) => matchesFilters(row, filters))])) as Board;
        setBoard({ state: 'ready', value });
      },
      () => current && setBoard({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
    // The filters are compared by value: the address gives a new object each render.
  }, [key]);
  return board;
}

/** The stage limits the summary carries, by stage. */
export function stageLimits(summary: PipelineSummary): Partial<Record<PilotStage, number>> {
  return Object.fromEntries(summary.stageTime.map((entry) => [entry.stage, entry.limitDays]));
}

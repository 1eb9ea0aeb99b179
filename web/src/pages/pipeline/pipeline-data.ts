/**
 * Reading what the pipeline's pages show, over the one API client: the directors' summary (read
 * again in another language), the board's columns and the pilots on hold. The board's first view
 * is a bounded number of calls whatever the number of pilots: the summary, the first page (100
 * rows) of each of the six stages' lists and the first page of the pilots on hold, 8 calls
 * (measured by bench/pipeline-board.ts; docs/web.md). A column reads its list's next page only
 * when asked ("Vis flere"), one call each.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { PILOT_STAGES, type PilotStage } from '../../../../shared/domain/pilot.ts';
import { api } from '../../api/client.ts';
import type { components } from '../../api/schema.d.ts';
import { useTexts } from '../../i18n/texts.tsx';
import { apiFilter, BOARD_PAGE, columnWithPage, type BoardFilters, type Column, type HeldList } from './board.ts';

export type PipelineSummary = components['schemas']['PipelineSummary'];

export type Loaded<T> = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; value: T };

/**
 * What `read` answers, read when the page mounts and again whenever one of `deps` changes (the
 * last answer kept meanwhile): failed when it answers nothing or does not answer.
 */
function useLoaded<T>(read: () => Promise<T | undefined>, deps: readonly unknown[]): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    read().then(
      (value) => current && setLoaded(value === undefined ? { state: 'failed' } : { state: 'ready', value }),
      () => current && setLoaded({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return loaded;
}

/** The pipeline's summary: counts, funnel, time in stage, hours, triage; read again in another language (its names are in the language asked for). */
export function usePipelineSummary(): Loaded<PipelineSummary> {
  const { language } = useTexts();
  return useLoaded(async () => (await api.GET('/pipeline/summary')).data, [language]);
}

/** One page of the stage's list, narrowed by the API's one filter, longest in the stage first. */
async function stagePage(stage: PilotStage, filters: BoardFilters, cursor?: string) {
  const { data } = await api.GET('/pipeline/pilots', { params: { query: { stage, sort: 'in_stage', limit: BOARD_PAGE, ...apiFilter(filters), ...(cursor === undefined ? {} : { cursor }) } } });
  if (data === undefined) throw new Error(`GET /pipeline/pilots?stage=${stage} failed`);
  return data;
}

export type Board = Record<PilotStage, Column>;

/**
 * The first page of the pilots on hold, of every stage, the earliest end of a hold first (one
 * call): where the board finds every pilot whose hold has ended without reading every column.
 */
export function useHeldPilots(): Loaded<HeldList> {
  // Read once: its rows are the pilots as stored, with no text in the language asked for, as the columns' rows.
  return useLoaded(async () => {
    const { data } = await api.GET('/pipeline/pilots', { params: { query: { sort: 'hold_until', limit: BOARD_PAGE } } });
    return data === undefined ? undefined : { rows: data.items, more: data.nextCursor !== undefined };
  }, []);
}

export interface BoardData {
  board: Loaded<Board>;
  /**
   * Reads the stage's next page into its column: resolves to the number of rows it added to the
   * column (0 when the filters let none of the page through), or rejects when the API did not answer.
   */
  showMore: (stage: PilotStage) => Promise<number>;
}

/** The board's columns: the first page of each stage's list (six calls), narrowed by every filter; more on request, a page a column. */
export function useBoard(filters: BoardFilters): BoardData {
  const [board, setBoard] = useState<Loaded<Board>>({ state: 'loading' });
  const key = JSON.stringify(filters);
  // What `showMore` reads and writes, kept apart from renders: the filters it was made for, and the columns as they are now.
  const latest = useRef<{ key: string; board: Loaded<Board> }>({ key, board });
  latest.current = { key, board };
  useEffect(() => {
    let current = true;
    setBoard({ state: 'loading' });
    Promise.all(PILOT_STAGES.map((stage) => stagePage(stage, filters))).then(
      (pages) => {
        if (!current) return;
        setBoard({ state: 'ready', value: Object.fromEntries(PILOT_STAGES.map((stage, index) => [stage, columnWithPage(undefined, pages[index] ?? { items: [] }, filters)])) as Board });
      },
      () => current && setBoard({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
    // The filters are compared by value: the address gives a new object each render.
  }, [key]);

  const showMore = useCallback(
    async (stage: PilotStage): Promise<number> => {
      const loaded = latest.current.board;
      if (loaded.state !== 'ready') return 0;
      const cursor = loaded.value[stage].next;
      if (cursor === undefined) return 0;
      const page = await stagePage(stage, filters, cursor);
      const now = latest.current;
      // The filters changed, or another read of the column came first: this page is not the column's next.
      if (now.key !== key || now.board.state !== 'ready' || now.board.value[stage].next !== cursor) return 0;
      const column = columnWithPage(now.board.value[stage], page, filters);
      const value = { ...now.board.value, [stage]: column };
      latest.current = { key, board: { state: 'ready', value } };
      setBoard({ state: 'ready', value });
      return column.rows.length - now.board.value[stage].rows.length;
    },
    [key],
  );
  return { board, showMore };
}

/** The stage limits the summary carries, by stage. */
export function stageLimits(summary: PipelineSummary): Partial<Record<PilotStage, number>> {
  return Object.fromEntries(summary.stageTime.map((entry) => [entry.stage, entry.limitDays]));
}

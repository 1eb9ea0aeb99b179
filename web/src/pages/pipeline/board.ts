/**
 * The board's rules, pure: the filters as the address holds them
 * (`/pipeline?theme=automatisering&department=…&owner=…`), how one API list narrows them (the API
 * narrows by at most one of theme, department and owner; the rest are applied to its rows), a
 * column read a page at a time and how many it shows of how many, a card's time in its stage
 * against the limit, which pilots wait for a decision and where that list may miss some.
 */
import { DAY_MS } from '../../../../shared/domain/calendar.ts';
import { daysSince, departmentKey } from '../../../../shared/domain/inbox.ts';
import { isActive, PILOT_STAGES, type PilotStage } from '../../../../shared/domain/pilot.ts';
import type { components } from '../../api/schema.d.ts';

export type PilotRow = components['schemas']['PipelinePilotsPage']['items'][number];

export interface BoardFilters {
  theme?: string;
  department?: string;
  owner?: string;
}

const FILTER_KEYS = ['theme', 'department', 'owner'] as const;

/** The filters an address's query names; an empty value is no filter. */
export function boardFiltersOf(query: Readonly<Record<string, string | undefined>>): BoardFilters {
  const filters: BoardFilters = {};
  for (const key of FILTER_KEYS) {
    const value = query[key]?.trim() ?? '';
    if (value !== '') filters[key] = value;
  }
  return filters;
}

/** The board's address for the filters, in a fixed order. */
export function boardAddress(filters: BoardFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key] !== undefined) params.set(key, filters[key]);
  const query = params.toString();
  return query === '' ? '/pipeline' : `/pipeline?${query}`;
}

/** The one filter the API narrows its list by (theme first, then department, then owner); the others are applied to its rows. */
export function apiFilter(filters: BoardFilters): BoardFilters {
  for (const key of FILTER_KEYS) if (filters[key] !== undefined) return { [key]: filters[key] };
  return {};
}

/** Whether a row of the API's list passes every filter (department as the API compares it: case and spacing aside). */
export function matchesFilters(row: PilotRow, filters: BoardFilters): boolean {
  if (filters.theme !== undefined && !row.themes.includes(filters.theme)) return false;
  if (filters.department !== undefined && departmentKey(row.department) !== departmentKey(filters.department)) return false;
  if (filters.owner !== undefined && row.owner?.sub !== filters.owner) return false;
  return true;
}

export interface StageClock {
  /** Whole days in the stage. */
  days: number;
  /** The stage's limit; undefined for `realised` and `stopped`. */
  limit?: number;
  /** Whole days past the limit (0 when within it), as the API counts "over": more days than the limit. */
  over: number;
}

/** How long a pilot has been in its stage, against the stage's limit (active stages only). */
export function stageClock(stage: PilotStage, stageEnteredAt: string, limits: Partial<Record<PilotStage, number>>, now: Date): StageClock {
  const exact = daysSince(stageEnteredAt, now);
  const limit = isActive(stage) ? limits[stage] : undefined;
  if (limit === undefined) return { days: Math.floor(exact), over: 0 };
  return { days: Math.floor(exact), limit, over: exact > limit ? Math.max(1, Math.floor(exact - limit)) : 0 };
}

export type WaitingReason = { kind: 'hold-ended'; day: string } | { kind: 'over-limit'; over: number };

/**
 * Why a pilot waits for a decision at its gate, if it does: its hold's day to look again has come,
 * or (not on hold) it has been in its stage longer than the limit. Realised and stopped pilots never wait.
 */
export function waitingReason(row: PilotRow, limits: Partial<Record<PilotStage, number>>, now: Date, today: string): WaitingReason | undefined {
  if (!isActive(row.stage)) return undefined;
  if (row.holdUntil !== undefined) return row.holdUntil <= today ? { kind: 'hold-ended', day: row.holdUntil } : undefined;
  const clock = stageClock(row.stage, row.stageEnteredAt, limits, now);
  return clock.over > 0 ? { kind: 'over-limit', over: clock.over } : undefined;
}

/** The owners found among the rows, by name, for the owner filter; the one filtered by is kept even when no row shows it. */
export function ownersOf(rows: readonly PilotRow[], chosen: string | undefined): { sub: string; name: string }[] {
  const owners = new Map<string, string>();
  for (const row of rows) if (row.owner !== undefined) owners.set(row.owner.sub, row.owner.name ?? row.owner.sub);
  if (chosen !== undefined && !owners.has(chosen)) owners.set(chosen, chosen);
  return [...owners].map(([sub, name]) => ({ sub, name })).sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/** The rows a stage's list gives a page at a time: the API's most. */
export const BOARD_PAGE = 100;

/**
 * One stage's column as read so far: the API's list for the stage (narrowed by its one filter,
 * longest in the stage first) read a page at a time, the rows that pass every filter kept.
 */
export interface Column {
  /** The rows read that pass every filter, in the list's order. */
  rows: PilotRow[];
  /** When the last row the API gave (filtered out or not) entered the stage; undefined before any. */
  lastEnteredAt?: string;
  /** The cursor of the list's next page; undefined once the list is read to its end. */
  next?: string;
}

/** The column with one more page of its list: the rows that pass every filter added (a row already shown is not shown twice). */
export function columnWithPage(column: Column | undefined, page: { items: readonly PilotRow[]; nextCursor?: string | undefined }, filters: BoardFilters): Column {
  const rows = column?.rows ?? [];
  const shown = new Set(rows.map((row) => row.id));
  const added = page.items.filter((row) => !shown.has(row.id) && matchesFilters(row, filters));
  const last = page.items.at(-1)?.stageEnteredAt ?? column?.lastEnteredAt;
  return { rows: [...rows, ...added], ...(last === undefined ? {} : { lastEnteredAt: last }), ...(page.nextCursor === undefined ? {} : { next: page.nextCursor }) };
}

/** The counts the summary (`GET /pipeline/summary`) keeps: per stage, per theme and stage, per department (keyed as shared/domain/inbox.ts keys it) and stage. */
export type SummaryCounts = Pick<components['schemas']['PipelineSummary'], 'stages' | 'byTheme' | 'byDepartment'>;

/**
 * How many pilots the column has in all, where that is known: exactly when the column is read to
 * its end; otherwise from the summary's counts when at most one of theme and department filters it
 * (the summary counts no owner and no two filters together); else undefined.
 */
export function columnTotal(stage: PilotStage, column: Column, filters: BoardFilters, summary: SummaryCounts): number | undefined {
  if (column.next === undefined) return column.rows.length;
  const set = FILTER_KEYS.filter((key) => filters[key] !== undefined);
  let counted: number | undefined;
  if (set.length === 0) counted = summary.stages[stage];
  else if (set.length === 1 && filters.theme !== undefined) counted = summary.byTheme[filters.theme]?.stages[stage] ?? 0;
  else if (set.length === 1 && filters.department !== undefined) counted = summary.byDepartment[departmentKey(filters.department)]?.[stage] ?? 0;
  // The summary is read apart from the list: never fewer than the rows already shown.
  return counted === undefined ? undefined : Math.max(counted, column.rows.length);
}

/**
 * Whether the column shows all it has: its list read to its end, or as many rows as its known
 * total (a full last page still gives a cursor, which would fetch nothing more).
 */
export function readToEnd(column: Column, total: number | undefined): boolean {
  return column.next === undefined || (total !== undefined && column.rows.length >= total);
}

/** The pilots the board shows, and how many the filters let through in all when every column's total is known. */
export function boardCount(columns: readonly { column: Column; total: number | undefined }[]): { shown: number; total?: number } {
  const shown = columns.reduce((sum, { column }) => sum + column.rows.length, 0);
  if (columns.some(({ total }) => total === undefined)) return { shown };
  return { shown, total: columns.reduce((sum, { total }) => sum + (total ?? 0), 0) };
}

/** The list of pilots on hold (`GET /pipeline/pilots?sort=hold_until`): its first page, earliest end of a hold first. */
export interface HeldList {
  rows: PilotRow[];
  /** Whether the list has more than its first page. */
  more: boolean;
}

interface Waiting {
  row: PilotRow;
  reason: WaitingReason;
}

/**
 * The pilots waiting for a decision, the filters applied: those over their stage's limit among the
 * columns' rows, and those whose hold has ended from the list of pilots on hold (which orders them
 * first, whichever stage they are in), each once, longest waiting first.
 */
export function waitingPilots(board: Readonly<Record<PilotStage, Column>>, held: HeldList, filters: BoardFilters, limits: Partial<Record<PilotStage, number>>, now: Date, today: string): Waiting[] {
  const found = new Map<string, Waiting>();
  const rows = [...PILOT_STAGES.flatMap((stage) => board[stage].rows), ...held.rows.filter((row) => matchesFilters(row, filters))];
  for (const row of rows) {
    const reason = waitingReason(row, limits, now, today);
    if (reason !== undefined && !found.has(row.id)) found.set(row.id, { row, reason });
  }
  // Since when each has waited: the day its hold ended, or the moment its stage's limit ran out.
  const since = ({ row, reason }: Waiting) => (reason.kind === 'hold-ended' ? Date.parse(reason.day) : Date.parse(row.stageEnteredAt) + (limits[row.stage] ?? 0) * DAY_MS);
  return [...found.values()].sort((a, b) => since(a) - since(b));
}

/**
 * Where "waiting for your decision" may miss pilots. A stage's list is longest in the stage first,
 * so every pilot over its stage's limit comes before every pilot within it: they are all read
 * unless the last row read is still over the limit (`overLimit` names those stages). The list of
 * pilots on hold has every ended hold first, so only more than a page of them can hide one
 * (`holdsMore`: the list has more, and its last row's hold has ended too).
 */
export function unreadWaiting(
  board: Readonly<Record<PilotStage, Column>>,
  totals: Readonly<Partial<Record<PilotStage, number>>>,
  held: HeldList,
  limits: Partial<Record<PilotStage, number>>,
  now: Date,
  today: string,
): { overLimit: PilotStage[]; holdsMore: boolean } {
  const unread = PILOT_STAGES.filter((stage) => isActive(stage) && !readToEnd(board[stage], totals[stage]));
  const lastHold = held.rows.at(-1)?.holdUntil;
  return {
    overLimit: unread.filter((stage) => {
      const last = board[stage].lastEnteredAt;
      return last === undefined || stageClock(stage, last, limits, now).over > 0;
    }),
    holdsMore: held.more && lastHold !== undefined && lastHold <= today,
  };
}

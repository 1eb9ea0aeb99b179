/**
 * The board's rules, pure: the filters as the address holds them
 * (`/pipeline?theme=automatisering&department=…&owner=…`), how one API list narrows them (the API
 * narrows by at most one of theme, department and owner; the rest are applied to its rows), a
 * card's time in its stage against the limit, and which pilots wait for a decision.
 */
import { daysSince, departmentKey } from '../../../../shared/domain/inbox.ts';
import { isActive, type PilotStage } from '../../../../shared/domain/pilot.ts';
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

/**
 * The lists of pilots the directors' view pages through (GET /pipeline/pilots): all pilots or
 * one stage, narrowed by at most one of theme, department and owner, in one of three orders;
 * and the list of the pilots on hold, by the day their hold ends (`hold_until`), where the board
 * finds every hold that has ended without reading every pilot. Each pilot has an entry in every
 * list it belongs to, carrying its row, written with the pilot (shared/store/pilots.ts), so a page
 * is one Query. Pure.
 */
import type { StaffMember } from './idea.ts';
import { departmentKey, INBOX_THEMES_PER_IDEA } from './inbox.ts';
import { isActive, type Pilot, type PilotStage, type RiskLevel } from './pilot.ts';

/** The orders of the stage lists. */
export const STAGE_LIST_SORTS = ['in_stage', 'newest', 'expected_hours'] as const;
/** The one order of the list of pilots on hold: the day the hold ends, earliest first. */
export const HELD_SORT = 'hold_until';
/** Every order a page may ask for: `hold_until` reads the list of pilots on hold, the others a stage list. */
export const PILOT_SORTS = [...STAGE_LIST_SORTS, HELD_SORT] as const;
export type PilotSort = (typeof PILOT_SORTS)[number];

export interface PilotList {
  stage?: PilotStage;
  /** At most one of these three. */
  theme?: string;
  department?: string;
  owner?: string;
  /** The list of the active pilots on hold, never narrowed; read in the `hold_until` order only. */
  held?: true;
}

/**
 * Every list the pilot is in: all or its stage, each alone and narrowed by each theme, its
 * department (as shared/domain/inbox.ts keys it) and its owner; and, while an active pilot is on
 * hold, the list of pilots on hold.
 */
export function pilotListsOf(pilot: Pilot): PilotList[] {
  const narrowings: Omit<PilotList, 'stage'>[] = [
    {},
    ...pilot.themes.map((theme) => ({ theme })),
    { department: departmentKey(pilot.department) },
    ...(pilot.owner === undefined ? [] : [{ owner: pilot.owner.sub }]),
  ];
  const lists: PilotList[] = [undefined, pilot.stage].flatMap((stage) => narrowings.map((narrowing) => ({ ...(stage === undefined ? {} : { stage }), ...narrowing })));
  if (pilot.hold !== undefined && isActive(pilot.stage)) lists.push({ held: true });
  return lists;
}

/**
 * The most entries `pilotListsOf` and `pilotSortsOf` give one pilot: all pilots and its stage, each
 * alone, per theme (a pilot has its idea's inbox themes), by department and by owner, in three
 * orders; and the list of pilots on hold, in one.
 */
export const MOST_PILOT_LIST_ENTRIES = 2 * (1 + INBOX_THEMES_PER_IDEA + 1 + 1) * STAGE_LIST_SORTS.length + 1;

/** The orders a list is kept in: the list of pilots on hold in one, every other in three. */
export function pilotSortsOf(list: PilotList): readonly PilotSort[] {
  return list.held === true ? [HELD_SORT] : STAGE_LIST_SORTS;
}

const MAX_TIME = 9_999_999_999_999;
const MAX_HOURS = 9_999_999;

/**
 * Where the pilot sorts in a list, as text that orders ascending as the list is read:
 * longest in its stage first; newest first; most expected hours per year first; the earliest end
 * of a hold first (then longest in its stage).
 */
export function pilotSortValue(pilot: Pick<Pilot, 'id' | 'stageEnteredAt' | 'createdAt' | 'hypothesis' | 'hold'>, sort: PilotSort): string {
  switch (sort) {
    case 'in_stage':
      return `${pilot.stageEnteredAt}#${pilot.id}`;
    case 'newest':
      return `${String(MAX_TIME - Date.parse(pilot.createdAt)).padStart(13, '0')}#${pilot.id}`;
    case 'expected_hours': {
      const hours = Math.min(Math.max(Math.round(pilot.hypothesis?.expectedHoursPerYear ?? 0), 0), MAX_HOURS);
      return `${String(MAX_HOURS - hours).padStart(7, '0')}#${pilot.stageEnteredAt}#${pilot.id}`;
    }
    case 'hold_until':
      return `${pilot.hold?.until ?? '9999-12-31'}#${pilot.stageEnteredAt}#${pilot.id}`;
  }
}

/** What one row of the pipeline list (and of the CSV export) shows; kept on each entry. */
export interface PilotRow {
  id: string;
  title: string;
  stage: PilotStage;
  stageEnteredAt: string;
  department: string;
  themes: string[];
  ideaIds: string[];
  owner?: StaffMember;
  riskLevel?: RiskLevel;
  expectedHoursPerYear?: number;
  realisedHoursPerYear?: number;
  oneOffCostDkk?: number;
  yearlyCostDkk?: number;
  holdUntil?: string;
  createdAt: string;
  updatedAt: string;
}

export function pilotRow(pilot: Pilot): PilotRow {
  const optional = <K extends keyof PilotRow>(key: K, value: PilotRow[K] | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    id: pilot.id,
    title: pilot.title,
    stage: pilot.stage,
    stageEnteredAt: pilot.stageEnteredAt,
    department: pilot.department,
    themes: pilot.themes,
    ideaIds: pilot.ideaIds,
    ...optional('owner', pilot.owner),
    ...optional('riskLevel', pilot.riskLevel),
    ...optional('expectedHoursPerYear', pilot.hypothesis?.expectedHoursPerYear),
    ...optional('realisedHoursPerYear', pilot.results?.realisedHoursPerYear),
    ...optional('oneOffCostDkk', pilot.cost?.oneOffDkk),
    ...optional('yearlyCostDkk', pilot.cost?.yearlyDkk),
    ...optional('holdUntil', pilot.hold?.until),
    createdAt: pilot.createdAt,
    updatedAt: pilot.updatedAt,
  };
}

/**
 * The triage inbox: which lists an idea appears in, in what order, and the row it shows there.
 * Pure: the store (shared/store/inbox-entries.ts) writes one entry per list and order, so every
 * inbox page is one Query of exactly the ideas asked for, never a Scan or a filter.
 */
import { DAY_MS } from './calendar.ts';
import type { Idea, IdeaKind, IdeaStatus, StaffMember } from './idea.ts';

/**
 * Every status has an inbox list. `submitted` lists only the ideas whose intake the sweeper gave
 * up on (shared/intake/sweep.ts): an idea on its ordinary way through intake is not listed.
 */
export const INBOX_STATUSES = ['in_triage', 'needs_info', 'parked', 'accepted', 'declined', 'duplicate', 'redirected', 'withdrawn', 'submitted'] as const satisfies readonly IdeaStatus[];
export type InboxStatus = (typeof INBOX_STATUSES)[number];

export const INBOX_SORTS = ['priority', 'age'] as const;
/** `priority`: highest first (ties: longest waiting first); `age`: longest in the status first. */
export type InboxSort = (typeof INBOX_SORTS)[number];

/** An idea is listed under a theme when the theme scores at least this much, for its best two themes. */
export const INBOX_THEME_MIN_SCORE = 0.2;
export const INBOX_THEMES_PER_IDEA = 2;

/**
 * One list of the inbox: a status, narrowed by any of kind, department and theme; or a status and
 * the one assignee (their subject), never narrowed further.
 */
export interface InboxList {
  status: InboxStatus;
  kind?: IdeaKind;
  /** As departmentKey() gives it. */
  department?: string;
  theme?: string;
  /** The assignee's subject: the list "assigned to me". */
  assignee?: string;
}

/** Departments are typed by people: "Ældreplejen", "ældreplejen " and "Ældre­plejen" are one department. */
export function departmentKey(department: string): string {
  // Soft hyphens and zero-width characters come along when a name is pasted from a document.
  return department.normalize('NFC').replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');
}

/** The themes an idea is listed under: its best themes that score at least INBOX_THEME_MIN_SCORE. */
export function inboxThemes(idea: Pick<Idea, 'themeAlignment'>): string[] {
  return (idea.themeAlignment?.scores ?? [])
    .filter((score) => score.score >= INBOX_THEME_MIN_SCORE)
    .slice(0, INBOX_THEMES_PER_IDEA)
    .map((score) => score.themeId);
}

/** The most lists `inboxListsOf` puts one idea in: 4 without a theme, 4 per theme, and its assignee's. */
export const MOST_INBOX_LISTS = 4 * (1 + INBOX_THEMES_PER_IDEA) + 1;

/**
 * Every inbox list the idea is in: each combination of its kind, its department and one of its
 * themes, each present or not (4 lists without a theme, 4 more per theme), and while it is
 * assigned, its assignee's list. None in `submitted` unless the sweeper gave up on its intake.
 * Every entry is rewritten with the idea, so assigning, reassigning and erasure move it.
 */
export function inboxListsOf(idea: Idea): InboxList[] {
  if (idea.status === 'submitted' && idea.intakeAbandonedAt === undefined) return [];
  const status = idea.status;
  const department = departmentKey(idea.department);
  const lists: InboxList[] = [];
  for (const theme of [undefined, ...inboxThemes(idea)]) {
    for (const withKind of [false, true]) {
      for (const withDepartment of [false, true]) {
        lists.push({
          status,
          ...(withKind ? { kind: idea.kind } : {}),
          ...(withDepartment ? { department } : {}),
          ...(theme === undefined ? {} : { theme }),
        });
      }
    }
  }
  if (idea.assignee !== undefined) lists.push({ status, assignee: idea.assignee.sub });
  return lists;
}

const PRIORITY_STEPS = 1000;

/**
 * Where the idea sorts in a list: text that orders as the inbox does. Priority is inverted
 * (0–100 in tenths, subtracted from 1000) so the highest comes first in ascending order.
 */
export function inboxSortValue(idea: Pick<Idea, 'id' | 'statusChangedAt' | 'scorecard'>, sort: InboxSort): string {
  const age = `${idea.statusChangedAt}#${idea.id}`;
  if (sort === 'age') return age;
  const tenths = Math.round((idea.scorecard?.priority ?? 0) * 10);
  return `${String(PRIORITY_STEPS - tenths).padStart(4, '0')}#${age}`;
}

export const PRIORITY_BASES = ['suggested', 'partly-scored', 'scored'] as const;
/**
 * Who the priority comes from: `suggested` when no criterion has a team score yet (only the
 * system's suggestions, or nothing at all), `scored` when the team scored every criterion of the
 * strategy, `partly-scored` in between (some team scores beside suggested or unscored criteria).
 */
export type PriorityBasis = (typeof PRIORITY_BASES)[number];

export function priorityBasisOf(scorecard: Idea['scorecard']): PriorityBasis {
  const sources = Object.values(scorecard?.scores ?? {}).map((score) => score.source);
  if (!sources.includes('triage')) return 'suggested';
  return scorecard?.complete === true && sources.every((source) => source === 'triage') ? 'scored' : 'partly-scored';
}

/** What one inbox row shows; kept on each entry so a page needs no further reads. */
export interface InboxRow {
  id: string;
  title: string;
  kind: IdeaKind;
  department: string;
  status: IdeaStatus;
  statusChangedAt: string;
  themes: { themeId: string; score: number }[];
  frictionHoursPerYear?: number;
  /** A friction report without figures: its hours are unknown, not 0 (see Idea.figuresUnknown). */
  figuresUnknown?: true;
  priority: number;
  priorityComplete: boolean;
  /** Who the priority comes from; see priorityBasisOf. */
  priorityBasis: PriorityBasis;
  duplicateCandidates: number;
  assignee?: StaffMember;
}

export function inboxRow(idea: Idea): InboxRow {
  return {
    id: idea.id,
    title: idea.title,
    kind: idea.kind,
    department: idea.department,
    status: idea.status,
    statusChangedAt: idea.statusChangedAt,
    themes: (idea.themeAlignment?.scores ?? []).slice(0, 3).map(({ themeId, score }) => ({ themeId, score })),
    ...(idea.frictionHoursPerYear === undefined ? {} : { frictionHoursPerYear: idea.frictionHoursPerYear }),
    ...(idea.figuresUnknown === true ? { figuresUnknown: true } : {}),
    priority: idea.scorecard?.priority ?? 0,
    priorityComplete: idea.scorecard?.complete ?? false,
    priorityBasis: priorityBasisOf(idea.scorecard),
    duplicateCandidates: idea.duplicateCandidates?.length ?? 0,
    ...(idea.assignee === undefined ? {} : { assignee: idea.assignee }),
  };
}

/** Whole and part days from `since` to `now`, to one decimal. */
export function daysSince(since: string, now: Date): number {
  return Math.max(0, Math.round(((now.getTime() - Date.parse(since)) / DAY_MS) * 10) / 10);
}

/** An idea waiting in `in_triage` longer than the service level is overdue. */
export function isOverdue(idea: Pick<Idea, 'status' | 'statusChangedAt'>, now: Date, serviceLevelDays: number): boolean {
  return idea.status === 'in_triage' && now.getTime() - Date.parse(idea.statusChangedAt) > serviceLevelDays * DAY_MS;
}

/** The moment before which an idea entered `in_triage` to be overdue now. */
export function overdueBefore(now: Date, serviceLevelDays: number): string {
  return new Date(now.getTime() - serviceLevelDays * DAY_MS).toISOString();
}

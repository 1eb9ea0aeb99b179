/**
 * The idea and its lifecycle. Pure: no I/O, no AWS.
 *
 * submitted → in_triage → needs_info | accepted | parked | declined | duplicate | redirected,
 * and withdrawn by the submitter (docs/concepts.md, "The idea lifecycle").
 */

/**
 * What a submitter may send: the API's schemas (shared/schemas/idea.ts) and the submit form
 * (web/) both check against these, so the page and the API refuse the same things.
 */
export const LIMITS = {
  titleMin: 3,
  titleMax: 120,
  descriptionMin: 10,
  descriptionMax: 4000,
  departmentMin: 2,
  departmentMax: 80,
  frequencyMin: 1,
  frequencyMax: 1000,
  minutesEachMin: 0.5,
  minutesEachMax: 480,
  peopleAffectedMin: 1,
  peopleAffectedMax: 100_000,
} as const;

export const IDEA_KINDS = ['idea', 'friction'] as const;
export type IdeaKind = (typeof IDEA_KINDS)[number];

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const IDEA_STATUSES = [
  'submitted',
  'in_triage',
  'needs_info',
  'accepted',
  'parked',
  'declined',
  'duplicate',
  'redirected',
  'withdrawn',
] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const FREQUENCY_UNITS = ['day', 'week', 'month'] as const;
export type FrequencyUnit = (typeof FREQUENCY_UNITS)[number];

/** How often a piece of friction happens, how long it takes, and to how many people. */
export interface Friction {
  frequency: number;
  frequencyUnit: FrequencyUnit;
  minutesEach: number;
  peopleAffected: number;
}

/** Who did something to an idea. Staff are named in the audit trail; submitters only when not anonymous. */
export type Actor =
  | { kind: 'submitter'; sub?: string; name?: string }
  | { kind: 'staff'; sub: string; name?: string }
  | { kind: 'system' };

/** A named member of staff, e.g. the idea's assignee. */
export interface StaffMember {
  sub: string;
  name?: string;
}

/** Why triage declines an idea: a fixed list, so the pipeline can be read by reason. */
export const DECLINE_REASONS = ['not_feasible', 'insufficient_benefit', 'out_of_scope', 'already_solved', 'legal_or_compliance', 'no_capacity'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** Where a request that is not an idea belongs. */
export const REDIRECT_TARGETS = ['it_support', 'hr', 'existing_project', 'other'] as const;
export type RedirectTarget = (typeof REDIRECT_TARGETS)[number];

/** The latest decision triage took on an idea, with what the submitter was told. */
export interface IdeaDecision {
  kind: 'needs_info' | 'accept' | 'park' | 'decline' | 'duplicate' | 'redirect';
  at: string;
  by: StaffMember;
  /** The question (needs_info) or the message to the submitter. */
  message?: string;
  reasonCode?: DeclineReason;
  redirectTo?: RedirectTarget;
  /** YYYY-MM-DD: a parked idea comes back to the inbox on this day. */
  revisitOn?: string;
  /** The surviving idea of a merge. */
  mergedInto?: string;
  /** The pilot an accepted idea became. */
  pilotId?: string;
}

export interface Idea {
  id: string;
  kind: IdeaKind;
  title: string;
  description: string;
  department: string;
  language: Language;
  anonymous: boolean;
  /** Absent on anonymous ideas: an anonymous idea stores no identity at all. */
  submitter?: { sub: string; name?: string; email?: string };
  /** SHA-256 of the follow-up token handed to an anonymous submitter; never the token itself. */
  followUpTokenHash?: string;
  /** Friction only: its four figures, unless the submitter did not know them (`figuresUnknown`). */
  friction?: Friction;
  /** Worked out from `friction` in intake; unknown (absent) while the idea has no figures. */
  frictionHoursPerYear?: number;
  /**
   * Friction only: the submitter did not know the figures, so the idea has no `friction` and its
   * friction hours per year are unknown, never 0: benefit is left for triage to score
   * (shared/domain/scorecard.ts). Absent on every other idea.
   */
  figuresUnknown?: true;
  status: IdeaStatus;
  createdAt: string;
  statusChangedAt: string;
  updatedAt: string;
  /** Optimistic-locking version; also numbers the history events (event n moved the idea to version n). */
  version: number;
  /** How many times the sweeper has re-queued this idea for triage. */
  requeueCount: number;
  /**
   * When the sweeper gave up re-queuing the idea (its intake kept failing): from then on it is
   * off the sweeper's list and on the triage inbox's `submitted` list, for a person to look at.
   */
  intakeAbandonedAt?: string;
  /** How the idea matches the strategy's themes, with the version it was matched against (set in intake). */
  themeAlignment?: ThemeAlignment;
  /** The idea's duplicate-detection shingles, read back to rank it as a candidate for later ideas (set in intake). */
  shingles?: string[];
  /** Likely duplicates among the ideas that existed when it arrived, most similar first (set in intake). */
  duplicateCandidates?: { ideaId: string; similarity: number }[];
  /** Stopped pilots the idea resembles, most similar first, so triage reads what they learned (set in intake). */
  resemblingPilots?: { pilotId: string; score: number }[];
  /** Triage's scores (suggested ones until a person scores) and the priority they give. */
  scorecard?: Scorecard;
  /** The member of the digitalisation team who looks after the idea. */
  assignee?: StaffMember;
  /** The latest decision on the idea; it stays while the idea is in the status it led to. */
  decision?: IdeaDecision;
}

export interface Scorecard {
  strategyVersion: number;
  scores: Record<string, { value: number; source: 'triage' | 'suggested' }>;
  /** 0–100, absolute; see shared/domain/scorecard.ts. */
  priority: number;
  complete: boolean;
  scoredAt: string;
  /** The triage member who last scored; absent while only suggested. */
  scoredBy?: string;
}

export interface ThemeAlignment {
  strategyVersion: number;
  /** One per theme, best first: a 0–1 score and the idea's words that matched. */
  scores: { themeId: string; score: number; matchedTerms: string[] }[];
}

/** One entry of an idea's history: who, when, from, to, why. */
export interface IdeaEvent {
  ideaId: string;
  version: number;
  at: string;
  /**
   * Absent for a change of status. The status stays for `scorecard` (triage scored the idea) and
   * `rescore` (the idea was aligned again with a new strategy version) and `intake_abandoned`
   * (the sweeper stopped re-queuing an idea stuck in `submitted`; see shared/intake/sweep.ts),
   * `personal_data_erased` (a person the idea named asked to be erased: `POST /me/erase`) and
   * `personal_data_removed` (the retention period after the decision ran out); see docs/privacy.md.
   */
  change?: 'scorecard' | 'rescore' | 'assignment' | 'intake_abandoned' | 'personal_data_erased' | 'personal_data_removed';
  from?: IdeaStatus;
  to: IdeaStatus;
  actor: Actor;
  reason?: string;
  /** The decision that made the change, when triage took one (see IdeaDecision). */
  decision?: IdeaDecision;
  /** The submitter's answer to a question, on the event that brought the idea back to triage. */
  answer?: string;
}

const TRANSITIONS: Record<IdeaStatus, readonly IdeaStatus[]> = {
  submitted: ['in_triage', 'withdrawn'],
  in_triage: ['needs_info', 'accepted', 'parked', 'declined', 'duplicate', 'redirected', 'withdrawn'],
  needs_info: ['in_triage', 'parked', 'declined', 'duplicate', 'redirected', 'withdrawn'],
  parked: ['in_triage', 'declined', 'duplicate', 'withdrawn'],
  accepted: [],
  declined: [],
  duplicate: [],
  redirected: [],
  withdrawn: [],
};

/**
 * The idea as a change leaves it: the new status (and since when), the attributes set, and the
 * next version. The store writes exactly this; callers use it to say what the change will lead to
 * (the submitter's e-mail, say) before it is written.
 */
export function ideaAfter(idea: Idea, change: { to: IdeaStatus; at: string; set?: Partial<Idea> | undefined }): Idea {
  const statusChangedAt = change.to === idea.status ? idea.statusChangedAt : change.at;
  return { ...idea, ...change.set, status: change.to, statusChangedAt, updatedAt: change.at, version: idea.version + 1 };
}

/**
 * The history event a change writes: the idea moves from its status to `to` at version `version`
 * (the version ideaAfter gives), with whatever of reason, change, decision and answer the change
 * has.
 */
export function transitionEvent(
  idea: Idea,
  change: {
    version: number;
    to: IdeaStatus;
    actor: Actor;
    at: string;
    reason?: string | undefined;
    change?: IdeaEvent['change'] | undefined;
    decision?: IdeaDecision | undefined;
    answer?: string | undefined;
  },
): IdeaEvent {
  return {
    ideaId: idea.id,
    version: change.version,
    at: change.at,
    from: idea.status,
    to: change.to,
    actor: change.actor,
    ...(change.reason === undefined ? {} : { reason: change.reason }),
    ...(change.change === undefined ? {} : { change: change.change }),
    ...(change.decision === undefined ? {} : { decision: change.decision }),
    ...(change.answer === undefined ? {} : { answer: change.answer }),
  };
}

/** The statuses an idea may move to from `from`. */
export function allowedTransitions(from: IdeaStatus): readonly IdeaStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: IdeaStatus, to: IdeaStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

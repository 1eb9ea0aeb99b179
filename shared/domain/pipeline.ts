/**
 * The pipeline's aggregates: what each idea and each pilot adds to the directors' view, and the
 * view computed from their sums. Every write of an idea or a pilot adds `after − before` of its
 * contribution to the stored counters in the same transaction (shared/store/pipeline.ts), so the
 * summary costs the same few reads whatever the number of ideas and pilots, and always equals a
 * full recount (`recount` below). Pure.
 */
import type { Idea, IdeaStatus } from './idea.ts';
import { IDEA_STATUSES } from './idea.ts';
import { DAY_MS } from './calendar.ts';
import { daysSince, departmentKey } from './inbox.ts';
import { ACTIVE_STAGES, PILOT_STAGES, STAGE_ORDER, isActive, type ActiveStage, type Pilot, type PilotStage } from './pilot.ts';

/** Named sums, e.g. `stage:pilot` → 3. */
export type Counters = Record<string, number>;
/** Named values that exist once per pilot, e.g. when pilot p entered its stage. */
export type Entries = Record<string, string>;

export interface Contribution {
  counters: Counters;
  entries: Entries;
}

const name = {
  ideas: 'ideas',
  ideaStatus: (status: IdeaStatus) => `ideas:status:${status}`,
  accepted: 'ideas:accepted',
  waitingSinceSeconds: 'triage:waitingSinceSeconds',
  stage: (stage: PilotStage) => `stage:${stage}`,
  // Encoded as well-formed Unicode: encodeURIComponent throws on a lone surrogate, and a stored pilot's text must never stop a write.
  theme: (theme: string, stage: PilotStage) => `theme:${encodeURIComponent(theme.toWellFormed())}:${stage}`,
  department: (department: string, stage: PilotStage) => `department:${encodeURIComponent(department.toWellFormed())}:${stage}`,
  reached: (stage: PilotStage) => `reached:${stage}`,
  stoppedFrom: (stage: ActiveStage) => `stoppedFrom:${stage}`,
  expectedHours: 'hours:expected',
  realisedHours: 'hours:realised',
  since: (stage: ActiveStage, pilotId: string) => `since:${stage}:${pilotId}`,
};

/** What one idea adds: one idea, one in its status, one accepted, and since when it waits in triage. */
export function ideaContribution(idea: Pick<Idea, 'status' | 'statusChangedAt'>): Contribution {
  const counters: Counters = { [name.ideas]: 1, [name.ideaStatus(idea.status)]: 1 };
  if (idea.status === 'accepted') counters[name.accepted] = 1;
  // Seconds, not milliseconds: the sum over millions of ideas stays exact in a double.
  if (idea.status === 'in_triage') counters[name.waitingSinceSeconds] = Math.floor(Date.parse(idea.statusChangedAt) / 1000);
  return { counters, entries: {} };
}

/** What one pilot adds: its stage (overall, per theme, per department), the stages it reached, its hours, and when it entered an active stage. */
export function pilotContribution(pilot: Pilot): Contribution {
  const counters: Counters = { [name.stage(pilot.stage)]: 1, [name.department(departmentKey(pilot.department), pilot.stage)]: 1 };
  for (const theme of pilot.themes) counters[name.theme(theme, pilot.stage)] = 1;
  for (const stage of pilot.reachedStages) counters[name.reached(stage)] = 1;
  if (pilot.stage === 'stopped' && pilot.stoppedFrom !== undefined) counters[name.stoppedFrom(pilot.stoppedFrom)] = 1;
  if (isActive(pilot.stage) && pilot.hypothesis !== undefined) counters[name.expectedHours] = pilot.hypothesis.expectedHoursPerYear;
  if (pilot.stage === 'realised' && pilot.results?.realisedHoursPerYear !== undefined) counters[name.realisedHours] = pilot.results.realisedHoursPerYear;
  const entries: Entries = isActive(pilot.stage) ? { [name.since(pilot.stage, pilot.id)]: pilot.stageEnteredAt } : {};
  return { counters, entries };
}

/** What to add to the counters, and which entries to set and remove, when something changes from `before` to `after`. */
export interface ContributionChange {
  add: Counters;
  set: Entries;
  remove: string[];
}

export function contributionChange(before: Contribution | undefined, after: Contribution | undefined): ContributionChange {
  const add: Counters = {};
  for (const [key, value] of Object.entries(after?.counters ?? {})) add[key] = value;
  for (const [key, value] of Object.entries(before?.counters ?? {})) add[key] = (add[key] ?? 0) - value;
  for (const key of Object.keys(add)) if (add[key] === 0) delete add[key];
  const set: Entries = {};
  for (const [key, value] of Object.entries(after?.entries ?? {})) if (before?.entries[key] !== value) set[key] = value;
  const remove = Object.keys(before?.entries ?? {}).filter((key) => after?.entries[key] === undefined);
  return { add, set, remove };
}

/** Two changes to the same counters as one (one transaction may change an idea and create its pilot). */
export function combineChanges(a: ContributionChange, b: ContributionChange): ContributionChange {
  const add: Counters = { ...a.add };
  for (const [key, value] of Object.entries(b.add)) add[key] = (add[key] ?? 0) + value;
  for (const key of Object.keys(add)) if (add[key] === 0) delete add[key];
  const set = { ...a.set, ...b.set };
  const remove = [...new Set([...a.remove, ...b.remove])].filter((key) => set[key] === undefined);
  return { add, set, remove };
}

export function isEmptyChange(change: ContributionChange): boolean {
  return Object.keys(change.add).length === 0 && Object.keys(change.set).length === 0 && change.remove.length === 0;
}

/** The sums of many contributions: what the stored counters must equal. */
export function recount(ideas: Iterable<Pick<Idea, 'status' | 'statusChangedAt'>>, pilots: Iterable<Pilot>): Contribution {
  const total: Contribution = { counters: {}, entries: {} };
  const addIn = (contribution: Contribution) => {
    for (const [key, value] of Object.entries(contribution.counters)) total.counters[key] = (total.counters[key] ?? 0) + value;
    Object.assign(total.entries, contribution.entries);
  };
  for (const idea of ideas) addIn(ideaContribution(idea));
  for (const pilot of pilots) addIn(pilotContribution(pilot));
  for (const key of Object.keys(total.counters)) if (total.counters[key] === 0) delete total.counters[key];
  return total;
}

export interface FunnelStep {
  step: 'submitted' | 'accepted' | Exclude<PilotStage, 'stopped'>;
  count: number;
  /** This step's count over the previous step's; null for the first step or when the previous one is empty. */
  conversion: number | null;
}

export interface StageTime {
  stage: ActiveStage;
  pilots: number;
  /** Median days the pilots now in the stage have been in it; null when it is empty. */
  medianDays: number | null;
  limitDays: number;
  overLimit: number;
}

export interface PipelineSummary {
  stages: Record<PilotStage, number>;
  byTheme: Record<string, Partial<Record<PilotStage, number>>>;
  byDepartment: Record<string, Partial<Record<PilotStage, number>>>;
  funnel: FunnelStep[];
  stopped: { total: number; byStage: Record<ActiveStage, number> };
  stageTime: StageTime[];
  hours: { expectedPerYearInPipeline: number; realisedPerYear: number };
  ideas: { total: number; byStatus: Record<IdeaStatus, number> };
  triage: { waiting: number; averageDaysWaiting: number | null; oldestDaysWaiting: number | null };
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Breaks `prefix:<encoded key>:<stage>` counters into key → stage → count. */
function byKeyAndStage(counters: Counters, prefix: 'theme' | 'department'): Record<string, Partial<Record<PilotStage, number>>> {
  const result: Record<string, Partial<Record<PilotStage, number>>> = {};
  for (const [key, value] of Object.entries(counters)) {
    if (!key.startsWith(`${prefix}:`) || value === 0) continue;
    const rest = key.slice(prefix.length + 1);
    const colon = rest.lastIndexOf(':');
    const group = decodeURIComponent(rest.slice(0, colon));
    const stage = rest.slice(colon + 1) as PilotStage;
    (result[group] ??= {})[stage] = value;
  }
  return result;
}

/**
 * The directors' view from the summed counters and entries, the stage limits, and when the
 * longest-waiting idea entered triage.
 */
/** How many ideas are in a status, from the summed counters (the sweeper publishes `in_triage` as the triage backlog). */
export function ideasInStatus(totals: Contribution, status: IdeaStatus): number {
  return totals.counters[name.ideaStatus(status)] ?? 0;
}

export function pipelineSummary(
  totals: Contribution,
  context: { stageLimitDays: Record<ActiveStage, number>; oldestWaitingSince: string | undefined; now: Date },
): PipelineSummary {
  const count = (key: string) => totals.counters[key] ?? 0;
  const now = context.now.getTime();
  const stages = Object.fromEntries(PILOT_STAGES.map((stage) => [stage, count(name.stage(stage))])) as Record<PilotStage, number>;

  const steps: { step: FunnelStep['step']; count: number }[] = [
    { step: 'submitted', count: count(name.ideas) },
    { step: 'accepted', count: count(name.accepted) },
    ...STAGE_ORDER.map((stage) => ({ step: stage, count: count(name.reached(stage)) })),
  ];
  const funnel = steps.map((entry, index) => {
    const previous = index === 0 ? 0 : (steps[index - 1] as { count: number }).count;
    return { ...entry, conversion: index === 0 || previous === 0 ? null : Math.round((entry.count / previous) * 1000) / 1000 };
  });

  const daysIn: Record<ActiveStage, number[]> = { sprint: [], pilot: [], evaluation: [], operations: [] };
  for (const [key, enteredAt] of Object.entries(totals.entries)) {
    const [, stage] = key.split(':') as [string, ActiveStage];
    daysIn[stage]?.push((now - Date.parse(enteredAt)) / DAY_MS);
  }
  const stageTime = ACTIVE_STAGES.map((stage) => {
    const days = daysIn[stage];
    const middle = median(days);
    const limitDays = context.stageLimitDays[stage];
    return { stage, pilots: days.length, medianDays: middle === null ? null : oneDecimal(middle), limitDays, overLimit: days.filter((value) => value > limitDays).length };
  });

  const waiting = count(name.ideaStatus('in_triage'));
  const waitingSinceSeconds = count(name.waitingSinceSeconds);
  return {
    stages,
    byTheme: byKeyAndStage(totals.counters, 'theme'),
    byDepartment: byKeyAndStage(totals.counters, 'department'),
    funnel,
    stopped: {
      total: stages.stopped,
      byStage: Object.fromEntries(ACTIVE_STAGES.map((stage) => [stage, count(name.stoppedFrom(stage))])) as Record<ActiveStage, number>,
    },
    stageTime,
    hours: { expectedPerYearInPipeline: oneDecimal(count(name.expectedHours)), realisedPerYear: oneDecimal(count(name.realisedHours)) },
    ideas: { total: count(name.ideas), byStatus: Object.fromEntries(IDEA_STATUSES.map((status) => [status, count(name.ideaStatus(status))])) as Record<IdeaStatus, number> },
    triage: {
      waiting,
      averageDaysWaiting: waiting === 0 ? null : oneDecimal((now - (waitingSinceSeconds / waiting) * 1000) / DAY_MS),
      oldestDaysWaiting: context.oldestWaitingSince === undefined ? null : daysSince(context.oldestWaitingSince, context.now),
    },
  };
}

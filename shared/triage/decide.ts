import { randomUUID } from 'node:crypto';
import { allowedDecisions, decisionRecord, decisionTarget, type DecisionRequest } from '../domain/decisions.ts';
import { ideaAfter, type Idea, type IdeaStatus, type StaffMember } from '../domain/idea.ts';
import { inboxThemes } from '../domain/inbox.ts';
import type { Pilot } from '../domain/pilot.ts';
import { personOf, type Caller } from '../domain/roles.ts';
import { RefusedError } from '../domain/refusals.ts';
import { matchesVersion, type VersionMatch } from '../domain/versions.ts';
import { record } from '../metrics.ts';
import { statusNotification } from '../notify/compose.ts';
import { type BackgroundWorkStore, type IdeaStore, type NotificationStore, type PilotStore, type TransactionPart } from '../store/ports.ts';
import { carrySupportersOver, type MergeDependencies } from './merge.ts';
import { refuseUnconfirmedPersonalData } from './personal-data.ts';

export interface DecideDependencies extends Omit<MergeDependencies, 'store' | 'work'> {
  store: Pick<IdeaStore, 'getIdea' | 'transition' | 'statusCheck'>;
  /** Makes the pilot an accepted idea becomes, written with the decision. */
  pilots: Pick<PilotStore, 'creation'>;
  /** Makes the e-mail to the submitter, written with the decision. */
  notifications: Pick<NotificationStore, 'creation'>;
  /** Makes a merge's job, written with the decision; marks it done once its supporters are carried over. */
  work: Pick<BackgroundWorkStore, 'mergeJob' | 'completeMerge'>;
  newId?: () => string;
}

export interface DecideResult {
  idea: Idea;
  pilot?: Pilot;
  /** The stored e-mail to the submitter, to be queued; absent for anonymous ideas. */
  notificationId?: string;
}

/** Ideas may be merged into an idea that is still alive: not closed, not merged themselves. */
const MERGE_TARGET_STATUSES: readonly IdeaStatus[] = ['in_triage', 'needs_info', 'parked', 'accepted'];

/**
 * Triage decides on an idea, if the version read satisfies the caller's `If-Match`. The status
 * change, its history event, the decision, the e-mail to the submitter and — for `accept` — the
 * pilot, or — for `duplicate` — the merge, are written in one transaction that only succeeds while
 * the idea is still at the version read, so of two concurrent decisions exactly one wins. A
 * question or message that seems to hold personal data is refused unless `confirmPersonalData`
 * (./personal-data.ts), after the other checks and before anything is written.
 */
export async function decide(
  deps: DecideDependencies,
  request: { ideaId: string; ifMatch: VersionMatch; decision: DecisionRequest; confirmPersonalData?: boolean; caller: Caller },
): Promise<DecideResult> {
  const { store } = deps;
  const idea = await store.getIdea(request.ideaId);
  if (idea === undefined) throw new RefusedError({ kind: 'idea-not-found' });
  if (!matchesVersion(request.ifMatch, idea.version)) throw new RefusedError({ kind: 'stale-version' });
  const allowed = allowedDecisions(idea.status);
  const kind = request.decision.decision;
  if (!allowed.includes(kind)) throw new RefusedError({ kind: 'decision-not-allowed', status: idea.status, decision: kind, allowed });
  if (request.decision.decision === 'duplicate') await checkMergeTarget(store, idea, request.decision.into);
  refuseUnconfirmedPersonalData(decisionTexts(request.decision), request.confirmPersonalData === true);

  const at = deps.clock.now().toISOString();
  const by = personOf(request.caller);
  const pilot = request.decision.decision === 'accept' ? newPilot(idea, by, at, deps.newId ?? randomUUID) : undefined;
  const decision = decisionRecord(request.decision, by, at, pilot === undefined ? {} : { pilotId: pilot.id });
  const to = decisionTarget(kind);
  const notification = statusNotification(ideaAfter(idea, { to, at, set: { decision } }), at);
  const alongside: TransactionPart[] = [
    ...(pilot === undefined ? [] : [deps.pilots.creation(pilot)]),
    // The target must still be open when the merge is written: two ideas merged into each other at once cannot both win.
    ...(decision.mergedInto === undefined
      ? []
      : [deps.work.mergeJob({ ideaId: idea.id, into: decision.mergedInto, at }), store.statusCheck(decision.mergedInto, MERGE_TARGET_STATUSES)]),
    ...(notification === undefined ? [] : [deps.notifications.creation(notification)]),
  ];
  const updated = await store.transition({ idea, to, actor: { kind: 'staff', ...by }, at, decision, set: { decision } }, ...alongside);
  record.triageDecision(kind);
  if (decision.mergedInto !== undefined) await carrySupportersOver(deps, { ideaId: idea.id, into: decision.mergedInto });
  return { idea: updated, ...(pilot === undefined ? {} : { pilot }), ...(notification === undefined ? {} : { notificationId: notification.id }) };
}

/** The free text of a decision, by JSON Pointer: what the submitter reads and the history keeps. */
function decisionTexts(decision: DecisionRequest): Record<string, string | undefined> {
  return decision.decision === 'needs_info' ? { '/question': decision.question } : { '/message': decision.message };
}

async function checkMergeTarget(store: Pick<IdeaStore, 'getIdea'>, idea: Idea, into: string): Promise<void> {
  if (into === idea.id) throw new RefusedError({ kind: 'merge-target', problem: 'itself' });
  const target = await store.getIdea(into);
  if (target === undefined) throw new RefusedError({ kind: 'merge-target', problem: 'missing' });
  if (!MERGE_TARGET_STATUSES.includes(target.status)) throw new RefusedError({ kind: 'merge-target', problem: 'closed', status: target.status });
}

/** The pilot an accepted idea becomes: in `sprint` from the moment of acceptance. */
function newPilot(idea: Idea, by: StaffMember, at: string, newId: () => string): Pilot {
  return {
    id: newId(),
    title: idea.title,
    description: idea.description,
    language: idea.language,
    ideaIds: [idea.id],
    kind: idea.kind,
    department: idea.department,
    themes: inboxThemes(idea),
    stage: 'sprint',
    stageEnteredAt: at,
    reachedStages: ['sprint'],
    artefacts: [],
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    version: 1,
  };
}

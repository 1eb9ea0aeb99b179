import type { Clock } from '../domain/clock.ts';
import { frictionHoursPerYear } from '../domain/friction.ts';
import { ideaAfter, type Idea, type ThemeAlignment } from '../domain/idea.ts';
import type { Strategy } from '../domain/strategy/strategy.ts';
import { alignThemes } from '../domain/themes/align.ts';
import { VersionConflictError, type IdeaStore, type NotificationStore, type PilotStore, type SimilarityIndex, type StrategyStore } from '../store/ports.ts';
import { ideaFingerprint } from '../domain/duplicates/idea-fingerprint.ts';
import { findSimilarIdeas } from './duplicates.ts';
import { logger } from '../logger.ts';
import { record } from '../metrics.ts';
import { scorecardFor } from '../triage/score.ts';
import { statusNotification } from '../notify/compose.ts';
import { queueStoredNotification, type NotifyQueue } from '../queue/notify-queue.ts';
import { resemblingStoppedPilots } from '../domain/learnings.ts';

export class UnknownIdeaError extends Error {
  override name = 'UnknownIdeaError';
}

export type AdmitOutcome = 'admitted' | 'already-admitted';

export interface AdmitDependencies {
  store: Pick<IdeaStore, 'getIdea' | 'getIdeas' | 'transition'>;
  strategies: Pick<StrategyStore, 'current'>;
  index: SimilarityIndex;
  /** Stores the submitter's "the team has your idea" e-mail with the change. */
  notifications: Pick<NotificationStore, 'creation'>;
  /** Carries the submitter's "the team has your idea" e-mail. */
  notify: NotifyQueue;
  /** Where the learnings of stopped pilots are read from. */
  pilots: Pick<PilotStore, 'listLearnings'>;
  clock: Clock;
}

/**
 * Brings a submitted idea into triage: computes its friction estimate, its alignment with the
 * current strategy's themes, its likely duplicates (and files it in the duplicate index), the
 * stopped pilots it resembles and a first, suggested scorecard, and moves it from `submitted` to `in_triage` with its history
 * event, in one transaction.
 *
 * Idempotent on the idea id: SQS delivers at least once and the sweeper may queue an idea
 * twice, so a message for an idea that has already left `submitted` changes nothing.
 */
export async function admitToTriage(deps: AdmitDependencies, ideaId: string): Promise<AdmitOutcome> {
  const idea = await deps.store.getIdea(ideaId);
  if (idea === undefined) throw new UnknownIdeaError(`No idea ${ideaId}`);
  if (idea.status !== 'submitted') return 'already-admitted';
  const strategy = await deps.strategies.current();
  // Look up before filing, so the idea does not take a place among its own candidates.
  const fingerprint = ideaFingerprint(idea);
  const similar = await findSimilarIdeas(deps, fingerprint, idea.id);
  const resembling = resemblingStoppedPilots(idea, await deps.pilots.listLearnings());
  await deps.index.add(idea.id, fingerprint.bands);
  const at = deps.clock.now().toISOString();
  const enriched: Idea = {
    ...idea,
    themeAlignment: themeAlignment(idea, strategy),
    ...(idea.friction === undefined ? {} : { frictionHoursPerYear: frictionHoursPerYear(idea.friction) }),
  };
  const set = {
    themeAlignment: enriched.themeAlignment,
    ...(enriched.frictionHoursPerYear === undefined ? {} : { frictionHoursPerYear: enriched.frictionHoursPerYear }),
    // A first priority from the suggestions alone, so the inbox can rank the idea before anyone scores it.
    scorecard: scorecardFor(enriched, strategy, {}, at).scorecard,
    shingles: fingerprint.shingles,
    duplicateCandidates: similar.map(({ idea: candidate, similarity }) => ({ ideaId: candidate.id, similarity })),
    ...(resembling.length === 0 ? {} : { resemblingPilots: resembling.map((match) => ({ pilotId: match.learning.pilotId, score: match.score })) }),
  };
  const notification = statusNotification(ideaAfter(idea, { to: 'in_triage', at, set }), at);
  try {
    await deps.store.transition({ idea, to: 'in_triage', actor: { kind: 'system' }, at, set }, ...(notification === undefined ? [] : [deps.notifications.creation(notification)]));
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    // Another delivery of the same message won the race; confirm it really moved on.
    const current = await deps.store.getIdea(ideaId);
    if (current?.status === 'submitted') throw error;
    return 'already-admitted';
  }
  logger.info('Idea admitted to triage', { ideaId });
  record.ideaAdmitted();
  await queueStoredNotification(deps.notify, notification?.id);
  return 'admitted';
}

/** How the idea matches the strategy's themes, stamped with the strategy version used. */
export function themeAlignment(idea: Pick<Idea, 'title' | 'description' | 'language'>, strategy: Strategy): ThemeAlignment {
  return { strategyVersion: strategy.version, scores: alignThemes(idea, idea.language, strategy.themes) };
}

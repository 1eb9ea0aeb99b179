import { frictionHoursPerYear } from '../domain/friction.ts';
import type { IdeaStore } from '../store/ideas.ts';
import { ConcurrentChangeError } from '../store/ideas.ts';
import { logger } from '../logger.ts';

export class UnknownIdeaError extends Error {
  override name = 'UnknownIdeaError';
}

export type AdmitOutcome = 'admitted' | 'already-admitted';

/**
 * Brings a submitted idea into triage: computes its friction estimate and moves it from
 * `submitted` to `in_triage` with its history event, in one transaction.
 *
 * Idempotent on the idea id: SQS delivers at least once and the sweeper may queue an idea
 * twice, so a message for an idea that has already left `submitted` changes nothing.
 */
export async function admitToTriage(store: IdeaStore, ideaId: string, now: () => Date = () => new Date()): Promise<AdmitOutcome> {
  const idea = await store.getIdea(ideaId);
  if (idea === undefined) throw new UnknownIdeaError(`No idea ${ideaId}`);
  if (idea.status !== 'submitted') return 'already-admitted';
  try {
    await store.transition({
      idea,
      to: 'in_triage',
      actor: { kind: 'system' },
      at: now().toISOString(),
      ...(idea.friction === undefined ? {} : { set: { frictionHoursPerYear: frictionHoursPerYear(idea.friction) } }),
    });
  } catch (error) {
    if (!(error instanceof ConcurrentChangeError)) throw error;
    // Another delivery of the same message won the race; confirm it really moved on.
    const current = await store.getIdea(ideaId);
    if (current?.status === 'submitted') throw error;
    return 'already-admitted';
  }
  logger.info('Idea admitted to triage', { ideaId });
  return 'admitted';
}

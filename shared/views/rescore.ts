import { RESCORE_STATUSES, type RescoreProgress } from '../domain/rescore.ts';

/** A re-scoring job's progress as the console gets it, from its start and from its progress route: with the statuses whose ideas it re-scores. */
export function rescoreProgressDocument(progress: RescoreProgress) {
  return { ...progress, statuses: RESCORE_STATUSES };
}

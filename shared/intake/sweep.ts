import type { IntakeQueue } from '../queue/intake-queue.ts';
import type { IdeaStore } from '../store/ideas.ts';
import { logger } from '../logger.ts';

export interface SweepSettings {
  /** Ideas in `submitted` for longer than this are considered stuck. */
  minAgeSeconds: number;
  /** After this many re-queues an idea is left for a person (it is logged as an error each run). */
  maxRequeues: number;
  /** The most ideas one run looks at, so one run's cost is bounded. */
  batchLimit: number;
}

export interface SweepReport {
  found: number;
  requeued: number;
  givenUp: number;
  failed: number;
}

/**
 * Re-queues ideas stuck in `submitted`: the queue send after the submit failed, or a worker
 * died and the message went to the dead-letter queue. Reads only the `submitted` slice of the
 * status index, oldest first.
 */
export async function sweepStuckIdeas(
  store: IdeaStore,
  queue: IntakeQueue,
  settings: SweepSettings,
  now: () => Date = () => new Date(),
): Promise<SweepReport> {
  const before = new Date(now().getTime() - settings.minAgeSeconds * 1000).toISOString();
  const stuck = await store.listInStatusSince('submitted', before, settings.batchLimit);
  const givenUp = stuck.filter((idea) => idea.requeueCount >= settings.maxRequeues);
  for (const idea of givenUp) {
    logger.error('Idea is stuck in submitted after repeated re-queues; look at the dead-letter queue', {
      ideaId: idea.id,
      requeueCount: idea.requeueCount,
    });
  }
  const toQueue = stuck.filter((idea) => idea.requeueCount < settings.maxRequeues);
  const failedIds = new Set(toQueue.length === 0 ? [] : await queue.enqueue(toQueue.map((idea) => idea.id)));
  for (const idea of toQueue) {
    if (!failedIds.has(idea.id)) await store.recordRequeue(idea);
  }
  const report = { found: stuck.length, requeued: toQueue.length - failedIds.size, givenUp: givenUp.length, failed: failedIds.size };
  if (report.found > 0) logger.info('Sweep finished', { ...report });
  return report;
}

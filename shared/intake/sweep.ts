import type { IntakeQueue } from '../queue/intake-queue.ts';
import { ConcurrentChangeError, type IdeaStore } from '../store/ideas.ts';
import { logger } from '../logger.ts';

export interface SweepSettings {
  /** Ideas in `submitted` for longer than this are considered stuck. */
  minAgeSeconds: number;
  /** After this many re-queues an idea is given up on and left for a person. */
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
 * died and the message went to the dead-letter queue. Reads only the `submitted` list of the
 * status index, oldest first.
 *
 * An idea re-queued `maxRequeues` times is given up on: it is marked (with an audit event) and
 * so leaves the `submitted` list for a list of its own (STATUS#submitted#abandoned), and appears
 * in the triage inbox's `submitted` list; its submitter reads that it is delayed. Given-up ideas
 * therefore never fill the head of the list the sweeper reads, however many there are.
 */
export async function sweepStuckIdeas(
  store: IdeaStore,
  queue: IntakeQueue,
  settings: SweepSettings,
  now: () => Date = () => new Date(),
): Promise<SweepReport> {
  const before = new Date(now().getTime() - settings.minAgeSeconds * 1000).toISOString();
  const stuck = await store.listInStatusSince('submitted', before, settings.batchLimit);
  const toQueue = stuck.filter((idea) => idea.requeueCount < settings.maxRequeues);
  const failedIds = new Set(toQueue.length === 0 ? [] : await queue.enqueue(toQueue.map((idea) => idea.id)));
  for (const idea of toQueue) {
    if (!failedIds.has(idea.id)) await store.recordRequeue(idea);
  }
  const givenUp: string[] = [];
  const at = now().toISOString();
  for (const idea of stuck.filter((candidate) => candidate.requeueCount >= settings.maxRequeues)) {
    try {
      await store.transition({ idea, to: 'submitted', change: 'intake_abandoned', actor: { kind: 'system' }, at, set: { intakeAbandonedAt: at } });
      givenUp.push(idea.id);
    } catch (error) {
      // Admitted or withdrawn meanwhile: no longer stuck.
      if (!(error instanceof ConcurrentChangeError)) throw error;
    }
  }
  if (givenUp.length > 0) {
    logger.error('Ideas stuck in submitted after repeated re-queues: given up, and listed for the triage team (inbox status "submitted"); look at the intake dead-letter queue', {
      givenUp: givenUp.length,
      ideaIds: givenUp,
      maxRequeues: settings.maxRequeues,
    });
  }
  const report = { found: stuck.length, requeued: toQueue.length - failedIds.size, givenUp: givenUp.length, failed: failedIds.size };
  if (report.found > 0) logger.info('Sweep finished', { ...report });
  return report;
}

import { logger } from '../logger.ts';
import type { NotifyQueue } from '../queue/notify-queue.ts';
import type { BackgroundWorkStore, NotificationStore } from '../store/ports.ts';
import { carrySupportersOver, type MergeDependencies } from '../triage/merge.ts';

export interface PendingWorkReport {
  notificationsRequeued: number;
  notificationsAbandoned: number;
  mergesFinished: number;
}

/**
 * Finishes what a change left pending when the function that made it could not: notifications
 * stored but never queued (or dead-lettered), and merges whose supporters were not all carried
 * over. Only work older than `minAgeSeconds` is touched, so it does not race a function still at it.
 * A notification re-queued `maxRequeues` times is abandoned and logged as an error.
 *
 * One failed call does not end the run, as in the sweep of stuck ideas (shared/intake/sweep.ts):
 * a notification that could not be abandoned or counted, or a merge that could not be finished,
 * is left for the next run while the others go on; only then does the run fail, with
 * PendingWorkIncompleteError carrying its report.
 */
export async function sweepPendingWork(
  /** MergeDependencies' `keys`: a merge carries the merged idea's submitter over as a supporter hash. */
  deps: Omit<MergeDependencies, 'work'> & {
    work: Pick<BackgroundWorkStore, 'listPendingMerges' | 'completeMerge'>;
    notifications: Pick<NotificationStore, 'listPending' | 'abandon' | 'recordRequeue'>;
    queue: NotifyQueue;
  },
  settings: { minAgeSeconds: number; maxRequeues: number; batchLimit: number },
): Promise<PendingWorkReport> {
  const before = new Date(deps.clock.now().getTime() - settings.minAgeSeconds * 1000).toISOString();
  const errors: Error[] = [];
  /** Runs one piece of the work; a failure is kept for the end of the run, and the rest goes on. */
  const attempt = async (work: () => Promise<unknown>): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (error) {
      errors.push(error as Error);
      return false;
    }
  };
  const pending = await deps.notifications.listPending(before, settings.batchLimit);
  let abandoned = 0;
  for (const notification of pending.filter((candidate) => candidate.requeues >= settings.maxRequeues)) {
    // It failed every delivery and every re-queue (an address SES refuses, say): a person must look.
    logger.error('Notification could not be delivered after repeated re-queues; look at the notify dead-letter queue', { notificationId: notification.id });
    if (await attempt(() => deps.notifications.abandon(notification.id, deps.clock.now().toISOString()))) abandoned++;
  }
  const toQueue = pending.filter((notification) => notification.requeues < settings.maxRequeues).map((notification) => notification.id);
  let failed: readonly string[] = [];
  try {
    if (toQueue.length > 0) failed = await deps.queue.enqueue(toQueue);
  } catch (error) {
    // The queue is down: the notifications stay pending for the next run; the merges go on.
    logger.warn('Pending notifications not queued', { count: toQueue.length, error: error as Error });
    failed = toQueue;
  }
  const failedIds = new Set(failed);
  // Queued but not counted: the count is one short, so the give-up comes one run later.
  for (const id of toQueue) if (!failedIds.has(id)) await attempt(() => deps.notifications.recordRequeue(id));
  let mergesFinished = 0;
  const merges = await deps.work.listPendingMerges(before, settings.batchLimit);
  for (const merge of merges) if (await attempt(() => carrySupportersOver(deps, merge))) mergesFinished++;
  const report = { notificationsRequeued: toQueue.length - failedIds.size, notificationsAbandoned: abandoned, mergesFinished };
  if (pending.length > 0 || merges.length > 0) logger.info('Pending work swept', { ...report, notificationsFailed: failedIds.size });
  if (errors.length > 0) throw new PendingWorkIncompleteError(report, errors);
  return report;
}

/** A sweep of pending work that did all it could while some of its calls failed; it carries the run's report. */
export class PendingWorkIncompleteError extends Error {
  override name = 'PendingWorkIncompleteError';
  readonly report: PendingWorkReport;

  constructor(report: PendingWorkReport, errors: readonly Error[]) {
    super(`The sweep of pending work did the rest of its work, but ${errors.length} call(s) failed; the next run tries them again. The first: ${errors[0]?.name}: ${errors[0]?.message}`, {
      cause: errors[0],
    });
    this.report = report;
  }
}

import { logger } from '../logger.ts';
import type { NotifyQueue } from '../queue/notify-queue.ts';
import type { KeySource } from '../secret.ts';
import type { IdeaStore } from '../store/ideas.ts';
import type { NotificationStore } from '../store/notifications.ts';
import { carrySupportersOver } from '../triage/merge.ts';

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
 */
export async function sweepPendingWork(
  /** `keys`: a merge carries the merged idea's submitter over as a supporter hash. */
  deps: { store: IdeaStore; notifications: NotificationStore; queue: NotifyQueue; keys: KeySource },
  settings: { minAgeSeconds: number; maxRequeues: number; batchLimit: number },
  now: () => Date = () => new Date(),
): Promise<PendingWorkReport> {
  const before = new Date(now().getTime() - settings.minAgeSeconds * 1000).toISOString();
  const pending = await deps.notifications.listPending(before, settings.batchLimit);
  const givenUp = pending.filter((notification) => notification.requeues >= settings.maxRequeues);
  for (const notification of givenUp) {
    // It failed every delivery and every re-queue (an address SES refuses, say): a person must look.
    logger.error('Notification could not be delivered after repeated re-queues; look at the notify dead-letter queue', { notificationId: notification.id });
    await deps.notifications.abandon(notification.id, now().toISOString());
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
  for (const id of toQueue) if (!failedIds.has(id)) await deps.notifications.recordRequeue(id);
  const merges = await deps.store.listPendingMerges(before, settings.batchLimit);
  for (const merge of merges) await carrySupportersOver(deps, merge, now);
  const report = { notificationsRequeued: toQueue.length - failedIds.size, notificationsAbandoned: givenUp.length, mergesFinished: merges.length };
  if (pending.length > 0 || merges.length > 0) logger.info('Pending work swept', { ...report, notificationsFailed: failedIds.size });
  return report;
}

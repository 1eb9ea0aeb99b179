import { logger } from '../logger.ts';
import type { NotifyQueue } from '../queue/notify-queue.ts';
import type { IdeaStore } from '../store/ideas.ts';
import type { NotificationStore } from '../store/notifications.ts';
import { carrySupportersOver } from '../triage/merge.ts';

export interface PendingWorkReport {
  notificationsRequeued: number;
  mergesFinished: number;
}

/**
 * Finishes what a change left pending when the function that made it could not: notifications
 * stored but never queued (or dead-lettered), and merges whose supporters were not all carried
 * over. Only work older than `minAgeSeconds` is touched, so it does not race a function still at it.
 */
export async function sweepPendingWork(
  deps: { store: IdeaStore; notifications: NotificationStore; queue: NotifyQueue },
  settings: { minAgeSeconds: number; batchLimit: number },
  now: () => Date = () => new Date(),
): Promise<PendingWorkReport> {
  const before = new Date(now().getTime() - settings.minAgeSeconds * 1000).toISOString();
  const pending = await deps.notifications.listPending(before, settings.batchLimit);
  const failed = pending.length === 0 ? [] : await deps.queue.enqueue(pending);
  const merges = await deps.store.listPendingMerges(before, settings.batchLimit);
  for (const merge of merges) await carrySupportersOver(deps.store, merge, now);
  const report = { notificationsRequeued: pending.length - failed.length, mergesFinished: merges.length };
  if (pending.length > 0 || merges.length > 0) logger.info('Pending work swept', { ...report, notificationsFailed: failed.length });
  return report;
}

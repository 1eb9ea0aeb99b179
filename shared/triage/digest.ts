import type { Clock } from '../domain/clock.ts';
import type { Language } from '../domain/idea.ts';
import { overdueBefore } from '../domain/inbox.ts';
import { logger } from '../logger.ts';
import { triageDigest } from '../notify/compose.ts';
import { queueStoredNotification, type NotifyQueue } from '../queue/notify-queue.ts';
import type { IdeaStore, NotificationStore } from '../store/ports.ts';

/** The most overdue ideas one digest lists. */
const DIGEST_LIMIT = 200;

export interface DigestSettings {
  to: string;
  serviceLevelDays: number;
  language: Language;
}

/**
 * Scheduled daily: e-mails the digitalisation team the ideas that have waited in `in_triage`
 * longer than the service level, longest waiting first. Reads only the overdue end of the
 * `in_triage` slice of the status index. One digest per day: its id is the day.
 */
export async function sendTriageDigest(
  deps: { store: Pick<IdeaStore, 'listInStatusSince'>; notifications: Pick<NotificationStore, 'create'>; queue: NotifyQueue; clock: Clock },
  settings: DigestSettings,
): Promise<{ overdue: number; notificationId?: string }> {
  const moment = deps.clock.now();
  const overdue = await deps.store.listInStatusSince('in_triage', overdueBefore(moment, settings.serviceLevelDays), DIGEST_LIMIT);
  if (overdue.length === 0) return { overdue: 0 };
  const digest = triageDigest(overdue, settings, moment);
  await deps.notifications.create(digest);
  await queueStoredNotification(deps.queue, digest.id);
  logger.info('Triage digest queued', { overdue: overdue.length, notificationId: digest.id });
  return { overdue: overdue.length, notificationId: digest.id };
}

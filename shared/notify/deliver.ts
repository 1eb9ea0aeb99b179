import { logger } from '../logger.ts';
import type { NotificationStore } from '../store/notifications.ts';
import type { Mailer } from './mailer.ts';

export type DeliveryOutcome = 'sent' | 'already-sent' | 'unknown';

/**
 * Delivers one stored notification and marks it sent. Idempotent on the notification's id: SQS
 * delivers at least once and the sweeper may queue a notification again, so one already marked
 * sent is not sent again. (A worker that dies between SES accepting the e-mail and the mark
 * may send it twice: e-mail is at least once.)
 */
export async function deliverNotification(
  deps: { notifications: NotificationStore; mailer: Mailer },
  notificationId: string,
  now: () => Date = () => new Date(),
): Promise<DeliveryOutcome> {
  const notification = await deps.notifications.get(notificationId);
  if (notification === undefined) {
    // Only ids of stored notifications are queued; one that is gone was deleted on purpose.
    logger.warn('Notification not found; nothing to send', { notificationId });
    return 'unknown';
  }
  if (notification.sentAt !== undefined) return 'already-sent';
  await deps.mailer.send({ id: notification.id, to: notification.to, subject: notification.subject, text: notification.text, language: notification.language });
  await deps.notifications.markSent(notification.id, now().toISOString());
  logger.info('Notification sent', { notificationId, kind: notification.kind });
  return 'sent';
}

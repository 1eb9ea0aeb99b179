import type { Clock } from '../domain/clock.ts';
import { notSentReasonOf } from '../domain/mail-suppression.ts';
import { logger } from '../logger.ts';
import { record } from '../metrics.ts';
import type { MailSuppressionStore, NotificationStore } from '../store/ports.ts';
import type { Mailer } from './mailer.ts';

export type DeliveryOutcome = 'sent' | 'already-sent' | 'unknown' | 'undeliverable';

/**
 * Delivers one stored notification and marks it sent. Idempotent on the notification's id: SQS
 * delivers at least once and the sweeper may queue a notification again, so one already marked
 * sent is not sent again. (A worker that dies between SES accepting the e-mail and the mark
 * may send it twice: e-mail is at least once.) An address SES reported undeliverable (a permanent
 * bounce or a complaint, see ./feedback.ts) is not mailed again: the notification is marked not
 * sent, with the reason, and logged.
 */
export async function deliverNotification(
  deps: { notifications: Pick<NotificationStore, 'get' | 'markNotSent' | 'markSent'>; mailer: Mailer; suppressions: Pick<MailSuppressionStore, 'find'>; clock: Clock },
  notificationId: string,
): Promise<DeliveryOutcome> {
  const notification = await deps.notifications.get(notificationId);
  if (notification === undefined) {
    // Only ids of stored notifications are queued; one that is gone was deleted on purpose.
    logger.warn('Notification not found; nothing to send', { notificationId });
    return 'unknown';
  }
  if (notification.sentAt !== undefined) return 'already-sent';
  if (notification.notSentAt !== undefined) return 'undeliverable';
  const suppression = await deps.suppressions.find(notification.to);
  if (suppression !== undefined) {
    const reason = notSentReasonOf(suppression);
    await deps.notifications.markNotSent(notification.id, reason, deps.clock.now().toISOString());
    // The address stays out of the logs; the notification and the SES report it matches lead to it.
    logger.warn('Notification not sent: its address is undeliverable', { notificationId, kind: notification.kind, reason, feedbackId: suppression.feedbackId });
    return 'undeliverable';
  }
  try {
    await deps.mailer.send({ id: notification.id, to: notification.to, subject: notification.subject, text: notification.text, language: notification.language });
  } catch (error) {
    record.notificationFailed();
    throw error;
  }
  await deps.notifications.markSent(notification.id, deps.clock.now().toISOString());
  logger.info('Notification sent', { notificationId, kind: notification.kind });
  record.notificationSent();
  return 'sent';
}

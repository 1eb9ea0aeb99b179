import type { MailSuppression } from '../domain/mail-suppression.ts';
import { normaliseMailAddress } from '../domain/mail-suppression.ts';
import { logger } from '../logger.ts';
import type { SesMailEvent } from '../schemas/mail-events.ts';
import type { MailSuppressionStore } from '../store/ports.ts';

export interface FeedbackOutcome {
  /** Addresses marked undeliverable now. */
  suppressed: number;
  /** Addresses that were marked before (SQS and SES may both repeat themselves). */
  alreadySuppressed: number;
}

/**
 * What SES reported about an e-mail Spire sent. A permanent bounce (the address does not exist,
 * or SES's own suppression list holds it) or a complaint marks each address undeliverable, so
 * the notify worker never mails it again (./deliver.ts). A transient or undetermined bounce (a
 * full mailbox, a server down for the night) is only logged: SES has retried it already, and the
 * next e-mail may well arrive.
 */
export async function applyMailFeedback(deps: { suppressions: Pick<MailSuppressionStore, 'suppress'> }, event: SesMailEvent): Promise<FeedbackOutcome> {
  const notificationId = event.mail.tags?.['notification']?.[0];
  const context = { messageId: event.mail.messageId, ...(notificationId === undefined ? {} : { notificationId }) };
  let suppressions: MailSuppression[];
  if (event.eventType === 'Bounce') {
    const { bounceType, bounceSubType, bouncedRecipients, timestamp, feedbackId } = event.bounce;
    if (bounceType !== 'Permanent') {
      logger.info('Transient bounce: the address stays deliverable', { ...context, bounceType, bounceSubType, feedbackId, recipients: bouncedRecipients.length });
      return { suppressed: 0, alreadySuppressed: 0 };
    }
    suppressions = bouncedRecipients.map((recipient) => suppression(recipient.emailAddress, 'bounce', bounceSubType, timestamp, feedbackId, notificationId));
  } else {
    const { complainedRecipients, complaintFeedbackType, timestamp, feedbackId } = event.complaint;
    suppressions = complainedRecipients.map((recipient) => suppression(recipient.emailAddress, 'complaint', complaintFeedbackType, timestamp, feedbackId, notificationId));
  }
  let suppressed = 0;
  for (const entry of suppressions) if (await deps.suppressions.suppress(entry)) suppressed += 1;
  const outcome = { suppressed, alreadySuppressed: suppressions.length - suppressed };
  // The addresses stay out of the logs: the suppression items hold them, found by the notification or the feedback id.
  logger.warn(event.eventType === 'Bounce' ? 'Permanent bounce: address marked undeliverable' : 'Complaint: address marked undeliverable', {
    ...context,
    feedbackId: suppressions[0]?.feedbackId,
    detail: suppressions[0]?.detail,
    ...outcome,
  });
  return outcome;
}

function suppression(
  address: string,
  reason: MailSuppression['reason'],
  detail: string | undefined,
  at: string,
  feedbackId: string,
  notificationId: string | undefined,
): MailSuppression {
  return {
    address: normaliseMailAddress(address),
    reason,
    ...(detail === undefined ? {} : { detail }),
    at,
    feedbackId,
    ...(notificationId === undefined ? {} : { notificationId }),
  };
}

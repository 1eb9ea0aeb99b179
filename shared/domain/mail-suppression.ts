/**
 * Addresses Spire no longer mails: SES reported a permanent bounce (the address does not exist or
 * refuses mail for good) or a complaint (the recipient marked Spire's e-mail as spam). Mailing them
 * again harms the sender's reputation, and SES pauses accounts whose bounce or complaint rate stays high.
 */

/**
 * E-mail addresses as Spire compares them. Mail systems treat addresses case-insensitively in
 * practice (SES's own suppression list does too), and tokens, bounce reports and typed text may
 * differ in case, surrounding spaces or Unicode form, so every comparison goes through this.
 */
export function normaliseMailAddress(address: string): string {
  return address.trim().normalize('NFC').toLowerCase();
}

export type SuppressionReason = 'bounce' | 'complaint';

export interface MailSuppression {
  /** The address, normalised. */
  address: string;
  reason: SuppressionReason;
  /** SES's detail: the bounce sub-type (`General`, `NoEmail`, `Suppressed`, …) or the complaint's feedback type (`abuse`, …). */
  detail?: string;
  /** When the receiving mail system reported it. */
  at: string;
  /** SES's id of the report, to find it in SES and in the logs. */
  feedbackId: string;
  /** The notification whose e-mail bounced or was complained about, from the message's SES tag. */
  notificationId?: string;
}

/** Why a notification was not sent: its address is suppressed, or its recipient was erased before it went (docs/privacy.md). */
export type NotSentReason = 'address-bounced' | 'address-complained' | 'erased';

export function notSentReasonOf(suppression: Pick<MailSuppression, 'reason'>): NotSentReason {
  return suppression.reason === 'bounce' ? 'address-bounced' : 'address-complained';
}

/**
 * What the mail events queue carries: an SES bounce or complaint event (the configuration set's
 * event publishing format), published to SNS and delivered to SQS in SNS's envelope (not raw, so
 * the topic and SNS's message id travel with it). The shapes are AWS's, documented in the SES
 * Developer Guide ("Contents of event data that Amazon SES publishes to Amazon SNS"); fields
 * Spire does not read are let through unchecked, so a field AWS adds cannot fail a message.
 */
import * as z from './zod.ts';

const text = () => z.string().check(z.minLength(1));

/** SNS's envelope around a message delivered to an SQS subscription without raw message delivery. */
export const SnsEnvelope = z.object({
  Type: z.literal('Notification'),
  MessageId: text(),
  TopicArn: text(),
  /** The SES event, as JSON text. */
  Message: text(),
  Timestamp: z.string(),
});

/** A recipient as SES reports it: the address only (lenient: any text with an @, as mail systems accept more than strict validators do). */
const Recipient = z.object({ emailAddress: z.string().check(z.regex(/^[^@\s]+@[^@\s]+$/), z.maxLength(320)) });

/** The sent message the event is about; `tags` holds the e-mail's SES tags, among them `notification` (shared/notify/mailer.ts). */
const SentMail = z.object({
  messageId: text(),
  timestamp: z.string(),
  tags: z.optional(z.record(z.string(), z.array(z.string()))),
});

export const BOUNCE_TYPES = ['Permanent', 'Transient', 'Undetermined'] as const;

const BounceEvent = z.object({
  eventType: z.literal('Bounce'),
  bounce: z.object({
    bounceType: z.enum(BOUNCE_TYPES),
    bounceSubType: text(),
    bouncedRecipients: z.array(z.extend(Recipient, { status: z.optional(z.string()) })).check(z.minLength(1)),
    timestamp: z.string(),
    feedbackId: text(),
  }),
  mail: SentMail,
});

const ComplaintEvent = z.object({
  eventType: z.literal('Complaint'),
  complaint: z.object({
    complainedRecipients: z.array(Recipient).check(z.minLength(1)),
    timestamp: z.string(),
    feedbackId: text(),
    /** The Feedback-Type of the receiver's report (`abuse`, `not-spam`, …); absent when the receiver sent none. */
    complaintFeedbackType: z.optional(z.string()),
  }),
  mail: SentMail,
});

/**
 * A bounce or a complaint. An identity's own feedback notifications name the type `notificationType`
 * instead of `eventType`; both are read, so the topic can take either.
 */
export const SesMailEvent = z.pipe(
  z.transform((value: unknown) =>
    typeof value === 'object' && value !== null && !('eventType' in value) && 'notificationType' in value
      ? { ...value, eventType: (value as { notificationType: unknown }).notificationType }
      : value,
  ),
  z.discriminatedUnion('eventType', [BounceEvent, ComplaintEvent]),
);
export type SesMailEvent = z.infer<typeof SesMailEvent>;

/** The SES event inside an SQS record's body, as SNS delivered it. Throws when either layer is not what it should be. */
export function parseMailEvent(body: string): SesMailEvent {
  const envelope = SnsEnvelope.parse(JSON.parse(body));
  return SesMailEvent.parse(JSON.parse(envelope.Message));
}

/**
 * Amazon SES on a laptop, for the one call Spire makes of it: SendEmail (SES v2) from the notify
 * worker's SesMailer (shared/notify/mailer.ts). There is no SES emulator: the local runtime
 * answers the call in the SES client's middleware, so the functions run the same code as in AWS,
 * and keeps every e-mail it accepts in the development outbox (./outbox.ts) instead of sending it.
 *
 * The answer comes after the grant check (./grants.ts, installed with it): a function whose
 * description in infra/system.ts lacks `sendsMail` has no ses:SendEmail on the sender's identity
 * and the configuration set, and is refused here as IAM would refuse it. A granted call is then
 * checked as SES checks what Spire sends, and refused with the SDK's own errors:
 *
 * - the From address is the verified sender (else MessageRejected, as SES says of an unverified
 *   identity), and the configuration set is named and is the deployment's (else
 *   BadRequestException, or NotFoundException for an unknown one); Spire's bounces and
 *   complaints come through that set, so an e-mail without it is a fault here;
 * - one recipient, in To, with a well-formed address (else BadRequestException);
 * - Simple content: a subject and a plain-text body, both with Charset UTF-8 and well-formed
 *   Unicode, so æ, ø and å arrive intact (else BadRequestException);
 * - tags and headers in the characters SES allows (else BadRequestException); the language the
 *   outbox lists is the Content-Language header, the id the `notification` tag.
 *
 * Each runtime's SES is carried by the invocations of its functions (./invocation.ts), so
 * runtimes in one process keep their outboxes apart; a call outside a runtime's invocation is
 * left alone.
 */
import { randomUUID } from 'node:crypto';
import { BadRequestException, MessageRejected, NotFoundException, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { decorateEveryClient, type ClientDecorator } from '../../shared/aws/clients.ts';
import { enforceGrantsOnEveryClient } from './grants.ts';
import { currentInvocation } from './invocation.ts';
import type { OutboxMessage } from './outbox.ts';
import { addInitializeStep } from './middleware.ts';
import { systemClock, type Clock } from '../../shared/domain/clock.ts';

/** What the local SES knows: the identity it has verified, its one configuration set, its region. */
export interface LocalSesSettings {
  /** The From address SES accepts (SPIRE_MAIL_SENDER of the runtime's functions). */
  sender: string;
  /** The configuration set e-mail must be sent with (SPIRE_MAIL_CONFIGURATION_SET). */
  configurationSet: string;
  region: string;
}

/** SES tag names and values: ASCII letters, digits, '_', '-' and '.', at most 256 of them. */
const TAG_TEXT = /^[A-Za-z0-9_.-]{1,256}$/;
/** A header's name: printable ASCII but the colon, at most 126 characters. */
const HEADER_NAME = /^[\x21-\x39\x3b-\x7e]{1,126}$/;
/** A header's value: printable ASCII, at most 870 characters. */
const HEADER_VALUE = /^[\x20-\x7e]{0,870}$/;
/** An address: one '@' between a local part and a domain, no display name, no spaces. */
const ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+$/;

function badRequest(message: string): BadRequestException {
  return new BadRequestException({ message, $metadata: { httpStatusCode: 400 } });
}

/** The address of a From field, with or without a display name (`Spire <spire@…>`). */
function addressOf(from: string): string {
  return /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
}

/** Charset UTF-8, as SES names it in any case. */
function isUtf8(charset: string | undefined): boolean {
  return charset !== undefined && /^utf-?8$/i.test(charset);
}

/** SES v2's SendEmail, answered locally: checked as SES checks it, then kept in the outbox. */
export class LocalSes {
  private readonly settings: LocalSesSettings;
  private readonly outbox: { record(message: OutboxMessage): Promise<void> };
  private readonly clock: Clock;

  constructor(settings: LocalSesSettings, outbox: { record(message: OutboxMessage): Promise<void> }, clock: Clock = systemClock) {
    this.settings = settings;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Accepts the e-mail and keeps it in the outbox, or throws what SES would answer. */
  async sendEmail(input: SendEmailCommandInput): Promise<{ MessageId: string }> {
    const message = this.accepted(input);
    const messageId = `local-${randomUUID()}`;
    await this.outbox.record({ ...message, id: message.id ?? messageId, sentAt: this.clock.now().toISOString() });
    return { MessageId: messageId };
  }

  /** The e-mail a valid request sends; throws SES's error for an invalid one. */
  private accepted(input: SendEmailCommandInput): Omit<OutboxMessage, 'id' | 'sentAt'> & { id?: string } {
    const { sender, configurationSet, region } = this.settings;
    if (input.FromEmailAddress === undefined) throw badRequest('FromEmailAddress is required: the local runtime sends no templates with a default sender.');
    const from = addressOf(input.FromEmailAddress);
    if (from.toLowerCase() !== sender.toLowerCase()) {
      throw new MessageRejected({
        message: `Email address is not verified. The following identities failed the check in region ${region.toUpperCase()}: ${input.FromEmailAddress}`,
        $metadata: { httpStatusCode: 400 },
      });
    }
    if (input.ConfigurationSetName === undefined) {
      throw badRequest(`ConfigurationSetName is required here: Spire sends every e-mail with its configuration set (${configurationSet}), which reports bounces and complaints.`);
    }
    if (input.ConfigurationSetName !== configurationSet) {
      throw new NotFoundException({ message: `Configuration set <${input.ConfigurationSetName}> does not exist.`, $metadata: { httpStatusCode: 404 } });
    }

    const to = input.Destination?.ToAddresses ?? [];
    const others = [...(input.Destination?.CcAddresses ?? []), ...(input.Destination?.BccAddresses ?? [])];
    if (to.length !== 1 || others.length > 0) throw badRequest(`Spire sends each e-mail to one recipient, in To; this one has ${to.length} in To and ${others.length} in Cc and Bcc.`);
    const recipient = to[0] as string;
    if (!ADDRESS.test(recipient)) throw badRequest(`Illegal address: ${JSON.stringify(recipient)}`);

    const simple = input.Content?.Simple;
    if (simple === undefined || input.Content?.Raw !== undefined || input.Content?.Template !== undefined) {
      throw badRequest('The local runtime accepts Simple content only (a subject and a plain-text body), as Spire sends it.');
    }
    const subject = simple.Subject;
    const text = simple.Body?.Text;
    if (subject?.Data === undefined || subject.Data === '') throw badRequest('The message has no subject.');
    if (text?.Data === undefined) throw badRequest('The message has no plain-text body (Body.Text).');
    if (simple.Body?.Html !== undefined) throw badRequest('Spire sends plain text only; the development outbox keeps no HTML body.');
    if (!isUtf8(subject.Charset) || !isUtf8(text.Charset)) {
      throw badRequest(`Subject and body must be sent with Charset UTF-8, so æ, ø and å arrive intact; got ${String(subject.Charset)} and ${String(text.Charset)}.`);
    }
    if (!subject.Data.isWellFormed() || !text.Data.isWellFormed()) throw badRequest('Subject and body must be well-formed Unicode to be encoded as UTF-8.');
    if (/[\r\n]/.test(subject.Data)) throw badRequest('The subject may not contain a line break.');

    for (const header of simple.Headers ?? []) {
      if (!HEADER_NAME.test(header.Name ?? '') || !HEADER_VALUE.test(header.Value ?? '')) throw badRequest(`Invalid header ${JSON.stringify(header.Name)}: names and values are printable ASCII.`);
    }
    const language = simple.Headers?.find((header) => header.Name?.toLowerCase() === 'content-language')?.Value;
    if (language === undefined) throw badRequest('The development outbox lists each e-mail’s language from its Content-Language header, which SesMailer sets; this e-mail has none.');

    for (const tag of input.EmailTags ?? []) {
      if (!TAG_TEXT.test(tag.Name ?? '') || !TAG_TEXT.test(tag.Value ?? '')) {
        throw badRequest(`Invalid tag ${JSON.stringify(tag.Name)}=${JSON.stringify(tag.Value)}: SES allows only ASCII letters, digits, '_', '-' and '.' in tags.`);
      }
    }
    const id = input.EmailTags?.find((tag) => tag.Name === 'notification')?.Value;
    return { ...(id === undefined ? {} : { id }), to: recipient, subject: subject.Data, text: text.Data, language };
  }
}

/** Answers SendEmail in an invocation of a runtime with a local SES; the grant check (priority high) has run before it. */
const answerLocally: ClientDecorator = (client, service) => {
  if (service !== 'sesv2') return;
  addInitializeStep(client, 'spireLocalSes', 'low', (next, context) => async (args) => {
    const ses = currentInvocation.getStore()?.ses;
    if (ses === undefined) return next(args);
    if (context.commandName !== 'SendEmailCommand') throw new Error(`The local runtime answers SES's SendEmail only, not ${String(context.commandName)}`);
    const output = await ses.sendEmail(args.input as unknown as SendEmailCommandInput);
    return { output: { ...output, $metadata: { httpStatusCode: 200 } }, response: {} };
  });
};

/**
 * From now on, every SES client answers SendEmail in an invocation that carries a local SES, after
 * the grant check, which this installs too: the local SES never answers a call unchecked.
 */
export function answerSesOnEveryClient(): void {
  enforceGrantsOnEveryClient();
  decorateEveryClient(answerLocally);
}

// eslint-disable-next-line no-restricted-imports -- the mailers are adapters themselves (SES, and the development outbox)
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { ConfigurationError, ENV, requireEnv, textEnv } from '../config.ts';
import { createDocumentClient, createSesClient } from '../aws/clients.ts';
// eslint-disable-next-line no-restricted-imports -- mailerFromEnv builds the outbox mailer on the table's adapter
import { DynamoDevOutbox } from '../store/notifications.ts';
import type { DevOutbox } from '../store/ports.ts';

/** An e-mail, plain text in UTF-8. */
export interface Mail {
  /** The notification's id: the outbox keeps it, SES tags the message with it. */
  id: string;
  to: string;
  subject: string;
  text: string;
  language: string;
}

/** Delivers e-mail: Amazon SES in AWS, the development outbox on a laptop. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Amazon SES (v2 API), from a verified sender identity, with the configuration set that publishes
 * bounces and complaints (infra/constructs/mail.ts). Subject and body are sent as UTF-8, so æ, ø
 * and å arrive intact.
 */
export class SesMailer implements Mailer {
  private readonly client: SESv2Client;
  private readonly sender: string;
  private readonly configurationSet: string;

  constructor(client: SESv2Client, sender: string, configurationSet: string) {
    this.client = client;
    this.sender = sender;
    this.configurationSet = configurationSet;
  }

  async send(mail: Mail): Promise<void> {
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.sender,
        ConfigurationSetName: this.configurationSet,
        Destination: { ToAddresses: [mail.to] },
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
          },
        },
        // SES tag values allow only ASCII letters, digits, '_', '-' and '.': the id is made of those.
        EmailTags: [{ Name: 'notification', Value: mail.id.replace(/[^A-Za-z0-9_.-]/g, '_') }],
      }),
    );
  }
}

/** The local runtime's development outbox: every e-mail is kept in the table, readable at GET /dev/outbox. */
export class OutboxMailer implements Mailer {
  private readonly outbox: DevOutbox;
  private readonly now: () => Date;

  constructor(outbox: DevOutbox, now: () => Date = () => new Date()) {
    this.outbox = outbox;
    this.now = now;
  }

  async send(mail: Mail): Promise<void> {
    await this.outbox.record({ ...mail, sentAt: this.now().toISOString() });
  }
}

/** The mailer a function's environment names (SPIRE_MAIL_TRANSPORT); fails at load when it is unknown or lacks its settings. */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer {
  const transport = textEnv(ENV.mailTransport, 'ses', env);
  if (transport === 'ses') return new SesMailer(createSesClient(), requireEnv(ENV.mailSender, env), requireEnv(ENV.mailConfigurationSet, env));
  if (transport === 'outbox') return new OutboxMailer(new DynamoDevOutbox(createDocumentClient(), requireEnv(ENV.tableName, env)));
  throw new ConfigurationError(`Environment variable ${ENV.mailTransport} must be "ses" or "outbox", got "${transport}"`);
}

// eslint-disable-next-line no-restricted-imports -- the SES mailer is an adapter itself
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { ENV, requireEnv } from '../config.ts';
import { createSesClient } from '../aws/clients.ts';

/** An e-mail, plain text in UTF-8. */
export interface Mail {
  /** The notification's id: SES tags the message with it (and the local runtime's outbox keeps it). */
  id: string;
  to: string;
  subject: string;
  text: string;
  /** The language the e-mail is written in, sent as its Content-Language header. */
  language: string;
}

/** Delivers e-mail. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Amazon SES (v2 API), from a verified sender identity, with the configuration set that publishes
 * bounces and complaints (infra/constructs/mail.ts). Subject and body are sent as UTF-8, so æ, ø
 * and å arrive intact, and the language as the Content-Language header. On a laptop the local
 * runtime answers the same call and keeps the e-mail in its development outbox
 * (infra/local/ses.ts).
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
            Headers: [{ Name: 'Content-Language', Value: mail.language }],
          },
        },
        // SES tag values allow only ASCII letters, digits, '_', '-' and '.': the id is made of those.
        EmailTags: [{ Name: 'notification', Value: mail.id.replace(/[^A-Za-z0-9_.-]/g, '_') }],
      }),
    );
  }
}

/** The mailer of a function described with `sendsMail` (infra/system.ts); fails at load, naming the variable, when a mail setting is missing. */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer {
  return new SesMailer(createSesClient(), requireEnv(ENV.mailSender, env), requireEnv(ENV.mailConfigurationSet, env));
}

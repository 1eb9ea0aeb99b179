import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../shared/config.ts';
import { mailerFromEnv, SesMailer, type Mail } from '../../../shared/notify/mailer.ts';
import { rejectionOf, thrownBy } from '../support/errors.ts';
import { IDEA_ID, SUBMITTER_EMAIL } from '../support/ideas.ts';

const sesMock = mockClient(SESv2Client);

afterEach(() => {
  sesMock.reset();
});

const SENDER = 'spire@kommune.example';
const CONFIGURATION_SET = 'Spire-prod-MailConfigurationSet';

const mail: Mail = {
  id: `${IDEA_ID}.v3`,
  to: SUBMITTER_EMAIL,
  subject: 'Nyt om din idé: Færre dobbeltregistreringer på plejecentret',
  text: 'Hej Birthe Sørensen,\n\nGodt nyt: din idé er valgt, og vi går i gang med at afprøve den. Æblet, øen og ålen.',
  language: 'da',
};

/** The input of the one SendEmail call. */
function sentEmail() {
  const calls = sesMock.commandCalls(SendEmailCommand);
  expect(calls).toHaveLength(1);
  return calls[0]!.args[0].input;
}

describe('SesMailer', () => {
  it('sends plain text from the configured sender to the recipient', async () => {
    // Prepare
    sesMock.on(SendEmailCommand).resolves({ MessageId: '0100018c-example' });
    const mailer = new SesMailer(new SESv2Client({}), SENDER, CONFIGURATION_SET);

    // Act
    await mailer.send(mail);

    // Assess
    const input = sentEmail();
    expect(input.FromEmailAddress).toBe(SENDER);
    expect(input.Destination).toEqual({ ToAddresses: [SUBMITTER_EMAIL] });
    expect(input.Content?.Simple?.Body).not.toHaveProperty('Html');
  });

  it('sends with the configuration set, so SES reports bounces and complaints to Spire', async () => {
    // Prepare
    sesMock.on(SendEmailCommand).resolves({});
    const mailer = new SesMailer(new SESv2Client({}), SENDER, CONFIGURATION_SET);

    // Act
    await mailer.send(mail);

    // Assess
    expect(sentEmail().ConfigurationSetName).toBe(CONFIGURATION_SET);
  });

  it('sends subject and body as UTF-8, with æ, ø and å intact', async () => {
    // Prepare
    sesMock.on(SendEmailCommand).resolves({});
    const mailer = new SesMailer(new SESv2Client({}), SENDER, CONFIGURATION_SET);

    // Act
    await mailer.send(mail);

    // Assess
    expect(sentEmail().Content).toEqual({
      Simple: {
        Subject: { Data: 'Nyt om din idé: Færre dobbeltregistreringer på plejecentret', Charset: 'UTF-8' },
        Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
        Headers: [{ Name: 'Content-Language', Value: 'da' }],
      },
    });
    expect(sentEmail().Content?.Simple?.Body?.Text?.Data).toContain('Æblet, øen og ålen.');
  });

  it('says the language the e-mail is written in, as its Content-Language header', async () => {
    // Prepare
    sesMock.on(SendEmailCommand).resolves({});
    const mailer = new SesMailer(new SESv2Client({}), SENDER, CONFIGURATION_SET);

    // Act
    await mailer.send({ ...mail, language: 'en' });

    // Assess
    expect(sentEmail().Content?.Simple?.Headers).toEqual([{ Name: 'Content-Language', Value: 'en' }]);
  });

  it('tags the message with the notification’s id, in the characters SES allows in a tag', async () => {
    // Prepare
    sesMock.on(SendEmailCommand).resolves({});
    const mailer = new SesMailer(new SESv2Client({}), SENDER, CONFIGURATION_SET);

    // Act
    await mailer.send({ ...mail, id: `${IDEA_ID}.v3` });
    await mailer.send({ ...mail, id: 'digest:2026-01-20 æ' });

    // Assess
    const tags = sesMock.commandCalls(SendEmailCommand).map((call) => call.args[0].input.EmailTags);
    expect(tags).toEqual([[{ Name: 'notification', Value: `${IDEA_ID}.v3` }], [{ Name: 'notification', Value: 'digest_2026-01-20__' }]]);
  });

  it('lets a refusal from SES through, so the message is tried again', async () => {
    // Prepare
    const refusal = Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' });
    sesMock.on(SendEmailCommand).rejects(refusal);
    const mailer = new SesMailer(new SESv2Client({}), SENDER, CONFIGURATION_SET);

    // Act
    const error = await rejectionOf(mailer.send(mail));

    // Assess
    expect(error).toBe(refusal);
  });
});

describe('mailerFromEnv', () => {
  it('sends by SES from SPIRE_MAIL_SENDER with SPIRE_MAIL_CONFIGURATION_SET', async () => {
    // Prepare
    sesMock.on(SendEmailCommand).resolves({});
    const mailer = mailerFromEnv({ SPIRE_MAIL_SENDER: 'idebanken@aarhus.example', SPIRE_MAIL_CONFIGURATION_SET: 'Spire-test-Mail' });

    // Act
    await mailer.send(mail);

    // Assess
    expect(mailer).toBeInstanceOf(SesMailer);
    expect(sentEmail()).toMatchObject({ FromEmailAddress: 'idebanken@aarhus.example', ConfigurationSetName: 'Spire-test-Mail' });
  });

  it.each([
    [{}, 'SPIRE_MAIL_SENDER'],
    [{ SPIRE_MAIL_SENDER: SENDER }, 'SPIRE_MAIL_CONFIGURATION_SET'],
  ])('fails at load, naming the variable, when a mail setting is missing (%j)', (env, variable) => {
    // Act
    const error = thrownBy(() => mailerFromEnv(env));

    // Assess
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe(`Missing environment variable ${variable}`);
  });
});

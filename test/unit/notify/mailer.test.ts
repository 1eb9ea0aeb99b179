import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../shared/config.ts';
import { mailerFromEnv, OutboxMailer, SesMailer, type Mail } from '../../../shared/notify/mailer.ts';
import { DynamoDevOutbox } from '../../../shared/store/notifications.ts';
import { rejectionOf, thrownBy } from '../support/errors.ts';
import { IDEA_ID, SUBMITTER_EMAIL } from '../support/ideas.ts';

const sesMock = mockClient(SESv2Client);
const ddbMock = mockClient(DynamoDBDocumentClient);

afterEach(() => {
  sesMock.reset();
  ddbMock.reset();
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
      },
    });
    expect(sentEmail().Content?.Simple?.Body?.Text?.Data).toContain('Æblet, øen og ålen.');
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

describe('OutboxMailer', () => {
  it('keeps the e-mail in the development outbox with the moment it was sent', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});
    const outbox = new DynamoDevOutbox(DynamoDBDocumentClient.from(new DynamoDBClient({})), 'spire-local');
    const mailer = new OutboxMailer(outbox, () => new Date('2026-01-06T09:15:00.000Z'));

    // Act
    await mailer.send(mail);

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(PutCommand, {
      TableName: 'spire-local',
      Item: { PK: 'DEV_OUTBOX', SK: `2026-01-06T09:15:00.000Z#${mail.id}`, type: 'outbox', ...mail, sentAt: '2026-01-06T09:15:00.000Z' },
    });
    expect(sesMock).not.toHaveReceivedAnyCommand();
  });
});

describe('mailerFromEnv', () => {
  it('sends by SES from SPIRE_MAIL_SENDER with SPIRE_MAIL_CONFIGURATION_SET when SPIRE_MAIL_TRANSPORT is ses', async () => {
    // Prepare
    sesMock.on(SendEmailCommand).resolves({});
    const mailer = mailerFromEnv({ SPIRE_MAIL_TRANSPORT: 'ses', SPIRE_MAIL_SENDER: 'idebanken@aarhus.example', SPIRE_MAIL_CONFIGURATION_SET: 'Spire-test-Mail' });

    // Act
    await mailer.send(mail);

    // Assess
    expect(mailer).toBeInstanceOf(SesMailer);
    expect(sentEmail()).toMatchObject({ FromEmailAddress: 'idebanken@aarhus.example', ConfigurationSetName: 'Spire-test-Mail' });
  });

  it('sends by SES when no transport is named', () => {
    // Act
    const mailer = mailerFromEnv({ SPIRE_MAIL_SENDER: SENDER, SPIRE_MAIL_CONFIGURATION_SET: CONFIGURATION_SET });

    // Assess
    expect(mailer).toBeInstanceOf(SesMailer);
  });

  it('writes to the development outbox in the table when SPIRE_MAIL_TRANSPORT is outbox', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});
    const mailer = mailerFromEnv({ SPIRE_MAIL_TRANSPORT: 'outbox', SPIRE_TABLE_NAME: 'spire-local' });

    // Act
    await mailer.send(mail);

    // Assess
    expect(mailer).toBeInstanceOf(OutboxMailer);
    expect(ddbMock.commandCalls(PutCommand).map((call) => call.args[0].input)).toEqual([
      { TableName: 'spire-local', Item: expect.objectContaining({ PK: 'DEV_OUTBOX', id: mail.id, subject: mail.subject }) },
    ]);
    expect(sesMock).not.toHaveReceivedAnyCommand();
  });

  it.each(['smtp', 'SES', 'sendmail'])('refuses the unknown transport %j, naming the variable', (transport) => {
    // Act
    const error = thrownBy(() => mailerFromEnv({ SPIRE_MAIL_TRANSPORT: transport, SPIRE_MAIL_SENDER: SENDER, SPIRE_TABLE_NAME: 'spire-local' }));

    // Assess
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain('SPIRE_MAIL_TRANSPORT');
    expect(error.message).toContain(`"${transport}"`);
  });

  it.each([
    ['ses', { SPIRE_MAIL_TRANSPORT: 'ses' }, 'SPIRE_MAIL_SENDER'],
    ['ses', { SPIRE_MAIL_TRANSPORT: 'ses', SPIRE_MAIL_SENDER: SENDER }, 'SPIRE_MAIL_CONFIGURATION_SET'],
    ['outbox', { SPIRE_MAIL_TRANSPORT: 'outbox' }, 'SPIRE_TABLE_NAME'],
  ])('fails at load, naming the variable, when the %s transport lacks its setting', (_transport, env, variable) => {
    // Act
    const error = thrownBy(() => mailerFromEnv(env));

    // Assess
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe(`Missing environment variable ${variable}`);
  });
});

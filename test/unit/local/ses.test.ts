import { BadRequestException, ListEmailIdentitiesCommand, MessageRejected, NotFoundException, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AccessDeniedError, GrantChecker, type LocalResourceNames } from '../../../infra/local/grants.ts';
import { currentInvocation } from '../../../infra/local/invocation.ts';
import { DevOutbox, type OutboxMessage } from '../../../infra/local/outbox.ts';
import { answerSesOnEveryClient, LocalSes } from '../../../infra/local/ses.ts';
import { FUNCTIONS, grantsOf, type FunctionName, type Grant } from '../../../infra/system.ts';
import { createSesClient } from '../../../shared/aws/clients.ts';
import { SesMailer, type Mail } from '../../../shared/notify/mailer.ts';
import { rejectionOf } from '../support/errors.ts';
import { fixedClock } from '../support/clock.ts';

const SENDER = 'spire@spire.localhost';
const CONFIGURATION_SET = 'spire-local';
const SENT_AT = '2026-01-06T09:15:00.000Z';

const NAMES: LocalResourceNames = {
  tableName: 'spire',
  queueUrls: { intake: 'http://q/1/intake', rescore: 'http://q/1/rescore', notify: 'http://q/1/notify', mailEvents: 'http://q/1/mailEvents', erasure: 'http://q/1/erasure' },
  mailSender: SENDER,
  mailConfigurationSet: CONFIGURATION_SET,
  secretArn: 'arn:aws:secretsmanager:eu-north-1:000000000000:secret:spire-deployment-secret-local',
};

const mail: Mail = {
  id: '0b7c9d7e-3f0a-4f5e-9a51-6d1c2b3a4e5f.v3',
  to: 'birthe@spire.localhost',
  subject: 'Nyt om din idé: Færre dobbeltregistreringer på plejecentret',
  text: 'Hej Birthe Sørensen,\n\nGodt nyt: din idé er valgt. Æblet, øen og ålen.',
  language: 'da',
};

/** An outbox in memory, for the local SES to keep its e-mails in. */
function memoryOutbox(): { messages: OutboxMessage[]; record(message: OutboxMessage): Promise<void> } {
  const messages: OutboxMessage[] = [];
  return { messages, record: async (message) => void messages.push(message) };
}

// The SES answer, and the grant check before it, on every SES client made from here on.
answerSesOnEveryClient();

afterAll(() => {
  // The SES answer and the grant check stay on every client shared/aws/clients.ts makes while its
  // module lives; the unit project shares modules between files, so the next file loads its own.
  vi.resetModules();
});

/** Runs `work` as an invocation of `functionName` in a runtime with this local SES and these grants. */
function inInvocation<T>(functionName: FunctionName, ses: LocalSes, grants: GrantChecker, work: () => Promise<T>): Promise<T> {
  return currentInvocation.run({ functionName, grants, ses }, work);
}

describe('SendEmail answered by the local runtime', () => {
  it('keeps the notify worker’s e-mail in the outbox, sent by the same SesMailer as in AWS, æ, ø and å intact', async () => {
    // Prepare
    const outbox = memoryOutbox();
    const ses = new LocalSes({ sender: SENDER, configurationSet: CONFIGURATION_SET, region: 'eu-north-1' }, outbox, fixedClock(SENT_AT));
    const checker = new GrantChecker(NAMES);
    const mailer = new SesMailer(createSesClient(), SENDER, CONFIGURATION_SET);

    // Act
    await inInvocation('notifyWorker', ses, checker, () => mailer.send(mail));

    // Assess
    expect(outbox.messages).toEqual([{ ...mail, sentAt: SENT_AT }]);
    expect(outbox.messages[0]?.text).toContain('Æblet, øen og ålen.');
    expect(checker.used).toContain(`notifyWorker ses:SendEmail identity/${SENDER}`);
    expect(checker.used).toContain(`notifyWorker ses:SendEmail configuration-set/${CONFIGURATION_SET}`);
  });

  it('answers with a message id, as SES does', async () => {
    // Prepare
    const ses = new LocalSes({ sender: SENDER, configurationSet: CONFIGURATION_SET, region: 'eu-north-1' }, memoryOutbox());
    const client = createSesClient();
    const input = new SesRequest().input;

    // Act
    const output = await inInvocation('notifyWorker', ses, new GrantChecker(NAMES), () => client.send(new SendEmailCommand(input)));

    // Assess
    expect(output.MessageId).toMatch(/^local-[0-9a-f-]{36}$/);
  });

  it.each<[string, FunctionName, ((name: FunctionName) => readonly Grant[]) | undefined, RegExp]>([
    ['a function not described with sendsMail', 'triageDigest', undefined, /^triageDigest is not authorized to perform ses:SendEmail on identity\/spire@spire\.localhost/],
    [
      'a function granted the identity but not the configuration set',
      'notifyWorker',
      (name) => (name === 'notifyWorker' ? [{ actions: ['ses:SendEmail'], resource: { kind: 'mailIdentity' } }] : grantsOf(FUNCTIONS[name])),
      /^notifyWorker is not authorized to perform ses:SendEmail on configuration-set\/spire-local/,
    ],
  ])('refuses %s as IAM would, and keeps nothing', async (_case, functionName, grants, message) => {
    // Prepare
    const outbox = memoryOutbox();
    const ses = new LocalSes({ sender: SENDER, configurationSet: CONFIGURATION_SET, region: 'eu-north-1' }, outbox);
    const checker = new GrantChecker(NAMES, grants);
    const mailer = new SesMailer(createSesClient(), SENDER, CONFIGURATION_SET);

    // Act
    const error = await rejectionOf(inInvocation(functionName, ses, checker, () => mailer.send(mail)));

    // Assess
    expect(error).toBeInstanceOf(AccessDeniedError);
    expect(error.message).toMatch(message);
    expect(outbox.messages).toEqual([]);
    expect(checker.denials.map((denial) => denial.functionName)).toEqual([functionName]);
  });

  it('answers no other SES call', async () => {
    // Prepare
    const ses = new LocalSes({ sender: SENDER, configurationSet: CONFIGURATION_SET, region: 'eu-north-1' }, memoryOutbox());
    const client = createSesClient();

    // Act: in an invocation that carries no grant check, so the call reaches the local SES
    const list = currentInvocation.run({ functionName: 'notifyWorker', ses }, () => client.send(new ListEmailIdentitiesCommand({})));

    // Assess
    await expect(list).rejects.toThrow(/answers SES's SendEmail only/);
  });
});

/** A SendEmail request as SesMailer makes it, to be spoiled one part at a time. */
class SesRequest {
  input: SendEmailCommandInput = {
    FromEmailAddress: SENDER,
    ConfigurationSetName: CONFIGURATION_SET,
    Destination: { ToAddresses: [mail.to] },
    Content: {
      Simple: {
        Subject: { Data: mail.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
        Headers: [{ Name: 'Content-Language', Value: mail.language }],
      },
    },
    EmailTags: [{ Name: 'notification', Value: mail.id }],
  };
}

/** The request with its simple message changed. */
function withSimple(change: (simple: NonNullable<NonNullable<SendEmailCommandInput['Content']>['Simple']>) => void): SendEmailCommandInput {
  const input = structuredClone(new SesRequest().input);
  change(input.Content!.Simple!);
  return input;
}

describe('the local SES’s checks of a request, as SES makes them of what Spire sends', () => {
  const settings = { sender: SENDER, configurationSet: CONFIGURATION_SET, region: 'eu-north-1' };

  it('accepts a display name on the verified sender, and UTF-8 in any case', async () => {
    // Prepare
    const outbox = memoryOutbox();
    const ses = new LocalSes(settings, outbox, fixedClock(SENT_AT));
    const input = { ...withSimple((simple) => (simple.Subject!.Charset = 'utf-8')), FromEmailAddress: `Spire <${SENDER}>` };

    // Act
    await ses.sendEmail(input);

    // Assess
    expect(outbox.messages).toEqual([{ ...mail, sentAt: SENT_AT }]);
  });

  it('names an e-mail without the notification tag by its message id', async () => {
    // Prepare
    const outbox = memoryOutbox();
    const ses = new LocalSes(settings, outbox);

    // Act
    const { MessageId } = await ses.sendEmail({ ...new SesRequest().input, EmailTags: [] });

    // Assess
    expect(outbox.messages.map((message) => message.id)).toEqual([MessageId]);
  });

  it.each<[string, SendEmailCommandInput, new (...args: never[]) => Error, RegExp]>([
    ['a From address that is not the verified sender', { ...new SesRequest().input, FromEmailAddress: 'idebanken@kommune.example' }, MessageRejected, /^Email address is not verified/],
    ['no configuration set', { ...new SesRequest().input, ConfigurationSetName: undefined }, BadRequestException, /ConfigurationSetName is required/],
    ['another configuration set', { ...new SesRequest().input, ConfigurationSetName: 'spire-other' }, NotFoundException, /Configuration set <spire-other> does not exist/],
    ['two recipients', { ...new SesRequest().input, Destination: { ToAddresses: [mail.to, 'anna@spire.localhost'] } }, BadRequestException, /one recipient/],
    ['a copy to another', { ...new SesRequest().input, Destination: { ToAddresses: [mail.to], BccAddresses: ['anna@spire.localhost'] } }, BadRequestException, /one recipient/],
    ['no recipient', { ...new SesRequest().input, Destination: {} }, BadRequestException, /one recipient/],
    ['an address without a domain', { ...new SesRequest().input, Destination: { ToAddresses: ['birthe'] } }, BadRequestException, /Illegal address/],
    ['raw content', { ...new SesRequest().input, Content: { Raw: { Data: new Uint8Array([65]) } } }, BadRequestException, /Simple content only/],
    ['a subject in ISO-8859-1', withSimple((simple) => (simple.Subject!.Charset = 'ISO-8859-1')), BadRequestException, /Charset UTF-8/],
    ['a body without a charset', withSimple((simple) => delete simple.Body!.Text!.Charset), BadRequestException, /Charset UTF-8/],
    ['a lone surrogate in the body', withSimple((simple) => (simple.Body!.Text!.Data = 'Hej \uD800')), BadRequestException, /well-formed Unicode/],
    ['an empty subject', withSimple((simple) => (simple.Subject!.Data = '')), BadRequestException, /no subject/],
    ['an HTML body', withSimple((simple) => (simple.Body!.Html = { Data: '<p>Hej</p>', Charset: 'UTF-8' })), BadRequestException, /plain text only/],
    ['no Content-Language header', withSimple((simple) => (simple.Headers = [])), BadRequestException, /Content-Language/],
    ['a header value beyond ASCII', withSimple((simple) => (simple.Headers = [{ Name: 'Content-Language', Value: 'dansk æ' }])), BadRequestException, /Invalid header/],
    ['a tag SES does not allow', { ...new SesRequest().input, EmailTags: [{ Name: 'notification', Value: 'digest:2026-01-20' }] }, BadRequestException, /Invalid tag/],
  ])('refuses %s with the SDK’s error, and keeps nothing', async (_case, input, errorType, message) => {
    // Prepare
    const outbox = memoryOutbox();
    const ses = new LocalSes(settings, outbox);

    // Act
    const error = await rejectionOf(ses.sendEmail(input));

    // Assess
    expect(error).toBeInstanceOf(errorType);
    expect(error.message).toMatch(message);
    expect(outbox.messages).toEqual([]);
  });
});

describe('the development outbox in the table', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  afterEach(() => ddbMock.reset());

  it('keeps an accepted e-mail as the item GET /dev/outbox reads: DEV_OUTBOX, <sent at>#<id>', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});
    const outbox = new DevOutbox(DynamoDBDocumentClient.from(new DynamoDBClient({})), 'spire-local');
    const ses = new LocalSes({ sender: SENDER, configurationSet: CONFIGURATION_SET, region: 'eu-north-1' }, outbox, fixedClock(SENT_AT));

    // Act
    await ses.sendEmail(new SesRequest().input);

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(PutCommand, {
      TableName: 'spire-local',
      Item: { PK: 'DEV_OUTBOX', SK: `${SENT_AT}#${mail.id}`, type: 'outbox', ...mail, sentAt: SENT_AT },
    });
  });
});

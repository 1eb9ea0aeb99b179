/**
 * Bounces and complaints, end to end on the local runtime: an SES event in SNS's envelope, as the
 * configuration set's SNS topic delivers it to the mail events queue in AWS, reaches the mail
 * feedback function; the address is marked undeliverable, and the next e-mail to it is not sent.
 */
import { ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { bounceEvent, complaintEvent, snsEnvelope } from '../fixtures/ses-events.ts';
import { allItems, decideNow, eventually, FRICTION, outbox, sqsClient, startWithCast, submitAll, waitForMail, type Person } from './support.ts';

let runtime: LocalRuntime;
let anna: Person;
let bent: Person;
let carl: Person;
let tove: Person;
let sqs: SQSClient;

beforeAll(async () => {
  ({ runtime, anna, bent, carl, tove } = await startWithCast());
  sqs = sqsClient();
});

afterAll(async () => {
  sqs?.destroy();
  await runtime?.stop();
});

/** What SNS delivers to the mail events queue when SES reports on an e-mail. */
async function sesReports(event: unknown): Promise<void> {
  await sqs.send(new SendMessageCommand({ QueueUrl: runtime.queues.mailEvents.url, MessageBody: snsEnvelope(event) }));
}

async function item(pk: string): Promise<Record<string, unknown> | undefined> {
  return (await allItems(runtime.tableName)).find((candidate) => candidate['PK'] === pk && candidate['SK'] === 'META');
}

/** Waits until the mail feedback function has marked the address undeliverable. */
function suppressionOf(address: string): Promise<Record<string, unknown>> {
  return eventually(() => item(`MAIL_SUPPRESSION#${address.toLowerCase()}`), 20_000, `${address} to be marked undeliverable`);
}

/** Waits until the notify worker has dealt with the notification: sent, or marked not sent. */
function settledNotification(id: string): Promise<Record<string, unknown>> {
  return eventually(async () => {
    const notification = await item(`NOTIFICATION#${id}`);
    return notification?.['sentAt'] !== undefined || notification?.['notSentAt'] !== undefined ? notification : undefined;
  }, 20_000, `notification ${id} to be sent or refused`);
}

describe('a permanent bounce', () => {
  it('marks the address undeliverable, and the next e-mail to it is not sent', async () => {
    // Prepare: Anna's idea reaches triage and she is told, by e-mail.
    const [id] = (await submitAll(anna, [{ ...FRICTION, title: 'Bounce: Ældrecentrets nøglebokse' }])) as [string];
    await waitForMail(runtime, `${id}.v2`);

    // Act: her mailbox turns out not to exist; then triage asks her a question.
    await sesReports(bounceEvent({ to: 'Anna@spire.localhost', notificationId: `${id}.v2` }));
    const suppression = await suppressionOf('anna@spire.localhost');
    expect((await decideNow(tove, id, { decision: 'needs_info', question: 'Hvor mange nøglebokse drejer det sig om?' })).status).toBe(200);

    // Assess
    expect(suppression).toMatchObject({ address: 'anna@spire.localhost', reason: 'bounce', detail: 'General', notificationId: `${id}.v2` });
    const notification = await settledNotification(`${id}.v3`);
    expect(notification).toMatchObject({ notSentReason: 'address-bounced' });
    expect(notification).not.toHaveProperty('sentAt');
    expect(notification).not.toHaveProperty('GSI1PK');
    expect((await outbox(runtime, 'anna@spire.localhost')).map((mail) => mail.id)).toEqual([`${id}.v2`]);
  });
});

describe('a complaint', () => {
  it('marks the address undeliverable as well', async () => {
    // Prepare
    const [id] = (await submitAll(carl, [{ ...FRICTION, title: 'Klage: Åbningstider i Ørsted Hallen' }])) as [string];
    await waitForMail(runtime, `${id}.v2`);

    // Act
    await sesReports(complaintEvent({ to: 'carl@spire.localhost', notificationId: `${id}.v2` }));
    await suppressionOf('carl@spire.localhost');
    expect((await decideNow(tove, id, { decision: 'needs_info', question: 'Hvilke dage gælder det?' })).status).toBe(200);

    // Assess
    expect(await settledNotification(`${id}.v3`)).toMatchObject({ notSentReason: 'address-complained' });
    expect((await outbox(runtime, 'carl@spire.localhost')).map((mail) => mail.id)).toEqual([`${id}.v2`]);
  });
});

describe('a transient bounce', () => {
  it('leaves the address deliverable: the next e-mail is sent', async () => {
    // Prepare
    const [id] = (await submitAll(bent, [{ ...FRICTION, title: 'Fuld indbakke: Bøger på Ærø' }])) as [string];
    await waitForMail(runtime, `${id}.v2`);

    // Act: his mailbox is full and SES reports it; a permanent bounce sent after it shows the queue has been read past his.
    await sesReports(bounceEvent({ to: 'bent@spire.localhost', bounceType: 'Transient', bounceSubType: 'MailboxFull' }));
    await sesReports(bounceEvent({ to: 'nobody@spire.localhost' }));
    await suppressionOf('nobody@spire.localhost');
    expect((await decideNow(tove, id, { decision: 'needs_info', question: 'Hvilke bøger?' })).status).toBe(200);

    // Assess
    await waitForMail(runtime, `${id}.v3`);
    expect(await item('MAIL_SUPPRESSION#bent@spire.localhost')).toBeUndefined();
    expect(await settledNotification(`${id}.v3`)).toHaveProperty('sentAt');
  });
});

describe('a message that is not an SES event', () => {
  it('ends in the mail events dead-letter queue after its retries, and marks nobody', async () => {
    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: runtime.queues.mailEvents.url, MessageBody: JSON.stringify(bounceEvent({ to: 'dora@spire.localhost' })) }));

    // Assess: without SNS's envelope it is refused on every receive, then dead-lettered.
    const deadLetter = await eventually(async () => {
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: runtime.queues.mailEvents.deadLetterUrl, WaitTimeSeconds: 1 }));
      return Messages?.[0];
    }, 40_000, 'the message in the dead-letter queue');
    expect(JSON.parse(deadLetter.Body ?? '{}')).toMatchObject({ eventType: 'Bounce' });
    expect(await item('MAIL_SUPPRESSION#dora@spire.localhost')).toBeUndefined();
  });
});

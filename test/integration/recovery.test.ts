import { DeleteQueueCommand, ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { ensureQueues } from '../../infra/local/resources.ts';
import { QUEUES } from '../../infra/system.ts';
import { allItems, eventually, IDEA, signIn, sqsClient, startTestRuntime, waitForStatus, type Person } from './support.ts';
import { inject } from 'vitest';

let runtime: LocalRuntime;
let sqs: SQSClient;
let anna: Person;
const prefix = `recovery-${Date.now().toString(36)}-`;

beforeAll(async () => {
  runtime = await startTestRuntime({ queuePrefix: prefix, visibilityTimeoutSeconds: 1 });
  sqs = sqsClient();
  anna = await signIn(runtime, 'anna', ['employee'], 'Anna Sørensen');
});

afterAll(async () => {
  await runtime?.stop();
  sqs?.destroy();
});

describe('nothing accepted is lost', () => {
  it('keeps an idea whose queue send failed, and the sweeper brings it to triage', async () => {
    // Prepare: the intake queue disappears, so the send after the store fails.
    await sqs.send(new DeleteQueueCommand({ QueueUrl: runtime.queues.intake.url }));

    // Act
    const response = await anna.request('POST', '/ideas', { body: { ...IDEA, title: 'Gemt, selv om køen var væk' } });

    // Assess: accepted, stored, still submitted.
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const stored = (await allItems(runtime.tableName)).find((item) => item['id'] === id && item['type'] === 'idea');
    expect(stored?.['status']).toBe('submitted');

    // Act: the queue is back; the sweeper runs on its schedule.
    await ensureQueues(sqs, { endpoint: inject('sqsEndpoint'), prefix, visibilityTimeoutSeconds: 1 });
    const report = (await runtime.runSchedule('sweeper')) as { requeued: number };

    // Assess
    expect(report.requeued).toBeGreaterThanOrEqual(1);
    const idea = await waitForStatus(anna, id, 'in_triage');
    expect(idea['title']).toBe('Gemt, selv om køen var væk');
  });

  it('admits an idea once however often its message is delivered', async () => {
    // Prepare
    const { id } = (await (await anna.request('POST', '/ideas', { body: { ...IDEA, title: 'Leveret tre gange' } })).json()) as { id: string };
    await waitForStatus(anna, id, 'in_triage');

    // Act: two more deliveries of the same message, as at-least-once delivery and the sweeper may cause.
    for (let n = 0; n < 2; n++) {
      await sqs.send(new SendMessageCommand({ QueueUrl: runtime.queues.intake.url, MessageBody: JSON.stringify({ ideaId: id }) }));
    }
    await eventually(async () => {
      const result = await sqs.send(new ReceiveMessageCommand({ QueueUrl: runtime.queues.intake.url, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
      return (result.Messages ?? []).length === 0 ? true : undefined;
    }, 15_000, 'the queue to drain');

    // Assess: one transition, one in_triage event.
    const events = (await allItems(runtime.tableName)).filter((item) => item['type'] === 'event' && item['ideaId'] === id);
    expect(events.map((event) => event['to'])).toEqual(['submitted', 'in_triage']);
  });

  it(`moves a poison message to the dead-letter queue after ${QUEUES.intake.maxReceiveCount} receives`, async () => {
    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: runtime.queues.intake.url, MessageBody: '{"ideaId":"not-a-uuid"}' }));

    // Assess
    const dead = await eventually(async () => {
      const result = await sqs.send(new ReceiveMessageCommand({ QueueUrl: runtime.queues.intake.deadLetterUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      return (result.Messages ?? []).find((message) => message.Body === '{"ideaId":"not-a-uuid"}');
    }, 30_000, 'the poison message in the dead-letter queue');
    expect(dead.Body).toBe('{"ideaId":"not-a-uuid"}');
  });
});

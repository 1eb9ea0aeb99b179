import { ReceiveMessageCommand, SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ensureQueues, type LocalQueue } from '../../infra/local/resources.ts';
import { startPoller, type Poller } from '../../infra/local/sqs-poller.ts';
import { LOCAL_AWS } from '../../infra/local/emulators.ts';
import { eventually, sqsClient } from './support.ts';

let sqs: SQSClient;
let poller: Poller | undefined;

beforeAll(() => {
  sqs = sqsClient();
});

afterEach(async () => {
  await poller?.stop();
  poller = undefined;
});

afterAll(() => sqs?.destroy());

async function freshQueue(): Promise<LocalQueue> {
  const queues = await ensureQueues(sqs, { endpoint: inject('sqsEndpoint'), prefix: `poller-${Math.random().toString(36).slice(2, 8)}-`, visibilityTimeoutSeconds: 1 });
  return queues.intake;
}

async function send(queue: LocalQueue, bodies: string[]): Promise<void> {
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: queue.url, Entries: bodies.map((body, index) => ({ Id: String(index), MessageBody: body })) }));
}

function poll(queue: LocalQueue, invoke: (event: SQSEvent) => Promise<unknown>): void {
  poller = startPoller({ client: sqs, queueUrl: queue.url, queueArn: 'arn:aws:sqs:local:000000000000:test', region: LOCAL_AWS.region, batchSize: 10, maxBatchingWindowSeconds: 0, functionName: 'intakeWorker', invoke });
}

describe('the local SQS event source', () => {
  it('delivers messages in batches as SQS events with the records Lambda gets', async () => {
    // Prepare
    const queue = await freshQueue();
    const events: SQSEvent[] = [];
    await send(queue, ['æ', 'ø', 'å']);

    // Act
    poll(queue, async (event) => {
      events.push(event);
      return { batchItemFailures: [] };
    });

    // Assess
    const bodies = await eventually(async () => {
      const all = events.flatMap((event) => event.Records.map((record) => record.body));
      return all.length >= 3 ? all : undefined;
    });
    expect(bodies.sort()).toEqual(['å', 'æ', 'ø'].sort());
    const record = events[0]?.Records[0];
    expect(record?.eventSource).toBe('aws:sqs');
    expect(record?.attributes.ApproximateReceiveCount).toBe('1');
  });

  it('retries only the records reported in batchItemFailures', async () => {
    // Prepare
    const queue = await freshQueue();
    const seen: string[] = [];
    await send(queue, ['ok-1', 'fail-once', 'ok-2']);
    let failed = false;

    // Act
    poll(queue, async (event): Promise<SQSBatchResponse> => {
      const failures = [];
      for (const record of event.Records) {
        seen.push(record.body);
        if (record.body === 'fail-once' && !failed) {
          failed = true;
          failures.push({ itemIdentifier: record.messageId });
        }
      }
      return { batchItemFailures: failures };
    });

    // Assess: the failed one came back once; the others were deleted, not redelivered.
    await eventually(async () => (seen.filter((body) => body === 'fail-once').length === 2 ? true : undefined), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(seen.filter((body) => body === 'ok-1')).toHaveLength(1);
    expect(seen.filter((body) => body === 'ok-2')).toHaveLength(1);
  });

  it('retries the whole batch when the function throws, as when a worker dies mid-batch', async () => {
    // Prepare
    const queue = await freshQueue();
    const deliveries: number[] = [];
    await send(queue, ['a', 'b']);

    // Act
    poll(queue, async (event) => {
      deliveries.push(event.Records.length);
      if (deliveries.length === 1) throw new Error('worker died');
      return { batchItemFailures: [] };
    });

    // Assess: both records arrive again after the visibility timeout, and are then done.
    await eventually(async () => (deliveries.reduce((sum, n) => sum + n, 0) >= 4 ? true : undefined), 15_000);
    const left = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, MaxNumberOfMessages: 10, VisibilityTimeout: 0, WaitTimeSeconds: 2 }));
    expect(left.Messages ?? []).toHaveLength(0);
  });
});

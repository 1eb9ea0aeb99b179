/**
 * The local stand-in for Lambda's SQS event source mapping: long-polls a queue, invokes the
 * consumer with a batch as an SQS event, deletes the messages that succeeded and leaves the
 * ones reported in `batchItemFailures` (or the whole batch, when the function throws or times
 * out) to come back after the visibility timeout, until the queue's redrive policy moves them
 * to the dead-letter queue. Like Lambda, it does not invoke a function for the 17th time in one
 * chain of requests (./recursion.ts): such a message is left to go the same way.
 */
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../../shared/logger.ts';
import type { FunctionName } from '../system.ts';
import type { Invocation } from './invocation.ts';
import { checkRecursion } from './recursion.ts';

export interface PollerOptions {
  client: SQSClient;
  queueUrl: string;
  queueArn: string;
  region: string;
  batchSize: number;
  maxBatchingWindowSeconds: number;
  /** The consumer, whose invocations per chain of requests are counted. */
  functionName: FunctionName;
  invoke: (event: SQSEvent, invocation: Pick<Invocation, 'lineage'>) => Promise<unknown>;
}

export interface Poller {
  stop(): Promise<void>;
}

const SQS_RECEIVE_LIMIT = 10;

export function startPoller(options: PollerOptions): Poller {
  const abort = new AbortController();
  const loop = (async () => {
    let failing = false;
    while (!abort.signal.aborted) {
      try {
        const messages = await receiveBatch(options, abort.signal);
        failing = false;
        if (messages.length > 0) await deliver(options, messages);
      } catch (error) {
        if (abort.signal.aborted) break;
        if (!failing) logger.warn('Queue poll failed; retrying', { queueUrl: options.queueUrl, error: error as Error });
        failing = true;
        await sleep(1000, abort.signal);
      }
    }
  })();
  return {
    async stop() {
      abort.abort();
      await loop;
    },
  };
}

/** Up to `batchSize` messages, waiting at most the batching window once the first has arrived. */
async function receiveBatch(options: PollerOptions, signal: AbortSignal): Promise<Message[]> {
  const messages: Message[] = [];
  const windowEnds = Date.now() + options.maxBatchingWindowSeconds * 1000;
  do {
    const result = await options.client.send(
      new ReceiveMessageCommand({
        QueueUrl: options.queueUrl,
        MaxNumberOfMessages: Math.min(SQS_RECEIVE_LIMIT, options.batchSize - messages.length),
        WaitTimeSeconds: messages.length === 0 ? 1 : 0,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: signal },
    );
    const received = result.Messages ?? [];
    messages.push(...received);
    if (received.length === 0 && messages.length > 0) break;
  } while (messages.length > 0 && messages.length < options.batchSize && Date.now() < windowEnds);
  return messages;
}

async function deliver(options: PollerOptions, received: Message[]): Promise<void> {
  const { admitted: messages, stopped, lineage } = checkRecursion(options.functionName, received);
  for (const { message, invocation } of stopped) {
    // Not deleted: back after the visibility timeout, and to the dead-letter queue after maxReceiveCount, as in AWS.
    logger.error(`Recursive loop stopped: ${options.functionName} would be invoked for the ${invocation}th time in one chain of requests; Lambda does not invoke it`, {
      function: options.functionName,
      queueUrl: options.queueUrl,
      messageId: message.MessageId,
    });
  }
  if (messages.length === 0) return;
  const event: SQSEvent = { Records: messages.map((message) => toRecord(message, options)) };
  let failedIds: Set<string>;
  try {
    const response = (await options.invoke(event, { lineage })) as SQSBatchResponse | undefined;
    failedIds = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
  } catch (error) {
    logger.error('Queue consumer failed; the whole batch will be retried', { queueUrl: options.queueUrl, error: error as Error });
    return;
  }
  const done = messages.filter((message) => !failedIds.has(message.MessageId as string));
  for (let start = 0; start < done.length; start += SQS_RECEIVE_LIMIT) {
    await options.client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: options.queueUrl,
        Entries: done.slice(start, start + SQS_RECEIVE_LIMIT).map((message, index) => ({
          Id: String(index),
          ReceiptHandle: message.ReceiptHandle as string,
        })),
      }),
    );
  }
}

function toRecord(message: Message, options: PollerOptions): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId as string,
    receiptHandle: message.ReceiptHandle as string,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes['ApproximateReceiveCount'] ?? '1',
      SentTimestamp: attributes['SentTimestamp'] ?? String(Date.now()),
      SenderId: attributes['SenderId'] ?? 'local',
      ApproximateFirstReceiveTimestamp: attributes['ApproximateFirstReceiveTimestamp'] ?? String(Date.now()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        {
          dataType: value.DataType ?? 'String',
          ...(value.StringValue === undefined ? {} : { stringValue: value.StringValue }),
        },
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: options.queueArn,
    awsRegion: options.region,
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

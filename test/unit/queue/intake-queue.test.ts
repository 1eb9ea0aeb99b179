import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SqsIntakeQueue } from '../../../shared/queue/intake-queue.ts';

const QUEUE_URL = 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-intake';
const sqsMock = mockClient(SQSClient);
const queue = new SqsIntakeQueue(new SQSClient({}), QUEUE_URL);

const ids = (count: number) => Array.from({ length: count }, (_, index) => `idea-${index + 1}`);

afterEach(() => {
  sqsMock.reset();
});

describe('SqsIntakeQueue.enqueue', () => {
  it('sends each idea id as its own message', async () => {
    // Prepare
    sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });

    // Act
    const failed = await queue.enqueue(['idea-1', 'idea-2']);

    // Assess
    expect(failed).toEqual([]);
    expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageBatchCommand, {
      QueueUrl: QUEUE_URL,
      Entries: [
        { Id: '0', MessageBody: '{"ideaId":"idea-1"}' },
        { Id: '1', MessageBody: '{"ideaId":"idea-2"}' },
      ],
    });
  });

  it('sends in batches of at most ten, as SQS requires', async () => {
    // Prepare
    sqsMock.on(SendMessageBatchCommand).resolves({});

    // Act
    await queue.enqueue(ids(23));

    // Assess
    const sizes = sqsMock.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input.Entries?.length);
    expect(sizes).toEqual([10, 10, 3]);
  });

  it('returns the ids of the messages SQS did not take, across batches', async () => {
    // Prepare
    sqsMock
      .on(SendMessageBatchCommand)
      .resolvesOnce({ Failed: [{ Id: '3', SenderFault: false, Code: 'InternalError' }] })
      .resolvesOnce({ Failed: [{ Id: '1', SenderFault: false, Code: 'InternalError' }] });

    // Act
    const failed = await queue.enqueue(ids(12));

    // Assess
    expect(failed).toEqual(['idea-4', 'idea-12']);
  });

  it('sends nothing for no ideas', async () => {
    // Act
    const failed = await queue.enqueue([]);

    // Assess
    expect(failed).toEqual([]);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('lets a failed call reach the caller', async () => {
    // Prepare
    sqsMock.on(SendMessageBatchCommand).rejects(new Error('Could not connect to the endpoint URL'));

    // Act
    const result = queue.enqueue(['idea-1']);

    // Assess
    await expect(result).rejects.toThrow('Could not connect');
  });
});

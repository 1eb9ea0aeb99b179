import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { Idea } from '../../../shared/domain/idea.ts';
import { givenIdeas, theTransaction } from './table.ts';

/**
 * The table and the notify queue as a handler that changes an idea and then queues its e-mail
 * sees them: every transaction succeeds, every send is accepted, and both are appended to
 * `sideEffects` so a test can check their order. The clock stands at `now`; `seed` gives the
 * ideas stored before each test (none if left out; more with `stored`), and every other Get finds
 * nothing. Handlers that only read use it too, for the clock and the reset. Registers its own
 * beforeEach/afterEach, so call it before the file's own hooks.
 */
export function mockTableAndNotifyQueue(options: { now: string; seed?: () => Idea[] }) {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const sqsMock = mockClient(SQSClient);
  /** The order in which the handler wrote to the table and sent to the queue. */
  const sideEffects: string[] = [];
  const stored = (...ideas: Idea[]) => givenIdeas(ddbMock, ...ideas);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(options.now));
    sideEffects.length = 0;
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(TransactWriteCommand).callsFake(() => {
      sideEffects.push('transaction');
      return {};
    });
    sqsMock.on(SendMessageBatchCommand).callsFake(() => {
      sideEffects.push('queue');
      return { Successful: [{ Id: '0', MessageId: 'm-1', MD5OfMessageBody: 'x' }], Failed: [] };
    });
    stored(...(options.seed?.() ?? []));
  });

  afterEach(() => {
    vi.useRealTimers();
    ddbMock.reset();
    sqsMock.reset();
  });

  /** The items of the one transaction the handler wrote (and that there was exactly one). */
  const transactionItems = () => theTransaction(ddbMock);

  /** A refused request wrote nothing. */
  const expectNothingWritten = () => {
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    expect(ddbMock).not.toHaveReceivedCommand(PutCommand);
  };

  return { ddbMock, sqsMock, sideEffects, stored, transactionItems, expectNothingWritten };
}

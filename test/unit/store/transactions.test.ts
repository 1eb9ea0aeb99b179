import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conditionFailedAt, conflicted, TRANSACTION_ITEM_LIMIT, writeTransaction, type TransactItems } from '../../../shared/store/transactions.ts';
import { rejectionOf } from '../support/errors.ts';
import { transactionCanceled } from '../support/lambda.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  ddbMock.reset();
});

/** A transaction of `count` puts, each only if new. */
function items(count: number): TransactItems {
  return Array.from({ length: count }, (_, n) => ({ Put: { TableName: TABLE_NAME, Item: { PK: `ITEM#${n}`, SK: 'META' }, ConditionExpression: 'attribute_not_exists(PK)' } }));
}

/** Runs the write to its end, letting every back-off pass. */
async function written(transaction: TransactItems): Promise<Error | undefined> {
  const outcome = writeTransaction(client, transaction).then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  await vi.runAllTimersAsync();
  return outcome;
}

describe('writeTransaction', () => {
  it('sends the items as one transaction, once, when DynamoDB takes it', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});
    const transaction = items(3);

    // Act
    const error = await written(transaction);

    // Assess
    expect(error).toBeUndefined();
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
    expect(ddbMock).toHaveReceivedCommandWith(TransactWriteCommand, { TransactItems: transaction });
  });

  it('tries a transaction another one conflicted with again, with the same items, until it goes through', async () => {
    // Prepare
    const conflict = transactionCanceled('None', 'TransactionConflict');
    ddbMock.on(TransactWriteCommand).rejectsOnce(conflict).rejectsOnce(conflict).resolves({});
    const transaction = items(2);

    // Act
    const error = await written(transaction);

    // Assess
    expect(error).toBeUndefined();
    const calls = ddbMock.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(3);
    expect(calls.every((call) => call.args[0].input.TransactItems === transaction)).toBe(true);
  });

  it('waits before each new attempt, longer each time, and well under a second in all', async () => {
    // Prepare
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const sentAt: number[] = [];
    ddbMock.on(TransactWriteCommand).callsFake(() => {
      sentAt.push(Date.now());
      throw transactionCanceled('TransactionConflict');
    });

    // Act
    await written(items(1));

    // Assess
    const waits = sentAt.slice(1).map((at, n) => at - (sentAt[n] as number));
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[1]).toBeGreaterThan(waits[0] as number);
    expect(waits[2]).toBeGreaterThan(waits[1] as number);
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBeLessThan(1000);
  });

  it('gives up after 4 attempts and throws the last cancellation', async () => {
    // Prepare
    const last = transactionCanceled('TransactionConflict', 'None');
    ddbMock
      .on(TransactWriteCommand)
      .rejectsOnce(transactionCanceled('TransactionConflict', 'None'))
      .rejectsOnce(transactionCanceled('TransactionConflict', 'None'))
      .rejectsOnce(transactionCanceled('None', 'TransactionConflict'))
      .rejectsOnce(last)
      .resolves({});

    // Act
    const error = await written(items(2));

    // Assess
    expect(error).toBe(last);
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 4);
  });

  it('does not try again when a condition failed: it would fail the same way', async () => {
    // Prepare
    const failed = transactionCanceled('ConditionalCheckFailed', 'None');
    ddbMock.on(TransactWriteCommand).rejectsOnce(failed).resolves({});

    // Act
    const error = await written(items(2));

    // Assess
    expect(error).toBe(failed);
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
  });

  it('does not try again on errors that are no cancelled transaction, leaving those to the SDK', async () => {
    // Prepare
    const unavailable = new Error('DynamoDB is unavailable');
    ddbMock.on(TransactWriteCommand).rejectsOnce(unavailable).resolves({});

    // Act
    const error = await written(items(1));

    // Assess
    expect(error).toBe(unavailable);
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
  });

  it('refuses a transaction over DynamoDB’s 100 items without sending it', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    const error = await rejectionOf(writeTransaction(client, items(TRANSACTION_ITEM_LIMIT + 1)));

    // Assess
    expect(error.message).toContain('101 items');
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('sends a transaction of exactly 100 items', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    const error = await written(items(TRANSACTION_ITEM_LIMIT));

    // Assess
    expect(TRANSACTION_ITEM_LIMIT).toBe(100);
    expect(error).toBeUndefined();
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
  });
});

describe('conflicted', () => {
  it.each([
    ['a conflict on the first item', transactionCanceled('TransactionConflict', 'None'), true],
    ['a conflict on a later item', transactionCanceled('None', 'None', 'TransactionConflict'), true],
    ['a failed condition only', transactionCanceled('ConditionalCheckFailed', 'None'), false],
    ['a cancellation without reasons', new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {} }), false],
    ['another error', Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'TransactionConflict' }] }), false],
    ['no error at all', undefined, false],
  ])('answers whether another transaction got in the way: %s → %s', (_case, error, expected) => {
    // Act
    const answer = conflicted(error);

    // Assess
    expect(answer).toBe(expected);
  });
});

describe('conditionFailedAt', () => {
  it('answers true only for the item whose condition failed', () => {
    // Prepare
    const error = transactionCanceled('None', 'ConditionalCheckFailed', 'None');

    // Act
    const answers = [0, 1, 2, 3].map((index) => conditionFailedAt(error, index));

    // Assess
    expect(answers).toEqual([false, true, false, false]);
  });

  it('answers false for a conflict and for errors that are no cancelled transaction', () => {
    // Act
    const answers = [conditionFailedAt(transactionCanceled('TransactionConflict'), 0), conditionFailedAt(new Error('ConditionalCheckFailed'), 0)];

    // Assess
    expect(answers).toEqual([false, false]);
  });
});

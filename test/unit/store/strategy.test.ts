import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Strategy } from '../../../shared/domain/strategy/strategy.ts';
import { encodeCursor } from '../../../shared/store/cursor.ts';
import { DynamoStrategyStore } from '../../../shared/store/strategy.ts';
import { VersionConflictError } from '../../../shared/store/ports.ts';
import { rejectionOf } from '../support/errors.ts';
import { aStrategy } from '../support/strategy.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const shipped = aStrategy();
const store = new DynamoStrategyStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME, shipped);

afterEach(() => {
  ddbMock.reset();
});

function stored(version: number): Strategy {
  return { ...aStrategy(), version, createdAt: '2026-11-01T10:00:00.000Z', createdBy: 'admin-1' };
}

describe('DynamoStrategyStore.current', () => {
  it('reads the newest version with one Query, newest first (one item past the page, as every page reads)', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [{ PK: 'STRATEGY', SK: 'VERSION#000003', type: 'strategy', ...stored(3) }] });

    // Act
    const strategy = await store.current();

    // Assess
    expect(strategy).toEqual(stored(3));
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { ScanIndexForward: false, Limit: 1, ConsistentRead: true });
    expect(ddbMock).not.toHaveReceivedCommand(PutCommand);
  });

  it('stores the shipped default as version 1 on a fresh installation, only if nobody did first', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    ddbMock.on(PutCommand).resolves({});

    // Act
    const strategy = await store.current();

    // Assess
    expect(strategy).toMatchObject({ ...shipped, version: 1, createdBy: 'system' });
    expect(ddbMock).toHaveReceivedCommandWith(PutCommand, {
      TableName: TABLE_NAME,
      ConditionExpression: 'attribute_not_exists(PK)',
      Item: expect.objectContaining({ PK: 'STRATEGY', SK: 'VERSION#000001', version: 1 }),
    });
  });

  it('answers the shipped default as version 1 without storing it when the function may only read', async () => {
    // Prepare
    const reader = new DynamoStrategyStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME, shipped, 'read');
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    const strategy = await reader.current();

    // Assess
    expect(strategy).toMatchObject({ ...shipped, version: 1, createdBy: 'system' });
    expect(ddbMock).not.toHaveReceivedCommand(PutCommand);
  });

  it('returns the version another reader seeded when two first reads race', async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [] })
      .resolves({ Items: [{ PK: 'STRATEGY', SK: 'VERSION#000001', ...stored(1) }] });
    ddbMock.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));

    // Act
    const strategy = await store.current();

    // Assess
    expect(strategy).toEqual(stored(1));
  });
});

describe('DynamoStrategyStore.replace', () => {
  it('writes the next version only while the expected one is current and the next does not exist', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [stored(2)] });
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    const next = await store.replace(aStrategy(), 2, 'admin-2', '2026-11-22T12:00:00.000Z');

    // Assess
    expect(next).toMatchObject({ version: 3, createdBy: 'admin-2', createdAt: '2026-11-22T12:00:00.000Z' });
    const [call] = ddbMock.commandCalls(TransactWriteCommand);
    const items = call?.args[0].input.TransactItems ?? [];
    expect(items[0]?.ConditionCheck).toMatchObject({ Key: { PK: 'STRATEGY', SK: 'VERSION#000002' }, ConditionExpression: 'attribute_exists(PK)' });
    expect(items[1]?.Put).toMatchObject({ Item: { SK: 'VERSION#000003', version: 3 }, ConditionExpression: 'attribute_not_exists(PK)' });
  });

  it('refuses a stale expected version without writing', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [stored(4)] });

    // Act
    const error = await rejectionOf(store.replace(aStrategy(), 3, 'admin-2', '2026-11-22T12:00:00.000Z'));

    // Assess
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ conflict: { kind: 'strategy', expectedVersion: 3 } });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('turns a lost race for the next version into VersionConflictError', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [stored(1)] });
    ddbMock.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }] }),
    );

    // Act
    const error = await rejectionOf(store.replace(aStrategy(), 1, 'admin-2', '2026-11-22T12:00:00.000Z'));

    // Assess
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ conflict: { kind: 'strategy', expectedVersion: 1 } });
  });

  it('tries the transaction again when another one touched the same items at the same moment', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [stored(1)] });
    ddbMock
      .on(TransactWriteCommand)
      .rejectsOnce(new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }] }))
      .resolves({});

    // Act
    const next = await store.replace(aStrategy(), 1, 'admin-2', '2026-11-22T12:00:00.000Z');

    // Assess
    expect(next.version).toBe(2);
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
  });
});

describe('DynamoStrategyStore.version', () => {
  it('reads one version by key, and says when it does not exist', async () => {
    // Prepare
    ddbMock.on(GetCommand, { Key: { PK: 'STRATEGY', SK: 'VERSION#000002' } }).resolves({ Item: stored(2) });
    ddbMock.on(GetCommand, { Key: { PK: 'STRATEGY', SK: 'VERSION#000009' } }).resolves({});

    // Act
    const found = await store.version(2);
    const missing = await store.version(9);

    // Assess
    expect(found).toEqual(stored(2));
    expect(missing).toBeUndefined();
  });
});

describe('DynamoStrategyStore.listVersions', () => {
  it('reads the strategy’s partition newest first, and answers a page past the last version as empty, not as the shipped default', async () => {
    // Prepare
    const lastKey = { PK: 'STRATEGY', SK: 'VERSION#000001' };
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    const page = await store.listVersions(10, encodeCursor(lastKey));

    // Assess
    expect(page).toEqual({ items: [] });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
      ExpressionAttributeValues: { ':pk': 'STRATEGY', ':sk': 'VERSION#' },
      ScanIndexForward: false,
      Limit: 11,
      ExclusiveStartKey: lastKey,
    });
  });
});

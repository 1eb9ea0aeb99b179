import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { usageWindowAt } from '../../../shared/domain/usage-limits.ts';
import { USAGE_PREFIX } from '../../../shared/store/entities.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { DynamoUsageCounterStore } from '../../../shared/store/usage-limits.ts';
import type { UsageCharge } from '../../../shared/store/ports.ts';
import { rejectionOf } from '../support/errors.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const store = new DynamoUsageCounterStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME);

afterEach(() => {
  ddbMock.reset();
});

const HASH = 'a1'.repeat(32);
const charge: UsageCharge = { subjectHash: HASH, action: 'submit', window: usageWindowAt(new Date('2026-01-08T08:31:15Z')), limit: 20 };
const KEY = { PK: `USAGE#${HASH}`, SK: 'submit#2026-01-08T08:00:00Z' };

const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('DynamoUsageCounterStore.add', () => {
  it('counts with one conditional UpdateItem: ADD 1 unless the count has reached the limit, with the type and the time to live', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const counted = await store.add(charge);

    // Assess
    expect(counted).toBe(true);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, {
      TableName: TABLE_NAME,
      Key: KEY,
      UpdateExpression: 'SET #type = :type, #expiresAt = :expiresAt ADD #count :one',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeNames: { '#type': 'type', '#count': 'count', '#expiresAt': 'expiresAt' },
      ExpressionAttributeValues: { ':type': 'usage', ':expiresAt': Date.parse('2026-01-08T09:00:00Z') / 1000, ':one': 1, ':limit': 20 },
    });
  });

  it('keys the count on the subject’s hash under USAGE#, never anything else', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await store.add(charge);

    // Assess
    const key = ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input.Key as { PK: string };
    expect(key.PK.startsWith(USAGE_PREFIX)).toBe(true);
    expect(key.PK).toBe(`${USAGE_PREFIX}${HASH}`);
  });

  it('uses the table’s time-to-live attribute, so DynamoDB deletes old windows', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await store.add(charge);

    // Assess
    expect(ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input.ExpressionAttributeNames?.['#expiresAt']).toBe(TABLE.timeToLiveAttribute);
  });

  it('answers false when the condition fails: the limit is reached and nothing was written', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(conditionFailed());

    // Act
    const counted = await store.add(charge);

    // Assess
    expect(counted).toBe(false);
  });

  it('passes any other failure on', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(new Error('ProvisionedThroughputExceededException'));

    // Act
    const error = await rejectionOf(store.add(charge));

    // Assess
    expect(error).toEqual(new Error('ProvisionedThroughputExceededException'));
  });

  it('counts each window under its own key, so a new hour starts from zero', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await store.add(charge);
    await store.add({ ...charge, window: usageWindowAt(new Date('2026-01-08T09:00:00Z')) });

    // Assess
    expect(ddbMock.commandCalls(UpdateCommand).map((call) => (call.args[0].input.Key as { SK: string }).SK)).toEqual(['submit#2026-01-08T08:00:00Z', 'submit#2026-01-08T09:00:00Z']);
  });

  it('counts each action apart', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await store.add({ ...charge, action: 'similar', limit: 300 });

    // Assess
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, { Key: { PK: KEY.PK, SK: 'similar#2026-01-08T08:00:00Z' } });
  });
});

describe('DynamoUsageCounterStore.giveBack', () => {
  it('takes one use back, only from a count above zero', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await store.giveBack(charge);

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, {
      TableName: TABLE_NAME,
      Key: KEY,
      UpdateExpression: 'ADD #count :minusOne',
      ConditionExpression: '#count > :zero',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
    });
  });

  it('does nothing, quietly, when there is nothing to take back', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(conditionFailed());

    // Act
    const act = store.giveBack(charge);

    // Assess
    await expect(act).resolves.toBeUndefined();
  });
});

import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoNotificationStore } from '../../../shared/store/notifications.ts';
import { rejectionOf } from '../support/errors.ts';
import { aNotification, IDEA_ID } from '../support/ideas.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const store = new DynamoNotificationStore(client, TABLE_NAME);

const NOTIFICATION_ID = `${IDEA_ID}.v2`;
const SENT_AT = '2026-01-05T08:31:04.000Z';

afterEach(() => {
  ddbMock.reset();
});

const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

/** A notification as the table holds it while it is pending: in the status index's PENDING#notification list. */
function pendingItem(notification = aNotification()): Record<string, unknown> {
  return {
    PK: `NOTIFICATION#${notification.id}`,
    SK: 'META',
    GSI1PK: 'PENDING#notification',
    GSI1SK: `${notification.createdAt}#${notification.id}`,
    type: 'notification',
    ...notification,
  };
}

describe('DynamoNotificationStore.get', () => {
  it('reads the notification consistently and returns only its fields', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: pendingItem() });

    // Act
    const found = await store.get(NOTIFICATION_ID);

    // Assess
    expect(found).toEqual(aNotification());
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(GetCommand, { TableName: TABLE_NAME, Key: { PK: `NOTIFICATION#${NOTIFICATION_ID}`, SK: 'META' }, ConsistentRead: true });
  });

  it('tells when the notification was sent', async () => {
    // Prepare
    const { GSI1PK: _pk, GSI1SK: _sk, ...sent } = pendingItem();
    ddbMock.on(GetCommand).resolves({ Item: { ...sent, sentAt: SENT_AT } });

    // Act
    const found = await store.get(NOTIFICATION_ID);

    // Assess
    expect(found).toEqual({ ...aNotification(), sentAt: SENT_AT });
  });

  it('returns undefined for a notification that does not exist', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});

    // Act
    const found = await store.get(NOTIFICATION_ID);

    // Assess
    expect(found).toBeUndefined();
  });
});

describe('DynamoNotificationStore.create', () => {
  it('stores a new notification as pending, only if it does not exist, and answers true', async () => {
    // Prepare
    const digest = aNotification({ id: 'digest.2026-01-20', kind: 'triage-digest', to: 'digitalisering@kommune.example', createdAt: '2026-01-20T06:00:00.000Z' });
    delete digest.ideaId;
    ddbMock.on(PutCommand).resolves({});

    // Act
    const created = await store.create(digest);

    // Assess
    expect(created).toBe(true);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(PutCommand, {
      TableName: TABLE_NAME,
      Item: pendingItem(digest),
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  });

  it('is idempotent: a notification stored before is left as it is, and the answer is false', async () => {
    // Prepare
    ddbMock.on(PutCommand).rejects(conditionFailed());

    // Act
    const created = await store.create(aNotification());

    // Assess
    expect(created).toBe(false);
    expect(ddbMock).toHaveReceivedCommandTimes(PutCommand, 1);
  });

  it('rethrows other errors', async () => {
    // Prepare
    const error = Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ProvisionedThroughputExceededException' });
    ddbMock.on(PutCommand).rejects(error);

    // Act
    const thrown = await rejectionOf(store.create(aNotification()));

    // Assess
    expect(thrown).toBe(error);
  });
});

describe('DynamoNotificationStore.markSent', () => {
  it('records when it was sent and takes it off the pending list, only if it exists and was not sent yet', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await store.markSent(NOTIFICATION_ID, SENT_AT);

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, {
      TableName: TABLE_NAME,
      Key: { PK: `NOTIFICATION#${NOTIFICATION_ID}`, SK: 'META' },
      UpdateExpression: 'SET sentAt = :at REMOVE GSI1PK, GSI1SK',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(sentAt)',
      ExpressionAttributeValues: { ':at': SENT_AT },
    });
  });

  it('is a no-op when the notification was marked sent before (or is gone)', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(conditionFailed());

    // Act
    const result = store.markSent(NOTIFICATION_ID, SENT_AT);

    // Assess
    await expect(result).resolves.toBeUndefined();
  });

  it('rethrows other errors, so the delivery is tried again', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(new Error('network down'));

    // Act
    const result = store.markSent(NOTIFICATION_ID, SENT_AT);

    // Assess
    await expect(result).rejects.toThrow('network down');
  });
});

describe('DynamoNotificationStore.listPending', () => {
  it('reads the notifications pending since before the cut-off from the status index, oldest first, with their re-queues', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [pendingItem(), { ...pendingItem(aNotification({ id: `${IDEA_ID}.v3` })), requeues: 2 }] });

    // Act
    const pending = await store.listPending('2026-01-05T11:58:00.000Z', 500);

    // Assess
    expect(pending).toEqual([
      { id: NOTIFICATION_ID, requeues: 0 },
      { id: `${IDEA_ID}.v3`, requeues: 2 },
    ]);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(QueryCommand, {
      TableName: TABLE_NAME,
      IndexName: 'GSI1',
      KeyConditionExpression: '#pk = :pk AND #sk < :sk',
      ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK' },
      ExpressionAttributeValues: { ':pk': 'PENDING#notification', ':sk': '2026-01-05T11:58:00.000Z' },
      Limit: 500,
    });
  });
});

describe('DynamoNotificationStore.recordRequeue', () => {
  it('counts one more re-queue of a notification not sent yet', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await store.recordRequeue(NOTIFICATION_ID);

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, {
      TableName: TABLE_NAME,
      Key: { PK: `NOTIFICATION#${NOTIFICATION_ID}`, SK: 'META' },
      UpdateExpression: 'ADD requeues :one',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(sentAt)',
      ExpressionAttributeValues: { ':one': 1 },
    });
  });

  it('is a no-op once the notification was sent meanwhile', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(conditionFailed());

    // Act
    const result = store.recordRequeue(NOTIFICATION_ID);

    // Assess
    await expect(result).resolves.toBeUndefined();
  });
});

describe('DynamoNotificationStore.abandon', () => {
  it('takes a notification that kept failing off the pending list and keeps when, only while it is unsent', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await store.abandon(NOTIFICATION_ID, SENT_AT);

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, {
      Key: { PK: `NOTIFICATION#${NOTIFICATION_ID}`, SK: 'META' },
      UpdateExpression: 'SET abandonedAt = :at REMOVE GSI1PK, GSI1SK',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(sentAt)',
      ExpressionAttributeValues: { ':at': SENT_AT },
    });
  });

  it('is a no-op once the notification was sent meanwhile', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(conditionFailed());

    // Act
    const result = store.abandon(NOTIFICATION_ID, SENT_AT);

    // Assess
    await expect(result).resolves.toBeUndefined();
  });

  it('rethrows other errors', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(new Error('network down'));

    // Act
    const result = store.abandon(NOTIFICATION_ID, SENT_AT);

    // Assess
    await expect(result).rejects.toThrow('network down');
  });
});

describe('DynamoNotificationStore.markNotSent', () => {
  it('takes the notification off the pending list with the reason it is not sent, only while it is unsent', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await store.markNotSent(NOTIFICATION_ID, 'address-bounced', SENT_AT);

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, {
      Key: { PK: `NOTIFICATION#${NOTIFICATION_ID}`, SK: 'META' },
      UpdateExpression: 'SET notSentAt = :at, notSentReason = :reason REMOVE GSI1PK, GSI1SK',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(sentAt)',
      ExpressionAttributeValues: { ':at': SENT_AT, ':reason': 'address-bounced' },
    });
  });

  it('is a no-op once the notification was sent meanwhile', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(conditionFailed());

    // Act
    const result = store.markNotSent(NOTIFICATION_ID, 'address-complained', SENT_AT);

    // Assess
    await expect(result).resolves.toBeUndefined();
  });

  it('tells, when read, that and why the notification was not sent', async () => {
    // Prepare
    const { GSI1PK: _pk, GSI1SK: _sk, ...notSent } = pendingItem();
    ddbMock.on(GetCommand).resolves({ Item: { ...notSent, notSentAt: SENT_AT, notSentReason: 'address-bounced' } });

    // Act
    const found = await store.get(NOTIFICATION_ID);

    // Assess
    expect(found).toEqual({ ...aNotification(), notSentAt: SENT_AT, notSentReason: 'address-bounced' });
  });
});

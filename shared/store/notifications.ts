import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '../domain/notification.ts';
import { DEV_OUTBOX_PARTITION, devOutboxKey, notificationKey, pendingIndexKey } from './keys.ts';
import { queryPending } from './pending.ts';

/** A notification as stored: pending (in the status index's PENDING#notification list) until it is delivered. */
export interface StoredNotification extends Notification {
  sentAt?: string;
}

const NOTIFICATION_FIELDS = ['id', 'kind', 'ideaId', 'to', 'language', 'subject', 'text', 'createdAt', 'sentAt'] as const;

/** The item of a new, pending notification; written inside the transaction of the change it tells about. */
export function notificationItem(notification: Notification): Record<string, unknown> {
  return { ...notificationKey(notification.id), ...pendingIndexKey('notification', notification.createdAt, notification.id), type: 'notification', ...notification };
}

/** The notifications' storage port. */
export interface NotificationStore {
  get(id: string): Promise<StoredNotification | undefined>;
  /** Stores a notification of its own (not part of a change), once: false when it exists already. */
  create(notification: Notification): Promise<boolean>;
  /** Marks a notification delivered and takes it off the pending list; a no-op when it was marked before. */
  markSent(id: string, at: string): Promise<void>;
  /** Ids of notifications created before `before` and not yet delivered, oldest first. */
  listPending(before: string, limit: number): Promise<string[]>;
}

export class DynamoNotificationStore implements NotificationStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async get(id: string): Promise<StoredNotification | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: notificationKey(id), ConsistentRead: true }));
    if (result.Item === undefined) return undefined;
    const notification: Record<string, unknown> = {};
    for (const field of NOTIFICATION_FIELDS) if (result.Item[field] !== undefined) notification[field] = result.Item[field];
    return notification as unknown as StoredNotification;
  }

  async create(notification: Notification): Promise<boolean> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: notificationItem(notification), ConditionExpression: 'attribute_not_exists(PK)' }));
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async markSent(id: string, at: string): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: notificationKey(id),
          UpdateExpression: 'SET sentAt = :at REMOVE GSI1PK, GSI1SK',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(sentAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  async listPending(before: string, limit: number): Promise<string[]> {
    const items = await queryPending(this.client, this.tableName, 'notification', before, limit);
    return items.map((item) => String(item['id']));
  }
}

/** A delivered e-mail as the development outbox keeps it. */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  language: string;
  sentAt: string;
}

/**
 * The local runtime's outbox: where e-mails go instead of SES when Spire runs on a laptop, so a
 * developer (and the tests) can read exactly what a submitter would receive. GET /dev/outbox shows it.
 */
export class DynamoDevOutbox {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async record(message: OutboxMessage): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...devOutboxKey(message.sentAt, message.id), type: 'outbox', ...message } }));
  }

  /** The newest messages first. */
  async list(limit: number): Promise<OutboxMessage[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': DEV_OUTBOX_PARTITION },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(({ id, to, subject, text, language, sentAt }) => ({ id, to, subject, text, language, sentAt }) as OutboxMessage);
  }
}

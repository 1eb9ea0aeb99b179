import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '../domain/notification.ts';
import type { NotSentReason } from '../domain/mail-suppression.ts';
import { DEV_OUTBOX_PARTITION, devOutboxKey, notificationKey, pendingIndexKey } from './keys.ts';
import { queryPending } from './pending.ts';

/** A notification as stored: pending (in the status index's PENDING#notification list) until it is delivered. */
export interface StoredNotification extends Notification {
  sentAt?: string;
  /** How many times the sweeper has queued it again. */
  requeues?: number;
  /** When the sweeper gave up on it (logged for a person to look at). */
  abandonedAt?: string;
  /** When the notify worker decided not to send it, because its address is undeliverable. */
  notSentAt?: string;
  notSentReason?: NotSentReason;
}

/** A notification still waiting to be delivered. */
export interface PendingNotification {
  id: string;
  requeues: number;
}

const NOTIFICATION_FIELDS = ['id', 'kind', 'ideaId', 'to', 'language', 'subject', 'text', 'createdAt', 'sentAt', 'requeues', 'abandonedAt', 'notSentAt', 'notSentReason'] as const;

/** A notification as its item holds it, without the item's keys. */
export function storedNotificationOf(item: Record<string, unknown>): StoredNotification {
  const notification: Record<string, unknown> = {};
  for (const field of NOTIFICATION_FIELDS) if (item[field] !== undefined) notification[field] = item[field];
  return notification as unknown as StoredNotification;
}

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
  /** Notifications created before `before` and not yet delivered, oldest first. */
  listPending(before: string, limit: number): Promise<PendingNotification[]>;
  /** Counts one more re-queue by the sweeper. */
  recordRequeue(id: string): Promise<void>;
  /** Takes a notification that kept failing off the pending list, keeping it for a person to look at. */
  abandon(id: string, at: string): Promise<void>;
  /** Takes a notification that will not be sent off the pending list, with the reason; a no-op once it is sent. */
  markNotSent(id: string, reason: NotSentReason, at: string): Promise<void>;
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
    return result.Item === undefined ? undefined : storedNotificationOf(result.Item);
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
    await this.updateUnsent(id, 'SET sentAt = :at REMOVE GSI1PK, GSI1SK', { ':at': at });
  }

  async listPending(before: string, limit: number): Promise<PendingNotification[]> {
    const items = await queryPending(this.client, this.tableName, 'notification', before, limit);
    return items.map((item) => ({ id: String(item['id']), requeues: Number(item['requeues'] ?? 0) }));
  }

  async recordRequeue(id: string): Promise<void> {
    await this.updateUnsent(id, 'ADD requeues :one', { ':one': 1 });
  }

  async abandon(id: string, at: string): Promise<void> {
    await this.updateUnsent(id, 'SET abandonedAt = :at REMOVE GSI1PK, GSI1SK', { ':at': at });
  }

  async markNotSent(id: string, reason: NotSentReason, at: string): Promise<void> {
    await this.updateUnsent(id, 'SET notSentAt = :at, notSentReason = :reason REMOVE GSI1PK, GSI1SK', { ':at': at, ':reason': reason });
  }

  /** An update of a notification not yet sent; a no-op once it is sent (or gone). */
  private async updateUnsent(id: string, expression: string, values: Record<string, unknown>): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: notificationKey(id),
          UpdateExpression: expression,
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(sentAt)',
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
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

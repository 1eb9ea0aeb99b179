/** Notifications in the table: the DynamoDB adapter of NotificationStore (./ports.ts). */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '../domain/notification.ts';
import type { NotSentReason } from '../domain/mail-suppression.ts';
import { notificationKey, pendingIndexKey } from './keys.ts';
import { queryPending } from './pending.ts';
import type { NotificationStore, PendingNotification, StoredNotification } from './ports.ts';

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

/** The notifications' storage, pending in the status index's PENDING#notification list until delivered. */
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
      if (error instanceof ConditionalCheckFailedException) return false;
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
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

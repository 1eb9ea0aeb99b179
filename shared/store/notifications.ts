/** Notifications in the table: the DynamoDB adapter of NotificationStore (./ports.ts). */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '../domain/notification.ts';
import type { NotSentReason } from '../domain/mail-suppression.ts';
import { DynamoPart, item } from './compose.ts';
import { notificationEntity } from './entities.ts';
import { queryAll } from './partition.ts';
import type { NotificationStore, PendingNotification, StoredNotification, TransactionPart } from './ports.ts';
import { TableAdapter } from './table.ts';

/** Removing these takes a notification off the pending list. */
const OFF_PENDING = notificationEntity.pendingAttributes.join(', ');

/** The notifications' storage, pending in the status index's PENDING#notification list until delivered. */
export class DynamoNotificationStore extends TableAdapter implements NotificationStore {
  async get(id: string): Promise<StoredNotification | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: notificationEntity.key(id), ConsistentRead: true }));
    return result.Item === undefined ? undefined : notificationEntity.fromItem(result.Item);
  }

  creation(notification: Notification): TransactionPart {
    return new DynamoPart(`notification ${notification.id}`, [item.create(this.tableName, notificationEntity.toItem(notification))]);
  }

  async create(notification: Notification): Promise<boolean> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: notificationEntity.toItem(notification), ConditionExpression: 'attribute_not_exists(PK)' }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async markSent(id: string, at: string): Promise<void> {
    await this.updateUnsent(id, `SET sentAt = :at REMOVE ${OFF_PENDING}`, { ':at': at });
  }

  async listPending(before: string, limit: number): Promise<PendingNotification[]> {
    const items = await queryAll(this.client, this.tableName, notificationEntity.pendingBefore(before), { limit });
    return items.map((item) => {
      const notification = notificationEntity.fromItem(item);
      return { id: notification.id, requeues: notification.requeues ?? 0 };
    });
  }

  async recordRequeue(id: string): Promise<void> {
    await this.updateUnsent(id, 'ADD requeues :one', { ':one': 1 });
  }

  async abandon(id: string, at: string): Promise<void> {
    await this.updateUnsent(id, `SET abandonedAt = :at REMOVE ${OFF_PENDING}`, { ':at': at });
  }

  async markNotSent(id: string, reason: NotSentReason, at: string): Promise<void> {
    await this.updateUnsent(id, `SET notSentAt = :at, notSentReason = :reason REMOVE ${OFF_PENDING}`, { ':at': at, ':reason': reason });
  }

  /** An update of a notification not yet sent; a no-op once it is sent (or gone). */
  private async updateUnsent(id: string, expression: string, values: Record<string, unknown>): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: notificationEntity.key(id),
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

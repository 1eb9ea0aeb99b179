import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { usageExpiresAt, usageWindowLabel } from '../domain/usage-limits.ts';
import { usageEntity } from './entities.ts';
import type { UsageCharge, UsageCounterStore } from './ports.ts';
import { TABLE, TableAdapter } from './table.ts';

/**
 * The counts in the table: one item per person, action and window, changed only by one
 * conditional UpdateItem each, so concurrent requests of one person are counted one by one and
 * exactly `limit` of them get through (DynamoDB applies conditional writes to one item in turn).
 * The item carries the table's time-to-live attribute, set to the window's end, so old windows
 * disappear on their own; the key of the current window is a new item, so nothing waits for that.
 * These are the only writes a function granted `countsUsage` on a read-only table may make: on
 * keys starting with USAGE_PREFIX (infra/system.ts). The DynamoDB adapter of UsageCounterStore (./ports.ts).
 */
export class DynamoUsageCounterStore extends TableAdapter implements UsageCounterStore {
  async add(charge: UsageCharge): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: usageEntity.key(charge.subjectHash, charge.action, usageWindowLabel(charge.window)),
          UpdateExpression: 'SET #type = :type, #expiresAt = :expiresAt ADD #count :one',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
          ExpressionAttributeNames: { '#type': 'type', '#count': 'count', '#expiresAt': TABLE.timeToLiveAttribute },
          ExpressionAttributeValues: { ':type': usageEntity.type, ':expiresAt': usageExpiresAt(charge.window), ':one': 1, ':limit': charge.limit },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async giveBack(charge: UsageCharge): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: usageEntity.key(charge.subjectHash, charge.action, usageWindowLabel(charge.window)),
          UpdateExpression: 'ADD #count :minusOne',
          ConditionExpression: '#count > :zero',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        }),
      );
    } catch (error) {
      // Nothing to take back (the item expired, or is at zero): the count is already as low as it gets.
      if (error instanceof ConditionalCheckFailedException) return;
      throw error;
    }
  }
}

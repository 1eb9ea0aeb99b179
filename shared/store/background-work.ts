/**
 * Work a change leaves for the background jobs, in the table: merges whose supporters are still to
 * be carried over (on the status index's PENDING#merge list until done) and parked ideas due back
 * in the inbox (the revisit list, an idea's derived item: ./derived-items.ts). The DynamoDB
 * adapter of BackgroundWorkStore (./ports.ts).
 */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoPart, item } from './compose.ts';
import { mergeEntity, revisitEntity } from './entities.ts';
import { queryAll } from './partition.ts';
import type { BackgroundWorkStore, PendingMerge, TransactionPart } from './ports.ts';
import { TableAdapter } from './table.ts';

export class DynamoBackgroundWorkStore extends TableAdapter implements BackgroundWorkStore {
  mergeJob(merge: PendingMerge): TransactionPart {
    return new DynamoPart(`merge of ${merge.ideaId} into ${merge.into}`, [item.create(this.tableName, mergeEntity.toItem(merge))]);
  }

  async listPendingMerges(before: string, limit: number): Promise<PendingMerge[]> {
    return (await queryAll(this.client, this.tableName, mergeEntity.pendingBefore(before), { limit })).map(mergeEntity.fromItem);
  }

  async completeMerge(ideaId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: mergeEntity.key(ideaId) }));
  }

  async listDueRevisits(day: string, limit: number): Promise<string[]> {
    return (await queryAll(this.client, this.tableName, revisitEntity.dueBy(day), { limit })).map(revisitEntity.fromItem);
  }
}

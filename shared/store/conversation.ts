/**
 * The conversation about an idea in the table: its comments and its supporters, kept in the
 * idea's partition. The DynamoDB adapter of ConversationStore (./ports.ts).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Comment } from '../domain/notification.ts';
import { commit, DynamoPart, dynamoParts, failedIn, item } from './compose.ts';
import { commentEntity, supportCountEntity, supporterEntity } from './entities.ts';
import { queryAll, queryPage } from './partition.ts';
import type { ConversationStore, Page, StoreCursor, TransactionPart } from './ports.ts';
import { TableAdapter } from './table.ts';

export class DynamoConversationStore extends TableAdapter implements ConversationStore {
  async addComment(comment: Comment, ...alongside: TransactionPart[]): Promise<void> {
    await commit(this.client, this.tableName, [new DynamoPart(`comment ${comment.id}`, [item.create(this.tableName, commentEntity.toItem(comment))]), ...dynamoParts(alongside)]);
  }

  /** One page of the idea's comments, oldest first. A cursor of another idea, or of anything but a comment, is refused. */
  async listComments(ideaId: string, limit: number, cursor?: StoreCursor): Promise<Page<Comment>> {
    return queryPage(this.client, this.tableName, commentEntity.ofIdea(ideaId), { limit, cursor, consistent: true }, commentEntity.fromItem);
  }

  /** The supporter item and the count move together: a person is counted exactly once. */
  async addSupporter(ideaId: string, supporterHash: string, at: string): Promise<boolean> {
    const supporter = new DynamoPart(`supporter of ${ideaId}`, [
      item.create(this.tableName, supporterEntity.toItem({ ideaId, supporterHash, at })),
      {
        item: {
          Update: {
            TableName: this.tableName,
            Key: supportCountEntity.key(ideaId),
            UpdateExpression: 'SET #type = :type ADD #count :one',
            ExpressionAttributeNames: { '#type': 'type', '#count': 'count' },
            ExpressionAttributeValues: { ':type': supportCountEntity.type, ':one': 1 },
          },
        },
      },
    ]);
    try {
      await commit(this.client, this.tableName, [supporter]);
      return true;
    } catch (error) {
      if (failedIn(error, [supporter], supporter)) return false;
      throw error;
    }
  }

  async getSupportCount(ideaId: string): Promise<number> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: supportCountEntity.key(ideaId), ConsistentRead: true }));
    return result.Item === undefined ? 0 : supportCountEntity.fromItem(result.Item);
  }

  /** The hashes of the idea's supporters, read from their keys alone. */
  async listSupporters(ideaId: string): Promise<string[]> {
    const items = await queryAll(this.client, this.tableName, supporterEntity.ofIdea(ideaId), { projection: ['SK'] });
    return items.map(supporterEntity.hashOf);
  }
}

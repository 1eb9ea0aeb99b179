/**
 * The progress of a re-scoring job, in one small item (shared/triage/rescore.ts): how many pages
 * of ideas the start has queued, whether it has queued them all, and which pages the worker has
 * done. Pages done are kept as a set of page numbers, so a page delivered twice counts once; at
 * 25 ideas a page the item stays far below DynamoDB's 400 KB for any municipality's ideas. The
 * DynamoDB adapter of RescoreJobStore (./ports.ts).
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RescoreJob } from '../domain/rescore.ts';
import { rescoreJobEntity } from './entities.ts';
import type { RescoreJobStore } from './ports.ts';
import { TableAdapter } from './table.ts';

export class DynamoRescoreJobStore extends TableAdapter implements RescoreJobStore {
  async create(job: Pick<RescoreJob, 'id' | 'strategyVersion' | 'startedAt' | 'startedBy'>): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: rescoreJobEntity.toItem(job),
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async addQueued(jobId: string, pages: number, ideas: number): Promise<void> {
    await this.update(jobId, 'ADD pagesQueued :pages, ideasQueued :ideas', { ':pages': pages, ':ideas': ideas });
  }

  async finishQueueing(jobId: string, at: string): Promise<void> {
    await this.update(jobId, 'SET queuedAt = :at', { ':at': at });
  }

  async markPageDone(jobId: string, page: number): Promise<void> {
    // Adding to a set is idempotent: a redelivered page is not counted twice.
    await this.update(jobId, 'ADD donePages :page', { ':page': new Set([page]) });
  }

  async markSuperseded(jobId: string, at: string): Promise<void> {
    await this.update(jobId, 'SET supersededAt = if_not_exists(supersededAt, :at)', { ':at': at });
  }

  async get(jobId: string): Promise<RescoreJob | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: rescoreJobEntity.key(jobId), ConsistentRead: true }));
    return Item === undefined ? undefined : rescoreJobEntity.fromItem(Item);
  }

  private async update(jobId: string, expression: string, values: Record<string, unknown>): Promise<void> {
    await this.client.send(new UpdateCommand({ TableName: this.tableName, Key: rescoreJobEntity.key(jobId), UpdateExpression: expression, ExpressionAttributeValues: values }));
  }
}

/**
 * The progress of a re-scoring job, in one small item (shared/triage/rescore.ts): how many pages
 * of ideas the start has queued, whether it has queued them all, and which pages the worker has
 * done. Pages done are kept as a set of page numbers, so a page delivered twice counts once; at
 * 25 ideas a page the item stays far below DynamoDB's 400 KB for any municipality's ideas. The
 * DynamoDB adapter of RescoreJobStore (./ports.ts).
 */
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RescoreJob } from '../domain/rescore.ts';
import { rescoreJobKey } from './keys.ts';
import type { RescoreJobStore } from './ports.ts';

export class DynamoRescoreJobStore implements RescoreJobStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async create(job: Pick<RescoreJob, 'id' | 'strategyVersion' | 'startedAt' | 'startedBy'>): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...rescoreJobKey(job.id), type: 'rescore-job', id: job.id, strategyVersion: job.strategyVersion, startedAt: job.startedAt, startedBy: job.startedBy, pagesQueued: 0, ideasQueued: 0 },
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
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: rescoreJobKey(jobId), ConsistentRead: true }));
    if (Item === undefined) return undefined;
    const donePages = Item['donePages'] as Set<number> | undefined;
    return {
      id: String(Item['id']),
      strategyVersion: Number(Item['strategyVersion']),
      startedAt: String(Item['startedAt']),
      startedBy: String(Item['startedBy']),
      pagesQueued: Number(Item['pagesQueued']),
      ideasQueued: Number(Item['ideasQueued']),
      ...(Item['queuedAt'] === undefined ? {} : { queuedAt: String(Item['queuedAt']) }),
      pagesDone: donePages?.size ?? 0,
      ...(Item['supersededAt'] === undefined ? {} : { supersededAt: String(Item['supersededAt']) }),
    };
  }

  private async update(jobId: string, expression: string, values: Record<string, unknown>): Promise<void> {
    await this.client.send(new UpdateCommand({ TableName: this.tableName, Key: rescoreJobKey(jobId), UpdateExpression: expression, ExpressionAttributeValues: values }));
  }
}

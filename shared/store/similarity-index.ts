import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { similarityBandKey, similarityBandPartition } from './keys.ts';

/**
 * The duplicate index: for every MinHash band of an idea's text, an item in that band's
 * partition. Ideas that share a band are candidates for being the same idea.
 *
 * A lookup costs one Query per band, each capped at `maxPerBand` items, whatever the number of
 * stored ideas.
 */
export interface SimilarityIndex {
  /** Indexes an idea under its band keys; idempotent (the same items are written again). */
  add(idea: { id: string; createdAt: string }, bandKeys: readonly string[]): Promise<void>;
  /** The ids found under each band key, newest first, at most `maxPerBand` per band. */
  lookup(bandKeys: readonly string[], maxPerBand: number): Promise<string[][]>;
}

const BATCH_WRITE_LIMIT = 25;

export class DynamoSimilarityIndex implements SimilarityIndex {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async add(idea: { id: string; createdAt: string }, bandKeys: readonly string[]): Promise<void> {
    const requests = bandKeys.map((bandKey) => ({
      PutRequest: { Item: { ...similarityBandKey(bandKey, idea.createdAt, idea.id), type: 'similarity-band', ideaId: idea.id } },
    }));
    for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
      let pending: typeof requests | undefined = requests.slice(start, start + BATCH_WRITE_LIMIT);
      for (let attempt = 0; pending !== undefined && pending.length > 0; attempt++) {
        if (attempt >= 8) throw new Error(`Could not index idea ${idea.id}: DynamoDB kept returning unprocessed items`);
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        const result = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = result.UnprocessedItems?.[this.tableName] as typeof requests | undefined;
      }
    }
  }

  async lookup(bandKeys: readonly string[], maxPerBand: number): Promise<string[][]> {
    return Promise.all(
      bandKeys.map(async (bandKey) => {
        const result = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': similarityBandPartition(bandKey) },
            ProjectionExpression: 'ideaId',
            ScanIndexForward: false,
            Limit: maxPerBand,
          }),
        );
        return (result.Items ?? []).map((item) => item['ideaId'] as string);
      }),
    );
  }
}

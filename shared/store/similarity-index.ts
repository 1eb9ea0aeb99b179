import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BandEntry } from '../domain/duplicates/lsh.ts';
import { similarityBandKey, similarityBandPartition } from './keys.ts';
import type { SimilarityIndex } from './ports.ts';

const BATCH_WRITE_LIMIT = 25;

/**
 * The duplicate index in the table (the DynamoDB adapter of SimilarityIndex, ./ports.ts): for
 * every MinHash band of an idea's text, an item in that band's partition, sorted by the band's
 * sort value. Ideas that share a band are candidates for being the same idea.
 *
 * A lookup costs at most two Queries per band, each capped at `maxPerBand` items, whatever the
 * number of stored ideas (the bound is lookupReadBound() in shared/domain/duplicates/parameters.ts).
 */
export class DynamoSimilarityIndex implements SimilarityIndex {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async add(ideaId: string, bands: readonly BandEntry[]): Promise<void> {
    const requests = bands.map((band) => ({
      PutRequest: { Item: { ...similarityBandKey(band, ideaId), type: 'similarity-band', ideaId } },
    }));
    for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
      let pending: typeof requests | undefined = requests.slice(start, start + BATCH_WRITE_LIMIT);
      for (let attempt = 0; pending !== undefined && pending.length > 0; attempt++) {
        if (attempt >= 8) throw new Error(`Could not index idea ${ideaId}: DynamoDB kept returning unprocessed items`);
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        const result = await this.client.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = result.UnprocessedItems?.[this.tableName] as typeof requests | undefined;
      }
    }
  }

  async lookup(bands: readonly BandEntry[], maxPerBand: number): Promise<string[][]> {
    return Promise.all(
      bands.map(async (band) => {
        const fromOwnValue = await this.query(band.key, 'SK >= :sort', band.sort, maxPerBand);
        // The band ran out above our value: the rest comes from its start.
        const fromStart = fromOwnValue.length < maxPerBand ? await this.query(band.key, 'SK < :sort', band.sort, maxPerBand - fromOwnValue.length) : [];
        return [...fromOwnValue, ...fromStart];
      }),
    );
  }

  private async query(bandKey: string, sortCondition: string, sort: string, limit: number): Promise<string[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: `PK = :pk AND ${sortCondition}`,
        ExpressionAttributeValues: { ':pk': similarityBandPartition(bandKey), ':sort': sort },
        ProjectionExpression: 'ideaId',
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => item['ideaId'] as string);
  }
}

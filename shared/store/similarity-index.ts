import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { BandEntry } from '../domain/duplicates/lsh.ts';
import { similarityBandEntity, type PartitionQuery } from './entities.ts';
import { queryAll } from './partition.ts';
import type { SimilarityIndex } from './ports.ts';
import { TableAdapter } from './table.ts';

const BATCH_WRITE_LIMIT = 25;

/**
 * The duplicate index in the table (the DynamoDB adapter of SimilarityIndex, ./ports.ts): for
 * every MinHash band of an idea's text, an item in that band's partition, sorted by the band's
 * sort value. Ideas that share a band are candidates for being the same idea.
 *
 * A lookup costs at most two Queries per band (more only where DynamoDB cuts a page at 1 MB), each
 * capped at `maxPerBand` items, whatever the number of stored ideas (the bound is lookupReadBound() in shared/domain/duplicates/parameters.ts).
 */
export class DynamoSimilarityIndex extends TableAdapter implements SimilarityIndex {
  async add(ideaId: string, bands: readonly BandEntry[]): Promise<void> {
    const requests = bands.map((band) => ({
      PutRequest: { Item: similarityBandEntity.toItem({ band, ideaId }) },
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
        const fromOwnValue = await this.query(similarityBandEntity.from(band.key, band.sort), maxPerBand);
        // The band ran out above our value: the rest comes from its start.
        const fromStart = fromOwnValue.length < maxPerBand ? await this.query(similarityBandEntity.below(band.key, band.sort), maxPerBand - fromOwnValue.length) : [];
        return [...fromOwnValue, ...fromStart];
      }),
    );
  }

  private async query(query: PartitionQuery, limit: number): Promise<string[]> {
    return (await queryAll(this.client, this.tableName, query, { projection: ['ideaId'], limit })).map(similarityBandEntity.fromItem);
  }
}

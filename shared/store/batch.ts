/**
 * Reading many items by key: BatchGetItem, 100 keys a request, asking again for the keys DynamoDB
 * leaves unprocessed (with a growing pause), and failing after eight tries rather than looping.
 */
import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;

/** DynamoDB takes at most 100 keys in one BatchGetItem. */
const BATCH_GET_LIMIT = 100;
const ATTEMPTS = 8;

/** The items of these keys, in no particular order; keys without an item are left out. */
export async function batchGetAll(client: DynamoDBDocumentClient, tableName: string, keys: readonly Item[], options: { consistent?: boolean } = {}): Promise<Item[]> {
  const found: Item[] = [];
  for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) {
    let pending: Item[] | undefined = keys.slice(start, start + BATCH_GET_LIMIT);
    for (let attempt = 0; pending !== undefined && pending.length > 0; attempt++) {
      if (attempt >= ATTEMPTS) throw new Error('DynamoDB kept returning unprocessed keys');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      const result: BatchGetCommandOutput = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ...(options.consistent === true ? { ConsistentRead: true } : {}) } } }),
      );
      found.push(...(result.Responses?.[tableName] ?? []));
      pending = result.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return found;
}

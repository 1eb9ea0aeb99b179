/**
 * Reading one partition of the table: a page of it with an opaque cursor bound to it (lists kept
 * as entries: the inbox, the pipeline lists), or all of it, page after page.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { Page, StoreCursor } from './ports.ts';
import { TABLE, type IndexDescription } from './table.ts';

type Item = Record<string, unknown>;

/** One page of a partition in sort-key order (or newest first); a cursor from another partition is refused. */
export async function partitionPage<T>(
  client: DynamoDBDocumentClient,
  tableName: string,
  partition: string,
  page: { limit: number; cursor: StoreCursor | undefined; newestFirst?: boolean; consistent?: boolean },
  read: (item: Item) => T,
): Promise<Page<T>> {
  const result = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ...(page.newestFirst === true ? { ScanIndexForward: false } : {}),
      ...(page.consistent === true ? { ConsistentRead: true } : {}),
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, { attribute: TABLE.partitionKey, value: partition, keys: [TABLE.partitionKey, TABLE.sortKey] }),
    }),
  );
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return { items: (result.Items ?? []).map(read), ...(nextCursor === undefined ? {} : { nextCursor }) };
}

/**
 * Every item of a partition, in sort-key order (or newest first), reading page after page: of the
 * table, or of a global secondary index (which cannot be read consistently).
 */
export async function wholePartition(
  client: DynamoDBDocumentClient,
  tableName: string,
  partition: string,
  options: { consistent?: boolean; pageSize?: number; index?: IndexDescription; newestFirst?: boolean } = {},
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        ...(options.index === undefined ? {} : { IndexName: options.index.name }),
        ...(options.index === undefined
          ? { KeyConditionExpression: 'PK = :pk' }
          : { KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': options.index.partitionKey } }),
        ExpressionAttributeValues: { ':pk': partition },
        ...(options.consistent === true && options.index === undefined ? { ConsistentRead: true } : {}),
        ...(options.pageSize === undefined ? {} : { Limit: options.pageSize }),
        ...(options.newestFirst === true ? { ScanIndexForward: false } : {}),
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
}

/**
 * Reading one partition of the table: a page of it with an opaque cursor bound to it (lists kept
 * as entries: the inbox, the pipeline lists), or all of it, page after page; and the whole table,
 * page after page, for the erasure. Every read of more than one page goes through `pages`, the
 * store's one paging loop.
 */
import { QueryCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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

/** A condition on the sort key besides the partition: `condition` writes it about the name it is given (`SK`, or `#sk` on an index), with its values. */
export interface SortKeyCondition {
  condition: (sortKey: string) => string;
  values: Record<string, string>;
}

/**
 * Every item of a partition, in sort-key order (or newest first), reading page after page: of the
 * table, or of a global secondary index (which cannot be read consistently). Optionally only the
 * items whose sort key meets `sortKey`, only the attributes of `projection`, or only the first
 * `limit` items: each page then asks for no more than are still missing, and the reading stops
 * once they are there.
 */
export async function wholePartition(
  client: DynamoDBDocumentClient,
  tableName: string,
  partition: string,
  options: {
    consistent?: boolean;
    pageSize?: number;
    index?: IndexDescription;
    newestFirst?: boolean;
    sortKey?: SortKeyCondition;
    projection?: string;
    limit?: number;
  } = {},
): Promise<Item[]> {
  const { index, sortKey, limit } = options;
  const partitionCondition = index === undefined ? `${TABLE.partitionKey} = :pk` : '#pk = :pk';
  const keyCondition = sortKey === undefined ? partitionCondition : `${partitionCondition} AND ${sortKey.condition(index === undefined ? TABLE.sortKey : '#sk')}`;
  const items: Item[] = [];
  const reads = pages((startKey) => {
    const pageSize = limit === undefined ? options.pageSize : Math.min(options.pageSize ?? Infinity, limit - items.length);
    return client.send(
      new QueryCommand({
        TableName: tableName,
        ...(index === undefined
          ? {}
          : { IndexName: index.name, ExpressionAttributeNames: { '#pk': index.partitionKey, ...(sortKey === undefined ? {} : { '#sk': index.sortKey }) } }),
        KeyConditionExpression: keyCondition,
        ExpressionAttributeValues: { ':pk': partition, ...sortKey?.values },
        ...(options.projection === undefined ? {} : { ProjectionExpression: options.projection }),
        ...(options.consistent === true && index === undefined ? { ConsistentRead: true } : {}),
        ...(pageSize === undefined ? {} : { Limit: pageSize }),
        ...(options.newestFirst === true ? { ScanIndexForward: false } : {}),
        ExclusiveStartKey: startKey,
      }),
    );
  });
  for await (const page of reads) {
    items.push(...page);
    if (limit !== undefined && items.length >= limit) break;
  }
  return items;
}

/** Every item of the table, a page at a time, read consistently: the erasure's one Scan (./personal-data.ts). */
export function wholeTable(client: DynamoDBDocumentClient, tableName: string): AsyncIterable<Item[]> {
  return pages((startKey) => client.send(new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: startKey })));
}

/**
 * The store's one paging loop: reads a page, then the next from where it ended, until DynamoDB
 * says there is no more (or the reader stops asking).
 */
async function* pages(read: (startKey: Item | undefined) => Promise<{ Items?: Item[]; LastEvaluatedKey?: Item }>): AsyncGenerator<Item[], void, undefined> {
  let startKey: Item | undefined;
  do {
    const page = await read(startKey);
    yield page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
}

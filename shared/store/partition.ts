/**
 * Reading one partition of the table or of an index, as an entity's query describes it
 * (./entities.ts): a page of it with an opaque cursor bound to it, or all of it, page after page;
 * and the whole table, page after page, for the erasure. Every read of more than one page goes
 * through `pages`, the store's one paging loop.
 */
import { QueryCommand, ScanCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { inRange, type Item, type PartitionQuery } from './entities.ts';
import { InvalidCursorError, type Page, type StoreCursor } from './ports.ts';
import { TABLE } from './table.ts';

/** The key attributes a query reads by: its partition and sort key (the index's when it reads an index), and every key attribute its items are found by. */
function keyNames(query: PartitionQuery): { partition: string; sort: string; all: string[] } {
  const table = [TABLE.partitionKey, TABLE.sortKey];
  if (query.index === undefined) return { partition: TABLE.partitionKey, sort: TABLE.sortKey, all: table };
  return { partition: query.index.partitionKey, sort: query.index.sortKey, all: [...table, query.index.partitionKey, query.index.sortKey] };
}

/**
 * The key condition of a query, as every Query is written: `#pk = :pk`, and its sort-key range
 * (`begins_with(#sk, :sk)`, `#sk BETWEEN :lo AND :hi`, `#sk < :sk`, `#sk >= :sk`).
 */
export function keyCondition(query: PartitionQuery): { expression: string; names: Record<string, string>; values: Record<string, unknown> } {
  const { partition, sort } = keyNames(query);
  const names: Record<string, string> = { '#pk': partition };
  const values: Record<string, unknown> = { ':pk': query.partition };
  const range = query.sortKey;
  if (range === undefined) return { expression: '#pk = :pk', names, values };
  names['#sk'] = sort;
  if ('beginsWith' in range) return { expression: '#pk = :pk AND begins_with(#sk, :sk)', names, values: { ...values, ':sk': range.beginsWith } };
  if ('between' in range) return { expression: '#pk = :pk AND #sk BETWEEN :lo AND :hi', names, values: { ...values, ':lo': range.between[0], ':hi': range.between[1] } };
  if ('below' in range) return { expression: '#pk = :pk AND #sk < :sk', names, values: { ...values, ':sk': range.below } };
  return { expression: '#pk = :pk AND #sk >= :sk', names, values: { ...values, ':sk': range.from } };
}

/** The Query of a partition, with its key condition, order and (optionally) projection; the same words for every query. */
function queryInput(tableName: string, query: PartitionQuery, options: { consistent?: boolean; projection?: readonly string[] }): QueryCommandInput {
  const condition = keyCondition(query);
  const names = { ...condition.names };
  const projection = options.projection?.map((attribute, index) => {
    names[`#p${index}`] = attribute;
    return `#p${index}`;
  });
  return {
    TableName: tableName,
    ...(query.index === undefined ? {} : { IndexName: query.index.name }),
    KeyConditionExpression: condition.expression,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: condition.values,
    ...(projection === undefined ? {} : { ProjectionExpression: projection.join(', ') }),
    // A global secondary index cannot be read consistently.
    ...(options.consistent === true && query.index === undefined ? { ConsistentRead: true } : {}),
    ...(query.newestFirst === true ? { ScanIndexForward: false } : {}),
  };
}

/** The key to start a page from: the cursor's, if it was issued for this query (its partition, its key attributes, a sort key in its range). */
function startKeyOf(query: PartitionQuery, cursor: StoreCursor | undefined): Record<string, string> | undefined {
  const names = keyNames(query);
  const key = decodeCursor(cursor, { attribute: names.partition, value: query.partition, keys: names.all });
  if (key !== undefined && !inRange(key[names.sort] ?? '', query.sortKey)) throw new InvalidCursorError();
  return key;
}

/**
 * One page of a query's items, in its order. It reads one item past the page, so a cursor is
 * handed out only when more items follow (or DynamoDB cut the page at 1 MB): the last page never
 * leads to an empty one. A cursor is accepted only for the query it was issued for: the same
 * partition, key attributes, and a sort key in the query's range.
 */
export async function queryPage<T>(
  client: DynamoDBDocumentClient,
  tableName: string,
  query: PartitionQuery,
  page: { limit: number; cursor: StoreCursor | undefined; consistent?: boolean; projection?: readonly string[] },
  read: (item: Item) => T,
): Promise<Page<T>> {
  const keys = keyNames(query).all;
  const startKey = startKeyOf(query, page.cursor);
  const result = await client.send(
    new QueryCommand({
      ...queryInput(tableName, query, { ...(page.consistent === undefined ? {} : { consistent: page.consistent }), ...(page.projection === undefined ? {} : { projection: [...new Set([...page.projection, ...keys])] }) }),
      Limit: page.limit + 1,
      ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
    }),
  );
  const items = result.Items ?? [];
  const shown = items.slice(0, page.limit);
  const last = shown.at(-1);
  // More than a page read: more to come, from the page's last item. A page cut short by DynamoDB's 1 MB: its own last key.
  const nextKey = items.length > page.limit && last !== undefined ? Object.fromEntries(keys.map((key) => [key, last[key]])) : result.LastEvaluatedKey;
  const nextCursor = encodeCursor(nextKey);
  return { items: shown.map(read), ...(nextCursor === undefined ? {} : { nextCursor }) };
}

/**
 * Every item of a query, in its order, reading page after page. Optionally read consistently
 * (the table only), only the attributes of `projection`, or only the first `limit` items: each
 * page then asks for no more than are still missing, and the reading stops once they are there.
 */
export async function queryAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  query: PartitionQuery,
  options: { consistent?: boolean; pageSize?: number; projection?: readonly string[]; limit?: number } = {},
): Promise<Item[]> {
  const { limit } = options;
  const input = queryInput(tableName, query, options);
  const items: Item[] = [];
  const reads = pages((startKey) => {
    const pageSize = limit === undefined ? options.pageSize : Math.min(options.pageSize ?? Infinity, limit - items.length);
    return client.send(new QueryCommand({ ...input, ...(pageSize === undefined ? {} : { Limit: pageSize }), ExclusiveStartKey: startKey }));
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

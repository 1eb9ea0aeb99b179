/**
 * The transaction composer: one change of one aggregate, with what other stores add to it, written
 * as one DynamoDB transaction. Each store makes its parts (the items it writes or checks, and its
 * share of the pipeline counters); `commit` joins their items in order, then adds one update per
 * counter shard touched, the shares of every part combined (a transaction may touch an item only
 * once), and writes them through `writeTransaction`, the one path with the conflict retry.
 */
import type { TransactionPart } from './ports.ts';
import type { ContributionChange } from '../domain/pipeline.ts';
import { counterUpdates } from './pipeline.ts';
import { conditionFailedAt, conflicted, writeTransaction, type TransactItems } from './transactions.ts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StoredItem, TableKey } from './entities.ts';

type TransactItem = TransactItems[number];

/** An item of a part; `conflict` marks one whose failed condition means somebody changed the change's subject first. */
interface PartItem {
  item: TransactItem;
  conflict?: true;
}

/** An idea's or a pilot's share of the pipeline counters, changed by the write (shared/domain/pipeline.ts). */
interface CounterShare {
  id: string;
  change: ContributionChange;
}

/** A part of a transaction as the DynamoDB stores make it. */
export class DynamoPart implements TransactionPart {
  readonly describes: string;
  readonly items: readonly PartItem[];
  readonly counted: readonly CounterShare[];

  constructor(describes: string, items: readonly PartItem[], counted: readonly CounterShare[] = []) {
    this.describes = describes;
    this.items = items;
    this.counted = counted;
  }
}

/** The parts another store handed over; a part of another store family (a fake's) cannot be written here. */
export function dynamoParts(alongside: readonly TransactionPart[]): DynamoPart[] {
  return alongside.map((part) => {
    if (!(part instanceof DynamoPart)) throw new TypeError(`Not a part of a DynamoDB transaction: ${part.describes}`);
    return part;
  });
}

/** Items to put in a part: `create` only if nothing is there yet; `ifVersion` only while the stored item is at that version. */
export const item = {
  put: (tableName: string, stored: StoredItem): PartItem => ({ item: { Put: { TableName: tableName, Item: stored } } }),
  create: (tableName: string, stored: StoredItem, conflict?: true): PartItem => ({
    item: { Put: { TableName: tableName, Item: stored, ConditionExpression: 'attribute_not_exists(PK)' } },
    ...(conflict === undefined ? {} : { conflict }),
  }),
  delete: (tableName: string, key: TableKey): PartItem => ({ item: { Delete: { TableName: tableName, Key: key } } }),
  /** The next version of an idea or a pilot, written only while the stored one is still at `expected.version` (and `expected.status`): else a conflict. */
  replace: (tableName: string, stored: StoredItem, expected: { version: number; status?: string }): PartItem => ({
    item: {
      Put: {
        TableName: tableName,
        Item: stored,
        ConditionExpression: expected.status === undefined ? '#version = :expected' : '#version = :expected AND #status = :from',
        ExpressionAttributeNames: { '#version': 'version', ...(expected.status === undefined ? {} : { '#status': 'status' }) },
        ExpressionAttributeValues: { ':expected': expected.version, ...(expected.status === undefined ? {} : { ':from': expected.status }) },
      },
    },
    conflict: true,
  }),
};

/** The items a transaction of these parts writes, in order: every part's items, then one update per counter shard touched. */
export function transactionItems(tableName: string, parts: readonly DynamoPart[]): TransactItems {
  return [...parts.flatMap((part) => part.items.map(({ item: entry }) => entry)), ...counterUpdates(tableName, parts.flatMap((part) => part.counted))];
}

/** Writes the parts in one transaction: all of them, or (it throws) none. */
export async function commit(client: DynamoDBDocumentClient, tableName: string, parts: readonly DynamoPart[]): Promise<void> {
  await writeTransaction(client, transactionItems(tableName, parts));
}

/** Every item of the parts with its part and its index in the transaction. */
function* placed(parts: readonly DynamoPart[]): Generator<{ part: DynamoPart; entry: PartItem; index: number }> {
  let index = 0;
  for (const part of parts) for (const entry of part.items) yield { part, entry, index: index++ };
}

/** Did an item of `part` fail its condition? */
export function failedIn(error: unknown, parts: readonly DynamoPart[], part: DynamoPart): boolean {
  for (const each of placed(parts)) if (each.part === part && conditionFailedAt(error, each.index)) return true;
  return false;
}

/** Was the transaction refused because somebody changed its subject first: an item marked `conflict` failed its condition, or it kept meeting other transactions. */
export function versionConflictIn(error: unknown, parts: readonly DynamoPart[]): boolean {
  if (conflicted(error)) return true;
  for (const { entry, index } of placed(parts)) if (entry.conflict === true && conditionFailedAt(error, index)) return true;
  return false;
}

/**
 * The pipeline counters in the table: the sums of shared/domain/pipeline.ts, spread over
 * SHARD_COUNT items so that transitions of different ideas rarely meet on one item. An idea or a
 * pilot always counts in the shard its id hashes to; each write adds its change there in the
 * same transaction (`counterUpdates`), and the summary reads all shards with one Query.
 *
 * Counters are attributes named `c:<name>` (ADD), entries `e:<name>` (SET and REMOVE).
 */
import { createHash } from 'node:crypto';
import { combineChanges, isEmptyChange, type Contribution, type ContributionChange } from '../domain/pipeline.ts';
import { pipelineShardEntity } from './entities.ts';
import { queryAll } from './partition.ts';
import type { PipelineStore } from './ports.ts';
import { TableAdapter } from './table.ts';

export const SHARD_COUNT = 16;

const COUNTER = 'c:';
const ENTRY = 'e:';

export function shardOf(id: string): number {
  return createHash('sha256').update(id).digest().readUInt16BE(0) % SHARD_COUNT;
}

/** One transaction item per shard touched: changes that land on the same shard are combined, as a transaction may touch an item only once. */
export function counterUpdates(tableName: string, changes: readonly { id: string; change: ContributionChange }[]) {
  const byShard = new Map<number, ContributionChange>();
  for (const { id, change } of changes) {
    const shard = shardOf(id);
    const known = byShard.get(shard);
    byShard.set(shard, known === undefined ? change : combineChanges(known, change));
  }
  return [...byShard].filter(([, change]) => !isEmptyChange(change)).map(([shard, change]) => ({ Update: counterUpdate(tableName, shard, change) }));
}

function counterUpdate(tableName: string, shard: number, change: ContributionChange) {
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':type': pipelineShardEntity.type };
  const sets = ['#type = :type'];
  const adds: string[] = [];
  const removes: string[] = [];
  let n = 0;
  const alias = (attribute: string) => {
    const key = `#a${n++}`;
    names[key] = attribute;
    return key;
  };
  for (const [key, value] of Object.entries(change.add)) {
    const name = alias(COUNTER + key);
    values[`:v${n}`] = value;
    adds.push(`${name} :v${n}`);
  }
  for (const [key, value] of Object.entries(change.set)) {
    const name = alias(ENTRY + key);
    values[`:v${n}`] = value;
    sets.push(`${name} = :v${n}`);
  }
  for (const key of change.remove) removes.push(alias(ENTRY + key));
  return {
    TableName: tableName,
    Key: pipelineShardEntity.key(shard),
    UpdateExpression: [`SET ${sets.join(', ')}`, adds.length > 0 ? `ADD ${adds.join(', ')}` : '', removes.length > 0 ? `REMOVE ${removes.join(', ')}` : '']
      .filter(Boolean)
      .join(' '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** The pipeline counters in the table: the DynamoDB adapter of PipelineStore (./ports.ts). */
export class DynamoPipelineStore extends TableAdapter implements PipelineStore {
  /** The counters and entries summed over every shard: one Query of SHARD_COUNT small items, the same read for ten ideas or a million. */
  async totals(): Promise<Contribution> {
    const totals: Contribution = { counters: {}, entries: {} };
    for (const item of await queryAll(this.client, this.tableName, pipelineShardEntity.all(), { consistent: true })) {
      for (const [attribute, value] of Object.entries(item)) {
        if (attribute.startsWith(COUNTER)) {
          const key = attribute.slice(COUNTER.length);
          totals.counters[key] = (totals.counters[key] ?? 0) + Number(value);
        } else if (attribute.startsWith(ENTRY)) totals.entries[attribute.slice(ENTRY.length)] = String(value);
      }
    }
    for (const key of Object.keys(totals.counters)) if (totals.counters[key] === 0) delete totals.counters[key];
    return totals;
  }
}

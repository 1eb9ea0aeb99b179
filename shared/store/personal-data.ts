/**
 * Personal data as the GDPR routes and the retention job read and rewrite it (shared/privacy/):
 * everything about one person, the erasure's own audit records, and the retention job's progress.
 *
 * An erasure must find the person wherever they are named, and a member of staff is named in
 * many kinds of item (an assignee, a comment's author, a pilot's owner, a gate decision), so the
 * erasure reads the whole table: the one Scan in Spire, granted to the erasure worker alone
 * (infra/system.ts). Everything else here is a GetItem or a Query.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { pseudonymised, REDACTED, type PersonTraces } from '../domain/erasure.ts';
import type { IdeaStatus } from '../domain/idea.ts';
import type { NotSentReason } from '../domain/mail-suppression.ts';
import { batchGetAll } from './batch.ts';
import { erasureEntity, ideaEntity, idempotencyEntity, notificationEntity, retentionMarkEntity, supporterEntity } from './entities.ts';
import { queryAll, wholeTable } from './partition.ts';
import type { ErasureRecord, Item, ItemErasure, PersonalDataStore } from './ports.ts';
import { TABLE, TableAdapter } from './table.ts';
import { writeTransaction } from './transactions.ts';

const KEY_ATTRIBUTES = [TABLE.partitionKey, TABLE.sortKey] as const;

/**
 * What an erasure does to one stored item, or undefined when it does not name the person.
 *
 * - An idea is rewritten as a change of the idea (the caller does it), so a concurrent decision
 *   cannot write the old names back and the history says it happened.
 * - An idempotency record of one of the person's ideas (`ideaIds`) is deleted: it holds no name,
 *   but links a keyed hash of the person to the idea. So is any other item with a time to live
 *   (it is transient), and any item whose key holds a name or address (a mail suppression).
 * - Anything else is rewritten with the person pseudonymised; an e-mail not yet sent to them is
 *   marked not sent, since its address is gone.
 */
export function itemErasure(item: Item, traces: PersonTraces, pseudonym: string, ideaIds: ReadonlySet<string>, at: string): ItemErasure | undefined {
  if (item['type'] === idempotencyEntity.type && ideaIds.has(String(item['ideaId']))) return { kind: 'delete', item };
  const after: Item = pseudonymised(item, traces, pseudonym);
  if (JSON.stringify(after) === JSON.stringify(item)) return undefined;
  if (item['type'] === ideaEntity.type) return { kind: 'idea', id: String(item['id']) };
  if (item[TABLE.timeToLiveAttribute] !== undefined) return { kind: 'delete', item };
  if (KEY_ATTRIBUTES.some((key) => String(after[key]).includes(REDACTED))) return { kind: 'delete', item };
  if (item['type'] === notificationEntity.type && item['sentAt'] === undefined && item['notSentAt'] === undefined) {
    after['notSentAt'] = at;
    after['notSentReason'] = 'erased' satisfies NotSentReason;
    for (const attribute of notificationEntity.pendingAttributes) delete after[attribute];
  }
  return { kind: 'replace', before: item, after };
}

/** The DynamoDB adapter of PersonalDataStore (./ports.ts). */
export class DynamoPersonalDataStore extends TableAdapter implements PersonalDataStore {
  scan(): AsyncIterable<Item[]> {
    return wholeTable(this.client, this.tableName);
  }

  async apply(erasure: Exclude<ItemErasure, { kind: 'idea' }>): Promise<boolean> {
    try {
      if (erasure.kind === 'delete') {
        await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: keyOf(erasure.item) }));
        return true;
      }
      const { before, after } = erasure;
      if (KEY_ATTRIBUTES.every((key) => before[key] === after[key])) {
        await this.client.send(new UpdateCommand({ TableName: this.tableName, Key: keyOf(before), ...updateFrom(before, after) }));
      } else {
        // A key that held the person (a supporter's hash): the item moves to its pseudonymised key.
        await writeTransaction(this.client, [
          { Delete: { TableName: this.tableName, Key: keyOf(before), ConditionExpression: 'attribute_exists(PK)' } },
          { Put: { TableName: this.tableName, Item: after, ConditionExpression: 'attribute_not_exists(PK)' } },
        ]);
      }
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  async ideaPartition(ideaId: string): Promise<Item[]> {
    return queryAll(this.client, this.tableName, ideaEntity.wholePartition(ideaId), { consistent: true });
  }

  async supportedBy(supporterHash: string): Promise<Item[]> {
    return queryAll(this.client, this.tableName, supporterEntity.bySupporter(supporterHash));
  }

  async notifications(ids: readonly string[]): Promise<Item[]> {
    return batchGetAll(this.client, this.tableName, ids.map((id) => notificationEntity.key(id)), { consistent: true });
  }

  async listEndedBetween(status: IdeaStatus, after: string, before: string, limit: number): Promise<{ id: string; sortValue: string }[]> {
    const { sortKey } = TABLE.indexes.byStatus;
    // A key condition names no empty value: the first run reads from the start.
    const query = ideaEntity.inStatus(status, after === '' ? { below: before } : { between: [after, before] });
    const items = await queryAll(this.client, this.tableName, query, { projection: ['id', sortKey], limit });
    return items.filter((item) => item[sortKey] !== after).map((item) => ({ id: String(item['id']), sortValue: String(item[sortKey]) }));
  }

  async getRetentionMark(status: IdeaStatus): Promise<string | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: retentionMarkEntity.key(status), ConsistentRead: true }));
    return result.Item === undefined ? undefined : retentionMarkEntity.fromItem(result.Item);
  }

  async setRetentionMark(status: IdeaStatus, through: string): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: retentionMarkEntity.toItem({ status, through }) }));
  }

  async createErasure(record: ErasureRecord): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: erasureEntity.toItem(record), ConditionExpression: 'attribute_not_exists(PK)' }));
  }

  async getErasure(id: string): Promise<ErasureRecord | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: erasureEntity.key(id), ConsistentRead: true }));
    return result.Item === undefined ? undefined : erasureEntity.fromItem(result.Item);
  }

  async completeErasure(id: string, report: Required<Pick<ErasureRecord, 'completedAt' | 'passes' | 'rewritten' | 'deleted' | 'ideas'>>): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: erasureEntity.key(id),
        UpdateExpression: 'SET #status = :done, completedAt = :completedAt, passes = :passes, rewritten = :rewritten, deleted = :deleted, ideas = :ideas',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':done': 'done', ':completedAt': report.completedAt, ':passes': report.passes, ':rewritten': report.rewritten, ':deleted': report.deleted, ':ideas': report.ideas },
      }),
    );
  }
}

function keyOf(item: Item): Item {
  return { [TABLE.partitionKey]: item[TABLE.partitionKey], [TABLE.sortKey]: item[TABLE.sortKey] };
}

/**
 * An UpdateItem that turns `before` into `after`, on condition that every attribute it changes
 * still holds what was read: a concurrent change of those attributes makes it fail rather than be
 * overwritten, and attributes it does not touch are left as they are.
 */
export function updateFrom(before: Item, after: Item): { UpdateExpression: string; ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> } {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  const conditions: string[] = [];
  let n = 0;
  for (const attribute of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[attribute]) === JSON.stringify(after[attribute])) continue;
    const name = `#a${n}`;
    names[name] = attribute;
    if (before[attribute] === undefined) conditions.push(`attribute_not_exists(${name})`);
    else {
      values[`:was${n}`] = before[attribute];
      conditions.push(`${name} = :was${n}`);
    }
    if (after[attribute] === undefined) removes.push(name);
    else {
      values[`:now${n}`] = after[attribute];
      sets.push(`${name} = :now${n}`);
    }
    n++;
  }
  const expression = [sets.length === 0 ? '' : `SET ${sets.join(', ')}`, removes.length === 0 ? '' : `REMOVE ${removes.join(', ')}`].filter((part) => part !== '').join(' ');
  return { UpdateExpression: expression, ConditionExpression: conditions.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

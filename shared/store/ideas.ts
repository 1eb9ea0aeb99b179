/**
 * The ideas in the table: the DynamoDB adapter of IdeaStore (./ports.ts). An idea, its history,
 * comments and supporters share its partition; its inbox and revisit entries (./derived-items.ts),
 * its share of the pipeline counters (./pipeline.ts) and whatever a change carries (an e-mail, a
 * new pilot, a merge job) are written in the transaction that changes it.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InboxList, InboxRow, InboxSort } from '../domain/inbox.ts';
import { ideaAfter, type Idea, type IdeaEvent, type IdeaStatus } from '../domain/idea.ts';
import type { Comment, Notification } from '../domain/notification.ts';
import { contributionChange, ideaContribution, pilotContribution } from '../domain/pipeline.ts';
import { batchGetAll } from './batch.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { derivedItemChanges } from './derived-items.ts';
import { ideaToItem } from './idea-item.ts';
import { notificationItem } from './notifications.ts';
import { partitionPage, wholePartition } from './partition.ts';
import { queryPending } from './pending.ts';
import { newPilotItems } from './pilots.ts';
import { counterUpdates } from './pipeline.ts';
import {
  COMMENTS_PER_READ,
  InvalidCursorError,
  VersionConflictError,
  type IdeaRecord,
  type IdeaStore,
  type IdempotencyRecord,
  type Page,
  type PendingMerge,
  type StoreCursor,
  type SubmitOutcome,
  type Transition,
} from './ports.ts';
import { conditionFailedAt, conflicted, writeTransaction, type TransactItems } from './transactions.ts';
import {
  COMMENT_PREFIX,
  EVENT_PREFIX,
  META,
  REVISIT_PARTITION,
  SUPPORTER_PREFIX,
  commentKey,
  inboxPartition,
  mergeJobKey,
  pendingIndexKey,
  supportCountKey,
  supporterKey,
  supportsIndexKey,
  ideaEventKey,
  ideaKey,
  ideaPartition,
  idempotencyKey,
  statusPartition,
  submitterPartition,
} from './keys.ts';
import { TABLE, type IndexDescription } from './table.ts';

type Item = Record<string, unknown>;

export class DynamoIdeaStore implements IdeaStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  /**
   * Stores a new idea, its first history event, (when the caller sent an Idempotency-Key) the
   * idempotency record and its count in the pipeline counters in one transaction: either all
   * exist or none does. When the record already exists, nothing is written and the earlier
   * record is returned.
   */
  async submit(idea: Idea, event: IdeaEvent, idempotency?: IdempotencyRecord): Promise<SubmitOutcome> {
    const items: TransactItems = [
      { Put: { TableName: this.tableName, Item: ideaToItem(idea), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: this.tableName, Item: eventToItem(event), ConditionExpression: 'attribute_not_exists(PK)' } },
    ];
    if (idempotency !== undefined) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { ...idempotencyKey(idempotency.keyHash), type: 'idempotency', ...idempotency },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }
    items.push(...counterUpdates(this.tableName, [{ id: idea.id, change: contributionChange(undefined, ideaContribution(idea)) }]));
    try {
      await writeTransaction(this.client, items);
      return { created: true };
    } catch (error) {
      if (idempotency !== undefined && conditionFailedAt(error, 2)) {
        const existing = await this.client.send(
          new GetCommand({ TableName: this.tableName, Key: idempotencyKey(idempotency.keyHash), ConsistentRead: true }),
        );
        if (existing.Item !== undefined) return { created: false, replayOf: itemToIdempotency(existing.Item) };
      }
      throw error;
    }
  }

  async getIdea(id: string): Promise<Idea | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: ideaKey(id), ConsistentRead: true }));
    return result.Item === undefined ? undefined : itemToIdea(result.Item);
  }

  async getIdeas(ids: readonly string[]): Promise<Idea[]> {
    return (await batchGetAll(this.client, this.tableName, ids.map((id) => ideaKey(id)))).map(itemToIdea);
  }

  /**
   * The idea and its whole history in one Query of its partition, its first page of comments in
   * another, and its supporter count in one GetItem, all at once. The first Query reads from
   * `EVENT#` to before the supporter items (`COMMENT#…` sorts before `EVENT#`, `SUPPORTER#…` after
   * `MERGE` and `META`), so neither the comments nor the supporters, however many, make it longer.
   */
  async getIdeaWithHistory(id: string): Promise<IdeaRecord | undefined> {
    const supportCount = this.getSupportCount(id);
    const comments = this.listComments(id, COMMENTS_PER_READ);
    // Settled together below; a rejection of either is not left unhandled meanwhile.
    supportCount.catch(() => undefined);
    comments.catch(() => undefined);
    const items = await wholePartition(this.client, this.tableName, ideaPartition(id), {
      consistent: true,
      sortKey: { condition: (sk) => `${sk} BETWEEN :events AND :supporters`, values: { ':events': EVENT_PREFIX, ':supporters': SUPPORTER_PREFIX } },
    });
    let idea: Idea | undefined;
    const history: IdeaEvent[] = [];
    for (const item of items) {
      const sk = String(item['SK']);
      if (sk === META) idea = itemToIdea(item);
      else if (sk.startsWith(EVENT_PREFIX)) history.push(itemToEvent(item));
    }
    const [firstComments, count] = await Promise.all([comments, supportCount]);
    if (idea === undefined) return undefined;
    return { idea, history, comments: firstComments.items, ...(firstComments.nextCursor === undefined ? {} : { commentsCursor: firstComments.nextCursor }), supportCount: count };
  }

  /**
   * One page of the idea's comments, oldest first, in one Query of at most `limit` + 1 items: the
   * one past the page only tells that there is more, and the cursor is the key of the page's last
   * comment. A cursor of another idea, or of anything but a comment, is 400 `invalid-cursor`.
   */
  async listComments(ideaId: string, limit: number, cursor?: StoreCursor): Promise<Page<Comment>> {
    const partition = ideaPartition(ideaId);
    const startKey = decodeCursor(cursor, { attribute: 'PK', value: partition, keys: ['PK', 'SK'] });
    if (startKey !== undefined && !String(startKey['SK']).startsWith(COMMENT_PREFIX)) throw new InvalidCursorError();
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :comments)',
        ExpressionAttributeValues: { ':pk': partition, ':comments': COMMENT_PREFIX },
        ConsistentRead: true,
        Limit: limit + 1,
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    );
    const items = result.Items ?? [];
    const page = items.slice(0, limit);
    const last = page.at(-1);
    // More than a page read: more to come. A page cut short by DynamoDB's 1 MB: its own last key.
    const nextKey = items.length > limit && last !== undefined ? { PK: partition, SK: String(last['SK']) } : result.LastEvaluatedKey;
    const nextCursor = encodeCursor(nextKey);
    return { items: page.map((item) => pick(item, COMMENT_FIELDS) as unknown as Comment), ...(nextCursor === undefined ? {} : { nextCursor }) };
  }

  async getIdempotencyRecord(keyHash: string): Promise<IdempotencyRecord | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: idempotencyKey(keyHash), ConsistentRead: true }));
    return result.Item === undefined ? undefined : itemToIdempotency(result.Item);
  }

  async getSupportCount(ideaId: string): Promise<number> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: supportCountKey(ideaId), ConsistentRead: true }));
    return Number(result.Item?.['count'] ?? 0);
  }

  /** A submitter's own ideas, newest first. */
  async listBySubmitter(sub: string, limit: number, cursor?: StoreCursor): Promise<Page<Idea>> {
    return this.indexPage(TABLE.indexes.bySubmitter, submitterPartition(sub), { newestFirst: true, limit, cursor }, itemToIdea);
  }

  /**
   * One page of one partition of a global secondary index, with a cursor bound to that partition.
   * With `idsOnly` the answer carries only each idea's id (DynamoDB still reads whole items, at
   * most 1 MB a page).
   */
  private async indexPage<T>(
    index: IndexDescription,
    partition: string,
    page: { newestFirst: boolean; limit: number; cursor: StoreCursor | undefined; idsOnly?: true },
    read: (item: Item) => T,
  ): Promise<Page<T>> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ...(page.idsOnly === true ? { ProjectionExpression: '#id' } : {}),
        ExpressionAttributeNames: { '#pk': index.partitionKey, ...(page.idsOnly === true ? { '#id': 'id' } : {}) },
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: !page.newestFirst,
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, {
          attribute: index.partitionKey,
          value: partition,
          keys: [TABLE.partitionKey, TABLE.sortKey, index.partitionKey, index.sortKey],
        }),
      }),
    );
    const nextCursor = encodeCursor(result.LastEvaluatedKey);
    return { items: (result.Items ?? []).map(read), ...(nextCursor === undefined ? {} : { nextCursor }) };
  }

  /**
   * Moves an idea to another status and writes the audit event, its derived items and its change
   * of the pipeline counters (and, on accept, the new pilot's), in one transaction that only
   * succeeds while the idea is still at the version and status it was read with. Throws
   * VersionConflictError when somebody else changed it first.
   */
  async transition(change: Transition): Promise<Idea> {
    const { idea, to, actor, at } = change;
    const updated = ideaAfter(idea, { to, at, set: change.set });
    const { version } = updated;
    const event: IdeaEvent = {
      ideaId: idea.id,
      version,
      at,
      from: idea.status,
      to,
      actor,
      ...(change.reason === undefined ? {} : { reason: change.reason }),
      ...(change.change === undefined ? {} : { change: change.change }),
      ...(change.decision === undefined ? {} : { decision: change.decision }),
      ...(change.answer === undefined ? {} : { answer: change.answer }),
    };
    const derived = derivedItemChanges(idea, updated);
    const put = (item: Item, condition?: string) => ({ Put: { TableName: this.tableName, Item: item, ...(condition === undefined ? {} : { ConditionExpression: condition }) } });
    const items: TransactItems = [
      {
        Put: {
          TableName: this.tableName,
          Item: ideaToItem(updated),
          ConditionExpression: '#version = :expected AND #status = :from',
          ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
          ExpressionAttributeValues: { ':expected': idea.version, ':from': idea.status },
        },
      },
      put(eventToItem(event), 'attribute_not_exists(PK)'),
      ...(change.requireStatus === undefined ? [] : [statusCheck(this.tableName, change.requireStatus)]),
      ...derived.deletes.map((key) => ({ Delete: { TableName: this.tableName, Key: key } })),
      ...derived.puts.map((item) => put(item)),
    ];
    if (change.notification !== undefined) items.push(put(notificationItem(change.notification), 'attribute_not_exists(PK)'));
    const counted = [{ id: idea.id, change: contributionChange(ideaContribution(idea), ideaContribution(updated)) }];
    if (change.pilot !== undefined) {
      const { pilot } = change;
      items.push(...newPilotItems(this.tableName, pilot, { pilotId: pilot.id, version: pilot.version, at, by: pilot.createdBy, change: 'created', from: pilot.stage, to: pilot.stage }));
      counted.push({ id: pilot.id, change: contributionChange(undefined, pilotContribution(pilot)) });
    }
    items.push(...counterUpdates(this.tableName, counted));
    if (change.mergeInto !== undefined) {
      items.push(put({ ...mergeJobKey(idea.id), ...pendingIndexKey('merge', at, idea.id), type: 'merge', ideaId: idea.id, into: change.mergeInto, at }, 'attribute_not_exists(PK)'));
    }
    try {
      await writeTransaction(this.client, items);
    } catch (error) {
      // The idea (0), its event (1) or the other idea checked (2) changed, or DynamoDB saw two transactions on one item at once.
      if (conditionFailedAt(error, 0) || conditionFailedAt(error, 1) || (change.requireStatus !== undefined && conditionFailedAt(error, 2)) || conflicted(error)) {
        throw new VersionConflictError({ kind: 'idea', id: idea.id, expectedVersion: idea.version }, `Idea ${idea.id} changed since version ${idea.version}`, { cause: error });
      }
      throw error;
    }
    return updated;
  }

  async listInbox(list: InboxList, sort: InboxSort, limit: number, cursor?: StoreCursor): Promise<Page<InboxRow>> {
    return partitionPage(this.client, this.tableName, inboxPartition(list, sort), { limit, cursor }, (item) => item['row'] as InboxRow);
  }

  async addComment(comment: Comment, notification?: Notification): Promise<void> {
    await writeTransaction(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...commentKey(comment.ideaId, comment.at, comment.id), type: 'comment', ...comment },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...(notification === undefined ? [] : [{ Put: { TableName: this.tableName, Item: notificationItem(notification), ConditionExpression: 'attribute_not_exists(PK)' } }]),
    ]);
  }

  /** The supporter item and the count move together: a person is counted exactly once. */
  async addSupporter(ideaId: string, supporterHash: string, at: string): Promise<boolean> {
    try {
      await writeTransaction(this.client, [
        {
          Put: {
            TableName: this.tableName,
            Item: { ...supporterKey(ideaId, supporterHash), ...supportsIndexKey(supporterHash, at, ideaId), type: 'supporter', ideaId, at },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Update: {
            TableName: this.tableName,
            Key: supportCountKey(ideaId),
            UpdateExpression: 'SET #type = :type ADD #count :one',
            ExpressionAttributeNames: { '#type': 'type', '#count': 'count' },
            ExpressionAttributeValues: { ':type': 'support-count', ':one': 1 },
          },
        },
      ]);
      return true;
    } catch (error) {
      if (conditionFailedAt(error, 0)) return false;
      throw error;
    }
  }

  async listSupporters(ideaId: string): Promise<string[]> {
    const items = await wholePartition(this.client, this.tableName, ideaPartition(ideaId), {
      sortKey: { condition: (sk) => `begins_with(${sk}, :prefix)`, values: { ':prefix': SUPPORTER_PREFIX } },
      projection: 'SK',
    });
    return items.map((item) => String(item['SK']).slice(SUPPORTER_PREFIX.length));
  }

  async listPendingMerges(before: string, limit: number): Promise<PendingMerge[]> {
    const items = await queryPending(this.client, this.tableName, 'merge', before, limit);
    return items.map((item) => ({ ideaId: String(item['ideaId']), into: String(item['into']), at: String(item['at']) }));
  }

  async completeMerge(ideaId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: mergeJobKey(ideaId) }));
  }

  async listDueRevisits(day: string, limit: number): Promise<string[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND SK < :after',
        // Every entry of `day` sorts before `day` followed by a character above '#'.
        ExpressionAttributeValues: { ':pk': REVISIT_PARTITION, ':after': `${day}$` },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => String(item['ideaId']));
  }

  /** Ideas that have been in `status` since before `changedBefore`, oldest first. */
  async listInStatusSince(status: IdeaStatus, changedBefore: string, limit: number): Promise<Idea[]> {
    const items = await wholePartition(this.client, this.tableName, statusPartition(status), {
      index: TABLE.indexes.byStatus,
      sortKey: { condition: (sk) => `${sk} < :before`, values: { ':before': changedBefore } },
      limit,
    });
    return items.map(itemToIdea);
  }

  async listByStatus(status: IdeaStatus, limit: number, cursor?: StoreCursor): Promise<Page<Idea>> {
    return this.indexPage(TABLE.indexes.byStatus, statusPartition(status), { newestFirst: false, limit, cursor }, itemToIdea);
  }

  async listIdsInStatus(status: IdeaStatus, limit: number, cursor?: StoreCursor): Promise<Page<string>> {
    return this.indexPage(TABLE.indexes.byStatus, statusPartition(status), { newestFirst: false, limit, cursor, idsOnly: true }, (item) => String(item['id']));
  }

  /** Counts one more re-queue of an idea; a no-op if the idea moved on meanwhile. */
  async recordRequeue(idea: Idea): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: ideaKey(idea.id),
          UpdateExpression: 'SET requeueCount = :next',
          ConditionExpression: '#status = :status AND #version = :version',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':next': idea.requeueCount + 1, ':status': idea.status, ':version': idea.version },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

/** A check that another idea is in one of the statuses, inside a transaction. */
function statusCheck(tableName: string, required: { ideaId: string; statuses: readonly IdeaStatus[] }) {
  const names = required.statuses.map((_, index) => `:s${index}`);
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: ideaKey(required.ideaId),
      ConditionExpression: `#status IN (${names.join(', ')})`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: Object.fromEntries(required.statuses.map((status, index) => [names[index], status])),
    },
  };
}

const IDEA_FIELDS = [
  'id', 'kind', 'title', 'description', 'department', 'language', 'anonymous', 'submitter', 'followUpTokenHash',
  'friction', 'frictionHoursPerYear', 'figuresUnknown', 'status', 'createdAt', 'statusChangedAt', 'updatedAt', 'version', 'requeueCount',
  'themeAlignment', 'shingles', 'duplicateCandidates', 'resemblingPilots', 'scorecard', 'assignee', 'decision', 'intakeAbandonedAt',
] as const satisfies readonly (keyof Idea)[];

function itemToIdea(item: Item): Idea {
  return pick(item, IDEA_FIELDS) as unknown as Idea;
}

function eventToItem(event: IdeaEvent): Item {
  return { ...ideaEventKey(event.ideaId, event.version), type: 'event', ...event };
}

const EVENT_FIELDS = ['ideaId', 'version', 'at', 'change', 'from', 'to', 'actor', 'reason', 'decision', 'answer'] as const satisfies readonly (keyof IdeaEvent)[];

function itemToEvent(item: Item): IdeaEvent {
  return pick(item, EVENT_FIELDS) as unknown as IdeaEvent;
}

const COMMENT_FIELDS = ['id', 'ideaId', 'at', 'author', 'visibility', 'text'] as const satisfies readonly (keyof Comment)[];

const IDEMPOTENCY_FIELDS = ['keyHash', 'requestHash', 'ideaId', 'expiresAt'] as const satisfies readonly (keyof IdempotencyRecord)[];

function itemToIdempotency(item: Item): IdempotencyRecord {
  return pick(item, IDEMPOTENCY_FIELDS) as unknown as IdempotencyRecord;
}

function pick(item: Item, fields: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields) if (item[field] !== undefined) result[field] = item[field];
  return result;
}

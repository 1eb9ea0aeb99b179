import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InboxList, InboxRow, InboxSort } from '../domain/inbox.ts';
import { ideaAfter, type Actor, type Idea, type IdeaDecision, type IdeaEvent, type IdeaStatus } from '../domain/idea.ts';
import type { Comment, Notification } from '../domain/notification.ts';
import type { Pilot } from '../domain/pilot.ts';
import { contributionChange, ideaContribution, pilotContribution } from '../domain/pipeline.ts';
import { InvalidCursorError } from '../http/errors.ts';
import { batchGetAll } from './batch.ts';
import { decodeCursor, encodeCursor, type StoreCursor } from './cursor.ts';
import { derivedItemChanges } from './derived-items.ts';
import { notificationItem } from './notifications.ts';
import { partitionPage } from './partition.ts';
import { queryPending } from './pending.ts';
import { newPilotItems } from './pilots.ts';
import { counterUpdates } from './pipeline.ts';
import { conditionFailedAt, conflicted, writeTransaction, type TransactItems } from './transactions.ts';
import {
  abandonedIntakeIndexKey,
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
  statusIndexKey,
  statusPartition,
  submitterIndexKey,
  submitterPartition,
} from './keys.ts';
import { TABLE, type IndexDescription } from './table.ts';

/**
 * What a retried submit needs to answer exactly as the first time. It never holds an anonymous
 * idea's follow-up token: a retry makes the same token again from its Idempotency-Key (shared/intake/submit.ts).
 */
export interface IdempotencyRecord {
  /** HMAC of the caller's subject and their Idempotency-Key under the deployment secret. */
  keyHash: string;
  requestHash: string;
  ideaId: string;
  /** Epoch seconds; DynamoDB's time to live removes the record after that. */
  expiresAt: number;
}

export type SubmitOutcome = { created: true } | { created: false; replayOf: IdempotencyRecord };

/** One page of a list; `nextCursor` is the store's own, which a route seals before a client sees it (./cursor.ts). */
export interface Page<T> {
  items: T[];
  nextCursor?: StoreCursor;
}

/** The change of one idea from one status to another, with its audit event. */
export interface Transition {
  idea: Idea;
  to: IdeaStatus;
  actor: Actor;
  at: string;
  reason?: string;
  /**
   * Other attributes of the idea that change with the status; `undefined` removes one. Any but
   * the identity, status and version, which the transition itself sets: an erasure rewrites
   * whatever names the person (shared/privacy/erase.ts).
   */
  set?: Partial<Omit<Idea, 'id' | 'status' | 'statusChangedAt' | 'updatedAt' | 'version' | 'createdAt'>>;
  /** Set for a change that is not a change of status (the idea keeps its status). */
  change?: IdeaEvent['change'];
  /** The decision behind the change, recorded on its history event. */
  decision?: IdeaDecision;
  /** The submitter's answer, recorded on its history event. */
  answer?: string;
  /** Written in the same transaction: the e-mail telling the submitter, pending until sent. */
  notification?: Notification;
  /** Written in the same transaction: the pilot an accepted idea becomes, with its first history event, list entries and counters. */
  pilot?: Pilot;
  /** Written in the same transaction: supporters still to be carried over to the idea this one is merged into. */
  mergeInto?: string;
  /** Checked in the same transaction: another idea that must still be in one of these statuses (a merge's target). */
  requireStatus?: { ideaId: string; statuses: readonly IdeaStatus[] };
}

/** Everything about one idea that its page shows: the idea, its history, its first page of comments. */
export interface IdeaRecord {
  idea: Idea;
  history: IdeaEvent[];
  /** The oldest COMMENTS_PER_READ comments, oldest first. */
  comments: Comment[];
  /** Where the next page of comments starts (`listComments`), when there are more. */
  commentsCursor?: StoreCursor;
  supportCount: number;
}

/**
 * The most comments one read returns (the idea's page, or one page of GET /ideas/{id}/comments):
 * comments are only ever added, so without a cap one idea's page could grow without end.
 */
export const COMMENTS_PER_READ = 50;

/** A merge whose supporters have not all been carried over yet. */
export interface PendingMerge {
  ideaId: string;
  into: string;
  at: string;
}

export class ConcurrentChangeError extends Error {
  override name = 'ConcurrentChangeError';
}

/** The ideas' storage port; the DynamoDB adapter below is the one the functions use. */
export interface IdeaStore {
  submit(idea: Idea, event: IdeaEvent, idempotency?: IdempotencyRecord): Promise<SubmitOutcome>;
  getIdea(id: string): Promise<Idea | undefined>;
  /** Several ideas by id, in no particular order; ids that do not exist are left out. */
  getIdeas(ids: readonly string[]): Promise<Idea[]>;
  /** The idea with its history, its first page of comments and its number of supporters. */
  getIdeaWithHistory(id: string): Promise<IdeaRecord | undefined>;
  /** One page of an idea's comments, oldest first; the cursor only works for that idea's comments. */
  listComments(ideaId: string, limit: number, cursor?: StoreCursor): Promise<Page<Comment>>;
  /** The idempotency record stored under the key hash, if any (a submit refused by the per-person limit may still be a retry). */
  getIdempotencyRecord(keyHash: string): Promise<IdempotencyRecord | undefined>;
  listBySubmitter(sub: string, limit: number, cursor?: StoreCursor): Promise<Page<Idea>>;
  transition(change: Transition): Promise<Idea>;
  /** Ideas on the status index's list of `status` since before `changedBefore`, oldest first (ideas given up in intake are not on `submitted`'s). */
  listInStatusSince(status: IdeaStatus, changedBefore: string, limit: number): Promise<Idea[]>;
  /** One page of the ideas in a status, oldest change first. */
  listByStatus(status: IdeaStatus, limit: number, cursor?: StoreCursor): Promise<Page<Idea>>;
  /** One page of the ids of the ideas in a status, oldest change first; up to `limit`, fewer when the page reaches 1 MB of ideas. */
  listIdsInStatus(status: IdeaStatus, limit: number, cursor?: StoreCursor): Promise<Page<string>>;
  recordRequeue(idea: Idea): Promise<void>;
  /** One page of an inbox list in one order. */
  listInbox(list: InboxList, sort: InboxSort, limit: number, cursor?: StoreCursor): Promise<Page<InboxRow>>;
  /** Stores a comment, and the e-mail that carries it to the submitter, in one transaction. */
  addComment(comment: Comment, notification?: Notification): Promise<void>;
  /** Records one person's support, once: false when they supported the idea before. */
  addSupporter(ideaId: string, supporterHash: string, at: string): Promise<boolean>;
  /** How many people support the idea. */
  getSupportCount(ideaId: string): Promise<number>;
  /** The hashes of an idea's supporters. */
  listSupporters(ideaId: string): Promise<string[]>;
  /** Merges whose supporters are still being carried over, oldest first. */
  listPendingMerges(before: string, limit: number): Promise<PendingMerge[]>;
  completeMerge(ideaId: string): Promise<void>;
  /** Ids of parked ideas due back in the inbox on or before `day` (YYYY-MM-DD). */
  listDueRevisits(day: string, limit: number): Promise<string[]>;
}

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
    let idea: Idea | undefined;
    const history: IdeaEvent[] = [];
    let startKey: Item | undefined;
    const supportCount = this.getSupportCount(id);
    const comments = this.listComments(id, COMMENTS_PER_READ);
    // Settled together below; a rejection of either is not left unhandled meanwhile.
    supportCount.catch(() => undefined);
    comments.catch(() => undefined);
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :events AND :supporters',
          ExpressionAttributeValues: { ':pk': ideaPartition(id), ':events': EVENT_PREFIX, ':supporters': SUPPORTER_PREFIX },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const sk = String(item['SK']);
        if (sk === META) idea = itemToIdea(item);
        else if (sk.startsWith(EVENT_PREFIX)) history.push(itemToEvent(item));
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
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
   * ConcurrentChangeError when somebody else changed it first.
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
        throw new ConcurrentChangeError(`Idea ${idea.id} changed since version ${idea.version}`, { cause: error });
      }
      throw error;
    }
    return updated;
  }

  async listInbox(list: InboxList, sort: InboxSort, limit: number, cursor?: StoreCursor): Promise<Page<InboxRow>> {
    return partitionPage(this.client, this.tableName, inboxPartition(list, sort), { limit, cursor }, (item) => item['row'] as InboxRow);
  }

  async addComment(comment: Comment, notification?: Notification): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...commentKey(comment.ideaId, comment.at, comment.id), type: 'comment', ...comment },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...(notification === undefined ? [] : [{ Put: { TableName: this.tableName, Item: notificationItem(notification), ConditionExpression: 'attribute_not_exists(PK)' } }]),
        ],
      }),
    );
  }

  /** The supporter item and the count move together: a person is counted exactly once. */
  async addSupporter(ideaId: string, supporterHash: string, at: string): Promise<boolean> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
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
          ],
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailedAt(error, 0)) return false;
      throw error;
    }
  }

  async listSupporters(ideaId: string): Promise<string[]> {
    const hashes: string[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': ideaPartition(ideaId), ':prefix': SUPPORTER_PREFIX },
          ProjectionExpression: 'SK',
          ExclusiveStartKey: startKey,
        }),
      );
      hashes.push(...(page.Items ?? []).map((item) => String(item['SK']).slice(SUPPORTER_PREFIX.length)));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return hashes;
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
    const index = TABLE.indexes.byStatus;
    const ideas: Idea[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk AND #sk < :before',
          ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
          ExpressionAttributeValues: { ':pk': statusPartition(status), ':before': changedBefore },
          Limit: limit - ideas.length,
          ExclusiveStartKey: startKey,
        }),
      );
      ideas.push(...(page.Items ?? []).map(itemToIdea));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined && ideas.length < limit);
    return ideas;
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
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
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

/**
 * The idea as the table holds it, with its index keys. An idea whose intake the sweeper gave up
 * on is indexed on a list of its own instead of `submitted` (see shared/intake/sweep.ts).
 */
export function ideaToItem(idea: Idea): Item {
  const abandoned = idea.status === 'submitted' && idea.intakeAbandonedAt !== undefined;
  return {
    ...ideaKey(idea.id),
    ...(abandoned ? abandonedIntakeIndexKey(idea.statusChangedAt, idea.id) : statusIndexKey(idea.status, idea.statusChangedAt, idea.id)),
    ...(idea.submitter === undefined ? {} : submitterIndexKey(idea.submitter.sub, idea.createdAt, idea.id)),
    type: 'idea',
    ...idea,
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

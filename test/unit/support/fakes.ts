import {
  InvalidCursorError,
  VersionConflictError,
  type BackgroundWorkStore,
  type ConversationStore,
  type IdeaStore,
  type IdeaWithHistory,
  type IdempotencyRecord,
  type MailSuppressionStore,
  type NotificationStore,
  type Page,
  type PendingMerge,
  type PendingNotification,
  type PilotChange,
  type PilotRecord,
  type PilotStore,
  type PipelineStore,
  type RescoreJobStore,
  type SimilarityIndex,
  type StoreCursor,
  type StoredNotification,
  type StrategyStore,
  type SubmitOutcome,
  type TransactionPart,
  type Transition,
} from '../../../shared/store/ports.ts';
import type { BandEntry } from '../../../shared/domain/duplicates/lsh.ts';
import type { Strategy, StrategyContent } from '../../../shared/domain/strategy/strategy.ts';
import { ideaAfter, transitionEvent, type Idea, type IdeaEvent, type IdeaStatus } from '../../../shared/domain/idea.ts';
import type { InboxList, InboxRow, InboxSort } from '../../../shared/domain/inbox.ts';
import type { Comment, Notification } from '../../../shared/domain/notification.ts';
import { createdEvent, type GateRecord, type Pilot, type PilotEvent } from '../../../shared/domain/pilot.ts';
import { SHIPPED_GATE_SETTINGS, type GateSettings, type StoredGateSettings } from '../../../shared/domain/gates.ts';
import type { Learning } from '../../../shared/domain/learnings.ts';
import type { PilotList, PilotRow, PilotSort } from '../../../shared/domain/pilot-lists.ts';
import { recount, type Contribution } from '../../../shared/domain/pipeline.ts';
import type { Mail, Mailer } from '../../../shared/notify/mailer.ts';
import type { IntakeQueue } from '../../../shared/queue/intake-queue.ts';
import type { NotifyQueue } from '../../../shared/queue/notify-queue.ts';
import {
  commentEntity,
  ideaEntity,
  ideaEventEntity,
  inboxEntryEntity,
  inRange,
  learningEntity,
  mergeEntity,
  notificationEntity,
  pilotEntity,
  pilotEventEntity,
  pilotListEntryEntity,
  revisitEntity,
  similarityBandEntity,
  type PartitionQuery,
  type StoredItem,
  type TableKey,
} from '../../../shared/store/entities.ts';
import type { RescoreJob } from '../../../shared/domain/rescore.ts';
import { normaliseMailAddress, type MailSuppression, type NotSentReason } from '../../../shared/domain/mail-suppression.ts';

/**
 * In-memory stand-ins for the store, queue and mailer ports, with the same guarantees the
 * DynamoDB, SQS and SES adapters give (conditional writes, optimistic locking, all-or-nothing
 * transactions, the table's sort orders), so the logic can be tested without AWS. Every call is
 * appended to `log`, so tests can check the order of side effects. Lists are read as the adapters
 * read them: each value becomes its items through the table's entity declarations
 * (shared/store/entities.ts), and a list is the items of its partition, in the order of their keys.
 */

/** DynamoDB sorts string keys by their bytes; for the ASCII keys of the table that is code-unit order, not locale order. */
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The items of one partition (of the table or of an index) in the range of sort keys a query
 * reads, in the query's order: as a DynamoDB Query of `query` reads them.
 */
function query(items: Iterable<StoredItem>, on: PartitionQuery): StoredItem[] {
  const partitionKey = on.index?.partitionKey ?? 'PK';
  const sortKey = on.index?.sortKey ?? 'SK';
  const found = [...items]
    .filter((item) => item[partitionKey] === on.partition && typeof item[sortKey] === 'string' && inRange(item[sortKey], on.sortKey))
    .sort((a, b) => byKey(String(a[sortKey]), String(b[sortKey])));
  return on.newestFirst === true ? found.reverse() : found;
}

/** An item's key as one text, to tell whether two writes meet the same item. */
const keyOf = (key: TableKey): string => `${key.PK} ${key.SK}`;

/**
 * A fake's cursor is the list it was issued for and the offset of the next item (base64url JSON);
 * anything else, and a cursor of another list, is refused as the adapter refuses them (shared/store/cursor.ts).
 * As the adapters (which read one item past the page), a page carries a cursor only when more items follow.
 */
function page<T>(all: readonly T[], limit: number, cursor: string | undefined, list: string): Page<T> {
  let start = 0;
  if (cursor !== undefined) {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw new InvalidCursorError();
    }
    if (!Array.isArray(decoded) || decoded.length !== 2 || decoded[0] !== list || !Number.isSafeInteger(decoded[1]) || decoded[1] < 0) throw new InvalidCursorError();
    start = decoded[1] as number;
  }
  const items = all.slice(start, start + limit).map((item) => structuredClone(item));
  const next = start + limit;
  return { items, ...(next < all.length ? { nextCursor: Buffer.from(JSON.stringify([list, next]), 'utf8').toString('base64url') as StoreCursor } : {}) };
}

/**
 * What the adapter lets through when a write meets an item that exists already: DynamoDB's
 * cancelled transaction, by its name (nothing of the transaction is written). No use case catches
 * it; made here without loading the AWS SDK.
 */
function transactionCanceled(reason: string): Error {
  const error = new Error(`Transaction cancelled: ${reason}`);
  error.name = 'TransactionCanceledException';
  return error;
}

/**
 * What the table keeps of a value: the document client (removeUndefinedValues) drops undefined
 * attributes at every depth, so a `set` of `undefined` removes the attribute.
 */
function stored<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => stored(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).flatMap(([key, field]) => (field === undefined ? [] : [[key, stored(field)]]))) as T;
  }
  return value;
}

/** What a status check throws when the idea it checks is not (or no longer) in one of its statuses; the change it is part of makes it its own conflict. */
class StatusCheckFailed extends Error {
  override name = 'StatusCheckFailed';
}

/**
 * A part of another change, made by one of the fakes (`creation`, `mergeJob`, `statusCheck`): what
 * it checks before anything of the change is written (throwing what the adapter's transaction
 * would), what it writes once every check passed, and the items it touches (DynamoDB refuses a
 * transaction that touches one item twice).
 */
export class FakePart implements TransactionPart {
  readonly describes: string;
  readonly check: () => void;
  readonly apply: () => void;
  readonly touches: readonly string[];

  constructor(describes: string, parts: { check: () => void; apply: () => void; touches: readonly TableKey[] }) {
    this.describes = describes;
    this.check = parts.check;
    this.apply = parts.apply;
    this.touches = parts.touches.map(keyOf);
  }
}

/**
 * The parts a change carries, as the fakes' transactions take them: only the fakes' own (a part
 * of the DynamoDB adapters is refused, as they refuse ours), and no item touched twice.
 */
function ownParts(parts: readonly TransactionPart[], touched: readonly TableKey[]): FakePart[] {
  const own = parts.map((part) => {
    if (!(part instanceof FakePart)) throw new TypeError(`Not a part of the in-memory stores: ${part.describes}`);
    return part;
  });
  const keys = [...touched.map(keyOf), ...own.flatMap((part) => part.touches)];
  const twice = keys.find((key, index) => keys.indexOf(key) !== index);
  if (twice !== undefined) {
    const error = new Error(`Transaction request cannot include multiple operations on one item (${twice})`);
    error.name = 'ValidationException';
    throw error;
  }
  return own;
}

/** Notifications in memory, pending until marked sent; a change of another store writes one through `creation`. */
export class InMemoryNotificationStore implements NotificationStore {
  readonly notifications = new Map<string, StoredNotification>();
  readonly log: string[];

  constructor(log: string[] = []) {
    this.log = log;
  }

  /** Puts notifications in the store as if changes had written them earlier. */
  seed(...notifications: StoredNotification[]): this {
    for (const notification of notifications) this.notifications.set(notification.id, stored(notification));
    return this;
  }

  async get(id: string): Promise<StoredNotification | undefined> {
    return structuredClone(this.notifications.get(id));
  }

  creation(notification: Notification): FakePart {
    const value = stored(notification);
    return new FakePart(`notification ${notification.id}`, {
      check: () => {
        if (this.notifications.has(notification.id)) throw transactionCanceled(`notification ${notification.id} exists`);
      },
      apply: () => {
        this.notifications.set(value.id, structuredClone(value));
      },
      touches: [notificationEntity.key(notification.id)],
    });
  }

  async create(notification: Notification): Promise<boolean> {
    this.log.push(`notifications.create ${notification.id}`);
    if (this.notifications.has(notification.id)) return false;
    this.notifications.set(notification.id, stored(notification));
    return true;
  }

  async markSent(id: string, at: string): Promise<void> {
    this.log.push(`notifications.markSent ${id}`);
    const notification = this.notifications.get(id);
    if (notification === undefined || notification.sentAt !== undefined) return;
    notification.sentAt = at;
  }

  /** The pending list as the adapter reads it: the notifications indexed on it (entities.ts) since before `before`, oldest first. */
  async listPending(before: string, limit: number): Promise<PendingNotification[]> {
    return query([...this.notifications.values()].map((notification) => notificationEntity.toItem(notification)), notificationEntity.pendingBefore(before))
      .slice(0, limit)
      .map((item) => {
        const notification = notificationEntity.fromItem(item);
        return { id: notification.id, requeues: notification.requeues ?? 0 };
      });
  }

  async recordRequeue(id: string): Promise<void> {
    this.log.push(`notifications.recordRequeue ${id}`);
    const notification = this.notifications.get(id);
    if (notification === undefined || notification.sentAt !== undefined) return;
    notification.requeues = (notification.requeues ?? 0) + 1;
  }

  async abandon(id: string, at: string): Promise<void> {
    this.log.push(`notifications.abandon ${id}`);
    const notification = this.notifications.get(id);
    if (notification === undefined || notification.sentAt !== undefined) return;
    notification.abandonedAt = at;
  }

  async markNotSent(id: string, reason: NotSentReason, at: string): Promise<void> {
    this.log.push(`notifications.markNotSent ${id}`);
    const notification = this.notifications.get(id);
    if (notification === undefined || notification.sentAt !== undefined) return;
    notification.notSentAt = at;
    notification.notSentReason = reason;
  }

  /** The notifications still to be delivered: not sent, not given up on, not refused for their address. */
  pending(): StoredNotification[] {
    return [...this.notifications.values()]
      .filter(notificationEntity.isPending)
      .map((notification) => structuredClone(notification));
  }
}

/** The ideas in memory: each idea, its history and the idempotency records of its submission; the lists are derived from the ideas. */
export class InMemoryIdeaStore implements IdeaStore {
  readonly ideas = new Map<string, Idea>();
  readonly events: IdeaEvent[] = [];
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly log: string[];

  constructor(log: string[] = []) {
    this.log = log;
  }

  /** Puts ideas in the store as if they had been submitted (and moved on) earlier. */
  seed(...ideas: Idea[]): this {
    for (const idea of ideas) this.ideas.set(idea.id, stored(idea));
    return this;
  }

  async submit(idea: Idea, event: IdeaEvent, idempotency?: IdempotencyRecord): Promise<SubmitOutcome> {
    this.log.push(`store.submit ${idea.id}`);
    const earlier = idempotency === undefined ? undefined : this.idempotency.get(idempotency.keyHash);
    if (earlier !== undefined) return { created: false, replayOf: structuredClone(earlier) };
    if (this.ideas.has(idea.id)) throw transactionCanceled(`idea ${idea.id} already exists`);
    this.ideas.set(idea.id, stored(idea));
    this.events.push(stored(event));
    if (idempotency !== undefined) this.idempotency.set(idempotency.keyHash, stored(idempotency));
    return { created: true };
  }

  async getIdea(id: string): Promise<Idea | undefined> {
    return structuredClone(this.ideas.get(id));
  }

  async getIdeas(ids: readonly string[]): Promise<Idea[]> {
    return ids.flatMap((id) => {
      const idea = this.ideas.get(id);
      return idea === undefined ? [] : [structuredClone(idea)];
    });
  }

  async getIdeaWithHistory(id: string): Promise<IdeaWithHistory | undefined> {
    const idea = this.ideas.get(id);
    if (idea === undefined) return undefined;
    const history = this.events.filter((event) => event.ideaId === id).sort((a, b) => a.version - b.version);
    return structuredClone({ idea, history });
  }

  async getIdempotencyRecord(keyHash: string): Promise<IdempotencyRecord | undefined> {
    return structuredClone(this.idempotency.get(keyHash));
  }

  /** A submitter's own ideas, newest first. */
  async listBySubmitter(sub: string, limit: number, cursor?: string): Promise<Page<Idea>> {
    const on = ideaEntity.bySubmitter(sub);
    return page(this.ideasOn(on), limit, cursor, on.partition);
  }

  /**
   * As the adapter: the idea as the caller read it, with `set`, becomes the stored idea, with its
   * history event, its inbox and revisit entries and every part `alongside` (a notification, a
   * pilot, a merge job, a status check of another idea), all or nothing, and only while the stored
   * idea is still at the version and status it was read with. A failed status check is a conflict
   * of this idea, as the adapter reports it.
   */
  async transition(change: Transition, ...alongside: TransactionPart[]): Promise<Idea> {
    this.log.push(`store.transition ${change.idea.id} ${change.to}`);
    const { idea, to, at } = change;
    const version = idea.version + 1;
    const event: IdeaEvent = stored(transitionEvent(idea, { ...change, version }));
    const parts = ownParts(alongside, [ideaEntity.key(idea.id), ideaEventEntity.toItem(event)]);
    const conflict = () => new VersionConflictError({ kind: 'idea', id: idea.id, expectedVersion: idea.version }, `Idea ${idea.id} changed since version ${idea.version}`);
    const current = this.ideas.get(idea.id);
    if (current === undefined || current.version !== idea.version || current.status !== idea.status || this.events.some((event) => event.ideaId === idea.id && event.version === version)) {
      throw conflict();
    }
    for (const part of parts) {
      try {
        part.check();
      } catch (error) {
        if (error instanceof StatusCheckFailed) throw conflict();
        throw error;
      }
    }

    const updated = ideaAfter(idea, { to, at, set: change.set });
    this.ideas.set(updated.id, stored(updated));
    this.events.push(event);
    for (const part of parts) part.apply();
    // The adapter hands back the idea it built, before the document client dropped its undefined attributes.
    return structuredClone(updated);
  }

  statusCheck(ideaId: string, statuses: readonly IdeaStatus[]): FakePart {
    const allowed = [...statuses];
    return new FakePart(`status of idea ${ideaId} in ${allowed.join(', ')}`, {
      check: () => {
        const status = this.ideas.get(ideaId)?.status;
        if (status === undefined || !allowed.includes(status)) throw new StatusCheckFailed(`Idea ${ideaId} is not in ${allowed.join(', ')}`);
      },
      apply: () => {},
      touches: [ideaEntity.key(ideaId)],
    });
  }

  /** One page of the ideas in a status, oldest change first. */
  async listByStatus(status: IdeaStatus, limit: number, cursor?: string): Promise<Page<Idea>> {
    const on = ideaEntity.inStatus(status);
    return page(this.ideasOn(on), limit, cursor, on.partition);
  }

  async listIdsInStatus(status: IdeaStatus, limit: number, cursor?: string): Promise<Page<string>> {
    this.log.push(`store.listIdsInStatus ${status}`);
    const on = ideaEntity.inStatus(status);
    return page(this.ideasOn(on).map((idea) => idea.id), limit, cursor, on.partition);
  }

  async listInStatusSince(status: IdeaStatus, changedBefore: string, limit: number): Promise<Idea[]> {
    return this.ideasOn(ideaEntity.inStatus(status, { below: changedBefore }))
      .slice(0, limit)
      .map((idea) => structuredClone(idea));
  }

  async recordRequeue(idea: Idea): Promise<void> {
    this.log.push(`store.recordRequeue ${idea.id}`);
    const current = this.ideas.get(idea.id);
    if (current === undefined || current.status !== idea.status || current.version !== idea.version) return;
    current.requeueCount = idea.requeueCount + 1;
  }

  /** The inbox entries are derived from the ideas exactly as the adapter writes them (inboxEntryEntity). */
  async listInbox(list: InboxList, sort: InboxSort, limit: number, cursor?: string): Promise<Page<InboxRow>> {
    const on = inboxEntryEntity.list(list, sort);
    const entries = [...this.ideas.values()].flatMap((idea) => inboxEntryEntity.of(idea)).map((entry) => inboxEntryEntity.toItem(entry));
    return page(query(entries, on).map((item) => inboxEntryEntity.fromItem(item)), limit, cursor, on.partition);
  }

  /** The ideas an index query of theirs finds, in its order: where the adapter writes each idea (ideaEntity) decides. */
  private ideasOn(on: PartitionQuery): Idea[] {
    return query([...this.ideas.values()].map((idea) => ideaEntity.toItem(idea)), on).map((item) => this.ideas.get(String(item['id']))!);
  }
}

/** The conversation about the ideas in memory: their comments and their supporters. */
export class InMemoryConversationStore implements ConversationStore {
  readonly comments: Comment[] = [];
  /** Per idea: supporter hash → when they supported it. */
  readonly supporters = new Map<string, Map<string, string>>();
  readonly log: string[];

  constructor(log: string[] = []) {
    this.log = log;
  }

  /** Puts comments in the store as if they had been added earlier. */
  seed(...comments: Comment[]): this {
    for (const comment of comments) this.comments.push(stored(comment));
    return this;
  }

  /** As the adapter: the comment and every part `alongside` (its e-mail), all or nothing; a comment is never put twice. */
  async addComment(comment: Comment, ...alongside: TransactionPart[]): Promise<void> {
    this.log.push(`conversation.addComment ${comment.ideaId} ${comment.visibility}`);
    const item = commentEntity.toItem(comment);
    const parts = ownParts(alongside, [item]);
    if (this.comments.some((other) => keyOf(commentEntity.toItem(other)) === keyOf(item))) throw transactionCanceled(`comment ${comment.id} exists`);
    try {
      for (const part of parts) part.check();
    } catch (error) {
      // A failed status check cancels the transaction; only an idea's change makes it a conflict of its own.
      if (error instanceof StatusCheckFailed) throw transactionCanceled(error.message);
      throw error;
    }
    this.comments.push(stored(comment));
    for (const part of parts) part.apply();
  }

  /** One page of an idea's comments, oldest first, as the adapter. */
  async listComments(ideaId: string, limit: number, cursor?: string): Promise<Page<Comment>> {
    const on = commentEntity.ofIdea(ideaId);
    const comments = query(this.comments.map((comment) => commentEntity.toItem(comment)), on).map((item) => commentEntity.fromItem(item));
    return page(comments, limit, cursor, `comments ${ideaId}`);
  }

  async addSupporter(ideaId: string, supporterHash: string, at: string): Promise<boolean> {
    this.log.push(`conversation.addSupporter ${ideaId}`);
    const supporters = this.supporters.get(ideaId) ?? new Map<string, string>();
    if (supporters.has(supporterHash)) return false;
    supporters.set(supporterHash, at);
    this.supporters.set(ideaId, supporters);
    return true;
  }

  async getSupportCount(ideaId: string): Promise<number> {
    return this.supporters.get(ideaId)?.size ?? 0;
  }

  async listSupporters(ideaId: string): Promise<string[]> {
    return [...(this.supporters.get(ideaId)?.keys() ?? [])].sort(byKey);
  }
}

/** The work changes leave for the background jobs, in memory: merge jobs of its own, revisits derived from the idea store's ideas. */
export class InMemoryBackgroundWorkStore implements BackgroundWorkStore {
  /** Merges whose supporters are still to be carried over, by the merged idea's id. */
  readonly mergeJobs = new Map<string, PendingMerge>();
  readonly ideas: InMemoryIdeaStore;
  readonly log: string[];

  constructor(ideas: InMemoryIdeaStore = new InMemoryIdeaStore()) {
    this.ideas = ideas;
    this.log = ideas.log;
  }

  /** Puts merge jobs in the store as if merges had left them earlier. */
  seed(...merges: PendingMerge[]): this {
    for (const merge of merges) this.mergeJobs.set(merge.ideaId, stored(merge));
    return this;
  }

  mergeJob(merge: PendingMerge): FakePart {
    const value = stored(merge);
    return new FakePart(`merge of idea ${merge.ideaId} into ${merge.into}`, {
      check: () => {
        if (this.mergeJobs.has(merge.ideaId)) throw transactionCanceled(`merge of idea ${merge.ideaId} exists`);
      },
      apply: () => {
        this.mergeJobs.set(value.ideaId, structuredClone(value));
      },
      touches: [mergeEntity.key(merge.ideaId)],
    });
  }

  async listPendingMerges(before: string, limit: number): Promise<PendingMerge[]> {
    return query([...this.mergeJobs.values()].map((merge) => mergeEntity.toItem(merge)), mergeEntity.pendingBefore(before))
      .slice(0, limit)
      .map((item) => mergeEntity.fromItem(item));
  }

  async completeMerge(ideaId: string): Promise<void> {
    this.log.push(`work.completeMerge ${ideaId}`);
    this.mergeJobs.delete(ideaId);
  }

  /** The revisit entries are derived from the ideas exactly as the adapter writes them (revisitEntity). */
  async listDueRevisits(day: string, limit: number): Promise<string[]> {
    const entries = [...this.ideas.ideas.values()].flatMap((idea) => revisitEntity.of(idea)).map((entry) => revisitEntity.toItem(entry));
    return query(entries, revisitEntity.dueBy(day))
      .slice(0, limit)
      .map((item) => revisitEntity.fromItem(item));
  }
}

/** A queue that records what it was asked to send; ids it `refuses` come back as not sent. */
export class RecordingQueue implements IntakeQueue {
  readonly sent: string[][] = [];
  refuses: (ideaId: string) => boolean = () => false;
  /** When set, every send throws this, as when SQS cannot be reached. */
  outage: Error | undefined;
  readonly log: string[];

  constructor(log: string[] = []) {
    this.log = log;
  }

  async enqueue(ideaIds: readonly string[]): Promise<string[]> {
    this.log.push(`queue.enqueue ${ideaIds.join(',')}`);
    if (this.outage !== undefined) throw this.outage;
    this.sent.push([...ideaIds]);
    return ideaIds.filter((id) => this.refuses(id));
  }
}

/** The notify queue, recording each batch it was asked to send; ids it `refuses` come back as not sent. */
export class RecordingNotifyQueue implements NotifyQueue {
  readonly sent: string[][] = [];
  refuses: (notificationId: string) => boolean = () => false;
  /** When set, every send throws this, as when SQS cannot be reached. */
  outage: Error | undefined;
  readonly log: string[];

  constructor(log: string[] = []) {
    this.log = log;
  }

  async enqueue(notificationIds: readonly string[]): Promise<string[]> {
    this.log.push(`notify.enqueue ${notificationIds.join(',')}`);
    if (this.outage !== undefined) throw this.outage;
    this.sent.push([...notificationIds]);
    return notificationIds.filter((id) => this.refuses(id));
  }

  /** Every id that made it onto the queue, in order. */
  get queued(): string[] {
    return this.sent.flat().filter((id) => !this.refuses(id));
  }
}

/** A mailer that keeps what it was asked to send; with `outage` set it throws, as when SES refuses. */
/** Suppressed addresses in memory, keyed as the table keys them: by the normalised address; the first report stands. */
export class InMemoryMailSuppressionStore implements MailSuppressionStore {
  readonly suppressions = new Map<string, MailSuppression>();
  readonly log: string[];

  constructor(log: string[] = []) {
    this.log = log;
  }

  async suppress(suppression: MailSuppression): Promise<boolean> {
    this.log.push(`suppressions.suppress ${suppression.reason}`);
    const key = normaliseMailAddress(suppression.address);
    if (this.suppressions.has(key)) return false;
    this.suppressions.set(key, structuredClone({ ...suppression, address: key }));
    return true;
  }

  async find(address: string): Promise<MailSuppression | undefined> {
    return structuredClone(this.suppressions.get(normaliseMailAddress(address)));
  }
}

export class RecordingMailer implements Mailer {
  readonly sent: Mail[] = [];
  outage: Error | undefined;
  readonly log: string[];

  constructor(log: string[] = []) {
    this.log = log;
  }

  async send(mail: Mail): Promise<void> {
    this.log.push(`mailer.send ${mail.id}`);
    if (this.outage !== undefined) throw this.outage;
    this.sent.push(structuredClone(mail));
  }
}

/** Strategy storage in memory: the versions given, newest last. */
export class InMemoryStrategyStore implements StrategyStore {
  readonly versions: Strategy[];

  constructor(...versions: Strategy[]) {
    this.versions = versions;
  }

  async current(): Promise<Strategy> {
    const newest = this.versions.at(-1);
    if (newest === undefined) throw new Error('No strategy in the fake store');
    return structuredClone(newest);
  }

  async version(version: number): Promise<Strategy | undefined> {
    return structuredClone(this.versions.find((strategy) => strategy.version === version));
  }

  /** Newest first, as the adapter lists them. */
  async listVersions(limit: number, cursor?: string): Promise<Page<Strategy>> {
    return page(this.versions.toReversed(), limit, cursor, 'strategy');
  }

  async replace(content: StrategyContent, expectedVersion: number, createdBy: string, at: string): Promise<Strategy> {
    const current = await this.current();
    if (current.version !== expectedVersion) throw new VersionConflictError({ kind: 'strategy', expectedVersion }, 'stale');
    const next = { ...structuredClone(content), version: current.version + 1, createdAt: at, createdBy };
    this.versions.push(next);
    return structuredClone(next);
  }
}

/** The duplicate index in memory: the items the DynamoDB one writes (entities.ts), read with the same queries. */
export class InMemorySimilarityIndex implements SimilarityIndex {
  /** The band items, by key. */
  readonly items = new Map<string, StoredItem>();

  /** The sort keys in each band's partition, in order. */
  get bands(): Map<string, string[]> {
    const bands = new Map<string, string[]>();
    for (const item of this.items.values()) bands.set(item.PK, [...(bands.get(item.PK) ?? []), item.SK]);
    for (const sortKeys of bands.values()) sortKeys.sort(byKey);
    return bands;
  }

  async add(ideaId: string, bands: readonly BandEntry[]): Promise<void> {
    for (const band of bands) {
      const item = similarityBandEntity.toItem({ band, ideaId });
      this.items.set(keyOf(item), item);
    }
  }

  async lookup(bands: readonly BandEntry[], maxPerBand: number): Promise<string[][]> {
    return bands.map((band) => {
      const fromOwnValue = query(this.items.values(), similarityBandEntity.from(band.key, band.sort)).slice(0, maxPerBand);
      const fromStart = fromOwnValue.length < maxPerBand ? query(this.items.values(), similarityBandEntity.below(band.key, band.sort)).slice(0, maxPerBand - fromOwnValue.length) : [];
      return [...fromOwnValue, ...fromStart].map(similarityBandEntity.fromItem);
    });
  }
}

/**
 * Pilots in memory, with the adapter's guarantees: a change only lands on the version it was read
 * at; a new pilot comes only as a part of the change that accepts its idea (`creation`); lists and
 * learnings are derived exactly as the adapter writes them (entities.ts).
 */
export class InMemoryPilotStore implements PilotStore {
  readonly pilots = new Map<string, Pilot>();
  readonly events: PilotEvent[] = [];
  readonly gates: { pilotId: string; version: number; gate: GateRecord }[] = [];
  settings: StoredGateSettings = structuredClone(SHIPPED_GATE_SETTINGS);
  readonly log: string[];

  constructor(log: string[] = []) {
    this.log = log;
  }

  seed(...pilots: Pilot[]): this {
    for (const pilot of pilots) this.pilots.set(pilot.id, stored(pilot));
    return this;
  }

  /** As the adapter: the pilot with its first history event, `created`, unless the pilot exists. */
  creation(pilot: Pilot): FakePart {
    const value = stored(pilot);
    const event: PilotEvent = stored(createdEvent(pilot));
    return new FakePart(`pilot ${pilot.id}`, {
      check: () => {
        if (this.pilots.has(pilot.id) || this.events.some((other) => other.pilotId === pilot.id && other.version === event.version)) throw transactionCanceled(`pilot ${pilot.id} exists`);
      },
      apply: () => {
        this.pilots.set(value.id, structuredClone(value));
        this.events.push(structuredClone(event));
      },
      touches: [pilotEntity.key(pilot.id), pilotEventEntity.toItem(event)],
    });
  }

  async getPilot(id: string): Promise<Pilot | undefined> {
    return structuredClone(this.pilots.get(id));
  }

  async getPilotRecord(id: string): Promise<PilotRecord | undefined> {
    const pilot = this.pilots.get(id);
    if (pilot === undefined) return undefined;
    const history = this.events.filter((event) => event.pilotId === id).sort((a, b) => a.version - b.version);
    const gates = this.gates.filter((entry) => entry.pilotId === id).sort((a, b) => a.version - b.version).map((entry) => entry.gate);
    return structuredClone({ pilot, history, gates });
  }

  async save(change: PilotChange): Promise<void> {
    this.log.push(`pilots.save ${change.after.id} ${change.after.stage}`);
    const current = this.pilots.get(change.before.id);
    if (current === undefined || current.version !== change.before.version || this.events.some((event) => event.pilotId === change.event.pilotId && event.version === change.event.version)) {
      throw new VersionConflictError({ kind: 'pilot', id: change.before.id, expectedVersion: change.before.version }, `Pilot ${change.before.id} changed since version ${change.before.version}`);
    }
    this.pilots.set(change.after.id, stored(change.after));
    this.events.push(stored(change.event));
    if (change.gate !== undefined) this.gates.push({ pilotId: change.after.id, version: change.after.version, gate: stored(change.gate) });
  }

  async listPilots(list: PilotList, sort: PilotSort, limit: number, cursor?: string): Promise<Page<PilotRow>> {
    const on = pilotListEntryEntity.list(list, sort);
    const entries = [...this.pilots.values()].flatMap((pilot) => pilotListEntryEntity.of(pilot)).map((entry) => pilotListEntryEntity.toItem(entry));
    return page(query(entries, on).map((item) => pilotListEntryEntity.fromItem(item)), limit, cursor, on.partition);
  }

  async listLearnings(): Promise<Learning[]> {
    const learnings = [...this.pilots.values()].flatMap((pilot) => learningEntity.of(pilot)).map((learning) => learningEntity.toItem(learning));
    return query(learnings, learningEntity.all()).map((item) => structuredClone(learningEntity.fromItem(item)));
  }

  async gateSettings(): Promise<StoredGateSettings> {
    return structuredClone(this.settings);
  }

  async replaceGateSettings(settings: GateSettings, expectedVersion: number, by: string, at: string): Promise<StoredGateSettings> {
    if (this.settings.version !== expectedVersion) throw new VersionConflictError({ kind: 'gate-settings', expectedVersion }, `Gate settings are no longer version ${expectedVersion}`);
    this.settings = { gates: structuredClone(settings.gates), stageLimitDays: { ...settings.stageLimitDays }, version: expectedVersion + 1, updatedAt: at, updatedBy: by };
    return structuredClone(this.settings);
  }
}

/** The pipeline counters in memory: always a recount of the ideas and pilots as they are now, which the adapter's counters add up to. */
export class InMemoryPipelineStore implements PipelineStore {
  readonly ideas: InMemoryIdeaStore;
  readonly pilots: InMemoryPilotStore;

  constructor(ideas: InMemoryIdeaStore = new InMemoryIdeaStore(), pilots: InMemoryPilotStore = new InMemoryPilotStore(ideas.log)) {
    this.ideas = ideas;
    this.pilots = pilots;
  }

  async totals(): Promise<Contribution> {
    return recount(this.ideas.ideas.values(), this.pilots.pilots.values());
  }
}

/** Re-scoring jobs in memory; pages done are a set, as in the adapter, so a page done twice counts once. */
export class InMemoryRescoreJobStore implements RescoreJobStore {
  readonly jobs = new Map<string, Omit<RescoreJob, 'pagesDone'> & { donePages: Set<number> }>();
  readonly log: string[];

  constructor(log: string[] = []) {
    this.log = log;
  }

  async create(job: Pick<RescoreJob, 'id' | 'strategyVersion' | 'startedAt' | 'startedBy'>): Promise<void> {
    this.log.push(`jobs.create ${job.id}`);
    if (this.jobs.has(job.id)) throw new Error(`Job ${job.id} exists`);
    this.jobs.set(job.id, { ...structuredClone(job), pagesQueued: 0, ideasQueued: 0, donePages: new Set() });
  }

  async addQueued(jobId: string, pages: number, ideas: number): Promise<void> {
    this.log.push(`jobs.addQueued ${pages} ${ideas}`);
    const job = this.job(jobId);
    job.pagesQueued += pages;
    job.ideasQueued += ideas;
  }

  async finishQueueing(jobId: string, at: string): Promise<void> {
    this.log.push('jobs.finishQueueing');
    this.job(jobId).queuedAt = at;
  }

  async markPageDone(jobId: string, page: number): Promise<void> {
    this.log.push(`jobs.markPageDone ${page}`);
    this.job(jobId).donePages.add(page);
  }

  async markSuperseded(jobId: string, at: string): Promise<void> {
    this.log.push('jobs.markSuperseded');
    this.job(jobId).supersededAt ??= at;
  }

  async get(jobId: string): Promise<RescoreJob | undefined> {
    const job = this.jobs.get(jobId);
    if (job === undefined) return undefined;
    const { donePages, ...rest } = job;
    return { ...structuredClone(rest), pagesDone: donePages.size };
  }

  /** A job the test started or seeded; updates of a job that does not exist are a test's mistake. */
  private job(jobId: string) {
    const job = this.jobs.get(jobId);
    if (job === undefined) throw new Error(`No job ${jobId} in the fake store`);
    return job;
  }
}

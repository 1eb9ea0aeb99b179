import {
  COMMENTS_PER_READ,
  InvalidCursorError,
  VersionConflictError,
  type IdeaRecord,
  type IdeaStore,
  type IdempotencyRecord,
  type MailSuppressionStore,
  type NotificationStore,
  type Page,
  type PendingMerge,
  type PendingNotification,
  type PilotChange,
  type PilotRecord,
  type PilotStore,
  type RescoreJobStore,
  type SimilarityIndex,
  type StoreCursor,
  type StoredNotification,
  type StrategyStore,
  type SubmitOutcome,
  type Transition,
} from '../../../shared/store/ports.ts';
import type { BandEntry } from '../../../shared/domain/duplicates/lsh.ts';
import type { Strategy, StrategyContent } from '../../../shared/domain/strategy/strategy.ts';
import { ideaAfter, type Idea, type IdeaEvent, type IdeaStatus } from '../../../shared/domain/idea.ts';
import type { InboxList, InboxRow, InboxSort } from '../../../shared/domain/inbox.ts';
import type { Comment, Notification } from '../../../shared/domain/notification.ts';
import type { GateRecord, Pilot, PilotEvent } from '../../../shared/domain/pilot.ts';
import { DEFAULT_GATES, type GateSettings, type StoredGateSettings } from '../../../shared/domain/gates.ts';
import { learningOf, type Learning } from '../../../shared/domain/learnings.ts';
import type { PilotList, PilotRow, PilotSort } from '../../../shared/domain/pilot-lists.ts';
import { recount, type Contribution } from '../../../shared/domain/pipeline.ts';
import type { Mail, Mailer } from '../../../shared/notify/mailer.ts';
import type { IntakeQueue } from '../../../shared/queue/intake-queue.ts';
import type { NotifyQueue } from '../../../shared/queue/notify-queue.ts';
// eslint-disable-next-line no-restricted-imports -- the fakes list inbox, revisit and pilot entries as the adapter keys them (no SDK behind these three)
import { derivedItems, pilotDerivedItems } from '../../../shared/store/derived-items.ts';
// eslint-disable-next-line no-restricted-imports -- as above
import { inboxPartition, pilotListPartition, REVISIT_PARTITION, statusPartition } from '../../../shared/store/keys.ts';
import type { RescoreJob } from '../../../shared/domain/rescore.ts';
import { normaliseMailAddress, type MailSuppression, type NotSentReason } from '../../../shared/domain/mail-suppression.ts';
// eslint-disable-next-line no-restricted-imports -- as above: an idea's status list is the one its item is indexed on
import { ideaToItem } from '../../../shared/store/idea-item.ts';

/**
 * In-memory stand-ins for the store, queue and mailer ports, with the same guarantees the
 * DynamoDB, SQS and SES adapters give (conditional writes, optimistic locking, all-or-nothing
 * transactions, the table's sort orders), so the logic can be tested without AWS. Every call is
 * appended to `log`, so tests can check the order of side effects.
 */

/** DynamoDB sorts string keys by their bytes; for the ASCII keys of the table that is code-unit order, not locale order. */
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A fake's cursor is the list it was issued for and the offset of the next item (base64url JSON);
 * anything else, and a cursor of another list, is refused as the adapter refuses them (shared/store/cursor.ts).
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

/** Notifications in memory, pending until marked sent; the idea store writes into the same one, as they share the table. */
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

  async listPending(before: string, limit: number): Promise<PendingNotification[]> {
    return this.pending()
      .map((notification) => ({ id: notification.id, requeues: notification.requeues ?? 0, sortKey: `${notification.createdAt}#${notification.id}` }))
      .filter(({ sortKey }) => sortKey < before)
      .sort((a, b) => byKey(a.sortKey, b.sortKey))
      .slice(0, limit)
      .map(({ id, requeues }) => ({ id, requeues }));
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
      .filter((notification) => notification.sentAt === undefined && notification.abandonedAt === undefined && notification.notSentAt === undefined)
      .map((notification) => structuredClone(notification));
  }
}

export class InMemoryIdeaStore implements IdeaStore {
  readonly ideas = new Map<string, Idea>();
  readonly events: IdeaEvent[] = [];
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly comments: Comment[] = [];
  /** Per idea: supporter hash → when they supported it. */
  readonly supporters = new Map<string, Map<string, string>>();
  /** Merges whose supporters are still to be carried over, by the merged idea's id. */
  readonly mergeJobs = new Map<string, PendingMerge>();
  readonly pilots = new Map<string, Pilot>();
  /** The pilots' history (InMemoryPilotStore.events): accepting an idea writes its pilot's first event here. */
  readonly pilotEvents: PilotEvent[] = [];
  /** Where transitions and comments write their e-mails: the same table as the ideas. */
  readonly notifications: InMemoryNotificationStore;
  readonly log: string[];

  constructor(log: string[] = [], notifications: InMemoryNotificationStore = new InMemoryNotificationStore(log)) {
    this.log = log;
    this.notifications = notifications;
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

  async getIdeaWithHistory(id: string): Promise<IdeaRecord | undefined> {
    const idea = this.ideas.get(id);
    if (idea === undefined) return undefined;
    const history = this.events.filter((event) => event.ideaId === id).sort((a, b) => a.version - b.version);
    const { items: comments, nextCursor } = await this.listComments(id, COMMENTS_PER_READ);
    return structuredClone({ idea, history, comments, ...(nextCursor === undefined ? {} : { commentsCursor: nextCursor }), supportCount: this.supporters.get(id)?.size ?? 0 });
  }

  /** One page of an idea's comments, oldest first, as the adapter. */
  async listComments(ideaId: string, limit: number, cursor?: string): Promise<Page<Comment>> {
    return page(this.comments.filter((comment) => comment.ideaId === ideaId).sort((a, b) => byKey(commentSortKey(a), commentSortKey(b))), limit, cursor, `comments ${ideaId}`);
  }

  async getIdempotencyRecord(keyHash: string): Promise<IdempotencyRecord | undefined> {
    return structuredClone(this.idempotency.get(keyHash));
  }

  /** A submitter's own ideas, newest first. */
  async listBySubmitter(sub: string, limit: number, cursor?: string): Promise<Page<Idea>> {
    const own = [...this.ideas.values()]
      .filter((idea) => idea.submitter?.sub === sub)
      .sort((a, b) => byKey(`${b.createdAt}#${b.id}`, `${a.createdAt}#${a.id}`));
    return page(own, limit, cursor, `submitter ${sub}`);
  }

  /**
   * As the adapter: the idea as the caller read it, with `set`, becomes the stored idea, with its
   * history event, its inbox and revisit entries and whatever the change carries (notification,
   * pilot, merge job), all or nothing, and only while the stored idea is still at the version and
   * status it was read with.
   */
  async transition(change: Transition): Promise<Idea> {
    this.log.push(`store.transition ${change.idea.id} ${change.to}`);
    const { idea, to, actor, at } = change;
    const current = this.ideas.get(idea.id);
    const version = idea.version + 1;
    if (
      current === undefined ||
      current.version !== idea.version ||
      current.status !== idea.status ||
      this.events.some((event) => event.ideaId === idea.id && event.version === version) ||
      (change.requireStatus !== undefined && !change.requireStatus.statuses.includes(this.ideas.get(change.requireStatus.ideaId)?.status ?? 'withdrawn'))
    ) {
      throw new VersionConflictError({ kind: 'idea', id: idea.id, expectedVersion: idea.version }, `Idea ${idea.id} changed since version ${idea.version}`);
    }
    if (change.notification !== undefined && this.notifications.notifications.has(change.notification.id)) {
      throw transactionCanceled(`notification ${change.notification.id} exists`);
    }
    if (change.pilot !== undefined && this.pilots.has(change.pilot.id)) throw transactionCanceled(`pilot ${change.pilot.id} exists`);

    const updated = ideaAfter(idea, { to, at, set: change.set });
    this.ideas.set(updated.id, stored(updated));
    this.events.push(stored({
      ideaId: updated.id,
      version,
      at,
      from: idea.status,
      to,
      actor,
      ...(change.reason === undefined ? {} : { reason: change.reason }),
      ...(change.change === undefined ? {} : { change: change.change }),
      ...(change.decision === undefined ? {} : { decision: change.decision }),
      ...(change.answer === undefined ? {} : { answer: change.answer }),
    }));
    if (change.notification !== undefined) this.notifications.notifications.set(change.notification.id, stored(change.notification));
    if (change.pilot !== undefined) {
      const { pilot } = change;
      this.pilots.set(pilot.id, stored(pilot));
      // As the adapter (newPilotItems, shared/store/pilots.ts): the pilot's first history event, `created`.
      this.pilotEvents.push(stored({ pilotId: pilot.id, version: pilot.version, at, by: pilot.createdBy, change: 'created', from: pilot.stage, to: pilot.stage }));
    }
    if (change.mergeInto !== undefined) this.mergeJobs.set(idea.id, { ideaId: idea.id, into: change.mergeInto, at });
    // The adapter hands back the idea it built, before the document client dropped its undefined attributes.
    return structuredClone(updated);
  }

  /** One page of the ideas in a status, oldest change first. */
  async listByStatus(status: IdeaStatus, limit: number, cursor?: string): Promise<Page<Idea>> {
    return page(this.onStatusList(status), limit, cursor, statusPartition(status));
  }

  async listIdsInStatus(status: IdeaStatus, limit: number, cursor?: string): Promise<Page<string>> {
    this.log.push(`store.listIdsInStatus ${status}`);
    return page(this.onStatusList(status).map((idea) => idea.id), limit, cursor, statusPartition(status));
  }

  async listInStatusSince(status: IdeaStatus, changedBefore: string, limit: number): Promise<Idea[]> {
    return this.onStatusList(status)
      .filter((idea) => statusSortKey(idea) < changedBefore)
      .slice(0, limit)
      .map((idea) => structuredClone(idea));
  }

  async recordRequeue(idea: Idea): Promise<void> {
    this.log.push(`store.recordRequeue ${idea.id}`);
    const current = this.ideas.get(idea.id);
    if (current === undefined || current.status !== idea.status || current.version !== idea.version) return;
    current.requeueCount = idea.requeueCount + 1;
  }

  /** The inbox entries are derived from the ideas exactly as the adapter writes them (shared/store/derived-items.ts). */
  async listInbox(list: InboxList, sort: InboxSort, limit: number, cursor?: string): Promise<Page<InboxRow>> {
    const partition = inboxPartition(list, sort);
    const entries = this.derivedItems()
      .filter((item) => item.PK === partition)
      .sort((a, b) => byKey(a.SK, b.SK))
      .map((item) => item['row'] as InboxRow);
    return page(entries, limit, cursor, partition);
  }

  async addComment(comment: Comment, notification?: Notification): Promise<void> {
    this.log.push(`store.addComment ${comment.ideaId} ${comment.visibility}`);
    if (this.comments.some((other) => other.ideaId === comment.ideaId && commentSortKey(other) === commentSortKey(comment))) {
      throw transactionCanceled(`comment ${comment.id} exists`);
    }
    if (notification !== undefined && this.notifications.notifications.has(notification.id)) throw transactionCanceled(`notification ${notification.id} exists`);
    this.comments.push(stored(comment));
    if (notification !== undefined) this.notifications.notifications.set(notification.id, stored(notification));
  }

  async addSupporter(ideaId: string, supporterHash: string, at: string): Promise<boolean> {
    this.log.push(`store.addSupporter ${ideaId}`);
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

  async listPendingMerges(before: string, limit: number): Promise<PendingMerge[]> {
    return [...this.mergeJobs.values()]
      .filter((merge) => mergeSortKey(merge) < before)
      .sort((a, b) => byKey(mergeSortKey(a), mergeSortKey(b)))
      .slice(0, limit)
      .map((merge) => structuredClone(merge));
  }

  async completeMerge(ideaId: string): Promise<void> {
    this.log.push(`store.completeMerge ${ideaId}`);
    this.mergeJobs.delete(ideaId);
  }

  async listDueRevisits(day: string, limit: number): Promise<string[]> {
    return this.derivedItems()
      .filter((item) => item.PK === REVISIT_PARTITION && item.SK < `${day}$`)
      .sort((a, b) => byKey(a.SK, b.SK))
      .slice(0, limit)
      .map((item) => String(item['ideaId']));
  }

  /** The ideas on the status index's list of `status`, in its order: the partition the adapter writes each idea to (ideaToItem) decides. */
  private onStatusList(status: IdeaStatus): Idea[] {
    return [...this.ideas.values()].filter((idea) => ideaToItem(idea)['GSI1PK'] === statusPartition(status)).sort((a, b) => byKey(statusSortKey(a), statusSortKey(b)));
  }

  private derivedItems(): ReturnType<typeof derivedItems> {
    return [...this.ideas.values()].flatMap((idea) => derivedItems(idea));
  }
}

const statusSortKey = (idea: Pick<Idea, 'statusChangedAt' | 'id'>) => `${idea.statusChangedAt}#${idea.id}`;
const commentSortKey = (comment: Pick<Comment, 'at' | 'id'>) => `${comment.at}#${comment.id}`;
const mergeSortKey = (merge: PendingMerge) => `${merge.at}#${merge.ideaId}`;

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

/** The duplicate index in memory, with the same reading order as the DynamoDB one. */
export class InMemorySimilarityIndex implements SimilarityIndex {
  readonly bands = new Map<string, string[]>();

  async add(ideaId: string, bands: readonly BandEntry[]): Promise<void> {
    for (const band of bands) {
      const sortKeys = new Set([...(this.bands.get(band.key) ?? []), `${band.sort}#${ideaId}`]);
      this.bands.set(band.key, [...sortKeys].sort());
    }
  }

  async lookup(bands: readonly BandEntry[], maxPerBand: number): Promise<string[][]> {
    return bands.map((band) => {
      const sortKeys = this.bands.get(band.key) ?? [];
      const fromOwnValue = sortKeys.filter((sortKey) => sortKey >= band.sort).slice(0, maxPerBand);
      const fromStart = fromOwnValue.length < maxPerBand ? sortKeys.filter((sortKey) => sortKey < band.sort).slice(0, maxPerBand - fromOwnValue.length) : [];
      return [...fromOwnValue, ...fromStart].map((sortKey) => sortKey.slice(sortKey.indexOf('#') + 1));
    });
  }
}

/**
 * Pilots in memory, sharing the idea store's pilots (accepting an idea creates one there), with
 * the adapter's guarantees: a change only lands on the version it was read at; lists and
 * learnings are derived exactly as the adapter writes them; the pipeline totals are a recount.
 */
export class InMemoryPilotStore implements PilotStore {
  readonly ideaStore: InMemoryIdeaStore;
  readonly gates: { pilotId: string; version: number; gate: GateRecord }[] = [];
  settings: StoredGateSettings = { ...structuredClone(DEFAULT_GATES), version: 0, updatedAt: '', updatedBy: 'system' };
  readonly log: string[];

  constructor(ideaStore: InMemoryIdeaStore = new InMemoryIdeaStore()) {
    this.ideaStore = ideaStore;
    this.log = ideaStore.log;
  }

  get pilots(): Map<string, Pilot> {
    return this.ideaStore.pilots;
  }

  /** The pilots' history events, shared with the idea store, whose accept writes a pilot's first one. */
  get events(): PilotEvent[] {
    return this.ideaStore.pilotEvents;
  }

  seed(...pilots: Pilot[]): this {
    for (const pilot of pilots) this.pilots.set(pilot.id, stored(pilot));
    return this;
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
    const partition = pilotListPartition(list, sort);
    const rows = [...this.pilots.values()]
      .flatMap((pilot) => pilotDerivedItems(pilot))
      .filter((item) => item.PK === partition)
      .sort((a, b) => byKey(a.SK, b.SK))
      .map((item) => item['row'] as PilotRow);
    return page(rows, limit, cursor, partition);
  }

  async listLearnings(): Promise<Learning[]> {
    return [...this.pilots.values()].flatMap((pilot) => {
      const learning = learningOf(pilot);
      return learning === undefined ? [] : [structuredClone(learning)];
    });
  }

  async pipelineTotals(): Promise<Contribution> {
    return recount(this.ideaStore.ideas.values(), this.pilots.values());
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

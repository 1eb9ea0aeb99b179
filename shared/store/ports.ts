/**
 * The store's ports: every storage interface the use cases call, the records they pass, one page
 * of a list, and the one error for "somebody changed it first". The DynamoDB adapters beside this
 * file (./ideas.ts, ./pilots.ts, …) implement them; the in-memory fakes of the unit tests
 * (test/unit/support/fakes.ts) implement them too.
 *
 * One file, not a folder of them: it holds declarations only, read as one contract, and "a use
 * case imports only ./ports.ts from the store" stays a rule one line of lint can check
 * (eslint.config.js). It imports nothing but types, so loading it loads neither DynamoDB nor the
 * AWS SDK, and no adapter can lead back to it in a cycle.
 */
import type { Idea, IdeaDecision, IdeaEvent, IdeaStatus, Actor } from '../domain/idea.ts';
import type { InboxList, InboxRow, InboxSort } from '../domain/inbox.ts';
import type { Comment, Notification } from '../domain/notification.ts';
import type { Pilot, PilotEvent, GateRecord } from '../domain/pilot.ts';
import type { PilotList, PilotRow, PilotSort } from '../domain/pilot-lists.ts';
import type { GateSettings, StoredGateSettings } from '../domain/gates.ts';
import type { Learning } from '../domain/learnings.ts';
import type { Contribution } from '../domain/pipeline.ts';
import type { Strategy, StrategyContent } from '../domain/strategy/strategy.ts';
import type { BandEntry } from '../domain/duplicates/lsh.ts';
import type { RescoreJob } from '../domain/rescore.ts';
import type { MailSuppression, NotSentReason } from '../domain/mail-suppression.ts';
import type { LimitedAction, UsageWindow } from '../domain/usage-limits.ts';

// ---------------------------------------------------------------------------------------------
// Lists, and conflicts

/**
 * A cursor as the store makes and reads it: DynamoDB's LastEvaluatedKey as base64url JSON. Only
 * the store's `encodeCursor` and `CursorSeal.open` make one (./cursor.ts), so a route cannot hand
 * a client's text to the store without opening it.
 */
export type StoreCursor = string & { readonly __brand: 'StoreCursor' };

/** One page of a list; `nextCursor` is the store's own, which a route seals before a client sees it (./cursor.ts). */
export interface Page<T> {
  items: T[];
  nextCursor?: StoreCursor;
}

/** What a conditional write found changed since it was read. */
export interface VersionConflict {
  /** An idea or a pilot (each with its `id`), or one of the documents there is one of: the gate settings, the strategy. */
  kind: 'idea' | 'pilot' | 'gate-settings' | 'strategy';
  id?: string;
  /** The version the writer read, which is no longer the current one. */
  expectedVersion: number;
}

/**
 * Somebody changed it first: a write conditional on the version it was read at found another
 * version (or, for an idea, another status), so nothing was written. A route answers 412; a
 * background job reads again or moves on. What conflicted is data on the error, not its class.
 */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  readonly conflict: VersionConflict;

  constructor(conflict: VersionConflict, message: string, options?: ErrorOptions) {
    super(message, options);
    this.conflict = conflict;
  }
}

/**
 * A cursor the store did not issue for this list (or that the server did not seal): nothing was
 * read. A route answers 400 `invalid-cursor` (shared/http/refusals.ts).
 */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';

  constructor() {
    super('The cursor was not issued for this list');
  }
}

// ---------------------------------------------------------------------------------------------
// Ideas

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

/**
 * What one store adds to another store's change, to be written in the same transaction or not at
 * all: the pilot an accepted idea becomes, the e-mail a change sends, a merge still to carry its
 * supporters over, a check that another idea is still open. A store makes one (`creation`,
 * `mergeJob`, `statusCheck`); only the change it is handed to carries it out, with its own items,
 * in one transaction (./compose.ts). Opaque to the use cases: they join parts, never read them.
 */
export interface TransactionPart {
  /** What the part writes or checks, for logs and errors. */
  readonly describes: string;
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
}

/** An idea with its history: what its page shows besides the conversation. */
export interface IdeaWithHistory {
  idea: Idea;
  history: IdeaEvent[];
}

/** Everything about one idea that its page shows: the idea, its history, its first page of comments, its number of supporters. */
export interface IdeaRecord extends IdeaWithHistory {
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

/** The ideas' storage port: an idea's submission, its changes, and the lists it is on. The DynamoDB adapter is ./ideas.ts. */
export interface IdeaStore {
  submit(idea: Idea, event: IdeaEvent, idempotency?: IdempotencyRecord): Promise<SubmitOutcome>;
  getIdea(id: string): Promise<Idea | undefined>;
  /** Several ideas by id, in no particular order; ids that do not exist are left out. */
  getIdeas(ids: readonly string[]): Promise<Idea[]>;
  /** The idea with its whole history, oldest event first. */
  getIdeaWithHistory(id: string): Promise<IdeaWithHistory | undefined>;
  /** The idempotency record stored under the key hash, if any (a submit refused by the per-person limit may still be a retry). */
  getIdempotencyRecord(keyHash: string): Promise<IdempotencyRecord | undefined>;
  listBySubmitter(sub: string, limit: number, cursor?: StoreCursor): Promise<Page<Idea>>;
  /**
   * Changes the idea, writing its history event, its inbox and revisit entries, its share of the
   * pipeline counters and every part given `alongside`, in one transaction. Throws
   * VersionConflictError (kind `idea`) when somebody changed the idea, or a status check among
   * the parts failed, first.
   */
  transition(change: Transition, ...alongside: TransactionPart[]): Promise<Idea>;
  /** A check, inside another change's transaction, that an idea is still in one of these statuses (a merge's target). */
  statusCheck(ideaId: string, statuses: readonly IdeaStatus[]): TransactionPart;
  /** Ideas on the status index's list of `status` since before `changedBefore`, oldest first (ideas given up in intake are not on `submitted`'s). */
  listInStatusSince(status: IdeaStatus, changedBefore: string, limit: number): Promise<Idea[]>;
  /** One page of the ideas in a status, oldest change first. */
  listByStatus(status: IdeaStatus, limit: number, cursor?: StoreCursor): Promise<Page<Idea>>;
  /** One page of the ids of the ideas in a status, oldest change first; up to `limit`, fewer when the page reaches 1 MB of ideas. */
  listIdsInStatus(status: IdeaStatus, limit: number, cursor?: StoreCursor): Promise<Page<string>>;
  recordRequeue(idea: Idea): Promise<void>;
  /** One page of an inbox list in one order. */
  listInbox(list: InboxList, sort: InboxSort, limit: number, cursor?: StoreCursor): Promise<Page<InboxRow>>;
}

/** The conversation about an idea: its comments and its supporters (./conversation.ts). */
export interface ConversationStore {
  /** Stores a comment, with the parts given `alongside` (the e-mail that carries it to the submitter), in one transaction. */
  addComment(comment: Comment, ...alongside: TransactionPart[]): Promise<void>;
  /** One page of an idea's comments, oldest first; the cursor only works for that idea's comments. */
  listComments(ideaId: string, limit: number, cursor?: StoreCursor): Promise<Page<Comment>>;
  /** Records one person's support, once: false when they supported the idea before. */
  addSupporter(ideaId: string, supporterHash: string, at: string): Promise<boolean>;
  /** How many people support the idea. */
  getSupportCount(ideaId: string): Promise<number>;
  /** The hashes of an idea's supporters. */
  listSupporters(ideaId: string): Promise<string[]>;
}

/** Work a change leaves behind for the background jobs: merges to finish, parked ideas to bring back (./background-work.ts). */
export interface BackgroundWorkStore {
  /** A merge whose supporters are still to be carried over, written with the decision that merges (`IdeaStore.transition`). */
  mergeJob(merge: PendingMerge): TransactionPart;
  /** Merges whose supporters are still being carried over, oldest first. */
  listPendingMerges(before: string, limit: number): Promise<PendingMerge[]>;
  completeMerge(ideaId: string): Promise<void>;
  /** Ids of parked ideas due back in the inbox on or before `day` (YYYY-MM-DD). */
  listDueRevisits(day: string, limit: number): Promise<string[]>;
}

// ---------------------------------------------------------------------------------------------
// Pilots and the pipeline

/** Everything the pilot's page shows; one Query of its partition. */
export interface PilotRecord {
  pilot: Pilot;
  history: PilotEvent[];
  gates: GateRecord[];
}

/** A change of a pilot: what it was read as, what it becomes (already versioned), and its history event. */
export interface PilotChange {
  before: Pilot;
  after: Pilot;
  event: PilotEvent;
  /** Written with the change: the gate decision behind it. */
  gate?: GateRecord;
}

/** The pilots' storage port; the DynamoDB adapter (./pilots.ts) is the one the functions use. */
export interface PilotStore {
  /** A new pilot with its first history event (`created`), its list entries and its share of the counters, written with the decision that accepts its idea. */
  creation(pilot: Pilot): TransactionPart;
  getPilot(id: string): Promise<Pilot | undefined>;
  getPilotRecord(id: string): Promise<PilotRecord | undefined>;
  /** Throws VersionConflictError (kind `pilot`) when the pilot is no longer at `before.version`. */
  save(change: PilotChange): Promise<void>;
  listPilots(list: PilotList, sort: PilotSort, limit: number, cursor?: StoreCursor): Promise<Page<PilotRow>>;
  /** The learnings of every stopped and realised pilot. */
  listLearnings(): Promise<Learning[]>;
  gateSettings(): Promise<StoredGateSettings>;
  /**
   * Stores the settings as the next version, if `expectedVersion` is still the current one;
   * otherwise throws VersionConflictError (kind `gate-settings`).
   */
  replaceGateSettings(settings: GateSettings, expectedVersion: number, by: string, at: string): Promise<StoredGateSettings>;
}

/** The pipeline counters: every change of an idea or a pilot adds its share in its own transaction; this reads the sums (./pipeline.ts). */
export interface PipelineStore {
  /** The counters summed over their shards. */
  totals(): Promise<Contribution>;
}

// ---------------------------------------------------------------------------------------------
// The strategy

/** The strategy's storage port: every version is kept; the newest is the current one. */
export interface StrategyStore {
  current(): Promise<Strategy>;
  version(version: number): Promise<Strategy | undefined>;
  /** Every version, newest first, a page at a time (one Query of the strategy's partition). */
  listVersions(limit: number, cursor?: StoreCursor): Promise<Page<Strategy>>;
  /**
   * Stores `content` as the next version, if `expectedVersion` is still the current one;
   * otherwise throws VersionConflictError (kind `strategy`).
   */
  replace(content: StrategyContent, expectedVersion: number, createdBy: string, at: string): Promise<Strategy>;
}

// ---------------------------------------------------------------------------------------------
// Duplicates and re-scoring

/**
 * The duplicate index: for every MinHash band of an idea's text, the ideas filed under it. Ideas
 * that share a band are candidates for being the same idea (./similarity-index.ts).
 */
export interface SimilarityIndex {
  /** Files an idea under its bands; idempotent (the same items are written again). */
  add(ideaId: string, bands: readonly BandEntry[]): Promise<void>;
  /** For each band, the ids of up to `maxPerBand` ideas, read from the band's own sort value onwards. */
  lookup(bands: readonly BandEntry[], maxPerBand: number): Promise<string[][]>;
}

/** The progress of a re-scoring job (shared/triage/rescore.ts, ./rescore-jobs.ts). */
export interface RescoreJobStore {
  create(job: Pick<RescoreJob, 'id' | 'strategyVersion' | 'startedAt' | 'startedBy'>): Promise<void>;
  /** Counts pages (and their ideas) just queued. */
  addQueued(jobId: string, pages: number, ideas: number): Promise<void>;
  /** Every page is queued. */
  finishQueueing(jobId: string, at: string): Promise<void>;
  /** Page `page` is done; idempotent. */
  markPageDone(jobId: string, page: number): Promise<void>;
  markSuperseded(jobId: string, at: string): Promise<void>;
  get(jobId: string): Promise<RescoreJob | undefined>;
}

// ---------------------------------------------------------------------------------------------
// E-mail

/** A notification as stored: pending (in the status index's PENDING#notification list) until it is delivered. */
export interface StoredNotification extends Notification {
  sentAt?: string;
  /** How many times the sweeper has queued it again. */
  requeues?: number;
  /** When the sweeper gave up on it (logged for a person to look at). */
  abandonedAt?: string;
  /** When the notify worker decided not to send it, because its address is undeliverable. */
  notSentAt?: string;
  notSentReason?: NotSentReason;
}

/** A notification still waiting to be delivered. */
export interface PendingNotification {
  id: string;
  requeues: number;
}

/** The notifications' storage port. */
export interface NotificationStore {
  get(id: string): Promise<StoredNotification | undefined>;
  /** A new notification, pending until sent, written with the change it tells about. */
  creation(notification: Notification): TransactionPart;
  /** Stores a notification of its own (not part of a change), once: false when it exists already. */
  create(notification: Notification): Promise<boolean>;
  /** Marks a notification delivered and takes it off the pending list; a no-op when it was marked before. */
  markSent(id: string, at: string): Promise<void>;
  /** Notifications created before `before` and not yet delivered, oldest first. */
  listPending(before: string, limit: number): Promise<PendingNotification[]>;
  /** Counts one more re-queue by the sweeper. */
  recordRequeue(id: string): Promise<void>;
  /** Takes a notification that kept failing off the pending list, keeping it for a person to look at. */
  abandon(id: string, at: string): Promise<void>;
  /** Takes a notification that will not be sent off the pending list, with the reason; a no-op once it is sent. */
  markNotSent(id: string, reason: NotSentReason, at: string): Promise<void>;
}

/** The addresses SES reported undeliverable, one item each (./suppressions.ts). */
export interface MailSuppressionStore {
  /** Marks the address undeliverable; false when it was already (the first report is kept). */
  suppress(suppression: MailSuppression): Promise<boolean>;
  /** The suppression of an address, in any case or Unicode form; undefined when it may be mailed. */
  find(address: string): Promise<MailSuppression | undefined>;
}

// ---------------------------------------------------------------------------------------------
// Per-person limits

/** One use of a limited action by one person (by the keyed hash of their subject) in one window. */
export interface UsageCharge {
  subjectHash: string;
  action: LimitedAction;
  window: UsageWindow;
  /** The most uses the window may count. */
  limit: number;
}

/** The per-person counts' storage port; the DynamoDB adapter (./usage-limits.ts) is the one the functions use. */
export interface UsageCounterStore {
  /**
   * Counts one use, unless the window's count has already reached the limit: true when counted,
   * false when refused (and then nothing was written).
   */
  add(charge: UsageCharge): Promise<boolean>;
  /** Takes back one use counted by `add` (a submit that turned out to be a retry of an earlier one); nothing when there is none to take. */
  giveBack(charge: UsageCharge): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Personal data

/** A stored item as the GDPR routes and the retention job read it: its attributes, keys included. */
export type Item = Record<string, unknown>;

/** What an erasure does to one item that names the person (decided by `itemErasure`, ./personal-data.ts). */
export type ItemErasure =
  /** An idea: rewritten through the idea store, as a change of its own with a history event (shared/privacy/erase.ts). */
  | { kind: 'idea'; id: string }
  | { kind: 'delete'; item: Item }
  | { kind: 'replace'; before: Item; after: Item };

/** An erasure as its audit record keeps it: when it was asked for and done, and what it changed; never whom it erased. */
export interface ErasureRecord {
  id: string;
  /** A keyed hash of the person who asked (purpose `erasure`), so only they can read its progress; not one of the hashes their data is kept under. */
  requesterHash: string;
  requestedAt: string;
  status: 'pending' | 'done';
  completedAt?: string;
  /** Full reads of the table until one found nothing left to change. */
  passes?: number;
  rewritten?: number;
  deleted?: number;
  ideas?: number;
}

/** The person's items as the export reads them: their ideas' partitions, their support and their e-mails. */
export interface PersonalDataStore {
  /** Every item of the table, a page at a time, read consistently. */
  scan(): AsyncIterable<Item[]>;
  /** Applies one item's erasure; false when the item changed since it was read (it is met again on the next pass). */
  apply(erasure: Exclude<ItemErasure, { kind: 'idea' }>): Promise<boolean>;
  /** Every item of an idea's partition (the idea, its history, comments, supporters). */
  ideaPartition(ideaId: string): Promise<Item[]>;
  /** The supporter items of one supporter, newest first. */
  supportedBy(supporterHash: string): Promise<Item[]>;
  /** Notifications by id; ids that do not exist are left out. */
  notifications(ids: readonly string[]): Promise<Item[]>;
  /** Ids of the ideas that ended in `status` after `after` and before `before` (status index sort values `<at>#<id>`), oldest first. */
  listEndedBetween(status: IdeaStatus, after: string, before: string, limit: number): Promise<{ id: string; sortValue: string }[]>;
  getRetentionMark(status: IdeaStatus): Promise<string | undefined>;
  setRetentionMark(status: IdeaStatus, through: string): Promise<void>;
  createErasure(record: ErasureRecord): Promise<void>;
  getErasure(id: string): Promise<ErasureRecord | undefined>;
  completeErasure(id: string, report: Required<Pick<ErasureRecord, 'completedAt' | 'passes' | 'rewritten' | 'deleted' | 'ideas'>>): Promise<void>;
}

/**
 * Every kind of item in the table, declared once: its key (and index keys), its type marker, how
 * a value becomes an item and an item a value, and the queries that list it. The adapters beside
 * this file read and write items only through these declarations; the handler tests' table
 * helpers and the in-memory fakes call them too, so no other file knows a key's shape.
 *
 * | item                | PK                   | SK              | GSI1 (byStatus)              | GSI2 (bySubmitter)           |
 * |---------------------|----------------------|-----------------|------------------------------|------------------------------|
 * | idea                | IDEA#<id>            | META            | STATUS#<status>, <changed>#<id> | SUBMITTER#<sub>, <created>#<id> |
 * | idea, intake given up | IDEA#<id>          | META            | STATUS#submitted#abandoned, <changed>#<id> | as an idea |
 * | history event       | IDEA#<id>            | EVENT#<version> |                              |                              |
 * | comment             | IDEA#<id>            | COMMENT#<at>#<comment id> |                    |                              |
 * | supporter           | IDEA#<id>            | SUPPORTER#<hash of sub>   |                    | SUPPORTS#<hash of sub>, <at>#<id> |
 * | supporter count     | IDEA#<id>            | SUPPORTERS      |                              |                              |
 * | pending merge       | IDEA#<id>            | MERGE           | PENDING#merge, <at>#<id>     |                              |
 * | idempotency record  | IDEMPOTENCY#<hash>   | META            |                              |                              |
 * | inbox entry         | INBOX#<list>#<sort>  | <sort value>    |                              |                              |
 * | revisit entry       | REVISIT              | <day>#<id>      |                              |                              |
 * | notification        | NOTIFICATION#<id>    | META            | PENDING#notification, <at>#<id> (until sent) |              |
 * | pilot               | PILOT#<id>           | META            |                              |                              |
 * | pilot history event | PILOT#<id>           | EVENT#<version> |                              |                              |
 * | gate decision       | PILOT#<id>           | GATE#<version>  |                              |                              |
 * | pilot list entry    | PILOTS#<list>#<sort> (PILOTS#held#s=hold_until: the pilots on hold) | <sort value> |  |                              |
 * | learning            | LEARNINGS            | <pilot id>      |                              |                              |
 * | pipeline counters   | PIPELINE             | SHARD#<nn>      |                              |                              |
 * | gate settings       | SETTINGS             | GATES           |                              |                              |
 * | strategy version    | STRATEGY             | VERSION#<n>     |                              |                              |
 * | similarity band     | SIMILAR#<band key>   | <sort>#<id>     |                              |                              |
 * | mail suppression    | MAIL_SUPPRESSION#<normalised address> | META |                   |                              |
 * | re-scoring job      | RESCORE              | JOB#<job id>    |                              |                              |
 * | erasure (audit)     | ERASURE#<id>         | META            |                              |                              |
 * | retention progress  | RETENTION            | STATUS#<status> |                              |                              |
 * | usage count         | USAGE#<HMAC of sub>  | <action>#<window start> |                      | (expiresAt: the window's end, TTL) |
 * | development outbox  | DEV_OUTBOX           | <sent at>#<id>  | (the local runtime's alone: infra/local/outbox.ts) |       |
 *
 * An idea and its history share a partition, so one Query reads both; so do a pilot, its history
 * and its gate decisions.
 *
 * Two shapes of item, and why both: most values are stored flat, their own attributes beside the
 * keys, and read back through the list of their fields (`flat`); a pilot, its events, its gate
 * decisions, the list entries, a learning and the gate settings are stored nested under one
 * attribute (`nested`). Both are how the items already stored in every deployed table look, and
 * changing one would need a migration of that data; declared here, the difference is in one place.
 *
 * Hand-written, not ElectroDB or dynamodb-toolbox (docs/architecture.md, "Entities declared once",
 * says why): ElectroDB writes a version identifier of its own into every item and builds keys only
 * from templates of stored attributes; dynamodb-toolbox keeps this layout only with its entity
 * attribute and timestamps off, these key functions supplied as plain attributes and every field
 * of an idea declared again, which leaves it little to do but parse items a second time.
 */
import type { StoredGateSettings } from '../domain/gates.ts';
import type { Idea, IdeaEvent, IdeaStatus } from '../domain/idea.ts';
import { INBOX_SORTS, inboxListsOf, inboxRow, inboxSortValue, MOST_INBOX_LISTS, type InboxList, type InboxRow, type InboxSort } from '../domain/inbox.ts';
import { learningOf, type Learning } from '../domain/learnings.ts';
import { normaliseMailAddress, type MailSuppression } from '../domain/mail-suppression.ts';
import type { Comment } from '../domain/notification.ts';
import { MOST_PILOT_LIST_ENTRIES, pilotListsOf, pilotRow, pilotSortsOf, pilotSortValue, type PilotList, type PilotRow, type PilotSort } from '../domain/pilot-lists.ts';
import type { GateRecord, Pilot, PilotEvent } from '../domain/pilot.ts';
import type { RescoreJob } from '../domain/rescore.ts';
import type { Strategy } from '../domain/strategy/strategy.ts';
import type { ErasureRecord, IdempotencyRecord, PendingMerge, StoredNotification } from './ports.ts';
import { TABLE, type IndexDescription } from './table.ts';

export type Item = Record<string, unknown>;

/** An item's primary key (a type, not an interface, so it is an Item too). */
export type TableKey = { PK: string; SK: string };

/** A stored item: its key, its type marker and its attributes. */
export type StoredItem = TableKey & Item;

/**
 * Which items of one partition a query reads: those whose sort key starts with `beginsWith`, lies
 * `between` two values (both included), is `below` or `from` (at or above) a value. A cursor of the
 * query must lie in the same range (./partition.ts), so a cursor of one kind of item cannot step
 * into another kind that shares its partition.
 */
export type SortKeyRange = { beginsWith: string } | { between: readonly [string, string] } | { below: string } | { from: string };

/** One partition of the table or of an index, as a list of one kind of item reads it. */
export interface PartitionQuery {
  partition: string;
  index?: IndexDescription;
  sortKey?: SortKeyRange;
  /** Newest (highest sort key) first; oldest first otherwise. */
  newestFirst?: boolean;
}

/** Does a sort key lie in the range? As DynamoDB compares strings: by code unit, which is byte order for the table's keys. */
export function inRange(sortKey: string, range: SortKeyRange | undefined): boolean {
  if (range === undefined) return true;
  if ('beginsWith' in range) return sortKey.startsWith(range.beginsWith);
  if ('between' in range) return sortKey >= range.between[0] && sortKey <= range.between[1];
  if ('below' in range) return sortKey < range.below;
  return sortKey >= range.from;
}

/** One kind of item: how a value is keyed, marked and stored, and read back. */
interface Entity<Value, Stored = Value> {
  readonly type: string;
  toItem(value: Value): StoredItem;
  fromItem(item: Item): Stored;
}

/** The value's own attributes beside the keys, read back by its fields. */
function flat<Value extends object>(fields: readonly (keyof Value & string)[]) {
  return {
    write: (value: Value): Item => ({ ...(value as Item) }),
    read: (item: Item): Value => {
      const value: Item = {};
      for (const field of fields) if (item[field] !== undefined) value[field] = item[field];
      return value as Value;
    },
  };
}

/** The value under one attribute, with what else the item carries beside it (a version to condition on). */
function nested<Value, Stored>(attribute: string, of: (value: Value) => Stored, beside: (value: Value) => Item = () => ({})) {
  return {
    write: (value: Value): Item => ({ ...beside(value), [attribute]: of(value) }),
    read: (item: Item): Stored => item[attribute] as Stored,
  };
}

/** Declares one kind of item: keys first, then index keys, the type marker and the attributes, in that order in every item. */
function entity<Value, Stored = Value>(declaration: {
  type: string;
  key: (value: Value) => TableKey;
  indexes?: (value: Value) => Item;
  attributes: { write: (value: Value) => Item; read: (item: Item) => Stored };
}): Entity<Value, Stored> {
  return {
    type: declaration.type,
    toItem: (value) => ({ ...declaration.key(value), ...declaration.indexes?.(value), type: declaration.type, ...declaration.attributes.write(value) }),
    fromItem: (item) => declaration.attributes.read(item),
  };
}

/** A version in a sort key: zero-padded, so versions sort in order as text. */
const padded = (version: number, width = 6) => String(version).padStart(width, '0');

export const META = 'META';

/**
 * Text as part of a key: URI-encoded, so no text can fake another key. Encoded as well-formed
 * Unicode (a lone UTF-16 surrogate becomes U+FFFD first), because `encodeURIComponent` throws
 * on a lone surrogate, and a key built from stored data must never throw: input is refused
 * unless well-formed (shared/schemas/text.ts), but an item stored before that check, or written
 * by other means, is still read, listed and moved on.
 */
export const keyText = (text: string) => encodeURIComponent(text.toWellFormed());

/** A query of one partition of the status index. */
const byStatusIndex = (partition: string, sortKey?: SortKeyRange): PartitionQuery => ({ partition, index: TABLE.indexes.byStatus, ...(sortKey === undefined ? {} : { sortKey }) });

// ---------------------------------------------------------------------------------------------
// An idea's partition: the idea, its history, comments, supporters, supporter count, merge job.

const ideaPartition = (id: string) => `IDEA#${id}`;
const STATUS = 'STATUS#';
const EVENT = 'EVENT#';
const COMMENT = 'COMMENT#';
const SUPPORTER = 'SUPPORTER#';
const PENDING = 'PENDING#';

const IDEA_FIELDS = [
  'id', 'kind', 'title', 'description', 'department', 'language', 'anonymous', 'submitter', 'followUpTokenHash',
  'friction', 'frictionHoursPerYear', 'figuresUnknown', 'status', 'createdAt', 'statusChangedAt', 'updatedAt', 'version', 'requeueCount',
  'themeAlignment', 'shingles', 'duplicateCandidates', 'resemblingPilots', 'scorecard', 'assignee', 'decision', 'intakeAbandonedAt',
] as const satisfies readonly (keyof Idea)[];

/**
 * Where an idea the sweeper gave up on is indexed: still `submitted`, but off the `submitted`
 * list, so the sweeper's reading of the oldest stuck ideas never meets it again.
 */
const ABANDONED_INTAKE = `${STATUS}submitted#abandoned`;

/** The status index's partition the idea is on (an idea whose intake was given up is on a list of its own). */
const statusListOf = (idea: Idea) => (idea.status === 'submitted' && idea.intakeAbandonedAt !== undefined ? ABANDONED_INTAKE : `${STATUS}${idea.status}`);

export const ideaEntity = {
  ...entity<Idea>({
    type: 'idea',
    key: (idea) => ideaEntityKey(idea.id),
    indexes: (idea) => ({
      [TABLE.indexes.byStatus.partitionKey]: statusListOf(idea),
      [TABLE.indexes.byStatus.sortKey]: `${idea.statusChangedAt}#${idea.id}`,
      ...(idea.submitter === undefined
        ? {}
        : { [TABLE.indexes.bySubmitter.partitionKey]: `SUBMITTER#${idea.submitter.sub}`, [TABLE.indexes.bySubmitter.sortKey]: `${idea.createdAt}#${idea.id}` }),
    }),
    attributes: flat(IDEA_FIELDS),
  }),
  key: (id: string) => ideaEntityKey(id),
  /** The status index's partition an idea is listed on. */
  statusList: statusListOf,
  /** The ideas in a status, oldest change first (optionally only those changed before, or between, two sort values `<at>#<id>`). */
  inStatus: (status: IdeaStatus, sortKey?: SortKeyRange): PartitionQuery => byStatusIndex(`${STATUS}${status}`, sortKey),
  /** A submitter's own ideas, newest first. */
  bySubmitter: (sub: string): PartitionQuery => ({ partition: `SUBMITTER#${sub}`, index: TABLE.indexes.bySubmitter, newestFirst: true }),
  /** The idea and its history, without its comments and supporters (`COMMENT#…` sorts before `EVENT#`, `SUPPORTER#…` after `MERGE` and `META`). */
  withHistory: (id: string): PartitionQuery => ({ partition: ideaPartition(id), sortKey: { between: [EVENT, SUPPORTER] } }),
  /** Every item of the idea's partition: the idea, its history, comments, supporters (the GDPR export and erasure). */
  wholePartition: (id: string): PartitionQuery => ({ partition: ideaPartition(id) }),
};

function ideaEntityKey(id: string): TableKey {
  return { PK: ideaPartition(id), SK: META };
}

const EVENT_FIELDS = ['ideaId', 'version', 'at', 'change', 'from', 'to', 'actor', 'reason', 'decision', 'answer'] as const satisfies readonly (keyof IdeaEvent)[];

/** Event n moved the idea to version n. */
export const ideaEventEntity = {
  ...entity<IdeaEvent>({ type: 'event', key: (event) => ideaEventKey(event.ideaId, event.version), attributes: flat(EVENT_FIELDS) }),
  key: (ideaId: string, version: number) => ideaEventKey(ideaId, version),
  /** Is this item of an idea's partition one of its history events? */
  isOne: (item: Item) => String(item[TABLE.sortKey]).startsWith(EVENT),
};

function ideaEventKey(ideaId: string, version: number): TableKey {
  return { PK: ideaPartition(ideaId), SK: `${EVENT}${padded(version)}` };
}

const COMMENT_FIELDS = ['id', 'ideaId', 'at', 'author', 'visibility', 'text'] as const satisfies readonly (keyof Comment)[];

export const commentEntity = {
  ...entity<Comment>({ type: 'comment', key: (comment) => commentKey(comment.ideaId, comment.at, comment.id), attributes: flat(COMMENT_FIELDS) }),
  key: (ideaId: string, at: string, id: string) => commentKey(ideaId, at, id),
  /** An idea's comments, oldest first. */
  ofIdea: (ideaId: string): PartitionQuery => ({ partition: ideaPartition(ideaId), sortKey: { beginsWith: COMMENT } }),
  isOne: (item: Item) => String(item[TABLE.sortKey]).startsWith(COMMENT),
};

function commentKey(ideaId: string, at: string, id: string): TableKey {
  return { PK: ideaPartition(ideaId), SK: `${COMMENT}${at}#${id}` };
}

/** One person's support of an idea: kept as a hash of their subject, so nobody reading the table sees who supports what. */
interface Support {
  ideaId: string;
  supporterHash: string;
  at: string;
}

export const supporterEntity = {
  ...entity<Support, Support>({
    type: 'supporter',
    key: (support) => supporterKey(support.ideaId, support.supporterHash),
    /**
     * Where a supporter item is found by its supporter (the GDPR export of their support): the
     * supporter's hash, never their subject, so the index links nobody without the deployment secret.
     */
    indexes: (support) => ({ [TABLE.indexes.bySubmitter.partitionKey]: `SUPPORTS#${support.supporterHash}`, [TABLE.indexes.bySubmitter.sortKey]: `${support.at}#${support.ideaId}` }),
    attributes: {
      write: (support) => ({ ideaId: support.ideaId, at: support.at }),
      read: (item) => ({ ideaId: String(item['ideaId']), supporterHash: supporterHashOf(item), at: String(item['at']) }),
    },
  }),
  key: (ideaId: string, supporterHash: string) => supporterKey(ideaId, supporterHash),
  /** An idea's supporters (their keys are enough: the hash is in the sort key). */
  ofIdea: (ideaId: string): PartitionQuery => ({ partition: ideaPartition(ideaId), sortKey: { beginsWith: SUPPORTER } }),
  /** One supporter's support, newest first. */
  bySupporter: (supporterHash: string): PartitionQuery => ({ partition: `SUPPORTS#${supporterHash}`, index: TABLE.indexes.bySubmitter, newestFirst: true }),
  /** The supporter's hash, from the item's sort key. */
  hashOf: (item: Item) => supporterHashOf(item),
  isOne: (item: Item) => String(item[TABLE.sortKey]).startsWith(SUPPORTER),
};

function supporterKey(ideaId: string, supporterHash: string): TableKey {
  return { PK: ideaPartition(ideaId), SK: `${SUPPORTER}${supporterHash}` };
}

function supporterHashOf(item: Item): string {
  return String(item[TABLE.sortKey]).slice(SUPPORTER.length);
}

/** How many people support an idea; added to (never put) in the transaction that adds a supporter. */
export const supportCountEntity = {
  ...entity<{ ideaId: string; count: number }, number>({
    type: 'support-count',
    key: ({ ideaId }) => supportCountKey(ideaId),
    attributes: { write: ({ count }) => ({ count }), read: (item) => Number(item['count'] ?? 0) },
  }),
  key: (ideaId: string) => supportCountKey(ideaId),
};

function supportCountKey(ideaId: string): TableKey {
  return { PK: ideaPartition(ideaId), SK: 'SUPPORTERS' };
}

/** A merge whose supporters are still to be carried over; on the status index's PENDING#merge list until done. */
export const mergeEntity = {
  ...entity<PendingMerge>({
    type: 'merge',
    key: (merge) => mergeKey(merge.ideaId),
    indexes: (merge) => pendingIndexKey('merge', merge.at, merge.ideaId),
    attributes: flat(['ideaId', 'into', 'at']),
  }),
  key: (ideaId: string) => mergeKey(ideaId),
  /** The merges pending since before `before` (a sort value `<at>#<id>`), oldest first. */
  pendingBefore: (before: string): PartitionQuery => byStatusIndex(`${PENDING}merge`, { below: before }),
};

function mergeKey(ideaId: string): TableKey {
  return { PK: ideaPartition(ideaId), SK: 'MERGE' };
}

/** Work that must still happen after a change, found by the sweeper through the status index. */
function pendingIndexKey(kind: 'merge' | 'notification', at: string, id: string): Item {
  return { [TABLE.indexes.byStatus.partitionKey]: `${PENDING}${kind}`, [TABLE.indexes.byStatus.sortKey]: `${at}#${id}` };
}

export const idempotencyEntity = {
  ...entity<IdempotencyRecord>({ type: 'idempotency', key: (record) => idempotencyKey(record.keyHash), attributes: flat(['keyHash', 'requestHash', 'ideaId', 'expiresAt']) }),
  key: (keyHash: string) => idempotencyKey(keyHash),
};

function idempotencyKey(keyHash: string): TableKey {
  return { PK: `IDEMPOTENCY#${keyHash}`, SK: META };
}

// ---------------------------------------------------------------------------------------------
// Derived from an idea: its inbox entries and its revisit entry.

/**
 * A list kept as entries (an inbox list, a pipeline list): one item per value in the list and
 * order, carrying the value's row, in a partition named by the list: its name, each narrowing it
 * has (`k=`, `d=`, …, its value URI-encoded, so no text can fake a key), and its order.
 */
interface ListEntry<List, Sort, Value> {
  list: List;
  sort: Sort;
  value: Value;
}

function listEntries<List, Sort extends string, Value, Row>(declaration: {
  type: string;
  name: (list: List) => string;
  narrowings: (list: List) => readonly (readonly [string, string | undefined])[];
  sortValue: (value: Value, sort: Sort) => string;
  row: (value: Value) => Row;
  /** Every list the value is on, and the orders each is kept in. */
  listsOf: (value: Value) => readonly List[];
  sortsOf: (list: List) => readonly Sort[];
  /** The most entries one value has (the transactions' sizes are computed from these bounds). */
  most: number;
}) {
  const partition = (list: List, sort: Sort) =>
    [declaration.name(list), ...declaration.narrowings(list).flatMap(([tag, value]) => (value === undefined ? [] : [`${tag}=${keyText(value)}`])), `s=${sort}`].join('#');
  return {
    ...entity<ListEntry<List, Sort, Value>, Row>({
      type: declaration.type,
      key: ({ list, sort, value }) => ({ PK: partition(list, sort), SK: declaration.sortValue(value, sort) }),
      attributes: nested('row', ({ value }) => declaration.row(value)),
    }),
    /** One list in one order. */
    list: (list: List, sort: Sort): PartitionQuery => ({ partition: partition(list, sort) }),
    /** Every entry of the value: one per list it is on and order that list is kept in. */
    of: (value: Value): ListEntry<List, Sort, Value>[] => declaration.listsOf(value).flatMap((list) => declaration.sortsOf(list).map((sort) => ({ list, sort, value }))),
    most: declaration.most,
  };
}

/**
 * An idea's place in one inbox list in one order: status, then kind, department and theme when the
 * list is narrowed by them, or the assignee's subject for the list of one assignee (see
 * shared/domain/inbox.ts).
 */
export const inboxEntryEntity = listEntries<InboxList, InboxSort, Idea, InboxRow>({
  type: 'inbox',
  name: (list) => `INBOX#${list.status}`,
  narrowings: (list) => [
    ['k', list.kind],
    ['d', list.department],
    ['t', list.theme],
    ['a', list.assignee],
  ],
  sortValue: inboxSortValue,
  row: inboxRow,
  listsOf: inboxListsOf,
  sortsOf: () => INBOX_SORTS,
  most: MOST_INBOX_LISTS * INBOX_SORTS.length,
});

const REVISIT = 'REVISIT';

/** A parked idea's place in the list of ideas to bring back to the inbox, by day. */
export const revisitEntity = {
  ...entity<{ ideaId: string; day: string }, string>({
    type: 'revisit',
    key: ({ ideaId, day }) => revisitKey(day, ideaId),
    attributes: { write: ({ ideaId }) => ({ ideaId }), read: (item) => String(item['ideaId']) },
  }),
  key: (day: string, ideaId: string) => revisitKey(day, ideaId),
  /** The ideas due on or before `day` (YYYY-MM-DD): every entry of `day` sorts before `day` followed by a character above '#'. */
  dueBy: (day: string): PartitionQuery => ({ partition: REVISIT, sortKey: { below: `${day}$` } }),
  /** The idea's entry while it is parked with a day to come back. */
  of: (idea: Idea): { ideaId: string; day: string }[] => (idea.status === 'parked' && idea.decision?.revisitOn !== undefined ? [{ ideaId: idea.id, day: idea.decision.revisitOn }] : []),
  most: 1,
};

function revisitKey(day: string, ideaId: string): TableKey {
  return { PK: REVISIT, SK: `${day}#${ideaId}` };
}

// ---------------------------------------------------------------------------------------------
// Notifications

const NOTIFICATION_FIELDS = [
  'id', 'kind', 'ideaId', 'to', 'language', 'subject', 'text', 'createdAt', 'sentAt', 'requeues', 'abandonedAt', 'notSentAt', 'notSentReason',
] as const satisfies readonly (keyof StoredNotification)[];

/** A notification still to be delivered: not sent, not given up on, not refused for its address. */
function isPendingNotification(notification: StoredNotification): boolean {
  return notification.sentAt === undefined && notification.abandonedAt === undefined && notification.notSentAt === undefined;
}

/** An e-mail, on the status index's PENDING#notification list until it is sent, given up, or not to be sent. */
export const notificationEntity = {
  ...entity<StoredNotification>({
    type: 'notification',
    key: (notification) => notificationKey(notification.id),
    indexes: (notification) => (isPendingNotification(notification) ? pendingIndexKey('notification', notification.createdAt, notification.id) : {}),
    attributes: flat(NOTIFICATION_FIELDS),
  }),
  key: (id: string) => notificationKey(id),
  /** Is the notification on the pending list: not sent, not given up on, not refused for its address? */
  isPending: isPendingNotification,
  /** The notifications pending since before `before` (a sort value `<at>#<id>`), oldest first. */
  pendingBefore: (before: string): PartitionQuery => byStatusIndex(`${PENDING}notification`, { below: before }),
  /** The attributes that put a notification on the pending list, which an update removes once it is settled. */
  pendingAttributes: [TABLE.indexes.byStatus.partitionKey, TABLE.indexes.byStatus.sortKey] as const,
};

function notificationKey(id: string): TableKey {
  return { PK: `NOTIFICATION#${id}`, SK: META };
}

// ---------------------------------------------------------------------------------------------
// A pilot's partition: the pilot, its history, its gate decisions.

const pilotPartition = (id: string) => `PILOT#${id}`;
const GATE = 'GATE#';

export const pilotEntity = {
  ...entity<Pilot>({
    type: 'pilot',
    key: (pilot) => pilotKey(pilot.id),
    // The version beside the pilot, for the condition of the next change.
    attributes: nested('pilot', (pilot) => pilot, (pilot) => ({ version: pilot.version })),
  }),
  key: (id: string) => pilotKey(id),
  /** The pilot, its history and its gate decisions. */
  wholePartition: (id: string): PartitionQuery => ({ partition: pilotPartition(id) }),
};

function pilotKey(id: string): TableKey {
  return { PK: pilotPartition(id), SK: META };
}

/** Event n moved the pilot to version n, as for ideas. */
export const pilotEventEntity = {
  ...entity<PilotEvent>({ type: 'pilot-event', key: (event) => pilotEventKey(event.pilotId, event.version), attributes: nested('event', (event) => event) }),
  key: (pilotId: string, version: number) => pilotEventKey(pilotId, version),
};

function pilotEventKey(pilotId: string, version: number): TableKey {
  return { PK: pilotPartition(pilotId), SK: `${EVENT}${padded(version)}` };
}

/** The gate decision that moved the pilot to `version`. */
export const gateRecordEntity = {
  ...entity<{ pilotId: string; version: number; gate: GateRecord }, GateRecord>({
    type: 'gate',
    key: ({ pilotId, version }) => gateRecordKey(pilotId, version),
    attributes: nested('gate', ({ gate }) => gate, ({ pilotId }) => ({ pilotId })),
  }),
  key: (pilotId: string, version: number) => gateRecordKey(pilotId, version),
};

function gateRecordKey(pilotId: string, version: number): TableKey {
  return { PK: pilotPartition(pilotId), SK: `${GATE}${padded(version)}` };
}

/** A pilot's place in one list of pilots in one order (see shared/domain/pilot-lists.ts). */
export const pilotListEntryEntity = listEntries<PilotList, PilotSort, Pilot, PilotRow>({
  type: 'pilot-entry',
  name: (list) => `PILOTS#${list.held === true ? 'held' : (list.stage ?? 'all')}`,
  narrowings: (list) => [
    ['t', list.theme],
    ['d', list.department],
    ['o', list.owner],
  ],
  sortValue: pilotSortValue,
  row: pilotRow,
  listsOf: pilotListsOf,
  sortsOf: pilotSortsOf,
  most: MOST_PILOT_LIST_ENTRIES,
});

const LEARNINGS = 'LEARNINGS';

/** What a stopped or realised pilot taught, for the search of learnings. */
export const learningEntity = {
  ...entity<Learning>({ type: 'learning', key: (learning) => learningKey(learning.pilotId), attributes: nested('learning', (learning) => learning) }),
  key: (pilotId: string) => learningKey(pilotId),
  all: (): PartitionQuery => ({ partition: LEARNINGS }),
  /** The pilot's learning, once it has one. */
  of: (pilot: Pilot): Learning[] => {
    const learning = learningOf(pilot);
    return learning === undefined ? [] : [learning];
  },
  most: 1,
};

function learningKey(pilotId: string): TableKey {
  return { PK: LEARNINGS, SK: pilotId };
}

/** The gate settings an admin stored; version 0, the shipped default, is not stored. */
export const gateSettingsEntity = {
  ...entity<StoredGateSettings>({ type: 'gate-settings', key: () => gateSettingsKey(), attributes: nested('settings', (settings) => settings, (settings) => ({ version: settings.version })) }),
  key: () => gateSettingsKey(),
};

function gateSettingsKey(): TableKey {
  return { PK: 'SETTINGS', SK: 'GATES' };
}

// ---------------------------------------------------------------------------------------------
// The pipeline counters

const PIPELINE = 'PIPELINE';

/** One of the shards the pipeline counters are spread over (./pipeline.ts); only ever added to, never put. */
export const pipelineShardEntity = {
  type: 'pipeline-shard',
  key: (shard: number): TableKey => ({ PK: PIPELINE, SK: `SHARD#${padded(shard, 2)}` }),
  all: (): PartitionQuery => ({ partition: PIPELINE }),
};

// ---------------------------------------------------------------------------------------------
// The strategy, the duplicate index, re-scoring

const STRATEGY = 'STRATEGY';
const VERSION = 'VERSION#';

/** Version n of the strategy; zero-padding keeps versions in order, so the newest is one Query away. */
export const strategyEntity = {
  ...entity<Strategy>({ type: 'strategy', key: (strategy) => strategyKey(strategy.version), attributes: flat(['version', 'name', 'period', 'themes', 'criteria', 'createdAt', 'createdBy']) }),
  key: (version: number) => strategyKey(version),
  /** Every version, newest first. */
  versions: (): PartitionQuery => ({ partition: STRATEGY, sortKey: { beginsWith: VERSION }, newestFirst: true }),
};

function strategyKey(version: number): TableKey {
  return { PK: STRATEGY, SK: `${VERSION}${padded(version)}` };
}

/**
 * One entry of the duplicate index: the idea shares this MinHash band with every other idea in
 * the partition; the sort value orders the band so a capped Query reads the closest ideas
 * (see shared/domain/duplicates/parameters.ts).
 */
export const similarityBandEntity = {
  ...entity<{ band: { key: string; sort: string }; ideaId: string }, string>({
    type: 'similarity-band',
    key: ({ band, ideaId }) => ({ PK: `SIMILAR#${band.key}`, SK: `${band.sort}#${ideaId}` }),
    attributes: { write: ({ ideaId }) => ({ ideaId }), read: (item) => String(item['ideaId']) },
  }),
  /** The band's ideas whose sort value is at or above `sort`, or below it. */
  from: (bandKey: string, sort: string): PartitionQuery => ({ partition: `SIMILAR#${bandKey}`, sortKey: { from: sort } }),
  below: (bandKey: string, sort: string): PartitionQuery => ({ partition: `SIMILAR#${bandKey}`, sortKey: { below: sort } }),
};

/** A re-scoring job's progress (./rescore-jobs.ts); job ids sort by the time they started. The pages done are a number set, so a page done twice counts once. */
export const rescoreJobEntity = {
  ...entity<Pick<RescoreJob, 'id' | 'strategyVersion' | 'startedAt' | 'startedBy'>, RescoreJob>({
    type: 'rescore-job',
    key: (job) => rescoreJobKey(job.id),
    attributes: {
      write: (job) => ({ id: job.id, strategyVersion: job.strategyVersion, startedAt: job.startedAt, startedBy: job.startedBy, pagesQueued: 0, ideasQueued: 0 }),
      read: (item) => ({
        id: String(item['id']),
        strategyVersion: Number(item['strategyVersion']),
        startedAt: String(item['startedAt']),
        startedBy: String(item['startedBy']),
        pagesQueued: Number(item['pagesQueued']),
        ideasQueued: Number(item['ideasQueued']),
        ...(item['queuedAt'] === undefined ? {} : { queuedAt: String(item['queuedAt']) }),
        pagesDone: (item['donePages'] as Set<number> | undefined)?.size ?? 0,
        ...(item['supersededAt'] === undefined ? {} : { supersededAt: String(item['supersededAt']) }),
      }),
    },
  }),
  key: (jobId: string) => rescoreJobKey(jobId),
};

function rescoreJobKey(jobId: string): TableKey {
  return { PK: 'RESCORE', SK: `JOB#${jobId}` };
}

// ---------------------------------------------------------------------------------------------
// E-mail suppression, personal data, usage limits

/**
 * An address SES reported undeliverable (a permanent bounce, or a complaint): keyed on the
 * address as compared (shared/domain/mail-suppression.ts), so the notify worker finds it with one
 * GetItem by the address it is about to mail, and a person can find and delete it by address.
 */
export const mailSuppressionEntity = {
  ...entity<MailSuppression>({
    type: 'mail-suppression',
    key: (suppression) => mailSuppressionKey(suppression.address),
    attributes: (() => {
      const { write, read } = flat<MailSuppression>(['address', 'reason', 'detail', 'at', 'feedbackId', 'notificationId']);
      return { write: (suppression: MailSuppression) => ({ ...write(suppression), address: normaliseMailAddress(suppression.address) }), read };
    })(),
  }),
  key: (address: string) => mailSuppressionKey(address),
};

function mailSuppressionKey(address: string): TableKey {
  return { PK: `MAIL_SUPPRESSION#${normaliseMailAddress(address)}`, SK: META };
}

/** An erasure of one person (`POST /me/erase`): its audit record, which never holds the person's subject. */
export const erasureEntity = {
  ...entity<ErasureRecord>({
    type: 'erasure',
    key: (record) => erasureKey(record.id),
    attributes: flat(['id', 'requesterHash', 'requestedAt', 'status', 'completedAt', 'passes', 'rewritten', 'deleted', 'ideas']),
  }),
  key: (id: string) => erasureKey(id),
};

function erasureKey(id: string): TableKey {
  return { PK: `ERASURE#${id}`, SK: META };
}

/** How far the retention job has removed personal data from the ideas that ended in `status` (shared/privacy/retention.ts). */
export const retentionMarkEntity = {
  ...entity<{ status: IdeaStatus; through: string }, string>({
    type: 'retention-mark',
    key: ({ status }) => retentionMarkKey(status),
    attributes: { write: ({ status, through }) => ({ status, through }), read: (item) => String(item['through']) },
  }),
  key: (status: IdeaStatus) => retentionMarkKey(status),
};

function retentionMarkKey(status: IdeaStatus): TableKey {
  return { PK: 'RETENTION', SK: `${STATUS}${status}` };
}

/**
 * Every usage count's partition starts with this, and nothing else's does: a function whose table
 * access is read-only may count (`countsUsage` in infra/system.ts) only on keys with it, which
 * IAM's `dynamodb:LeadingKeys` condition enforces in AWS and infra/local/grants.ts on a laptop.
 */
export const USAGE_PREFIX = 'USAGE#';

/**
 * One person's count of one limited action in one window (shared/domain/usage-limits.ts): the
 * partition is the keyed hash of their subject, never the subject, and the sort key the action and
 * the window's start (`submit#2026-01-08T08:00:00Z`). Only ever added to, never put.
 */
export const usageEntity = {
  type: 'usage',
  key: (subjectHash: string, action: string, windowLabel: string): TableKey => ({ PK: `${USAGE_PREFIX}${subjectHash}`, SK: `${action}#${windowLabel}` }),
};

/** Every declaration above whose items are put whole, for the tests that hold them to one layout. */
export const ENTITIES = {
  idea: ideaEntity,
  ideaEvent: ideaEventEntity,
  comment: commentEntity,
  supporter: supporterEntity,
  supportCount: supportCountEntity,
  merge: mergeEntity,
  idempotency: idempotencyEntity,
  inboxEntry: inboxEntryEntity,
  revisit: revisitEntity,
  notification: notificationEntity,
  pilot: pilotEntity,
  pilotEvent: pilotEventEntity,
  gateRecord: gateRecordEntity,
  pilotListEntry: pilotListEntryEntity,
  learning: learningEntity,
  gateSettings: gateSettingsEntity,
  strategy: strategyEntity,
  similarityBand: similarityBandEntity,
  rescoreJob: rescoreJobEntity,
  mailSuppression: mailSuppressionEntity,
  erasure: erasureEntity,
  retentionMark: retentionMarkEntity,
} as const;

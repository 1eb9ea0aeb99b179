import { expect } from 'vitest';
import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import type { StoredGateSettings } from '../../../shared/domain/gates.ts';
import type { Idea, IdeaEvent } from '../../../shared/domain/idea.ts';
import type { InboxList, InboxSort } from '../../../shared/domain/inbox.ts';
import type { Learning } from '../../../shared/domain/learnings.ts';
import type { MailSuppression } from '../../../shared/domain/mail-suppression.ts';
import type { Comment } from '../../../shared/domain/notification.ts';
import type { PilotList, PilotSort } from '../../../shared/domain/pilot-lists.ts';
import type { GateRecord, Pilot, PilotEvent } from '../../../shared/domain/pilot.ts';
import type { Strategy } from '../../../shared/domain/strategy/strategy.ts';
import {
  commentEntity,
  gateRecordEntity,
  gateSettingsEntity,
  ideaEntity,
  ideaEventEntity,
  inboxEntryEntity,
  learningEntity,
  mailSuppressionEntity,
  mergeEntity,
  notificationEntity,
  pilotEntity,
  pilotEventEntity,
  pilotListEntryEntity,
  revisitEntity,
  strategyEntity,
  supportCountEntity,
  supporterEntity,
  type PartitionQuery,
} from '../../../shared/store/entities.ts';
import { keyCondition } from '../../../shared/store/partition.ts';
import type { StoredNotification } from '../../../shared/store/ports.ts';
import { TABLE } from '../../../shared/store/table.ts';

/**
 * The table as handler tests speak of it: in entities (an idea, its history, a pilot, an inbox
 * list), never in keys. The handlers run the real DynamoDB adapters against a mocked SDK
 * (`aws-sdk-client-mock`); these helpers give that mock the items the adapters would find, built
 * by the store's own entity declarations (shared/store/entities.ts), and read back what the
 * adapters wrote or read as entities. The key layout itself is pinned to literals only in the
 * store's own tests (test/unit/store/).
 */

type Item = Record<string, unknown>;
type TableMock = AwsClientStub<DynamoDBDocumentClient>;

/** Items as the store writes them: each a call of its entity's `toItem` (shared/store/entities.ts). */
export const itemOf = {
  idea: (idea: Idea): Item => ideaEntity.toItem(idea),
  event: (event: IdeaEvent): Item => ideaEventEntity.toItem(event),
  comment: (comment: Comment): Item => commentEntity.toItem(comment),
  supportCount: (ideaId: string, count: number): Item => supportCountEntity.toItem({ ideaId, count }),
  merge: (ideaId: string, into: string, at: string): Item => mergeEntity.toItem({ ideaId, into, at }),
  /** A notification, pending unless `extra` says otherwise (`sentAt`, `requeues`, …). */
  notification: (notification: StoredNotification, extra: Partial<StoredNotification> = {}): Item => notificationEntity.toItem({ ...notification, ...extra }),
  /** An address SES reported undeliverable. */
  suppression: (suppression: MailSuppression): Item => mailSuppressionEntity.toItem(suppression),
  pilot: (pilot: Pilot): Item => pilotEntity.toItem(pilot),
  pilotEvent: (event: PilotEvent): Item => pilotEventEntity.toItem(event),
  /** The gate decision that moved the pilot to `version`. */
  gate: (pilotId: string, version: number, gate: GateRecord): Item => gateRecordEntity.toItem({ pilotId, version, gate }),
  learning: (learning: Learning): Item => learningEntity.toItem(learning),
  strategy: (strategy: Strategy): Item => strategyEntity.toItem(strategy),
  gateSettings: (settings: StoredGateSettings): Item => gateSettingsEntity.toItem(settings),
  /** The idea's entry in one inbox list in one order. */
  inboxEntry: (idea: Idea, list: InboxList, sort: InboxSort): Item => inboxEntryEntity.toItem({ list, sort, value: idea }),
  /** The pilot's entry in one pipeline list in one order. */
  pilotEntry: (pilot: Pilot, list: PilotList, sort: PilotSort): Item => pilotListEntryEntity.toItem({ list, sort, value: pilot }),
  /** The idea's revisit entry, as the store derives it for a parked idea; throws if the idea has none. */
  revisit: (idea: Idea): Item => {
    const [entry, ...more] = revisitEntity.of(idea);
    if (entry === undefined || more.length > 0) throw new Error(`Expected exactly one revisit entry of ${idea.id}`);
    return revisitEntity.toItem(entry);
  },
};

/** Keys beyond those the entities build (`ideaEntity.key(id)`, `commentEntity.key(ideaId, at, id)`, …). */
export const keyFor = {
  /** A key in the partition a query reads, with any sort key (as a crafted or foreign cursor might carry). */
  in: (query: PartitionQuery, sortKey: string): Item => ({ [TABLE.partitionKey]: query.partition, [TABLE.sortKey]: sortKey }),
};

/** The condition the store puts on an item it creates: written only if nothing is there yet. */
export const CREATE_ONLY = `attribute_not_exists(${TABLE.partitionKey})`;

/** The key condition of a Query that reads a whole partition (of the table or of an index), as every such query is written (shared/store/partition.ts). */
export const WHOLE_PARTITION = '#pk = :pk';

/** A table key with empty values, as a crafted cursor might carry. */
export const EMPTY_KEY = { [TABLE.partitionKey]: '', [TABLE.sortKey]: '' };

/** The key of an item (its table key alone), to compare with an entity's key. */
export function keyOf(item: Item | undefined): Item {
  return { [TABLE.partitionKey]: item?.[TABLE.partitionKey], [TABLE.sortKey]: item?.[TABLE.sortKey] };
}

/** An item's key in a global secondary index (`TABLE.indexes.…`), as a Query of that index hands it back: the table key and the index key. */
export function indexKeyOf(item: Item, index: { partitionKey: string; sortKey: string }): Item {
  return { ...keyOf(item), [index.partitionKey]: item[index.partitionKey], [index.sortKey]: item[index.sortKey] };
}

/** The partition an item or a key is in. */
export const partitionOf = (item: Item | undefined): string => String(item?.[TABLE.partitionKey]);

/** The sort key of an item or a key. */
export const sortKeyOf = (item: Item | undefined): string => String(item?.[TABLE.sortKey]);

/** The expression values of the Query of an entity's list (`commentEntity.ofIdea(id)`, …), as the store writes them (shared/store/partition.ts). */
export const queryValues = (query: PartitionQuery): Item => keyCondition(query).values;

/** What identifies a Query of an entity's list: its index (if any) and its expression values; to match or assert a QueryCommand's input. */
function queryOf(query: PartitionQuery): Item {
  return { ...(query.index === undefined ? {} : { IndexName: query.index.name }), ExpressionAttributeValues: queryValues(query) };
}

// ---------------------------------------------------------------------------------------------
// What the table holds: answers for the mock.

/** The ideas are stored: each is found by its key. */
export function givenIdeas(ddbMock: TableMock, ...ideas: Idea[]): void {
  for (const idea of ideas) ddbMock.on(GetCommand, { Key: ideaEntity.key(idea.id) }).resolves({ Item: itemOf.idea(idea) });
}

/**
 * An idea is stored with its history, its first comments and its supporter count, as the idea's
 * page reads them (the idea with its events in one Query, its comments in another, its count
 * with one Get).
 */
export function givenIdeaRecord(ddbMock: TableMock, idea: Idea, record: { history?: IdeaEvent[]; comments?: Comment[]; supportCount?: number } = {}): void {
  givenIdeas(ddbMock, idea);
  givenQuery(ddbMock, ideaEntity.withHistory(idea.id), [...(record.history ?? []).map(itemOf.event), itemOf.idea(idea)]);
  givenComments(ddbMock, idea.id, record.comments ?? []);
  if (record.supportCount !== undefined) ddbMock.on(GetCommand, { Key: supportCountEntity.key(idea.id) }).resolves({ Item: itemOf.supportCount(idea.id, record.supportCount) });
}

/** The comments of an idea, as one read of them finds them (the adapter reads one more than a page to tell there is more). */
function givenComments(ddbMock: TableMock, ideaId: string, comments: Comment[]): void {
  givenQuery(ddbMock, commentEntity.ofIdea(ideaId), comments.map(itemOf.comment));
}

/** The supporters of an idea, by the hashes the store keeps of them, as the list of its supporters reads them (their keys alone). */
export function givenSupporters(ddbMock: TableMock, ideaId: string, hashes: string[]): void {
  givenQuery(
    ddbMock,
    supporterEntity.ofIdea(ideaId),
    hashes.map((hash) => supporterEntity.key(ideaId, hash)),
  );
}

/** A notification is stored (pending unless `extra` says otherwise). */
export function givenNotification(ddbMock: TableMock, notification: StoredNotification, extra: Partial<StoredNotification> = {}): void {
  ddbMock.on(GetCommand, { Key: notificationEntity.key(notification.id) }).resolves({ Item: itemOf.notification(notification, extra) });
}

/** SES reported the address undeliverable. */
export function givenSuppression(ddbMock: TableMock, suppression: MailSuppression): void {
  ddbMock.on(GetCommand, { Key: mailSuppressionEntity.key(suppression.address) }).resolves({ Item: itemOf.suppression(suppression) });
}

/** The pilots are stored: each is found by its key. */
export function givenPilots(ddbMock: TableMock, ...pilots: Pilot[]): void {
  for (const pilot of pilots) ddbMock.on(GetCommand, { Key: pilotEntity.key(pilot.id) }).resolves({ Item: itemOf.pilot(pilot) });
}

/** A pilot with its history and gate decisions, as its page reads them (one Query of its partition). */
export function givenPilotRecord(ddbMock: TableMock, pilot: Pilot, record: { history?: PilotEvent[]; gates?: { version: number; gate: GateRecord }[] } = {}): void {
  givenPilots(ddbMock, pilot);
  givenQuery(ddbMock, pilotEntity.wholePartition(pilot.id), [
    ...(record.gates ?? []).map(({ version, gate }) => itemOf.gate(pilot.id, version, gate)),
    itemOf.pilot(pilot),
    ...(record.history ?? []).map(itemOf.pilotEvent),
  ]);
}

/** The strategy's stored versions, newest first: each is found by its version, and every read of the versions finds them all. */
export function givenStrategies(ddbMock: TableMock, ...strategies: Strategy[]): void {
  givenQuery(ddbMock, strategyEntity.versions(), strategies.map(itemOf.strategy));
  for (const strategy of strategies) ddbMock.on(GetCommand, { Key: strategyEntity.key(strategy.version) }).resolves({ Item: itemOf.strategy(strategy) });
}

/** The gate settings an admin stored. */
export function givenGateSettings(ddbMock: TableMock, settings: StoredGateSettings): void {
  ddbMock.on(GetCommand, { Key: gateSettingsEntity.key() }).resolves({ Item: itemOf.gateSettings(settings) });
}

/**
 * Every Query of an entity's list (`inboxEntryEntity.list(…)`, `pilotListEntryEntity.list(…)`,
 * `ideaEntity.inStatus(…)`, `mergeEntity.pendingBefore(…)`, …) is answered with these items: the
 * Query is matched on its index, partition and sort-key range, as the store writes it.
 */
export function givenQuery(ddbMock: TableMock, query: PartitionQuery, items: Item[]): void {
  ddbMock.on(QueryCommand, queryOf(query)).resolves({ Items: items });
}

/** Every Query of one partition (of the table or of an index), whatever its sort-key range, is answered with these items. */
export function givenPartition(ddbMock: TableMock, partition: string, items: Item[]): void {
  ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': partition } }).resolves({ Items: items });
}

// ---------------------------------------------------------------------------------------------
// What the handler read and wrote.

/** One item of a transaction, as far as these helpers read it. */
interface TransactItemShape {
  Put?: { Item?: Item | undefined; ConditionExpression?: string | undefined } | undefined;
  Delete?: { Key?: Item | undefined } | undefined;
  Update?: { Key?: Item | undefined } | undefined;
  ConditionCheck?: { Key?: Item | undefined } | undefined;
}

/** The items of each transaction the handler wrote, in order. */
export function transactions(ddbMock: TableMock): TransactItemShape[][] {
  return ddbMock.commandCalls(TransactWriteCommand).map((call) => (call.args[0].input.TransactItems ?? []) as TransactItemShape[]);
}

/** The items of the one transaction the handler or store wrote, as sent (and that there was exactly one). */
export function theTransaction(ddbMock: TableMock) {
  const calls = ddbMock.commandCalls(TransactWriteCommand);
  expect(calls).toHaveLength(1);
  return calls[0]?.args[0].input.TransactItems ?? [];
}

/** The items a transaction (or several) put, in order. */
export function putsIn(items: readonly TransactItemShape[]): Item[] {
  return items.flatMap((item) => (item.Put?.Item === undefined ? [] : [item.Put.Item]));
}

/** The keys a transaction deletes, in order. */
export function deletesIn(items: readonly TransactItemShape[]): Item[] {
  return items.flatMap((item) => (item.Delete?.Key === undefined ? [] : [item.Delete.Key]));
}

/** The items of one type (`ideaEntity.type`, `notificationEntity.type`, …) among those put. */
export function ofType(items: readonly Item[], type: string): Item[] {
  return items.filter((item) => item['type'] === type);
}

/** The one item the transaction puts at this key (`ideaEntity.key(id)`, `keyFor.ideaEvent(id, 3)`, `pilotEntity.key(id)`, …), or undefined. */
export function putAt(items: readonly TransactItemShape[], key: Item): Item | undefined {
  return putsIn(items).find((item) => partitionOf(item) === partitionOf(key) && sortKeyOf(item) === sortKeyOf(key));
}

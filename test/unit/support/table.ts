import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import type { StoredGateSettings } from '../../../shared/domain/gates.ts';
import type { Idea, IdeaEvent } from '../../../shared/domain/idea.ts';
import type { InboxList, InboxSort } from '../../../shared/domain/inbox.ts';
import type { Learning } from '../../../shared/domain/learnings.ts';
import { normaliseMailAddress, type MailSuppression } from '../../../shared/domain/mail-suppression.ts';
import type { Comment } from '../../../shared/domain/notification.ts';
import type { PilotList, PilotSort } from '../../../shared/domain/pilot-lists.ts';
import type { GateRecord, Pilot, PilotEvent } from '../../../shared/domain/pilot.ts';
import type { Strategy } from '../../../shared/domain/strategy/strategy.ts';
import { derivedItems, pilotDerivedItems } from '../../../shared/store/derived-items.ts';
import { ideaToItem } from '../../../shared/store/idea-item.ts';
import {
  COMMENT_PREFIX,
  EVENT_PREFIX,
  commentKey,
  gateRecordKey,
  gateSettingsKey,
  ideaEventKey,
  ideaKey,
  ideaPartition,
  inboxPartition,
  learningKey,
  mailSuppressionKey,
  notificationKey,
  mergeJobKey,
  pendingIndexKey,
  pilotEventKey,
  pilotKey,
  pilotListPartition,
  pilotPartition,
  STRATEGY_PARTITION,
  strategyVersionKey,
  SUPPORTER_PREFIX,
  supportCountKey,
  supporterKey,
} from '../../../shared/store/keys.ts';
import { notificationItem } from '../../../shared/store/notifications.ts';
import type { StoredNotification } from '../../../shared/store/ports.ts';
import { TABLE } from '../../../shared/store/table.ts';

/**
 * The table as handler tests speak of it: in entities (an idea, its history, a pilot, an inbox
 * list), never in keys. The handlers run the real DynamoDB adapters against a mocked SDK
 * (`aws-sdk-client-mock`); these helpers give that mock the items the adapters would find, built
 * with the store's own item builders and key functions (shared/store/keys.ts, derived-items.ts,
 * idea-item.ts, notifications.ts), and read back what the adapters wrote or read as entities.
 * The key layout itself is pinned to literals only in the store's own tests (test/unit/store/).
 */

type Item = Record<string, unknown>;
type TableMock = AwsClientStub<DynamoDBDocumentClient>;

/**
 * Items as the store writes them, one builder per entity: the store's own builders where it
 * exports one (`ideaToItem`, `notificationItem`, the derived items), and otherwise its key
 * functions with the attributes its adapter writes beside them (shared/store/ideas.ts,
 * pilots.ts, strategy.ts, suppressions.ts). Once the store declares each entity in one place,
 * these should call those declarations.
 */
export const itemOf = {
  idea: (idea: Idea): Item => ideaToItem(idea),
  event: (event: IdeaEvent): Item => ({ ...ideaEventKey(event.ideaId, event.version), type: 'event', ...event }),
  comment: (comment: Comment): Item => ({ ...commentKey(comment.ideaId, comment.at, comment.id), type: 'comment', ...comment }),
  supportCount: (ideaId: string, count: number): Item => ({ ...supportCountKey(ideaId), type: 'support-count', count }),
  merge: (ideaId: string, into: string, at: string): Item => ({ ...mergeJobKey(ideaId), ...pendingIndexKey('merge', at, ideaId), type: 'merge', ideaId, into, at }),
  /** A notification, pending unless `extra` says otherwise (`sentAt`, `requeues`, …). */
  notification: (notification: StoredNotification, extra: Partial<StoredNotification> = {}): Item => ({ ...notificationItem(notification), ...extra }),
  /** An address SES reported undeliverable. */
  suppression: (suppression: MailSuppression): Item => ({ ...mailSuppressionKey(suppression.address), type: 'mail-suppression', ...suppression, address: normaliseMailAddress(suppression.address) }),
  pilot: (pilot: Pilot): Item => ({ ...pilotKey(pilot.id), type: 'pilot', version: pilot.version, pilot }),
  pilotEvent: (event: PilotEvent): Item => ({ ...pilotEventKey(event.pilotId, event.version), type: 'pilot-event', event }),
  /** The gate decision that moved the pilot to `version`. */
  gate: (pilotId: string, version: number, gate: GateRecord): Item => ({ ...gateRecordKey(pilotId, version), type: 'gate', pilotId, gate }),
  learning: (learning: Learning): Item => ({ ...learningKey(learning.pilotId), type: 'learning', learning }),
  strategy: (strategy: Strategy): Item => ({ ...strategyVersionKey(strategy.version), type: 'strategy', ...strategy }),
  gateSettings: (settings: StoredGateSettings): Item => ({ ...gateSettingsKey(), type: 'gate-settings', version: settings.version, settings }),
  /** The idea's entry in one inbox list in one order, as the store derives it; throws if the idea is not on that list. */
  inboxEntry: (idea: Idea, list: InboxList, sort: InboxSort): Item => only(derivedItems(idea).filter((item) => partitionOf(item) === inboxPartition(list, sort)), `idea ${idea.id} on ${JSON.stringify(list)}`),
  /** The pilot's entry in one pipeline list in one order; throws if the pilot is not on that list. */
  pilotEntry: (pilot: Pilot, list: PilotList, sort: PilotSort): Item =>
    only(pilotDerivedItems(pilot).filter((item) => partitionOf(item) === pilotListPartition(list, sort)), `pilot ${pilot.id} on ${JSON.stringify(list)}`),
  /** The idea's revisit entry, as the store derives it for a parked idea. */
  revisit: (idea: Idea): Item => only(derivedItems(idea).filter((item) => item['type'] === 'revisit'), `revisit entry of ${idea.id}`),
};

function only(items: Item[], what: string): Item {
  const [item, ...more] = items;
  if (item === undefined || more.length > 0) throw new Error(`Expected exactly one item: ${what}`);
  return item;
}

/** The condition the store puts on an item it creates: written only if nothing is there yet. */
export const CREATE_ONLY = `attribute_not_exists(${TABLE.partitionKey})`;

/** The key condition of a Query that reads a whole partition of the table (a list kept as entries), page by page. */
export const WHOLE_PARTITION = `${TABLE.partitionKey} = :pk`;

/** A table key with empty values, as a crafted cursor might carry. */
export const EMPTY_KEY = { [TABLE.partitionKey]: '', [TABLE.sortKey]: '' };

/** The key of an item (its table key alone), to compare with a key function of shared/store/keys.ts. */
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

// ---------------------------------------------------------------------------------------------
// What the table holds: answers for the mock.

/** The ideas are stored: each is found by its key. */
export function givenIdeas(ddbMock: TableMock, ...ideas: Idea[]): void {
  for (const idea of ideas) ddbMock.on(GetCommand, { Key: ideaKey(idea.id) }).resolves({ Item: itemOf.idea(idea) });
}

/**
 * An idea is stored with its history, its first comments and its supporter count, as the idea's
 * page reads them (the idea with its events in one Query, its comments in another, its count
 * with one Get).
 */
export function givenIdeaRecord(ddbMock: TableMock, idea: Idea, record: { history?: IdeaEvent[]; comments?: Comment[]; supportCount?: number } = {}): void {
  givenIdeas(ddbMock, idea);
  ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': ideaPartition(idea.id), ':events': EVENT_PREFIX } }).resolves({ Items: [...(record.history ?? []).map(itemOf.event), itemOf.idea(idea)] });
  givenComments(ddbMock, idea.id, record.comments ?? []);
  if (record.supportCount !== undefined) ddbMock.on(GetCommand, { Key: supportCountKey(idea.id) }).resolves({ Item: itemOf.supportCount(idea.id, record.supportCount) });
}

/** The comments of an idea, as one read of them finds them (the adapter reads one more than a page to tell there is more). */
export function givenComments(ddbMock: TableMock, ideaId: string, comments: Comment[]): void {
  ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': ideaPartition(ideaId), ':comments': COMMENT_PREFIX } }).resolves({ Items: comments.map(itemOf.comment) });
}

/** The supporters of an idea, by the hashes the store keeps of them, as the list of its supporters reads them. */
export function givenSupporters(ddbMock: TableMock, ideaId: string, hashes: string[]): void {
  ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': ideaPartition(ideaId), ':prefix': SUPPORTER_PREFIX } }).resolves({ Items: hashes.map((hash) => supporterKey(ideaId, hash)) });
}

/** A notification is stored (pending unless `extra` says otherwise). */
export function givenNotification(ddbMock: TableMock, notification: StoredNotification, extra: Partial<StoredNotification> = {}): void {
  ddbMock.on(GetCommand, { Key: notificationKey(notification.id) }).resolves({ Item: itemOf.notification(notification, extra) });
}

/** SES reported the address undeliverable. */
export function givenSuppression(ddbMock: TableMock, suppression: MailSuppression): void {
  ddbMock.on(GetCommand, { Key: mailSuppressionKey(suppression.address) }).resolves({ Item: itemOf.suppression(suppression) });
}

/** The pilots are stored: each is found by its key. */
export function givenPilots(ddbMock: TableMock, ...pilots: Pilot[]): void {
  for (const pilot of pilots) ddbMock.on(GetCommand, { Key: pilotKey(pilot.id) }).resolves({ Item: itemOf.pilot(pilot) });
}

/** A pilot with its history and gate decisions, as its page reads them (one Query of its partition). */
export function givenPilotRecord(ddbMock: TableMock, pilot: Pilot, record: { history?: PilotEvent[]; gates?: { version: number; gate: GateRecord }[] } = {}): void {
  givenPilots(ddbMock, pilot);
  ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': pilotPartition(pilot.id) } }).resolves({
    Items: [...(record.gates ?? []).map(({ version, gate }) => itemOf.gate(pilot.id, version, gate)), itemOf.pilot(pilot), ...(record.history ?? []).map(itemOf.pilotEvent)],
  });
}

/** The strategy's stored versions, newest first: each is found by its version, and every read of the versions finds them all. */
export function givenStrategies(ddbMock: TableMock, ...strategies: Strategy[]): void {
  ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': STRATEGY_PARTITION } }).resolves({ Items: strategies.map(itemOf.strategy) });
  for (const strategy of strategies) ddbMock.on(GetCommand, { Key: strategyVersionKey(strategy.version) }).resolves({ Item: itemOf.strategy(strategy) });
}

/** The gate settings an admin stored. */
export function givenGateSettings(ddbMock: TableMock, settings: StoredGateSettings): void {
  ddbMock.on(GetCommand, { Key: gateSettingsKey() }).resolves({ Item: itemOf.gateSettings(settings) });
}

/**
 * Every Query of one partition (of the table or of an index) is answered with these items: for
 * lists kept as entries (`inboxPartition(…)`, `pilotListPartition(…)`), the status index
 * (`statusPartition(…)`), pending work (`pendingPartition(…)`) and the like.
 */
export function givenPartition(ddbMock: TableMock, partition: string, items: Item[]): void {
  ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': partition } }).resolves({ Items: items });
}

// ---------------------------------------------------------------------------------------------
// What the handler read and wrote.

/** One item of a transaction, as far as these helpers read it. */
export interface TransactItemShape {
  Put?: { Item?: Item | undefined; ConditionExpression?: string | undefined } | undefined;
  Delete?: { Key?: Item | undefined } | undefined;
  Update?: { Key?: Item | undefined } | undefined;
  ConditionCheck?: { Key?: Item | undefined } | undefined;
}

/** The items of each transaction the handler wrote, in order. */
export function transactions(ddbMock: TableMock): TransactItemShape[][] {
  return ddbMock.commandCalls(TransactWriteCommand).map((call) => (call.args[0].input.TransactItems ?? []) as TransactItemShape[]);
}

/** The items a transaction (or several) put, in order. */
export function putsIn(items: readonly TransactItemShape[]): Item[] {
  return items.flatMap((item) => (item.Put?.Item === undefined ? [] : [item.Put.Item]));
}

/** The keys a transaction deletes, in order. */
export function deletesIn(items: readonly TransactItemShape[]): Item[] {
  return items.flatMap((item) => (item.Delete?.Key === undefined ? [] : [item.Delete.Key]));
}

/** The items of one type (`'idea'`, `'event'`, `'notification'`, `'pilot-entry'`, …) among those put. */
export function ofType(items: readonly Item[], type: string): Item[] {
  return items.filter((item) => item['type'] === type);
}

/** The one item the transaction puts at this key (`ideaKey(id)`, `ideaEventKey(id, 3)`, `pilotKey(id)`, …), or undefined. */
export function putAt(items: readonly TransactItemShape[], key: Item): Item | undefined {
  return putsIn(items).find((item) => partitionOf(item) === partitionOf(key) && sortKeyOf(item) === sortKeyOf(key));
}

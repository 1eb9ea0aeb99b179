import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GATES, type GateSettings, type StoredGateSettings } from '../../../shared/domain/gates.ts';
import { learningOf, type Learning } from '../../../shared/domain/learnings.ts';
import { pilotRow } from '../../../shared/domain/pilot-lists.ts';
import type { GateRecord, Pilot, PilotEvent } from '../../../shared/domain/pilot.ts';
import { encodeCursor } from '../../../shared/store/cursor.ts';
import { InvalidCursorError, VersionConflictError, type PilotChange, type StoreCursor } from '../../../shared/store/ports.ts';
import { dynamoParts, transactionItems } from '../../../shared/store/compose.ts';
import { DynamoPilotStore, learningsReadOnce } from '../../../shared/store/pilots.ts';
import { shardOf } from '../../../shared/store/pipeline.ts';
import { rejectionOf } from '../support/errors.ts';
import { transactionCanceled } from '../support/lambda.ts';
import { theTransaction } from '../support/table.ts';
import { countersAdded, effectOf, updatesOf } from '../support/pipeline.ts';
import { ACCEPTED_AT, aPilot, aPilotIn, aStoppedPilot, DIRECTOR, LEARNINGS, OTHER_PILOT_ID, PILOT_ID, pilotItem } from '../support/pilots.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const store = new DynamoPilotStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME);

afterEach(() => {
  ddbMock.reset();
});

/** A counter shard's key, as the table keeps it. */
const pipelineShardKey = (shard: number) => ({ PK: 'PIPELINE', SK: `SHARD#${String(shard).padStart(2, '0')}` });

const GO_AT = '2026-02-01T09:00:00.000Z';
const STOP_AT = '2026-03-01T09:00:00.000Z';
const BY = { sub: DIRECTOR.sub, name: DIRECTOR.name };
/** The test pilot's department as list keys and counters carry it: in lower case, URI-encoded. */
const DEPARTMENT = '%C3%A6ldre%20og%20sundhed';

const puts = () => theTransaction(ddbMock).flatMap((item) => (item.Put === undefined ? [] : [item.Put]));
const deletedKeys = () => theTransaction(ddbMock).flatMap((item) => (item.Delete?.Key === undefined ? [] : [item.Delete.Key]));
const entryPuts = () => puts().filter((put) => put.Item?.['type'] === 'pilot-entry');
const keyOf = (key: Record<string, unknown> | undefined) => `${String(key?.['PK'])} ${String(key?.['SK'])}`;

function aGateRecord(overrides: Partial<GateRecord> = {}): GateRecord {
  return {
    decision: 'go',
    gate: 'pilot',
    from: 'sprint',
    to: 'pilot',
    at: GO_AT,
    by: BY,
    role: 'director',
    reason: 'Sprinten viste, at plejepersonalet kan bruge løsningen.',
    checklist: [{ id: 'gdpr-dpia-screening', text: { da: 'GDPR-/DPIA-screening er gennemført', en: 'GDPR/DPIA screening done' }, required: true, answer: true }],
    ...overrides,
  };
}

function anEvent(before: Pilot, after: Pilot, overrides: Partial<PilotEvent> = {}): PilotEvent {
  return { pilotId: after.id, version: after.version, at: after.updatedAt, by: BY, change: 'gate', from: before.stage, to: after.stage, decision: 'go', ...overrides };
}

/** The sprint pilot going through the gate into `pilot`, with its gate decision. */
function aGoIntoPilot(): PilotChange {
  const before = aPilot();
  const after = aPilotIn('pilot', GO_AT);
  return { before, after, event: anEvent(before, after), gate: aGateRecord() };
}

describe('DynamoPilotStore.getPilot', () => {
  it('reads the pilot consistently by its key', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: pilotItem(aPilot()) });

    // Act
    const pilot = await store.getPilot(PILOT_ID);

    // Assess
    expect(pilot).toEqual(aPilot());
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, { TableName: TABLE_NAME, Key: { PK: `PILOT#${PILOT_ID}`, SK: 'META' }, ConsistentRead: true });
  });

  it('returns undefined for a pilot that does not exist', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});

    // Act
    const pilot = await store.getPilot('missing');

    // Assess
    expect(pilot).toBeUndefined();
  });
});

describe('DynamoPilotStore.getPilotRecord', () => {
  it('reads the pilot, its history and its gate decisions from its partition, across pages', async () => {
    // Prepare
    const pilot = aPilotIn('pilot', GO_AT);
    const created = anEvent(pilot, pilot, { version: 1, at: ACCEPTED_AT, change: 'created', from: 'sprint', to: 'sprint', decision: undefined });
    const gone = anEvent(aPilot(), pilot);
    const gate = aGateRecord();
    const lastKey = { PK: `PILOT#${PILOT_ID}`, SK: 'EVENT#000001' };
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({
        Items: [
          { PK: `PILOT#${PILOT_ID}`, SK: 'EVENT#000001', type: 'pilot-event', event: created },
        ],
        LastEvaluatedKey: lastKey,
      })
      .resolvesOnce({
        Items: [
          { PK: `PILOT#${PILOT_ID}`, SK: 'EVENT#000002', type: 'pilot-event', event: gone },
          { PK: `PILOT#${PILOT_ID}`, SK: 'GATE#000002', type: 'gate', pilotId: PILOT_ID, gate },
          pilotItem(pilot),
        ],
      });

    // Act
    const record = await store.getPilotRecord(PILOT_ID);

    // Assess
    expect(record).toEqual({ pilot, history: [created, gone], gates: [gate] });
    const calls = ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ TableName: TABLE_NAME, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': 'PK' }, ExpressionAttributeValues: { ':pk': `PILOT#${PILOT_ID}` }, ConsistentRead: true });
    expect(calls[0]?.ExclusiveStartKey).toBeUndefined();
    expect(calls[1]).toMatchObject({ ExpressionAttributeValues: { ':pk': `PILOT#${PILOT_ID}` }, ConsistentRead: true, ExclusiveStartKey: lastKey });
  });

  it('returns undefined when the partition holds no pilot', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    const record = await store.getPilotRecord('missing');

    // Assess
    expect(record).toBeUndefined();
  });
});

describe('DynamoPilotStore.save', () => {
  it('writes the pilot only while it is still at the version read, and its history event only if new', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});
    const change = aGoIntoPilot();

    // Act
    await store.save(change);

    // Assess
    expect(theTransaction(ddbMock).slice(0, 2)).toEqual([
      {
        Put: {
          TableName: TABLE_NAME,
          Item: pilotItem(change.after),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': 1 },
        },
      },
      {
        Put: {
          TableName: TABLE_NAME,
          Item: { PK: `PILOT#${PILOT_ID}`, SK: 'EVENT#000002', type: 'pilot-event', event: change.event },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ]);
  });

  it('writes the gate decision behind the change beside its event, under the version it led to', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});
    const change = aGoIntoPilot();

    // Act
    await store.save(change);

    // Assess
    expect(theTransaction(ddbMock)[2]).toEqual({ Put: { TableName: TABLE_NAME, Item: { PK: `PILOT#${PILOT_ID}`, SK: 'GATE#000002', type: 'gate', pilotId: PILOT_ID, gate: change.gate } } });
  });

  it('writes no gate record for a change without a gate decision', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});
    const before = aPilot();
    const after = { ...aPilot({ title: 'Én registrering i plejen' }), updatedAt: GO_AT, version: 2 };

    // Act
    await store.save({ before, after, event: anEvent(before, after, { change: 'edit', fields: ['title'], decision: undefined }) });

    // Assess
    expect(puts().filter((put) => String(put.Item?.['SK']).startsWith('GATE#'))).toEqual([]);
  });

  it('moves the pilot to its new stage’s lists: deletes the entries it left and puts every one it is in, each carrying its row', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});
    const change = aGoIntoPilot();

    // Act
    await store.save(change);

    // Assess
    const deleted = deletedKeys();
    // The sprint lists (alone, by theme, by department; 3 orders) and the all-pilots lists ordered by time in stage and by hours, which sort by when it entered its stage.
    expect(deleted).toHaveLength(3 * 3 + 3 * 2);
    expect(deleted.filter((key) => String(key['PK']).startsWith('PILOTS#sprint#'))).toHaveLength(9);
    expect(deleted.filter((key) => String(key['PK']).startsWith('PILOTS#all#'))).toHaveLength(6);
    expect(deleted.some((key) => String(key['PK']).endsWith('#s=newest') && String(key['PK']).startsWith('PILOTS#all'))).toBe(false);
    expect(deleted).toContainEqual({ PK: 'PILOTS#sprint#t=automatisering#s=in_stage', SK: `${ACCEPTED_AT}#${PILOT_ID}` });
    const entries = entryPuts();
    expect(entries).toHaveLength(2 * 3 * 3);
    expect(entries.every((put) => put.TableName === TABLE_NAME && put.ConditionExpression === undefined)).toBe(true);
    expect(entries.every((put) => /^PILOTS#(all|pilot)#/.test(String(put.Item?.['PK'])))).toBe(true);
    expect(entries.every((put) => JSON.stringify(put.Item?.['row']) === JSON.stringify(pilotRow(change.after)))).toBe(true);
    expect(entries.map((put) => put.Item?.['PK'])).toEqual(expect.arrayContaining([`PILOTS#pilot#d=${DEPARTMENT}#s=expected_hours`, 'PILOTS#all#s=newest']));
    const putKeys = new Set(puts().map((put) => keyOf(put.Item)));
    expect(deleted.filter((key) => putKeys.has(keyOf(key)))).toEqual([]);
  });

  it('moves the pilot’s counts from its old stage to its new one in its pipeline shard, in the same transaction', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.save(aGoIntoPilot());

    // Assess
    const updates = updatesOf(theTransaction(ddbMock));
    expect(updates).toHaveLength(1);
    expect(updates[0]?.Key).toEqual(pipelineShardKey(shardOf(PILOT_ID)));
    expect(countersAdded(updates)).toEqual({
      'stage:sprint': -1,
      'stage:pilot': 1,
      [`department:${DEPARTMENT}:sprint`]: -1,
      [`department:${DEPARTMENT}:pilot`]: 1,
      'theme:automatisering:sprint': -1,
      'theme:automatisering:pilot': 1,
      'reached:pilot': 1,
    });
    const effect = updates[0] && effectOf(updates[0]);
    expect(effect?.set).toEqual({ type: 'pipeline-shard', [`e:since:pilot:${PILOT_ID}`]: GO_AT });
    expect(effect?.remove).toEqual([`e:since:sprint:${PILOT_ID}`]);
  });

  it('files the learning of a stopped pilot, and takes it and its expected hours out of the active stages’ counts', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});
    const hypothesis = { expectedHoursPerYear: 300, successMeasure: 'Minutter pr. vagt', baseline: '40 minutter', successThreshold: '20 minutter' };
    const before = aPilotIn('pilot', GO_AT, { hypothesis });
    const after = aStoppedPilot('pilot', { hypothesis, updatedAt: STOP_AT });
    const gate = aGateRecord({ decision: 'stop', gate: 'evaluation', from: 'pilot', to: 'stopped', at: STOP_AT });

    // Act
    await store.save({ before, after, event: anEvent(before, after, { decision: 'stop' }), gate });

    // Assess
    expect(puts()).toContainEqual({ TableName: TABLE_NAME, Item: { PK: 'LEARNINGS', SK: PILOT_ID, type: 'learning', learning: learningOf(after) } });
    expect(learningOf(after)).toMatchObject({ learnings: LEARNINGS, stage: 'stopped' });
    const updates = updatesOf(theTransaction(ddbMock));
    expect(countersAdded(updates)).toMatchObject({ 'stage:pilot': -1, 'stage:stopped': 1, 'stoppedFrom:pilot': 1, 'reached:stopped': 1, 'hours:expected': -300 });
    expect(updates[0] && effectOf(updates[0]).remove).toEqual([`e:since:pilot:${PILOT_ID}`]);
  });

  it('files no learning for a pilot still being worked on', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.save(aGoIntoPilot());

    // Assess
    expect(puts().filter((put) => put.Item?.['PK'] === 'LEARNINGS')).toEqual([]);
  });

  it('adds the lists of a new owner and deletes nothing when an edit moves no entry, with no counter update', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});
    const before = aPilot();
    const after = { ...aPilot({ owner: { sub: 'o1-owner', name: 'Ole Ejer' } }), updatedAt: GO_AT, version: 2 };

    // Act
    await store.save({ before, after, event: anEvent(before, after, { change: 'edit', fields: ['owner'], decision: undefined }) });

    // Assess
    expect(deletedKeys()).toEqual([]);
    expect(entryPuts()).toHaveLength(2 * 4 * 3);
    expect(entryPuts().map((put) => put.Item?.['PK'])).toContain('PILOTS#sprint#o=o1-owner#s=in_stage');
    expect(updatesOf(theTransaction(ddbMock))).toEqual([]);
  });

  it('stays within DynamoDB’s 100 items for the largest stage change: two themes, an owner, a hold lifted, a gate record and a learning', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});
    const shape = { themes: ['automatisering', 'borgerservice'], owner: { sub: 'o1-owner', name: 'Ole Ejer' } };
    const before = aPilotIn('operations', GO_AT, { ...shape, hold: { until: '2026-09-01', reason: 'Budgettet afventes.' } });
    const after = aPilotIn('realised', STOP_AT, { ...shape, learnings: LEARNINGS, results: { realisedHoursPerYear: 250, summary: 'Halveret.' } });

    // Act
    await store.save({ before, after, event: anEvent(before, after), gate: aGateRecord({ gate: 'realised', from: 'operations', to: 'realised', at: STOP_AT }) });

    // Assess
    const items = theTransaction(ddbMock);
    expect(items.length).toBeLessThanOrEqual(100);
    expect(entryPuts()).toHaveLength(2 * 5 * 3);
    const keys = items.map((item) => keyOf(item.Put?.Item ?? item.Delete?.Key ?? item.Update?.Key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['somebody changed the pilot since it was read', ['ConditionalCheckFailed', 'None', 'None']],
    ['its history event already exists', ['None', 'ConditionalCheckFailed', 'None']],
    ['another transaction touched one of its items at the same moment, every time it was tried', ['None', 'None', 'TransactionConflict']],
  ])('throws VersionConflictError when %s', async (_case, codes) => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejects(transactionCanceled(...codes));

    // Act
    const error = await rejectionOf(store.save(aGoIntoPilot()));

    // Assess
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ conflict: { kind: 'pilot', id: PILOT_ID } });
    expect(error.message).toContain(PILOT_ID);
    expect(error.cause).toBeInstanceOf(TransactionCanceledException);
  });

  it.each([
    ['a cancellation for another reason', transactionCanceled('None', 'None', 'ValidationError')],
    ['a failed condition on an item past the pilot and its event', transactionCanceled('None', 'None', 'ConditionalCheckFailed')],
    ['an error that is no cancelled transaction', new Error('DynamoDB is unavailable')],
  ])('rethrows %s as it is', async (_case, error) => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejects(error);

    // Act
    const thrown = await rejectionOf(store.save(aGoIntoPilot()));

    // Assess
    expect(thrown).toBe(error);
  });
});

describe('DynamoPilotStore.creation', () => {
  it('creates the pilot and its first event only if new, puts its list entries without conditions, and counts it in its shard', () => {
    // Prepare
    const pilot = aPilot();
    const event: PilotEvent = { pilotId: PILOT_ID, version: 1, at: ACCEPTED_AT, by: pilot.createdBy, change: 'created', from: 'sprint', to: 'sprint' };

    // Act
    const items = transactionItems(TABLE_NAME, dynamoParts([store.creation(pilot)]));

    // Assess
    expect(items.slice(0, 2)).toEqual([
      { Put: { TableName: TABLE_NAME, Item: pilotItem(pilot), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: TABLE_NAME, Item: { PK: `PILOT#${PILOT_ID}`, SK: 'EVENT#000001', type: 'pilot-event', event }, ConditionExpression: 'attribute_not_exists(PK)' } },
    ]);
    const entries = items.slice(2, -1);
    expect(entries).toHaveLength(2 * 3 * 3);
    expect(entries.every((item) => item.Put?.Item?.['type'] === 'pilot-entry' && item.Put.ConditionExpression === undefined)).toBe(true);
    expect(items.at(-1)?.Update?.Key).toEqual(pipelineShardKey(shardOf(PILOT_ID)));
  });

  it('writes nothing by itself: the part is only carried out by the change it is handed to', () => {
    // Act
    store.creation(aPilot());

    // Assess
    expect(ddbMock.calls()).toHaveLength(0);
  });
});

describe('DynamoPilotStore.listPilots', () => {
  const list = { stage: 'pilot', theme: 'automatisering' } as const;
  const partition = 'PILOTS#pilot#t=automatisering#s=in_stage';

  it('reads one page of exactly one list partition, with the asked limit (and one more, to know whether a page follows), and hands back the rows', async () => {
    // Prepare
    const row = pilotRow(aPilotIn('pilot'));
    ddbMock.on(QueryCommand).resolves({ Items: [{ PK: partition, SK: `${GO_AT}#${PILOT_ID}`, type: 'pilot-entry', row }] });

    // Act
    const page = await store.listPilots(list, 'in_stage', 25);

    // Assess
    expect(page).toEqual({ items: [row] });
    expect(ddbMock).toHaveReceivedCommandTimes(QueryCommand, 1);
    expect(ddbMock.commandCalls(QueryCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE_NAME,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': 'PK' },
      ExpressionAttributeValues: { ':pk': partition },
      Limit: 26,
    });
  });

  it('hands back a cursor for the next page of the same list, and continues from it', async () => {
    // Prepare
    const lastKey = { PK: partition, SK: `${GO_AT}#${PILOT_ID}` };
    ddbMock.on(QueryCommand).resolvesOnce({ Items: [], LastEvaluatedKey: lastKey }).resolvesOnce({ Items: [] });

    // Act
    const first = await store.listPilots(list, 'in_stage', 1);
    const second = await store.listPilots(list, 'in_stage', 1, first.nextCursor);

    // Assess
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(second).toEqual({ items: [] });
    expect(ddbMock).toHaveReceivedNthCommandWith(QueryCommand, 2, { ExclusiveStartKey: lastKey, ExpressionAttributeValues: { ':pk': partition } });
  });

  it.each([
    ['another list', encodeCursor({ PK: 'PILOTS#pilot#t=automatisering#s=newest', SK: `x#${PILOT_ID}` })],
    ['another part of the table', encodeCursor({ PK: `PILOT#${OTHER_PILOT_ID}`, SK: 'META' })],
    ['keys the partition does not have', encodeCursor({ PK: partition, SK: 'x', GSI1PK: 'STATUS#accepted' })],
    ['no cursor at all', 'not-a-cursor' as StoreCursor],
  ])('refuses a cursor from %s without querying', async (_case, cursor) => {
    // Act
    const error = await rejectionOf(store.listPilots(list, 'in_stage', 20, cursor));

    // Assess
    expect(error).toBeInstanceOf(InvalidCursorError);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

describe('DynamoPilotStore.listLearnings', () => {
  it('reads every learning in the learnings partition, page after page', async () => {
    // Prepare
    const first = learningOf(aStoppedPilot('pilot')) as Learning;
    const second = learningOf(aStoppedPilot('sprint', { id: OTHER_PILOT_ID })) as Learning;
    const lastKey = { PK: 'LEARNINGS', SK: PILOT_ID };
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ PK: 'LEARNINGS', SK: PILOT_ID, type: 'learning', learning: first }], LastEvaluatedKey: lastKey })
      .resolvesOnce({ Items: [{ PK: 'LEARNINGS', SK: OTHER_PILOT_ID, type: 'learning', learning: second }] });

    // Act
    const learnings = await store.listLearnings();

    // Assess
    expect(learnings).toEqual([first, second]);
    const calls = ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ TableName: TABLE_NAME, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': 'PK' }, ExpressionAttributeValues: { ':pk': 'LEARNINGS' }, Limit: 200 });
    expect(calls[1]).toMatchObject({ ExpressionAttributeValues: { ':pk': 'LEARNINGS' }, ExclusiveStartKey: lastKey });
  });

  it('answers an empty list when no pilot has left a learning yet', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    const learnings = await store.listLearnings();

    // Assess
    expect(learnings).toEqual([]);
  });
});

describe('DynamoPilotStore.gateSettings', () => {
  it('answers the shipped defaults as version 0 while no admin has stored settings', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});

    // Act
    const settings = await store.gateSettings();

    // Assess
    expect(settings).toEqual({ ...DEFAULT_GATES, version: 0, updatedAt: '', updatedBy: 'system' });
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, { TableName: TABLE_NAME, Key: { PK: 'SETTINGS', SK: 'GATES' }, ConsistentRead: true });
  });

  it('answers the stored settings', async () => {
    // Prepare
    const stored: StoredGateSettings = { ...DEFAULT_GATES, stageLimitDays: { sprint: 21, pilot: 90, evaluation: 30, operations: 365 }, version: 2, updatedAt: GO_AT, updatedBy: 'a1-admin' };
    ddbMock.on(GetCommand).resolves({ Item: { PK: 'SETTINGS', SK: 'GATES', type: 'gate-settings', version: 2, settings: stored } });

    // Act
    const settings = await store.gateSettings();

    // Assess
    expect(settings).toEqual(stored);
  });
});

describe('DynamoPilotStore.replaceGateSettings', () => {
  const settings: GateSettings = { gates: DEFAULT_GATES.gates, stageLimitDays: { sprint: 21, pilot: 90, evaluation: 30, operations: 365 } };

  it('stores the first settings as version 1, only if none are stored yet', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});

    // Act
    const stored = await store.replaceGateSettings(settings, 0, 'a1-admin', GO_AT);

    // Assess
    const expected: StoredGateSettings = { ...settings, version: 1, updatedAt: GO_AT, updatedBy: 'a1-admin' };
    expect(stored).toEqual(expected);
    expect(ddbMock.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: TABLE_NAME,
      Item: { PK: 'SETTINGS', SK: 'GATES', type: 'gate-settings', version: 1, settings: expected },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  });

  it('stores the next version only while the stored one is still the version expected', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});

    // Act
    const stored = await store.replaceGateSettings(settings, 3, 'a1-admin', GO_AT);

    // Assess
    expect(stored.version).toBe(4);
    expect(ddbMock.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      Item: { PK: 'SETTINGS', SK: 'GATES', version: 4, settings: { version: 4 } },
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': 3 },
    });
  });

  it.each([0, 3])('throws VersionConflictError when somebody stored other settings first (expected version %i)', async (expectedVersion) => {
    // Prepare
    ddbMock.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const error = await rejectionOf(store.replaceGateSettings(settings, expectedVersion, 'a1-admin', GO_AT));

    // Assess
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ conflict: { kind: 'gate-settings', expectedVersion } });
    expect(error.cause).toBeInstanceOf(ConditionalCheckFailedException);
  });

  it('rethrows other errors as they are', async () => {
    // Prepare
    const unavailable = new Error('DynamoDB is unavailable');
    ddbMock.on(PutCommand).rejects(unavailable);

    // Act
    const error = await rejectionOf(store.replaceGateSettings(settings, 1, 'a1-admin', GO_AT));

    // Assess
    expect(error).toBe(unavailable);
  });
});

describe('learningsReadOnce', () => {
  const stopped = learningOf(aStoppedPilot()) as Learning;

  /** A learnings source that counts its reads and fails when told to. */
  function source() {
    const state = { reads: 0, fail: false };
    return {
      state,
      listLearnings: async () => {
        state.reads++;
        if (state.fail) throw new Error('DynamoDB unavailable');
        return [stopped];
      },
    };
  }

  it('reads the learnings once for every idea of a batch that asks, at once or later', async () => {
    // Prepare
    const learnings = source();
    const batch = learningsReadOnce(learnings);

    // Act
    const first = await Promise.all([batch.listLearnings(), batch.listLearnings()]);
    const later = await batch.listLearnings();

    // Assess
    expect(first).toEqual([[stopped], [stopped]]);
    expect(later).toEqual([stopped]);
    expect(learnings.state.reads).toBe(1);
  });

  it('does not keep a failed read: the next idea reads again', async () => {
    // Prepare
    const learnings = source();
    learnings.state.fail = true;
    const batch = learningsReadOnce(learnings);

    // Act
    const failed = await rejectionOf(batch.listLearnings());
    learnings.state.fail = false;
    const next = await batch.listLearnings();

    // Assess
    expect(failed.message).toBe('DynamoDB unavailable');
    expect(next).toEqual([stopped]);
    expect(learnings.state.reads).toBe(2);
  });
});

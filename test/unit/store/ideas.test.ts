import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Idea, IdeaEvent } from '../../../shared/domain/idea.ts';
import type { Pilot } from '../../../shared/domain/pilot.ts';
import { DynamoBackgroundWorkStore } from '../../../shared/store/background-work.ts';
import { encodeCursor } from '../../../shared/store/cursor.ts';
import { DynamoIdeaStore } from '../../../shared/store/ideas.ts';
import { DynamoNotificationStore } from '../../../shared/store/notifications.ts';
import { DynamoPilotStore } from '../../../shared/store/pilots.ts';
import { InvalidCursorError, VersionConflictError, type IdempotencyRecord, type TransactionPart } from '../../../shared/store/ports.ts';
import { ideaEntity } from '../../../shared/store/entities.ts';
import { shardOf } from '../../../shared/store/pipeline.ts';
import { TRANSACTION_ITEM_LIMIT } from '../../../shared/store/transactions.ts';
import { rejectionOf } from '../support/errors.ts';
import { transactionCanceled } from '../support/lambda.ts';
import { theTransaction } from '../support/table.ts';
import { countersAdded, effectOf, updatesOf } from '../support/pipeline.ts';
import { aPilot } from '../support/pilots.ts';
import {
  aDecision,
  ADMITTED_AT,
  aFrictionIdea,
  aFrictionIdeaWithoutFigures,
  anAnonymousIdea,
  anIdea,
  anIdeaInTriage,
  anIdeaNeedingInfo,
  aNotification,
  aParkedIdea,
  aSubmittedEvent,
  IDEA_ID,
  OTHER_IDEA_ID,
  SUBMITTER_SUB,
  TRIAGE,
} from '../support/ideas.ts';


// The layout pinned to literals: only the store's own tests spell it (the entities' tests pin every other kind).
/** The idea as DynamoDB holds it: keys, index keys and the `type` marker next to its fields. */
function ideaItem(idea: Idea): Record<string, unknown> {
  return {
    PK: `IDEA#${idea.id}`,
    SK: 'META',
    GSI1PK: `STATUS#${idea.status}`,
    GSI1SK: `${idea.statusChangedAt}#${idea.id}`,
    ...(idea.submitter === undefined ? {} : { GSI2PK: `SUBMITTER#${idea.submitter.sub}`, GSI2SK: `${idea.createdAt}#${idea.id}` }),
    type: 'idea',
    ...idea,
  };
}

function eventItem(event: IdeaEvent): Record<string, unknown> {
  return { PK: `IDEA#${event.ideaId}`, SK: `EVENT#${String(event.version).padStart(6, '0')}`, type: 'event', ...event };
}

function idempotencyItem(record: IdempotencyRecord): Record<string, unknown> {
  return { PK: `IDEMPOTENCY#${record.keyHash}`, SK: 'META', type: 'idempotency', ...record };
}

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const store = new DynamoIdeaStore(client, TABLE_NAME);
const pilots = new DynamoPilotStore(client, TABLE_NAME);
const notifications = new DynamoNotificationStore(client, TABLE_NAME);
const work = new DynamoBackgroundWorkStore(client, TABLE_NAME);

afterEach(() => {
  ddbMock.reset();
});

/** A moment after the test ideas reached triage. */
const LATER = '2026-01-06T09:15:00.000Z';
const PILOT_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
/** The test ideas' department as inbox keys carry it: in lower case, URI-encoded. */
const DEPARTMENT = '%C3%A6ldre%20og%20sundhed';
/** A counter shard's key, as the table keeps it. */
const pipelineShardKey = (shard: number) => ({ PK: 'PIPELINE', SK: `SHARD#${String(shard).padStart(2, '0')}` });

/** The items the transaction puts, in order. */
function putItems(): Record<string, unknown>[] {
  return theTransaction(ddbMock).flatMap((item) => (item.Put?.Item === undefined ? [] : [item.Put.Item]));
}

const idempotency: IdempotencyRecord = {
  keyHash: 'a'.repeat(64),
  requestHash: 'b'.repeat(64),
  ideaId: IDEA_ID,
  expiresAt: 1767344400,
};

describe('DynamoIdeaStore.submit', () => {
  it('writes the idea and its first event in one transaction, each only if new, and counts the idea in its pipeline shard', async () => {
    // Prepare
    const idea = anIdea();
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    const outcome = await store.submit(idea, aSubmittedEvent(idea));

    // Assess
    expect(outcome).toEqual({ created: true });
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
    expect(ddbMock).toHaveReceivedCommandWith(TransactWriteCommand, {
      TransactItems: [
        { Put: { TableName: TABLE_NAME, Item: ideaItem(idea), ConditionExpression: 'attribute_not_exists(PK)' } },
        { Put: { TableName: TABLE_NAME, Item: eventItem(aSubmittedEvent(idea)), ConditionExpression: 'attribute_not_exists(PK)' } },
        {
          Update: {
            TableName: TABLE_NAME,
            Key: pipelineShardKey(shardOf(IDEA_ID)),
            UpdateExpression: 'SET #type = :type ADD #a0 :v1, #a1 :v2',
            ExpressionAttributeNames: { '#type': 'type', '#a0': 'c:ideas', '#a1': 'c:ideas:status:submitted' },
            ExpressionAttributeValues: { ':type': 'pipeline-shard', ':v1': 1, ':v2': 1 },
          },
        },
      ],
    });
  });

  it('adds the idempotency record to the same transaction, also only if new', async () => {
    // Prepare
    const idea = anIdea();
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.submit(idea, aSubmittedEvent(idea), idempotency);

    // Assess
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
    const items = ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems;
    expect(items).toHaveLength(4);
    // Third, where the replay check looks for its failed condition; the counter update comes after it.
    expect(items?.[2]).toEqual({
      Put: {
        TableName: TABLE_NAME,
        Item: { PK: `IDEMPOTENCY#${idempotency.keyHash}`, SK: 'META', type: 'idempotency', ...idempotency },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
    expect(items?.[3]?.Update?.Key).toEqual(pipelineShardKey(shardOf(IDEA_ID)));
  });

  it('puts the idea as its entity declares it: keyed, indexed under its status and its submitter (shared/store/entities.ts)', async () => {
    // Prepare
    const idea = anIdea();
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.submit(idea, aSubmittedEvent(idea));

    // Assess
    const item = ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put?.Item;
    expect(item).toEqual(ideaEntity.toItem(idea));
    expect(item).toMatchObject({ GSI1PK: 'STATUS#submitted', GSI2PK: `SUBMITTER#${SUBMITTER_SUB}`, title: 'Færre dobbeltregistreringer på plejecentret' });
  });

  it('keeps an anonymous idea out of the submitter index and stores no identity', async () => {
    // Prepare
    const idea = anAnonymousIdea('c'.repeat(64));
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.submit(idea, aSubmittedEvent(idea));

    // Assess
    const item = ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put?.Item;
    expect(item).not.toHaveProperty('GSI2PK');
    expect(item).not.toHaveProperty('GSI2SK');
    expect(item).not.toHaveProperty('submitter');
    expect(item).toMatchObject({ anonymous: true, followUpTokenHash: 'c'.repeat(64) });
  });

  it('returns the stored record when the idempotency key was used before (condition failed on item 3), and never a follow-up token an earlier version kept in it', async () => {
    // Prepare
    const earlier: IdempotencyRecord = { ...idempotency, ideaId: OTHER_IDEA_ID };
    ddbMock.on(TransactWriteCommand).rejects(transactionCanceled('None', 'None', 'ConditionalCheckFailed'));
    ddbMock.on(GetCommand).resolves({ Item: { ...idempotencyItem(earlier), followUpToken: 'kept-in-plaintext-before-the-deployment-secret' } });
    const idea = anIdea();

    // Act
    const outcome = await store.submit(idea, aSubmittedEvent(idea), idempotency);

    // Assess
    expect(outcome).toEqual({ created: false, replayOf: earlier });
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, {
      TableName: TABLE_NAME,
      Key: { PK: `IDEMPOTENCY#${idempotency.keyHash}`, SK: 'META' },
      ConsistentRead: true,
    });
  });

  it('rethrows when the idempotency record has expired between the write and the read', async () => {
    // Prepare
    const error = transactionCanceled('None', 'None', 'ConditionalCheckFailed');
    ddbMock.on(TransactWriteCommand).rejects(error);
    ddbMock.on(GetCommand).resolves({});
    const idea = anIdea();

    // Act
    const thrown = await rejectionOf(store.submit(idea, aSubmittedEvent(idea), idempotency));

    // Assess
    expect(thrown).toBe(error);
  });

  it('rethrows when another item’s condition failed, without looking for an earlier record', async () => {
    // Prepare
    const error = transactionCanceled('ConditionalCheckFailed', 'None', 'None');
    ddbMock.on(TransactWriteCommand).rejects(error);
    const idea = anIdea();

    // Act
    const thrown = await rejectionOf(store.submit(idea, aSubmittedEvent(idea), idempotency));

    // Assess
    expect(thrown).toBe(error);
    expect(ddbMock).not.toHaveReceivedCommand(GetCommand);
  });

  it('rethrows a failed transaction when no idempotency key was sent', async () => {
    // Prepare
    const error = transactionCanceled('ConditionalCheckFailed', 'None');
    ddbMock.on(TransactWriteCommand).rejects(error);
    const idea = anIdea();

    // Act
    const thrown = await rejectionOf(store.submit(idea, aSubmittedEvent(idea)));

    // Assess
    expect(thrown).toBe(error);
  });

  it('rethrows errors that are not a cancelled transaction', async () => {
    // Prepare
    const error = Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ProvisionedThroughputExceededException' });
    ddbMock.on(TransactWriteCommand).rejects(error);
    const idea = anIdea();

    // Act
    const thrown = await rejectionOf(store.submit(idea, aSubmittedEvent(idea), idempotency));

    // Assess
    expect(thrown).toBe(error);
    expect(ddbMock).not.toHaveReceivedCommand(GetCommand);
  });
});

describe('DynamoIdeaStore.getIdea', () => {
  it('reads the idea consistently and returns only its fields', async () => {
    // Prepare
    const idea = aFrictionIdea({ frictionHoursPerYear: 1380 });
    ddbMock.on(GetCommand).resolves({ Item: ideaItem(idea) });

    // Act
    const found = await store.getIdea(IDEA_ID);

    // Assess
    expect(found).toEqual(idea);
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, { TableName: TABLE_NAME, Key: { PK: `IDEA#${IDEA_ID}`, SK: 'META' }, ConsistentRead: true });
  });

  it('reads back that a friction report’s figures are unknown', async () => {
    // Prepare
    const idea = aFrictionIdeaWithoutFigures();
    ddbMock.on(GetCommand).resolves({ Item: ideaItem(idea) });

    // Act
    const found = await store.getIdea(IDEA_ID);

    // Assess
    expect(found).toEqual(idea);
    expect(found?.figuresUnknown).toBe(true);
  });

  it('returns undefined for an idea that does not exist', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});

    // Act
    const found = await store.getIdea(IDEA_ID);

    // Assess
    expect(found).toBeUndefined();
  });
});

describe('DynamoIdeaStore.getIdeaWithHistory', () => {
  const HISTORY_QUERY = '#pk = :pk AND #sk BETWEEN :lo AND :hi';

  it('reads the idea and its history from one partition, across pages, from EVENT# to before the supporters', async () => {
    // Prepare
    const idea = anIdea({ status: 'in_triage', version: 2 });
    const first = aSubmittedEvent(idea);
    const second = { ideaId: IDEA_ID, version: 2, at: '2026-01-05T08:31:00.000Z', from: 'submitted', to: 'in_triage', actor: { kind: 'system' } } as const;
    const pageBreak = { PK: `IDEA#${IDEA_ID}`, SK: 'EVENT#000001' };
    ddbMock
      .on(QueryCommand, { KeyConditionExpression: HISTORY_QUERY })
      .resolvesOnce({ Items: [eventItem(first)], LastEvaluatedKey: pageBreak })
      .resolvesOnce({ Items: [eventItem(second), ideaItem(idea)] });

    // Act
    const found = await store.getIdeaWithHistory(IDEA_ID);

    // Assess
    expect(found).toEqual({ idea, history: [first, second] });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      TableName: TABLE_NAME,
      KeyConditionExpression: HISTORY_QUERY,
      ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
      ExpressionAttributeValues: { ':pk': `IDEA#${IDEA_ID}`, ':lo': 'EVENT#', ':hi': 'SUPPORTER#' },
      ConsistentRead: true,
    });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { KeyConditionExpression: HISTORY_QUERY, ExclusiveStartKey: pageBreak });
  });

  it('leaves the comments, every supporter item and the count out of the history read, however many there are', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [ideaItem(anIdeaInTriage())] });

    // Act
    await store.getIdeaWithHistory(IDEA_ID);

    // Assess
    const values = ddbMock.commandCalls(QueryCommand).find((call) => call.args[0].input.KeyConditionExpression === HISTORY_QUERY)?.args[0].input.ExpressionAttributeValues ?? {};
    const [from, to] = [String(values[':lo']), String(values[':hi'])];
    for (const kept of ['META', 'EVENT#000001', 'EVENT#999999', 'MERGE']) expect(kept >= from && kept <= to).toBe(true);
    for (const left of [`COMMENT#${ADMITTED_AT}#c1`, `SUPPORTER#${'0'.repeat(64)}`, `SUPPORTER#${'f'.repeat(64)}`, 'SUPPORTERS']) expect(left >= from && left <= to).toBe(false);
  });

  it('reads the idea and its history alone: a pending merge in the range is skipped, and neither comments nor the supporter count are read (the conversation’s store reads those)', async () => {
    // Prepare
    const idea = anIdeaInTriage();
    ddbMock.on(QueryCommand).resolves({
      Items: [{ PK: `IDEA#${IDEA_ID}`, SK: 'MERGE', type: 'merge', ideaId: IDEA_ID, into: OTHER_IDEA_ID, at: ADMITTED_AT }, ideaItem(idea)],
    });

    // Act
    const found = await store.getIdeaWithHistory(IDEA_ID);

    // Assess
    expect(found).toEqual({ idea, history: [] });
    expect(ddbMock).toHaveReceivedCommandTimes(QueryCommand, 1);
    expect(ddbMock).not.toHaveReceivedCommand(GetCommand);
  });

  it('returns undefined when the partition holds no idea', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    const found = await store.getIdeaWithHistory(IDEA_ID);

    // Assess
    expect(found).toBeUndefined();
  });
});

describe('DynamoIdeaStore.getIdempotencyRecord', () => {
  it('reads the record under the key hash consistently, or finds none', async () => {
    // Prepare
    const record: IdempotencyRecord = { keyHash: 'k'.repeat(64), requestHash: 'r'.repeat(64), ideaId: IDEA_ID, expiresAt: 1_767_700_000 };
    ddbMock.on(GetCommand, { Key: { PK: `IDEMPOTENCY#${record.keyHash}`, SK: 'META' } }).resolves({ Item: { PK: `IDEMPOTENCY#${record.keyHash}`, SK: 'META', type: 'idempotency', ...record } });
    ddbMock.on(GetCommand, { Key: { PK: 'IDEMPOTENCY#other', SK: 'META' } }).resolves({});

    // Act
    const found = await store.getIdempotencyRecord(record.keyHash);
    const missing = await store.getIdempotencyRecord('other');

    // Assess
    expect(found).toEqual(record);
    expect(missing).toBeUndefined();
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, { TableName: TABLE_NAME, Key: { PK: `IDEMPOTENCY#${record.keyHash}`, SK: 'META' }, ConsistentRead: true });
  });
});


describe('DynamoIdeaStore.listBySubmitter', () => {
  const partition = `SUBMITTER#${SUBMITTER_SUB}`;

  it('queries the submitter index newest first, a page of the asked size (and one more, to know whether a page follows)', async () => {
    // Prepare
    const newer = anIdea({ id: OTHER_IDEA_ID, createdAt: '2026-01-06T10:00:00.000Z' });
    const older = anIdea();
    ddbMock.on(QueryCommand).resolves({ Items: [ideaItem(newer), ideaItem(older)] });

    // Act
    const page = await store.listBySubmitter(SUBMITTER_SUB, 2);

    // Assess
    expect(page).toEqual({ items: [newer, older] });
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(QueryCommand, {
      TableName: TABLE_NAME,
      IndexName: 'GSI2',
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': 'GSI2PK' },
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: 3,
    });
  });

  it('hands back a cursor for the next page, and continues from it', async () => {
    // Prepare
    const lastKey = { PK: `IDEA#${IDEA_ID}`, SK: 'META', GSI2PK: partition, GSI2SK: `2026-01-05T08:30:00.000Z#${IDEA_ID}` };
    ddbMock.on(QueryCommand).resolvesOnce({ Items: [ideaItem(anIdea())], LastEvaluatedKey: lastKey }).resolvesOnce({ Items: [] });

    // Act
    const first = await store.listBySubmitter(SUBMITTER_SUB, 1);
    const second = await store.listBySubmitter(SUBMITTER_SUB, 1, first.nextCursor);

    // Assess
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(second).toEqual({ items: [] });
    expect(ddbMock).toHaveReceivedNthCommandWith(QueryCommand, 2, { ExclusiveStartKey: lastKey });
  });

  it('refuses a cursor from another submitter’s list without querying', async () => {
    // Prepare
    const foreign = encodeCursor({ PK: `IDEA#${IDEA_ID}`, SK: 'META', GSI2PK: 'SUBMITTER#someone-else', GSI2SK: 'x' });

    // Act
    const error = await rejectionOf(store.listBySubmitter(SUBMITTER_SUB, 20, foreign));

    // Assess
    expect(error).toBeInstanceOf(InvalidCursorError);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('refuses a cursor of the wrong shape', async () => {
    // Prepare
    const wrongKeys = encodeCursor({ PK: `IDEA#${IDEA_ID}`, SK: 'META', GSI2PK: partition });

    // Act
    const error = await rejectionOf(store.listBySubmitter(SUBMITTER_SUB, 20, wrongKeys));

    // Assess
    expect(error).toBeInstanceOf(InvalidCursorError);
  });
});


describe('DynamoIdeaStore.transition', () => {
  const at = '2026-01-05T08:31:00.000Z';

  it('writes the new status and its audit event first, only if nobody changed the idea meanwhile', async () => {
    // Prepare
    const idea = aFrictionIdea();
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    const updated = await store.transition({ idea, to: 'in_triage', actor: { kind: 'system' }, at, set: { frictionHoursPerYear: 1380 } });

    // Assess
    const expected: Idea = { ...idea, status: 'in_triage', statusChangedAt: at, updatedAt: at, version: 2, frictionHoursPerYear: 1380 };
    expect(updated).toEqual(expected);
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
    const items = theTransaction(ddbMock);
    expect(items.slice(0, 2)).toEqual([
      {
        Put: {
          TableName: TABLE_NAME,
          Item: ideaItem(expected),
          ConditionExpression: '#version = :expected AND #status = :from',
          ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
          ExpressionAttributeValues: { ':expected': 1, ':from': 'submitted' },
        },
      },
      {
        Put: {
          TableName: TABLE_NAME,
          Item: eventItem({ ideaId: IDEA_ID, version: 2, at, from: 'submitted', to: 'in_triage', actor: { kind: 'system' } }),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ]);
  });

  it('moves the idea to the new status in the status index', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.transition({ idea: anIdea(), to: 'in_triage', actor: { kind: 'system' }, at });

    // Assess
    const item = theTransaction(ddbMock)[0]?.Put?.Item;
    expect(item).toMatchObject({ GSI1PK: 'STATUS#in_triage', GSI1SK: `${at}#${IDEA_ID}` });
  });

  it('takes an idea the sweeper gives up on off the submitted list of the status index, into a list of its own, and into the inbox', async () => {
    // Prepare
    const idea = anIdea({ requeueCount: 5 });
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.transition({ idea, to: 'submitted', change: 'intake_abandoned', actor: { kind: 'system' }, at: LATER, set: { intakeAbandonedAt: LATER } });

    // Assess
    const item = theTransaction(ddbMock)[0]?.Put?.Item;
    expect(item).toMatchObject({ status: 'submitted', intakeAbandonedAt: LATER, GSI1PK: 'STATUS#submitted#abandoned', GSI1SK: `${idea.statusChangedAt}#${IDEA_ID}` });
    expect(theTransaction(ddbMock)[1]?.Put?.Item).toMatchObject({ SK: 'EVENT#000002', from: 'submitted', to: 'submitted', change: 'intake_abandoned', actor: { kind: 'system' } });
    expect(putItems().map((put) => put['PK'])).toContain('INBOX#submitted#s=age');
  });

  it('indexes an idea whose intake was given up under its new status once it moves on', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.transition({ idea: anIdea({ version: 2, intakeAbandonedAt: LATER }), to: 'in_triage', actor: { kind: 'system' }, at });

    // Assess
    expect(theTransaction(ddbMock)[0]?.Put?.Item).toMatchObject({ GSI1PK: 'STATUS#in_triage' });
    expect(theTransaction(ddbMock).flatMap((item) => (item.Delete === undefined ? [] : [item.Delete.Key?.['PK']]))).toContain('INBOX#submitted#s=age');
  });

  it('records who made the change and why', async () => {
    // Prepare
    const idea = anIdea({ status: 'in_triage', version: 2 });
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.transition({ idea, to: 'declined', actor: { kind: 'staff', sub: 'triage-1', name: 'Søren' }, at, reason: 'Findes allerede i Fælleskommunalt system.' });

    // Assess
    const event = theTransaction(ddbMock)[1]?.Put?.Item;
    expect(event).toMatchObject({
      SK: 'EVENT#000003',
      from: 'in_triage',
      to: 'declined',
      actor: { kind: 'staff', sub: 'triage-1', name: 'Søren' },
      reason: 'Findes allerede i Fælleskommunalt system.',
    });
  });

  it('records the decision and the submitter’s answer on the history event', async () => {
    // Prepare
    const decision = aDecision('needs_info', { message: 'Hvilke tre systemer drejer det sig om?' });
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.transition({ idea: anIdeaNeedingInfo(), to: 'in_triage', actor: { kind: 'submitter', sub: SUBMITTER_SUB }, at, decision, answer: 'Cura, Nexus og Outlook.' });

    // Assess
    expect(theTransaction(ddbMock)[1]?.Put?.Item).toMatchObject({ SK: 'EVENT#000004', decision, answer: 'Cura, Nexus og Outlook.' });
  });

  it('keeps the status and its time for a change that is not a change of status', async () => {
    // Prepare
    const idea = anIdeaInTriage();
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    const updated = await store.transition({ idea, to: 'in_triage', change: 'assignment', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER, set: { assignee: { sub: TRIAGE.sub } } });

    // Assess
    expect(updated).toMatchObject({ status: 'in_triage', statusChangedAt: ADMITTED_AT, updatedAt: LATER, version: 3, assignee: { sub: TRIAGE.sub } });
    expect(theTransaction(ddbMock)[1]?.Put?.Item).toMatchObject({ change: 'assignment', from: 'in_triage', to: 'in_triage' });
  });

  describe('the inbox and revisit entries', () => {
    it('puts one inbox entry per list and order of the idea’s new status, each carrying its row, without conditions', async () => {
      // Prepare
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea: anIdea(), to: 'in_triage', actor: { kind: 'system' }, at });

      // Assess
      const age = `${at}#${IDEA_ID}`;
      const priority = `1000#${age}`;
      const row = {
        id: IDEA_ID,
        title: 'Færre dobbeltregistreringer på plejecentret',
        kind: 'idea',
        department: 'Ældre og sundhed',
        status: 'in_triage',
        statusChangedAt: at,
        themes: [],
        priority: 0,
        priorityComplete: false,
        priorityBasis: 'suggested',
        duplicateCandidates: 0,
      };
      const lists = ['INBOX#in_triage', 'INBOX#in_triage#k=idea', `INBOX#in_triage#d=${DEPARTMENT}`, `INBOX#in_triage#k=idea#d=${DEPARTMENT}`];
      const expected = lists.flatMap((list) => [
        { Put: { TableName: TABLE_NAME, Item: { PK: `${list}#s=priority`, SK: priority, type: 'inbox', row } } },
        { Put: { TableName: TABLE_NAME, Item: { PK: `${list}#s=age`, SK: age, type: 'inbox', row } } },
      ]);
      const items = theTransaction(ddbMock);
      const entries = items.slice(2).filter((item) => item.Update === undefined);
      expect(entries).toHaveLength(expected.length);
      expect(entries).toEqual(expect.arrayContaining(expected));
      expect(items.some((item) => item.Delete !== undefined)).toBe(false);
    });

    it('moves the idea from one status counter to the other in the same transaction, with when it entered triage', async () => {
      // Prepare
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea: anIdea(), to: 'in_triage', actor: { kind: 'system' }, at });

      // Assess
      const updates = updatesOf(theTransaction(ddbMock));
      expect(updates).toHaveLength(1);
      expect(updates[0]?.Key).toEqual(pipelineShardKey(shardOf(IDEA_ID)));
      expect(countersAdded(updates)).toEqual({ 'ideas:status:submitted': -1, 'ideas:status:in_triage': 1, 'triage:waitingSinceSeconds': Date.parse(at) / 1000 });
    });

    it('sends no counter update for a change that moves no counter', async () => {
      // Prepare
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea: anIdeaInTriage(), to: 'in_triage', change: 'assignment', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER, set: { assignee: { sub: TRIAGE.sub } } });

      // Assess
      expect(updatesOf(theTransaction(ddbMock))).toEqual([]);
    });

    it('lists the idea under its best themes too', async () => {
      // Prepare
      const idea = anIdea({ themeAlignment: { strategyVersion: 1, scores: [{ themeId: 'automatisering', score: 0.6, matchedTerms: [] }, { themeId: 'borgerservice', score: 0.1, matchedTerms: [] }] } });
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea, to: 'in_triage', actor: { kind: 'system' }, at });

      // Assess
      const partitions = putItems().filter((item) => item['type'] === 'inbox').map((item) => item['PK']);
      expect(partitions).toHaveLength(16);
      expect(partitions).toContain(`INBOX#in_triage#k=idea#d=${DEPARTMENT}#t=automatisering#s=priority`);
      expect(partitions.some((pk) => String(pk).includes('borgerservice'))).toBe(false);
    });

    it('deletes the entries of the old status’s lists and files the parked idea for its revisit day', async () => {
      // Prepare
      const idea = anIdeaInTriage();
      const decision = aDecision('park', { revisitOn: '2026-03-02' });
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea, to: 'parked', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER, decision, set: { decision } });

      // Assess
      const deletes = theTransaction(ddbMock).flatMap((item) => (item.Delete === undefined ? [] : [item.Delete]));
      expect(deletes).toHaveLength(16);
      expect(deletes.every((entry) => entry.TableName === TABLE_NAME && String(entry.Key?.['PK']).startsWith('INBOX#in_triage#'))).toBe(true);
      expect(deletes).toContainEqual({ TableName: TABLE_NAME, Key: { PK: 'INBOX#in_triage#s=priority', SK: `0600#${ADMITTED_AT}#${IDEA_ID}` } });
      const puts = putItems().slice(2);
      expect(puts.filter((item) => item['type'] === 'inbox').every((item) => String(item['PK']).startsWith('INBOX#parked#'))).toBe(true);
      expect(puts).toContainEqual({ PK: 'REVISIT', SK: `2026-03-02#${IDEA_ID}`, type: 'revisit', ideaId: IDEA_ID });
    });

    it('deletes the revisit entry when a parked idea comes back to triage', async () => {
      // Prepare
      const idea = aParkedIdea('2026-03-02');
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea, to: 'in_triage', actor: { kind: 'system' }, at: LATER, set: { decision: undefined } });

      // Assess
      expect(theTransaction(ddbMock)).toContainEqual({ Delete: { TableName: TABLE_NAME, Key: { PK: 'REVISIT', SK: `2026-03-02#${IDEA_ID}` } } });
      expect(putItems().some((item) => item['PK'] === 'REVISIT')).toBe(false);
    });

    it('re-sorts a scored idea in the priority lists and keeps its age entries, never writing one key twice', async () => {
      // Prepare
      const idea = anIdeaInTriage();
      const scorecard = { strategyVersion: 1, scores: {}, priority: 75, complete: true, scoredAt: LATER };
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea, to: 'in_triage', change: 'scorecard', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER, set: { scorecard } });

      // Assess
      const items = theTransaction(ddbMock);
      const deleted = items.flatMap((item) => (item.Delete === undefined ? [] : [item.Delete.Key]));
      expect(deleted).toHaveLength(8);
      expect(deleted.every((key) => String(key?.['PK']).endsWith('#s=priority') && String(key?.['SK']).startsWith('0600#'))).toBe(true);
      const inbox = putItems().filter((item) => item['type'] === 'inbox');
      expect(inbox).toHaveLength(16);
      expect(inbox.filter((item) => String(item['PK']).endsWith('#s=priority')).every((item) => String(item['SK']).startsWith('0250#'))).toBe(true);
      expect(inbox.every((item) => (item['row'] as { priority: number }).priority === 75)).toBe(true);
      const keys = items.map((item) => JSON.stringify(item.Put === undefined ? item.Delete?.Key : { PK: item.Put.Item?.['PK'], SK: item.Put.Item?.['SK'] }));
      expect(new Set(keys).size).toBe(keys.length);
    });
  });

  describe('items written with the change', () => {
    it('adds the notification’s part to the same transaction, pending in the status index, only if new', async () => {
      // Prepare
      const notification = aNotification({ id: `${IDEA_ID}.v3`, createdAt: LATER });
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea: anIdeaInTriage(), to: 'accepted', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER }, notifications.creation(notification));

      // Assess
      expect(theTransaction(ddbMock)).toContainEqual({
        Put: {
          TableName: TABLE_NAME,
          Item: { PK: `NOTIFICATION#${IDEA_ID}.v3`, SK: 'META', GSI1PK: 'PENDING#notification', GSI1SK: `${LATER}#${IDEA_ID}.v3`, type: 'notification', ...notification },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    });

    it('adds the pilot of an accepted idea, only if new', async () => {
      // Prepare
      const pilot: Pilot = {
        id: PILOT_ID,
        title: 'Færre dobbeltregistreringer på plejecentret',
        description: 'Vi skriver det samme to steder.',
        language: 'da',
        ideaIds: [IDEA_ID],
        kind: 'idea',
        department: 'Ældre og sundhed',
        themes: ['automatisering'],
        stage: 'sprint',
        stageEnteredAt: LATER,
        reachedStages: ['sprint'],
        artefacts: [],
        createdAt: LATER,
        createdBy: { sub: TRIAGE.sub, name: 'Søren Ærø' },
        updatedAt: LATER,
        version: 1,
      };
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea: anIdeaInTriage(), to: 'accepted', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER }, pilots.creation(pilot));

      // Assess
      expect(theTransaction(ddbMock)).toContainEqual({
        Put: { TableName: TABLE_NAME, Item: { PK: `PILOT#${PILOT_ID}`, SK: 'META', type: 'pilot', version: 1, pilot }, ConditionExpression: 'attribute_not_exists(PK)' },
      });
    });

    it('creates the accepted idea’s pilot with its first history event, its list entries and its counters, each entry without condition', async () => {
      // Prepare
      const pilot = aPilot({ createdAt: LATER, stageEnteredAt: LATER, updatedAt: LATER });
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea: anIdeaInTriage(), to: 'accepted', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER }, pilots.creation(pilot));

      // Assess
      const items = theTransaction(ddbMock);
      expect(items).toContainEqual({
        Put: {
          TableName: TABLE_NAME,
          Item: {
            PK: `PILOT#${PILOT_ID}`,
            SK: 'EVENT#000001',
            type: 'pilot-event',
            event: { pilotId: PILOT_ID, version: 1, at: LATER, by: pilot.createdBy, change: 'created', from: 'sprint', to: 'sprint' },
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
      const entries = items.flatMap((item) => (item.Put?.Item?.['type'] === 'pilot-entry' ? [item.Put] : []));
      // All pilots and sprint, each alone, by its theme and by its department, in three orders.
      expect(entries).toHaveLength(2 * 3 * 3);
      expect(entries.every((entry) => entry.ConditionExpression === undefined && String(entry.Item?.['PK']).startsWith('PILOTS#'))).toBe(true);
      expect(entries.map((entry) => entry.Item?.['PK'])).toContain('PILOTS#sprint#t=automatisering#s=in_stage');
      expect(countersAdded(updatesOf(items))).toEqual({
        'ideas:status:in_triage': -1,
        'ideas:status:accepted': 1,
        'ideas:accepted': 1,
        'triage:waitingSinceSeconds': -Date.parse(ADMITTED_AT) / 1000,
        'stage:sprint': 1,
        'department:%C3%A6ldre%20og%20sundhed:sprint': 1,
        'theme:automatisering:sprint': 1,
        'reached:sprint': 1,
      });
      expect(updatesOf(items).flatMap((update) => Object.entries(effectOf(update).set))).toContainEqual([`e:since:sprint:${PILOT_ID}`, LATER]);
    });

    it('stays within DynamoDB’s 100 items, touching no item twice, for the largest accept: an assigned idea in two inbox themes becoming a pilot in both, with its e-mail', async () => {
      // Prepare
      const themeAlignment = {
        strategyVersion: 1,
        scores: [
          { themeId: 'automatisering', score: 0.6, matchedTerms: [] },
          { themeId: 'borgerservice', score: 0.5, matchedTerms: [] },
        ],
      };
      const idea = anIdeaInTriage({ themeAlignment, assignee: { sub: TRIAGE.sub, name: 'Søren Ærø' } });
      const pilot = aPilot({ themes: ['automatisering', 'borgerservice'], createdAt: LATER, stageEnteredAt: LATER, updatedAt: LATER });
      const notification = aNotification({ id: `${IDEA_ID}.v3`, createdAt: LATER });
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea, to: 'accepted', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER }, pilots.creation(pilot), notifications.creation(notification));

      // Assess
      const items = theTransaction(ddbMock);
      const count = (type: string) => items.filter((item) => item.Put?.Item?.['type'] === type).length;
      // 26 inbox entries of in_triage deleted and 26 of accepted put (4 lists alone, 4 per theme and the assignee's, 2 orders each),
      // 24 pilot entries (all and sprint; alone, per theme and by department; 3 orders each).
      expect(items.filter((item) => item.Delete !== undefined)).toHaveLength(26);
      expect(count('inbox')).toBe(26);
      expect(count('pilot-entry')).toBe(24);
      expect(updatesOf(items).length).toBeGreaterThanOrEqual(1);
      expect(items.length).toBeLessThanOrEqual(TRANSACTION_ITEM_LIMIT);
      const keys = items.map((item) => JSON.stringify(item.Put === undefined ? (item.Delete?.Key ?? item.Update?.Key) : { PK: item.Put.Item?.['PK'], SK: item.Put.Item?.['SK'] }));
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('adds the pending merge of a duplicate, in the status index, so the sweeper finishes it if this function cannot', async () => {
      // Prepare
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea: anIdeaInTriage(), to: 'duplicate', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER }, work.mergeJob({ ideaId: IDEA_ID, into: OTHER_IDEA_ID, at: LATER }));

      // Assess
      expect(putItems()).toContainEqual({
        PK: `IDEA#${IDEA_ID}`,
        SK: 'MERGE',
        GSI1PK: 'PENDING#merge',
        GSI1SK: `${LATER}#${IDEA_ID}`,
        type: 'merge',
        ideaId: IDEA_ID,
        into: OTHER_IDEA_ID,
        at: LATER,
      });
    });

    it('checks in the same transaction that a merge’s target is still open, and reports a closed one as a concurrent change', async () => {
      // Prepare
      ddbMock.on(TransactWriteCommand).resolvesOnce({});
      const change = { idea: anIdeaInTriage(), to: 'duplicate', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER } as const;
      const parts = () => [work.mergeJob({ ideaId: IDEA_ID, into: OTHER_IDEA_ID, at: LATER }), store.statusCheck(OTHER_IDEA_ID, ['in_triage', 'accepted'])];
      await store.transition(change, ...parts());
      const items = theTransaction(ddbMock);
      const check = items.findIndex((item) => item.ConditionCheck !== undefined);
      ddbMock.reset();
      ddbMock.on(TransactWriteCommand).rejects(transactionCanceled(...items.map((_, index) => (index === check ? 'ConditionalCheckFailed' : 'None'))));

      // Act
      const error = await rejectionOf(store.transition(change, ...parts()));

      // Assess
      // The idea's own items first, then the merge, then the check, then the counters.
      expect(items[check - 1]?.Put?.Item).toMatchObject({ SK: 'MERGE', type: 'merge' });
      expect(items.slice(check + 1).every((item) => item.Update !== undefined)).toBe(true);
      expect(items[check]).toEqual({
        ConditionCheck: {
          TableName: TABLE_NAME,
          Key: { PK: `IDEA#${OTHER_IDEA_ID}`, SK: 'META' },
          ConditionExpression: '#status IN (:s0, :s1)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':s0': 'in_triage', ':s1': 'accepted' },
        },
      });
      expect(error).toBeInstanceOf(VersionConflictError);
      expect(error).toMatchObject({ conflict: { kind: 'idea', id: IDEA_ID } });
    });

    it('rethrows, as no conflict, a failed condition of a part that is not about the idea (an e-mail that exists already)', async () => {
      // Prepare
      const notification = aNotification({ id: `${IDEA_ID}.v3`, createdAt: LATER });
      const change = { idea: anIdeaInTriage(), to: 'declined', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER } as const;
      ddbMock.on(TransactWriteCommand).resolvesOnce({});
      await store.transition(change, notifications.creation(notification));
      const items = theTransaction(ddbMock);
      const created = items.findIndex((item) => item.Put?.Item?.['type'] === 'notification');
      const failure = transactionCanceled(...items.map((_, index) => (index === created ? 'ConditionalCheckFailed' : 'None')));
      ddbMock.reset();
      ddbMock.on(TransactWriteCommand).rejects(failure);

      // Act
      const thrown = await rejectionOf(store.transition(change, notifications.creation(notification)));

      // Assess
      expect(thrown).toBe(failure);
    });

    it('refuses a part it cannot write (another store family’s), writing nothing', async () => {
      // Prepare
      const fake: TransactionPart = { describes: 'a fake’s notification' };

      // Act
      const thrown = await rejectionOf(store.transition({ idea: anIdeaInTriage(), to: 'declined', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER }, fake));

      // Assess
      expect(thrown).toBeInstanceOf(TypeError);
      expect(ddbMock).not.toHaveReceivedAnyCommand();
    });

    it('joins the idea’s and the pilot’s shares of the counters into one update per shard, after every part’s items', async () => {
      // Prepare
      const pilot = aPilot({ createdAt: LATER, stageEnteredAt: LATER, updatedAt: LATER });
      const notification = aNotification({ id: `${IDEA_ID}.v3`, createdAt: LATER });
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea: anIdeaInTriage(), to: 'accepted', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER }, pilots.creation(pilot), notifications.creation(notification));

      // Assess
      const items = theTransaction(ddbMock);
      const types = items.map((item) => (item.Update === undefined ? String(item.Put?.Item?.['type'] ?? 'delete') : 'counters'));
      const firstOf = (type: string) => types.indexOf(type);
      const lastOf = (type: string) => types.lastIndexOf(type);
      expect(types.slice(0, 2)).toEqual(['idea', 'event']);
      expect(lastOf('inbox')).toBeLessThan(firstOf('pilot'));
      expect(lastOf('pilot-entry')).toBeLessThan(firstOf('notification'));
      expect(types.slice(firstOf('counters')).every((type) => type === 'counters')).toBe(true);
      const shards = updatesOf(items).map((update) => update.Key);
      expect(shards).toEqual([...new Set([shardOf(IDEA_ID), shardOf(PILOT_ID)])].map(pipelineShardKey));
    });

    it('writes none of them when the change does not carry them', async () => {
      // Prepare
      ddbMock.on(TransactWriteCommand).resolves({});

      // Act
      await store.transition({ idea: anIdeaInTriage(), to: 'declined', actor: { kind: 'staff', sub: TRIAGE.sub }, at: LATER });

      // Assess
      expect(putItems().filter((item) => ['notification', 'pilot', 'merge'].includes(String(item['type'])))).toEqual([]);
    });
  });

  it.each([
    ['the idea changed', ['ConditionalCheckFailed', 'None']],
    ['the event already exists', ['None', 'ConditionalCheckFailed']],
    ['another transaction touched the idea at the same moment', ['TransactionConflict', 'None']],
  ])('throws VersionConflictError when %s', async (_case, codes) => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejects(transactionCanceled(...codes));

    // Act
    const error = await rejectionOf(store.transition({ idea: anIdea(), to: 'in_triage', actor: { kind: 'system' }, at }));

    // Assess
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ conflict: { kind: 'idea', id: IDEA_ID, expectedVersion: anIdea().version } });
    expect(error.cause).toBeInstanceOf(TransactionCanceledException);
  });

  it('rethrows a cancellation for other reasons as it is', async () => {
    // Prepare
    const error = transactionCanceled('ValidationError', 'None');
    ddbMock.on(TransactWriteCommand).rejects(error);

    // Act
    const thrown = await rejectionOf(store.transition({ idea: anIdea(), to: 'in_triage', actor: { kind: 'system' }, at }));

    // Assess
    expect(thrown).toBe(error);
  });
});

describe('DynamoIdeaStore.listInbox', () => {
  const list = { status: 'in_triage', kind: 'friction', department: 'ældre og sundhed' } as const;
  const partition = `INBOX#in_triage#k=friction#d=${DEPARTMENT}#s=priority`;
  const row = { id: IDEA_ID, title: 'Bøvl med at låse døren op i appen', kind: 'friction', department: 'Ældre og sundhed', status: 'in_triage', statusChangedAt: ADMITTED_AT, themes: [], priority: 40, priorityComplete: false, duplicateCandidates: 0 };

  it('reads one page of exactly one inbox partition, with the asked limit (and one more, to know whether a page follows), and hands back the rows', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [{ PK: partition, SK: `0600#${ADMITTED_AT}#${IDEA_ID}`, type: 'inbox', row }] });

    // Act
    const page = await store.listInbox(list, 'priority', 25);

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
    const lastKey = { PK: partition, SK: `0600#${ADMITTED_AT}#${IDEA_ID}` };
    ddbMock.on(QueryCommand).resolvesOnce({ Items: [{ ...lastKey, type: 'inbox', row }], LastEvaluatedKey: lastKey }).resolvesOnce({ Items: [] });

    // Act
    const first = await store.listInbox(list, 'priority', 1);
    const second = await store.listInbox(list, 'priority', 1, first.nextCursor);

    // Assess
    expect(first.nextCursor).toBe(encodeCursor(lastKey));
    expect(second).toEqual({ items: [] });
    expect(ddbMock).toHaveReceivedNthCommandWith(QueryCommand, 2, { ExpressionAttributeValues: { ':pk': partition }, ExclusiveStartKey: lastKey });
  });

  it.each([
    ['the same list in the other order', { PK: `INBOX#in_triage#k=friction#d=${DEPARTMENT}#s=age`, SK: `${ADMITTED_AT}#${IDEA_ID}` }],
    ['another status', { PK: `INBOX#parked#k=friction#d=${DEPARTMENT}#s=priority`, SK: `0600#${ADMITTED_AT}#${IDEA_ID}` }],
    ['the list without its department', { PK: 'INBOX#in_triage#k=friction#s=priority', SK: `0600#${ADMITTED_AT}#${IDEA_ID}` }],
    ['an idea item', { PK: `IDEA#${IDEA_ID}`, SK: 'META' }],
  ])('refuses a cursor from %s without querying', async (_case, key) => {
    // Act
    const error = await rejectionOf(store.listInbox(list, 'priority', 25, encodeCursor(key)));

    // Assess
    expect(error).toBeInstanceOf(InvalidCursorError);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('refuses a cursor with keys the partition does not have', async () => {
    // Prepare
    const cursor = encodeCursor({ PK: partition, SK: 'x', GSI1PK: 'STATUS#in_triage' });

    // Act
    const error = await rejectionOf(store.listInbox(list, 'priority', 25, cursor));

    // Assess
    expect(error).toBeInstanceOf(InvalidCursorError);
  });
});

describe('DynamoIdeaStore.listInStatusSince', () => {
  it('queries the status index for ideas that changed status before the cut-off', async () => {
    // Prepare
    const idea = anIdea();
    ddbMock.on(QueryCommand).resolves({ Items: [ideaItem(idea)] });

    // Act
    const ideas = await store.listInStatusSince('submitted', '2026-01-05T09:00:00.000Z', 500);

    // Assess
    expect(ideas).toEqual([idea]);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(QueryCommand, {
      TableName: TABLE_NAME,
      IndexName: 'GSI1',
      KeyConditionExpression: '#pk = :pk AND #sk < :sk',
      ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK' },
      ExpressionAttributeValues: { ':pk': 'STATUS#submitted', ':sk': '2026-01-05T09:00:00.000Z' },
      Limit: 500,
    });
  });

  it('reads further pages until it has the limit', async () => {
    // Prepare
    const pageBreak = { PK: 'x', SK: 'META', GSI1PK: 'STATUS#submitted', GSI1SK: 'y' };
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [ideaItem(anIdea())], LastEvaluatedKey: pageBreak })
      .resolvesOnce({ Items: [ideaItem(anIdea({ id: OTHER_IDEA_ID }))], LastEvaluatedKey: pageBreak });

    // Act
    const ideas = await store.listInStatusSince('submitted', '2026-01-05T09:00:00.000Z', 2);

    // Assess
    expect(ideas.map((idea) => idea.id)).toEqual([IDEA_ID, OTHER_IDEA_ID]);
    expect(ddbMock).toHaveReceivedCommandTimes(QueryCommand, 2);
    expect(ddbMock).toHaveReceivedNthCommandWith(QueryCommand, 2, { Limit: 1, ExclusiveStartKey: pageBreak });
  });
});

describe('DynamoIdeaStore.recordRequeue', () => {
  it('counts one more re-queue, only while the idea is where it was', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await store.recordRequeue(anIdea({ requeueCount: 2 }));

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, {
      TableName: TABLE_NAME,
      Key: { PK: `IDEA#${IDEA_ID}`, SK: 'META' },
      UpdateExpression: 'SET requeueCount = :next',
      ConditionExpression: '#status = :status AND #version = :version',
      ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
      ExpressionAttributeValues: { ':next': 3, ':status': 'submitted', ':version': 1 },
    });
  });

  it('does nothing when the idea moved on meanwhile', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const result = store.recordRequeue(anIdea());

    // Assess
    await expect(result).resolves.toBeUndefined();
  });

  it('rethrows other errors', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(new Error('network down'));

    // Act
    const result = store.recordRequeue(anIdea());

    // Assess
    await expect(result).rejects.toThrow('network down');
  });
});

describe('DynamoIdeaStore.getIdeas', () => {
  it('reads several ideas with BatchGet, 100 keys a call, retrying unprocessed keys', async () => {
    // Prepare
    const ids = Array.from({ length: 101 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
    ddbMock
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { [TABLE_NAME]: [ideaItem(anIdea())] }, UnprocessedKeys: { [TABLE_NAME]: { Keys: [{ PK: `IDEA#${ids[5]}`, SK: 'META' }] } } })
      .resolves({ Responses: { [TABLE_NAME]: [] } });

    // Act
    const ideas = await store.getIdeas(ids);

    // Assess
    expect(ideas).toEqual([anIdea()]);
    const calls = ddbMock.commandCalls(BatchGetCommand);
    expect(calls.map((call) => call.args[0].input.RequestItems?.[TABLE_NAME]?.Keys?.length)).toEqual([100, 1, 1]);
  });
});

describe('DynamoIdeaStore.listIdsInStatus', () => {
  it('pages through one status on the status index reading only the ids, with a cursor bound to that status', async () => {
    // Prepare
    const lastKey = { PK: `IDEA#${OTHER_IDEA_ID}`, SK: 'META', GSI1PK: 'STATUS#parked', GSI1SK: `2026-01-05T08:31:00.000Z#${OTHER_IDEA_ID}` };
    ddbMock.on(QueryCommand).resolves({ Items: [{ id: IDEA_ID }, { id: OTHER_IDEA_ID }], LastEvaluatedKey: lastKey });

    // Act
    const page = await store.listIdsInStatus('parked', 250);
    const foreign = await rejectionOf(store.listIdsInStatus('in_triage', 250, page.nextCursor));

    // Assess
    expect(page).toEqual({ items: [IDEA_ID, OTHER_IDEA_ID], nextCursor: encodeCursor(lastKey) });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI1',
      KeyConditionExpression: '#pk = :pk',
      // The id, and the keys the cursor is made of.
      ProjectionExpression: '#p0, #p1, #p2, #p3, #p4',
      ExpressionAttributeNames: { '#pk': 'GSI1PK', '#p0': 'id', '#p1': 'PK', '#p2': 'SK', '#p3': 'GSI1PK', '#p4': 'GSI1SK' },
      ExpressionAttributeValues: { ':pk': 'STATUS#parked' },
      Limit: 251,
    });
    expect(foreign).toBeInstanceOf(InvalidCursorError);
  });
});

describe('DynamoIdeaStore.listByStatus', () => {
  it('pages through one status on the status index, oldest change first, with a cursor bound to that status', async () => {
    // Prepare
    const lastKey = { PK: `IDEA#${IDEA_ID}`, SK: 'META', GSI1PK: 'STATUS#in_triage', GSI1SK: `2026-01-05T08:31:00.000Z#${IDEA_ID}` };
    ddbMock.on(QueryCommand).resolves({ Items: [ideaItem(anIdea({ status: 'in_triage' }))], LastEvaluatedKey: lastKey });

    // Act
    const page = await store.listByStatus('in_triage', 25);
    const next = encodeCursor(lastKey);
    await store.listByStatus('in_triage', 25, next);
    const foreign = await rejectionOf(store.listByStatus('parked', 25, next));

    // Assess
    expect(page.nextCursor).toBe(next);
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { IndexName: 'GSI1', Limit: 26, ExpressionAttributeValues: { ':pk': 'STATUS#in_triage' } });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { ExclusiveStartKey: lastKey });
    expect(foreign).toBeInstanceOf(InvalidCursorError);
  });
});
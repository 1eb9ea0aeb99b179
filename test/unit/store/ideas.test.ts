import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Idea } from '../../../shared/domain/idea.ts';
import { InvalidCursorError } from '../../../shared/http/errors.ts';
import { encodeCursor } from '../../../shared/store/cursor.ts';
import { ConcurrentChangeError, DynamoIdeaStore, type IdempotencyRecord } from '../../../shared/store/ideas.ts';
import { rejectionOf } from '../support/errors.ts';
import {
  aFrictionIdea,
  anAnonymousIdea,
  anIdea,
  aSubmittedEvent,
  eventItem,
  IDEA_ID,
  idempotencyItem,
  ideaItem,
  OTHER_IDEA_ID,
  SUBMITTER_SUB,
} from '../support/ideas.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const store = new DynamoIdeaStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME);

afterEach(() => {
  ddbMock.reset();
});

/** DynamoDB's answer when one of a transaction's conditions fails: one reason per item, in order. */
function cancelled(...codes: string[]): TransactionCanceledException {
  return new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: codes.map((Code) => (Code === 'None' ? { Code } : { Code, Message: 'The conditional request failed' })),
  });
}

const idempotency: IdempotencyRecord = {
  keyHash: 'a'.repeat(64),
  requestHash: 'b'.repeat(64),
  ideaId: IDEA_ID,
  expiresAt: 1767344400,
};

describe('DynamoIdeaStore.submit', () => {
  it('writes the idea and its first event in one transaction, each only if new', async () => {
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
    expect(items).toHaveLength(3);
    expect(items?.[2]).toEqual({
      Put: {
        TableName: TABLE_NAME,
        Item: { PK: `IDEMPOTENCY#${idempotency.keyHash}`, SK: 'META', type: 'idempotency', ...idempotency },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  });

  it('indexes the idea under its status and its submitter', async () => {
    // Prepare
    const idea = anIdea();
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.submit(idea, aSubmittedEvent(idea));

    // Assess
    const item = ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put?.Item;
    expect(item).toMatchObject({
      PK: `IDEA#${IDEA_ID}`,
      SK: 'META',
      GSI1PK: 'STATUS#submitted',
      GSI1SK: `${idea.statusChangedAt}#${IDEA_ID}`,
      GSI2PK: `SUBMITTER#${SUBMITTER_SUB}`,
      GSI2SK: `${idea.createdAt}#${IDEA_ID}`,
      title: 'Færre dobbeltregistreringer på plejecentret',
    });
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

  it('returns the stored record when the idempotency key was used before (condition failed on item 3)', async () => {
    // Prepare
    const earlier: IdempotencyRecord = { ...idempotency, ideaId: OTHER_IDEA_ID, followUpToken: 'token-from-the-first-time' };
    ddbMock.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'ConditionalCheckFailed'));
    ddbMock.on(GetCommand).resolves({ Item: idempotencyItem(earlier) });
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
    const error = cancelled('None', 'None', 'ConditionalCheckFailed');
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
    const error = cancelled('ConditionalCheckFailed', 'None', 'None');
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
    const error = cancelled('ConditionalCheckFailed', 'None');
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
  it('reads the idea and its history from one partition, across pages', async () => {
    // Prepare
    const idea = anIdea({ status: 'in_triage', version: 2 });
    const first = aSubmittedEvent(idea);
    const second = { ideaId: IDEA_ID, version: 2, at: '2026-01-05T08:31:00.000Z', from: 'submitted', to: 'in_triage', actor: { kind: 'system' } } as const;
    const pageBreak = { PK: `IDEA#${IDEA_ID}`, SK: 'EVENT#000001' };
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [eventItem(first)], LastEvaluatedKey: pageBreak })
      .resolvesOnce({ Items: [eventItem(second), ideaItem(idea)] });

    // Act
    const found = await store.getIdeaWithHistory(IDEA_ID);

    // Assess
    expect(found).toEqual({ idea, history: [first, second] });
    expect(ddbMock).toHaveReceivedCommandTimes(QueryCommand, 2);
    expect(ddbMock).toHaveReceivedNthCommandWith(QueryCommand, 1, {
      TableName: TABLE_NAME,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `IDEA#${IDEA_ID}` },
      ConsistentRead: true,
    });
    expect(ddbMock).toHaveReceivedNthCommandWith(QueryCommand, 2, { ExclusiveStartKey: pageBreak });
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

describe('DynamoIdeaStore.listBySubmitter', () => {
  const partition = `SUBMITTER#${SUBMITTER_SUB}`;

  it('queries the submitter index newest first, a page of the asked size', async () => {
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
      Limit: 2,
      ExclusiveStartKey: undefined,
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

  it('writes the new status and its audit event, only if nobody changed the idea meanwhile', async () => {
    // Prepare
    const idea = aFrictionIdea();
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    const updated = await store.transition({ idea, to: 'in_triage', actor: { kind: 'system' }, at, set: { frictionHoursPerYear: 1380 } });

    // Assess
    const expected: Idea = { ...idea, status: 'in_triage', statusChangedAt: at, updatedAt: at, version: 2, frictionHoursPerYear: 1380 };
    expect(updated).toEqual(expected);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(TransactWriteCommand, {
      TransactItems: [
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
      ],
    });
  });

  it('moves the idea to the new status in the status index', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.transition({ idea: anIdea(), to: 'in_triage', actor: { kind: 'system' }, at });

    // Assess
    const item = ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put?.Item;
    expect(item).toMatchObject({ GSI1PK: 'STATUS#in_triage', GSI1SK: `${at}#${IDEA_ID}` });
  });

  it('records who made the change and why', async () => {
    // Prepare
    const idea = anIdea({ status: 'in_triage', version: 2 });
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.transition({ idea, to: 'declined', actor: { kind: 'staff', sub: 'triage-1', name: 'Søren' }, at, reason: 'Findes allerede i Fælleskommunalt system.' });

    // Assess
    const event = ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[1]?.Put?.Item;
    expect(event).toMatchObject({
      SK: 'EVENT#000003',
      from: 'in_triage',
      to: 'declined',
      actor: { kind: 'staff', sub: 'triage-1', name: 'Søren' },
      reason: 'Findes allerede i Fælleskommunalt system.',
    });
  });

  it.each([
    ['the idea changed', ['ConditionalCheckFailed', 'None']],
    ['the event already exists', ['None', 'ConditionalCheckFailed']],
  ])('throws ConcurrentChangeError when %s', async (_case, codes) => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejects(cancelled(...codes));

    // Act
    const error = await rejectionOf(store.transition({ idea: anIdea(), to: 'in_triage', actor: { kind: 'system' }, at }));

    // Assess
    expect(error).toBeInstanceOf(ConcurrentChangeError);
    expect(error.cause).toBeInstanceOf(TransactionCanceledException);
  });

  it('rethrows a cancellation for other reasons as it is', async () => {
    // Prepare
    const error = cancelled('TransactionConflict', 'None');
    ddbMock.on(TransactWriteCommand).rejects(error);

    // Act
    const thrown = await rejectionOf(store.transition({ idea: anIdea(), to: 'in_triage', actor: { kind: 'system' }, at }));

    // Assess
    expect(thrown).toBe(error);
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
      KeyConditionExpression: '#pk = :pk AND #sk < :before',
      ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK' },
      ExpressionAttributeValues: { ':pk': 'STATUS#submitted', ':before': '2026-01-05T09:00:00.000Z' },
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
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { IndexName: 'GSI1', Limit: 25, ExpressionAttributeValues: { ':pk': 'STATUS#in_triage' } });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { ExclusiveStartKey: lastKey });
    expect(foreign).toBeInstanceOf(InvalidCursorError);
  });
});

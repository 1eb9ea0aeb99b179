import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoBackgroundWorkStore } from '../../../shared/store/background-work.ts';
import { dynamoParts, transactionItems } from '../../../shared/store/compose.ts';
import { ADMITTED_AT, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const store = new DynamoBackgroundWorkStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME);

afterEach(() => {
  ddbMock.reset();
});

/** A moment after the test ideas reached triage. */
const LATER = '2026-01-06T09:15:00.000Z';

describe('DynamoBackgroundWorkStore.mergeJob', () => {
  it('makes the pending merge of a duplicate, in the status index, only if new, so the sweeper finishes it if the deciding function cannot', () => {
    // Act
    const items = transactionItems(TABLE_NAME, dynamoParts([store.mergeJob({ ideaId: IDEA_ID, into: OTHER_IDEA_ID, at: LATER })]));

    // Assess
    expect(items).toEqual([
      {
        Put: {
          TableName: TABLE_NAME,
          Item: { PK: `IDEA#${IDEA_ID}`, SK: 'MERGE', GSI1PK: 'PENDING#merge', GSI1SK: `${LATER}#${IDEA_ID}`, type: 'merge', ideaId: IDEA_ID, into: OTHER_IDEA_ID, at: LATER },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ]);
    expect(ddbMock.calls()).toHaveLength(0);
  });
});

describe('DynamoBackgroundWorkStore.listPendingMerges and completeMerge', () => {
  it('reads the pending merges older than the cut-off from the status index, oldest first', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [{ PK: `IDEA#${IDEA_ID}`, SK: 'MERGE', type: 'merge', ideaId: IDEA_ID, into: OTHER_IDEA_ID, at: ADMITTED_AT }] });

    // Act
    const merges = await store.listPendingMerges('2026-01-05T11:58:00.000Z', 500);

    // Assess
    expect(merges).toEqual([{ ideaId: IDEA_ID, into: OTHER_IDEA_ID, at: ADMITTED_AT }]);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(QueryCommand, {
      TableName: TABLE_NAME,
      IndexName: 'GSI1',
      KeyConditionExpression: '#pk = :pk AND #sk < :sk',
      ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK' },
      ExpressionAttributeValues: { ':pk': 'PENDING#merge', ':sk': '2026-01-05T11:58:00.000Z' },
      Limit: 500,
    });
  });

  it('deletes the merge item once the supporters are carried over', async () => {
    // Prepare
    ddbMock.on(DeleteCommand).resolves({});

    // Act
    await store.completeMerge(IDEA_ID);

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(DeleteCommand, { TableName: TABLE_NAME, Key: { PK: `IDEA#${IDEA_ID}`, SK: 'MERGE' } });
  });
});

describe('DynamoBackgroundWorkStore.listDueRevisits', () => {
  it('reads only the revisit entries of days up to the given day, a capped number', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [{ PK: 'REVISIT', SK: `2026-03-01#${IDEA_ID}`, type: 'revisit', ideaId: IDEA_ID }] });

    // Act
    const ids = await store.listDueRevisits('2026-03-02', 200);

    // Assess
    expect(ids).toEqual([IDEA_ID]);
    expect(ddbMock).toHaveReceivedCommandTimes(QueryCommand, 1);
    const input = ddbMock.commandCalls(QueryCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ TableName: TABLE_NAME, KeyConditionExpression: '#pk = :pk AND #sk < :sk', ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' }, Limit: 200 });
    expect(input?.IndexName).toBeUndefined();
    const values = input?.ExpressionAttributeValues as { ':pk': string; ':sk': string };
    expect(values[':pk']).toBe('REVISIT');
    // The bound, as DynamoDB compares sort keys: every entry of the day and before it is below, the next day above.
    for (const due of [`2026-03-02#${IDEA_ID}`, `2026-03-02#${OTHER_IDEA_ID}`, `2026-03-01#${IDEA_ID}`, `2025-12-31#${IDEA_ID}`]) expect(due < values[':sk']).toBe(true);
    for (const later of [`2026-03-03#${IDEA_ID}`, `2026-04-01#${IDEA_ID}`, `2027-01-01#${IDEA_ID}`]) expect(later > values[':sk']).toBe(true);
  });
});

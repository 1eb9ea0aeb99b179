import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoSimilarityIndex } from '../../../shared/store/similarity-index.ts';
import { IDEA_ID } from '../support/ideas.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const index = new DynamoSimilarityIndex(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME);
const idea = { id: IDEA_ID, createdAt: '2026-11-22T08:00:00.000Z' };

afterEach(() => {
  ddbMock.reset();
});

describe('DynamoSimilarityIndex.add', () => {
  it('writes one item per band key, newest-first sortable, in batches of 25', async () => {
    // Prepare
    ddbMock.on(BatchWriteCommand).resolves({});
    const bandKeys = Array.from({ length: 30 }, (_, n) => `b${String(n).padStart(2, '0')}:abc`);

    // Act
    await index.add(idea, bandKeys);

    // Assess
    const calls = ddbMock.commandCalls(BatchWriteCommand);
    expect(calls.map((call) => call.args[0].input.RequestItems?.[TABLE_NAME]?.length)).toEqual([25, 5]);
    expect(calls[0]?.args[0].input.RequestItems?.[TABLE_NAME]?.[0]).toEqual({
      PutRequest: { Item: { PK: 'SIMILAR#b00:abc', SK: `2026-11-22T08:00:00.000Z#${IDEA_ID}`, type: 'similarity-band', ideaId: IDEA_ID } },
    });
  });

  it('writes again what DynamoDB left unprocessed', async () => {
    // Prepare
    const unprocessed = [{ PutRequest: { Item: { PK: 'SIMILAR#b01:x', SK: 's', ideaId: IDEA_ID } } }];
    ddbMock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE_NAME]: unprocessed } })
      .resolves({});

    // Act
    await index.add(idea, ['b00:x', 'b01:x']);

    // Assess
    const calls = ddbMock.commandCalls(BatchWriteCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args[0].input.RequestItems?.[TABLE_NAME]).toEqual(unprocessed);
  });
});

describe('DynamoSimilarityIndex.lookup', () => {
  it('queries each band once, newest first, capped, and returns the ids per band', async () => {
    // Prepare
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SIMILAR#b00:aa' } }).resolves({ Items: [{ ideaId: 'x' }, { ideaId: 'y' }] });
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SIMILAR#b01:bb' } }).resolves({ Items: [] });

    // Act
    const hits = await index.lookup(['b00:aa', 'b01:bb'], 5);

    // Assess
    expect(hits).toEqual([['x', 'y'], []]);
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(2);
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { Limit: 5, ScanIndexForward: false, TableName: TABLE_NAME });
  });
});

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoSimilarityIndex } from '../../../shared/store/similarity-index.ts';
import { IDEA_ID } from '../support/ideas.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const index = new DynamoSimilarityIndex(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME);

afterEach(() => {
  ddbMock.reset();
});

const band = (n: number, sort = '80000000') => ({ key: `b${String(n).padStart(2, '0')}:0000abcd`, sort });

describe('DynamoSimilarityIndex.add', () => {
  it('writes one item per band, keyed by band and sorted by its sort value, in batches of 25', async () => {
    // Prepare
    ddbMock.on(BatchWriteCommand).resolves({});
    const bands = Array.from({ length: 30 }, (_, n) => band(n));

    // Act
    await index.add(IDEA_ID, bands);

    // Assess
    const calls = ddbMock.commandCalls(BatchWriteCommand);
    expect(calls.map((call) => call.args[0].input.RequestItems?.[TABLE_NAME]?.length)).toEqual([25, 5]);
    expect(calls[0]?.args[0].input.RequestItems?.[TABLE_NAME]?.[0]).toEqual({
      PutRequest: { Item: { PK: 'SIMILAR#b00:0000abcd', SK: `80000000#${IDEA_ID}`, type: 'similarity-band', ideaId: IDEA_ID } },
    });
  });

  it('writes again what DynamoDB left unprocessed', async () => {
    // Prepare
    const unprocessed = [{ PutRequest: { Item: { PK: 'SIMILAR#b01:0000abcd', SK: 's', ideaId: IDEA_ID } } }];
    ddbMock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE_NAME]: unprocessed } })
      .resolves({});

    // Act
    await index.add(IDEA_ID, [band(0), band(1)]);

    // Assess
    const calls = ddbMock.commandCalls(BatchWriteCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args[0].input.RequestItems?.[TABLE_NAME]).toEqual(unprocessed);
  });
});

describe('DynamoSimilarityIndex.lookup', () => {
  it('reads each band from its own sort value, capped, and only then from the band’s start', async () => {
    // Prepare: band 0 has enough from our value on; band 1 runs out and is filled from its start.
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SIMILAR#b00:0000abcd', ':sk': '80000000' }, KeyConditionExpression: '#pk = :pk AND #sk >= :sk' }).resolves({
      Items: [{ ideaId: 'a' }, { ideaId: 'b' }],
    });
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SIMILAR#b01:0000abcd', ':sk': '80000000' }, KeyConditionExpression: '#pk = :pk AND #sk >= :sk' }).resolves({
      Items: [{ ideaId: 'c' }],
    });
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'SIMILAR#b01:0000abcd', ':sk': '80000000' }, KeyConditionExpression: '#pk = :pk AND #sk < :sk' }).resolves({
      Items: [{ ideaId: 'd' }],
    });

    // Act
    const hits = await index.lookup([band(0), band(1)], 2);

    // Assess
    expect(hits).toEqual([['a', 'b'], ['c', 'd']]);
    expect(ddbMock.commandCalls(QueryCommand)).toHaveLength(3);
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { KeyConditionExpression: '#pk = :pk AND #sk < :sk', ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK', '#p0': 'ideaId' }, ProjectionExpression: '#p0', Limit: 1 });
  });
});

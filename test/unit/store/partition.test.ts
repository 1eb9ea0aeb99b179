import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { wholePartition, wholeTable } from '../../../shared/store/partition.ts';
import { TABLE } from '../../../shared/store/table.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const pageBreak = { PK: 'P', SK: 'S#1' };

afterEach(() => {
  ddbMock.reset();
});

/** The inputs of every Query sent, in order. */
function queries() {
  return ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input);
}

describe('wholePartition', () => {
  it('reads page after page, each from where the last ended, until DynamoDB says there is no more', async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ SK: 'S#1' }], LastEvaluatedKey: pageBreak })
      .resolvesOnce({ Items: [{ SK: 'S#2' }] });

    // Act
    const items = await wholePartition(client, TABLE_NAME, 'P', { consistent: true });

    // Assess
    expect(items).toEqual([{ SK: 'S#1' }, { SK: 'S#2' }]);
    expect(queries()).toEqual([
      { TableName: TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'P' }, ConsistentRead: true, ExclusiveStartKey: undefined },
      { TableName: TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'P' }, ConsistentRead: true, ExclusiveStartKey: pageBreak },
    ]);
  });

  it('reads only the items whose sort key meets the condition, and only the attributes asked for', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    await wholePartition(client, TABLE_NAME, 'P', { sortKey: { condition: (sk) => `begins_with(${sk}, :prefix)`, values: { ':prefix': 'S#' } }, projection: 'SK' });

    // Assess
    expect(queries()).toEqual([
      { TableName: TABLE_NAME, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': 'P', ':prefix': 'S#' }, ProjectionExpression: 'SK', ExclusiveStartKey: undefined },
    ]);
  });

  it('names the keys of an index, and never reads an index consistently', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    const index = TABLE.indexes.byStatus;

    // Act
    await wholePartition(client, TABLE_NAME, 'STATUS#submitted', { index, consistent: true, newestFirst: true, sortKey: { condition: (sk) => `${sk} < :before`, values: { ':before': 'T' } } });

    // Assess
    expect(queries()).toEqual([
      {
        TableName: TABLE_NAME,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk AND #sk < :before',
        ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
        ExpressionAttributeValues: { ':pk': 'STATUS#submitted', ':before': 'T' },
        ScanIndexForward: false,
        ExclusiveStartKey: undefined,
      },
    ]);
  });

  it('with a limit, asks each page for no more than are still missing and stops once they are there', async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ SK: 'S#1' }], LastEvaluatedKey: pageBreak })
      .resolvesOnce({ Items: [{ SK: 'S#2' }, { SK: 'S#3' }], LastEvaluatedKey: { PK: 'P', SK: 'S#3' } });

    // Act
    const items = await wholePartition(client, TABLE_NAME, 'P', { limit: 3, pageSize: 2 });

    // Assess
    expect(items).toHaveLength(3);
    expect(queries().map((input) => [input.Limit, input.ExclusiveStartKey])).toEqual([
      [2, undefined],
      [2, pageBreak],
    ]);
  });
});

describe('wholeTable', () => {
  it('scans the whole table consistently, a page at a time, reading the next page only when asked', async () => {
    // Prepare
    ddbMock
      .on(ScanCommand)
      .resolvesOnce({ Items: [{ PK: 'A' }], LastEvaluatedKey: { PK: 'A', SK: 'META' } })
      .resolvesOnce({ Items: [{ PK: 'B' }] });

    // Act
    const pages: unknown[] = [];
    for await (const page of wholeTable(client, TABLE_NAME)) {
      pages.push(page);
      if (pages.length === 1) expect(ddbMock).toHaveReceivedCommandTimes(ScanCommand, 1);
    }

    // Assess
    expect(pages).toEqual([[{ PK: 'A' }], [{ PK: 'B' }]]);
    expect(ddbMock.commandCalls(ScanCommand).map((call) => call.args[0].input)).toEqual([
      { TableName: TABLE_NAME, ConsistentRead: true, ExclusiveStartKey: undefined },
      { TableName: TABLE_NAME, ConsistentRead: true, ExclusiveStartKey: { PK: 'A', SK: 'META' } },
    ]);
  });
});

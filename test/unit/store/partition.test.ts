import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../../shared/store/cursor.ts';
import { queryAll, queryPage, wholeTable } from '../../../shared/store/partition.ts';
import { InvalidCursorError } from '../../../shared/store/ports.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { rejectionOf } from '../support/errors.ts';

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

describe('queryAll', () => {
  it('reads page after page, each from where the last ended, until DynamoDB says there is no more', async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ SK: 'S#1' }], LastEvaluatedKey: pageBreak })
      .resolvesOnce({ Items: [{ SK: 'S#2' }] });

    // Act
    const items = await queryAll(client, TABLE_NAME, { partition: 'P' }, { consistent: true });

    // Assess
    expect(items).toEqual([{ SK: 'S#1' }, { SK: 'S#2' }]);
    const input = { TableName: TABLE_NAME, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': 'PK' }, ExpressionAttributeValues: { ':pk': 'P' }, ConsistentRead: true };
    expect(queries()).toEqual([
      { ...input, ExclusiveStartKey: undefined },
      { ...input, ExclusiveStartKey: pageBreak },
    ]);
  });

  it.each([
    [{ beginsWith: 'S#' }, '#pk = :pk AND begins_with(#sk, :sk)', { ':pk': 'P', ':sk': 'S#' }],
    [{ between: ['A', 'B'] as const }, '#pk = :pk AND #sk BETWEEN :lo AND :hi', { ':pk': 'P', ':lo': 'A', ':hi': 'B' }],
    [{ below: 'T' }, '#pk = :pk AND #sk < :sk', { ':pk': 'P', ':sk': 'T' }],
    [{ from: 'T' }, '#pk = :pk AND #sk >= :sk', { ':pk': 'P', ':sk': 'T' }],
  ] as const)('reads only the items in the sort-key range %j, in the same words for every query, and only the attributes asked for', async (sortKey, condition, values) => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    await queryAll(client, TABLE_NAME, { partition: 'P', sortKey }, { projection: ['SK'] });

    // Assess
    expect(queries()).toEqual([
      {
        TableName: TABLE_NAME,
        KeyConditionExpression: condition,
        ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK', '#p0': 'SK' },
        ExpressionAttributeValues: values,
        ProjectionExpression: '#p0',
        ExclusiveStartKey: undefined,
      },
    ]);
  });

  it('names the keys of an index, and never reads an index consistently', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    const index = TABLE.indexes.byStatus;

    // Act
    await queryAll(client, TABLE_NAME, { partition: 'STATUS#submitted', index, newestFirst: true, sortKey: { below: 'T' } }, { consistent: true });

    // Assess
    expect(queries()).toEqual([
      {
        TableName: TABLE_NAME,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk AND #sk < :sk',
        ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
        ExpressionAttributeValues: { ':pk': 'STATUS#submitted', ':sk': 'T' },
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
    const items = await queryAll(client, TABLE_NAME, { partition: 'P' }, { limit: 3, pageSize: 2 });

    // Assess
    expect(items).toHaveLength(3);
    expect(queries().map((input) => [input.Limit, input.ExclusiveStartKey])).toEqual([
      [2, undefined],
      [2, pageBreak],
    ]);
  });
});

describe('queryPage', () => {
  const query = { partition: 'IDEA#abc', sortKey: { beginsWith: 'COMMENT#' } };
  const comment = (n: number) => ({ PK: 'IDEA#abc', SK: `COMMENT#2026-02-0${n}#c-${n}`, n });

  it('reads one item past the page, and hands out a cursor from the page’s last item when more follow', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [comment(1), comment(2), comment(3)] });

    // Act
    const page = await queryPage(client, TABLE_NAME, query, { limit: 2, cursor: undefined }, (item) => item['n']);

    // Assess
    expect(page.items).toEqual([1, 2]);
    expect(page.nextCursor).toBe(encodeCursor({ PK: 'IDEA#abc', SK: 'COMMENT#2026-02-02#c-2' }));
    expect(queries()).toEqual([
      {
        TableName: TABLE_NAME,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
        ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
        ExpressionAttributeValues: { ':pk': 'IDEA#abc', ':sk': 'COMMENT#' },
        Limit: 3,
      },
    ]);
  });

  it('hands out no cursor on the last page, even when it is exactly full', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [comment(1), comment(2)] });

    // Act
    const page = await queryPage(client, TABLE_NAME, query, { limit: 2, cursor: undefined }, (item) => item['n']);

    // Assess
    expect(page).toEqual({ items: [1, 2] });
  });

  it('hands out DynamoDB’s own last key when it cut the page short at 1 MB', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [comment(1)], LastEvaluatedKey: { PK: 'IDEA#abc', SK: 'COMMENT#2026-02-01#c-1' } });

    // Act
    const page = await queryPage(client, TABLE_NAME, query, { limit: 2, cursor: undefined }, (item) => item['n']);

    // Assess
    expect(page).toEqual({ items: [1], nextCursor: encodeCursor({ PK: 'IDEA#abc', SK: 'COMMENT#2026-02-01#c-1' }) });
  });

  it('reads on from a cursor it issued, and keeps an index’s keys in it', async () => {
    // Prepare
    const index = TABLE.indexes.byStatus;
    const last = { PK: 'IDEA#b', SK: 'META', GSI1PK: 'STATUS#in_triage', GSI1SK: '2026-01-05#b' };
    ddbMock.on(QueryCommand).resolves({ Items: [{ ...last, GSI1SK: '2026-01-06#c', PK: 'IDEA#c' }, { PK: 'IDEA#d', SK: 'META', GSI1PK: 'STATUS#in_triage', GSI1SK: '2026-01-07#d' }] });

    // Act
    const page = await queryPage(client, TABLE_NAME, { partition: 'STATUS#in_triage', index }, { limit: 1, cursor: encodeCursor(last), consistent: true }, (item) => item['PK']);

    // Assess
    expect(page).toEqual({ items: ['IDEA#c'], nextCursor: encodeCursor({ PK: 'IDEA#c', SK: 'META', GSI1PK: 'STATUS#in_triage', GSI1SK: '2026-01-06#c' }) });
    expect(queries()[0]).toMatchObject({ IndexName: index.name, ExclusiveStartKey: last, Limit: 2 });
    expect(queries()[0]).not.toHaveProperty('ConsistentRead');
  });

  it('asks for the key attributes too when it reads only some attributes, so the cursor can be made', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    await queryPage(client, TABLE_NAME, { partition: 'STATUS#in_triage', index: TABLE.indexes.byStatus }, { limit: 5, cursor: undefined, projection: ['id'] }, (item) => item['id']);

    // Assess
    expect(queries()[0]).toMatchObject({ ProjectionExpression: '#p0, #p1, #p2, #p3, #p4', ExpressionAttributeNames: { '#p0': 'id', '#p1': 'PK', '#p2': 'SK', '#p3': 'GSI1PK', '#p4': 'GSI1SK' } });
  });

  it.each([
    ['of another partition', { PK: 'IDEA#other', SK: 'COMMENT#2026-02-01#c-1' }],
    ['outside the query’s sort-key range (a supporter’s key, for a page of comments)', { PK: 'IDEA#abc', SK: 'SUPPORTER#f00d' }],
    ['with the keys of an index, for a query of the table', { PK: 'IDEA#abc', SK: 'COMMENT#x', GSI1PK: 'a', GSI1SK: 'b' }],
  ])('refuses a cursor %s, reading nothing', async (_, key) => {
    // Act
    const thrown = await rejectionOf(queryPage(client, TABLE_NAME, query, { limit: 2, cursor: encodeCursor(key) }, (item) => item));

    // Assess
    expect(thrown).toBeInstanceOf(InvalidCursorError);
    expect(ddbMock).not.toHaveReceivedCommand(QueryCommand);
  });

  it.each([
    [{ between: ['EVENT#', 'SUPPORTER#'] as const }, 'SUPPORTER#f00d', 'EVENT#000001'],
    [{ below: '2026-01-05$' }, '2026-01-06#abc', '2026-01-05#abc'],
    [{ from: '80000000' }, '7fffffff#abc', '80000000#abc'],
  ] as const)('holds a cursor to the range %j: refuses %s, reads on from %s', async (sortKey, outside, inside) => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    const ranged = { partition: 'P', sortKey };

    // Act
    const refused = await rejectionOf(queryPage(client, TABLE_NAME, ranged, { limit: 2, cursor: encodeCursor({ PK: 'P', SK: outside }) }, (item) => item));
    const page = await queryPage(client, TABLE_NAME, ranged, { limit: 2, cursor: encodeCursor({ PK: 'P', SK: inside }) }, (item) => item);

    // Assess
    expect(refused).toBeInstanceOf(InvalidCursorError);
    expect(page).toEqual({ items: [] });
    expect(queries()).toHaveLength(1);
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

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContributionChange } from '../../../shared/domain/pipeline.ts';
import { commit, DynamoPart, dynamoParts, failedIn, item, transactionItems, versionConflictIn } from '../../../shared/store/compose.ts';
import { shardOf } from '../../../shared/store/pipeline.ts';
import type { TransactionPart } from '../../../shared/store/ports.ts';
import { rejectionOf } from '../support/errors.ts';
import { transactionCanceled } from '../support/lambda.ts';
import { countersAdded, updatesOf } from '../support/pipeline.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

afterEach(() => {
  ddbMock.reset();
});

const stored = (pk: string, sk = 'META') => ({ PK: pk, SK: sk, type: 'test' });
const adds = (counters: Record<string, number>): ContributionChange => ({ add: counters, set: {}, remove: [] });

/** Two ids in one counter shard and one in another. */
function idsInShards(): { a: string; sameAsA: string; other: string } {
  const ids = Array.from({ length: 200 }, (_, n) => `id-${n}`);
  const a = ids[0]!;
  const sameAsA = ids.find((id) => id !== a && shardOf(id) === shardOf(a))!;
  const other = ids.find((id) => shardOf(id) !== shardOf(a))!;
  return { a, sameAsA, other };
}

describe('item', () => {
  it('puts an item as it is, creates one only if nothing is there yet, deletes by key', () => {
    expect(item.put(TABLE_NAME, stored('A'))).toEqual({ item: { Put: { TableName: TABLE_NAME, Item: stored('A') } } });
    expect(item.create(TABLE_NAME, stored('A'))).toEqual({ item: { Put: { TableName: TABLE_NAME, Item: stored('A'), ConditionExpression: 'attribute_not_exists(PK)' } } });
    expect(item.create(TABLE_NAME, stored('A'), true)).toEqual({ item: { Put: { TableName: TABLE_NAME, Item: stored('A'), ConditionExpression: 'attribute_not_exists(PK)' } }, conflict: true });
    expect(item.delete(TABLE_NAME, { PK: 'A', SK: 'META' })).toEqual({ item: { Delete: { TableName: TABLE_NAME, Key: { PK: 'A', SK: 'META' } } } });
  });
});

describe('transactionItems', () => {
  it('joins the parts’ items in the order the parts are given, each part’s in its own order', () => {
    // Prepare
    const own = new DynamoPart('own', [item.put(TABLE_NAME, stored('A', '1')), item.put(TABLE_NAME, stored('A', '2'))]);
    const first = new DynamoPart('first', [item.create(TABLE_NAME, stored('B'))]);
    const second = new DynamoPart('second', [item.delete(TABLE_NAME, { PK: 'C', SK: 'META' })]);

    // Act
    const items = transactionItems(TABLE_NAME, [own, first, second]);

    // Assess
    expect(items.map((entry) => entry.Put?.Item?.['PK'] ?? entry.Delete?.Key?.['PK'])).toEqual(['A', 'A', 'B', 'C']);
    expect(items.map((entry) => entry.Put?.Item?.['SK'] ?? entry.Delete?.Key?.['SK'])).toEqual(['1', '2', 'META', 'META']);
  });

  it('adds one counter update per shard touched after every item, the shares of all parts on one shard combined', () => {
    // Prepare
    const { a, sameAsA, other } = idsInShards();
    const own = new DynamoPart('own', [item.put(TABLE_NAME, stored('A'))], [{ id: a, change: adds({ ideas: 1 }) }]);
    const alongside = new DynamoPart('pilot', [item.put(TABLE_NAME, stored('P'))], [
      { id: sameAsA, change: adds({ ideas: 2, 'stage:sprint': 1 }) },
      { id: other, change: adds({ 'stage:sprint': 5 }) },
    ]);

    // Act
    const items = transactionItems(TABLE_NAME, [own, alongside]);

    // Assess
    expect(items.slice(0, 2).map((entry) => entry.Put?.Item?.['PK'])).toEqual(['A', 'P']);
    const updates = updatesOf(items);
    expect(items.slice(2)).toHaveLength(2);
    expect(updates.map((update) => update.Key)).toEqual([
      { PK: 'PIPELINE', SK: `SHARD#${String(shardOf(a)).padStart(2, '0')}` },
      { PK: 'PIPELINE', SK: `SHARD#${String(shardOf(other)).padStart(2, '0')}` },
    ]);
    expect(countersAdded([updates[0]!])).toEqual({ ideas: 3, 'stage:sprint': 1 });
    expect(countersAdded([updates[1]!])).toEqual({ 'stage:sprint': 5 });
  });

  it('sends no update for a shard whose shares cancel out', () => {
    // Prepare
    const { a, sameAsA } = idsInShards();
    const parts = [new DynamoPart('one', [], [{ id: a, change: adds({ ideas: 1 }) }]), new DynamoPart('two', [], [{ id: sameAsA, change: adds({ ideas: -1 }) }])];

    // Act
    const items = transactionItems(TABLE_NAME, parts);

    // Assess
    expect(items).toEqual([]);
  });
});

describe('dynamoParts', () => {
  it('hands back the DynamoDB parts as they are', () => {
    // Prepare
    const part = new DynamoPart('part', [item.put(TABLE_NAME, stored('A'))]);

    // Act
    const parts = dynamoParts([part]);

    // Assess
    expect(parts).toEqual([part]);
    expect(parts[0]).toBe(part);
  });

  it('refuses a part another store family made (a fake’s), naming it', () => {
    // Prepare
    const fake: TransactionPart = { describes: 'notification n-1 of the in-memory store' };

    // Act
    const thrown = (() => {
      try {
        dynamoParts([new DynamoPart('fine', []), fake]);
        return undefined;
      } catch (error) {
        return error;
      }
    })();

    // Assess
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toContain('notification n-1 of the in-memory store');
  });
});

describe('commit', () => {
  it('writes every part’s items and the counter updates in one transaction', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});
    const parts = [new DynamoPart('own', [item.put(TABLE_NAME, stored('A'))], [{ id: 'x', change: adds({ ideas: 1 }) }]), new DynamoPart('other', [item.create(TABLE_NAME, stored('B'))])];

    // Act
    await commit(client, TABLE_NAME, parts);

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(TransactWriteCommand, { TransactItems: transactionItems(TABLE_NAME, parts) });
  });

  it('refuses a transaction over DynamoDB’s 100 items, sending nothing', async () => {
    // Prepare
    const part = new DynamoPart('big', Array.from({ length: 101 }, (_, n) => item.put(TABLE_NAME, stored(`A${n}`))));

    // Act
    const thrown = await rejectionOf(commit(client, TABLE_NAME, [part]));

    // Assess
    expect(thrown).toBeInstanceOf(Error);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

describe('failedIn', () => {
  const own = new DynamoPart('own', [item.put(TABLE_NAME, stored('A', '1')), item.put(TABLE_NAME, stored('A', '2'))]);
  const record = new DynamoPart('record', [item.create(TABLE_NAME, stored('B'))]);
  const email = new DynamoPart('email', [item.create(TABLE_NAME, stored('C'))]);
  const parts = [own, record, email];

  it('finds a failed condition in the part by the part’s offset in the transaction', () => {
    // Prepare: item 2 is the record's, item 3 the e-mail's.
    const recordFailed = transactionCanceled('None', 'None', 'ConditionalCheckFailed', 'None');
    const emailFailed = transactionCanceled('None', 'None', 'None', 'ConditionalCheckFailed');

    // Act
    const found = [failedIn(recordFailed, parts, own), failedIn(recordFailed, parts, record), failedIn(recordFailed, parts, email), failedIn(emailFailed, parts, record), failedIn(emailFailed, parts, email)];

    // Assess
    expect(found).toEqual([false, true, false, false, true]);
  });

  it('finds nothing for a part not in the transaction, a conflict, or another error', () => {
    expect(failedIn(transactionCanceled('ConditionalCheckFailed'), parts, new DynamoPart('elsewhere', [item.put(TABLE_NAME, stored('Z'))]))).toBe(false);
    expect(failedIn(transactionCanceled('None', 'None', 'TransactionConflict', 'None'), parts, record)).toBe(false);
    expect(failedIn(new Error('network down'), parts, record)).toBe(false);
  });
});

describe('versionConflictIn', () => {
  const own = new DynamoPart('own', [{ ...item.put(TABLE_NAME, stored('A')), conflict: true }, item.create(TABLE_NAME, stored('A', 'EVENT#1'), true)]);
  const email = new DynamoPart('email', [item.create(TABLE_NAME, stored('C'))]);
  const check = new DynamoPart('check', [{ item: { ConditionCheck: { TableName: TABLE_NAME, Key: { PK: 'D', SK: 'META' }, ConditionExpression: 'attribute_exists(PK)' } }, conflict: true }]);
  const parts = [own, email, check];

  it.each([
    ['the item itself changed (item 0)', ['ConditionalCheckFailed', 'None', 'None', 'None'], true],
    ['its event exists already (item 1)', ['None', 'ConditionalCheckFailed', 'None', 'None'], true],
    ['a check of another part failed (item 3, after the e-mail)', ['None', 'None', 'None', 'ConditionalCheckFailed'], true],
    ['another transaction kept touching its items', ['None', 'None', 'TransactionConflict', 'None'], true],
    ['only an item not marked as the change’s subject failed (the e-mail, item 2)', ['None', 'None', 'ConditionalCheckFailed', 'None'], false],
  ])('is a conflict when %s: %s', (_case, codes, conflict) => {
    expect(versionConflictIn(transactionCanceled(...codes), parts)).toBe(conflict);
  });

  it('is no conflict for an error other than a cancelled transaction', () => {
    expect(versionConflictIn(new Error('network down'), parts)).toBe(false);
  });
});

import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersonTraces } from '../../../shared/domain/erasure.ts';
import { DynamoPersonalDataStore, itemErasure, updateFrom } from '../../../shared/store/personal-data.ts';
import { rejectionOf } from '../support/errors.ts';

const SUB = '7f3c9a2e-5b1d-4e8a-9c6f-0d2b4a8e1f35';
const HASH = 'b'.repeat(64);
const ANNA: PersonTraces = { sub: SUB, names: ['Anna Sørensen'], emails: ['anna@aarhus.example'], hashes: [HASH] };
const P = 'erased-1';
const AT = '2026-12-06T10:00:00.000Z';
const NONE = new Set<string>();

describe('itemErasure', () => {
  it('leaves an item that does not name the person', () => {
    // Act
    const actual = itemErasure({ PK: 'IDEA#1', SK: 'EVENT#000001', actor: { kind: 'system' } }, ANNA, P, NONE, AT);

    // Assess
    expect(actual).toBeUndefined();
  });

  it('hands an idea to the idea store, so it changes with a version and a history event', () => {
    // Act
    const actual = itemErasure({ PK: 'IDEA#1', SK: 'META', type: 'idea', id: '1', submitter: { sub: SUB } }, ANNA, P, NONE, AT);

    // Assess
    expect(actual).toEqual({ kind: 'idea', id: '1' });
  });

  it('rewrites a history event with the person pseudonymised', () => {
    // Prepare
    const event = { PK: 'IDEA#1', SK: 'EVENT#000002', type: 'event', actor: { kind: 'submitter', sub: SUB, name: 'Anna Sørensen' }, answer: 'Ja' };

    // Act
    const actual = itemErasure(event, ANNA, P, NONE, AT);

    // Assess
    expect(actual).toEqual({ kind: 'replace', before: event, after: { ...event, actor: { kind: 'submitter', sub: P } } });
  });

  it('moves a supporter to its pseudonymised key, so the idea keeps the support', () => {
    // Prepare
    const supporter = { PK: 'IDEA#1', SK: `SUPPORTER#${HASH}`, GSI2PK: `SUPPORTS#${HASH}`, GSI2SK: `${AT}#1`, type: 'supporter', ideaId: '1', at: AT };

    // Act
    const actual = itemErasure(supporter, ANNA, P, NONE, AT);

    // Assess
    expect(actual).toEqual({ kind: 'replace', before: supporter, after: { ...supporter, SK: `SUPPORTER#${P}`, GSI2PK: `SUPPORTS#${P}` } });
  });

  it.each([
    ['a mail suppression, whose key is the address', { PK: 'MAIL_SUPPRESSION#anna@aarhus.example', SK: 'META', type: 'mail-suppression' }],
    ['a usage count, which expires anyway', { PK: `USAGE#${HASH}#submit`, SK: 'W#1', type: 'usage', count: 3, expiresAt: 1 }],
  ])('deletes %s', (_case, item) => {
    // Act
    const actual = itemErasure(item, ANNA, P, NONE, AT);

    // Assess
    expect(actual).toEqual({ kind: 'delete', item });
  });

  it('deletes the idempotency record of one of the person’s ideas, which names nobody but links them to it', () => {
    // Prepare
    const record = { PK: 'IDEMPOTENCY#c0ffee', SK: 'META', type: 'idempotency', ideaId: '1', keyHash: 'c0ffee', expiresAt: 1 };

    // Act
    const actual = itemErasure(record, ANNA, P, new Set(['1']), AT);
    const other = itemErasure({ ...record, ideaId: '2' }, ANNA, P, new Set(['1']), AT);

    // Assess
    expect(actual).toEqual({ kind: 'delete', item: record });
    expect(other).toBeUndefined();
  });

  it('marks an e-mail not yet sent to the person as not sent, and takes it off the pending list', () => {
    // Prepare
    const mail = { PK: 'NOTIFICATION#1.v2', SK: 'META', GSI1PK: 'PENDING#notification', GSI1SK: `${AT}#1.v2`, type: 'notification', to: 'anna@aarhus.example', text: 'Hej Anna Sørensen' };

    // Act
    const actual = itemErasure(mail, ANNA, P, NONE, AT);

    // Assess
    expect(actual).toEqual({
      kind: 'replace',
      before: mail,
      after: { PK: 'NOTIFICATION#1.v2', SK: 'META', type: 'notification', to: '[…]', text: 'Hej […]', notSentAt: AT, notSentReason: 'erased' },
    });
  });

  it('keeps an e-mail already sent as sent, with the address and name gone', () => {
    // Prepare
    const mail = { PK: 'NOTIFICATION#1.v2', SK: 'META', type: 'notification', to: 'anna@aarhus.example', text: 'Hej Anna Sørensen', sentAt: AT };

    // Act
    const actual = itemErasure(mail, ANNA, P, NONE, AT);

    // Assess
    expect(actual).toEqual({ kind: 'replace', before: mail, after: { ...mail, to: '[…]', text: 'Hej […]' } });
  });
});

describe('updateFrom', () => {
  it('sets what changed and removes what went, on condition that each still holds what was read', () => {
    // Act
    const actual = updateFrom({ PK: 'A', SK: 'B', text: 'Anna', name: 'Anna', kept: 1 }, { PK: 'A', SK: 'B', text: '[…]', added: true, kept: 1 });

    // Assess
    expect(actual).toEqual({
      UpdateExpression: 'SET #a0 = :now0, #a2 = :now2 REMOVE #a1',
      ConditionExpression: '#a0 = :was0 AND #a1 = :was1 AND attribute_not_exists(#a2)',
      ExpressionAttributeNames: { '#a0': 'text', '#a1': 'name', '#a2': 'added' },
      ExpressionAttributeValues: { ':was0': 'Anna', ':now0': '[…]', ':was1': 'Anna', ':now2': true },
    });
  });
});

describe('DynamoPersonalDataStore.apply', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const store = new DynamoPersonalDataStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), 'spire-unit');
  const event = { PK: 'IDEA#1', SK: 'EVENT#000002', type: 'event', actor: { kind: 'staff', sub: SUB, name: 'Anna Sørensen' } };
  const supporter = { PK: 'IDEA#1', SK: `SUPPORTER#${HASH}`, type: 'supporter' };

  afterEach(() => {
    ddbMock.reset();
  });

  it('answers false when the item changed since it was read, so the next pass reads it again', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const applied = await store.apply({ kind: 'replace', before: event, after: { ...event, actor: { kind: 'staff', sub: P } } });

    // Assess
    expect(applied).toBe(false);
  });

  it('answers false when the move of an item to its pseudonymised key is cancelled', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejects(new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }] }));

    // Act
    const applied = await store.apply({ kind: 'replace', before: supporter, after: { ...supporter, SK: `SUPPORTER#${P}` } });

    // Assess
    expect(applied).toBe(false);
  });

  it('rethrows any other error, even one that only bears the name of an SDK error', async () => {
    // Prepare
    const error = Object.assign(new Error('not from DynamoDB'), { name: 'ConditionalCheckFailedException' });
    ddbMock.on(UpdateCommand).rejects(error);

    // Act
    const thrown = await rejectionOf(store.apply({ kind: 'replace', before: event, after: { ...event, actor: { kind: 'staff', sub: P } } }));

    // Assess
    expect(thrown).toBe(error);
  });
});

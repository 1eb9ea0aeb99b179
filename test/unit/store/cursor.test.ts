import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../../../shared/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../../shared/store/cursor.ts';
import { thrownBy } from '../support/errors.ts';

const KEYS = ['PK', 'SK', 'GSI2PK', 'GSI2SK'] as const;
const expected = { attribute: 'GSI2PK', value: 'SUBMITTER#søren', keys: KEYS };
const lastKey = {
  PK: 'IDEA#3f0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c0d',
  SK: 'META',
  GSI2PK: 'SUBMITTER#søren',
  GSI2SK: '2026-01-05T08:30:00.000Z#3f0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c0d',
};

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('encodeCursor', () => {
  it('gives no cursor on the last page', () => {
    // Act
    const cursor = encodeCursor(undefined);

    // Assess
    expect(cursor).toBeUndefined();
  });

  it('makes a URL-safe cursor, even from keys with Danish letters', () => {
    // Act
    const cursor = encodeCursor(lastKey);

    // Assess
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('decodeCursor', () => {
  it('returns the key a cursor was made from', () => {
    // Prepare
    const cursor = encodeCursor(lastKey);

    // Act
    const key = decodeCursor(cursor, expected);

    // Assess
    expect(key).toEqual(lastKey);
  });

  it('starts at the beginning without a cursor', () => {
    // Act
    const key = decodeCursor(undefined, expected);

    // Assess
    expect(key).toBeUndefined();
  });

  it.each([
    ['is not base64url JSON', 'not a cursor!'],
    ['is empty', ''],
    ['has been cut short', encodeCursor(lastKey)?.slice(0, 20) ?? ''],
    ['has a changed character', (encodeCursor(lastKey) ?? '').replace(/^./, (c) => (c === 'e' ? 'f' : 'e'))],
    ['holds an array', encode([lastKey])],
    ['holds null', encode(null)],
    ['holds text', encode('IDEA#x')],
    ['belongs to another submitter', encode({ ...lastKey, GSI2PK: 'SUBMITTER#someone-else' })],
    ['lacks a key attribute', encode({ PK: lastKey.PK, SK: lastKey.SK, GSI2PK: lastKey.GSI2PK })],
    ['carries an extra attribute', encode({ ...lastKey, GSI1PK: 'STATUS#submitted' })],
    ['swaps a key attribute for another', encode({ PK: lastKey.PK, SK: lastKey.SK, GSI2PK: lastKey.GSI2PK, GSI1SK: lastKey.GSI2SK })],
    ['holds a number where text belongs', encode({ ...lastKey, GSI2SK: 42 })],
    ['holds a DynamoDB attribute value', encode({ ...lastKey, SK: { S: 'META' } })],
  ])('refuses a cursor that %s', (_case, cursor) => {
    // Act
    const error = thrownBy(() => decodeCursor(cursor, expected));

    // Assess
    expect(error).toBeInstanceOf(InvalidCursorError);
    expect((error as InvalidCursorError).status).toBe(400);
  });
});

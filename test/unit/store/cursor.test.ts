import { describe, expect, it, vi } from 'vitest';
import { fixedKeys } from '../../../shared/secret.ts';
import { cursorSeal, decodeCursor, encodeCursor } from '../../../shared/store/cursor.ts';
import { InvalidCursorError, type StoreCursor } from '../../../shared/store/ports.ts';
import { rejectionOf, thrownBy } from '../support/errors.ts';
import { testKeys } from '../support/secret.ts';

const KEYS = ['PK', 'SK', 'GSI2PK', 'GSI2SK'] as const;
const expected = { attribute: 'GSI2PK', value: 'SUBMITTER#søren', keys: KEYS };
const lastKey = {
  PK: 'IDEA#3f0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c0d',
  SK: 'META',
  GSI2PK: 'SUBMITTER#søren',
  GSI2SK: '2026-01-05T08:30:00.000Z#3f0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c0d',
};

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url') as StoreCursor;

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
    // What the probe sent: DynamoDB refuses empty key values with a ValidationException, a 500.
    ['holds empty key values', encode({ PK: '', SK: '', GSI2PK: lastKey.GSI2PK, GSI2SK: '' })],
    ['holds an empty sort key', encode({ ...lastKey, GSI2SK: '' })],
  ])('refuses a cursor that %s', (_case, cursor) => {
    // Act
    const error = thrownBy(() => decodeCursor(cursor as StoreCursor, expected));

    // Assess
    expect(error).toBeInstanceOf(InvalidCursorError);
  });
});

describe('cursorSeal', () => {
  const seal = cursorSeal(testKeys);
  const storeCursor = encodeCursor(lastKey) as StoreCursor;

  it('opens the cursor it sealed: a valid round trip gives the store its cursor, and the key back', async () => {
    // Act
    const sealed = await seal.seal(storeCursor);
    const opened = await seal.open(sealed);

    // Assess
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(opened).toBe(storeCursor);
    expect(decodeCursor(opened, expected)).toEqual(lastKey);
  });

  it('gives no cursor on the last page and starts at the beginning without one, without reading the secret', async () => {
    // Prepare
    const keys = vi.fn(testKeys);
    const lazy = cursorSeal(keys);

    // Act
    const sealed = await lazy.seal(undefined);
    const opened = await lazy.open(undefined);

    // Assess
    expect(sealed).toBeUndefined();
    expect(opened).toBeUndefined();
    expect(keys).not.toHaveBeenCalled();
  });

  it('seals the same cursor the same way, and differently under another deployment’s secret', async () => {
    // Act
    const once = await seal.seal(storeCursor);
    const again = await seal.seal(storeCursor);
    const elsewhere = await cursorSeal(fixedKeys('another-deployment-secret-of-32-bytes!!')).seal(storeCursor);

    // Assess
    expect(again).toBe(once);
    expect(elsewhere).not.toBe(once);
  });

  const sealedCursor = () => seal.seal(storeCursor) as Promise<string>;
  const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

  it.each<[string, () => Promise<string>]>([
    ['a store cursor sent as it is, unsealed', async () => storeCursor],
    ['a crafted cursor with empty key values, unsealed', async () => encode({ PK: '', SK: '', GSI2PK: '', GSI2SK: '' })],
    ['a crafted cursor with empty key values and a made-up seal', async () => `${encode({ PK: '', SK: '', GSI2PK: '', GSI2SK: '' })}.${'A'.repeat(43)}`],
    ['a cursor whose key was changed', async () => {
      const sealed = await sealedCursor();
      return `${encode({ ...lastKey, GSI2SK: '2027-01-01T00:00:00.000Z#x' })}${sealed.slice(sealed.lastIndexOf('.'))}`;
    }],
    ['a cursor with one character of its key changed', async () => flip(await sealedCursor(), 3)],
    ['a cursor with one character of its seal changed', async () => flip(await sealedCursor(), (await sealedCursor()).length - 5)],
    ['a cursor with the last character of its seal changed', async () => flip(await sealedCursor(), (await sealedCursor()).length - 1)],
    ['a cursor cut short', async () => (await sealedCursor()).slice(0, -1)],
    ['a cursor cut in half', async () => (await sealedCursor()).slice(0, 40)],
    ['a seal without a cursor', async () => (await sealedCursor()).slice((await sealedCursor()).lastIndexOf('.'))],
    ['a cursor with a longer seal', async () => `${await sealedCursor()}A`],
    ['a cursor another deployment sealed', async () => (await cursorSeal(fixedKeys('another-deployment-secret-of-32-bytes!!')).seal(storeCursor)) as string],
    ['an empty cursor', async () => ''],
    ['text that is no cursor', async () => 'not a cursor!'],
  ])('refuses %s with 400 invalid-cursor', async (_case, cursor) => {
    // Act
    const error = await rejectionOf(seal.open(await cursor()));

    // Assess
    expect(error).toBeInstanceOf(InvalidCursorError);
  });

  it('leaves the list to the store: a sealed cursor of another list opens, and the store refuses it', async () => {
    // Prepare: a real cursor of another submitter's list
    const other = await seal.seal(encodeCursor({ ...lastKey, GSI2PK: 'SUBMITTER#someone-else' }));

    // Act
    const opened = await seal.open(other);
    const error = thrownBy(() => decodeCursor(opened, expected));

    // Assess
    expect(error).toBeInstanceOf(InvalidCursorError);
  });
});

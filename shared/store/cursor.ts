import { timingSafeEqual } from 'node:crypto';
import type { KeySource } from '../secret.ts';
import { InvalidCursorError, type StoreCursor } from './ports.ts';

/**
 * Pagination cursors, in two layers.
 *
 * The store's cursor (`StoreCursor`) is DynamoDB's LastEvaluatedKey as base64url JSON. The store
 * accepts one only for the partition it came from, with exactly that partition's key attributes,
 * each a non-empty string, so a cursor cannot step into another list.
 *
 * A client never sees a store cursor as it is: the route seals it with an HMAC-SHA-256 under the
 * deployment secret's cursor key (`cursorSeal`, shared/secret.ts) and opens what the client sends
 * back, refusing with InvalidCursorError (400 `invalid-cursor` to the client) anything the server did not issue. So the only keys
 * that reach DynamoDB as an ExclusiveStartKey are keys DynamoDB itself returned. The store's
 * methods take a `StoreCursor`, not a string, so a route cannot hand a client's text to the store
 * without opening it.
 */
export type Key = Record<string, string>;

export function encodeCursor(key: Record<string, unknown> | undefined): StoreCursor | undefined {
  return key === undefined ? undefined : (Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') as StoreCursor);
}

export function decodeCursor(cursor: StoreCursor | undefined, expected: { attribute: string; value: string; keys: readonly string[] }): Key | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (key === null || typeof key !== 'object' || Array.isArray(key)) throw new InvalidCursorError();
  const entries = Object.entries(key);
  const valid =
    entries.length === expected.keys.length &&
    // DynamoDB refuses an empty string as a key value (a ValidationException, which would be a 500).
    entries.every(([name, value]) => expected.keys.includes(name) && typeof value === 'string' && value !== '') &&
    (key as Key)[expected.attribute] === expected.value;
  if (!valid) throw new InvalidCursorError();
  return key as Key;
}

/** A route's cursors: sealed on the way out to the client, opened on the way back in. */
export interface CursorSeal {
  /** The cursor as the client gets it: the store cursor, `.`, and its HMAC (base64url). */
  seal(cursor: StoreCursor | undefined): Promise<string | undefined>;
  /** The store cursor inside a sealed cursor; InvalidCursorError unless the server sealed it. */
  open(cursor: string | undefined): Promise<StoreCursor | undefined>;
}

/** Seals and opens cursors with the deployment's cursor key; the secret is read only when there is a cursor. */
export function cursorSeal(keys: KeySource): CursorSeal {
  const macOf = async (cursor: string) => (await keys()).mac('cursor', cursor).toString('base64url');
  return {
    async seal(cursor) {
      return cursor === undefined ? undefined : `${cursor}.${await macOf(cursor)}`;
    },
    async open(sealed) {
      if (sealed === undefined) return undefined;
      // base64url has no '.', so the last one separates the cursor from its HMAC.
      const dot = sealed.lastIndexOf('.');
      if (dot <= 0) throw new InvalidCursorError();
      const cursor = sealed.slice(0, dot);
      // Compared as text, not as decoded bytes: base64url decoding forgives stray characters.
      const given = Buffer.from(sealed.slice(dot + 1), 'utf8');
      const expected = Buffer.from(await macOf(cursor), 'utf8');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidCursorError();
      return cursor as StoreCursor;
    },
  };
}

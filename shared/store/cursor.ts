import { InvalidCursorError } from '../http/errors.ts';

/**
 * Opaque pagination cursors: DynamoDB's LastEvaluatedKey as base64url JSON. A cursor is only
 * accepted for the partition it came from, so a crafted cursor cannot step into another list.
 */
export type Key = Record<string, string>;

export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key === undefined ? undefined : Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, expected: { attribute: string; value: string; keys: readonly string[] }): Key | undefined {
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
    entries.every(([name, value]) => expected.keys.includes(name) && typeof value === 'string') &&
    (key as Key)[expected.attribute] === expected.value;
  if (!valid) throw new InvalidCursorError();
  return key as Key;
}

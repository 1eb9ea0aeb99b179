import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiTypes, SCHEMA_TYPES } from '../../../web/build/api-types.ts';

describe('the web pages’ API types', () => {
  it('are what openapi-typescript makes of docs/openapi.json now (else run npm run web:types)', async () => {
    const committed = await readFile(SCHEMA_TYPES, 'utf8');

    expect(committed).toBe(await apiTypes());
  }, 60_000);
});

/**
 * The web pages' API types, generated from the contract: `npm run web:types` writes
 * web/src/api/schema.d.ts from docs/openapi.json with openapi-typescript's Node API, and
 * test/unit/web/api-types.test.ts fails when the committed file is not what this makes now.
 * The default options, and no Redocly configuration, so the output depends on the document alone.
 */
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

export const OPENAPI_DOCUMENT = new URL('../../docs/openapi.json', import.meta.url);
export const SCHEMA_TYPES = new URL('../src/api/schema.d.ts', import.meta.url);

/** The text of schema.d.ts for the OpenAPI document as it is now. */
export async function apiTypes(): Promise<string> {
  const document: unknown = JSON.parse(await readFile(OPENAPI_DOCUMENT, 'utf8'));
  const nodes = await openapiTS(document as Parameters<typeof openapiTS>[0], { silent: true });
  return COMMENT_HEADER + astToString(nodes);
}

if (import.meta.main) {
  await writeFile(SCHEMA_TYPES, await apiTypes());
}

/**
 * `npm run openapi`: writes the API contract generated from the code (./document.ts) to
 * docs/openapi.json, which GET /openapi.json serves. test/unit/openapi/contract.test.ts fails
 * while the committed file differs from what the code generates.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { openApiText, OPENAPI_FILE } from './document.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const file = new URL(`../../${OPENAPI_FILE}`, import.meta.url);
writeFileSync(file, openApiText(version));
console.log(`Wrote ${OPENAPI_FILE}`);

/**
 * The API reference page of the local runtime: GET /reference renders docs/openapi.json (as GET
 * /openapi.json serves it) with Redoc's standalone bundle, which the runtime serves itself from the
 * `redoc` package at GET /reference/redoc.standalone.js: no CDN. A development route, like
 * /dev/outbox: about 1 MB of script has no place in a function's bundle, so in AWS the pages'
 * hosting (CloudFront, issue 13) serves the same two files (docs/api-contract.md).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiPath } from '../../shared/http/base-path.ts';
import { STANDARD_HEADERS } from '../../shared/http/response.ts';
import { referenceSecurityHeaders } from '../web-security.ts';

export const REFERENCE_PATH = '/reference';
export const REFERENCE_SCRIPT_PATH = '/reference/redoc.standalone.js';

/** The page: Redoc reads `spec-url` from the `<redoc>` element as its script loads, so no inline script is needed. */
export const REFERENCE_PAGE = [
  '<!doctype html>',
  '<html lang="en">',
  '<head>',
  '<meta charset="utf-8">',
  '<meta name="viewport" content="width=device-width, initial-scale=1">',
  '<title>Spire API reference</title>',
  '</head>',
  '<body>',
  `<redoc spec-url="${apiPath('/openapi.json')}"></redoc>`,
  `<script src="${REFERENCE_SCRIPT_PATH}"></script>`,
  '</body>',
  '</html>',
  '',
].join('\n');

const require = createRequire(import.meta.url);
/** Redoc's standalone bundle in the installed package; the stack deploys the same file (infra/constructs/web-hosting.ts). */
export const REDOC_SCRIPT_FILE = join(dirname(require.resolve('redoc/package.json')), 'bundles', 'redoc.standalone.js');
let script: Promise<string> | undefined;

/** Redoc's standalone bundle, read once from the installed package. */
function redocScript(): Promise<string> {
  script ??= readFile(REDOC_SCRIPT_FILE, 'utf8');
  return script;
}

/** The answer to a GET of the reference page or its script; undefined for any other path. */
export async function referenceAnswer(pathname: string): Promise<APIGatewayProxyStructuredResultV2 | undefined> {
  if (pathname === REFERENCE_PATH) {
    return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8', ...STANDARD_HEADERS, ...referenceSecurityHeaders() }, body: REFERENCE_PAGE };
  }
  if (pathname === REFERENCE_SCRIPT_PATH) {
    return { statusCode: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', ...STANDARD_HEADERS, 'cache-control': 'public, max-age=300' }, body: await redocScript() };
  }
  return undefined;
}

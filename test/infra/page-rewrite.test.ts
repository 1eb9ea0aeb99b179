/**
 * The CloudFront Function on the pages' viewer requests (infra/constructs/page-rewrite.js), run as
 * CloudFront runs it: the file exactly as deployed, in a context without Node's globals, on
 * viewer-request events. A deep link must survive a reload, a file must stay a file, and nothing
 * under /api may ever become a page.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PAGE_REWRITE_FILE, REFERENCE_PAGE_KEY } from '../../infra/constructs/web-hosting.ts';
import { REFERENCE_PATH } from '../../infra/local/reference.ts';

interface ViewerRequest {
  method: string;
  uri: string;
  querystring: Record<string, { value: string }>;
  headers: Record<string, { value: string }>;
  cookies: Record<string, { value: string }>;
}

const CODE = readFileSync(PAGE_REWRITE_FILE, 'utf8');
const handler = runInNewContext(`${CODE}\nhandler;`, {}) as (event: unknown) => ViewerRequest;

/** A viewer-request event as CloudFront (cloudfront-js-2.0) hands it to the function. */
function viewerRequest(uri: string, querystring: ViewerRequest['querystring'] = {}) {
  return {
    version: '1.0',
    context: { distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE', eventType: 'viewer-request', requestId: 'test' },
    viewer: { ip: '198.51.100.7' },
    request: { method: 'GET', uri, querystring, headers: { host: { value: 'd111111abcdef8.cloudfront.net' } }, cookies: {} },
  };
}

const uriFor = (uri: string) => handler(viewerRequest(uri)).uri;

describe('a page path', () => {
  it.each(['/', '/mine', '/ideas/01JFK3Z8Q4M2N5P7R9S1T3V5X7', '/ideas/01JFK3Z8Q4M2N5P7R9S1T3V5X7/', '/console/inbox', '/signed-in', '/apiary'])(
    '%s is answered with the application, so a deep link survives a reload',
    (uri) => {
      expect(uriFor(uri)).toBe('/index.html');
    },
  );

  it('keeps its query string, which the application reads (the sign-in’s code and state)', () => {
    const request = handler(viewerRequest('/signed-in', { code: { value: 'abc' }, state: { value: 'xyz' } }));

    expect(request).toMatchObject({ uri: '/index.html', querystring: { code: { value: 'abc' }, state: { value: 'xyz' } }, method: 'GET' });
  });
});

describe('a file path', () => {
  it.each(['/index.html', '/config.json', '/assets/index-3f2a9c1b.js', '/assets/index-77de01aa.css', '/favicon.ico', '/reference/redoc.standalone.js'])(
    '%s names a file and passes unchanged',
    (uri) => {
      expect(uriFor(uri)).toBe(uri);
    },
  );
});

describe('the API', () => {
  it.each(['/api', '/api/', '/api/ideas', '/api/ideas/01JFK3Z8Q4M2N5P7R9S1T3V5X7', '/api/me/erasures/01JF', '/api/problems/not-found', '/api/openapi.json'])(
    '%s is never a page: it passes unchanged, so the API’s own answers (404 and 403 too) stay the API’s',
    (uri) => {
      expect(uriFor(uri)).toBe(uri);
    },
  );
});

describe('the API reference', () => {
  it('is answered with its own page, which the deployment writes', () => {
    expect(uriFor(REFERENCE_PATH)).toBe(`/${REFERENCE_PAGE_KEY}`);
  });
});

describe('the function', () => {
  it('fits CloudFront Functions’ 10 KB limit on code', () => {
    expect(Buffer.byteLength(CODE, 'utf8')).toBeLessThan(10 * 1024);
  });
});

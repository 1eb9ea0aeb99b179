/**
 * GET /openapi.json: the committed contract (docs/openapi.json), public, served as it is; and the
 * local runtime's development routes, served as the contract describes them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import CONTRACT from '../../docs/openapi.json' with { type: 'json' };
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { call, page as pageOf, problemOf, startTestRuntime } from './support.ts';

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(async () => {
  await runtime.stop();
});

describe('GET /openapi.json', () => {
  it('serves docs/openapi.json without a token, as an OpenAPI document that caches may keep a while', async () => {
    const response = await call(runtime, 'GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.oai.openapi+json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.json()).toEqual(JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')));
  });
});

describe('GET /problems/{name}', () => {
  it('is where a real refusal’s type leads: resolved against the request’s URL, a public HTML page with the problem’s Danish title', async () => {
    // Prepare: a refusal the runtime really answers (no token on a route that needs one).
    const refused = await call(runtime, 'GET', '/ideas/mine');
    expect(refused.status).toBe(401);
    const problem = (await refused.json()) as { type: string };
    const resolved = new URL(problem.type, refused.url);

    // Act
    expect(resolved.origin).toBe(new URL(runtime.url).origin);
    const page = await pageOf(runtime, `${resolved.pathname}${resolved.search}`);

    // Assess
    expect(problem.type).toBe('/api/problems/unauthorized');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('<h1>Du skal være logget ind</h1>');
    expect(html).toContain('<section lang="en">');
  });

  it('answers 404 not-found for a name that is no problem type', async () => {
    const response = await call(runtime, 'GET', '/problems/no-such-problem');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: '/api/problems/not-found', status: 404 });
  });
});

describe('GET /reference (a page beside the API, as CloudFront serves it from the pages’ bucket in AWS)', () => {
  it('serves a page that renders /openapi.json with Redoc, from a script the runtime serves itself', async () => {
    const page = await pageOf(runtime, '/reference');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<redoc spec-url="/api/openapi.json"></redoc>');
    expect(html).toContain('<script src="/reference/redoc.standalone.js"></script>');
    expect(html).not.toMatch(/<script>|https?:\/\//);

    const script = await pageOf(runtime, '/reference/redoc.standalone.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await script.text()).length).toBeGreaterThan(500_000);
  });
});

describe('the development routes (tagged Development, x-spire-local-only)', () => {
  type Operation = { 'x-spire-local-only'?: boolean; requestBody?: { content: Record<string, { example?: object }> } };
  const localOnly = Object.entries(CONTRACT.paths as Record<string, Record<string, Operation>>).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([, operation]) => operation['x-spire-local-only'] === true)
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, body: operation.requestBody?.content['application/json']?.example })),
  );

  it('are each served by the local runtime, answering the document’s example request as the document says', async () => {
    expect(localOnly.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(['GET /dev/outbox', 'POST /dev/token']);
    for (const { method, path, body } of localOnly) {
      // call() checks the answer against docs/openapi.json.
      const response = await call(runtime, method, path, body === undefined ? {} : { body });
      expect(response.status, `${method} ${path}`).toBe(200);
    }
  });

  it('refuse a body or a limit that is not valid with the documented 400 validation', async () => {
    const noSubject = await call(runtime, 'POST', '/dev/token', { body: { name: 'Anna Sørensen' } });
    const tooMany = await call(runtime, 'GET', '/dev/outbox?limit=500');

    expect(await problemOf(noSubject)).toMatchObject({ status: 400, type: '/api/problems/validation', errors: [expect.objectContaining({ pointer: '/sub' })] });
    expect(await problemOf(tooMany)).toMatchObject({ status: 400, type: '/api/problems/validation', errors: [expect.objectContaining({ pointer: '/limit' })] });
  });

  it('read the token request as JSON whatever its Content-Type, as `curl -d` sends it', async () => {
    const response = await call(runtime, 'POST', '/dev/token', { body: JSON.stringify({ sub: 'dirk', name: 'Dirk Ærø', roles: ['director'] }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token: expect.any(String), expiresAt: expect.any(String) });
  });
});

/**
 * The pages on the local runtime's one origin, laid out as CloudFront serves them in AWS: the
 * built pages with the same security headers (infra/web-security.ts), deep links answered with
 * the application, `/config.json` for its start, and the API under `/api` never mistaken for a
 * page. The browser loads the pages under that policy without a single violation.
 */
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import type { WebConfig } from '../../shared/web-config.ts';
import { page as get, startTestRuntime } from '../integration/support.ts';
import { launchBrowser, phoneContext } from './browser.ts';

let runtime: LocalRuntime;
let browser: Browser;

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startTestRuntime(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

/** A GET with the path exactly as written, which fetch would have normalised first. */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${runtime.url}${path}`, { method: 'GET', path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the pages', () => {
  it.each([
    '/',
    '/mine',
    '/ideas/4b1e3a7c-9d2f-4e8a-b5c6-0f1e2d3c4b5a',
    '/signed-in',
    '/console/strategy',
    '/pipeline',
    '/pipeline/pilots/9c2d4e6f-1a3b-4c5d-8e7f-a0b1c2d3e4f5',
    '/pipeline/learnings',
  ])('answer %s with the application, under the pages’ security headers', async (path) => {
    const response = await get(runtime, path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(await response.text()).toContain('<div id="app"');
  });

  it('keeps the built assets for good: their names change with their content', async () => {
    const script = readdirSync(new URL('../../web/dist/assets/', import.meta.url)).find((name) => name.endsWith('.js')) as string;
    const response = await get(runtime, `/assets/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing file with 404, not with the application', async () => {
    expect((await get(runtime, '/assets/gone-1234.js')).status).toBe(404);
    expect((await get(runtime, '/favicon-that-is-not.svg')).status).toBe(404);
  });

  it('serves nothing outside the built pages, however the path is written', async () => {
    expect(await rawGet('/..%2fpackage.json')).toBe(404);
    expect(await rawGet('/%2e%2e%2f%2e%2e%2fpackage.json')).toBe(404);
    expect(await rawGet('/assets/..%2f..%2f..%2fpackage.json')).toBe(404);
  });

  it('keeps the API an API: an unknown path under /api is a problem, never the application', async () => {
    const response = await get(runtime, '/api/nowhere');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  });
});

describe('GET /config.json', () => {
  it('tells the pages the local OpenID provider, the departments with æøå and the service level', async () => {
    const response = await get(runtime, '/config.json');
    expect(response.status).toBe(200);
    const config = (await response.json()) as WebConfig;
    expect(config.oidc).toEqual({ authority: `${runtime.url}/oidc`, clientId: 'spire-web', scope: 'openid profile email' });
    expect(config.departments).toContain('Ældre og Sundhed');
    expect(config.triageServiceLevelDays).toBe(14);
  });
});

describe('the Content-Security-Policy in a browser', () => {
  it('lets the pages start, sign in and show the form without a single violation', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${runtime.url}/`);
    await page.getByRole('button', { name: /^Mette Sørensen/ }).click();
    await page.getByRole('heading', { name: 'Send en idé eller noget bøvl' }).waitFor();
    await page.getByLabel('Bøvl', { exact: true }).check();
    await page.getByRole('button', { name: 'Dagligt' }).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  });
});

/** Redoc's sidebar always tries its badge from its CDN; the page's policy blocks it, as it should, and Redoc then hides the image. */
const REDOC_BADGE = 'https://cdn.redoc.ly/redoc/logo-mini.svg';

describe('the API reference page in a browser', () => {
  it('renders the contract with Redoc from the runtime’s own script, under its policy, without a violation', async () => {
    // Arrange
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const requested: string[] = [];
    page.on('console', (message) => {
      const blockedBadge = message.text().includes(`'${REDOC_BADGE}'`);
      if (/Content Security Policy|Refused to/i.test(message.text()) && !blockedBadge) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (request.url() !== REDOC_BADGE) requested.push(new URL(request.url()).origin);
    });

    // Act
    await page.goto(`${runtime.url}/reference`);

    // Assess: the document's title and one of its operations, drawn; nothing fetched from elsewhere but the blocked badge
    await page.getByRole('heading', { name: /Spire API/ }).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByText('Submit an idea or a piece of friction').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    expect(new Set(requested.filter((origin) => origin.startsWith('http')))).toEqual(new Set([runtime.url]));
    await context.close();
  });
});


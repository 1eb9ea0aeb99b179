/**
 * What the page benchmarks (./console-inbox.ts, ./pipeline-board.ts) share: the figures they
 * print, building the pages, timing the API calls a page makes, a browser tab signed in through the
 * local OpenID provider's page as a person would, and page views timed from the navigation to the
 * first element drawn, with the requests to /api/ each made until the network was quiet.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { build } from 'vite';
import type { LocalRuntime } from '../infra/local/runtime.ts';
import type { Role } from '../shared/domain/roles.ts';

export const percentile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)] ?? NaN;
};

export const figures = (values: readonly number[], unit = '', digits = 0) => {
  const shown = (value: number) => `${value.toFixed(digits)}${unit === '' ? '' : ` ${unit}`}`;
  return `median ${shown(percentile(values, 50))}, p95 ${shown(percentile(values, 95))}, max ${shown(Math.max(...values))}`;
};

/** Builds the pages (web/dist, as `npm start` does); if the build fails, says so and goes on with the pages already built. */
export async function buildPages(): Promise<void> {
  try {
    await build({ configFile: new URL('../web/vite.config.ts', import.meta.url).pathname, logLevel: 'error' });
  } catch (error) {
    console.log(`  the pages did not build (${(error as Error).message.split('\n')[0]}); using web/dist as it is`);
  }
}

/** Times each of `paths` (under /api) `calls` times as `person` in `roles`, and prints its figures and size. */
export async function timeApiCalls(runtime: LocalRuntime, person: { sub: string; name: string }, roles: Role[], paths: readonly string[], calls: number): Promise<void> {
  const { token } = await runtime.issuer.issue({ ...person, roles });
  for (const path of paths) {
    const latencies: number[] = [];
    let bytes = 0;
    for (let n = 0; n < calls; n++) {
      const started = performance.now();
      const response = await fetch(`${runtime.url}/api${path}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'da' } });
      bytes = (await response.arrayBuffer()).byteLength;
      latencies.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    }
    console.log(`  GET /api${path}: ${figures(latencies, 'ms', 1)} (${calls} calls); ${(bytes / 1024).toFixed(1)} KB`);
  }
}

/** The requests a tab made to /api/ since it was last reset, each as `GET /api/path?query` (a cursor shown as `…`). */
export interface ApiLog {
  readonly calls: string[];
  reset(): void;
}

/**
 * A desk-sized tab in Danish, signed in on the local provider's page as the ready-made person named
 * `personName`, as a person would; the session stays with the tab, and its requests to /api/ are logged.
 */
export async function signedInTab(browser: Browser, origin: string, personName: string, timeoutMs: number): Promise<{ page: Page; api: ApiLog }> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' })).newPage();
  const calls: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.searchParams.has('cursor')) url.searchParams.set('cursor', '…');
    if (url.pathname.startsWith('/api/')) calls.push(`${request.method()} ${url.pathname}${decodeURIComponent(url.search)}`);
  });
  await page.goto(`${origin}/`);
  await page.waitForURL((url) => url.pathname.startsWith('/oidc'), { timeout: timeoutMs });
  await page.getByRole('button', { name: new RegExp(`^${personName}`) }).click();
  await page.waitForURL((url) => url.pathname !== '/signed-in' && !url.pathname.startsWith('/oidc'), { timeout: timeoutMs });
  return { page, api: { calls, reset: () => calls.splice(0) } };
}

/**
 * `views` navigations of `path`, each timed from the navigation to the first `selector` drawn and
 * counted in requests to /api/ until the network was quiet; prints the figures. A view that draws
 * nothing within `timeoutMs` ends the run with a failure (exit code 1) and says what the page showed.
 * `afterFirst` looks at the first view, as drawn.
 */
export async function timeViews(
  tab: { page: Page; api: ApiLog },
  origin: string,
  path: string,
  options: { selector: string; what: string; views: number; timeoutMs: number; afterFirst?: () => Promise<void> },
): Promise<void> {
  const { page, api } = tab;
  const toFirst: number[] = [];
  const callsPerView: number[] = [];
  for (let view = 0; view < options.views; view++) {
    api.reset();
    const started = performance.now();
    await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
    const drawn = await page
      .locator(options.selector)
      .first()
      .waitFor({ state: 'visible', timeout: options.timeoutMs })
      .then(() => true, () => false);
    const ms = performance.now() - started;
    await page.waitForLoadState('networkidle');
    if (!drawn) {
      const heading = await page.locator('h1').first().textContent({ timeout: 1_000 }).catch(() => null);
      console.log(`  ${path}: no ${options.what} drawn within ${options.timeoutMs / 1000} s (the page's heading: ${JSON.stringify(heading)}; ${api.calls.length} API calls: ${api.calls.join(', ') || 'none'}); the page figures are not measured`);
      process.exitCode = 1;
      break;
    }
    toFirst.push(ms);
    callsPerView.push(api.calls.length);
    if (view === 0) await options.afterFirst?.();
  }
  if (toFirst.length > 0) {
    console.log(`  ${path}, ${toFirst.length} views signed in: navigation to the first ${options.what} ${figures(toFirst, 'ms')}`);
    console.log(`  ${path}, API calls per view: ${figures(callsPerView)}`);
  }
}

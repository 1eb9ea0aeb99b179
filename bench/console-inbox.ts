/**
 * Console inbox benchmark: the triage console's inbox page with N ideas in triage (default
 * 10,000), in Debian's chromium against a local runtime of its own. The ideas are written
 * straight into the table as admitted, with their inbox entries and the pipeline's counters
 * (./triage-ideas.ts: 10,000 submits through the API, or admissions through the store, would take
 * many minutes). Then:
 *
 * - the API the page reads: each of its first-view calls (GET /console/inbox's first page,
 *   /pipeline/summary for the tabs' counts, /console/strategy for the theme names) timed and
 *   weighed, `calls` times each, as the ready-made triage person Jonas Nørgaard;
 * - the page: signed in through the local OpenID provider's page as Jonas Nørgaard, `views` page
 *   views of `/console` (a navigation each, signed in, the pages' files in the browser's cache),
 *   each timed from the navigation to the first inbox row drawn, with the requests to /api/ it
 *   made until the network was quiet.
 *
 * It builds the pages first (web/dist, as `npm start` does); if the build fails it says so and
 * uses the pages already built.
 *
 * Usage: npm run bench:console -- [ideas=10000] [views=20] [calls=50]
 */
import { build } from 'vite';
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from '../test/web/chromium.ts';
import { writeInTriage } from './triage-ideas.ts';

process.env['POWERTOOLS_LOG_LEVEL'] ??= 'ERROR';
const { startBenchRuntime } = await import('./local-runtime.ts');

const size = Number(process.argv[2] ?? 10_000);
const views = Number(process.argv[3] ?? 20);
const calls = Number(process.argv[4] ?? 50);

/** The console inbox's address. */
const INBOX_PATH = '/console';
/** The API calls the inbox's first view makes (web/src/pages/console/InboxPage.tsx and console-data.ts). */
const PAGE_CALLS = ['/console/inbox?status=in_triage&sort=priority&limit=25', '/pipeline/summary', '/console/strategy'];
/** The local sign-in page's ready-made triage person (infra/local/oidc-pages.ts). */
const JONAS = { sub: 'jonas', name: 'Jonas Nørgaard' };
/** An inbox row, whether the page draws the inbox as a table, an ARIA grid or a list of links to ideas. */
const ROW = 'main table tbody tr, main [role="row"]:has([role="cell"], [role="gridcell"]), main li:has(a[href^="/console/ideas/"])';
/** How long a view may take before the bench says no row was drawn. */
const ROW_TIMEOUT_MS = 20_000;

const percentile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)] ?? NaN;
};
const figures = (values: readonly number[], unit = '', digits = 0) => {
  const shown = (value: number) => `${value.toFixed(digits)}${unit === '' ? '' : ` ${unit}`}`;
  return `median ${shown(percentile(values, 50))}, p95 ${shown(percentile(values, 95))}, max ${shown(Math.max(...values))}`;
};

console.log(`console inbox benchmark: ${size.toLocaleString('en')} ideas in triage, local runtime on DynamoDB Local, Debian chromium`);
try {
  await build({ configFile: new URL('../web/vite.config.ts', import.meta.url).pathname, logLevel: 'error' });
} catch (error) {
  console.log(`  the pages did not build (${(error as Error).message.split('\n')[0]}); using web/dist as it is`);
}

const { runtime, client, stop } = await startBenchRuntime('console');
try {
  let started = performance.now();
  await writeInTriage(client, runtime.tableName, size);
  console.log(`  ${size.toLocaleString('en')} ideas put in triage in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // The API side: what one view of the page asks for.
  const { token } = await runtime.issuer.issue({ ...JONAS, roles: ['triage'] });
  for (const path of PAGE_CALLS) {
    const latencies: number[] = [];
    let bytes = 0;
    for (let n = 0; n < calls; n++) {
      started = performance.now();
      const response = await fetch(`${runtime.url}/api${path}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'da' } });
      bytes = (await response.arrayBuffer()).byteLength;
      latencies.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    }
    console.log(`  GET /api${path}: ${figures(latencies, 'ms', 1)} (${calls} calls); ${(bytes / 1024).toFixed(1)} KB`);
  }

  // The page: Jonas signs in once, then opens the inbox `views` times.
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' })).newPage();
    let apiCalls: string[] = [];
    page.on('request', (request: Request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) apiCalls.push(`${request.method()} ${url.pathname}`);
    });
    await signIn(page, runtime.url);

    const toFirstRow: number[] = [];
    const callsPerView: number[] = [];
    for (let view = 0; view < views; view++) {
      apiCalls = [];
      started = performance.now();
      await page.goto(`${runtime.url}${INBOX_PATH}`, { waitUntil: 'commit' });
      const drawn = await page
        .locator(ROW)
        .first()
        .waitFor({ state: 'visible', timeout: ROW_TIMEOUT_MS })
        .then(() => true, () => false);
      const ms = performance.now() - started;
      await page.waitForLoadState('networkidle');
      if (!drawn) {
        const heading = await page.locator('h1').first().textContent({ timeout: 1_000 }).catch(() => null);
        console.log(`  ${INBOX_PATH}: no inbox row drawn within ${ROW_TIMEOUT_MS / 1000} s (the page's heading: ${JSON.stringify(heading)}; ${apiCalls.length} API calls: ${apiCalls.join(', ') || 'none'}); the page figures are not measured`);
        process.exitCode = 1;
        break;
      }
      toFirstRow.push(ms);
      callsPerView.push(apiCalls.length);
      if (view === 0) console.log(`  one view's API calls: ${apiCalls.join(', ')}`);
    }
    if (toFirstRow.length > 0) {
      console.log(`  ${INBOX_PATH}, ${toFirstRow.length} views signed in: navigation to the first inbox row ${figures(toFirstRow, 'ms')}`);
      console.log(`  API calls per view: ${figures(callsPerView)}`);
    }
  } finally {
    await browser.close();
  }
} finally {
  await stop();
}

/** Opens the pages and signs in on the local provider's page as Jonas Nørgaard, as a person would; the session stays with the tab. */
async function signIn(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.waitForURL((url) => url.pathname.startsWith('/oidc'), { timeout: ROW_TIMEOUT_MS });
  await page.getByRole('button', { name: new RegExp(`^${JONAS.name}`) }).click();
  await page.waitForURL((url) => url.pathname !== '/signed-in' && !url.pathname.startsWith('/oidc'), { timeout: ROW_TIMEOUT_MS });
}

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
import { launchBrowser } from '../test/web/chromium.ts';
import { buildPages, signedInTab, timeApiCalls, timeViews } from './page-bench.ts';
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

console.log(`console inbox benchmark: ${size.toLocaleString('en')} ideas in triage, local runtime on DynamoDB Local, Debian chromium`);
const benchStarted = performance.now();
await buildPages();

const { runtime, client, stop } = await startBenchRuntime('console');
try {
  const started = performance.now();
  await writeInTriage(client, runtime.tableName, size);
  console.log(`  ${size.toLocaleString('en')} ideas put in triage in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // The API side: what one view of the page asks for.
  await timeApiCalls(runtime, JONAS, ['triage'], PAGE_CALLS, calls);

  // The page: Jonas signs in once, then opens the inbox `views` times.
  const browser = await launchBrowser();
  try {
    const tab = await signedInTab(browser, runtime.url, JONAS.name, ROW_TIMEOUT_MS);
    await timeViews(tab, runtime.url, INBOX_PATH, {
      selector: ROW,
      what: 'inbox row',
      views,
      timeoutMs: ROW_TIMEOUT_MS,
      afterFirst: async () => console.log(`  one view's API calls: ${tab.api.calls.join(', ')}`),
    });
  } finally {
    await browser.close();
  }
} finally {
  await stop();
  console.log(`  the whole benchmark took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
}

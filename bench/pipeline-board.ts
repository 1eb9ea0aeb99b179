/**
 * Pipeline board benchmark: the directors' board (`/pipeline`) with N pilots (default 1,000)
 * spread over every stage, in Debian's chromium against a local runtime of its own. The pilots are
 * written straight into the table with the store's own items (shared/store/pilots.ts
 * `DynamoPilotStore.creation`: each pilot, its creation event and its entries in every pipeline list) and the
 * pipeline's counters (shared/store/pipeline.ts `counterUpdates`), as a pilot accepted through
 * the API would have them; some are past their stage's limit, some on hold. Then:
 *
 * - the API the board reads: the summary and one stage's first page, timed `calls` times each,
 *   as the ready-made director Birgitte Åberg;
 * - the page: signed in through the local OpenID provider's page as Birgitte Åberg, `views`
 *   navigations of `/pipeline` and as many of `/pipeline?theme=automatisering`, each timed from the
 *   navigation to the first card drawn, with the requests to /api/ it made until the network was
 *   quiet; then one "Vis flere" in the sprint column, with its requests.
 *
 * It builds the pages first (web/dist, as `npm start` does); if the build fails it says so and
 * uses the pages already built.
 *
 * Usage: npm run bench:board -- [pilots=1000] [views=20] [calls=20]
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_GATES } from '../shared/domain/gates.ts';
import { ACTIVE_STAGES, PILOT_STAGES, STAGE_ORDER, isActive, type ActiveStage, type Pilot, type PilotStage } from '../shared/domain/pilot.ts';
import { launchBrowser } from '../test/web/chromium.ts';
import { DEPARTMENTS } from './ideas.ts';
import { buildPages, signedInTab, timeApiCalls, timeViews } from './page-bench.ts';
import { random } from './random.ts';
import { seedItems } from './seed-ideas.ts';
import { THEMES } from './triage-ideas.ts';

process.env['POWERTOOLS_LOG_LEVEL'] ??= 'ERROR';
const { startBenchRuntime } = await import('./local-runtime.ts');
const { DynamoPilotStore } = await import('../shared/store/pilots.ts');
const { dynamoParts } = await import('../shared/store/compose.ts');
const { counterUpdates } = await import('../shared/store/pipeline.ts');

const size = Number(process.argv[2] ?? 1_000);
const views = Number(process.argv[3] ?? 20);
const calls = Number(process.argv[4] ?? 20);

/** The board's address, and a filtered view of it. */
const BOARD_PATH = '/pipeline';
const FILTERED_PATH = `/pipeline?theme=${THEMES[0]}`;
/** The API calls of the board's first view (web/src/pages/pipeline/pipeline-data.ts): the summary, a stage's first page (one per stage), the first page of the pilots on hold. */
const PAGE_CALLS = ['/pipeline/summary', '/pipeline/pilots?stage=sprint&sort=in_stage&limit=100', '/pipeline/pilots?sort=hold_until&limit=100'];
/** The local sign-in page's ready-made director (infra/local/oidc-pages.ts). */
const BIRGITTE = { sub: 'birgitte', name: 'Birgitte Åberg' };
/** A pilot's card on the board. */
const CARD = 'main .spire-board .spire-card';
/** How long a view may take before the bench says no card was drawn. */
const CARD_TIMEOUT_MS = 20_000;
/** How the pilots are spread over the stages. */
const SHARE: Record<PilotStage, number> = { sprint: 0.25, pilot: 0.25, evaluation: 0.15, operations: 0.15, realised: 0.1, stopped: 0.1 };
const STAFF = { sub: 'bench-triage', name: 'Bænk Åge' };
const OWNERS = [
  { sub: 'bent', name: 'Bent Ørsted' },
  { sub: 'tove', name: 'Tove Ågård' },
  { sub: 'jonas', name: 'Jonas Nørgaard' },
];
const LEARNINGS = 'Borgerne foretrak telefonen frem for appen. Vi lærte at inddrage dem tidligere i forløbet.';
const DAY_MS = 86_400_000;


/** Pilot number `n`: its stage by SHARE, up to twice its stage's limit in it (so some are past it), one in ten active ones on hold (half of those ended). */
function syntheticPilot(n: number, now: Date): Pilot {
  const next = random(n + 1);
  let roll = next();
  const stage = PILOT_STAGES.find((candidate) => (roll -= SHARE[candidate]) < 0) ?? 'sprint';
  const limit = isActive(stage) ? DEFAULT_GATES.stageLimitDays[stage] : 60;
  const stageEnteredAt = new Date(now.getTime() - Math.round(next() * 2 * limit * DAY_MS)).toISOString();
  const createdAt = new Date(Date.parse(stageEnteredAt) - Math.round(next() * 200 * DAY_MS)).toISOString();
  const stoppedFrom = stage === 'stopped' ? (ACTIVE_STAGES[Math.floor(next() * ACTIVE_STAGES.length)] as ActiveStage) : undefined;
  const last = stoppedFrom ?? stage;
  const reachedStages = stage === 'stopped' ? [...STAGE_ORDER.slice(0, STAGE_ORDER.indexOf(last as Exclude<PilotStage, 'stopped'>) + 1), 'stopped' as const] : STAGE_ORDER.slice(0, STAGE_ORDER.indexOf(stage) + 1);
  const holdRoll = next();
  const hold = isActive(stage) && holdRoll < 0.1 ? { until: new Date(now.getTime() + (holdRoll < 0.05 ? -3 : 20) * DAY_MS).toISOString().slice(0, 10), reason: 'Vi venter på leverandøren.' } : undefined;
  const id = `22222222-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    title: `Pilot nummer ${n}: mindre bøvl i hverdagen på Ærø`,
    description: 'En syntetisk pilot til benchmarks, med æ, ø og å.',
    language: 'da',
    ideaIds: [`33333333-0000-4000-8000-${String(n).padStart(12, '0')}`],
    kind: next() < 0.5 ? 'idea' : 'friction',
    department: DEPARTMENTS[Math.floor(next() * DEPARTMENTS.length)] as string,
    themes: [...THEMES].sort(() => next() - 0.5).slice(0, 1 + Math.floor(next() * 2)),
    stage,
    stageEnteredAt,
    reachedStages,
    ...(stoppedFrom === undefined ? {} : { stoppedFrom, learnings: LEARNINGS }),
    ...(hold === undefined ? {} : { hold }),
    owner: OWNERS[n % OWNERS.length] as Pilot['owner'] & object,
    riskLevel: 'low',
    hypothesis: { expectedHoursPerYear: Math.round(next() * 500), successMeasure: 'Timer sparet', baseline: 'Målt i januar', successThreshold: '100 timer' },
    ...(stage === 'realised' ? { results: { summary: 'Det virkede.', realisedHoursPerYear: Math.round(next() * 400) } } : {}),
    artefacts: [],
    createdAt,
    createdBy: STAFF,
    updatedAt: stageEnteredAt,
    version: 1,
  };
}

/** Writes the pilots with every item the store writes for a new pilot, in batches, and adds their share of the pipeline counters. */
async function writePilots(client: DynamoDBDocumentClient, tableName: string, pilots: readonly Pilot[]): Promise<void> {
  const store = new DynamoPilotStore(client, tableName);
  const parts = dynamoParts(pilots.map((pilot) => store.creation(pilot)));
  // The items of each pilot's creation, as accepting its idea writes them, less the counter updates added below.
  const items = parts.flatMap((part) => part.items.flatMap(({ item }) => (item.Put === undefined ? [] : [item.Put.Item as Record<string, unknown>])));
  await seedItems(client, tableName, items);
  // A hundred pilots at a time: each update carries every pilot's entry, and an expression may be at most 4 KB.
  for (let start = 0; start < parts.length; start += 100) {
    const updates = counterUpdates(tableName, parts.slice(start, start + 100).flatMap((part) => part.counted));
    for (const { Update } of updates) await client.send(new UpdateCommand(Update));
  }
}

console.log(`pipeline board benchmark: ${size.toLocaleString('en')} pilots over every stage, local runtime on DynamoDB Local, Debian chromium`);
await buildPages();

const { runtime, client, stop } = await startBenchRuntime('board');
try {
  const started = performance.now();
  const now = new Date();
  const pilots = Array.from({ length: size }, (_, n) => syntheticPilot(n, now));
  await writePilots(client, runtime.tableName, pilots);
  const perStage = PILOT_STAGES.map((stage) => `${stage} ${pilots.filter((pilot) => pilot.stage === stage).length}`).join(', ');
  console.log(`  ${size.toLocaleString('en')} pilots written in ${((performance.now() - started) / 1000).toFixed(0)} s (${perStage})`);

  // The API side: what one view of the board asks for.
  await timeApiCalls(runtime, BIRGITTE, ['director'], PAGE_CALLS, calls);

  // The page: Birgitte signs in once, then opens the board `views` times, unfiltered and filtered.
  const browser = await launchBrowser();
  try {
    const tab = await signedInTab(browser, runtime.url, BIRGITTE.name, CARD_TIMEOUT_MS);
    const { page, api } = tab;
    for (const path of [BOARD_PATH, FILTERED_PATH]) {
      await timeViews(tab, runtime.url, path, {
        selector: CARD,
        what: 'card',
        views,
        timeoutMs: CARD_TIMEOUT_MS,
        afterFirst: async () => {
          const cards = await page.locator(CARD).count();
          const headings = await page.locator('main .spire-board-column h2').allTextContents();
          const waiting = await page.locator('main .spire-waiting-list li').count();
          const notes = await page.locator('main .spire-waiting p.spire-meta').allTextContents();
          console.log(`  ${path}, one view: ${cards} cards drawn (${headings.join(', ')}); its API calls: ${api.calls.join(', ')}`);
          console.log(`  ${path}, "Venter på din beslutning": ${waiting} pilots listed; ${notes.slice(1).map((note) => JSON.stringify(note)).join(' ') || 'no note'}`);
        },
      });
    }

    // One "Vis flere" in the sprint column of the unfiltered board.
    await page.goto(`${runtime.url}${BOARD_PATH}`);
    const sprint = page.locator('main .spire-board-column').first();
    await sprint.locator('.spire-card').first().waitFor({ state: 'visible', timeout: CARD_TIMEOUT_MS });
    await page.waitForLoadState('networkidle');
    const more = sprint.getByRole('button', { name: /^Vis flere/ });
    if ((await more.count()) === 1) {
      const before = await sprint.locator('.spire-card').count();
      api.reset();
      const started = performance.now();
      await more.click();
      await page.waitForFunction(([selector, count]) => (document.querySelector(selector as string)?.querySelectorAll('.spire-card').length ?? 0) > (count as number), ['main .spire-board-column', before] as const, { timeout: CARD_TIMEOUT_MS });
      const ms = performance.now() - started;
      await page.waitForLoadState('networkidle');
      const after = await sprint.locator('.spire-card').count();
      console.log(`  "Vis flere" in ${(await sprint.locator('h2').textContent()) ?? 'the sprint column'}: ${before} → ${after} cards in ${ms.toFixed(0)} ms, ${api.calls.length} API call (${api.calls.join(', ')}); the column says ${JSON.stringify(await sprint.getByRole('status').textContent())}`);
    } else console.log(`  the sprint column has no "Vis flere" (${await sprint.locator('.spire-card').count()} cards)`);
  } finally {
    await browser.close();
  }
} finally {
  await stop();
}

/**
 * The directors' pipeline in a real browser on a desk-sized window, against a local runtime of its
 * own with pilots seeded through the API in every stage (ideas submitted, accepted by the team,
 * moved on with gate decisions): an employee refused with no API call; a director filtering the
 * board by theme, kept in the address; a gate refused for a required item unanswered, the item
 * named beside it, then passed; a pilot stopped with learnings that the search finds with the
 * words highlighted; a gate decision by keyboard alone; the report's charts with their names and
 * tables, printed to one PDF page, and the CSV with æøå intact; the pages at 320 and 640 CSS px;
 * the team's form renaming a pilot and adding an artefact, one with neither link nor text refused at it.
 * axe-core checks the board, the pilot page, the dialog with its errors, the learnings and the report.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { DEFAULT_GATES } from '../../shared/domain/gates.ts';
import { decideNow, FRICTION, IDEA, signIn, startTestRuntime, submitAll, type Person } from '../integration/support.ts';
import { expectAccessible, focusedElement, launchBrowser, screenshot, signInAs, tabUntil } from './browser.ts';

const DESK = { width: 1280, height: 900 } as const;
const BIRGITTE = 'Birgitte Åberg';
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
const [GDPR, ARCHITECTURE, OWNER_NAMED, BASELINE] = DEFAULT_GATES.gates.pilot.map((item) => item.text.da) as [string, string, string, string];

let runtime: LocalRuntime;
let browser: Browser;
let anna: Person;
let jonas: Person;
const contexts: BrowserContext[] = [];

const HYPOTHESIS = {
  expectedHoursPerYear: 480,
  successMeasure: 'Minutter brugt på journalnotater pr. vagt',
  baseline: '42 minutter pr. vagt målt i uge 12',
  successThreshold: 'Under 25 minutter pr. vagt',
};

const STOPPED_LEARNINGS =
  'Borgerne på Ærø ville ikke bruge skærmbesøg om aftenen, fordi lyset i stuen var for dårligt. Næste gang skal vi afprøve løsningen i dagtimerne og låne lamper ud først.';

/** The pilots of the file, by what the tests do with them; ids once seeded. */
const pilots = {
  /** sprint, with a hypothesis: a director sends it on through the dialog. */
  go: { title: 'Talegenkendelse til journalnotater på Åbo', id: '' },
  /** sprint, with a hypothesis: the keyboard's gate decision. */
  keyboard: { title: 'Digital vagtbog i hjemmeplejen', id: '' },
  /** sprint, no hypothesis and no owner: the team writes them in the form. */
  edit: { title: 'Fælles kalender for terapeuterne', id: '' },
  /** sprint: the theme filter's own (data and dashboards). */
  dashboard: { title: 'Dashboard med nøgletal om sygefravær', id: '' },
  /** pilot: a director stops it with learnings. */
  stop: { title: 'Robotstøvsuger på plejecentret Ærøhøj', id: '' },
  evaluation: { title: 'Automatisk påmindelse om tandlæge', id: '' },
  operations: { title: 'Digital ansøgning om hjælpemidler', id: '' },
  realised: { title: 'Ruteplanlægning i hjemmeplejen på Ærø', id: '' },
  stopped: { title: 'Skærmbesøg om aftenen', id: '' },
};

const DASHBOARD_TEXT =
  'Vi mangler overblik over sygefravær og ventetid. Et dashboard med nøgletal, statistik og ledelsesinformation ville vise udviklingen over tid, så lederne kan følge op på data.';

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startTestRuntime(), launchBrowser()]);
  anna = await signIn(runtime, 'anna', ['employee'], 'Anna Sørensen');
  jonas = await signIn(runtime, 'jonas', ['triage'], 'Jonas Nørgaard');
  await seedPilots();
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

// --- Seeding through the API ----------------------------------------------------------------

async function readPilot(id: string): Promise<{ pilot: Record<string, unknown> & { stage: string; themes: string[]; nextGate: { checklist: { id: string }[] } | null }; etag: string }> {
  const response = await jonas.request('GET', `/console/pilots/${id}`);
  expect(response.status).toBe(200);
  return { pilot: (await response.json()) as never, etag: response.headers.get('etag') as string };
}

async function patchPilot(id: string, body: object): Promise<void> {
  const { etag } = await readPilot(id);
  const response = await jonas.request('PATCH', `/console/pilots/${id}`, { body, headers: { 'if-match': etag } });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function decideGate(id: string, body: object): Promise<void> {
  const { pilot, etag } = await readPilot(id);
  const checklist = Object.fromEntries((pilot.nextGate?.checklist ?? []).map((item) => [item.id, true]));
  const response = await jonas.request('POST', `/console/pilots/${id}/gates`, { body: { checklist, ...body }, headers: { 'if-match': etag } });
  expect(response.status, await response.clone().text()).toBe(200);
}

const go = (id: string) => decideGate(id, { decision: 'go', reason: 'Alt er på plads.' });

/** Submits every pilot's idea, accepts each as the team (a pilot in sprint), and moves them to their stages. */
async function seedPilots(): Promise<void> {
  const entries = Object.entries(pilots);
  const ids = await submitAll(
    anna,
    entries.map(([key, pilot]) => (key === 'dashboard' ? { ...IDEA, title: pilot.title, description: DASHBOARD_TEXT } : { ...FRICTION, title: pilot.title })),
  );
  await Promise.all(
    entries.map(async ([key, pilot], index) => {
      const response = await decideNow(jonas, ids[index] as string, { decision: 'accept', message: 'Vi afprøver det.' });
      expect(response.status).toBe(200);
      pilot.id = ((await response.json()) as { pilot: { id: string } }).pilot.id;
      if (key !== 'dashboard' && key !== 'edit') await patchPilot(pilot.id, { hypothesis: HYPOTHESIS, owner: { sub: 'bent', name: 'Bent Ørsted' }, riskLevel: 'low' });
      const gates = { stop: 1, evaluation: 2, operations: 3, realised: 4 }[key] ?? 0;
      for (let gate = 0; gate < gates; gate++) {
        if (key === 'realised' && gate === 2) await patchPilot(pilot.id, { results: { summary: 'Kørslen blev 14 % kortere på Ærø.', realisedHoursPerYear: 390, followUps: 1 } });
        await go(pilot.id);
      }
      if (key === 'stopped') await decideGate(pilot.id, { decision: 'stop', reason: 'Borgerne tog det ikke til sig.', learnings: STOPPED_LEARNINGS });
    }),
  );
}

// --- The browser ----------------------------------------------------------------------------

async function newDesk(viewport: { width: number; height: number } = DESK): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'da-DK', deviceScaleFactor: 1, acceptDownloads: true });
  contexts.push(context);
  return context.newPage();
}

async function heading(page: Page): Promise<string | null> {
  return page.getByRole('heading', { level: 1 }).textContent();
}

const dialog = (page: Page) => page.getByRole('dialog');
const card = (page: Page, title: string) => page.locator('.spire-board').getByRole('link', { name: title, exact: true });

function poll<T>(check: () => Promise<T> | T, message?: string) {
  return expect.poll(check, { timeout: 15_000, ...(message === undefined ? {} : { message }) });
}

/** Every API path the page asks for, from now on. */
function apiCalls(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) asked.push(url.pathname + url.search);
  });
  return asked;
}

async function noSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('who gets the pipeline', () => {
  it('tells an employee they have no access, asks the API for none of its data, and offers no link to it', async () => {
    // Arrange
    const page = await newDesk();
    const asked = apiCalls(page);

    // Act
    await signInAs(page, runtime.url, 'Mette Sørensen', `/pipeline/pilots/${pilots.go.id}`);

    // Assess
    await poll(() => heading(page)).toBe('Du har ikke adgang til pipelinen');
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Pipeline' }).count()).toBe(0);
    expect(asked.filter((path) => path.startsWith('/api/pipeline') || path.startsWith('/api/console'))).toEqual([]);
    await expectAccessible(page, 'pipeline-no-access');
  });
});

describe('the board', () => {
  it('shows a director every stage in a bounded number of calls, and filters by theme in the address through a reload', async () => {
    // Arrange
    const page = await newDesk();
    const asked = apiCalls(page);
    const dashboard = await readPilot(pilots.dashboard.id);
    const others = await Promise.all([pilots.go, pilots.stop, pilots.realised].map(async ({ id, title }) => ({ title, themes: (await readPilot(id)).pilot.themes })));
    const theme = dashboard.pilot.themes.find((candidate) => others.some((other) => !other.themes.includes(candidate)));
    expect(theme, 'a theme the dashboard pilot has and another pilot lacks').toBeDefined();
    const without = others.find((other) => !other.themes.includes(theme as string)) as { title: string };
    const summary = (await (await jonas.request('GET', '/pipeline/summary')).json()) as { byTheme: Record<string, { name: string }> };

    // Act
    await signInAs(page, runtime.url, BIRGITTE, '/pipeline');

    // Assess: a column per stage with its pilots, one API list per stage and the list of pilots on hold
    await poll(() => heading(page)).toBe('Pipelinen');
    await poll(() => card(page, pilots.realised.title).count()).toBe(1);
    for (const [stage, count] of [['Designsprint', 4], ['Pilot', 1], ['Evaluering', 1], ['Drift', 1], ['Realiseret', 1], ['Stoppet', 1]] as const) {
      expect(await page.getByRole('heading', { level: 2, name: `${stage} (${count})`, exact: true }).count(), stage).toBe(1);
    }
    const goCard = page.locator('.spire-card').filter({ has: page.getByRole('link', { name: pilots.go.title, exact: true }) });
    expect(await goCard.textContent()).toContain('Ejer: Bent Ørsted');
    expect(await goCard.textContent()).toMatch(/0 dage i fasen af 14 dage/);
    expect(await goCard.textContent()).toContain('Forventet: 480 timer om året');
    expect(await page.getByRole('heading', { name: 'Venter på din beslutning' }).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Pipeline' }).getAttribute('aria-current')).toBe('page');
    expect(asked.filter((path) => path.startsWith('/api/pipeline/pilots'))).toHaveLength(7);
    expect(asked.filter((path) => path.startsWith('/api/pipeline/summary'))).toHaveLength(1);
    await expectAccessible(page, 'pipeline-board');

    // Act: one theme
    await page.getByLabel('Tema').selectOption(theme as string);
    await page.getByRole('button', { name: 'Vis', exact: true }).click();

    // Assess: the filter is the address, and a reload shows the same
    await page.waitForURL((url) => url.searchParams.get('theme') === theme);
    await poll(() => card(page, pilots.dashboard.title).count()).toBe(1);
    expect(await card(page, without.title).count()).toBe(0);
    await page.reload();
    await poll(() => card(page, pilots.dashboard.title).count()).toBe(1);
    expect(await card(page, without.title).count()).toBe(0);
    expect(await page.getByLabel('Tema').inputValue()).toBe(theme);
    expect(await page.getByLabel('Tema').locator('option:checked').textContent()).toBe(summary.byTheme[theme as string]?.name);
    await expectAccessible(page, 'pipeline-board-filtered');

    // Act: in English
    await page.getByRole('button', { name: 'English' }).click();

    // Assess: the same view, in English
    await poll(() => heading(page)).toBe('The pipeline');
    await poll(() => page.getByRole('heading', { level: 2, name: /^Design sprint \(\d+\)$/ }).count()).toBe(1);
    expect(await page.getByLabel('Theme').inputValue()).toBe(theme);
    await expectAccessible(page, 'pipeline-board-english');
  });

  it('reflows at 320 and 640 CSS px (200 % zoom of a 1280 px window) with no sideways scrolling', async () => {
    for (const width of [320, 640]) {
      // Arrange
      const page = await newDesk({ width, height: 800 });

      // Act
      await signInAs(page, runtime.url, 'Jonas Nørgaard', '/pipeline');
      await poll(() => card(page, pilots.go.title).count()).toBe(1);

      // Assess
      expect(await noSidewaysScroll(page), `the board at ${width} px`).toBe(true);
      await screenshot(page, `pipeline-board-${width}`);
      await page.goto(`${runtime.url}/pipeline/pilots/${pilots.realised.id}`);
      await poll(() => heading(page)).toBe(pilots.realised.title);
      expect(await noSidewaysScroll(page), `a pilot at ${width} px`).toBe(true);
      await page.goto(`${runtime.url}/pipeline/report`);
      await poll(() => page.locator('.spire-chart svg').count()).toBe(6);
      expect(await noSidewaysScroll(page), `the report at ${width} px`).toBe(true);
      await screenshot(page, `pipeline-report-${width}`);
    }
  });
  it('shows a column’s next page on “Vis flere”, by keyboard, the focus on the first card added and the count said politely', async () => {
    // Arrange: the lists a page of 2 (the seeded sprint has 4 pilots), so the column has more
    const page = await newDesk();
    const asked = apiCalls(page);
    await page.route('**/api/pipeline/pilots?*', (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', '2');
      return route.continue({ url: url.toString() });
    });
    await signInAs(page, runtime.url, BIRGITTE, '/pipeline');
    const column = page.locator('.spire-board-column').filter({ has: page.getByRole('heading', { level: 2, name: 'Designsprint (4)', exact: true }) });
    await poll(() => column.locator('.spire-card').count()).toBe(2);
    expect(await column.getByRole('status').textContent()).toBe('Viser 2 af 4');
    expect(asked.filter((path) => path.startsWith('/api/pipeline/pilots'))).toHaveLength(7);
    await expectAccessible(page, 'pipeline-board-more');

    // Act
    const more = column.getByRole('button', { name: 'Vis flere piloter i Designsprint', exact: true });
    await more.focus();
    await page.keyboard.press('Enter');

    // Assess: one call more, the rest of the column, the focus on the first card added
    await poll(() => column.locator('.spire-card').count()).toBe(4);
    await poll(() => column.getByRole('status').textContent()).toBe('Viser alle 4');
    expect(asked.filter((path) => path.startsWith('/api/pipeline/pilots'))).toHaveLength(8);
    expect(asked.at(-1)).toMatch(/stage=sprint.*cursor=/);
    expect(await more.count()).toBe(0);
    const third = column.locator('.spire-card').nth(2).getByRole('link');
    const thirdTitle = (await third.textContent()) ?? '';
    await poll(async () => (await focusedElement(page)).name).toBe(thirdTitle.trim());
    expect((await focusedElement(page)).visibleFocus).toBe(true);
    expect(new Set(await column.locator('.spire-card h3').allTextContents()).size).toBe(4);
  });
});

describe('a gate decision', () => {
  it('is refused with a required item unanswered, the item named beside it, and goes through once it is answered', async () => {
    // Arrange
    const page = await newDesk();
    await signInAs(page, runtime.url, BIRGITTE, `/pipeline/pilots/${pilots.go.id}`);
    await poll(() => heading(page)).toBe(pilots.go.title);
    expect(await page.getByText('Minutter brugt på journalnotater pr. vagt').count()).toBe(1);
    expect(await page.getByText('Som direktør kan du træffe beslutninger ved portene. Piloten redigeres af digitaliseringsteamet.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Redigér piloten' }).count()).toBe(0);
    await expectAccessible(page, 'pipeline-pilot');

    // Act: nothing chosen
    await page.getByRole('button', { name: 'Beslut ved porten til Pilot' }).click();
    await dialog(page).getByRole('button', { name: 'Gem beslutningen' }).click();

    // Assess: the page's own check
    await poll(() => dialog(page).getByRole('link', { name: 'Din beslutning: Skal udfyldes' }).count()).toBe(1);

    // Act: go, with three of the four required items
    await dialog(page).getByLabel('Videre').check();
    for (const item of [GDPR, OWNER_NAMED, BASELINE]) await dialog(page).getByLabel(item).check();
    await dialog(page).getByLabel('Begrundelse').fill('DPIA-screeningen er godkendt af DPO’en, og driften er klar.');
    await dialog(page).getByRole('button', { name: 'Gem beslutningen' }).click();

    // Assess: the API's refusal, at the item and in the summary
    await poll(() => dialog(page).getByRole('link', { name: `${ARCHITECTURE}: Skal være opfyldt, før piloten kan gå videre` }).count()).toBe(1);
    const item = dialog(page).getByLabel(ARCHITECTURE);
    expect(await item.getAttribute('aria-invalid')).toBe('true');
    expect(await item.evaluate((element) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent)).toMatch(/Skal være opfyldt/);
    expect((await readPilot(pilots.go.id)).pilot.stage).toBe('sprint');
    await expectAccessible(page, 'pipeline-gate-dialog-errors');

    // Act: the item answered
    await item.check();
    await dialog(page).getByRole('button', { name: 'Gem beslutningen' }).click();

    // Assess: the pilot moved on, recorded as the director's, with the checklist as answered
    await poll(() => page.getByText('Beslutningen er gemt (Videre). Piloten står nu i fasen: Pilot.').count()).toBe(1);
    expect(await dialog(page).count()).toBe(0);
    const { pilot } = await readPilot(pilots.go.id);
    expect(pilot.stage).toBe('pilot');
    expect((pilot['gates'] as { by: { sub: string }; role: string; checklist: { answer: boolean }[] }[])[0]).toMatchObject({ by: { sub: 'birgitte' }, role: 'director' });
    await poll(() => page.getByRole('heading', { name: 'Videre: Designsprint → Pilot' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'Tjeklisten som den blev besvaret' }).getByRole('row', { name: new RegExp(ARCHITECTURE) }).textContent()).toContain('Ja');
    await expectAccessible(page, 'pipeline-pilot-decided');
  });

  it('stops a pilot with its learnings, which the learnings search finds with the matched words highlighted', async () => {
    // Arrange
    const learnings = 'Robotstøvsugeren kunne ikke komme ind under sengene på Ærøhøj. Næste gang skal vi måle frihøjden under møblerne, før vi køber ind.';
    const page = await newDesk();
    await signInAs(page, runtime.url, BIRGITTE, `/pipeline/pilots/${pilots.stop.id}`);
    await poll(() => heading(page)).toBe(pilots.stop.title);

    // Act: stop, first with learnings too short
    await page.getByRole('button', { name: 'Beslut ved porten til Evaluering' }).click();
    await dialog(page).getByLabel('Stop').check();
    await dialog(page).getByLabel('Begrundelse').fill('Løsningen passer ikke til plejecentrets møbler.');
    await dialog(page).getByLabel('Hvad har I lært?').fill('For lav.');
    await dialog(page).getByRole('button', { name: 'Gem beslutningen' }).click();
    await poll(() => dialog(page).getByRole('link', { name: 'Hvad har I lært?: Skriv hvad I har lært, i mindst et par sætninger' }).count()).toBe(1);
    await dialog(page).getByLabel('Hvad har I lært?').fill(learnings);
    await dialog(page).getByRole('button', { name: 'Gem beslutningen' }).click();

    // Assess
    await poll(() => page.getByText('Beslutningen er gemt (Stop). Piloten står nu i fasen: Stoppet.').count()).toBe(1);
    expect((await readPilot(pilots.stop.id)).pilot).toMatchObject({ stage: 'stopped', learnings });
    await poll(() => page.getByRole('heading', { name: 'Erfaringer', exact: true }).count()).toBe(1);

    // Act: the search
    await page.getByRole('navigation', { name: 'Pipelinens sider' }).getByRole('link', { name: 'Erfaringer' }).click();
    await poll(() => heading(page)).toBe('Erfaringer fra piloterne');
    await page.getByLabel('Søg efter').fill('frihøjde under sengene');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();

    // Assess: the pilot first, the words marked, the search in the address
    await page.waitForURL((url) => url.searchParams.get('q') === 'frihøjde under sengene');
    const first = page.locator('.spire-learnings > li').first();
    await poll(() => first.getByRole('link').textContent()).toBe(pilots.stop.title);
    const marked = await first.locator('mark').allTextContents();
    expect(marked.map((word) => word.toLowerCase())).toEqual(expect.arrayContaining(['sengene']));
    expect(marked.some((word) => word.toLowerCase().startsWith('frihøjde'))).toBe(true);
    await expectAccessible(page, 'pipeline-learnings');
    await page.reload();
    await poll(() => page.locator('.spire-learnings > li').first().getByRole('link').textContent()).toBe(pilots.stop.title);
  });

  it('explains a pilot without a hypothesis at the decision, and a decision taken meanwhile (412), keeping what was typed', async () => {
    // Arrange: the dashboard pilot has no hypothesis
    const page = await newDesk();
    await signInAs(page, runtime.url, BIRGITTE, `/pipeline/pilots/${pilots.dashboard.id}`);
    await poll(() => heading(page)).toBe(pilots.dashboard.title);
    await page.getByRole('button', { name: 'Beslut ved porten til Pilot' }).click();
    await dialog(page).getByLabel('Videre').check();
    for (const item of [GDPR, ARCHITECTURE, OWNER_NAMED, BASELINE]) await dialog(page).getByLabel(item).check();
    const reason = 'Vi har ikke data nok til at komme videre nu.';
    await dialog(page).getByLabel('Begrundelse').fill(reason);

    // Act
    await dialog(page).getByRole('button', { name: 'Gem beslutningen' }).click();

    // Assess: the refusal at the decision
    await poll(() => dialog(page).getByRole('link', { name: /^Din beslutning: Piloten kan ikke gå ind i pilotfasen, før hypotesen er skrevet/ }).count()).toBe(1);
    expect(await dialog(page).getByRole('group', { name: 'Din beslutning' }).getAttribute('aria-describedby')).toContain('decision-error');
    await expectAccessible(page, 'pipeline-gate-dialog-hypothesis');

    // Act: the team holds the pilot meanwhile; the director sends a stop on the version they read
    await decideGate(pilots.dashboard.id, { decision: 'hold', reason: 'Vi venter på dataudtrækket.', revisitOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) });
    await dialog(page).getByLabel('Stop').check();
    await dialog(page).getByLabel('Hvad har I lært?').fill('Sygefraværet kan ikke opgøres pr. team i lønsystemet. Vi skal først have ensartet registrering, før et dashboard giver mening.');
    await dialog(page).getByRole('button', { name: 'Gem beslutningen' }).click();

    // Assess: told somebody decided first, the pilot read again behind the dialog, nothing typed lost
    await poll(() => dialog(page).getByText(/Nogen har truffet en beslutning om piloten, mens du skrev/).count()).toBe(1);
    await poll(() => page.getByText(/^På pause til/).count()).toBe(1);
    expect(await dialog(page).getByLabel('Begrundelse').inputValue()).toBe(reason);
    await expectAccessible(page, 'pipeline-gate-dialog-conflict');

    // Act: sent again
    await dialog(page).getByRole('button', { name: 'Gem beslutningen' }).click();

    // Assess
    await poll(() => page.getByText('Beslutningen er gemt (Stop). Piloten står nu i fasen: Stoppet.').count()).toBe(1);
    expect((await readPilot(pilots.dashboard.id)).pilot.stage).toBe('stopped');
  });

  it('is taken by keyboard alone: the dialog opened, go chosen, the checklist ticked, the reason typed and sent', async () => {
    // Arrange
    const page = await newDesk();
    await signInAs(page, runtime.url, 'Jonas Nørgaard', `/pipeline/pilots/${pilots.keyboard.id}`);
    await poll(() => heading(page)).toBe(pilots.keyboard.title);

    // Act
    await tabUntil(page, (stop) => stop.name === 'Beslut ved porten til Pilot', 'the gate button');
    await page.keyboard.press('Enter');
    await poll(() => focusedElement(page).then((stop) => stop.name)).toBe('Videre');
    await page.keyboard.press('Space');
    for (const item of [GDPR, ARCHITECTURE, OWNER_NAMED, BASELINE]) {
      await tabUntil(page, (stop) => stop.name.startsWith(item), item);
      await page.keyboard.press('Space');
    }
    await tabUntil(page, (stop) => stop.id === 'gate-reason', 'the reason');
    await page.keyboard.type('Alle punkter er gennemgået på styregruppemødet.');
    await tabUntil(page, (stop) => stop.name === 'Gem beslutningen', 'Gem beslutningen');
    await page.keyboard.press('Enter');

    // Assess: saved, and the focus on the confirmation
    await poll(() => page.getByText('Beslutningen er gemt (Videre). Piloten står nu i fasen: Pilot.').count()).toBe(1);
    await poll(() => page.evaluate(() => document.activeElement?.classList.contains('alert-success'))).toBe(true);
    expect((await readPilot(pilots.keyboard.id)).pilot.stage).toBe('pilot');
  });
});

describe('the team’s pilot form', () => {
  it('shows faults at their fields, then writes the hypothesis and the owner, which the page shows', async () => {
    // Arrange
    const page = await newDesk();
    await signInAs(page, runtime.url, 'Jonas Nørgaard', `/pipeline/pilots/${pilots.edit.id}`);
    await poll(() => heading(page)).toBe(pilots.edit.title);
    await page.getByRole('button', { name: 'Redigér piloten' }).click();

    // Act: hours that are no number, and a hypothesis only begun
    await page.getByLabel('Forventede timer om året').fill('mange');
    await page.getByLabel('Succesmål').fill('Minutter brugt på at finde ledige tider');
    await page.getByRole('button', { name: 'Gem piloten' }).click();

    // Assess
    await poll(() => page.getByRole('link', { name: 'Forventede timer om året: Skal være et helt tal' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Udgangspunkt (baseline): Skal udfyldes, når resten af delen er udfyldt' }).count()).toBe(1);
    await expectAccessible(page, 'pipeline-pilot-editor-errors');

    // Act
    await page.getByLabel('Forventede timer om året').fill('1.200');
    await page.getByLabel('Udgangspunkt (baseline)').fill('20 minutter pr. booking i uge 40');
    await page.getByLabel('Tærskel for succes').fill('Under 5 minutter pr. booking');
    await page.getByLabel('Ejerens bruger-id').fill('dora');
    await page.getByLabel('Ejerens navn').fill('Dora Ågesen');
    await page.getByLabel('Risiko').selectOption('medium');
    await page.getByRole('button', { name: 'Gem piloten' }).click();

    // Assess
    await poll(() => page.getByText('Piloten er gemt.').count()).toBe(1);
    await poll(() => page.locator('.spire-terms').getByText('1.200 timer om året').count()).toBe(1);
    expect(await page.locator('.spire-terms').getByText('Dora Ågesen').count()).toBe(1);
    expect((await readPilot(pilots.edit.id)).pilot).toMatchObject({
      owner: { sub: 'dora', name: 'Dora Ågesen' },
      riskLevel: 'medium',
      hypothesis: { expectedHoursPerYear: 1200, successMeasure: 'Minutter brugt på at finde ledige tider', baseline: '20 minutter pr. booking i uge 40', successThreshold: 'Under 5 minutter pr. booking' },
    });
  });
});

describe('the report', () => {
  it('draws every chart with its name and data table, prints to one PDF page, and downloads the CSV with æøå intact', async () => {
    // Arrange
    const page = await newDesk();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await signInAs(page, runtime.url, BIRGITTE, '/pipeline/report');

    // Assess: six charts as images with names, each with its table behind a toggle
    await poll(() => heading(page)).toBe('Pipelinen i tal');
    await poll(() => page.locator('.spire-chart svg[role="img"]').count()).toBe(6);
    const names = await page.locator('.spire-chart svg').evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('aria-label') ?? ''));
    expect(names.every((name) => name.startsWith('Søjlediagram'))).toBe(true);
    expect(await page.getByText(`Opgjort ${new Date().toLocaleDateString('da-DK', { day: 'numeric', month: 'long', year: 'numeric' })}`).count()).toBe(1);
    await page.getByText('Vis tallene som tabel').first().click();
    const funnel = page.getByRole('table', { name: 'Fra idé til realiseret gevinst' });
    expect(await funnel.getByRole('row', { name: /^Realiseret/ }).textContent()).toMatch(/Realiseret1/);
    await expectAccessible(page, 'pipeline-report');
    expect(refused, 'no Content-Security-Policy violation from the charts').toEqual([]);

    // Act: print
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'pipeline-report-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}pipeline-report.pdf`, pdf);
    await page.emulateMedia({ media: 'screen' });

    // Assess: one page
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

    // Act: the CSV
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent alle piloter som CSV' }).click()]);
    const csv = readFileSync(await download.path());

    // Assess
    expect(download.suggestedFilename()).toBe('spire-piloter.csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text).toContain(pilots.realised.title);
    expect(text).toContain('Ærøhøj');
    expect(text.split('\r\n')[0]).toContain(';');
  });
});

describe('the team’s pilot form: the title and the artefacts', () => {
  it('renames a pilot and adds a storyboard with æøå and a link, listed under “Artefakter” after a reload; an artefact with neither link nor text is refused at it', async () => {
    // Arrange
    const title = 'Digital ansøgning om hjælpemidler på Ærø og i Åbyhøj';
    const storyboard = { title: 'Storyboard: én skærm til ansøgning om kørestol på Ærø, før og efter', url: 'https://intranet.kommune.example/spire/storyboard-hjaelpemidler' };
    const page = await newDesk();
    await signInAs(page, runtime.url, 'Jonas Nørgaard', `/pipeline/pilots/${pilots.operations.id}`);
    await poll(() => heading(page)).toBe(pilots.operations.title);
    await page.getByRole('button', { name: 'Redigér piloten' }).click();
    const first = page.getByRole('group', { name: 'Artefakt 1', exact: true });
    const second = page.getByRole('group', { name: 'Artefakt 2', exact: true });

    // Act: a new title, a storyboard with a link, and a second artefact with neither link nor text
    await page.getByLabel('Pilotens titel').fill(title);
    await page.getByRole('button', { name: 'Tilføj artefakt' }).click();
    await poll(async () => (await focusedElement(page)).id).toBe('pilot-artefact-0-kind');
    await first.getByLabel('Type').selectOption('storyboard');
    await first.getByLabel('Titel', { exact: true }).fill(storyboard.title);
    await first.getByLabel('Link', { exact: true }).fill(storyboard.url);
    await page.getByRole('button', { name: 'Tilføj artefakt' }).click();
    await poll(async () => (await focusedElement(page)).id).toBe('pilot-artefact-1-kind');
    await second.getByLabel('Type').selectOption('test_notes');
    await second.getByLabel('Titel', { exact: true }).fill('Testnoter fra værkstedet på Ærøhøj');
    await page.getByRole('button', { name: 'Gem piloten' }).click();

    // Assess: refused by the page at the artefact and in the summary, nothing saved
    await poll(() => page.getByRole('link', { name: 'Artefakt 2: En artefakt skal have et link, en tekst eller begge' }).count()).toBe(1);
    expect(await second.getAttribute('aria-describedby')).toContain('pilot-artefact-1-error');
    expect(await page.locator('#pilot-artefact-1-error').textContent()).toContain('En artefakt skal have et link, en tekst eller begge');
    expect((await readPilot(pilots.operations.id)).pilot).toMatchObject({ title: pilots.operations.title, artefacts: [] });
    await expectAccessible(page, 'pipeline-pilot-editor-artefact-errors');

    // Assess: the form with its faults reflows at 320 CSS px
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await noSidewaysScroll(page), 'the pilot form at 320 px').toBe(true);
    await screenshot(page, 'pipeline-pilot-editor-320');
    await page.setViewportSize(DESK);

    // Act: the second artefact removed, saved
    await page.getByRole('button', { name: /^Fjern artefakt 2 \(Testnoter fra værkstedet/ }).click();
    await poll(async () => (await focusedElement(page)).id).toBe('pilot-artefacts');
    expect(await page.getByRole('link', { name: /^Artefakt 2/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Gem piloten' }).click();

    // Assess: saved, the page read again with the new title and the storyboard
    await poll(() => page.getByText('Piloten er gemt.').count()).toBe(1);
    await poll(() => heading(page)).toBe(title);
    expect((await readPilot(pilots.operations.id)).pilot).toMatchObject({ title, artefacts: [{ kind: 'storyboard', ...storyboard }] });

    // Act
    await page.reload();

    // Assess: listed under “Artefakter”, its title a link
    await poll(() => heading(page)).toBe(title);
    const artefacts = page.getByRole('region', { name: 'Artefakter' });
    expect(await artefacts.getByRole('listitem').textContent()).toContain('Storyboard:');
    expect(await artefacts.getByRole('link', { name: storyboard.title }).getAttribute('href')).toBe(storyboard.url);
  });
});


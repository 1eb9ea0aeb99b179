/**
 * The admin pages in a real browser against a local runtime of their own: the system owner
 * finds them in the menu, changes the strategy (a keyword with æøå), sees what changed between
 * two versions, saves over a version somebody else saved meanwhile without losing a character,
 * re-scores the ideas, and edits a gate's checklist; the API's validation faults are shown at
 * their fields and in the summary; the triage team reads the strategy and the checklists, a
 * director the checklists, with no form; anybody else is told so and shown no admin data.
 * axe-core checks every page and state on the way.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { eventually, signIn, startTestRuntime, submitAll, type Person } from '../integration/support.ts';
import { expectAccessible, launchBrowser, phoneContext, screenshot, signInAs } from './browser.ts';

let runtime: LocalRuntime;
let browser: Browser;
/** The system owner as the API knows the local provider's "Admin", for reading what the pages saved. */
let admin: Person;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startTestRuntime(), launchBrowser()]);
  admin = await signIn(runtime, 'admin', ['admin'], 'Admin');
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await runtime?.stop();
});

async function newPhone(width?: number): Promise<Page> {
  const context = await phoneContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  if (width !== undefined) await page.setViewportSize({ width, height: 812 });
  return page;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const menuLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name, exact: true });

interface StrategyBody {
  version: number;
  name: { da: string; en: string };
  period: { from: string; to: string };
  themes: { id: string; name: { da: string; en: string }; keywords: { da: string[]; en: string[] } }[];
  criteria: unknown[];
}

async function currentStrategy(): Promise<{ strategy: StrategyBody; etag: string }> {
  const response = await admin.request('GET', '/console/strategy');
  return { strategy: (await response.json()) as StrategyBody, etag: response.headers.get('etag') as string };
}

const KEYWORD = 'påmindelse på Ærø';

describe('the strategy', () => {
  it('shows the API’s validation faults at their fields and in the summary, then saves a keyword with æøå as a new version', async () => {
    // Arrange
    const page = await newPhone();
    await signInAs(page, runtime.url, 'Admin', '/console/strategy');
    await expect.poll(() => heading(page)).toBe('Strategi');
    await page.getByRole('group', { name: 'Tema 1: Automatisering' }).waitFor();
    await expectAccessible(page, 'admin-strategy');
    const before = (await currentStrategy()).strategy;

    // Act: a theme without its Danish name is refused by the API
    const name = page.locator('#strategy-themes-0-name-da');
    await name.fill('');
    await page.getByRole('button', { name: 'Gem som ny version' }).click();

    // Assess: the fault in the summary, which has the focus and links to the field, and at the field
    const summary = page.getByRole('heading', { name: 'Der er problemer med det, du har skrevet' });
    await summary.waitFor();
    const link = page.getByRole('link', { name: /^Tema 1, Navn \(dansk\): / });
    expect(await link.count()).toBe(1);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#strategy-themes-0-name-da-error').textContent()).toMatch(/Fejl:/);
    await expectAccessible(page, 'admin-strategy-errors');
    await link.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('strategy-themes-0-name-da');

    // Act: the name back, and a keyword with æøå
    await name.fill('Automatisering');
    const keywords = page.locator('#strategy-themes-0-keywords-da');
    await keywords.fill(`${await keywords.inputValue()}\n${KEYWORD}`);
    await page.getByRole('button', { name: 'Gem som ny version' }).click();

    // Assess
    await page.getByText(`Strategien er gemt som version ${before.version + 1}.`, { exact: false }).waitFor();
    expect(await page.getByRole('heading', { name: 'Der er problemer med det, du har skrevet' }).count()).toBe(0);
    const { strategy } = await currentStrategy();
    expect(strategy.version).toBe(before.version + 1);
    expect(strategy.themes[0]?.keywords.da).toContain(KEYWORD);
    expect(strategy.themes[0]?.name.da).toBe('Automatisering');
  });

  it('shows what changed between two versions', async () => {
    // Arrange
    const { strategy } = await currentStrategy();
    const page = await newPhone();
    await signInAs(page, runtime.url, 'Admin', '/console/strategy');
    await page.getByRole('heading', { name: 'Versioner' }).waitFor();

    // Act
    await page.getByLabel('Fra version').selectOption(String(strategy.version - 1));
    await page.getByLabel('Til version').selectOption(String(strategy.version));
    await page.getByRole('button', { name: 'Vis forskellen' }).click();

    // Assess
    await page.getByRole('heading', { name: `Forskellen fra version ${strategy.version - 1} til ${strategy.version}` }).waitFor();
    expect(await page.getByText(`Nøgleord (dansk) tilføjet: ${KEYWORD}`).count()).toBe(1);
    expect(await page.getByText('Ændret: Automatisering').count()).toBe(1);
    expect(await page.getByText(`Version ${strategy.version}: `).count()).toBe(1);
    await expectAccessible(page, 'admin-strategy-diff');
  });

  it('keeps what was typed when somebody saved first, says who, and saves over their version', async () => {
    // Arrange: the page is read, then somebody else saves a new version
    const page = await newPhone();
    await signInAs(page, runtime.url, 'Admin', '/console/strategy');
    await page.getByRole('group', { name: 'Tema 1: Automatisering' }).waitFor();
    const { strategy, etag } = await currentStrategy();
    const { version: _version, createdAt: _at, createdBy: _by, ...input } = strategy as StrategyBody & { createdAt: string; createdBy: string };
    const other = await signIn(runtime, 'ulla', ['admin'], 'Ulla Ødegaard');
    const theirs = await other.request('PUT', '/console/strategy', { body: { ...input, name: { ...input.name, da: 'Digitaliseringsstrategi – Ullas udgave' } }, headers: { 'if-match': etag } });
    expect(theirs.status).toBe(200);

    // Act: the page saves on the version it read
    const description = page.locator('#strategy-themes-1-description-da');
    const typed = 'Data, der bruges på tværs af fagområderne, så beslutninger træffes på et bedre grundlag – også på Ærø.';
    await description.fill(typed);
    await page.getByRole('button', { name: 'Gem som ny version' }).click();

    // Assess: the conflict, who saved, what differs, and the text as typed
    await page.getByRole('heading', { name: 'En anden har gemt imens' }).waitFor();
    expect(await page.getByText(new RegExp(`Version ${strategy.version + 1} blev gemt .* af ulla`)).count()).toBe(1);
    expect(await description.inputValue()).toBe(typed);
    await page.getByRole('heading', { name: `Forskellen fra version ${strategy.version + 1} til din udgave` }).waitFor();
    await expectAccessible(page, 'admin-strategy-conflict');

    // Act: save again, over their version
    await page.getByRole('button', { name: 'Gem som ny version' }).click();

    // Assess
    await page.getByText(`Strategien er gemt som version ${strategy.version + 2}.`, { exact: false }).waitFor();
    const saved = (await currentStrategy()).strategy as StrategyBody & { themes: { description: { da: string } }[] };
    expect(saved.themes[1]?.description.da).toBe(typed);
  });
});

describe('re-scoring', () => {
  it('starts from the page, shows the job’s progress, and re-aligns the undecided ideas with the strategy saved', async () => {
    // Arrange: an idea in triage, aligned with an older version
    const mette = await signIn(runtime, 'mette', ['employee'], 'Mette Sørensen');
    const [id] = await submitAll(mette, [
      {
        kind: 'idea',
        title: 'Påmindelse på Ærø om medicin',
        description: 'Borgerne på Ærø får en påmindelse om deres medicin med brev, og den kommer ofte for sent. En sms kunne sendes af sig selv.',
        department: 'Sundhed og Omsorg',
      },
    ]);
    const { strategy } = await currentStrategy();
    const page = await newPhone();
    await signInAs(page, runtime.url, 'Admin', '/console/strategy');
    await page.getByRole('heading', { name: 'Scor idéerne igen' }).waitFor();

    // Act
    await page.getByRole('button', { name: 'Start genscoring' }).click();

    // Assess: the job's progress, read until it is done, in a live region
    const status = page.getByRole('status').filter({ hasText: `Version ${strategy.version}:` });
    await status.waitFor();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/Genscoringen er færdig\..*1 idé i 1 portion, 1 portion færdig/);
    await screenshot(page, 'admin-rescore-done');
    // The idea is aligned with the current version, the keyword with æøå among its matched words.
    const aligned = await eventually(async () => {
      const idea = (await (await admin.request('GET', `/console/ideas/${id}`)).json()) as { themeAlignment?: { strategyVersion: number; scores: { themeId: string; matchedTerms: string[] }[] } };
      return idea.themeAlignment?.strategyVersion === strategy.version ? idea.themeAlignment : undefined;
    }, 20_000, 'the idea to be re-scored');
    const automation = aligned.scores.find((score) => score.themeId === 'automatisering');
    expect(automation?.matchedTerms.some((term) => /ærø|påmind/i.test(term))).toBe(true);
  });
});

describe('the gate checklists', () => {
  it('adds an item in Danish and English to a gate and saves it with the stage limits', async () => {
    // Arrange
    const page = await newPhone();
    await signInAs(page, runtime.url, 'Admin', '/console/gates');
    await expect.poll(() => heading(page)).toBe('Tjeklister ved gates');
    await page.getByRole('group', { name: 'Gate: Ind i pilot' }).waitFor();
    expect(await menuLink(page, 'Strategi').getAttribute('href')).toBe('/console/strategy');
    expect(await menuLink(page, 'Gate-tjeklister').getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'admin-gates');

    // Act: by keyboard, an item too short for the API first, then written out
    await page.getByLabel('Pilot (dage)').fill('90');
    await page.getByRole('button', { name: 'Tilføj et punkt til »Ind i pilot«' }).focus();
    await page.keyboard.press('Enter');
    const danish = page.locator('#gates-gates-pilot-4-text-da');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('gates-gates-pilot-4-text-da');
    await page.keyboard.type('Ø');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Borger panel consulted');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: /^Ind i pilot, Punkt 5, Tekst \(dansk\): / }).waitFor();
    await expectAccessible(page, 'admin-gates-errors');
    await danish.fill('Borgerpanelet på Ærø er hørt om løsningen');
    await page.getByRole('button', { name: 'Gem tjeklister og tidsgrænser' }).click();

    // Assess
    await page.getByText(/Tjeklister og tidsgrænser er gemt \(version 1\)/).waitFor();
    const settings = (await (await admin.request('GET', '/console/gates')).json()) as {
      version: number;
      gates: { pilot: { id: string; text: { da: string; en: string }; required: boolean }[] };
      stageLimitDays: { pilot: number };
    };
    expect(settings.version).toBe(1);
    expect(settings.gates.pilot.at(-1)).toEqual({ id: 'borgerpanelet-paa-aeroe-er-hoert-om-loesningen', text: { da: 'Borgerpanelet på Ærø er hørt om løsningen', en: 'Borger panel consulted' }, required: true });
    expect(settings.stageLimitDays.pilot).toBe(90);
  });
});

describe('the gate checklists, saved meanwhile by somebody else', () => {
  it('says who saved, keeps what was typed, and saves over their version', async () => {
    // Arrange: the page is read, then Ulla saves the settings
    const page = await newPhone();
    await signInAs(page, runtime.url, 'Admin', '/console/gates');
    const first = page.locator('#gates-gates-evaluation-0-text-da');
    await first.waitFor();
    const read = await admin.request('GET', '/console/gates');
    const { version, updatedAt: _at, updatedBy: _by, ...settings } = (await read.json()) as { version: number; updatedAt: string; updatedBy: string; stageLimitDays: Record<string, number> };
    const ulla = await signIn(runtime, 'ulla', ['admin'], 'Ulla Ødegaard');
    const theirs = await ulla.request('PUT', '/console/gates', { body: { ...settings, stageLimitDays: { ...settings.stageLimitDays, sprint: 21 } }, headers: { 'if-match': read.headers.get('etag') as string } });
    expect(theirs.status).toBe(200);

    // Act
    const typed = 'Piloten er afprøvet med rigtige brugere, også på Ærø';
    await first.fill(typed);
    await page.getByRole('button', { name: 'Gem tjeklister og tidsgrænser' }).click();

    // Assess
    await page.getByRole('heading', { name: 'En anden har gemt imens' }).waitFor();
    expect(await page.getByText(new RegExp(`Version ${version + 1} blev gemt .* af ulla`)).count()).toBe(1);
    expect(await first.inputValue()).toBe(typed);
    await expectAccessible(page, 'admin-gates-conflict');
    await page.getByRole('button', { name: 'Gem tjeklister og tidsgrænser' }).click();
    await page.getByText(`Tjeklister og tidsgrænser er gemt (version ${version + 2}).`).waitFor();
    const saved = (await (await admin.request('GET', '/console/gates')).json()) as { gates: { evaluation: { text: { da: string } }[] } };
    expect(saved.gates.evaluation[0]?.text.da).toBe(typed);
  });
});

describe('in English', () => {
  it('shows the strategy page in English', async () => {
    const page = await newPhone();
    await signInAs(page, runtime.url, 'Admin', '/console/strategy');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading(page)).toBe('Strategy');
    await page.getByRole('group', { name: 'Theme 1: Automation' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save as a new version' }).count()).toBe(1);
    await expectAccessible(page, 'admin-strategy-english');
  });
});

describe('reflow', () => {
  it.each(['/console/strategy', '/console/gates'])('shows %s at 320 CSS px without sideways scrolling', async (path) => {
    const page = await newPhone(320);
    await signInAs(page, runtime.url, 'Admin', path);
    await page.locator('form').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await screenshot(page, `reflow-320${path.replaceAll('/', '-')}`);
    expect(overflow, `${path} at 320 px scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
  });
});

describe('the triage team', () => {
  it('reads the strategy and its versions, with nothing to change it by', async () => {
    // Arrange
    const page = await newPhone();

    // Act
    await signInAs(page, runtime.url, 'Jonas Nørgaard', '/console/strategy');

    // Assess
    await expect.poll(() => heading(page)).toBe('Strategi');
    await page.getByRole('heading', { name: 'Automatisering', level: 3 }).waitFor();
    expect(await page.getByText(KEYWORD).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Gem som ny version' }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start genscoring' }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Versioner' }).waitFor();
    // The menu links the strategy, which the team works with, and the checklists, which it reads.
    expect(await menuLink(page, 'Strategi').getAttribute('aria-current')).toBe('page');
    expect(await menuLink(page, 'Gate-tjeklister').count()).toBe(1);
    await expectAccessible(page, 'admin-strategy-triage');
  });
});

describe('the gate checklists, read', () => {
  it.each([
    ['Jonas Nørgaard', 'triage'],
    ['Birgitte Åberg', 'director'],
  ])('%s (%s) reads every gate’s checklist and the stage limits, with nothing to change them by', async (person, role) => {
    // Arrange
    const { gates, stageLimitDays } = (await (await admin.request('GET', '/console/gates')).json()) as {
      gates: { pilot: { text: { da: string }; required: boolean }[] };
      stageLimitDays: { pilot: number };
    };
    const page = await newPhone();
    const changes: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/api/console')) changes.push(request.url());
    });

    // Act
    await signInAs(page, runtime.url, person, '/console/gates');

    // Assess
    await expect.poll(() => heading(page)).toBe('Tjeklister ved gates');
    await page.getByRole('heading', { name: 'Gate: Ind i pilot', level: 2 }).waitFor();
    expect(await page.getByText('Du kan læse tjeklisterne og tidsgrænserne.', { exact: false }).count()).toBe(1);
    const first = gates.pilot[0];
    expect(first).toBeDefined();
    const item = page.getByRole('listitem').filter({ hasText: first?.text.da });
    expect(await item.getByText(first?.required === true ? 'Skal være opfyldt' : 'Frivilligt', { exact: true }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Tidsgrænser for faserne', level: 2 }).waitFor();
    expect(await page.getByText(`${stageLimitDays.pilot} dage`, { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('form').count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Gem tjeklister og tidsgrænser' }).count()).toBe(0);
    expect(changes).toEqual([]);
    await expectAccessible(page, `admin-gates-${role}`);
  });
});

describe('anybody the page is not for', () => {
  it.each([
    ['Mette Sørensen', '/console/strategy', 'Strategien er for digitaliseringsteamet og Spires systemejere'],
    ['Birgitte Åberg', '/console/strategy', 'Strategien er for digitaliseringsteamet og Spires systemejere'],
    ['Mette Sørensen', '/console/gates', 'Tjeklisterne er for digitaliseringsteamet, direktørerne og Spires systemejere'],
  ])('%s is told %s is not for them, and the page asks the API for nothing of it', async (person, path, reason) => {
    // Arrange
    const page = await newPhone();
    const consoleCalls: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/console')) consoleCalls.push(url.pathname);
    });

    // Act
    await signInAs(page, runtime.url, person, path);

    // Assess
    await expect.poll(() => heading(page)).toBe('Du har ikke adgang');
    expect(await page.getByText(reason, { exact: false }).count()).toBe(1);
    expect(await page.locator('form').count()).toBe(0);
    expect(consoleCalls).toEqual([]);
    await expectAccessible(page, `admin-refused-${person.split(' ')[0]?.toLowerCase()}${path.replaceAll('/', '-')}`);
  });
});

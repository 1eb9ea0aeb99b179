/**
 * The employee's pages in a real browser on a phone-sized window, against a local runtime of
 * their own: signing in through the local OpenID provider, submitting bøvl with æøå, supporting a
 * similar idea instead of sending a duplicate, following an anonymous idea by its link, answering
 * the team's question and withdrawing. axe-core checks every page and state on the way.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { decideNow, eventually, IDEA, signIn, startTestRuntime, waitForStatus, type Person } from '../integration/support.ts';
import { expectAccessible, launchBrowser, phoneContext, signInAs } from './browser.ts';

let runtime: LocalRuntime;
let browser: Browser;
let triage: Person;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startTestRuntime(), launchBrowser()]);
  triage = await signIn(runtime, 'tove', ['triage'], 'Tove Ærenfeldt');
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

/** A new phone with nobody signed in. */
async function newPhone(): Promise<Page> {
  const context = await phoneContext(browser);
  contexts.push(context);
  return context.newPage();
}

/** Mette Sørensen is one of the local provider's ready-made people; the API knows her as `mette`. */
const METTE = 'Mette Sørensen';

describe('signing in', () => {
  it('goes through the local OpenID provider’s page and lands on the Danish submit form', async () => {
    // Arrange
    const page = await newPhone();

    // Act
    await page.goto(`${runtime.url}/`);
    await page.waitForURL((url) => url.pathname.startsWith('/oidc'));
    await expectAccessible(page, 'sign-in-page');
    await page.getByRole('button', { name: new RegExp(`^${METTE}`) }).click();

    // Assess
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Send en idé eller noget bøvl');
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(new URL(page.url()).pathname).toBe('/');
    await expectAccessible(page, 'submit-empty');
  });
});

describe('the language', () => {
  it('switches to English, is remembered after a reload, and is sent to the API as Accept-Language', async () => {
    // Arrange
    const page = await newPhone();
    await signInAs(page, runtime.url, METTE);
    const languages: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) languages.push(request.headers()['accept-language'] ?? '');
    });

    // Act
    await page.getByRole('button', { name: 'English' }).or(page.getByRole('link', { name: 'English' })).click();

    // Assess
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Submit an idea or some friction');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Submit an idea or some friction');
    await page.getByRole('link', { name: 'My ideas' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My ideas');
    await expect.poll(() => languages.length).toBeGreaterThan(0);
    expect(new Set(languages)).toEqual(new Set(['en']));
    await expectAccessible(page, 'my-ideas-english');
  });
});

describe('an expired sign-in', () => {
  it('leads back through sign-in without losing what was typed', async () => {
    // Arrange: a form half filled in, and a sign-in the API no longer accepts (signed in long ago, no refresh token)
    const page = await newPhone();
    await signInAs(page, runtime.url, METTE);
    await page.getByLabel('Overskrift').fill('Låsen på medicinskabet på Økærgården');
    await page.getByLabel('Beskrivelse').fill('Låsen driller hver morgen, og vi venter på nøglen fra kontoret.');
    await page.getByLabel('Din afdeling').fill('Ældre og Sundhed');
    await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:')) as string;
      const user = JSON.parse(sessionStorage.getItem(key) as string) as Record<string, unknown>;
      sessionStorage.setItem(key, JSON.stringify({ ...user, access_token: 'expired.token.value', refresh_token: undefined }));
      sessionStorage.setItem('spire.signedInAt', '0');
    });

    // Act
    await page.getByRole('button', { name: 'Send idé' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/oidc') || url.pathname === '/');
    if (new URL(page.url()).pathname.startsWith('/oidc')) await page.getByRole('button', { name: new RegExp(`^${METTE}`) }).click();

    // Assess: back on the form, with the text as it was, and told so
    await expect.poll(() => page.getByText(/det, du havde skrevet, er sat ind igen/).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByLabel('Overskrift').inputValue()).toBe('Låsen på medicinskabet på Økærgården');
    expect(await page.getByLabel('Beskrivelse').inputValue()).toBe('Låsen driller hver morgen, og vi venter på nøglen fra kontoret.');
    await page.getByRole('button', { name: 'Send idé' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tak, vi har modtaget det');
  });
});

describe('signing out', () => {
  it('ends the sign-in, so the pages ask for it again', async () => {
    // Arrange
    const page = await newPhone();
    await signInAs(page, runtime.url, METTE);

    // Act
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/oidc'));
    await expectAccessible(page, 'sign-out-page');
    await page.getByRole('button', { name: /Log ud/ }).click();
    await page.waitForURL((url) => url.pathname === '/' || url.pathname.startsWith('/oidc/auth') || url.pathname.startsWith('/oidc/interaction'));
    await page.goto(`${runtime.url}/mine`);

    // Assess: no token left in the tab, and the provider's sign-in page again
    await page.waitForURL((url) => url.pathname.startsWith('/oidc'));
    expect(await page.getByRole('button', { name: new RegExp(`^${METTE}`) }).count()).toBe(1);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((name) => name.startsWith('oidc.user:')))).toEqual([]);
  });
});

describe('submitting bøvl', () => {
  it('shows the errors next to their fields and in a summary, then accepts bøvl with æøå and shows the hours live', async () => {
    // Arrange
    const page = await newPhone();
    await signInAs(page, runtime.url, METTE);

    // Act: send the empty form
    await page.getByRole('button', { name: 'Send idé' }).click();

    // Assess: a focused summary that links to the fields, and the same errors at the fields
    const summary = page.getByRole('heading', { name: 'Der er problemer med det, du har skrevet' });
    await expect.poll(() => summary.isVisible()).toBe(true);
    await expectAccessible(page, 'submit-with-errors');
    expect(await page.getByRole('link', { name: /Overskrift/ }).count()).toBeGreaterThan(0);

    // Act: bøvl, with the figures
    await page.getByLabel('Bøvl', { exact: true }).check();
    await page.getByLabel('Overskrift').fill('Dobbeltindtastning af målinger på plejecenter Åbo');
    await page.getByLabel('Beskrivelse').fill('Vi skriver blodtryk og vægt på papir og bagefter i omsorgssystemet. Det giver fejl og tager tid fra beboerne på Ærø-gangen.');
    await page.getByLabel('Din afdeling').fill('Ældre og Sundhed');
    await page.getByRole('button', { name: 'Dagligt' }).click();
    await page.getByLabel('Minutter hver gang').fill('5');
    await page.getByLabel('Hvor mange oplever det').fill('12');

    // Assess: 230 days × 5 minutes × 12 people / 60 = 230 hours a year, before anything is sent
    await expect.poll(() => page.getByText(/Det svarer til cirka 230 timer om året/).count()).toBe(1);

    // Act
    await page.getByRole('button', { name: 'Send bøvl' }).click();

    // Assess: the receipt, then the idea in the API exactly as typed
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tak, vi har modtaget det');
    await expectAccessible(page, 'receipt');
    const mette = await signIn(runtime, 'mette');
    const mine = (await (await mette.request('GET', '/ideas/mine')).json()) as { items: { id: string; title: string }[] };
    const sent = mine.items.find((idea) => idea.title === 'Dobbeltindtastning af målinger på plejecenter Åbo');
    expect(sent).toBeDefined();
    const idea = await waitForStatus(mette, sent?.id as string, 'in_triage');
    expect(idea).toMatchObject({ kind: 'friction', department: 'Ældre og Sundhed', frictionHoursPerYear: 230 });
    expect(idea['description']).toContain('Ærø-gangen');

    // Act: her list of ideas
    await page.getByRole('link', { name: 'Mine idéer' }).first().click();

    // Assess
    await expect.poll(() => page.getByText('Dobbeltindtastning af målinger på plejecenter Åbo').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'my-ideas');
  });
});

describe('a lost answer', () => {
  it('is safe to retry: the same form sends the same Idempotency-Key, and the idea is stored once', async () => {
    // Arrange: the first answer to POST /api/ideas reaches the server's side but never the page
    const page = await newPhone();
    await signInAs(page, runtime.url, 'Birgitte Åberg');
    let dropped = 0;
    const keys: string[] = [];
    await page.route('**/api/ideas', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      const answer = await route.fetch();
      if (dropped === 0) {
        dropped += 1;
        expect(answer.status()).toBe(202);
        return route.abort('connectionreset');
      }
      return route.fulfill({ response: answer });
    });
    await page.getByLabel('Overskrift').fill('Én indgang til hjælpemidler');
    await page.getByLabel('Beskrivelse').fill('Borgerne ringer tre steder for at få et hjælpemiddel. Én indgang ville spare alle for tid.');
    await page.getByLabel('Din afdeling').fill('Social og Handicap');

    // Act
    await page.getByRole('button', { name: 'Send idé' }).click();
    await expect.poll(() => page.getByText(/Vi fik ikke svar fra Spire/).count()).toBe(1);
    await page.getByRole('button', { name: 'Send idé' }).click();

    // Assess: the receipt, one key for both tries, and one idea
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tak, vi har modtaget det');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[\x21-\x7e]{1,255}$/);
    expect(keys[1]).toBe(keys[0]);
    const birgitte = await signIn(runtime, 'birgitte', ['director']);
    const mine = (await (await birgitte.request('GET', '/ideas/mine')).json()) as { items: { title: string }[] };
    expect(mine.items.filter((idea) => idea.title === 'Én indgang til hjælpemidler')).toHaveLength(1);
  });
});

describe('my ideas, empty', () => {
  it('says there is nothing yet and offers the way to send the first', async () => {
    const page = await newPhone();
    await signInAs(page, runtime.url, 'Admin', '/mine');
    await expect.poll(() => page.getByRole('heading', { name: 'Du har ikke sendt noget endnu' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Send din første idé' }).count()).toBe(1);
    await expectAccessible(page, 'my-ideas-empty');
  });
});

describe('similar ideas', () => {
  it('appear while the person types, and one tap supports one instead of sending a duplicate', async () => {
    // Arrange: a colleague's idea, admitted to triage
    const ole = await signIn(runtime, 'ole', ['employee'], 'Ole Brøndum');
    const submitted = await ole.request('POST', '/ideas', {
      body: { ...IDEA, title: 'Vagtplanen skal tastes ind to gange', description: 'Vagtplanen for hjemmeplejen tastes først i Excel og siden i vagtplansystemet. Det er dobbeltarbejde hver uge.' },
    });
    const { id } = (await submitted.json()) as { id: string };
    await waitForStatus(ole, id, 'in_triage');
    const page = await newPhone();
    await signInAs(page, runtime.url, METTE);

    // Act
    await page.getByLabel('Overskrift').fill('Vagtplanen tastes to gange');
    await page.getByLabel('Beskrivelse').fill('Vi taster vagtplanen i Excel og bagefter i vagtplansystemet, hver eneste uge.');

    // Assess
    await expect.poll(() => page.getByRole('heading', { name: 'Er det en af disse?' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await expectAccessible(page, 'similar-ideas-shown');

    // Act
    await page.getByRole('button', { name: 'Støt idéen »Vagtplanen skal tastes ind to gange«' }).click();

    // Assess: supported once, and the count is the API's
    await expect.poll(() => page.getByText('Du støtter idéen. Den har 1 støtte.').count()).toBe(1);
    const read = (await (await ole.request('GET', `/ideas/${id}`)).json()) as { supportCount: number };
    expect(read.supportCount).toBe(1);
  });
});

describe('an anonymous idea', () => {
  it('is followed by the link shown once on the receipt, on another phone, with its secret kept out of the address sent to the server', async () => {
    // Arrange
    const page = await newPhone();
    await signInAs(page, runtime.url, METTE);

    // Act
    await page.getByLabel('Overskrift').fill('Nøglebokse ved hoveddøren');
    await page.getByLabel('Beskrivelse').fill('Nøglerne til borgernes hjem ligger i en skuffe på kontoret. En kodeboks ved døren ville spare ture.');
    await page.getByLabel('Din afdeling').fill('Ældre og Sundhed');
    await page.getByLabel('Ja, send anonymt').check();
    await page.getByRole('button', { name: 'Send idé' }).click();

    // Assess: the link, with the token in the fragment only
    const link = await eventually(async () => {
      const field = page.getByLabel('Dit link til idéen');
      return (await field.count()) > 0 ? field.inputValue() : undefined;
    });
    const url = new URL(link);
    expect(url.origin).toBe(runtime.url);
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#token=[^&]+$/);
    await expectAccessible(page, 'receipt-anonymous');

    // Act: a fresh phone opens the link, and signs in (every page of the API needs a signed-in employee)
    const other = await newPhone();
    const requested: string[] = [];
    other.on('request', (request) => requested.push(request.url()));
    await signInAs(other, runtime.url, 'Jonas Nørgaard', `${url.pathname}${url.hash}`);

    // Assess
    await expect.poll(() => other.getByRole('heading', { level: 1 }).textContent()).toBe('Nøglebokse ved hoveddøren');
    await expect.poll(() => other.getByText('Du følger denne anonyme idé med dit link. Teamet kan ikke se, hvem du er.').count()).toBe(1);
    const token = url.hash.slice('#token='.length);
    expect(requested.filter((address) => address.includes(token))).toEqual([]);
  });
});

describe('the team’s question', () => {
  it('is shown on the idea’s page and answered there, which sends the idea back to triage', async () => {
    // Arrange: Mette's idea, and triage asks her a question through the API
    const mette = await signIn(runtime, 'mette', ['employee'], METTE);
    const submitted = await mette.request('POST', '/ideas', {
      body: { ...IDEA, title: 'Tolk via video på bostederne', description: 'Vi bestiller tolk til møder, og det tager dage. Videotolk kunne klare de korte samtaler samme dag.' },
    });
    const { id } = (await submitted.json()) as { id: string };
    await waitForStatus(mette, id, 'in_triage');
    expect((await decideNow(triage, id, { decision: 'needs_info', question: 'Hvor mange samtaler om ugen drejer det sig om, og på hvilke sprog?' })).status).toBe(200);
    const page = await newPhone();
    await signInAs(page, runtime.url, METTE, `/ideas/${id}`);

    // Assess
    await expect.poll(() => page.getByText('Hvor mange samtaler om ugen drejer det sig om, og på hvilke sprog?').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'idea-with-question');

    // Act
    await page.getByRole('textbox', { name: 'Dit svar' }).fill('Omkring tyve samtaler om ugen, mest på arabisk, somali og tigrinya.');
    await page.getByRole('button', { name: 'Send svar' }).click();

    // Assess
    await expect.poll(() => page.getByText('Tak for dit svar. Idéen er tilbage hos teamet.').count()).toBe(1);
    await waitForStatus(mette, id, 'in_triage');
    await expectAccessible(page, 'idea-answered');
  });
});

describe('withdrawing', () => {
  it('asks for confirmation, then withdraws the idea', async () => {
    // Arrange
    const mette = await signIn(runtime, 'mette', ['employee'], METTE);
    const submitted = await mette.request('POST', '/ideas', {
      body: { ...IDEA, title: 'Fælles kalender for aflastning', description: 'Familierne ringer for at høre, om der er plads i aflastningen. En fælles kalender ville spare opkald.' },
    });
    const { id } = (await submitted.json()) as { id: string };
    await waitForStatus(mette, id, 'in_triage');
    const page = await newPhone();
    await signInAs(page, runtime.url, METTE, `/ideas/${id}`);

    // Act
    await page.getByRole('button', { name: 'Træk idéen tilbage' }).click();
    await expectAccessible(page, 'withdraw-confirmation');
    await page.getByRole('button', { name: 'Ja, træk den tilbage' }).click();

    // Assess
    await expect.poll(() => page.getByText('Idéen er trukket tilbage.').count()).toBeGreaterThan(0);
    await waitForStatus(mette, id, 'withdrawn');
  });
});

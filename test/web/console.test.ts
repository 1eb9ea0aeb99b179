/**
 * The triage console in a real browser on a desk-sized window, against a local runtime of its
 * own: who gets the console and who is told they have none (without any of its data being asked
 * for), the inbox with its filters in the address, an idea scored, asked about, answered and
 * accepted, a duplicate merged with its supporters, a decline whose Danish message reaches the
 * submitter's mail, two people deciding at once, and a whole triage by keyboard alone. axe-core
 * checks the inbox, the idea page and every decision dialog, errors shown included.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { consoleDa } from '../../web/src/pages/console/texts/da.ts';
import { consoleEtag, eventually, FRICTION, IDEA, outbox, signIn, startTestRuntime, submitAll, waitForStatus, type Person } from '../integration/support.ts';
import { expectAccessible, focusedElement, launchBrowser, PHONE, screenshot, signInAs, tabUntil } from './browser.ts';

const DESK = { width: 1280, height: 900 } as const;
const JONAS = 'Jonas Nørgaard';

let runtime: LocalRuntime;
let browser: Browser;
let anna: Person;
let jonas: Person;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startTestRuntime(), launchBrowser()]);
  anna = await signIn(runtime, 'anna', ['employee'], 'Anna Sørensen');
  jonas = await signIn(runtime, 'jonas', ['triage'], JONAS);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

/** A fresh browser on a desk-sized window (or `viewport`), in Danish, nobody signed in. */
async function newDesk(viewport: { width: number; height: number } = DESK): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'da-DK', deviceScaleFactor: 1 });
  contexts.push(context);
  return context.newPage();
}

async function heading(page: Page): Promise<string | null> {
  return page.getByRole('heading', { level: 1 }).textContent();
}

/** An idea of Anna's in triage, with a title of the test's own. */
async function annasIdea(title: string, fields: object = {}): Promise<string> {
  const [id] = await submitAll(anna, [{ ...IDEA, title, ...fields }]);
  return id as string;
}

async function consoleIdea(id: string): Promise<Record<string, unknown>> {
  return (await (await jonas.request('GET', `/console/ideas/${id}`)).json()) as Record<string, unknown>;
}

const dialog = (page: Page) => page.getByRole('dialog');

/** expect.poll with time for a busy machine: the pages wait on the API and its workers. */
function poll<T>(check: () => Promise<T> | T, message?: string) {
  return expect.poll(check, { timeout: 15_000, ...(message === undefined ? {} : { message }) });
}

describe('who gets the console', () => {
  it('tells an employee they have no access, asks the API for none of the console’s data, and offers no link to it', async () => {
    // Arrange
    const page = await newDesk();
    const asked: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/')) asked.push(path);
    });

    // Act
    await signInAs(page, runtime.url, 'Mette Sørensen', '/console');

    // Assess
    await poll(() => heading(page)).toBe('Du har ikke adgang til konsollen');
    await expectAccessible(page, 'console-no-access');
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Konsol' }).count()).toBe(0);
    expect(asked.filter((path) => path.startsWith('/api/console') || path.startsWith('/api/pipeline'))).toEqual([]);
  });

  it('shows a director the number of ideas in each status, and no inbox', async () => {
    // Arrange
    const page = await newDesk();
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));

    // Act
    await signInAs(page, runtime.url, 'Birgitte Åberg', '/console');

    // Assess
    await poll(() => heading(page)).toBe('Overblik over pipelinen');
    await poll(() => page.getByRole('table', { name: 'Idéer efter status' }).count()).toBe(1);
    expect(asked.filter((path) => path.startsWith('/api/console'))).toEqual([]);
    const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
    expect(await menu.getByRole('link', { name: 'Konsol' }).getAttribute('aria-current')).toBe('page');
    // A director decides at the gates, so reads their checklists; the strategy is the team's.
    expect(await menu.getByRole('link', { name: 'Strategi' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Gate-tjeklister' }).count()).toBe(1);
    await expectAccessible(page, 'console-director');
  });
});

describe('the inbox', () => {
  it('shows the ideas in triage with their counts, and keeps its filters in the address through a reload', async () => {
    // Arrange: bøvl without figures and an idea, both in triage
    const unknown = `Kørelister uden tal ${Date.now()}`;
    const plain = `Idé om kalender ${Date.now()}`;
    const [, plainId] = (await submitAll(anna, [
      { kind: 'friction', title: unknown, description: 'Kørelisterne skrives i hånden hver morgen, og vi ved ikke, hvor længe det tager.', department: 'Hjemmeplejen Åbyhøj', figuresUnknown: true },
      { ...IDEA, title: plain },
    ])) as [string, string];
    // The idea is scored by the team on every criterion; the report keeps only the system's suggestions.
    const strategy = (await (await jonas.request('GET', '/console/strategy')).json()) as { criteria: { id: string }[] };
    const scores = Object.fromEntries(strategy.criteria.map((criterion) => [criterion.id, 2]));
    const scored = await jonas.request('PUT', `/console/ideas/${plainId}/scorecard`, { body: { scores }, headers: { 'if-match': await consoleEtag(jonas, plainId) } });
    expect(scored.status).toBe(200);
    const page = await newDesk();

    // Act
    await signInAs(page, runtime.url, JONAS, '/console');

    // Assess: the tabs carry the API's counts, and each row what the team decides by
    await poll(() => heading(page)).toBe('Indbakke');
    await poll(() => page.getByRole('link', { name: unknown }).count()).toBe(1);
    const tab = page.getByRole('navigation', { name: 'Status' }).getByRole('link', { name: /^Under vurdering \(\d+\)$/ });
    await poll(() => tab.count()).toBe(1);
    expect(await tab.getAttribute('aria-current')).toBe('page');
    const row = page.getByRole('row', { name: new RegExp(unknown) });
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('ukendt');
    // A priority from suggestions alone is said in words, not by colour; a scored one is not marked.
    expect(await row.getByRole('cell').nth(3).getByText('kun forslag', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('row', { name: new RegExp(plain) }).getByRole('cell').nth(3).textContent()).toBe('50');
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Konsol' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'console-inbox');

    // Act: only bøvl, longest waiting first
    await page.getByLabel('Type').selectOption('friction');
    await page.getByLabel('Sortér efter').selectOption('age');
    await page.getByRole('button', { name: 'Vis' }).click();

    // Assess: the view is the address, and a reload shows the same
    await page.waitForURL((url) => url.searchParams.get('kind') === 'friction' && url.searchParams.get('sort') === 'age');
    await poll(() => page.getByRole('link', { name: plain }).count()).toBe(0);
    await page.reload();
    await poll(() => page.getByRole('link', { name: unknown }).count()).toBe(1);
    expect(await page.getByRole('link', { name: plain }).count()).toBe(0);
    expect(await page.getByLabel('Type').inputValue()).toBe('friction');
    expect(await page.getByLabel('Sortér efter').inputValue()).toBe('age');

    // Act: in English
    await page.getByRole('button', { name: 'English' }).click();

    // Assess: the same view, in English
    await poll(() => heading(page)).toBe('Inbox');
    await poll(() => page.getByRole('table', { name: 'Ideas with status: Being assessed' }).getByRole('link', { name: unknown }).count()).toBe(1);
    expect(await page.getByRole('row', { name: new RegExp(unknown) }).getByRole('cell').nth(2).textContent()).toBe('unknown');
    expect(await page.getByRole('row', { name: new RegExp(unknown) }).getByRole('cell').nth(3).getByText('suggested only', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'console-inbox-english');
  });
});

describe('a friction report', () => {
  it('is scored, asked about, answered by its submitter, and accepted, which shows the pilot', async () => {
    // Arrange
    const title = `Dobbeltindtastning i hjemmeplejen ${Date.now()}`;
    const [id] = await submitAll(anna, [{ ...FRICTION, title }]);
    const strategy = (await (await jonas.request('GET', '/console/strategy')).json()) as { criteria: { id: string }[] };
    const page = await newDesk();
    await signInAs(page, runtime.url, JONAS, `/console/ideas/${id}`);
    await poll(() => heading(page)).toBe(title);
    await expectAccessible(page, 'console-idea');

    // Act: score every criterion 3
    for (const criterion of strategy.criteria) await page.locator(`#score-${criterion.id}-3`).check();

    // Assess: the priority worked out live, then saved
    await poll(() => page.getByText('Prioritet: 75 af 100').count()).toBe(1);
    await page.getByRole('button', { name: 'Gem scorekort' }).click();
    await poll(() => page.getByText('Scorekortet er gemt. Prioritet: 75.').count()).toBe(1);

    // Act: ask a question, first without one
    await page.getByRole('button', { name: 'Stil et spørgsmål' }).click();
    await dialog(page).getByRole('button', { name: 'Send spørgsmålet' }).click();
    await poll(() => dialog(page).getByRole('heading', { name: 'Der er problemer med det, du har skrevet' }).count()).toBe(1);
    await expectAccessible(page, 'dialog-question-errors');
    await dialog(page).getByLabel('Dit spørgsmål').fill('Hvilke tre systemer skriver I oplysningerne ind i?');
    await poll(() => dialog(page).getByText(/Spørgsmål: Hvilke tre systemer/).count()).toBe(1);
    await dialog(page).getByRole('button', { name: 'Send spørgsmålet' }).click();

    // Assess
    await poll(() => page.getByText('Beslutningen er gemt. Idéen har nu status: Afventer flere oplysninger.').count()).toBe(1);
    await waitForStatus(anna, id as string, 'needs_info');

    // Act: Anna answers; the team reads the idea again and accepts it
    expect((await anna.request('POST', `/ideas/${id}/answers`, { body: { answer: 'Omsorgssystemet, KMD og et regneark.' } })).status).toBe(200);
    await waitForStatus(anna, id as string, 'in_triage');
    await page.reload();
    await poll(() => page.getByText('Omsorgssystemet, KMD og et regneark.').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Vælg til afprøvning' }).click();
    await expectAccessible(page, 'dialog-accept');
    await dialog(page).getByRole('button', { name: 'Vælg til afprøvning' }).click();

    // Assess
    await poll(() => page.getByRole('heading', { name: 'Idéen er valgt til afprøvning' }).count()).toBe(1);
    expect(await page.getByText('Piloten er oprettet og står i fasen: Designsprint.').count()).toBe(1);
    const accepted = await consoleIdea(id as string);
    expect(accepted['status']).toBe('accepted');
    expect(await page.getByText(`Pilotens id: ${(accepted['decision'] as { pilotId: string }).pilotId}`).count()).toBe(1);
  });
});

describe('a duplicate', () => {
  it('is merged into the idea it resembles, and its supporters move along', async () => {
    // Arrange: Anna's idea, then Bent's in nearly the same words, which Carl supports
    const description = 'Når borgerne ringer om hjælpemidler, bliver de stillet rundt mellem tre afdelinger. Én fælles indgang med ét telefonnummer ville spare tid for alle.';
    const survivor = await annasIdea(`Én indgang til hjælpemidler ${Date.now()}`, { description });
    const bent = await signIn(runtime, 'bent', ['employee'], 'Bent Ørsted');
    const [merged] = await submitAll(bent, [{ ...IDEA, title: 'Fælles indgang til hjælpemidler', description }]);
    const carl = await signIn(runtime, 'carl', ['employee'], 'Carl Æbelø');
    expect((await carl.request('POST', `/ideas/${merged}/support`)).status).toBe(201);
    const before = ((await consoleIdea(survivor))['supportCount'] as number | undefined) ?? 0;
    const page = await newDesk();
    await signInAs(page, runtime.url, JONAS, `/console/ideas/${merged}`);
    await poll(() => heading(page)).toBe('Fælles indgang til hjælpemidler');

    // Act: the two side by side, then merged
    const survivorTitle = (await consoleIdea(survivor))['title'] as string;
    await page.getByRole('button', { name: `Sammenlign med »${survivorTitle}«` }).click();
    await poll(() => page.locator('.spire-side-by-side').getByRole('heading', { name: survivorTitle }).count()).toBe(1);
    expect(await page.locator('.spire-side-by-side').getByText(description).count()).toBe(2);
    await page.getByRole('button', { name: `Læg sammen ind i »${survivorTitle}«` }).click();
    expect(await dialog(page).getByLabel(survivorTitle).isChecked()).toBe(true);
    await expectAccessible(page, 'dialog-duplicate');
    await dialog(page).getByRole('button', { name: 'Læg sammen' }).click();

    // Assess: the merged idea's submitter and supporter now support the survivor
    await poll(() => page.getByText('Beslutningen er gemt. Idéen har nu status: Lagt sammen med en anden idé.').count()).toBe(1);
    await eventually(async () => (((await consoleIdea(survivor))['supportCount'] as number | undefined) ?? 0) === before + 2 || undefined, 20_000, 'the supporters to move');
  });
});

describe('declining', () => {
  it('asks for a reason, fills in the message from it, and the submitter gets it in Danish', async () => {
    // Arrange
    const id = await annasIdea(`Robotstøvsugere på plejecentret ${Date.now()}`);
    const page = await newDesk();
    await signInAs(page, runtime.url, JONAS, `/console/ideas/${id}`);
    await page.getByRole('button', { name: 'Afvis', exact: true }).click();

    // Act: nothing chosen
    await dialog(page).getByRole('button', { name: 'Afvis idéen' }).click();

    // Assess
    await poll(() => dialog(page).getByRole('link', { name: 'Begrundelse: Skal udfyldes' }).count()).toBe(1);
    await expectAccessible(page, 'dialog-decline-errors');

    // Act: a reason, the message it fills in made the team's own
    await dialog(page).getByLabel('Begrundelse').selectOption('no_capacity');
    const message = dialog(page).getByLabel('Besked til indsenderen');
    expect(await message.inputValue()).toBe(consoleDa.console.declineMessages.no_capacity);
    await message.fill(`${consoleDa.console.declineMessages.no_capacity} Vi ser gerne på den igen til foråret.`);
    await poll(() => dialog(page).getByText(/Begrundelse: Vi har ikke kræfter til det lige nu\./).count()).toBe(1);
    await dialog(page).getByRole('button', { name: 'Afvis idéen' }).click();

    // Assess: the decision, and Anna's mail in the development outbox, in Danish
    await poll(() => page.getByText('Beslutningen er gemt. Idéen har nu status: Afvist.').count()).toBe(1);
    const mail = await eventually(async () => (await outbox(runtime, 'anna@spire.localhost')).find((candidate) => candidate.text.includes('Vi ser gerne på den igen til foråret.')));
    expect(mail.subject).toMatch(/^Nyt om din idé: Robotstøvsugere på plejecentret/);
    expect(mail.text).toContain('Vi går ikke videre med din idé.');
    expect(mail.text).toContain('Begrundelse: Vi har ikke kræfter til det lige nu.');
  });
});

describe('the decision dialogs', () => {
  it('each pass axe with its errors shown, close with Escape and give the focus back to their button', async () => {
    // Arrange
    const id = await annasIdea(`Digital vagtbog ${Date.now()}`);
    const page = await newDesk();
    await signInAs(page, runtime.url, JONAS, `/console/ideas/${id}`);
    await poll(() => page.getByRole('button', { name: 'Parkér' }).count()).toBe(1);

    for (const [button, confirm, state] of [
      ['Stil et spørgsmål', 'Send spørgsmålet', 'needs-info'],
      ['Parkér', 'Parkér', 'park'],
      ['Afvis', 'Afvis idéen', 'decline'],
      ['Læg sammen med en anden idé', 'Læg sammen', 'duplicate'],
      ['Send videre', 'Send videre', 'redirect'],
    ] as const) {
      // Act
      const opener = page.getByRole('button', { name: button, exact: true });
      await opener.click();
      await dialog(page).getByRole('button', { name: confirm, exact: true }).click();

      // Assess
      await poll(() => dialog(page).getByRole('heading', { name: 'Der er problemer med det, du har skrevet' }).count(), state).toBe(1);
      await expectAccessible(page, `dialog-${state}-errors`);
      await page.keyboard.press('Escape');
      await poll(() => dialog(page).count()).toBe(0);
      expect(await opener.evaluate((element) => element === document.activeElement), `${state}: the focus is back on its button`).toBe(true);
    }
    await page.getByRole('button', { name: 'Vælg til afprøvning' }).click();
    await expectAccessible(page, 'dialog-accept-empty');
  });
});

describe('two people deciding at once', () => {
  it('lets one win, and shows the other what changed, keeping their text to apply again', async () => {
    // Arrange: Jonas and the admin both have the idea open
    const id = await annasIdea(`Fælles bookingsystem til mødelokaler ${Date.now()}`);
    const first = await newDesk();
    const second = await newDesk();
    await signInAs(first, runtime.url, JONAS, `/console/ideas/${id}`);
    await signInAs(second, runtime.url, 'Admin', `/console/ideas/${id}`);
    await poll(() => second.getByRole('button', { name: 'Afvis', exact: true }).count()).toBe(1);
    const ownWords = 'Vi har netop fået et nyt bookingsystem i hele kommunen. Det kommer til jer i marts.';
    await second.getByRole('button', { name: 'Afvis', exact: true }).click();
    await dialog(second).getByLabel('Begrundelse').selectOption('already_solved');
    await dialog(second).getByLabel('Besked til indsenderen').fill(ownWords);

    // Act: Jonas asks a question first, then the admin declines on the version they read
    await first.getByRole('button', { name: 'Stil et spørgsmål' }).click();
    await dialog(first).getByLabel('Dit spørgsmål').fill('Hvor mange mødelokaler drejer det sig om?');
    await dialog(first).getByRole('button', { name: 'Send spørgsmålet' }).click();
    await poll(() => first.getByText(/Beslutningen er gemt/).count()).toBe(1);
    await dialog(second).getByRole('button', { name: 'Afvis idéen' }).click();

    // Assess: who changed what, the idea as it is now, and nothing lost
    await poll(() => second.getByRole('heading', { name: 'Idéen er blevet ændret, mens du arbejdede' }).count()).toBe(1);
    const panel = second.getByRole('alert').filter({ hasText: 'Idéen er blevet ændret' });
    expect(await panel.textContent()).toMatch(/Jonas Nørgaard ændrede status fra »Under vurdering« til »Afventer flere oplysninger«/);
    await poll(() => second.locator('.badge').filter({ hasText: 'Afventer flere oplysninger' }).count()).toBeGreaterThan(0);
    await expectAccessible(second, 'console-conflict');

    // Act: apply the decline again
    await second.getByRole('button', { name: 'Åbn din beslutning igen' }).click();
    expect(await dialog(second).getByLabel('Besked til indsenderen').inputValue()).toBe(ownWords);
    expect(await dialog(second).getByLabel('Begrundelse').inputValue()).toBe('already_solved');
    await dialog(second).getByRole('button', { name: 'Afvis idéen' }).click();

    // Assess
    await poll(() => second.getByText('Beslutningen er gemt. Idéen har nu status: Afvist.').count()).toBe(1);
    const idea = await consoleIdea(id);
    expect(idea['status']).toBe('declined');
    expect((idea['decision'] as { message: string }).message).toBe(ownWords);
  });
});

describe('assignment and comments', () => {
  it('assigns the idea to the person, and keeps internal notes apart from messages to the submitter', async () => {
    // Arrange
    const title = `Nøglebokse ved hoveddøren ${Date.now()}`;
    const id = await annasIdea(title);
    const page = await newDesk();
    await signInAs(page, runtime.url, JONAS, `/console/ideas/${id}`);

    // Act
    await page.getByRole('button', { name: 'Tildel mig' }).click();

    // Assess
    await poll(() => page.getByText('Tildelt Jonas Nørgaard').count()).toBe(1);
    expect((await consoleIdea(id))['assignee']).toMatchObject({ sub: 'jonas' });

    // Act: a comment with no reader chosen, then an internal note, then a message to Anna
    await page.getByLabel('Kommentar', { exact: true }).fill('Tjek med IT, om kodebokse er godkendt.');
    await page.getByRole('button', { name: 'Vælg modtager først' }).click();
    await poll(() => page.getByRole('link', { name: /Vælg, hvem der skal læse kommentaren/ }).count()).toBe(1);
    await expectAccessible(page, 'comment-errors');
    await page.getByLabel('Intern note').check();
    await page.getByRole('button', { name: 'Gem intern note' }).click();
    await poll(() => page.getByText('Den interne note er gemt.').count()).toBe(1);
    await page.getByLabel('Besked til indsenderen').check();
    await page.getByLabel('Kommentar', { exact: true }).fill('Tak! Vi undersøger, om kodebokse er godkendt af IT.');
    await page.getByRole('button', { name: 'Send til indsenderen' }).click();
    await poll(() => page.getByText('Beskeden er sendt til indsenderen.').count()).toBe(1);

    // Assess: each under its own heading; Anna reads only the message to her
    const internal = page.locator('.spire-comments-internal');
    const toSubmitter = page.locator('.spire-comments-submitter');
    // The lists are read again after each comment: wait for the second reading.
    await poll(() => internal.getByText('Tjek med IT, om kodebokse er godkendt.').count()).toBe(1);
    await poll(() => toSubmitter.getByText('Tak! Vi undersøger, om kodebokse er godkendt af IT.').count()).toBe(1);
    expect(await toSubmitter.getByText('Tjek med IT').count()).toBe(0);
    const annas = JSON.stringify(await (await anna.request('GET', `/ideas/${id}`)).json());
    expect(annas).toContain('Vi undersøger, om kodebokse er godkendt af IT.');
    expect(annas).not.toContain('Tjek med IT');
  });
});

describe('assigned to me', () => {
  it('lists only the ideas assigned to the reader, by a filter kept in the address, in place of kind, department and theme', async () => {
    // Arrange: two ideas in triage, one assigned to Jonas
    const stamp = Date.now();
    const mine = await annasIdea(`Jonas’ sag om nøgleskabe ${stamp}`);
    await annasIdea(`Ikke tildelt: vagtplaner ${stamp}`);
    const assigned = await jonas.request('PUT', `/console/ideas/${mine}/assignee`, { body: { assignee: { sub: 'jonas', name: JONAS } }, headers: { 'if-match': await consoleEtag(jonas, mine) } });
    expect(assigned.status).toBe(200);
    const page = await newDesk();
    await signInAs(page, runtime.url, JONAS, '/console');
    await poll(() => page.getByRole('link', { name: `Ikke tildelt: vagtplaner ${stamp}` }).count()).toBe(1);

    // Act
    await page.getByLabel('Kun idéer tildelt mig').check();

    // Assess: the filters it cannot be combined with are gone before it is applied
    expect(await page.getByLabel('Type').count()).toBe(0);
    expect(await page.getByLabel('Tema').count()).toBe(0);

    // Act
    await page.getByRole('button', { name: 'Vis' }).click();

    // Assess: the view is the address; only Jonas' idea, with a caption that says whose list it is
    await page.waitForURL((url) => url.searchParams.get('mine') === '1');
    const table = page.getByRole('table', { name: 'Idéer tildelt dig med status: Under vurdering' });
    await poll(() => table.getByRole('link', { name: `Jonas’ sag om nøgleskabe ${stamp}` }).count()).toBe(1);
    expect(await table.getByRole('link', { name: `Ikke tildelt: vagtplaner ${stamp}` }).count()).toBe(0);
    expect(await page.getByRole('row', { name: new RegExp(`nøgleskabe ${stamp}`) }).getByRole('cell').last().textContent()).toBe(JONAS);
    await expectAccessible(page, 'console-inbox-mine');

    // Act: another status, where nothing is assigned to him
    await page.getByRole('navigation', { name: 'Status' }).getByRole('link', { name: /^Parkeret/ }).click();

    // Assess: the filter goes along with the tab, and the empty list says so
    await page.waitForURL((url) => url.searchParams.get('mine') === '1' && url.searchParams.get('status') === 'parked');
    await poll(() => page.getByText('Ingen idéer i denne status er tildelt dig.').count()).toBe(1);
  });
});

describe('a long discussion', () => {
  it('shows the first 50 comments, and the rest on request', async () => {
    // Arrange: 51 internal notes
    const id = await annasIdea(`Lang diskussion om nøglebokse ${Date.now()}`);
    for (let n = 1; n <= 51; n++) {
      const response = await jonas.request('POST', `/console/ideas/${id}/comments`, { body: { text: `Note nummer ${n}`, visibility: 'internal' } });
      expect(response.status).toBe(201);
    }
    const page = await newDesk();
    await signInAs(page, runtime.url, JONAS, `/console/ideas/${id}`);
    await poll(() => page.getByText('Note nummer 50', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Note nummer 51', { exact: true }).count()).toBe(0);

    // Act
    await page.getByRole('button', { name: 'Vis flere kommentarer' }).click();

    // Assess
    await poll(() => page.locator('.spire-comments-internal').getByText('Note nummer 51', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Vis flere kommentarer' }).count()).toBe(0);
  });
});

describe('on a phone', () => {
  it('shows an idea at 375 CSS px without sideways scrolling', async () => {
    const id = await annasIdea(`Tablets til hjemmeplejen ${Date.now()}`);
    const page = await newDesk(PHONE);
    await signInAs(page, runtime.url, JONAS, `/console/ideas/${id}`);
    await poll(() => page.getByRole('heading', { name: 'Scorekort' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, 'console-idea-375');
  });
});

describe('a whole triage by keyboard alone', () => {
  it('opens the inbox, opens an idea, scores it, asks a question and declines it', async () => {
    // Arrange
    const title = `Tastaturtriage af vagtskemaer ${Date.now()}`;
    const id = await annasIdea(title);
    const strategy = (await (await jonas.request('GET', '/console/strategy')).json()) as { criteria: { id: string }[] };
    const page = await newDesk();
    await signInAs(page, runtime.url, JONAS, '/console?sort=age');
    await poll(() => page.getByRole('link', { name: title }).count()).toBe(1);

    // Act: the idea from the inbox
    await tabUntil(page, (stop) => stop.name === title, `the link “${title}”`);
    await page.keyboard.press('Enter');
    await poll(() => heading(page)).toBe(title);

    // Act: every criterion scored with the arrow keys, then saved
    for (const criterion of strategy.criteria) {
      await tabUntil(page, (stop) => stop.id.startsWith(`score-${criterion.id}-`), `the scores of ${criterion.id}`);
      await page.keyboard.press('ArrowDown');
    }
    await tabUntil(page, (stop) => stop.name === 'Gem scorekort', 'Gem scorekort');
    await page.keyboard.press('Enter');
    await poll(() => page.getByText(/^Scorekortet er gemt/).count()).toBe(1);

    // Act: a question
    await tabUntil(page, (stop) => stop.name === 'Stil et spørgsmål', 'Stil et spørgsmål');
    await page.keyboard.press('Enter');
    await poll(() => focusedElement(page).then((stop) => stop.id)).toBe('decision-question');
    await page.keyboard.type('Hvor mange vagtskemaer laver I om måneden?');
    await tabUntil(page, (stop) => stop.name === 'Send spørgsmålet', 'Send spørgsmålet');
    await page.keyboard.press('Enter');
    await poll(() => page.getByText(/Idéen har nu status: Afventer flere oplysninger/).count()).toBe(1);

    // Act: the decision
    await tabUntil(page, (stop) => stop.name === 'Afvis', 'Afvis');
    await page.keyboard.press('Enter');
    await poll(() => focusedElement(page).then((stop) => stop.id)).toBe('decision-reason');
    await page.keyboard.press('ArrowDown');
    await tabUntil(page, (stop) => stop.name === 'Afvis idéen', 'Afvis idéen');
    await page.keyboard.press('Enter');

    // Assess
    await poll(() => page.getByText('Beslutningen er gemt. Idéen har nu status: Afvist.').count()).toBe(1);
    await screenshot(page, 'console-keyboard-declined');
    const idea = await consoleIdea(id);
    expect(idea['status']).toBe('declined');
    expect((idea['scorecard'] as { complete: boolean }).complete).toBe(true);
  });
});

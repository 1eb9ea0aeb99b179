import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import {
  allItems,
  dayInCopenhagen,
  decideNow,
  FRICTION,
  IDEA,
  nextDay,
  outbox,
  problemOf,
  settledItems,
  sortedItems,
  startWithCast,
  submitAll,
  submitAnonymous,
  waitForMail,
  waitForStatus,
  type Person,
} from './support.ts';

let runtime: LocalRuntime;
let anna: Person;
let bent: Person;
let carl: Person;
let tove: Person;

beforeAll(async () => {
  ({ runtime, anna, bent, carl, tove } = await startWithCast());
});

afterAll(async () => {
  await runtime?.stop();
});

interface Page {
  status: string;
  statusMessage: string;
  messages: { at: string; kind: 'status' | 'comment'; status?: string; text: string }[];
  history: { status: string; answer?: string; reason?: string; actor?: Record<string, unknown> }[];
  comments?: { id: string; text: string; visibility: string; author: { sub: string; name?: string } }[];
}

async function page(person: Person, id: string, headers: Record<string, string> = {}): Promise<Page> {
  const response = await person.request('GET', `/ideas/${id}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

/** A Danish date as a person writes it, computed here with the platform's own calendar. */
const danishDate = (day: string) => new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

describe('the submitter is told, in Danish, by e-mail', () => {
  it('sends one e-mail per change of status, in order, with the question, the date and the reason, æøå intact', async () => {
    // Prepare
    const title = 'Særlige åbningstider på Ørestad Bibliotek';
    const [id] = (await submitAll(anna, [{ ...FRICTION, title }])) as [string];
    const question = 'Hvilke åbningstider gælder på Ærø og i Åbyhøj — og hvem må ændre dem?';
    const answer = 'Det er Økonomi og Støttesystemet; kun lederen må ændre dem.';
    const revisitOn = nextDay(dayInCopenhagen(new Date()), 40);

    // Act: each step after the previous e-mail has arrived, as a person would.
    await waitForMail(runtime, `${id}.v2`);
    expect((await decideNow(tove, id, { decision: 'needs_info', question })).status).toBe(200);
    await waitForMail(runtime, `${id}.v3`);
    expect((await anna.request('POST', `/ideas/${id}/answers`, { body: new URLSearchParams({ answer }) })).status).toBe(200);
    await waitForMail(runtime, `${id}.v4`);
    expect((await decideNow(tove, id, { decision: 'park', revisitOn, message: 'Vi venter på næste års budget.' })).status).toBe(200);
    await waitForMail(runtime, `${id}.v5`);
    expect((await decideNow(tove, id, { decision: 'decline', reasonCode: 'legal_or_compliance', message: 'Databeskyttelsesrådgiveren siger nej til at dele oplysningerne.' })).status).toBe(200);
    await waitForMail(runtime, `${id}.v6`);

    // Assess
    const mails = (await outbox(runtime, 'anna@spire.localhost')).filter((mail) => mail.id.startsWith(`${id}.`));
    expect(mails.map((mail) => mail.id)).toEqual([2, 3, 4, 5, 6].map((version) => `${id}.v${version}`));
    for (const mail of mails) {
      expect(mail).toMatchObject({ to: 'anna@spire.localhost', language: 'da', subject: `Nyt om din idé: ${title}` });
      expect(mail.text.startsWith('Hej Anna Sørensen,\n\n')).toBe(true);
      expect(mail.text).toContain(`Din idé: »${title}«`);
      expect(mail.text).toContain('Venlig hilsen\nDigitaliseringsteamet');
      expect(mail.text).not.toMatch(/\uFFFD|Ã/);
    }
    const [triaged, asked, answered, parked, declined] = mails.map((mail) => mail.text) as [string, string, string, string, string];
    expect(triaged).toContain('Digitaliseringsteamet har fået din idé og vurderer den.');
    expect(asked).toContain('Digitaliseringsteamet har et spørgsmål til dig.');
    expect(asked).toContain(`Spørgsmål: ${question}`);
    expect(answered).toContain('Digitaliseringsteamet har fået din idé og vurderer den.');
    expect(parked).toContain('Din idé er parkeret for nu.');
    expect(parked).toContain(`Vi ser på den igen omkring ${danishDate(revisitOn)}.`);
    expect(parked).toContain('Vi venter på næste års budget.');
    expect(declined).toContain('Vi går ikke videre med din idé.');
    expect(declined).toContain('Begrundelse: Lovgivning eller databeskyttelse står i vejen.');
    expect(declined).toContain('Databeskyttelsesrådgiveren siger nej til at dele oplysningerne.');
    for (const text of [triaged, asked, answered, parked, declined]) expect(text).not.toMatch(/Tove|Ågård|tove/);
    // The page shows the same messages, and the answer in the history.
    const own = await page(anna, id);
    expect(own.messages.filter((message) => message.kind === 'status').map((message) => message.status)).toEqual(['submitted', 'in_triage', 'needs_info', 'in_triage', 'parked', 'declined']);
    for (const [n, message] of own.messages.slice(1).entries()) expect(mails[n]?.text).toContain(message.text);
    expect(own.history.find((event) => event.answer !== undefined)?.answer).toBe(answer);
    expect(await (await bent.request('GET', `/dev/outbox`)).json()).toMatchObject({ items: expect.any(Array) });
  });

  it('writes to a submitter who chose English in English', async () => {
    // Prepare
    const [id] = (await submitAll(anna, [{ ...IDEA, title: 'Speech recognition for care notes', language: 'en' }])) as [string];

    // Act
    expect((await decideNow(tove, id, { decision: 'redirect', to: 'hr', message: 'HR runs the dictation project.' })).status).toBe(200);

    // Assess
    const mail = await waitForMail(runtime, `${id}.v3`);
    expect(mail).toMatchObject({ language: 'en', subject: 'News about your idea: Speech recognition for care notes' });
    expect(mail.text).toContain('It has been passed on to HR.');
  });
});

describe('anonymous ideas', () => {
  it('lets the holder of the follow-up token read the question and answer it; a wrong token is 404; no e-mail is sent', async () => {
    // Prepare
    const { id, token } = await submitAnonymous(bent, { ...FRICTION, title: 'Anonym bøvl på Ærø' });
    const question = 'Hvor mange på holdet i Ærøskøbing oplever det?';
    expect((await decideNow(tove, id, { decision: 'needs_info', question })).status).toBe(200);

    // Act
    const wrong = await carl.request('POST', `/ideas/${id}/answers`, { body: { answer: 'Alle sammen.' }, headers: { 'x-follow-up-token': `${token}x` } });
    const without = await bent.request('POST', `/ideas/${id}/answers`, { body: { answer: 'Alle sammen.' } });
    const readWrong = await carl.request('GET', `/ideas/${id}`, { headers: { 'x-follow-up-token': 'forkert' } });
    const asked = await page(carl, id, { 'x-follow-up-token': token });
    const answered = await carl.request('POST', `/ideas/${id}/answers`, { body: { answer: 'Alle elleve på holdet, hver uge.' }, headers: { 'x-follow-up-token': token } });
    const twice = await carl.request('POST', `/ideas/${id}/answers`, { body: { answer: 'Igen.' }, headers: { 'x-follow-up-token': token } });

    // Assess
    expect(wrong.status).toBe(404);
    expect((await problemOf(wrong)).type).toBe('/api/problems/not-found');
    expect(without.status).toBe(404);
    expect(readWrong.status).toBe(404);
    expect(asked.status).toBe('needs_info');
    expect(asked.messages.at(-1)?.text).toContain(`Spørgsmål: ${question}`);
    expect(answered.status).toBe(200);
    expect(twice.status).toBe(409);
    expect((await problemOf(twice)).type).toBe('/api/problems/invalid-transition');
    const staff = (await (await tove.request('GET', `/console/ideas/${id}`)).json()) as Page & { submitter?: unknown };
    expect(staff.status).toBe('in_triage');
    expect(staff.history.at(-1)).toMatchObject({ status: 'in_triage', answer: 'Alle elleve på holdet, hver uge.', actor: { kind: 'submitter' } });
    expect(staff).not.toHaveProperty('submitter');
    expect(JSON.stringify(staff.history)).not.toMatch(/bent|carl|Ørsted|Æbelø/);
    const items = await settledItems(runtime);
    expect(items.filter((item) => item['type'] === 'notification' && item['ideaId'] === id)).toEqual([]);
    expect((await outbox(runtime)).filter((mail) => mail.id.startsWith(id))).toEqual([]);
  });

  it('lets the holder of the token withdraw it, and nobody else', async () => {
    // Prepare
    const { id, token } = await submitAnonymous(bent, { ...IDEA, title: 'Anonym idé om diktering' });

    // Act
    const wrong = await bent.request('POST', `/ideas/${id}/withdraw`, { headers: { 'x-follow-up-token': 'forkert-token' } });
    const right = await carl.request('POST', `/ideas/${id}/withdraw`, { body: { reason: 'Løst på anden vis.' }, headers: { 'x-follow-up-token': token } });

    // Assess
    expect(wrong.status).toBe(404);
    expect(right.status).toBe(200);
    expect((await page(carl, id, { 'x-follow-up-token': token })).status).toBe('withdrawn');
  });
});

describe('comments', () => {
  it('keeps internal comments and their authors from the submitter, and e-mails the ones written to them', async () => {
    // Prepare
    const [id] = (await submitAll(anna, [{ ...FRICTION, title: 'Kommentarer om Ørestad' }])) as [string];
    const internal = 'Intern note: Tove tjekker med Nexus-leverandøren om en snitflade til Økonomi.';
    const toSubmitter = 'Tak for idéen — vi kigger på, om løsningen fra Ærø kan bruges.';

    // Act
    const first = await tove.request('POST', `/console/ideas/${id}/comments`, { body: { text: internal } });
    const second = await tove.request('POST', `/console/ideas/${id}/comments`, { body: { text: toSubmitter, visibility: 'submitter' } });

    // Assess
    expect(first.status).toBe(201);
    const stored = (await first.json()) as Record<string, unknown>;
    expect(stored).toMatchObject({ ideaId: id, visibility: 'internal', text: internal, author: { sub: 'tove', name: 'Tove Ågård' } });
    expect(second.status).toBe(201);
    const written = (await second.json()) as { id: string };
    const staff = (await (await tove.request('GET', `/console/ideas/${id}`)).json()) as Page;
    expect(staff.comments?.map((comment) => [comment.visibility, comment.text, comment.author.name])).toEqual([
      ['internal', internal, 'Tove Ågård'],
      ['submitter', toSubmitter, 'Tove Ågård'],
    ]);
    const mail = await waitForMail(runtime, `${id}.c${written.id}`);
    expect(mail).toMatchObject({ to: 'anna@spire.localhost', language: 'da', subject: 'Nyt om din idé: Kommentarer om Ørestad' });
    expect(mail.text).toContain(`Besked fra digitaliseringsteamet:\n\n${toSubmitter}`);
    expect(mail.text).not.toMatch(/Tove|Ågård/);
    const items = await settledItems(runtime);
    expect(items.filter((item) => item['type'] === 'notification' && item['ideaId'] === id).map((item) => item['id'])).toEqual(expect.arrayContaining([`${id}.v2`, `${id}.c${written.id}`]));
    expect(items.filter((item) => item['type'] === 'notification' && item['ideaId'] === id)).toHaveLength(2);
    const raw = await (await anna.request('GET', `/ideas/${id}`)).text();
    const own = JSON.parse(raw) as Page;
    expect(own).not.toHaveProperty('comments');
    expect(own.messages.at(-1)).toMatchObject({ kind: 'comment', text: `Besked fra digitaliseringsteamet:\n\n${toSubmitter}` });
    expect(raw).not.toContain('Intern note');
    expect(raw).not.toContain('Nexus-leverandøren');
    expect(raw).not.toMatch(/Tove|Ågård|"tove"|author/);
  });

  it('shows a comment to an anonymous submitter on the page read with the token, without an e-mail', async () => {
    // Prepare
    const { id, token } = await submitAnonymous(bent, { ...FRICTION, title: 'Anonym bøvl med kommentar' });

    // Act
    const response = await tove.request('POST', `/console/ideas/${id}/comments`, { body: { text: 'Kan du fortælle os, hvilken afdeling på Åbyhøj det gælder?', visibility: 'submitter' } });

    // Assess
    expect(response.status).toBe(201);
    const own = await page(carl, id, { 'x-follow-up-token': token });
    expect(own.messages.at(-1)?.text).toContain('hvilken afdeling på Åbyhøj');
    expect(JSON.stringify(own)).not.toMatch(/Tove|Ågård/);
    await settledItems(runtime);
    expect((await outbox(runtime)).filter((mail) => mail.id.startsWith(id))).toEqual([]);
  });
});

describe('withdrawing', () => {
  it('lets the submitter withdraw with a reason until triage has decided, and tells them so', async () => {
    // Prepare
    const [triaged, asked, parked, accepted] = (await submitAll(anna, ['i triage', 'spurgt', 'parkeret', 'valgt'].map((kind) => ({ ...FRICTION, title: `Trækkes tilbage — ${kind}` })))) as [string, string, string, string];
    expect((await decideNow(tove, asked, { decision: 'needs_info', question: 'Gælder det også om natten?' })).status).toBe(200);
    expect((await decideNow(tove, parked, { decision: 'park', revisitOn: nextDay(dayInCopenhagen(new Date()), 20) })).status).toBe(200);
    expect((await decideNow(tove, accepted, { decision: 'accept' })).status).toBe(200);

    // Act
    const byOther = await bent.request('POST', `/ideas/${triaged}/withdraw`, { body: { reason: 'Ikke min.' } });
    const withReason = await anna.request('POST', `/ideas/${triaged}/withdraw`, { body: { reason: 'Vi har fået et nyt system på Ærø.' } });
    const withoutBody = await anna.request('POST', `/ideas/${asked}/withdraw`);
    const fromParked = await anna.request('POST', `/ideas/${parked}/withdraw`, { body: new URLSearchParams({ reason: 'Ikke aktuelt længere.' }) });
    const afterAccept = await anna.request('POST', `/ideas/${accepted}/withdraw`);
    const again = await anna.request('POST', `/ideas/${triaged}/withdraw`);

    // Assess
    expect(byOther.status).toBe(404);
    expect(withReason.status).toBe(200);
    expect(await withReason.json()).toMatchObject({ id: triaged, status: 'withdrawn', statusMessage: 'Du har trukket din idé tilbage.' });
    expect(withoutBody.status).toBe(200);
    expect(fromParked.status).toBe(200);
    expect(afterAccept.status).toBe(409);
    expect(await problemOf(afterAccept)).toMatchObject({ type: '/api/problems/invalid-transition', ideaStatus: 'accepted' });
    expect(again.status).toBe(409);
    expect((await page(anna, triaged)).history.at(-1)).toMatchObject({ status: 'withdrawn', reason: 'Vi har fået et nyt system på Ærø.' });
    const mail = await waitForMail(runtime, `${triaged}.v3`);
    expect(mail.text).toContain('Du har trukket din idé tilbage.');
    const withdrawn = ((await (await tove.request('GET', '/console/inbox?status=withdrawn&limit=100')).json()) as { items: { id: string }[] }).items.map((row) => row.id);
    expect(withdrawn).toEqual(expect.arrayContaining([triaged, asked, parked]));
    expect((await allItems(runtime.tableName)).some((item) => item['PK'] === 'REVISIT' && String(item['SK']).endsWith(parked))).toBe(false);
    expect((await tove.request('POST', `/console/ideas/${triaged}/comments`, { body: { text: 'Tak for besked.', visibility: 'submitter' } })).status).toBe(400);
    expect((await tove.request('POST', `/console/ideas/${triaged}/comments`, { body: { text: 'Noteret internt.' } })).status).toBe(201);
  });
});

describe('support', () => {
  it('counts each person once, even when they press the button several times at once', async () => {
    // Prepare
    const [id] = (await submitAll(anna, [{ ...FRICTION, title: 'Støttes af kolleger' }])) as [string];

    // Act
    const first = await bent.request('POST', `/ideas/${id}/support`);
    const second = await bent.request('POST', `/ideas/${id}/support`);
    const atOnce = await Promise.all([1, 2, 3].map(() => carl.request('POST', `/ideas/${id}/support`)));

    // Assess
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id, supported: true, supportCount: 1 });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ id, supported: true, supportCount: 1 });
    expect(atOnce.map((response) => response.status).sort()).toEqual([200, 200, 201]);
    const staff = (await (await tove.request('GET', `/console/ideas/${id}`)).json()) as { supportCount: number };
    expect(staff.supportCount).toBe(2);
    expect((await page(anna, id)) as unknown).toMatchObject({ supportCount: 2 });
    const supporters = (await allItems(runtime.tableName)).filter((item) => item['PK'] === `IDEA#${id}` && String(item['SK']).startsWith('SUPPORTER#'));
    expect(supporters).toHaveLength(2);
    expect(JSON.stringify(supporters)).not.toMatch(/bent|carl/);
  });

  it('refuses support for an idea that does not exist (404) or is closed (409), changing nothing', async () => {
    // Prepare
    const [id] = (await submitAll(anna, [{ ...FRICTION, title: 'Afvist og uden støtte' }])) as [string];
    expect((await decideNow(tove, id, { decision: 'decline', reasonCode: 'insufficient_benefit', message: 'For lille gevinst.' })).status).toBe(200);
    const before = sortedItems(await settledItems(runtime));

    // Act
    const closed = await bent.request('POST', `/ideas/${id}/support`);
    const missing = await bent.request('POST', '/ideas/0b6e1c4a-2d3f-4e5a-8b7c-9d0e1f2a3b4c/support');
    const malformed = await bent.request('POST', '/ideas/ikke-et-id/support');

    // Assess
    expect(closed.status).toBe(409);
    expect(missing.status).toBe(404);
    expect(malformed.status).toBe(400);
    for (const response of [closed, missing, malformed]) await problemOf(response);
    expect(sortedItems(await allItems(runtime.tableName))).toEqual(before);
  });
});

describe('answers', () => {
  it('takes an answer only from the submitter and only while a question is open', async () => {
    // Prepare
    const [id] = (await submitAll(anna, [{ ...FRICTION, title: 'Svar kun på spørgsmål' }])) as [string];

    // Act
    const early = await anna.request('POST', `/ideas/${id}/answers`, { body: { answer: 'Her er mere.' } });
    expect((await decideNow(tove, id, { decision: 'needs_info', question: 'Hvor mange bliver ramt?' })).status).toBe(200);
    const stranger = await bent.request('POST', `/ideas/${id}/answers`, { body: { answer: 'Jeg svarer for Anna.' } });
    const own = await anna.request('POST', `/ideas/${id}/answers`, { body: { answer: 'Tolv kolleger på Ørestad.' } });

    // Assess
    expect(early.status).toBe(409);
    expect(await problemOf(early)).toMatchObject({ type: '/api/problems/invalid-transition', ideaStatus: 'in_triage' });
    expect(stranger.status).toBe(404);
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ id, status: 'in_triage' });
    await waitForStatus(anna, id, 'in_triage');
  });
});

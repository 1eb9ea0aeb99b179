import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import {
  allItems,
  consoleEtag,
  decideNow,
  FRICTION,
  outbox,
  problemOf,
  settledItems,
  sortedItems,
  startWithCast,
  submitAll,
  waitForMail,
  waitForStatus,
  type Person,
} from './support.ts';

/**
 * Personal data in free text, through the local runtime's real HTTP API and DynamoDB Local
 * (docs/personal-data-detection.md): a submit and an answer are taken with a warning; triage's
 * comments and decisions are refused with 422 `personal-data`, changing nothing, unless confirmed.
 */
let runtime: LocalRuntime;
let anna: Person;
let tove: Person;

beforeAll(async () => {
  ({ runtime, anna, tove } = await startWithCast());
});

afterAll(async () => {
  await runtime?.stop();
});

const CPR_DESCRIPTION = 'Når borgeren med CPR 010203-1234 flytter til plejebolig, taster vi adressen ind i tre systemer på Ærø.';

interface Finding {
  pointer: string;
  kind: string;
  start: number;
  end: number;
}

describe('intake warns', () => {
  it('accepts a submit with a CPR number in the description with 202 and a warning, and the idea reaches triage as written', async () => {
    // Act
    const response = await anna.request('POST', '/ideas', { body: { ...FRICTION, title: 'Adresser på Ærø tastes tre gange', description: CPR_DESCRIPTION } });

    // Assess
    expect(response.status).toBe(202);
    const body = (await response.json()) as { id: string; status: string; personalData: Finding[] };
    expect(body).toMatchObject({ status: 'submitted', personalData: [{ pointer: '/description', kind: 'cpr', start: 21, end: 32 }] });
    const [finding] = body.personalData;
    expect(CPR_DESCRIPTION.slice(finding?.start, finding?.end)).toBe('010203-1234');
    const idea = await waitForStatus(anna, body.id, 'in_triage');
    expect(idea['description']).toBe(CPR_DESCRIPTION);
  });

  it('accepts a form submit the same way, and leaves the warning out when nothing is found', async () => {
    // Act
    const warned = await anna.request('POST', '/ideas', { body: new URLSearchParams({ ...stringsOf(FRICTION), title: 'Ring til Åse på 23 45 67 89 om nøglerne' }) });
    const clean = await anna.request('POST', '/ideas', { body: new URLSearchParams({ ...stringsOf(FRICTION), title: 'Nøgler på Åbrinken' }) });

    // Assess
    expect(warned.status).toBe(202);
    expect(((await warned.json()) as { personalData: Finding[] }).personalData).toEqual([{ pointer: '/title', kind: 'phone', start: 16, end: 27 }]);
    expect(clean.status).toBe(202);
    expect(await clean.json()).not.toHaveProperty('personalData');
  });

  it('takes the submitter’s answer with a phone number, with a warning', async () => {
    // Prepare
    const [id] = (await submitAll(anna, [{ ...FRICTION, title: 'Hvem ved noget om nøgleboksene?' }])) as [string];
    expect((await decideNow(tove, id, { decision: 'needs_info', question: 'Hvem kan vi spørge om nøgleboksene?' })).status).toBe(200);

    // Act
    const response = await anna.request('POST', `/ideas/${id}/answers`, { body: { answer: 'Søren på Ørestad: 23 45 67 89.' } });

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, status: 'in_triage', personalData: [{ pointer: '/answer', kind: 'phone', start: 18, end: 29 }] });
  });
});

describe('triage refuses unless confirmed', () => {
  it('refuses a comment with a CPR number with 422 personal-data, changing nothing in the table; a confirmed one is stored as written', async () => {
    // Prepare
    const [id] = (await submitAll(anna, [{ ...FRICTION, title: 'Kommentarer med personoplysninger' }])) as [string];
    const text = 'Det er borgeren 010203-1234 på Åbakken, hun har ringet tre gange.';
    const before = sortedItems(await settledItems(runtime));

    // Act
    const internal = await tove.request('POST', `/console/ideas/${id}/comments`, { body: { text } });
    const toSubmitter = await tove.request('POST', `/console/ideas/${id}/comments`, { body: { text, visibility: 'submitter', confirmPersonalData: false } });

    // Assess
    for (const response of [internal, toSubmitter]) {
      expect(response.status).toBe(422);
      const problem = await problemOf(response);
      expect(problem).toMatchObject({ type: '/api/problems/personal-data', title: 'Teksten ser ud til at indeholde personoplysninger', findings: [{ pointer: '/text', kind: 'cpr', start: 16, end: 27 }] });
      expect(JSON.stringify(problem)).not.toContain('010203-1234');
    }
    expect(sortedItems(await allItems(runtime.tableName))).toEqual(before);

    // Act: confirmed.
    const confirmed = await tove.request('POST', `/console/ideas/${id}/comments`, { body: { text, visibility: 'submitter', confirmPersonalData: true } });

    // Assess
    expect(confirmed.status).toBe(201);
    const comment = (await confirmed.json()) as { id: string; text: string };
    expect(comment.text).toBe(text);
    const stored = (await allItems(runtime.tableName)).filter((item) => item['type'] === 'comment' && item['ideaId'] === id);
    expect(stored).toEqual([expect.objectContaining({ id: comment.id, text, visibility: 'submitter' })]);
    expect(stored[0]).not.toHaveProperty('confirmPersonalData');
    expect((await waitForMail(runtime, `${id}.c${comment.id}`)).text).toContain(text);
  });

  it('refuses a question with an e-mail address, in English when asked, changing nothing and sending nothing; a confirmed one is asked as written', async () => {
    // Prepare
    const [id] = (await submitAll(anna, [{ ...FRICTION, title: 'Spørgsmål med personoplysninger' }])) as [string];
    const question = 'Må vi skrive direkte til borgeren på jens.hansen@ærø.dk om det?';
    const before = sortedItems(await settledItems(runtime));
    const mailsBefore = (await outbox(runtime)).length;

    // Act
    const refused = await tove.request('POST', `/console/ideas/${id}/decisions`, {
      body: { decision: 'needs_info', question },
      headers: { 'if-match': await consoleEtag(tove, id), 'accept-language': 'en' },
    });

    // Assess
    expect(refused.status).toBe(422);
    expect(await problemOf(refused)).toMatchObject({
      type: '/api/problems/personal-data',
      title: 'The text seems to contain personal data',
      findings: [{ pointer: '/question', kind: 'email', start: 37, end: 55 }],
    });
    expect(sortedItems(await allItems(runtime.tableName))).toEqual(before);
    expect(await outbox(runtime)).toHaveLength(mailsBefore);

    // Act: confirmed, at the same version.
    const confirmed = await decideNow(tove, id, { decision: 'needs_info', question, confirmPersonalData: true });

    // Assess
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ status: 'needs_info', version: 3, decision: { kind: 'needs_info', message: question } });
    expect((await waitForMail(runtime, `${id}.v3`)).text).toContain(`Spørgsmål: ${question}`);
  });

  it('refuses a decline message naming a person’s health, changing nothing', async () => {
    // Prepare
    const [id] = (await submitAll(anna, [{ ...FRICTION, title: 'Afslag med helbredsoplysninger' }])) as [string];
    const before = sortedItems(await settledItems(runtime));

    // Act
    const response = await decideNow(tove, id, { decision: 'decline', reasonCode: 'out_of_scope', message: 'Jens Hansen har demens, så det hører under visitationen.' });

    // Assess
    expect(response.status).toBe(422);
    expect((await problemOf(response))['findings']).toEqual([{ pointer: '/message', kind: 'health', start: 0, end: 22 }]);
    expect(sortedItems(await allItems(runtime.tableName))).toEqual(before);
  });
});

function stringsOf(body: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value)]));
}

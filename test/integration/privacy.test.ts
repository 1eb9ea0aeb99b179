/**
 * The employee's data rights against the local runtime and DynamoDB Local: the export holds
 * everything about the caller and nothing about anybody else; the erasure leaves no item in the
 * table that holds their subject, name or address, while the ideas stay; the retention job
 * removes the submitter from ideas that ended long enough ago.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { removeExpiredPersonalData } from '../../shared/privacy/retention.ts';
import { DynamoIdeaStore } from '../../shared/store/ideas.ts';
import { DynamoPersonalDataStore } from '../../shared/store/personal-data.ts';
import { allItems, call, decideNow, eventually, FRICTION, IDEA, outbox, startTestRuntime, submitAll, tableClient, waitForStatus, type Person } from './support.ts';

/** Subjects as Entra ID gives them (object ids), so a search of the table for one cannot meet ordinary text. */
const ANNA = { sub: '7f3c9a2e-5b1d-4e8a-9c6f-0d2b4a8e1f35', name: 'Anna Sørensen', email: 'anna.sorensen@aarhus.example' };
const BENT = { sub: '2b8e4d1c-9a7f-4c3e-8d5b-6f1a0e9c7b24', name: 'Bent Ørsted', email: 'bent.orsted@aarhus.example' };
const TOVE = { sub: 'c41d7e93-0f6a-4b2d-a8e5-3b9c2f7d1e60', name: 'Tove Ålund', email: 'tove.alund@aarhus.example' };

interface Export {
  person: unknown;
  ideas: { id: string; submitter: unknown; messages: unknown[] }[];
  answers: unknown[];
  support: unknown[];
  notifications: { to: string }[];
}
interface ConsoleIdea {
  title: string;
  description: string;
  submitter: { sub: string };
  supportCount: number;
  history: unknown[];
}

let runtime: LocalRuntime;
let anna: Person;
let bent: Person;
let tove: Person;
let annasIdea: string;
let annasOtherIdea: string;
let bentsIdea: string;

/** A signed-in person whose token carries an e-mail address, as Entra ID's does. */
async function person(who: typeof ANNA, roles: ('employee' | 'triage')[]): Promise<Person> {
  const { token } = await runtime.issuer.issue({ sub: who.sub, roles, name: who.name, email: who.email });
  return { token, request: (method, path, init = {}) => call(runtime, method, path, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } }) };
}

/** The items that hold any trace of the person, as text anywhere in the item (case-insensitive for names and addresses). */
async function itemsNaming(who: typeof ANNA): Promise<Record<string, unknown>[]> {
  return (await allItems(runtime.tableName)).filter((item) => {
    const text = JSON.stringify(item).normalize('NFC').toLowerCase();
    return [who.sub, who.name, who.email].some((trace) => text.includes(trace.normalize('NFC').toLowerCase()));
  });
}

async function eraseAndWait(who: Person): Promise<Record<string, unknown>> {
  const response = await who.request('POST', '/me/erase', { body: { confirm: true } });
  expect(response.status).toBe(202);
  const location = response.headers.get('location') as string;
  expect(location).toMatch(/^\/api\/me\/erasures\/[0-9a-f-]{36}$/);
  return eventually(async () => {
    const progress = (await (await who.request('GET', location)).json()) as Record<string, unknown>;
    return progress['status'] === 'done' ? progress : undefined;
  }, 30_000, 'the erasure to be done');
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  anna = await person(ANNA, ['employee']);
  bent = await person(BENT, ['employee']);
  tove = await person(TOVE, ['employee', 'triage']);
  [annasIdea, annasOtherIdea] = (await submitAll(anna, [
    { ...FRICTION, description: `${FRICTION.description} Skriv til mig, Anna Sørensen, hvis I vil vide mere.` },
    { ...IDEA, title: 'Fælles kalender for vikarer' },
  ])) as [string, string];
  [bentsIdea] = (await submitAll(bent, [{ ...IDEA, title: 'Nøglebokse med kode' }])) as [string];
  for (const id of [annasIdea, annasOtherIdea, bentsIdea]) await waitForStatus(tove, id, 'in_triage');

  // Triage works on Anna's idea: a question she answers, a comment to her, an assignment.
  expect((await decideNow(tove, annasIdea, { decision: 'needs_info', question: 'Hvilke tre systemer drejer det sig om?' })).status).toBe(200);
  expect((await anna.request('POST', `/ideas/${annasIdea}/answers`, { body: { answer: 'Nexus, Outlook og KMD Opus.' } })).status).toBeLessThan(300);
  await waitForStatus(tove, annasIdea, 'in_triage');
  expect((await tove.request('POST', `/console/ideas/${annasIdea}/comments`, { body: { text: 'Tak, Anna Sørensen. Vi ser på det.', visibility: 'submitter' } })).status).toBe(201);
  const etag = (await tove.request('GET', `/console/ideas/${annasIdea}`)).headers.get('etag') as string;
  expect((await tove.request('PUT', `/console/ideas/${annasIdea}/assignee`, { body: { assignee: { sub: TOVE.sub, name: TOVE.name } }, headers: { 'if-match': etag } })).status).toBe(200);
  // Support both ways, and the e-mails to Anna go out.
  expect((await bent.request('POST', `/ideas/${annasIdea}/support`)).status).toBe(201);
  expect((await anna.request('POST', `/ideas/${bentsIdea}/support`)).status).toBe(201);
  await eventually(async () => ((await outbox(runtime, ANNA.email)).length >= 4 ? true : undefined), 20_000, 'the e-mails to Anna');
});

afterAll(async () => {
  await runtime?.stop();
});

describe('GET /me/export', () => {
  it('gives the caller their ideas with every message to them, their answers, their support and the e-mails sent to them', async () => {
    // Act
    const response = await anna.request('GET', '/me/export');

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="spire-\d{4}-\d{2}-\d{2}\.json"$/);
    const exported = (await response.json()) as Export;
    expect(exported.person).toEqual(ANNA);
    expect(exported.ideas.map((idea) => idea.id).sort()).toEqual([annasIdea, annasOtherIdea].sort());
    const idea = exported.ideas.find((entry) => entry.id === annasIdea);
    expect(idea?.submitter).toEqual(ANNA);
    expect(JSON.stringify(idea?.messages)).toContain('Hvilke tre systemer drejer det sig om?');
    expect(JSON.stringify(idea?.messages)).toContain('Tak, Anna Sørensen. Vi ser på det.');
    expect(exported.answers).toEqual([expect.objectContaining({ ideaId: annasIdea, text: 'Nexus, Outlook og KMD Opus.' })]);
    expect(exported.support).toEqual([expect.objectContaining({ ideaId: bentsIdea, title: 'Nøglebokse med kode' })]);
    expect(exported.notifications.length).toBeGreaterThanOrEqual(4);
    expect(exported.notifications.every((mail) => mail.to === ANNA.email)).toBe(true);
  });

  it('holds nothing about anybody else: not the internal comments, the assignee or the supporters', async () => {
    // Act
    const text = await (await anna.request('GET', '/me/export')).text();

    // Assess
    expect(text).not.toContain(TOVE.sub);
    expect(text).not.toContain(TOVE.name);
    expect(text).not.toContain(BENT.sub);
    expect(text).not.toContain(BENT.name);
    const bents = await (await bent.request('GET', '/me/export')).text();
    expect(bents).not.toContain(ANNA.sub);
    expect(bents).not.toContain(ANNA.email);
  });
});

describe('POST /me/erase', () => {
  it('refuses a request without a body that confirms it, and changes nothing', async () => {
    // Prepare
    const before = await allItems(runtime.tableName);

    // Act
    const responses = await Promise.all([anna.request('POST', '/me/erase'), anna.request('POST', '/me/erase', { body: { confirm: 'yes' } })]);

    // Assess
    expect(responses.map((response) => response.status)).toEqual([415, 400]);
    expect(await allItems(runtime.tableName)).toHaveLength(before.length);
  });

  it('leaves no item that holds the employee’s subject, name or address, and keeps their ideas, support and history', async () => {
    // Prepare
    expect((await itemsNaming(ANNA)).length).toBeGreaterThan(5);
    const ideasBefore = (await allItems(runtime.tableName)).filter((item) => item['type'] === 'idea').length;

    // Act
    const erasure = await eraseAndWait(anna);

    // Assess: nothing names her, and nothing of hers is gone.
    expect(await itemsNaming(ANNA)).toEqual([]);
    expect(erasure).toEqual(expect.objectContaining({ status: 'done', ideas: 2 }));
    expect(erasure).not.toHaveProperty('requesterHash');
    const items = await allItems(runtime.tableName);
    expect(items.filter((item) => item['type'] === 'idea')).toHaveLength(ideasBefore);
    const idea = (await (await tove.request('GET', `/console/ideas/${annasIdea}`)).json()) as ConsoleIdea;
    expect(idea.title).toBe(FRICTION.title);
    expect(idea.description).toContain('Skriv til mig, […], hvis I vil vide mere.');
    expect(idea.submitter.sub).toMatch(/^erased-/);
    expect(idea.submitter).not.toHaveProperty('name');
    expect(idea.supportCount).toBe(1);
    expect(idea.history.at(-1)).toEqual(expect.objectContaining({ change: 'personal_data_erased', actor: { kind: 'system' } }));
    expect(((await (await bent.request('GET', `/ideas/${bentsIdea}`)).json()) as { supportCount: number }).supportCount).toBe(1);
    // Bent and Tove are untouched.
    expect((await itemsNaming(BENT)).length).toBeGreaterThan(0);
    expect((await itemsNaming(TOVE)).length).toBeGreaterThan(0);
    // The erased person's own lists are empty now.
    expect(((await (await anna.request('GET', '/ideas/mine')).json()) as { items: unknown[] }).items).toEqual([]);
    expect(((await (await anna.request('GET', '/me/export')).json()) as { ideas: unknown[] }).ideas).toEqual([]);
  });

  it('lets only the person who asked read the erasure’s progress', async () => {
    // Prepare
    const response = await bent.request('POST', '/me/erase', { body: { confirm: true } });
    const location = response.headers.get('location') as string;

    // Act
    const byOther = await tove.request('GET', location);
    const unknown = await bent.request('GET', '/me/erasures/00000000-0000-4000-8000-000000000000');

    // Assess
    expect(byOther.status).toBe(404);
    expect(unknown.status).toBe(404);
    await eventually(async () => ((await itemsNaming(BENT)).length === 0 ? true : undefined), 30_000, 'Bent to be erased');
  });

  it('erases a member of staff from the audit trail, the assignments and the comments they wrote', async () => {
    // Act
    await eraseAndWait(tove);

    // Assess
    expect(await itemsNaming(TOVE)).toEqual([]);
    const history = (await allItems(runtime.tableName)).filter((item) => item['type'] === 'event' && item['ideaId'] === annasIdea);
    expect(history.some((event) => (event['actor'] as { sub?: string }).sub?.startsWith('erased-'))).toBe(true);
  });
});

describe('retention', () => {
  it('removes the submitter from ideas that ended over the retention period ago, and from nothing else', async () => {
    // Prepare: Carl's idea is declined, Dora's stays in triage.
    const carl = await person({ sub: 'e8a1f5c2-7d3b-4f9e-b6a0-1c4d8e2f9a73', name: 'Carl Æbelø', email: 'carl.aebelo@aarhus.example' }, ['employee']);
    const dora = await person({ sub: '5d9b3e7a-2c8f-4a1d-9e6b-7f0c4a2d8b51', name: 'Dora Østergaard', email: 'dora.ostergaard@aarhus.example' }, ['employee']);
    const [declined] = (await submitAll(carl, [{ ...IDEA, title: 'Papirløse vagtskemaer' }])) as [string];
    const [waiting] = (await submitAll(dora, [{ ...IDEA, title: 'Digital nøgleboks' }])) as [string];
    for (const id of [declined, waiting]) await waitForStatus(tove, id, 'in_triage');
    const staff = await person({ sub: '9c2e6a4f-1b7d-4e3a-8f5c-2d0b6e9a4c18', name: 'Ulla Ærenlund', email: 'ulla@aarhus.example' }, ['employee', 'triage']);
    expect((await decideNow(staff, declined, { decision: 'decline', reasonCode: 'no_capacity', message: 'Vi har ikke kræfter til det i år.' })).status).toBe(200);
    const client = tableClient();
    const deps = { data: new DynamoPersonalDataStore(client, runtime.tableName), ideas: new DynamoIdeaStore(client, runtime.tableName) };
    const later = (days: number) => () => new Date(Date.now() + days * 86_400_000);

    // Act: the day before the period runs out, and the day after.
    const early = await removeExpiredPersonalData({ ...deps, clock: { now: later(364) } }, { retentionDays: 365 });
    const due = await removeExpiredPersonalData({ ...deps, clock: { now: later(366) } }, { retentionDays: 365 });
    const again = await removeExpiredPersonalData({ ...deps, clock: { now: later(367) } }, { retentionDays: 365 });

    // Assess
    expect(early.ideas).toBe(0);
    expect(due.ideas).toBe(1);
    expect(again.ideas).toBe(0);
    // The development outbox stands for the recipients' mailboxes, which in AWS are not in Spire's table.
    const carls = (await allItems(runtime.tableName))
      .filter((item) => item['PK'] !== 'DEV_OUTBOX')
      .filter((item) => ['e8a1f5c2-7d3b-4f9e-b6a0-1c4d8e2f9a73', 'Carl Æbelø', 'carl.aebelo@aarhus.example'].some((trace) => JSON.stringify(item).includes(trace)));
    expect(carls).toEqual([]);
    const stored = await deps.ideas.getIdea(declined);
    expect(stored?.title).toBe('Papirløse vagtskemaer');
    expect(stored?.decision?.by.name).toBe('Ulla Ærenlund');
    expect((await deps.ideas.getIdea(waiting))?.submitter?.name).toBe('Dora Østergaard');
    client.destroy();
  });
});

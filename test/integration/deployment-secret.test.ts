/**
 * What the deployment secret fixed (issue 11, faults 3 and 6), through the real HTTP API:
 *
 * - a cursor the server did not issue — the probe's crafted one with empty key values, which
 *   reached DynamoDB as an ExclusiveStartKey and came back as a 500 — is 400 `invalid-cursor` on
 *   all three routes that page, while the cursors the server hands out still page;
 * - a supporter is kept as a keyed hash, not one a dictionary of subjects reverses;
 * - an anonymous submit retried with its Idempotency-Key gets its follow-up token again, while no
 *   item in the table holds that token.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { allItems, decideNow, FRICTION, problemOf, startWithCast, submitAll, waitForStatus, type Cast, type Person } from './support.ts';

let cast: Cast;
let runtime: LocalRuntime;
let ideas: string[];

beforeAll(async () => {
  cast = await startWithCast();
  runtime = cast.runtime;
  // Three of Anna's ideas in triage, three pilots.
  ideas = await submitAll(
    cast.anna,
    ['Vagtplanen ligger på papir', 'Nøgleboksen på Åbyhøj', 'Medicinlister i to systemer'].map((title) => ({ ...FRICTION, title, department: 'Cursorafdelingen' })),
  );
  for (const id of ideas.slice(0, 3)) expect((await decideNow(cast.tove, id, { decision: 'accept' })).status).toBe(200);
  ideas.push(
    ...(await submitAll(
      cast.anna,
      ['Dobbeltindtastning i Nexus', 'Fælles kalender for små skoler', 'Tolkebestilling på papir'].map((title) => ({ ...FRICTION, title, department: 'Cursorafdelingen' })),
    )),
  );
});

afterAll(async () => {
  await runtime?.stop();
});

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** The three routes that page, each as its caller reads it. */
const ROUTES: { route: string; who: (cast: Cast) => Person; query: string; crafted: Record<string, string> }[] = [
  { route: '/ideas/mine', who: (c) => c.anna, query: '', crafted: { PK: '', SK: '', GSI2PK: 'SUBMITTER#anna', GSI2SK: '' } },
  { route: '/console/inbox', who: (c) => c.tove, query: 'department=Cursorafdelingen&', crafted: { PK: 'INBOX#in_triage#d=cursorafdelingen#s=priority', SK: '' } },
  { route: '/pipeline/pilots', who: (c) => c.dirk, query: '', crafted: { PK: 'PILOTS#all#s=in_stage', SK: '' } },
];

describe('cursors', () => {
  it.each(ROUTES)('$route pages on with the cursors it hands out, to the end', async ({ route, who, query }) => {
    // Act
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const response = await who(cast).request('GET', `${route}?${query}limit=2${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: { id: string }[]; nextCursor?: string };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== undefined && pages < 10);

    // Assess
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(route === '/console/inbox' ? 3 : route === '/pipeline/pilots' ? 3 : 6);
  });

  it.each(ROUTES)('$route refuses a cursor it did not issue with 400 invalid-cursor, in Danish and English', async ({ route, who, query, crafted }) => {
    // Prepare: a real cursor of the route, to tamper with
    const first = (await (await who(cast).request('GET', `${route}?${query}limit=1`)).json()) as { nextCursor: string };
    const real = first.nextCursor;
    const [payload = '', seal = ''] = real.split('.');
    const unsealed = [
      // The probe's cursor: empty key values, which DynamoDB refuses (a 500 before the fix).
      base64url(crafted),
      `${base64url(crafted)}.${seal}`,
      `${base64url(crafted)}.${'A'.repeat(43)}`,
      // The server's own cursor without its seal, cut short, or with its key changed.
      payload,
      real.slice(0, -2),
      `${base64url({ ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), SK: 'ZZZZ' })}.${seal}`,
      'ikke-en-cursor',
    ];

    // Act
    const answers = await Promise.all(unsealed.map((cursor) => who(cast).request('GET', `${route}?${query}cursor=${encodeURIComponent(cursor)}`)));
    const english = await who(cast).request('GET', `${route}?${query}cursor=${encodeURIComponent(base64url(crafted))}`, { headers: { 'accept-language': 'en' } });

    // Assess
    for (const response of answers) {
      expect(response.status).toBe(400);
      expect(await problemOf(response)).toMatchObject({ type: '/api/problems/invalid-cursor', title: 'Ugyldig cursor', detail: 'Brug den cursor, som den forrige side gav.' });
    }
    expect(await problemOf(english)).toMatchObject({ type: '/api/problems/invalid-cursor', title: 'Invalid cursor', detail: 'Use the cursor the previous page returned.' });
    expect((await who(cast).request('GET', `${route}?${query}limit=1&cursor=${encodeURIComponent(real)}`)).status).toBe(200);
  });

  it('refuses a cursor of another person’s list, though the server sealed it', async () => {
    // Prepare
    const bent = (await (await cast.bent.request('POST', '/ideas', { body: { ...FRICTION, title: 'Bents første' } })).json()) as { id: string };
    await cast.bent.request('POST', '/ideas', { body: { ...FRICTION, title: 'Bents anden' } });
    await waitForStatus(cast.bent, bent.id, 'in_triage');
    const ofBent = ((await (await cast.bent.request('GET', '/ideas/mine?limit=1')).json()) as { nextCursor: string }).nextCursor;

    // Act
    const response = await cast.anna.request('GET', `/ideas/mine?cursor=${encodeURIComponent(ofBent)}`);

    // Assess
    expect(response.status).toBe(400);
    expect((await problemOf(response)).type).toBe('/api/problems/invalid-cursor');
  });
});

describe('keyed hashes and follow-up tokens', () => {
  it('keeps a supporter as a hash that the subjects stored elsewhere do not reverse', async () => {
    // Prepare
    const [supported] = ideas.slice(3);

    // Act
    const response = await cast.bent.request('POST', `/ideas/${supported}/support`);

    // Assess
    expect(response.status).toBe(201);
    const supporters = (await allItems(runtime.tableName)).filter((item) => item['type'] === 'supporter' && item['PK'] === `IDEA#${supported}`);
    expect(supporters).toHaveLength(1);
    const hash = String(supporters[0]?.['SK']).replace(/^SUPPORTER#/, '');
    // Every subject the table holds in plaintext, tried as the probe tried them.
    const subjects = ['anna', 'bent', 'carl', 'dora', 'dirk', 'tove', 'ulla'];
    const dictionary = subjects.flatMap((sub) => [sub, `spire-supporter:${sub}`]).map((text) => createHash('sha256').update(text).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(dictionary).not.toContain(hash);
  });

  it('gives an anonymous retry its follow-up token again, and no item holds the token', async () => {
    // Prepare
    const body = { ...FRICTION, title: 'Anonym bøvl med nøgler', anonymous: true };
    const headers = { 'idempotency-key': '0b5e2f3a-anonymous-retry' };

    // Act
    const first = await cast.carl.request('POST', '/ideas', { body, headers });
    const retry = await cast.carl.request('POST', '/ideas', { body, headers });

    // Assess
    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const { id, followUpToken } = (await first.json()) as { id: string; followUpToken: string };
    expect(await retry.json()).toEqual({ id, status: 'submitted', followUpToken });
    const idea = await waitForStatus(cast.carl, id, 'in_triage', { 'x-follow-up-token': followUpToken });
    expect(idea['id']).toBe(id);
    const table = JSON.stringify(await allItems(runtime.tableName));
    expect(table).not.toContain(followUpToken);
    expect(table).not.toContain('0b5e2f3a-anonymous-retry');
  });
});

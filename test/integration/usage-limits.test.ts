/**
 * Per-person limits through the local runtime (issue 11: one employee submitted 1,000 ideas in
 * 11 s): past their limit for the hour a person gets 429 with Retry-After and a problem document,
 * the refused request changes nothing, everybody else goes on, concurrent requests at the limit
 * let exactly the limit through, and no count holds a subject. Low limits here; every other test
 * file runs with generous ones (test/integration/support.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { usageWindowAt } from '../../shared/domain/usage-limits.ts';
import { USAGE_PREFIX } from '../../shared/store/entities.ts';
import { DynamoUsageCounterStore } from '../../shared/store/usage-limits.ts';
import type { UsageCharge } from '../../shared/store/ports.ts';
import { allItems, FRICTION, IDEA, problemOf, settledItems, signIn, sortedItems, startTestRuntime, submitAll, tableClient, type Person } from './support.ts';

const LIMITS = { submit: 3, support: 2, similar: 4 };

let runtime: LocalRuntime;
let anna: Person;
let bent: Person;
let tove: Person;

/**
 * The counts start afresh on the hour. A file that began a minute before it would see its counts
 * reset half way, so it waits for the next hour then (at most two minutes, seldom at all).
 */
async function awayFromTheHour(): Promise<void> {
  const left = 3_600_000 - (Date.now() % 3_600_000);
  if (left < 120_000) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
}

/** Seconds until the current hour ends, as Retry-After should say (give or take the request's own time). */
function secondsToTheHour(): number {
  return Math.ceil((3_600_000 - (Date.now() % 3_600_000)) / 1000);
}

const similarPath = `/ideas/similar?${new URLSearchParams({ title: 'Dobbeltindtastning', text: 'Vi taster borgerdata ind i tre systemer.' })}`;

beforeAll(async () => {
  await awayFromTheHour();
  runtime = await startTestRuntime({
    environment: {
      SPIRE_SUBMIT_LIMIT_PER_HOUR: String(LIMITS.submit),
      SPIRE_SUPPORT_LIMIT_PER_HOUR: String(LIMITS.support),
      SPIRE_SIMILAR_LIMIT_PER_HOUR: String(LIMITS.similar),
    },
  });
  anna = await signIn(runtime, 'anna', ['employee'], 'Anna Sørensen');
  bent = await signIn(runtime, 'bent', ['employee'], 'Bent Ørsted');
  tove = await signIn(runtime, 'tove', ['triage'], 'Tove Ågård');
}, 300_000);

afterAll(async () => {
  await runtime?.stop();
});

describe('submits per person and hour', () => {
  let retried: { id: string };

  it('accepts a person’s submits up to the limit', async () => {
    // Act
    const first = await anna.request('POST', '/ideas', { body: { ...FRICTION, title: 'Grænse: første' }, headers: { 'idempotency-key': 'anna-first-submit' } });
    const rest = await Promise.all([2, 3].map((n) => anna.request('POST', '/ideas', { body: { ...IDEA, title: `Grænse: nummer ${n}` } })));

    // Assess
    expect([first, ...rest].map((response) => response.status)).toEqual([202, 202, 202]);
    retried = (await first.json()) as { id: string };
  });

  it('refuses the next with 429, Retry-After in seconds to the end of the hour, and a Danish problem document', async () => {
    // Act
    const response = await anna.request('POST', '/ideas', { body: { ...IDEA, title: 'Grænse: én for meget' } });

    // Assess
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(Math.abs(retryAfter - secondsToTheHour())).toBeLessThanOrEqual(2);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ type: '/api/problems/too-many-requests', title: 'Du har nået grænsen for nu', limit: LIMITS.submit, retryAfterSeconds: retryAfter });
    expect(problem['detail']).toMatch(/^Du kan højst indsende idéer 3 gange i timen\. Prøv igen om \d+ (minutter|minut|sekunder|sekund)\.$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('changes nothing in the table with a refused submit: no idea, no event, no count', async () => {
    // Prepare
    const before = sortedItems(await settledItems(runtime));

    // Act
    const response = await anna.request('POST', '/ideas', { body: { ...FRICTION, title: 'Grænse: stadig for meget' }, headers: { 'accept-language': 'en' } });

    // Assess
    expect(response.status).toBe(429);
    expect((await problemOf(response))['detail']).toMatch(/^You can submit ideas at most 3 times an hour\./);
    expect(sortedItems(await allItems(runtime.tableName))).toEqual(before);
  });

  it('still answers a retry of an earlier submit (same Idempotency-Key) at the limit, as a retry', async () => {
    // Act
    const response = await anna.request('POST', '/ideas', { body: { ...FRICTION, title: 'Grænse: første' }, headers: { 'idempotency-key': 'anna-first-submit' } });

    // Assess
    expect(response.status).toBe(202);
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    expect(((await response.json()) as { id: string }).id).toBe(retried.id);
  });

  it('leaves another person’s submits alone', async () => {
    // Act
    const response = await bent.request('POST', '/ideas', { body: { ...IDEA, title: 'Grænse: Bents idé' } });

    // Assess
    expect(response.status).toBe(202);
  });

  it('lets exactly the limit through when one person sends many submits at once', async () => {
    // Prepare
    const erik = await signIn(runtime, 'erik', ['employee'], 'Erik Ærø');

    // Act
    const responses = await Promise.all(Array.from({ length: 20 }, (_, n) => erik.request('POST', '/ideas', { body: { ...IDEA, title: `Grænse: samtidig nr. ${n}` } })));

    // Assess
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(LIMITS.submit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20 - LIMITS.submit);
    const items = await settledItems(runtime);
    expect(items.filter((item) => item['type'] === 'idea' && (item['submitter'] as { sub?: string } | undefined)?.sub === 'erik')).toHaveLength(LIMITS.submit);
  });
});

describe('supports per person and hour', () => {
  let ideas: string[];

  beforeAll(async () => {
    ideas = await submitAll(tove, ['Støtte: én', 'Støtte: to', 'Støtte: tre'].map((title) => ({ ...FRICTION, title })));
  });

  it('counts supports up to the limit, then refuses with 429 and Retry-After, storing no supporter', async () => {
    // Prepare
    const carl = await signIn(runtime, 'carl', ['employee'], 'Carl Æbelø');
    const [first, second, third] = ideas as [string, string, string];

    // Act
    const accepted = await Promise.all([first, second].map((id) => carl.request('POST', `/ideas/${id}/support`)));
    const before = sortedItems(await settledItems(runtime));
    const refused = await carl.request('POST', `/ideas/${third}/support`);

    // Assess
    expect(accepted.map((response) => response.status)).toEqual([201, 201]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await problemOf(refused))['detail']).toMatch(/^Du kan højst støtte idéer 2 gange i timen\./);
    expect(sortedItems(await allItems(runtime.tableName))).toEqual(before);
  });

  it('leaves another person free to support the same idea', async () => {
    // Prepare
    const dora = await signIn(runtime, 'dora', ['employee'], 'Dora Ågesen');

    // Act
    const response = await dora.request('POST', `/ideas/${ideas[2]}/support`);

    // Assess
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ supportCount: 1 });
  });
});

describe('similar-idea lookups per person and hour', () => {
  it('answers lookups up to the limit, then 429 with Retry-After; another person is not affected', async () => {
    // Prepare
    const frida = await signIn(runtime, 'frida', ['employee'], 'Frida Høj');

    // Act
    const answered = await Promise.all(Array.from({ length: 12 }, () => frida.request('GET', similarPath)));
    const others = await bent.request('GET', similarPath);

    // Assess
    const statuses = answered.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMITS.similar);
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - LIMITS.similar);
    const refused = answered.find((response) => response.status === 429) as Response;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await problemOf(refused))['type']).toBe('/api/problems/too-many-requests');
    expect(others.status).toBe(200);
  });
});

describe('the counts in the table', () => {
  it('hold no subject: each is keyed on an HMAC under USAGE#, and expires with its hour', async () => {
    // Act
    const usage = (await allItems(runtime.tableName)).filter((item) => item['type'] === 'usage');

    // Assess
    expect(usage.length).toBeGreaterThan(0);
    const window = usageWindowAt(new Date());
    for (const item of usage) {
      expect(String(item['PK'])).toMatch(/^USAGE#[0-9a-f]{64}$/);
      expect(String(item['SK'])).toMatch(/^(submit|support|similar)#\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/);
      expect(item['expiresAt']).toBe(window.endsAt);
      for (const sub of ['anna', 'bent', 'carl', 'dora', 'erik', 'frida', 'tove']) expect(JSON.stringify(item)).not.toContain(`"${sub}"`);
    }
    expect(new Set(usage.map((item) => item['PK'])).size).toBeGreaterThanOrEqual(6);
  });

  it('let exactly `limit` of 50 concurrent counts through, on DynamoDB Local itself', async () => {
    // Prepare: a window of its own, far from the clock, so nothing else counts in it.
    const client = tableClient();
    const store = new DynamoUsageCounterStore(client, runtime.tableName);
    const charge: UsageCharge = { subjectHash: 'c'.repeat(64), action: 'similar', window: usageWindowAt(new Date('2030-06-01T12:30:00Z')), limit: 10 };

    // Act
    const counted = await Promise.all(Array.from({ length: 50 }, () => store.add(charge)));

    // Assess
    expect(counted.filter(Boolean)).toHaveLength(10);
    const items = (await allItems(runtime.tableName)).filter((item) => item['PK'] === `${USAGE_PREFIX}${'c'.repeat(64)}`);
    expect(items).toEqual([{ PK: `USAGE#${'c'.repeat(64)}`, SK: 'similar#2030-06-01T12:00:00Z', type: 'usage', count: 10, expiresAt: Date.parse('2030-06-01T13:00:00Z') / 1000 }]);
    client.destroy();
  });

  it('give a counted use back, and never below zero', async () => {
    // Prepare
    const client = tableClient();
    const store = new DynamoUsageCounterStore(client, runtime.tableName);
    const charge: UsageCharge = { subjectHash: 'd'.repeat(64), action: 'submit', window: usageWindowAt(new Date('2030-06-01T12:30:00Z')), limit: 1 };
    await store.add(charge);

    // Act
    const refusedBefore = await store.add(charge);
    await store.giveBack(charge);
    await store.giveBack(charge);
    const countedAfter = await store.add(charge);

    // Assess
    expect(refusedBefore).toBe(false);
    expect(countedAfter).toBe(true);
    const [item] = (await allItems(runtime.tableName)).filter((each) => each['PK'] === `${USAGE_PREFIX}${'d'.repeat(64)}`);
    expect(item?.['count']).toBe(1);
    client.destroy();
  });
});

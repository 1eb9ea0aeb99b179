import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import type { Strategy } from '../../shared/domain/strategy/strategy.ts';
import { signIn, startTestRuntime, type Person } from './support.ts';

let runtime: LocalRuntime;
let admin: Person;
let triage: Person;
let employee: Person;

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = await signIn(runtime, 'admin-1', ['admin'], 'Åse Admin');
  triage = await signIn(runtime, 'tove', ['triage']);
  employee = await signIn(runtime, 'anna', ['employee']);
});

afterAll(async () => {
  await runtime?.stop();
});

async function current(): Promise<{ strategy: Strategy; etag: string }> {
  const response = await admin.request('GET', '/console/strategy');
  expect(response.status).toBe(200);
  return { strategy: (await response.json()) as Strategy, etag: response.headers.get('etag') as string };
}

interface VersionsPage {
  items: { version: number; createdAt: string; createdBy: string; name: { da: string }; themeCount: number; criterionCount: number }[];
  nextCursor?: string;
}

/** One page of the list of versions, as triage reads it. */
async function versions(query: Record<string, string> = {}): Promise<VersionsPage> {
  const response = await triage.request('GET', `/console/strategy/versions?${new URLSearchParams(query)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as VersionsPage;
}

describe('the strategy in the console', () => {
  it('ships a default in Danish and English with the four themes and five criteria, as version 1', async () => {
    // Act
    const { strategy, etag } = await current();

    // Assess
    expect(strategy.version).toBe(1);
    expect(etag).toBe('"1"');
    expect(strategy.themes.map((theme) => theme.id)).toEqual(['automatisering', 'dataunderstoettelse', 'teknologianvendelse', 'organisatorisk_sammenhaeng']);
    expect(strategy.themes.map((theme) => theme.name.da)).toContain('Organisatorisk sammenhæng');
    expect(strategy.criteria.map((criterion) => criterion.id)).toEqual(['strategic_fit', 'benefit', 'feasibility', 'risk_compliance', 'reach']);
    expect(await versions()).toEqual({ items: [{ version: 1, createdAt: expect.any(String), createdBy: 'system', name: strategy.name, period: strategy.period, themeCount: 4, criterionCount: 5 }] });
  });

  it('stores a replacement as the next version and keeps the old one readable', async () => {
    // Prepare
    const { strategy, etag } = await current();
    const { version: _version, createdAt: _createdAt, createdBy: _createdBy, ...content } = strategy;
    const changed = { ...content, name: { da: 'Strategi for Æbeltoft Kommune', en: 'Strategy for Æbeltoft' } };

    // Act
    const response = await admin.request('PUT', '/console/strategy', { body: changed, headers: { 'if-match': etag } });

    // Assess
    expect(response.status).toBe(200);
    const stored = (await response.json()) as Strategy;
    expect(stored.version).toBe(strategy.version + 1);
    expect(stored.createdBy).toBe('admin-1');
    expect(response.headers.get('etag')).toBe(`"${stored.version}"`);
    expect((await current()).strategy.name.da).toBe('Strategi for Æbeltoft Kommune');
    const old = await triage.request('GET', `/console/strategy/versions/${strategy.version}`);
    expect(old.status).toBe(200);
    expect(((await old.json()) as Strategy).name).toEqual(strategy.name);
  });

  it('refuses a replacement based on an old version with 412, and one without If-Match with 428', async () => {
    // Prepare
    const { strategy, etag } = await current();
    const { version: _version, createdAt: _createdAt, createdBy: _createdBy, ...content } = strategy;
    await admin.request('PUT', '/console/strategy', { body: content, headers: { 'if-match': etag } });

    // Act
    const stale = await admin.request('PUT', '/console/strategy', { body: content, headers: { 'if-match': etag } });
    const unconditional = await admin.request('PUT', '/console/strategy', { body: content });

    // Assess
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { type: string }).type).toBe('/api/problems/precondition-failed');
    expect(unconditional.status).toBe(428);
  });

  it('lets exactly one of two concurrent replacements of the same version win', async () => {
    // Prepare
    const { strategy, etag } = await current();
    const { version: _version, createdAt: _createdAt, createdBy: _createdBy, ...content } = strategy;

    // Act
    const answers = await Promise.all([1, 2, 3].map(() => admin.request('PUT', '/console/strategy', { body: content, headers: { 'if-match': etag } })));

    // Assess
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412, 412]);
    expect((await current()).strategy.version).toBe(strategy.version + 1);
  });

  it('refuses invalid weights with 400 and changes nothing', async () => {
    // Prepare
    const { strategy, etag } = await current();
    const { version: _version, createdAt: _createdAt, createdBy: _createdBy, ...content } = strategy;
    const zeroWeights = { ...content, criteria: content.criteria.map((criterion) => ({ ...criterion, weight: 0 })) };

    // Act
    const response = await admin.request('PUT', '/console/strategy', { body: zeroWeights, headers: { 'if-match': etag } });

    // Assess
    expect(response.status).toBe(400);
    expect((await current()).strategy.version).toBe(strategy.version);
  });

  it('lets triage read but not replace the strategy, and employees do neither', async () => {
    // Prepare
    const { strategy, etag } = await current();
    const { version: _version, createdAt: _createdAt, createdBy: _createdBy, ...content } = strategy;

    // Act
    const triageRead = await triage.request('GET', '/console/strategy');
    const triageWrite = await triage.request('PUT', '/console/strategy', { body: content, headers: { 'if-match': etag } });
    const employeeRead = await employee.request('GET', '/console/strategy');
    const employeeVersion = await employee.request('GET', '/console/strategy/versions/1');

    // Assess
    expect(triageRead.status).toBe(200);
    expect(triageWrite.status).toBe(403);
    expect(employeeRead.status).toBe(403);
    expect(employeeVersion.status).toBe(403);
    expect(((await employeeRead.json()) as { type: string }).type).toBe('/api/problems/forbidden');
  });

  it('lists every version newest first, each summed up, a page at a time', async () => {
    // Prepare: two new versions, the second without its last theme.
    const { strategy, etag } = await current();
    const { version: _version, createdAt: _createdAt, createdBy: _createdBy, ...content } = strategy;
    const renamed = { ...content, name: { da: 'Strategi for Ærø Kommune', en: 'Strategy for Ærø' } };
    const first = await admin.request('PUT', '/console/strategy', { body: renamed, headers: { 'if-match': etag } });
    const second = await admin.request('PUT', '/console/strategy', { body: { ...renamed, themes: renamed.themes.slice(0, -1) }, headers: { 'if-match': first.headers.get('etag') as string } });
    expect([first.status, second.status]).toEqual([200, 200]);
    const newest = ((await second.json()) as Strategy).version;

    // Act: two at a time, following each page's cursor to the end.
    const pages = [await versions({ limit: '2' })];
    for (let cursor = pages[0]?.nextCursor; cursor !== undefined; cursor = pages.at(-1)?.nextCursor) pages.push(await versions({ limit: '2', cursor }));

    // Assess
    const [top, next] = pages[0]?.items ?? [];
    expect(top).toMatchObject({ version: newest, createdBy: 'admin-1', name: { da: 'Strategi for Ærø Kommune' }, themeCount: content.themes.length - 1, criterionCount: content.criteria.length });
    expect(next).toMatchObject({ version: newest - 1, createdBy: 'admin-1', themeCount: content.themes.length });
    expect(pages.flatMap((page) => page.items.map((item) => item.version))).toEqual(Array.from({ length: newest }, (_, n) => newest - n));
    expect(pages.slice(0, -1).every((page) => page.items.length === 2)).toBe(true);
  });

  it('refuses a cursor it did not issue with 400 invalid-cursor, and employees with 403', async () => {
    const forged = await triage.request('GET', '/console/strategy/versions?cursor=eyJQSyI6IlNUUkFURUdZIiwiU0siOiJWRVJTSU9OIzAwMDAwMiJ9.AAAA');
    const employeeList = await employee.request('GET', '/console/strategy/versions');

    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { type: string }).type).toBe('/api/problems/invalid-cursor');
    expect(employeeList.status).toBe(403);
  });

  it('answers 404 for a version that does not exist', async () => {
    const response = await admin.request('GET', '/console/strategy/versions/9999');

    expect(response.status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import type { Strategy } from '../../shared/domain/strategy/strategy.ts';
import { eventually, FRICTION, signIn, startTestRuntime, waitForStatus, type Person } from './support.ts';

let runtime: LocalRuntime;
let anna: Person;
let admin: Person;
let triage: Person;

beforeAll(async () => {
  runtime = await startTestRuntime();
  anna = await signIn(runtime, 'anna', ['employee']);
  admin = await signIn(runtime, 'admin-1', ['admin']);
  triage = await signIn(runtime, 'tove', ['triage']);
});

afterAll(async () => {
  await runtime?.stop();
});

interface StaffIdea {
  themeAlignment: { strategyVersion: number; scores: { themeId: string }[] };
  scorecard: { strategyVersion: number; scores: Record<string, { value: number; source: string }> };
  history: { change?: string }[];
}

describe('re-scoring after a strategy change', () => {
  it('re-aligns ideas still in triage with the new version, keeping triage’s own scores', async () => {
    // Prepare: ideas in triage, one of them scored by triage.
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      const { id } = (await (await anna.request('POST', '/ideas', { body: { ...FRICTION, title: `${FRICTION.title} ${n}` } })).json()) as { id: string };
      await waitForStatus(anna, id, 'in_triage');
      ids.push(id);
    }
    const scored = ids[0] as string;
    const etag = (await triage.request('GET', `/ideas/${scored}`)).headers.get('etag') as string;
    expect((await triage.request('PUT', `/console/ideas/${scored}/scorecard`, { body: { scores: { reach: 4 } }, headers: { 'if-match': etag } })).status).toBe(200);

    // Prepare: a new strategy version with a single theme.
    const current = await admin.request('GET', '/console/strategy');
    const { version: _v, createdAt: _c, createdBy: _b, ...content } = (await current.json()) as Strategy;
    const onlyData = { ...content, themes: content.themes.filter((theme) => theme.id === 'dataunderstoettelse') };
    const replaced = await admin.request('PUT', '/console/strategy', { body: onlyData, headers: { 'if-match': current.headers.get('etag') as string } });
    expect(replaced.status).toBe(200);
    const newVersion = ((await replaced.json()) as Strategy).version;

    // Act
    const started = await admin.request('POST', '/console/strategy/rescore');

    // Assess
    expect(started.status).toBe(202);
    expect(await started.json()).toMatchObject({ strategyVersion: newVersion, status: 'queued' });
    for (const id of ids) {
      const idea = await eventually(async () => {
        const read = (await (await triage.request('GET', `/ideas/${id}`)).json()) as StaffIdea;
        return read.themeAlignment.strategyVersion === newVersion ? read : undefined;
      }, 20_000, `idea ${id} re-scored`);
      expect(idea.themeAlignment.scores.map((score) => score.themeId)).toEqual(['dataunderstoettelse']);
      expect(idea.scorecard.strategyVersion).toBe(newVersion);
      expect(idea.history.at(-1)?.change).toBe('rescore');
    }
    const kept = (await (await triage.request('GET', `/ideas/${scored}`)).json()) as StaffIdea;
    expect(kept.scorecard.scores['reach']).toEqual({ value: 4, source: 'triage' });
  });

  it('is refused to employees', async () => {
    expect((await anna.request('POST', '/console/strategy/rescore')).status).toBe(403);
  });
});

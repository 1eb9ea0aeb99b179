import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { FRICTION, signIn, startTestRuntime, waitForStatus, type Person } from './support.ts';

let runtime: LocalRuntime;
let anna: Person;
let triage: Person;

beforeAll(async () => {
  runtime = await startTestRuntime();
  anna = await signIn(runtime, 'anna', ['employee'], 'Anna Sørensen');
  triage = await signIn(runtime, 'tove', ['triage'], 'Tove Ågård');
});

afterAll(async () => {
  await runtime?.stop();
});

async function submittedAndTriaged(body: object = FRICTION): Promise<string> {
  const response = await anna.request('POST', '/ideas', { body });
  const { id } = (await response.json()) as { id: string };
  await waitForStatus(anna, id, 'in_triage');
  return id;
}

interface StaffIdea {
  version: number;
  themeAlignment: { strategyVersion: number; scores: { themeId: string; score: number; matchedTerms: string[] }[] };
  scorecard: { priority: number; complete: boolean; scores: Record<string, { value: number; source: string }> };
  history: { status: string; change?: string }[];
}

describe('theme alignment and the priority score', () => {
  it('arrives in triage aligned with the strategy’s themes and with a suggested priority', async () => {
    // Act
    const id = await submittedAndTriaged();

    // Assess
    const idea = (await (await triage.request('GET', `/ideas/${id}`)).json()) as StaffIdea;
    expect(idea.themeAlignment.strategyVersion).toBe(1);
    expect(idea.themeAlignment.scores[0]?.themeId).toBe('automatisering');
    expect(idea.themeAlignment.scores[0]?.matchedTerms.length).toBeGreaterThan(0);
    expect(idea.scorecard.complete).toBe(false);
    // 920 friction hours a year suggest benefit 3 (from 400 h).
    expect(idea.scorecard.scores['benefit']).toEqual({ value: 3, source: 'suggested' });
    expect(idea.scorecard.priority).toBeGreaterThan(0);
  });

  it('lets triage score an idea and explains the priority criterion by criterion', async () => {
    // Prepare
    const id = await submittedAndTriaged();
    const read = await triage.request('GET', `/ideas/${id}`);
    const etag = read.headers.get('etag') as string;

    // Act
    const response = await triage.request('PUT', `/console/ideas/${id}/scorecard`, {
      body: { scores: { strategic_fit: 4, benefit: 4, feasibility: 4, risk_compliance: 4, reach: 4 } },
      headers: { 'if-match': etag },
    });

    // Assess
    expect(response.status).toBe(200);
    const explained = (await response.json()) as { priority: number; complete: boolean; criteria: { id: string; name: string; meaning: string; points: number; source: string }[] };
    expect(explained.priority).toBe(100);
    expect(explained.complete).toBe(true);
    expect(explained.criteria.map((criterion) => criterion.id)).toEqual(['strategic_fit', 'benefit', 'feasibility', 'risk_compliance', 'reach']);
    expect(explained.criteria.every((criterion) => criterion.source === 'triage' && criterion.meaning.length > 0)).toBe(true);
    expect(explained.criteria.reduce((sum, criterion) => sum + criterion.points, 0)).toBeCloseTo(100, 0);
    expect(response.headers.get('etag')).not.toBe(etag);
    const staff = (await (await triage.request('GET', `/ideas/${id}`)).json()) as StaffIdea;
    expect(staff.history.at(-1)).toMatchObject({ status: 'in_triage', change: 'scorecard' });
    const submitter = (await (await anna.request('GET', `/ideas/${id}`)).json()) as StaffIdea;
    expect(submitter.history.map((event) => event.status)).toEqual(['submitted', 'in_triage']);
    expect(submitter).not.toHaveProperty('scorecard');
  });

  it('lets exactly one of two concurrent scorings of the same version win; the other gets 412', async () => {
    // Prepare
    const id = await submittedAndTriaged();
    const etag = (await triage.request('GET', `/ideas/${id}`)).headers.get('etag') as string;

    // Act
    const answers = await Promise.all(
      [1, 3].map((value) => triage.request('PUT', `/console/ideas/${id}/scorecard`, { body: { scores: { reach: value } }, headers: { 'if-match': etag } })),
    );

    // Assess
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
  });

  it('refuses an unknown criterion with 400, a missing If-Match with 428, and an employee with 403', async () => {
    // Prepare
    const id = await submittedAndTriaged();
    const etag = (await triage.request('GET', `/ideas/${id}`)).headers.get('etag') as string;

    // Act
    const unknown = await triage.request('PUT', `/console/ideas/${id}/scorecard`, { body: { scores: { charm: 4 } }, headers: { 'if-match': etag } });
    const unconditional = await triage.request('PUT', `/console/ideas/${id}/scorecard`, { body: { scores: { reach: 4 } } });
    const employee = await anna.request('PUT', `/console/ideas/${id}/scorecard`, { body: { scores: { reach: 4 } }, headers: { 'if-match': etag } });

    // Assess
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: unknown[] }).errors).toEqual([{ pointer: '/scores/charm', detail: 'Strategien har intet kriterium charm' }]);
    expect(unconditional.status).toBe(428);
    expect(employee.status).toBe(403);
  });
});

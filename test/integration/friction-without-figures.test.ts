/**
 * Bøvl reported without figures (issue 13): a care worker on a phone does not know how often, how
 * long or how many, says so with `figuresUnknown: true`, and the report goes all the way through
 * with its friction hours per year unknown (never 0) — to her, to triage's inbox and scorecard,
 * and to her personal-data export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { allItems, consoleEtag, problemOf, signIn, startTestRuntime, waitForStatus, type Person } from './support.ts';

let runtime: LocalRuntime;
let anna: Person;
let tove: Person;

beforeAll(async () => {
  runtime = await startTestRuntime();
  anna = await signIn(runtime, 'anna', ['employee'], 'Anna Sørensen');
  tove = await signIn(runtime, 'tove', ['triage'], 'Tove Ågård');
});

afterAll(async () => {
  await runtime?.stop();
});

/** Anna's report from her phone on the morning round: she does not know the figures. */
const REPORT = {
  kind: 'friction',
  title: 'Nøglerne til medicinskabet bliver væk',
  description: 'Om morgenen leder vi efter nøglerne til medicinskabet på Åbrinken, før vi kan køre ud til borgerne.',
  department: 'Hjemmeplejen Åbyhøj',
  figuresUnknown: true,
} as const;

/** Submits `body` as Anna and waits until the idea is in triage; the idea as she reads it. */
async function reportInTriage(body: object | URLSearchParams): Promise<Record<string, unknown>> {
  const response = await anna.request('POST', '/ideas', { body });
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  return waitForStatus(anna, id, 'in_triage');
}

describe('bøvl reported without figures', () => {
  let id: string;

  beforeAll(async () => {
    id = (await reportInTriage(REPORT))['id'] as string;
  });

  it('reaches triage and reads back to Anna with its hours unknown, not 0, and æ, ø and å intact', async () => {
    // Act
    const idea = (await (await anna.request('GET', `/ideas/${id}`)).json()) as Record<string, unknown>;

    // Assess
    expect(idea).toMatchObject({ kind: 'friction', status: 'in_triage', title: REPORT.title, description: REPORT.description, department: 'Hjemmeplejen Åbyhøj', figuresUnknown: true });
    expect(idea).not.toHaveProperty('friction');
    expect(idea).not.toHaveProperty('frictionHoursPerYear');
  });

  it('shows in the console inbox marked figuresUnknown, without hours, its priority incomplete', async () => {
    // Act
    const response = await tove.request('GET', `/console/inbox?${new URLSearchParams({ kind: 'friction', department: 'hjemmeplejen åbyhøj' })}`);

    // Assess
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Record<string, unknown>[] };
    const row = items.find((item) => item['id'] === id);
    expect(row).toMatchObject({ title: REPORT.title, department: 'Hjemmeplejen Åbyhøj', kind: 'friction', figuresUnknown: true, priorityComplete: false });
    expect(row).not.toHaveProperty('frictionHoursPerYear');
  });

  it('leaves benefit for triage to score: no suggestion from hours nobody knows, until Tove scores it', async () => {
    // Prepare
    const before = (await (await tove.request('GET', `/console/ideas/${id}`)).json()) as { figuresUnknown?: boolean; scorecard: { scores: Record<string, unknown>; complete: boolean } };

    // Act
    const response = await tove.request('PUT', `/console/ideas/${id}/scorecard`, { body: { scores: { benefit: 2 } }, headers: { 'if-match': await consoleEtag(tove, id) } });

    // Assess
    expect(before.figuresUnknown).toBe(true);
    expect(before.scorecard.scores).not.toHaveProperty('benefit');
    expect(before.scorecard.complete).toBe(false);
    expect(response.status).toBe(200);
    const { criteria } = (await response.json()) as { criteria: { id: string; value: number | null; source: string }[] };
    expect(criteria.find((criterion) => criterion.id === 'benefit')).toMatchObject({ value: 2, source: 'triage' });
  });

  it('is in Anna’s personal-data export as unknown figures', async () => {
    // Act
    const response = await anna.request('GET', '/me/export');

    // Assess
    expect(response.status).toBe(200);
    const { ideas } = (await response.json()) as { ideas: Record<string, unknown>[] };
    const exported = ideas.find((idea) => idea['id'] === id);
    expect(exported).toMatchObject({ title: REPORT.title, figuresUnknown: true });
    expect(exported).not.toHaveProperty('friction');
  });

  it('is accepted the same way from a plain form, the box ticked and the number fields left empty', async () => {
    // Prepare
    const form = new URLSearchParams({ ...REPORT, title: 'Printeren på Åbrinken driller', figuresUnknown: 'on', frequency: '', minutesEach: '', peopleAffected: '' });

    // Act
    const idea = await reportInTriage(form);

    // Assess
    expect(idea).toMatchObject({ title: 'Printeren på Åbrinken driller', figuresUnknown: true });
    expect(idea).not.toHaveProperty('frictionHoursPerYear');
  });
});

describe('figures that do not add up are refused, naming the fields, and nothing is stored', () => {
  it('refuses figures sent with figuresUnknown: true, on /figuresUnknown', async () => {
    // Act
    const response = await anna.request('POST', '/ideas', { body: { ...REPORT, title: 'Både tal og ingen tal', frequency: 2, frequencyUnit: 'week' } });

    // Assess
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem['errors']).toEqual([{ pointer: '/figuresUnknown', detail: 'Udelad tallene (frequency, frequencyUnit), eller fjern figuresUnknown' }]);
    expect((await allItems(runtime.tableName)).filter((item) => item['title'] === 'Både tal og ingen tal')).toEqual([]);
  });

  it('names the figures missing from a report with only some, in English on request', async () => {
    // Prepare
    const { figuresUnknown: _flag, ...withoutFlag } = REPORT;

    // Act
    const response = await anna.request('POST', '/ideas', { body: { ...withoutFlag, title: 'Kun nogle af tallene', frequency: 2, minutesEach: 5 }, headers: { 'accept-language': 'en' } });

    // Assess
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    const detail = 'Required – or leave out all four figures and send figuresUnknown: true if they are not known';
    expect(problem['errors']).toEqual([
      { pointer: '/frequencyUnit', detail },
      { pointer: '/peopleAffected', detail },
    ]);
    expect((await allItems(runtime.tableName)).filter((item) => item['title'] === 'Kun nogle af tallene')).toEqual([]);
  });
});

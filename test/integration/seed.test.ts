/**
 * `npm run seed` against a runtime of its own, at the deployed per-person submit limit (20 an
 * hour): the whole seed goes in through the API and reaches triage with æ, ø and å as written,
 * the inbox's tabs have something in them, every stage of the directors' board holds a pilot, and
 * a second run adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { LOCAL_DEPARTMENTS } from '../../infra/local/runtime.ts';
import { PILOT_STAGES } from '../../shared/domain/pilot.ts';
import { SEED_EMPLOYEES, SEED_PILOTS, seedIdeas } from '../../infra/local/seed-data.ts';
import { seed, type SeedReport } from '../../infra/local/seed.ts';
import { signIn, startTestRuntime, type Person } from './support.ts';

let runtime: LocalRuntime;
let jonas: Person;
let first: SeedReport;

beforeAll(async () => {
  runtime = await startTestRuntime({ environment: { SPIRE_SUBMIT_LIMIT_PER_HOUR: '20' } });
  jonas = await signIn(runtime, 'jonas', ['triage'], 'Jonas Nørgaard');
  first = await seed({ url: runtime.url, log: () => {} });
}, 240_000);

afterAll(async () => {
  await runtime?.stop();
});

/** Every row of one inbox tab, page by page. */
async function inbox(status: string): Promise<{ id: string; title: string; department: string }[]> {
  const rows: { id: string; title: string; department: string }[] = [];
  let cursor: string | undefined;
  do {
    const response = await jonas.request('GET', `/console/inbox?status=${status}&limit=100${cursor === undefined ? '' : `&cursor=${cursor}`}`);
    const page = (await response.json()) as { items: { id: string; title: string; department: string }[]; nextCursor?: string };
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return rows;
}

describe('npm run seed', () => {
  it('sends at least 200 Danish ideas from a few dozen employees of the local departments, nobody past the submit limit', () => {
    const ideas = seedIdeas();
    const perPerson = Map.groupBy(ideas, (idea) => idea.submitter.sub);
    expect(ideas.length).toBeGreaterThanOrEqual(200);
    expect(SEED_EMPLOYEES.length).toBeGreaterThanOrEqual(24);
    expect(Math.max(...[...perPerson.values()].map((sent) => sent.length))).toBeLessThanOrEqual(20);
    expect(new Set(ideas.map((idea) => idea.body.department))).toEqual(new Set(LOCAL_DEPARTMENTS));
  });

  it('puts every idea in the console’s inbox, with its æ, ø and å as written', async () => {
    const byId = new Map([...(await inbox('in_triage')), ...(await inbox('needs_info')), ...(await inbox('parked'))].map((row) => [row.id, row]));
    const ideas = seedIdeas();

    expect(new Set(first.ids).size).toBe(ideas.length);
    expect(first.ids.filter((id) => byId.has(id))).toHaveLength(ideas.length - SEED_PILOTS.length - 1); // the pilots' ideas accepted, one declined
    for (const [n, id] of first.ids.entries()) {
      const row = byId.get(id);
      if (row !== undefined) expect({ title: row.title, department: row.department }).toEqual({ title: ideas[n]?.body.title, department: ideas[n]?.body.department });
    }
    expect([...byId.values()].some((row) => /[æøå]/.test(row.title))).toBe(true);
  });

  it('leaves something in every tab: questions asked, an idea parked, the pilots’ ideas accepted, one declined, some assigned to Jonas', () => {
    expect(first.statuses).toMatchObject({ needs_info: 2, parked: 1, accepted: SEED_PILOTS.length, declined: 1 });
    expect(first.supportsAdded).toBeGreaterThan(0);
    expect(first.decisionsTaken).toBe(7);
  });

  it('fills every stage of the directors’ board, with a pilot stopped with its learnings and one realised with its hours', async () => {
    const birgitte = await signIn(runtime, 'birgitte', ['director'], 'Birgitte Åberg');
    const summary = (await (await birgitte.request('GET', '/pipeline/summary')).json()) as { stages: Record<string, number>; hours: { realisedPerYear: number } };
    const stopped = (await (await birgitte.request('GET', '/pipeline/pilots?stage=stopped&limit=100')).json()) as { items: { id: string }[] };
    const learnings = await Promise.all(stopped.items.map(async ({ id }) => ((await (await jonas.request('GET', `/console/pilots/${id}`)).json()) as { learnings?: string }).learnings));

    expect(first.pilotsAccepted).toBe(SEED_PILOTS.length);
    for (const stage of PILOT_STAGES) {
      expect(first.stages[stage], stage).toBeGreaterThanOrEqual(1);
      expect(summary.stages[stage], stage).toBeGreaterThanOrEqual(1);
    }
    expect(summary.hours.realisedPerYear).toBeGreaterThan(0);
    expect(learnings.some((text) => text !== undefined && /[æøå]/.test(text))).toBe(true);
  });

  it('adds nothing when run a second time', async () => {
    const second = await seed({ url: runtime.url, log: () => {} });

    expect(second).toMatchObject({
      submitted: 0,
      alreadyThere: first.ids.length,
      supportsAdded: 0,
      decisionsTaken: 0,
      pilotsAccepted: 0,
      pilotEdits: 0,
      gateDecisions: 0,
      statuses: first.statuses,
      stages: first.stages,
    });
    expect(second.ids).toEqual(first.ids);
  });
});

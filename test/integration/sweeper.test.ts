import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedIdeas } from '../../bench/seed-ideas.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import type { Idea } from '../../shared/domain/idea.ts';
import type { SweepReport } from '../../shared/intake/sweep.ts';
import { logger } from '../../shared/logger.ts';
import { signIn, startTestRuntime, submittedIdea, waitForStatus, type Person, tableClient } from './support.ts';

const BATCH_LIMIT = 200;
const GIVEN_UP = 520;

let runtime: LocalRuntime;
let table: DynamoDBDocumentClient;
let anna: Person;
let tove: Person;

beforeAll(async () => {
  runtime = await startTestRuntime({ environment: { SPIRE_SWEEPER_MIN_AGE_SECONDS: '0', SPIRE_SWEEPER_BATCH_LIMIT: String(BATCH_LIMIT) } });
  table = tableClient();
  anna = await signIn(runtime, 'anna', ['employee'], 'Anna Sørensen');
  tove = await signIn(runtime, 'tove', ['triage'], 'Tove Ågård');
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await runtime?.stop();
  table?.destroy();
});

/** Anna's idea number n, in `submitted` since n minutes into 2026, re-queued `requeueCount` times, its intake message lost. */
function stuckIdea(n: number, requeueCount: number): Idea {
  return submittedIdea(n, new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(), { requeueCount });
}

describe('the sweeper and ideas it gives up on', () => {
  it(`still re-queues a newer stuck idea behind ${GIVEN_UP} ideas it has given up on, more than one run reads`, async () => {
    // Prepare: ideas re-queued the maximum number of times, where the sweeper used to leave them
    // (at the head of the submitted list), and behind them a newer idea whose queue send failed.
    const givenUp = Array.from({ length: GIVEN_UP }, (_, n) => stuckIdea(n, 5));
    const newer = stuckIdea(GIVEN_UP + 1000, 0);
    await seedIdeas(table, runtime.tableName, [...givenUp, newer]);
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    // Act: the sweeper runs on its schedule until it has re-queued something.
    const reports: SweepReport[] = [];
    while (reports.length < 10 && (reports.at(-1)?.requeued ?? 0) === 0) reports.push((await runtime.runSchedule('sweeper')) as SweepReport);

    // Assess: the given-up ideas left the list a batch at a time, and the newer idea reached triage.
    expect(reports.map(({ found, requeued, givenUp: gaveUp }) => ({ found, requeued, givenUp: gaveUp }))).toEqual([
      { found: BATCH_LIMIT, requeued: 0, givenUp: BATCH_LIMIT },
      { found: BATCH_LIMIT, requeued: 0, givenUp: BATCH_LIMIT },
      { found: GIVEN_UP - 2 * BATCH_LIMIT + 1, requeued: 1, givenUp: GIVEN_UP - 2 * BATCH_LIMIT },
    ]);
    await waitForStatus(anna, newer.id, 'in_triage');
    expect(await runtime.runSchedule('sweeper')).toMatchObject({ found: 0, givenUp: 0 });
    // Each run that gave up told operations so, naming the ideas.
    const alerts = errors.mock.calls.filter(([message]) => String(message).startsWith('Ideas stuck in submitted'));
    expect(alerts.flatMap(([, fields]) => (fields as { ideaIds: string[] }).ideaIds)).toEqual(givenUp.map((idea) => idea.id));
  }, 90_000);

  it('shows the ideas it gave up on to the triage team, oldest first, with the give-up in their history', async () => {
    // Act
    const first = await tove.request('GET', '/console/inbox?status=submitted&sort=age&limit=100');
    const page = (await first.json()) as { items: { id: string; status: string }[]; nextCursor?: string };
    const record = (await (await tove.request('GET', `/console/ideas/${stuckIdea(0, 5).id}`)).json()) as { status: string; history: { change?: string; actor?: { kind: string } }[] };

    // Assess
    expect(first.status).toBe(200);
    expect(page.items.map((row) => row.id)).toEqual(Array.from({ length: 100 }, (_, n) => stuckIdea(n, 5).id));
    expect(page.items.every((row) => row.status === 'submitted')).toBe(true);
    expect(page.nextCursor).toBeDefined();
    expect(record.status).toBe('submitted');
    expect(record.history.at(-1)).toMatchObject({ change: 'intake_abandoned', actor: { kind: 'system' } });
  });

  it('tells the submitter their idea is delayed and that the team can see it', async () => {
    // Act
    const idea = (await (await anna.request('GET', `/ideas/${stuckIdea(0, 5).id}`)).json()) as { status: string; statusMessage: string };

    // Assess
    expect(idea.status).toBe('submitted');
    expect(idea.statusMessage).toBe('Din idé er gemt, men en teknisk fejl har forsinket den på vej til digitaliseringsteamet. Teamet kan se den på deres liste.');
  });
});

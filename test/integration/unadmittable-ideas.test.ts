/**
 * Ideas the intake worker cannot admit, through the local runtime: every failed delivery is
 * logged with the idea's id; after the sweeper's last re-queue the idea is given up on, shown to
 * the triage team and its submitter told that it is delayed. And an idea stored with text that is
 * not well-formed Unicode (before such text was refused) no longer fails at all.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { seedIdeas } from '../../bench/seed-ideas.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import type { Idea } from '../../shared/domain/idea.ts';
import { logger } from '../../shared/logger.ts';
import { eventually, signIn, startTestRuntime, submittedIdea, waitForStatus, type Person, tableClient } from './support.ts';

const MAX_REQUEUES = 2;

let runtime: LocalRuntime;
let table: DynamoDBDocumentClient;
let anna: Person;
let tove: Person;

beforeAll(async () => {
  runtime = await startTestRuntime({ environment: { SPIRE_SWEEPER_MIN_AGE_SECONDS: '0', SPIRE_SWEEPER_MAX_REQUEUES: String(MAX_REQUEUES) } });
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

/** Anna's idea number n, in `submitted` since a minute ago, its intake message lost. */
function storedIdea(n: number, fields: Partial<Idea> = {}): Idea {
  return submittedIdea(n, new Date(Date.now() - 60_000).toISOString(), fields);
}

interface WorkerFailure {
  ideaId?: string;
  messageId: string;
  receiveCount: number;
  error: unknown;
}

/** The intake worker's log lines about failed records, for one idea. */
function workerFailures(errors: MockInstance<typeof logger.error>, ideaId: string): WorkerFailure[] {
  return errors.mock.calls
    .filter(([message]) => String(message).startsWith('Intake message failed'))
    .map(([, fields]) => fields as unknown as WorkerFailure)
    .filter((fields) => fields.ideaId === ideaId);
}

describe('an idea stored with text that is not well-formed Unicode', () => {
  it('is admitted to triage, its lone surrogate no longer failing the inbox keys on every delivery', async () => {
    // Prepare: stored before such text was refused (the API refuses it now); its intake message lost.
    const idea = storedIdea(1, { department: 'IT\ud800' });
    await seedIdeas(table, runtime.tableName, [idea]);

    // Act: the sweeper queues it again.
    const report = await runtime.runSchedule('sweeper');

    // Assess
    expect(report).toMatchObject({ requeued: 1 });
    await waitForStatus(anna, idea.id, 'in_triage');
    const inbox = (await (await tove.request('GET', '/console/inbox?status=in_triage&sort=age&limit=100')).json()) as { items: { id: string }[] };
    expect(inbox.items.map((row) => row.id)).toContain(idea.id);
  });
});

describe('an idea the intake worker cannot admit', () => {
  it('is logged with its id at each failed delivery, then given up on, listed for the team and its submitter told it is delayed', async () => {
    // Prepare: an item the worker cannot admit (its description is not text: written by hand, or by another version).
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const idea = storedIdea(2, { description: 42 as unknown as string });
    await seedIdeas(table, runtime.tableName, [idea]);

    // Act: the sweeper re-queues it; each delivery fails; after MAX_REQUEUES re-queues it gives up.
    const reports = [];
    for (let run = 0; run < MAX_REQUEUES; run++) {
      reports.push(await runtime.runSchedule('sweeper'));
      const failed = (run + 1) * 2;
      await eventually(async () => (workerFailures(errors, idea.id).length >= failed ? true : undefined), 30_000, `${failed} failed deliveries of ${idea.id}`);
    }
    reports.push(await runtime.runSchedule('sweeper'));

    // Assess: every failed delivery was logged with the idea id, its receive count and the error.
    const failures = workerFailures(errors, idea.id);
    expect(failures.length).toBeGreaterThanOrEqual(2 * MAX_REQUEUES);
    for (const failure of failures) {
      expect(failure).toMatchObject({ ideaId: idea.id, messageId: expect.any(String), receiveCount: expect.any(Number) });
      expect(failure.error).toBeInstanceOf(Error);
    }
    expect(reports).toMatchObject([{ requeued: 1 }, { requeued: 1 }, { requeued: 0, givenUp: 1 }]);
    // The team sees it in the inbox's submitted list, with the give-up in its history.
    const inbox = (await (await tove.request('GET', '/console/inbox?status=submitted&sort=age')).json()) as { items: { id: string; status: string }[] };
    expect(inbox.items).toContainEqual(expect.objectContaining({ id: idea.id, status: 'submitted' }));
    // Its submitter reads that it is saved but delayed, and that the team can see it.
    const page = (await (await anna.request('GET', `/ideas/${idea.id}`, { uncheckedBecause: 'its description, written by hand, is not text' })).json()) as { status: string; statusMessage: string };
    expect(page).toMatchObject({
      status: 'submitted',
      statusMessage: 'Din idé er gemt, men en teknisk fejl har forsinket den på vej til digitaliseringsteamet. Teamet kan se den på deres liste.',
    });
  }, 90_000);
});

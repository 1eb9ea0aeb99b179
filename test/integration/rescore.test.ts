import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { seedIdeas, undecidedIdea } from '../../bench/seed-ideas.ts';
import { LOCAL_AWS } from '../../infra/local/emulators.ts';
import { currentInvocation } from '../../infra/local/invocation.ts';
import { carryLineage, LINEAGE_ATTRIBUTE, RECURSIVE_INVOCATION_LIMIT } from '../../infra/local/recursion.ts';
import { ensureQueues } from '../../infra/local/resources.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { startPoller, type Poller } from '../../infra/local/sqs-poller.ts';
import { QUEUES } from '../../infra/system.ts';
import type { Strategy } from '../../shared/domain/strategy/strategy.ts';
import { logger } from '../../shared/logger.ts';
import { DynamoIdeaStore } from '../../shared/store/ideas.ts';
import type { RescoreProgress } from '../../shared/domain/rescore.ts';
import { eventually, FRICTION, signIn, sqsClient, startTestRuntime, waitForStatus, type Person } from './support.ts';

let runtime: LocalRuntime;
let sqs: SQSClient;
let table: DynamoDBDocumentClient;
let anna: Person;
let admin: Person;
let triage: Person;

beforeAll(async () => {
  runtime = await startTestRuntime();
  sqs = sqsClient();
  table = DynamoDBDocumentClient.from(new DynamoDBClient({ region: LOCAL_AWS.region, credentials: LOCAL_AWS, endpoint: inject('dynamodbEndpoint') }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  anna = await signIn(runtime, 'anna', ['employee']);
  admin = await signIn(runtime, 'admin-1', ['admin']);
  triage = await signIn(runtime, 'tove', ['triage']);
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await runtime?.stop();
  sqs?.destroy();
  table?.destroy();
});

interface StaffIdea {
  themeAlignment: { strategyVersion: number; scores: { themeId: string }[] };
  scorecard: { strategyVersion: number; scores: Record<string, { value: number; source: string }> };
  history: { change?: string }[];
}

/** Stores the current strategy again as a new version, changed by `change`; answers the new version. */
async function newStrategyVersion(change: (content: Omit<Strategy, 'version' | 'createdAt' | 'createdBy'>) => object = (content) => content): Promise<number> {
  const current = await admin.request('GET', '/console/strategy');
  const { version: _v, createdAt: _c, createdBy: _b, ...content } = (await current.json()) as Strategy;
  const replaced = await admin.request('PUT', '/console/strategy', { body: change(content), headers: { 'if-match': current.headers.get('etag') as string } });
  expect(replaced.status).toBe(200);
  return ((await replaced.json()) as Strategy).version;
}

/** Polls a job's progress where the start's `Location` names it, as the admin page does, until it is done. */
async function doneProgress(location: string, timeoutMs = 20_000): Promise<RescoreProgress & { statuses: string[] }> {
  return eventually(async () => {
    const response = await admin.request('GET', location);
    expect(response.status).toBe(200);
    const progress = (await response.json()) as RescoreProgress & { statuses: string[] };
    return progress.status === 'done' ? progress : undefined;
  }, timeoutMs, `re-scoring job at ${location} done`);
}

/** Messages in a queue, waiting up to a second for the first. */
async function messagesIn(queueUrl: string) {
  return (await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ['All'] }))).Messages ?? [];
}

/** The error lines the local runtime logged about stopped recursive loops. */
function loopStops(errors: { mock: { calls: unknown[][] } }): unknown[][] {
  return errors.mock.calls.filter(([message]) => String(message).startsWith('Recursive loop stopped'));
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
    const newVersion = await newStrategyVersion((content) => ({ ...content, themes: content.themes.filter((theme) => theme.id === 'dataunderstoettelse') }));

    // Act
    const started = await admin.request('POST', '/console/strategy/rescore');

    // Assess: the start names where its progress is followed, and the progress reaches `done`.
    expect(started.status).toBe(202);
    const progress = (await started.json()) as RescoreProgress;
    expect(progress).toMatchObject({ strategyVersion: newVersion, status: 'running', pagesQueued: 1, ideasQueued: 3 });
    expect(started.headers.get('location')).toBe(`/api/console/strategy/rescore/${progress.jobId}`);
    expect(await doneProgress(started.headers.get('location') as string)).toEqual({ ...progress, status: 'done', pagesDone: 1 });
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

  it('finishes for 1,000 undecided ideas, far past the 400 a self-feeding chain reaches before Lambda stops it', async () => {
    // Prepare: 1,000 ideas in triage, waiting for an answer or parked, aligned with the current version.
    const errors = vi.spyOn(logger, 'error');
    const { version } = (await (await admin.request('GET', '/console/strategy')).json()) as Strategy;
    const ideas = Array.from({ length: 1000 }, (_, n) => undecidedIdea(n, version));
    await seedIdeas(table, runtime.tableName, ideas);
    const newVersion = await newStrategyVersion();

    // Act
    const response = await admin.request('POST', '/console/strategy/rescore');

    // Assess: every page is done, every idea is at the new version, and the hop limit never had to stop anything.
    expect(response.status).toBe(202);
    const progress = (await response.json()) as RescoreProgress;
    expect(progress).toMatchObject({ strategyVersion: newVersion, status: 'running', ideasQueued: 1003 });
    const done = await doneProgress(response.headers.get('location') as string, 80_000);
    expect(done).toEqual({ ...progress, status: 'done', pagesQueued: Math.ceil(1003 / 25), pagesDone: Math.ceil(1003 / 25) });
    const stored = await new DynamoIdeaStore(table, runtime.tableName).getIdeas(ideas.map((idea) => idea.id));
    expect(stored.filter((idea) => idea.themeAlignment?.strategyVersion === newVersion && idea.scorecard?.strategyVersion === newVersion)).toHaveLength(1000);
    expect(stored.every((idea) => idea.scorecard?.scores['reach']?.source === 'triage')).toBe(true);
    expect(loopStops(errors)).toEqual([]);
    expect(await messagesIn(runtime.queues.rescore.deadLetterUrl)).toEqual([]);
  }, 90_000);

  it('is refused to employees, and so is a job’s progress', async () => {
    expect((await anna.request('POST', '/console/strategy/rescore')).status).toBe(403);
    expect((await anna.request('GET', '/console/strategy/rescore/20261122T100000000Z-0000abcd')).status).toBe(403);
  });

  it('answers 404 for a job that does not exist, and 400 for an id that is none', async () => {
    const unknown = await triage.request('GET', '/console/strategy/rescore/20261122T100000000Z-0000abcd');
    const malformed = await triage.request('GET', '/console/strategy/rescore/last-tuesday');

    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { type: string }).type).toBe('/api/problems/not-found');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: { pointer: string }[] }).errors.map((error) => error.pointer)).toEqual(['/jobId']);
  });
});

describe('Lambda’s recursive loop detection, emulated', () => {
  let poller: Poller | undefined;

  afterEach(async () => {
    await poller?.stop();
    poller = undefined;
  });

  it(`lets a function that feeds its own queue run ${RECURSIVE_INVOCATION_LIMIT} times in one chain and not once more; the next message goes to the dead-letter queue`, async () => {
    // Prepare: the shape re-scoring used to have — each invocation queues the next page on the queue it consumes.
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const queue = (await ensureQueues(sqs, { endpoint: inject('sqsEndpoint'), prefix: `loop-${Date.now().toString(36)}-`, visibilityTimeoutSeconds: 1 })).rescore;
    const worker = sqsClient();
    carryLineage(worker, 'sqs');
    const pages: number[] = [];
    poller = startPoller({
      client: sqs,
      queueUrl: queue.url,
      queueArn: 'arn:aws:sqs:eu-north-1:000000000000:loop',
      region: LOCAL_AWS.region,
      batchSize: 1,
      maxBatchingWindowSeconds: 0,
      functionName: 'rescoreWorker',
      // As LocalLambdas runs a handler: inside its invocation, so the worker's sends carry its lineage.
      invoke: (event, invocation) =>
        currentInvocation.run({ functionName: 'rescoreWorker', ...invocation }, async () => {
          const { page } = JSON.parse(event.Records[0]?.body ?? '{}') as { page: number };
          pages.push(page);
          await worker.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: JSON.stringify({ page: page + 1 }) }));
          return { batchItemFailures: [] };
        }),
    });

    // Act: the start sends the first page from outside the chain (an HTTP-invoked function).
    await sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: JSON.stringify({ page: 1 }) }));

    // Assess: sixteen pages, no seventeenth; the 17th message is left to the redrive policy, which dead-letters it.
    const dead = await eventually(async () => (await messagesIn(queue.deadLetterUrl))[0], 30_000, 'the 17th page in the dead-letter queue');
    expect(pages).toEqual(Array.from({ length: RECURSIVE_INVOCATION_LIMIT }, (_, n) => n + 1));
    expect(JSON.parse(dead.Body as string)).toEqual({ page: 17 });
    expect(dead.MessageAttributes?.[LINEAGE_ATTRIBUTE]?.StringValue).toBe('rescoreWorker:16');
    const stops = loopStops(errors);
    expect(stops).toHaveLength(QUEUES.rescore.maxReceiveCount);
    expect(stops[0]?.[1]).toMatchObject({ function: 'rescoreWorker', queueUrl: queue.url });
    worker.destroy();
  }, 45_000);

  it('carries the chain through the local runtime: intake’s e-mail invokes the notify worker as the second hop of the submit’s chain', async () => {
    // Prepare
    const runs = vi.spyOn(currentInvocation, 'run');

    // Act: submit → intake queue → intake worker → notify queue → notify worker.
    const { id } = (await (await anna.request('POST', '/ideas', { body: { ...FRICTION, title: 'Kæden af kald' } })).json()) as { id: string };
    await waitForStatus(anna, id, 'in_triage');
    const notified = await eventually(async () => runs.mock.calls.map(([invocation]) => invocation).find((invocation) => invocation.functionName === 'notifyWorker'), 20_000, 'the notify worker invoked');

    // Assess
    expect(runs.mock.calls.map(([invocation]) => invocation).find((invocation) => invocation.functionName === 'submitIdea')?.lineage).toBeUndefined();
    expect(notified.lineage).toEqual({ intakeWorker: 1, notifyWorker: 1 });
  });

  it('is enforced by the local runtime: its rescore worker is not invoked with a message at the end of a 16-hop chain', async () => {
    // Prepare
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    // Act: a message as the 16th invocation of a self-feeding rescore worker would have sent it.
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: runtime.queues.rescore.url,
        MessageBody: JSON.stringify({ jobId: '20261122T100000000Z-0000abcd', strategyVersion: 1, page: 16, ideaIds: ['00000000-0000-4000-8000-000000000001'] }),
        MessageAttributes: { [LINEAGE_ATTRIBUTE]: { DataType: 'String', StringValue: 'rescoreWorker:16' } },
      }),
    );

    // Assess
    const dead = await eventually(async () => (await messagesIn(runtime.queues.rescore.deadLetterUrl))[0], 30_000, 'the message in the rescore dead-letter queue');
    expect(JSON.parse(dead.Body as string)).toMatchObject({ page: 16 });
    expect(loopStops(errors)[0]?.[1]).toMatchObject({ function: 'rescoreWorker', queueUrl: runtime.queues.rescore.url });
  }, 45_000);
});

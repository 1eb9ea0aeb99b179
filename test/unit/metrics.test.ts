/**
 * Spire's business metrics as CloudWatch receives them: the EMF lines Powertools Metrics writes to
 * standard output. The unit project turns metrics off (vitest.config.ts); this file turns them on
 * and loads shared/metrics.ts afresh, and reads what is written. (Powertools reads
 * POWERTOOLS_METRICS_DISABLED once, when the one Metrics instance is made, and has no public way
 * to turn it on later; the unit project shares its modules between files, so another file may
 * have loaded it already, disabled.)
 */
import { QueryCommand, DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { DEFAULT_GATES } from '../../shared/domain/gates.ts';
import { httpRoute, publicRoute } from '../../shared/http/handler.ts';
import { json } from '../../shared/http/response.ts';
import { admitToTriage } from '../../shared/intake/admit.ts';
import { submitIdea } from '../../shared/intake/submit.ts';
import { metrics, METRIC, record } from '../../shared/metrics.ts';
import { deliverNotification } from '../../shared/notify/deliver.ts';
import { decideAtGate } from '../../shared/pilots/gate.ts';
import { decide } from '../../shared/triage/decide.ts';
import {
  InMemoryBackgroundWorkStore,
  InMemoryConversationStore,
  InMemoryIdeaStore,
  InMemoryMailSuppressionStore,
  InMemoryNotificationStore,
  InMemoryPilotStore,
  InMemorySimilarityIndex,
  InMemoryStrategyStore,
  RecordingMailer,
  RecordingNotifyQueue,
  RecordingQueue,
} from './support/fakes.ts';
import { aNotification, anIdea, aSubmission, anIdeaInTriage, IDEA_ID, SUBMITTER, TRIAGE } from './support/ideas.ts';
import { testKeys } from './support/secret.ts';
import { testLimiter } from './support/usage.ts';
import { httpEvent, lambdaContext, scheduledEvent } from './support/lambda.ts';
import { aPilotReadyToStart, PILOT_ID } from './support/pilots.ts';
import { aStrategy } from './support/strategy.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { fixedClock } from './support/clock.ts';

vi.hoisted(() => {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  // The imports below run after this, so they load a module graph of their own, with metrics on.
  vi.resetModules();
});

interface EmfDocument {
  _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [key: string]: unknown;
}

let stdout: MockInstance<typeof process.stdout.write>;
let stderr: MockInstance<typeof process.stderr.write>;

beforeEach(() => {
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
  metrics.clearMetrics();
  stdout.mockRestore();
  stderr.mockRestore();
});

afterAll(() => {
  vi.unstubAllEnvs();
  // The next file in this worker loads its own modules, with metrics off again.
  vi.resetModules();
});

/** Every EMF document written to stdout so far. */
function emfWritten(): EmfDocument[] {
  return stdout.mock.calls
    .map(([chunk]) => String(chunk))
    .filter((line) => line.startsWith('{"_aws"'))
    .map((line) => JSON.parse(line) as EmfDocument);
}

/** What the use case recorded, as the invocation's flush writes it. */
function flushed(): EmfDocument[] {
  metrics.publishStoredMetrics();
  return emfWritten();
}

/** The metric values of the documents, with the dimensions each was written with: `IdeasSubmitted` → 1, or `TriageDecisions{decision=accept}` → 1. */
function valuesOf(documents: EmfDocument[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const document of documents) {
    const [directive] = document._aws.CloudWatchMetrics;
    const extra = directive!.Dimensions.flat().filter((name) => name !== 'service');
    const suffix = extra.length === 0 ? '' : `{${extra.map((name) => `${name}=${String(document[name])}`).join(',')}}`;
    for (const metric of directive!.Metrics) values[metric.Name + suffix] = document[metric.Name];
  }
  return values;
}

const idea = aSubmission();

describe('the EMF documents', () => {
  it('are in the Spire namespace, with the one service dimension, and carry nothing about the idea or its submitter', async () => {
    // Prepare
    const store = new InMemoryIdeaStore();

    // Act
    const { id } = await submitIdea({ store, queue: new RecordingQueue(), keys: testKeys, limiter: testLimiter().limiter, clock: systemClock }, idea, SUBMITTER);
    const [document, ...more] = flushed();

    // Assess
    expect(more).toEqual([]);
    expect(document?._aws.CloudWatchMetrics).toEqual([{ Namespace: 'Spire', Dimensions: [['service']], Metrics: [{ Name: 'IdeasSubmitted', Unit: 'Count' }] }]);
    expect(Object.keys(document ?? {}).sort()).toEqual(['IdeasSubmitted', '_aws', 'service']);
    expect(document?.['service']).toBe('spire');
    const text = JSON.stringify(document);
    for (const personal of [id, SUBMITTER.sub, SUBMITTER.email!, 'Birthe', idea.title, idea.department]) expect(text).not.toContain(personal);
  });
});

describe('use cases record what happened', () => {
  it('counts an idea submitted once, and not again when the same submit is replayed', async () => {
    // Prepare
    const deps = { store: new InMemoryIdeaStore(), queue: new RecordingQueue(), keys: testKeys, limiter: testLimiter().limiter, clock: systemClock };
    await submitIdea(deps, idea, SUBMITTER, 'retry-me');

    // Act
    await submitIdea(deps, idea, SUBMITTER, 'retry-me');

    // Assess
    expect(valuesOf(flushed())).toEqual({ [METRIC.ideasSubmitted]: 1 });
  });

  it('counts an idea admitted to triage once, however often its message is delivered', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());
    const strategies = new InMemoryStrategyStore({ ...aStrategy(), version: 1, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system' });
    const deps = { store, strategies, index: new InMemorySimilarityIndex(), notifications: new InMemoryNotificationStore(store.log), notify: new RecordingNotifyQueue(), pilots: new InMemoryPilotStore(store.log), clock: systemClock };

    // Act
    await admitToTriage(deps, IDEA_ID);
    await admitToTriage(deps, IDEA_ID);

    // Assess
    expect(valuesOf(flushed())).toEqual({ [METRIC.ideasAdmitted]: 1 });
  });

  it('counts a triage decision by its kind, and a refused one not at all', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage());
    const request = { ideaId: IDEA_ID, decision: { decision: 'park' as const, revisitOn: '2026-06-01' }, caller: TRIAGE };
    const deps = {
      store,
      pilots: new InMemoryPilotStore(store.log),
      notifications: new InMemoryNotificationStore(store.log),
      work: new InMemoryBackgroundWorkStore(store),
      conversation: new InMemoryConversationStore(store.log),
      keys: testKeys,
      clock: fixedClock('2026-01-12T09:00:00.000Z'),
    };
    await decide(deps, { ...request, ifMatch: [2] });

    // Act: the same decision on the version already changed
    await decide(deps, { ...request, ifMatch: [2] }).catch(() => undefined);

    // Assess
    expect(valuesOf(flushed())).toEqual({ [`${METRIC.triageDecisions}{decision=park}`]: 1 });
  });

  it('counts a gate decision by the decision', async () => {
    // Prepare
    const pilots = new InMemoryPilotStore().seed(aPilotReadyToStart());
    const checklist = Object.fromEntries(DEFAULT_GATES.gates.pilot.map((item) => [item.id, true]));

    // Act
    await decideAtGate({ pilots, clock: fixedClock('2026-02-10T10:00:00.000Z') }, { pilotId: PILOT_ID, ifMatch: [1], gate: { decision: 'go', reason: 'Klar', checklist }, caller: TRIAGE });

    // Assess
    expect(valuesOf(flushed())).toEqual({ [`${METRIC.gateDecisions}{decision=go}`]: 1 });
  });

  it('counts an e-mail sent, and an attempt that failed (which still fails, to be retried)', async () => {
    // Prepare
    const notifications = new InMemoryNotificationStore().seed(aNotification(), aNotification({ id: 'second' }));
    const mailer = new RecordingMailer();
    const deps = { notifications, mailer, suppressions: new InMemoryMailSuppressionStore(), clock: systemClock };
    await deliverNotification(deps, aNotification().id);
    mailer.outage = new Error('SES throttled');

    // Act
    const failed = await deliverNotification(deps, 'second').catch((error: unknown) => error);

    // Assess
    expect(failed).toBe(mailer.outage);
    expect(valuesOf(flushed())).toEqual({ [METRIC.notificationsSent]: 1, [METRIC.notificationsFailed]: 1 });
  });
});

describe('route handlers', () => {
  it('write what the request recorded when it ends, without being asked', async () => {
    // Prepare
    const handler = httpRoute(async () => {
      record.ideaSubmitted();
      return json(202, {});
    });

    // Act
    await handler(httpEvent(), lambdaContext());

    // Assess
    expect(valuesOf(emfWritten())).toEqual({ [METRIC.ideasSubmitted]: 1 });
  });

  it('write what was recorded before a request failed', async () => {
    // Prepare
    const handler = httpRoute(async () => {
      record.notificationFailed();
      throw new Error('boom');
    });

    // Act
    const response = await handler(httpEvent(), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(500);
    expect(valuesOf(emfWritten())).toEqual({ [METRIC.notificationsFailed]: 1 });
  });

  it('write nothing at all, not even a warning, for a request that records nothing', async () => {
    // Prepare
    const handler = publicRoute(async () => json(200, { status: 'ok' }));

    // Act
    await handler(httpEvent({ claims: null }), lambdaContext());

    // Assess
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });
});

describe('the sweeper', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const sqsMock = mockClient(SQSClient);

  beforeEach(() => {
    ddbMock.reset();
    sqsMock.reset();
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    ddbMock.on(UpdateCommand).resolves({});
    sqsMock.on(SendMessageBatchCommand).resolves({ Failed: [] });
  });

  it('publishes, every run, the ideas waiting in submitted and the triage backlog from the pipeline counters', async () => {
    // Prepare: one idea stuck in submitted; 7 ideas in triage over two counter shards
    const stuck = { PK: `IDEA#${IDEA_ID}`, SK: 'META', type: 'idea', ...anIdea({ createdAt: '2020-01-01T00:00:00.000Z', statusChangedAt: '2020-01-01T00:00:00.000Z' }) };
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'STATUS#submitted' } }, false).resolves({ Items: [stuck] });
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'PIPELINE' } }, false).resolves({
      Items: [
        { PK: 'PIPELINE', SK: 'SHARD#00', 'c:ideas:status:in_triage': 4, 'c:ideas:status:submitted': 1 },
        { PK: 'PIPELINE', SK: 'SHARD#01', 'c:ideas:status:in_triage': 3 },
      ],
    });
    const { handler } = await import('../../functions/sweeper.ts');

    // Act
    await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(valuesOf(emfWritten())).toEqual({ [METRIC.ideasWaitingInSubmitted]: 1, [METRIC.ideasAbandoned]: 0, [METRIC.ideasInTriage]: 7, [METRIC.notificationsAbandoned]: 0 });
  });

  it('publishes zero when nothing waits, so the alarm and the dashboard have a point every run', async () => {
    // Prepare
    const { handler } = await import('../../functions/sweeper.ts');

    // Act
    await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(valuesOf(emfWritten())).toEqual({ [METRIC.ideasWaitingInSubmitted]: 0, [METRIC.ideasAbandoned]: 0, [METRIC.ideasInTriage]: 0, [METRIC.notificationsAbandoned]: 0 });
  });
});

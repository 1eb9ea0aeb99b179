import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { Idea } from '../../../shared/domain/idea.ts';
import { SqsIntakeQueue } from '../../../shared/queue/intake-queue.ts';
import { SWEEP_SEND_FAILURES_IN_A_ROW, SweepIncompleteError, sweepStuckIdeas, type SweepReport, type SweepSettings } from '../../../shared/intake/sweep.ts';
import { InMemoryIdeaStore, RecordingQueue } from '../support/fakes.ts';
import { anIdea } from '../support/ideas.ts';
import { fixedClock } from '../support/clock.ts';

const NOW = new Date('2026-01-05T12:00:00.000Z');
const clock = fixedClock(NOW);
const settings: SweepSettings = { minAgeSeconds: 120, maxRequeues: 3, batchLimit: 500 };

/** An idea whose status last changed `secondsAgo` before NOW. */
function stuck(n: number, secondsAgo: number, overrides: Partial<Idea> = {}): Idea {
  const at = new Date(NOW.getTime() - secondsAgo * 1000).toISOString();
  return anIdea({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, createdAt: at, statusChangedAt: at, updatedAt: at, ...overrides });
}

describe('sweepStuckIdeas', () => {
  it('re-queues ideas that have been in submitted for longer than the minimum age, oldest first', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(stuck(1, 300), stuck(2, 600), stuck(3, 60));
    const queue = new RecordingQueue();

    // Act
    const report = await sweepStuckIdeas({ store, queue, clock }, settings);

    // Assess
    expect(queue.sent).toEqual([[stuck(2, 600).id, stuck(1, 300).id]]);
    expect(report).toEqual({ found: 2, requeued: 2, givenUp: 0, failed: 0 });
  });

  it('leaves ideas in other statuses alone', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(stuck(1, 900, { status: 'in_triage' }), stuck(2, 900, { status: 'declined' }));
    const queue = new RecordingQueue();

    // Act
    const report = await sweepStuckIdeas({ store, queue, clock }, settings);

    // Assess
    expect(queue.sent).toEqual([]);
    expect(report).toEqual({ found: 0, requeued: 0, givenUp: 0, failed: 0 });
  });

  it('counts each re-queue on the idea', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(stuck(1, 300, { requeueCount: 1 }));
    const queue = new RecordingQueue();

    // Act
    await sweepStuckIdeas({ store, queue, clock }, settings);

    // Assess
    expect(store.ideas.get(stuck(1, 300).id)?.requeueCount).toBe(2);
  });

  it('queues before it counts, so a count never claims a send that did not happen', async () => {
    // Prepare
    const log: string[] = [];
    const idea = stuck(1, 300);
    const store = new InMemoryIdeaStore(log).seed(idea);
    const queue = new RecordingQueue(log);

    // Act
    await sweepStuckIdeas({ store, queue, clock }, settings);

    // Assess
    expect(log).toEqual([`queue.enqueue ${idea.id}`, `store.recordRequeue ${idea.id}`]);
  });

  it('gives up on an idea after the maximum number of re-queues, leaving it for a person with an audit event', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(stuck(1, 300, { requeueCount: 3 }), stuck(2, 300, { requeueCount: 2 }));
    const queue = new RecordingQueue();

    // Act
    const report = await sweepStuckIdeas({ store, queue, clock }, settings);

    // Assess
    expect(queue.sent).toEqual([[stuck(2, 300).id]]);
    expect(store.ideas.get(stuck(1, 300).id)).toMatchObject({ status: 'submitted', requeueCount: 3, intakeAbandonedAt: NOW.toISOString(), version: 2 });
    expect(store.events).toEqual([{ ideaId: stuck(1, 300).id, version: 2, at: NOW.toISOString(), from: 'submitted', to: 'submitted', change: 'intake_abandoned', actor: { kind: 'system' } }]);
    expect(report).toEqual({ found: 2, requeued: 1, givenUp: 1, failed: 0 });
  });

  it('takes given-up ideas off its list, so the next run reaches newer stuck ideas however many were given up', async () => {
    // Prepare: more given-up ideas than one run reads, ahead of a newer stuck one.
    const givenUp = Array.from({ length: 7 }, (_, n) => stuck(n, 900 - n, { requeueCount: 3 }));
    const newer = stuck(100, 300);
    const store = new InMemoryIdeaStore().seed(...givenUp, newer);
    const queue = new RecordingQueue();
    const small = { ...settings, batchLimit: 5 };

    // Act
    const first = await sweepStuckIdeas({ store, queue, clock }, small);
    const second = await sweepStuckIdeas({ store, queue, clock }, small);
    const third = await sweepStuckIdeas({ store, queue, clock }, small);

    // Assess
    expect(first).toEqual({ found: 5, requeued: 0, givenUp: 5, failed: 0 });
    expect(second).toEqual({ found: 3, requeued: 1, givenUp: 2, failed: 0 });
    expect(third).toEqual({ found: 1, requeued: 1, givenUp: 0, failed: 0 });
    expect(queue.sent).toEqual([[newer.id], [newer.id]]);
    expect(await store.listInStatusSince('submitted', NOW.toISOString(), 100)).toEqual([store.ideas.get(newer.id)]);
  });

  it('lists given-up ideas in the triage inbox', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(stuck(1, 300, { requeueCount: 3 }));

    // Act
    await sweepStuckIdeas({ store, queue: new RecordingQueue(), clock }, settings);

    // Assess
    const inbox = await store.listInbox({ status: 'submitted' }, 'age', 25);
    expect(inbox.items.map((row) => row.id)).toEqual([stuck(1, 300).id]);
  });

  it('leaves an idea admitted while it was being given up to its new status', async () => {
    // Prepare: intake admits the idea between the sweeper's read and its give-up.
    const idea = stuck(1, 300, { requeueCount: 3 });
    const store = new InMemoryIdeaStore().seed(idea);
    const listed = await store.listInStatusSince('submitted', NOW.toISOString(), 10);
    store.listInStatusSince = async () => listed;
    await store.transition({ idea, to: 'in_triage', actor: { kind: 'system' }, at: NOW.toISOString() });

    // Act
    const report = await sweepStuckIdeas({ store, queue: new RecordingQueue(), clock }, settings);

    // Assess
    expect(report).toEqual({ found: 1, requeued: 0, givenUp: 0, failed: 0 });
    expect(store.ideas.get(idea.id)).toMatchObject({ status: 'in_triage' });
    expect(store.ideas.get(idea.id)?.intakeAbandonedAt).toBeUndefined();
  });

  it('sends nothing when every stuck idea has been given up on', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(stuck(1, 300, { requeueCount: 3 }));
    const queue = new RecordingQueue();

    // Act
    const report = await sweepStuckIdeas({ store, queue, clock }, settings);

    // Assess
    expect(queue.log).toEqual([]);
    expect(report).toEqual({ found: 1, requeued: 0, givenUp: 1, failed: 0 });
  });

  it('reports sends that failed and does not count them as re-queues', async () => {
    // Prepare
    const refused = stuck(1, 300);
    const store = new InMemoryIdeaStore().seed(refused, stuck(2, 300));
    const queue = new RecordingQueue();
    queue.refuses = (id) => id === refused.id;

    // Act
    const report = await sweepStuckIdeas({ store, queue, clock }, settings);

    // Assess
    expect(report).toEqual({ found: 2, requeued: 1, givenUp: 0, failed: 1 });
    expect(store.ideas.get(refused.id)?.requeueCount).toBe(0);
    expect(store.ideas.get(stuck(2, 300).id)?.requeueCount).toBe(1);
  });

  it('looks at no more than the batch limit in one run', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(...Array.from({ length: 7 }, (_, n) => stuck(n, 300 + n)));
    const queue = new RecordingQueue();

    // Act
    const report = await sweepStuckIdeas({ store, queue, clock }, { ...settings, batchLimit: 5 });

    // Assess
    expect(report.found).toBe(5);
    expect(queue.sent.flat()).toHaveLength(5);
  });

  it('uses the minimum age as the cut-off, exclusive', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(stuck(1, 120), stuck(2, 121));
    const queue = new RecordingQueue();

    // Act
    await sweepStuckIdeas({ store, queue, clock }, settings);

    // Assess
    expect(queue.sent).toEqual([[stuck(2, 121).id]]);
  });
});

/** The intake queue, failing the sends whose number (1, 2, …, over its life) `fails` says. */
class FlakyQueue extends RecordingQueue {
  calls = 0;
  fails: (call: number) => boolean;

  constructor(fails: (call: number) => boolean) {
    super();
    this.fails = fails;
  }

  override async enqueue(ideaIds: readonly string[]): Promise<string[]> {
    this.calls++;
    if (this.fails(this.calls)) throw Object.assign(new Error('We encountered an internal error. Please try again.'), { name: 'InternalFailure' });
    return super.enqueue(ideaIds);
  }
}

/** A run that met failed calls: it does the rest of its work, then fails with SweepIncompleteError carrying its report. */
async function incomplete(run: Promise<SweepReport>): Promise<SweepReport> {
  const error = await run.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(SweepIncompleteError);
  return (error as SweepIncompleteError).report;
}

const throttled = () => Object.assign(new Error('The level of configured provisioned throughput for the table was exceeded.'), { name: 'ProvisionedThroughputExceededException' });

describe('sweepStuckIdeas when SQS or DynamoDB fail now and then', () => {
  it('goes on after a failed send: the ideas of the other sends are queued and counted, the failed ones left for the next run, and then fails the run', async () => {
    // Prepare: 25 stuck ideas, three sends; the second fails.
    const ideas = Array.from({ length: 25 }, (_, n) => stuck(n, 900 - n));
    const store = new InMemoryIdeaStore().seed(...ideas);
    const queue = new FlakyQueue((call) => call === 2);

    // Act
    const run = sweepStuckIdeas({ store, queue, clock }, settings);
    await expect(run).rejects.toThrow(/^The sweep of stuck ideas did the rest of its work, but 1 call\(s\) failed; the next run tries them again\. The first: InternalFailure: We encountered an internal error/);
    const report = await incomplete(run);

    // Assess
    expect(report).toEqual({ found: 25, requeued: 15, givenUp: 0, failed: 10 });
    expect(queue.sent).toEqual([ideas.slice(0, 10).map((idea) => idea.id), ideas.slice(20).map((idea) => idea.id)]);
    expect(ideas.map((idea) => store.ideas.get(idea.id)?.requeueCount)).toEqual([...Array(10).fill(1), ...Array(10).fill(0), ...Array(5).fill(1)]);
  });

  it('still gives up on the ideas due for it in a run whose send failed', async () => {
    // Prepare
    const due = stuck(1, 900, { requeueCount: 3 });
    const store = new InMemoryIdeaStore().seed(due, stuck(2, 600));
    const queue = new FlakyQueue(() => true);

    // Act
    const report = await incomplete(sweepStuckIdeas({ store, queue, clock }, settings));

    // Assess
    expect(report).toEqual({ found: 2, requeued: 0, givenUp: 1, failed: 1 });
    expect(store.ideas.get(due.id)?.intakeAbandonedAt).toBe(NOW.toISOString());
  });

  it(`takes the queue as down after ${SWEEP_SEND_FAILURES_IN_A_ROW} failed sends in a row, and tries no more in that run`, async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(...Array.from({ length: 80 }, (_, n) => stuck(n, 900 - n)));
    const queue = new FlakyQueue(() => true);

    // Act
    const run = sweepStuckIdeas({ store, queue, clock }, settings);
    await expect(run).rejects.toThrow('(the intake queue taken as down)');
    const report = await incomplete(run);

    // Assess
    expect(queue.calls).toBe(SWEEP_SEND_FAILURES_IN_A_ROW);
    expect(report).toEqual({ found: 80, requeued: 0, givenUp: 0, failed: 80 });
  });

  it('leaves a re-queue it could not count, or a give-up it could not write, to the next run and goes on with the others', async () => {
    // Prepare: DynamoDB throttles the count of one re-queue and one give-up.
    const uncounted = stuck(1, 900);
    const notGivenUp = stuck(2, 900, { requeueCount: 3 });
    const store = new InMemoryIdeaStore().seed(uncounted, stuck(3, 800), notGivenUp, stuck(4, 800, { requeueCount: 3 }));
    const recordRequeue = store.recordRequeue.bind(store);
    const transition = store.transition.bind(store);
    store.recordRequeue = async (idea) => (idea.id === uncounted.id ? Promise.reject(throttled()) : recordRequeue(idea));
    store.transition = async (change, ...alongside) => (change.idea.id === notGivenUp.id ? Promise.reject(throttled()) : transition(change, ...alongside));

    // Act
    const report = await incomplete(sweepStuckIdeas({ store, queue: new RecordingQueue(), clock }, settings));

    // Assess
    expect(report).toEqual({ found: 4, requeued: 2, givenUp: 1, failed: 0 });
    expect(store.ideas.get(stuck(3, 800).id)?.requeueCount).toBe(1);
    expect(store.ideas.get(uncounted.id)?.requeueCount).toBe(0);
    expect(store.ideas.get(stuck(4, 800).id)?.intakeAbandonedAt).toBe(NOW.toISOString());
    expect(store.ideas.get(notGivenUp.id)?.intakeAbandonedAt).toBeUndefined();
  });

  it('with many ideas that cannot be admitted and one SQS request in four failing, still queues the idea behind them and gives them up in the end', async () => {
    // Prepare: 60 ideas the worker cannot admit (they stay submitted), a newer one behind them,
    // and SQS failing one SendMessageBatch in four, so that every run meets a failure. Before, the
    // run ended at it: the ideas behind it were never queued, and no count grew towards the give-up.
    const cannotBeAdmitted = Array.from({ length: 60 }, (_, n) => stuck(n, 900 - n));
    const newer = stuck(100, 300);
    const store = new InMemoryIdeaStore().seed(...cannotBeAdmitted, newer);
    const sqs = mockClient(SQSClient);
    const sent: string[] = [];
    let requests = 0;
    sqs.on(SendMessageBatchCommand).callsFake((input: { Entries: { MessageBody: string }[] }) => {
      if (++requests % 4 === 2) throw Object.assign(new Error('We encountered an internal error. Please try again.'), { name: 'InternalFailure' });
      sent.push(...input.Entries.map((entry) => (JSON.parse(entry.MessageBody) as { ideaId: string }).ideaId));
      return { Successful: [], Failed: [] };
    });
    const queue = new SqsIntakeQueue(new SQSClient({}), 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-intake');

    // Act: the sweeper's schedule, ten runs (nothing admits any idea here, the newer one included).
    const reports: SweepReport[] = [];
    try {
      for (let run = 0; run < 10; run++) {
        reports.push(await sweepStuckIdeas({ store, queue, clock }, settings).catch((error: unknown) => (error instanceof SweepIncompleteError ? error.report : Promise.reject(error))));
      }
    } finally {
      sqs.restore();
    }

    // Assess
    expect(sent).toContain(newer.id);
    expect(cannotBeAdmitted.every((idea) => store.ideas.get(idea.id)?.intakeAbandonedAt !== undefined)).toBe(true);
    expect(reports.reduce((sum, report) => sum + report.givenUp, 0)).toBe(61);
  });
});

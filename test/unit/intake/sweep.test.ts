import { describe, expect, it } from 'vitest';
import type { Idea } from '../../../shared/domain/idea.ts';
import { sweepStuckIdeas, type SweepSettings } from '../../../shared/intake/sweep.ts';
import { InMemoryIdeaStore, RecordingQueue } from '../support/fakes.ts';
import { anIdea } from '../support/ideas.ts';

const NOW = new Date('2026-01-05T12:00:00.000Z');
const now = () => NOW;
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
    const report = await sweepStuckIdeas(store, queue, settings, now);

    // Assess
    expect(queue.sent).toEqual([[stuck(2, 600).id, stuck(1, 300).id]]);
    expect(report).toEqual({ found: 2, requeued: 2, givenUp: 0, failed: 0 });
  });

  it('leaves ideas in other statuses alone', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(stuck(1, 900, { status: 'in_triage' }), stuck(2, 900, { status: 'declined' }));
    const queue = new RecordingQueue();

    // Act
    const report = await sweepStuckIdeas(store, queue, settings, now);

    // Assess
    expect(queue.sent).toEqual([]);
    expect(report).toEqual({ found: 0, requeued: 0, givenUp: 0, failed: 0 });
  });

  it('counts each re-queue on the idea', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(stuck(1, 300, { requeueCount: 1 }));
    const queue = new RecordingQueue();

    // Act
    await sweepStuckIdeas(store, queue, settings, now);

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
    await sweepStuckIdeas(store, queue, settings, now);

    // Assess
    expect(log).toEqual([`queue.enqueue ${idea.id}`, `store.recordRequeue ${idea.id}`]);
  });

  it('gives up on an idea after the maximum number of re-queues, leaving it for a person with an audit event', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(stuck(1, 300, { requeueCount: 3 }), stuck(2, 300, { requeueCount: 2 }));
    const queue = new RecordingQueue();

    // Act
    const report = await sweepStuckIdeas(store, queue, settings, now);

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
    const first = await sweepStuckIdeas(store, queue, small, now);
    const second = await sweepStuckIdeas(store, queue, small, now);
    const third = await sweepStuckIdeas(store, queue, small, now);

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
    await sweepStuckIdeas(store, new RecordingQueue(), settings, now);

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
    const report = await sweepStuckIdeas(store, new RecordingQueue(), settings, now);

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
    const report = await sweepStuckIdeas(store, queue, settings, now);

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
    const report = await sweepStuckIdeas(store, queue, settings, now);

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
    const report = await sweepStuckIdeas(store, queue, { ...settings, batchLimit: 5 }, now);

    // Assess
    expect(report.found).toBe(5);
    expect(queue.sent.flat()).toHaveLength(5);
  });

  it('uses the minimum age as the cut-off, exclusive', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(stuck(1, 120), stuck(2, 121));
    const queue = new RecordingQueue();

    // Act
    await sweepStuckIdeas(store, queue, settings, now);

    // Assess
    expect(queue.sent).toEqual([[stuck(2, 121).id]]);
  });
});

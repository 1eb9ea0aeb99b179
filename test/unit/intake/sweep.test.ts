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

  it('gives up on an idea after the maximum number of re-queues, leaving it for a person', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(stuck(1, 300, { requeueCount: 3 }), stuck(2, 300, { requeueCount: 2 }));
    const queue = new RecordingQueue();

    // Act
    const report = await sweepStuckIdeas(store, queue, settings, now);

    // Assess
    expect(queue.sent).toEqual([[stuck(2, 300).id]]);
    expect(store.ideas.get(stuck(1, 300).id)?.requeueCount).toBe(3);
    expect(report).toEqual({ found: 2, requeued: 1, givenUp: 1, failed: 0 });
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

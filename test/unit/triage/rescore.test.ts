import { describe, expect, it } from 'vitest';
import type { RescoreQueue } from '../../../shared/queue/rescore-queue.ts';
import type { RescoreMessage } from '../../../shared/schemas/rescore.ts';
import { RESCORE_PAGE_SIZE, RESCORE_STATUSES, rescorePage, startRescore } from '../../../shared/triage/rescore.ts';
import { InMemoryIdeaStore, InMemoryStrategyStore } from '../support/fakes.ts';
import { anIdea } from '../support/ideas.ts';
import { aStrategy } from '../support/strategy.ts';

const AT = '2026-11-22T10:00:00.000Z';

class RecordingRescoreQueue implements RescoreQueue {
  readonly sent: RescoreMessage[] = [];
  async send(messages: readonly RescoreMessage[]): Promise<void> {
    this.sent.push(...messages);
  }
}

function setup(count: number) {
  const store = new InMemoryIdeaStore();
  for (let n = 0; n < count; n++) {
    store.seed(
      anIdea({
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        status: 'in_triage',
        version: 2,
        statusChangedAt: `2026-11-01T10:00:${String(n % 60).padStart(2, '0')}.000Z`,
        themeAlignment: { strategyVersion: 1, scores: [] },
        scorecard: { strategyVersion: 1, scores: { benefit: { value: 1, source: 'triage' } }, priority: 5, complete: false, scoredAt: AT, scoredBy: 'tove' },
      }),
    );
  }
  const strategies = new InMemoryStrategyStore(
    { ...aStrategy(), version: 1, createdAt: AT, createdBy: 'system' },
    { ...aStrategy(), version: 2, createdAt: AT, createdBy: 'admin' },
  );
  const queue = new RecordingRescoreQueue();
  return { store, strategies, queue, deps: { store, strategies, queue, now: () => new Date(AT) } };
}

describe('startRescore', () => {
  it('queues one job per undecided status against the current version', async () => {
    const { deps, queue } = setup(0);

    const started = await startRescore(deps);

    expect(started).toEqual({ strategyVersion: 2 });
    expect(queue.sent).toEqual(RESCORE_STATUSES.map((status) => ({ strategyVersion: 2, status })));
  });
});

describe('rescorePage', () => {
  it('re-aligns a page, keeps triage’s scores, audits each change and queues the next page', async () => {
    // Prepare
    const { deps, store, queue } = setup(RESCORE_PAGE_SIZE + 3);

    // Act
    const report = await rescorePage(deps, { strategyVersion: 2, status: 'in_triage' });

    // Assess
    expect(report).toEqual({ rescored: RESCORE_PAGE_SIZE, unchanged: 0, next: true });
    expect(queue.sent).toEqual([{ strategyVersion: 2, status: 'in_triage', cursor: String(RESCORE_PAGE_SIZE) }]);
    const first = [...store.ideas.values()][0];
    expect(first?.themeAlignment?.strategyVersion).toBe(2);
    expect(first?.scorecard?.scores['benefit']).toEqual({ value: 1, source: 'triage' });
    expect(first?.scorecard?.strategyVersion).toBe(2);
    expect(store.events.every((event) => event.change === 'rescore' && event.actor.kind === 'system')).toBe(true);
  });

  it('changes nothing the second time a page is delivered', async () => {
    // Prepare
    const { deps, store } = setup(3);
    await rescorePage(deps, { strategyVersion: 2, status: 'in_triage' });
    const eventsBefore = store.events.length;

    // Act
    const again = await rescorePage(deps, { strategyVersion: 2, status: 'in_triage' });

    // Assess
    expect(again).toEqual({ rescored: 0, unchanged: 3, next: false });
    expect(store.events).toHaveLength(eventsBefore);
  });

  it('stops a job whose strategy version is no longer current', async () => {
    const { deps, store, queue } = setup(3);

    const report = await rescorePage(deps, { strategyVersion: 1, status: 'in_triage' });

    expect(report).toEqual({ rescored: 0, unchanged: 0, next: false });
    expect(store.events).toEqual([]);
    expect(queue.sent).toEqual([]);
  });
});

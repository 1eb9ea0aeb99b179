import { describe, expect, it } from 'vitest';
import type { Idea } from '../../../shared/domain/idea.ts';
import type { RescoreQueue } from '../../../shared/queue/rescore-queue.ts';
import { RESCORE_PAGE_SIZE, RescoreMessage } from '../../../shared/schemas/rescore.ts';
import { VersionConflictError, type Transition } from '../../../shared/store/ports.ts';
import { RESCORE_STATUSES } from '../../../shared/domain/rescore.ts';
import { newRescoreJobId, rescorePage, startRescore } from '../../../shared/triage/rescore.ts';
import { InMemoryIdeaStore, InMemoryRescoreJobStore, InMemoryStrategyStore } from '../support/fakes.ts';
import { anIdea } from '../support/ideas.ts';
import { aStrategy } from '../support/strategy.ts';
import { fixedClock } from '../support/clock.ts';

const AT = '2026-11-22T10:00:00.000Z';
const JOB_ID = '20261122T100000000Z-0000abcd';

class RecordingRescoreQueue implements RescoreQueue {
  /** Each send, as the messages it carried. */
  readonly sends: RescoreMessage[][] = [];
  async send(messages: readonly RescoreMessage[]): Promise<void> {
    this.sends.push(structuredClone([...messages]));
  }
  get sent(): RescoreMessage[] {
    return this.sends.flat();
  }
}

const ideaId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Idea n, undecided in `status`, aligned with strategy version 1 and scored by triage. */
function undecided(n: number, status: Idea['status'] = 'in_triage', overrides: Partial<Idea> = {}): Idea {
  return anIdea({
    id: ideaId(n),
    status,
    version: 2,
    statusChangedAt: new Date(Date.parse('2026-11-01T10:00:00.000Z') + n * 1000).toISOString(),
    themeAlignment: { strategyVersion: 1, scores: [] },
    scorecard: { strategyVersion: 1, scores: { benefit: { value: 1, source: 'triage' } }, priority: 5, complete: false, scoredAt: AT, scoredBy: 'tove' },
    ...overrides,
  });
}

function setup(...ideas: Idea[]) {
  const log: string[] = [];
  const store = new InMemoryIdeaStore(log).seed(...ideas);
  const strategies = new InMemoryStrategyStore({ ...aStrategy(), version: 1, createdAt: AT, createdBy: 'system' }, { ...aStrategy(), version: 2, createdAt: AT, createdBy: 'admin' });
  const jobs = new InMemoryRescoreJobStore(log);
  const queue = new RecordingRescoreQueue();
  return { log, store, strategies, jobs, queue, deps: { store, strategies, jobs, queue, clock: fixedClock(AT) } };
}

/** A job of strategy version 2, as the start leaves it. */
async function aStartedJob(jobs: InMemoryRescoreJobStore, pages: number): Promise<void> {
  await jobs.create({ id: JOB_ID, strategyVersion: 2, startedAt: AT, startedBy: 'admin-1' });
  await jobs.addQueued(JOB_ID, pages, pages * RESCORE_PAGE_SIZE);
  await jobs.finishQueueing(JOB_ID, AT);
}

const message = (ideaIds: string[], overrides: Partial<RescoreMessage> = {}): RescoreMessage => ({ jobId: JOB_ID, strategyVersion: 2, page: 0, ideaIds, ...overrides });

describe('startRescore', () => {
  it('queues the ids of every undecided idea, 25 to a message and ten messages a send, across the statuses', async () => {
    // Prepare: 260 in triage, 10 waiting for an answer, 3 parked, and decided and new ideas that are not re-scored.
    const ideas = [
      ...Array.from({ length: 260 }, (_, n) => undecided(n)),
      ...Array.from({ length: 10 }, (_, n) => undecided(1000 + n, 'needs_info')),
      ...Array.from({ length: 3 }, (_, n) => undecided(2000 + n, 'parked')),
      undecided(3000, 'accepted'),
      undecided(3001, 'submitted'),
    ];
    const { deps, queue } = setup(...ideas);

    // Act
    const progress = await startRescore(deps, 'admin-1');

    // Assess
    const undecidedIds = ideas.filter((idea) => RESCORE_STATUSES.includes(idea.status)).map((idea) => idea.id);
    expect(queue.sent.flatMap((sent) => sent.ideaIds)).toEqual(undecidedIds);
    expect(queue.sends.map((send) => send.length)).toEqual([10, 1]);
    expect(queue.sent.map((sent) => sent.ideaIds.length)).toEqual([...Array.from({ length: 10 }, () => 25), 23]);
    expect(queue.sent.map((sent) => sent.page)).toEqual(Array.from({ length: 11 }, (_, n) => n));
    expect(queue.sent.every((sent) => sent.jobId === progress.jobId && sent.strategyVersion === 2)).toBe(true);
    expect(queue.sent.every((sent) => RescoreMessage.safeParse(sent).success)).toBe(true);
    expect(progress).toEqual({ jobId: progress.jobId, strategyVersion: 2, status: 'running', pagesQueued: 11, ideasQueued: 273, pagesDone: 0 });
  });

  it('records on the job what it queued after each send, and that all is queued at the end', async () => {
    // Prepare
    const { deps, log, jobs } = setup(...Array.from({ length: 251 }, (_, n) => undecided(n)));

    // Act
    const progress = await startRescore(deps, 'admin-1');

    // Assess
    expect(log.filter((entry) => entry.startsWith('jobs.'))).toEqual([`jobs.create ${progress.jobId}`, 'jobs.addQueued 10 250', 'jobs.addQueued 1 1', 'jobs.finishQueueing']);
    expect(await jobs.get(progress.jobId)).toEqual({
      id: progress.jobId,
      strategyVersion: 2,
      startedAt: AT,
      startedBy: 'admin-1',
      pagesQueued: 11,
      ideasQueued: 251,
      queuedAt: AT,
      pagesDone: 0,
    });
  });

  it('reads the status index a send’s worth of ids at a time, never the whole list at once', async () => {
    // Prepare
    const { deps, log } = setup(...Array.from({ length: 600 }, (_, n) => undecided(n)));

    // Act
    await startRescore(deps, 'admin-1');

    // Assess: 250, 250, 100 in triage, then one read each of the other two statuses.
    expect(log.filter((entry) => entry.startsWith('store.listIdsInStatus'))).toEqual([
      'store.listIdsInStatus in_triage',
      'store.listIdsInStatus in_triage',
      'store.listIdsInStatus in_triage',
      'store.listIdsInStatus needs_info',
      'store.listIdsInStatus parked',
    ]);
  });

  it('with nothing undecided, queues nothing and the job is done at once', async () => {
    const { deps, queue } = setup(undecided(1, 'declined'));

    const progress = await startRescore(deps, 'admin-1');

    expect(queue.sends).toEqual([]);
    expect(progress).toMatchObject({ status: 'done', pagesQueued: 0, ideasQueued: 0 });
  });
});

describe('newRescoreJobId', () => {
  it('sorts by the time the job started and is valid in a message', () => {
    const earlier = newRescoreJobId(new Date('2026-11-22T09:59:59.999Z'));
    const later = newRescoreJobId(new Date('2026-11-22T10:00:00.000Z'));

    expect(earlier < later).toBe(true);
    expect(later).toMatch(/^20261122T100000000Z-[0-9a-f]{8}$/);
    expect(RescoreMessage.safeParse(message([ideaId(1)], { jobId: later })).success).toBe(true);
  });
});

describe('rescorePage', () => {
  it('re-aligns exactly the ideas of its message, keeps triage’s scores, audits each change and marks the page done', async () => {
    // Prepare
    const { deps, store, jobs } = setup(undecided(1), undecided(2, 'needs_info'), undecided(3, 'parked'), undecided(4));
    await aStartedJob(jobs, 1);

    // Act
    const report = await rescorePage(deps, message([ideaId(1), ideaId(2), ideaId(3)]));

    // Assess
    expect(report).toEqual({ rescored: 3, unchanged: 0, superseded: false });
    for (const n of [1, 2, 3]) {
      const idea = store.ideas.get(ideaId(n));
      expect(idea?.themeAlignment?.strategyVersion).toBe(2);
      expect(idea?.scorecard?.strategyVersion).toBe(2);
      expect(idea?.scorecard?.scores['benefit']).toEqual({ value: 1, source: 'triage' });
    }
    expect(store.ideas.get(ideaId(4))?.themeAlignment?.strategyVersion).toBe(1);
    expect(store.events.map((event) => [event.ideaId, event.change, event.actor.kind])).toEqual([1, 2, 3].map((n) => [ideaId(n), 'rescore', 'system']));
    expect(await jobs.get(JOB_ID)).toMatchObject({ pagesQueued: 1, pagesDone: 1 });
  });

  it('changes nothing and counts the page once when the message is delivered again', async () => {
    // Prepare
    const { deps, store, jobs } = setup(undecided(1), undecided(2));
    await aStartedJob(jobs, 1);
    await rescorePage(deps, message([ideaId(1), ideaId(2)]));
    const eventsBefore = store.events.length;

    // Act
    const again = await rescorePage(deps, message([ideaId(1), ideaId(2)]));

    // Assess
    expect(again).toEqual({ rescored: 0, unchanged: 2, superseded: false });
    expect(store.events).toHaveLength(eventsBefore);
    expect(await jobs.get(JOB_ID)).toMatchObject({ pagesQueued: 1, pagesDone: 1 });
  });

  it('leaves alone ideas decided since they were queued, and ideas that are gone', async () => {
    // Prepare
    const { deps, store, jobs } = setup(undecided(1, 'accepted'), undecided(2, 'withdrawn'));
    await aStartedJob(jobs, 1);

    // Act
    const report = await rescorePage(deps, message([ideaId(1), ideaId(2), ideaId(3)]));

    // Assess
    expect(report).toEqual({ rescored: 0, unchanged: 3, superseded: false });
    expect(store.events).toEqual([]);
    expect(await jobs.get(JOB_ID)).toMatchObject({ pagesDone: 1 });
  });

  it('stops a job whose strategy version is no longer current, and says so on the job', async () => {
    // Prepare
    const { deps, store, jobs } = setup(undecided(1));
    await jobs.create({ id: JOB_ID, strategyVersion: 1, startedAt: AT, startedBy: 'admin-1' });

    // Act
    const report = await rescorePage(deps, message([ideaId(1)], { strategyVersion: 1 }));

    // Assess
    expect(report).toEqual({ rescored: 0, unchanged: 0, superseded: true });
    expect(store.events).toEqual([]);
    expect(await jobs.get(JOB_ID)).toMatchObject({ supersededAt: AT, pagesDone: 0 });
  });

  it('reads an idea again when somebody changed it meanwhile, and re-scores what it reads', async () => {
    // Prepare: triage assigns the idea just after the page read it.
    const { deps, store, jobs } = setup(undecided(1));
    await aStartedJob(jobs, 1);
    const transition = store.transition.bind(store);
    let interfered = false;
    store.transition = async (change: Transition) => {
      if (!interfered) {
        interfered = true;
        await transition({ idea: change.idea, to: change.idea.status, change: 'assignment', actor: { kind: 'staff', sub: 'tove' }, at: AT, set: { assignee: { sub: 'tove' } } });
      }
      return transition(change);
    };

    // Act
    const report = await rescorePage(deps, message([ideaId(1)]));

    // Assess
    expect(report.rescored).toBe(1);
    expect(store.ideas.get(ideaId(1))).toMatchObject({ version: 4, assignee: { sub: 'tove' }, themeAlignment: { strategyVersion: 2 } });
  });

  it('fails the page, without marking it done, when an idea keeps changing under it', async () => {
    // Prepare
    const { deps, store, jobs } = setup(undecided(1));
    await aStartedJob(jobs, 1);
    store.transition = async (change: Transition) => {
      throw new VersionConflictError({ kind: 'idea', id: change.idea.id, expectedVersion: change.idea.version }, `Idea ${change.idea.id} changed`);
    };

    // Act
    const run = rescorePage(deps, message([ideaId(1)]));

    // Assess
    await expect(run).rejects.toBeInstanceOf(VersionConflictError);
    expect(await jobs.get(JOB_ID)).toMatchObject({ pagesDone: 0 });
  });
});

describe('RescoreMessage', () => {
  it('takes at most one page of ids, and at least one', () => {
    const ids = Array.from({ length: RESCORE_PAGE_SIZE + 1 }, (_, n) => ideaId(n));

    expect(RescoreMessage.safeParse(message(ids.slice(0, RESCORE_PAGE_SIZE))).success).toBe(true);
    expect(RescoreMessage.safeParse(message(ids)).success).toBe(false);
    expect(RescoreMessage.safeParse(message([])).success).toBe(false);
  });

  it('refuses the old shape that named a status and a cursor', () => {
    expect(RescoreMessage.safeParse({ strategyVersion: 2, status: 'in_triage', cursor: 'abc' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { PendingWorkIncompleteError, sweepPendingWork } from '../../../shared/notify/sweep.ts';
import { supporterHash } from '../../../shared/triage/merge.ts';
import { readIdeaRecord } from '../../../shared/views/idea-record.ts';
import { InMemoryBackgroundWorkStore, InMemoryConversationStore, InMemoryIdeaStore, InMemoryNotificationStore, RecordingNotifyQueue } from '../support/fakes.ts';
import { TEST_KEYS, testKeys } from '../support/secret.ts';
import { aNotification, anIdeaInTriage, COLLEAGUE, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_SUB } from '../support/ideas.ts';
import { fixedClock } from '../support/clock.ts';

const NOW = new Date('2026-01-05T12:00:00.000Z');
const settings = { minAgeSeconds: 120, maxRequeues: 5, batchLimit: 500 };

const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();

function setup() {
  const store = new InMemoryIdeaStore();
  const conversation = new InMemoryConversationStore(store.log);
  const work = new InMemoryBackgroundWorkStore(store);
  const notifications = new InMemoryNotificationStore(store.log);
  const queue = new RecordingNotifyQueue();
  return { store, conversation, work, notifications, queue, deps: { store, conversation, work, notifications, queue, keys: testKeys, clock: fixedClock(NOW) } };
}

/** IDEA_ID, merged into OTHER_IDEA_ID `secondsAgo`, with one supporter still to carry over. */
async function interruptedMerge(
  { store, conversation, work }: { store: InMemoryIdeaStore; conversation: InMemoryConversationStore; work: InMemoryBackgroundWorkStore },
  secondsAgo: number,
  ideaId = IDEA_ID,
) {
  store.seed(anIdeaInTriage({ id: ideaId, status: 'duplicate', version: 3 }), anIdeaInTriage({ id: OTHER_IDEA_ID }));
  await conversation.addSupporter(ideaId, supporterHash(TEST_KEYS, COLLEAGUE.sub), ago(secondsAgo));
  work.mergeJobs.set(ideaId, { ideaId, into: OTHER_IDEA_ID, at: ago(secondsAgo) });
}

describe('sweepPendingWork', () => {
  it('queues again the notifications never delivered, oldest first', async () => {
    // Prepare
    const { notifications, queue, deps } = setup();
    notifications.seed(aNotification({ id: 'a.v2', createdAt: ago(300) }), aNotification({ id: 'b.v2', createdAt: ago(3600) }));

    // Act
    const report = await sweepPendingWork(deps, settings);

    // Assess
    expect(queue.sent).toEqual([['b.v2', 'a.v2']]);
    expect(report).toEqual({ notificationsRequeued: 2, notificationsAbandoned: 0, mergesFinished: 0 });
  });

  it('leaves notifications younger than the minimum age, and those already sent', async () => {
    // Prepare: the function that stored the young one may still be queueing it.
    const { notifications, queue, deps } = setup();
    notifications.seed(aNotification({ id: 'young.v2', createdAt: ago(60) }), aNotification({ id: 'sent.v2', createdAt: ago(3600), sentAt: ago(3590) }));

    // Act
    const report = await sweepPendingWork(deps, settings);

    // Assess
    expect(queue.sent).toEqual([]);
    expect(report).toEqual({ notificationsRequeued: 0, notificationsAbandoned: 0, mergesFinished: 0 });
  });

  it('does not count the notifications the queue refused', async () => {
    // Prepare
    const { notifications, queue, deps } = setup();
    notifications.seed(aNotification({ id: 'a.v2', createdAt: ago(300) }), aNotification({ id: 'b.v2', createdAt: ago(300) }));
    queue.refuses = (id) => id === 'a.v2';

    // Act
    const report = await sweepPendingWork(deps, settings);

    // Assess
    expect(report.notificationsRequeued).toBe(1);
    expect(notifications.pending()).toHaveLength(2);
  });

  it('finishes a merge left half done: the supporters and the submitter are carried over and the job is completed', async () => {
    // Prepare
    const { store, conversation, work, deps } = setup();
    await interruptedMerge({ store, conversation, work }, 600);

    // Act
    const report = await sweepPendingWork(deps, settings);

    // Assess
    expect(report).toEqual({ notificationsRequeued: 0, notificationsAbandoned: 0, mergesFinished: 1 });
    expect(new Set(await conversation.listSupporters(OTHER_IDEA_ID))).toEqual(new Set([supporterHash(TEST_KEYS, COLLEAGUE.sub), supporterHash(TEST_KEYS, SUBMITTER_SUB)]));
    expect(work.mergeJobs.size).toBe(0);
  });

  it('leaves a merge younger than the minimum age to the function still at it', async () => {
    // Prepare
    const { store, conversation, work, deps } = setup();
    await interruptedMerge({ store, conversation, work }, 30);

    // Act
    const report = await sweepPendingWork(deps, settings);

    // Assess
    expect(report.mergesFinished).toBe(0);
    expect(await conversation.listSupporters(OTHER_IDEA_ID)).toEqual([]);
    expect(work.mergeJobs.has(IDEA_ID)).toBe(true);
  });

  it('finds nothing to do the second time', async () => {
    // Prepare
    const { store, conversation, work, queue, deps } = setup();
    await interruptedMerge({ store, conversation, work }, 600);
    await sweepPendingWork(deps, settings);

    // Act
    const report = await sweepPendingWork(deps, settings);

    // Assess
    expect(report).toEqual({ notificationsRequeued: 0, notificationsAbandoned: 0, mergesFinished: 0 });
    expect(queue.sent).toEqual([]);
    expect((await readIdeaRecord({ ideas: store, conversation }, OTHER_IDEA_ID))?.supportCount).toBe(2);
  });

  it('takes at most the batch limit of each kind', async () => {
    // Prepare
    const { notifications, queue, deps } = setup();
    notifications.seed(...[1, 2, 3].map((n) => aNotification({ id: `n${n}.v2`, createdAt: ago(1000 - n) })));

    // Act
    const report = await sweepPendingWork(deps, { ...settings, batchLimit: 2 });

    // Assess
    expect(queue.sent).toEqual([['n1.v2', 'n2.v2']]);
    expect(report.notificationsRequeued).toBe(2);
  });

  it('counts each re-queue on the notification, and abandons one that has been re-queued the most times', async () => {
    // Prepare: one was re-queued five times already (an address SES keeps refusing), one never.
    const { notifications, queue, deps } = setup();
    notifications.seed(aNotification({ id: 'stubborn.v2', createdAt: ago(9000), requeues: 5 }), aNotification({ id: 'fresh.v2', createdAt: ago(300) }));

    // Act
    const report = await sweepPendingWork(deps, settings);

    // Assess
    expect(queue.sent).toEqual([['fresh.v2']]);
    expect(report).toEqual({ notificationsRequeued: 1, notificationsAbandoned: 1, mergesFinished: 0 });
    expect((await notifications.get('fresh.v2'))?.requeues).toBe(1);
    expect((await notifications.get('stubborn.v2'))?.abandonedAt).toBe(NOW.toISOString());
    expect(notifications.pending().map((notification) => notification.id)).toEqual(['fresh.v2']);
  });

  it('still finishes merges when the notify queue is down', async () => {
    // Prepare
    const { store, conversation, work, notifications, queue, deps } = setup();
    notifications.seed(aNotification({ id: 'a.v2', createdAt: ago(300) }));
    await interruptedMerge({ store, conversation, work }, 600);
    queue.outage = new Error('SQS is unavailable');

    // Act
    const report = await sweepPendingWork(deps, settings);

    // Assess
    expect(report).toEqual({ notificationsRequeued: 0, notificationsAbandoned: 0, mergesFinished: 1 });
    expect(notifications.pending()).toHaveLength(1);
    expect(work.mergeJobs.size).toBe(0);
  });

  it('goes on when a re-queue cannot be counted, and fails the run at the end with its report', async () => {
    // Prepare: counting the first notification's re-queue fails; a merge waits behind it.
    const { store, conversation, work, notifications, queue, deps } = setup();
    notifications.seed(aNotification({ id: 'a.v2', createdAt: ago(600) }), aNotification({ id: 'b.v2', createdAt: ago(300) }));
    await interruptedMerge({ store, conversation, work }, 600);
    const recordRequeue = notifications.recordRequeue.bind(notifications);
    notifications.recordRequeue = async (id) => (id === 'a.v2' ? Promise.reject(new Error('ProvisionedThroughputExceededException')) : recordRequeue(id));

    // Act
    const failure = await sweepPendingWork(deps, settings).catch((error: unknown) => error);

    // Assess: both queued, the other counted, the merge finished; the run fails with what it did.
    expect(failure).toBeInstanceOf(PendingWorkIncompleteError);
    expect((failure as PendingWorkIncompleteError).report).toEqual({ notificationsRequeued: 2, notificationsAbandoned: 0, mergesFinished: 1 });
    expect(queue.sent).toEqual([['a.v2', 'b.v2']]);
    expect((await notifications.get('b.v2'))?.requeues).toBe(1);
    expect(work.mergeJobs.size).toBe(0);
  });

  it('goes on to the merges when a notification cannot be abandoned', async () => {
    // Prepare
    const { store, conversation, work, notifications, deps } = setup();
    notifications.seed(aNotification({ id: 'stubborn.v2', createdAt: ago(9000), requeues: 5 }));
    await interruptedMerge({ store, conversation, work }, 600);
    notifications.abandon = async () => Promise.reject(new Error('ProvisionedThroughputExceededException'));

    // Act
    const failure = await sweepPendingWork(deps, settings).catch((error: unknown) => error);

    // Assess
    expect((failure as PendingWorkIncompleteError).report).toEqual({ notificationsRequeued: 0, notificationsAbandoned: 0, mergesFinished: 1 });
    expect(work.mergeJobs.size).toBe(0);
  });
});

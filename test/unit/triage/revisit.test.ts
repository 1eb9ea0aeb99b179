import { describe, expect, it, vi } from 'vitest';
import { revisitParkedIdeas } from '../../../shared/triage/revisit.ts';
import { InMemoryBackgroundWorkStore, InMemoryIdeaStore, InMemoryNotificationStore, RecordingNotifyQueue } from '../support/fakes.ts';
import { aDecision, anAnonymousIdea, anIdeaInTriage, aParkedIdea, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_EMAIL } from '../support/ideas.ts';
import { fixedClock } from '../support/clock.ts';

/** 23:30 UTC on 9 March is already 10 March in Copenhagen (CET, UTC+1). */
const NOW = new Date('2026-03-09T23:30:00.000Z');
const clock = fixedClock(NOW);
const THIRD_ID = '11111111-2222-4333-8444-555555555555';

function setup() {
  const store = new InMemoryIdeaStore().seed(
    aParkedIdea('2026-03-10'),
    aParkedIdea('2026-03-11', { id: OTHER_IDEA_ID }),
    aParkedIdea('2026-03-01', { id: THIRD_ID }),
  );
  return { store, notifications: new InMemoryNotificationStore(store.log), queue: new RecordingNotifyQueue() };
}

describe('revisitParkedIdeas', () => {
  it('brings back the parked ideas whose revisit day has come in Copenhagen, including days missed', async () => {
    // Prepare
    const { store, notifications, queue } = setup();

    // Act
    const report = await revisitParkedIdeas({ store, work: new InMemoryBackgroundWorkStore(store), notifications, queue, clock });

    // Assess
    expect(report).toEqual({ due: 2, revisited: 2 });
    expect(store.ideas.get(IDEA_ID)?.status).toBe('in_triage');
    expect(store.ideas.get(THIRD_ID)?.status).toBe('in_triage');
    expect(store.ideas.get(OTHER_IDEA_ID)?.status).toBe('parked');
  });

  it('moves the idea back to in_triage as the system, dropping the park decision, with its history event', async () => {
    // Prepare
    const { store, notifications, queue } = setup();

    // Act
    await revisitParkedIdeas({ store, work: new InMemoryBackgroundWorkStore(store), notifications, queue, clock });

    // Assess
    const idea = store.ideas.get(IDEA_ID);
    expect(idea).toMatchObject({ status: 'in_triage', version: 4, statusChangedAt: NOW.toISOString() });
    expect(idea).not.toHaveProperty('decision');
    expect(store.events.find((event) => event.ideaId === IDEA_ID)).toEqual({
      ideaId: IDEA_ID,
      version: 4,
      at: NOW.toISOString(),
      from: 'parked',
      to: 'in_triage',
      actor: { kind: 'system' },
      reason: 'revisit day 2026-03-10 reached',
    });
    expect(await new InMemoryBackgroundWorkStore(store).listDueRevisits('2026-03-10', 10)).toEqual([]);
  });

  it('tells each submitter their idea is back, stored with the change and then queued', async () => {
    // Prepare
    const { store, notifications, queue } = setup();

    // Act
    await revisitParkedIdeas({ store, work: new InMemoryBackgroundWorkStore(store), notifications, queue, clock });

    // Assess
    const stored = await notifications.get(`${IDEA_ID}.v4`);
    expect(stored).toMatchObject({ kind: 'idea-status', to: SUBMITTER_EMAIL, language: 'da' });
    expect(stored?.text).toContain('Digitaliseringsteamet har fået din idé og vurderer den.');
    expect(queue.sent).toEqual([[`${THIRD_ID}.v4`], [`${IDEA_ID}.v4`]]);
  });

  it('brings back an anonymous idea without an e-mail', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anAnonymousIdea('ab'.repeat(32), { status: 'parked', version: 3, decision: aDecision('park', { revisitOn: '2026-03-10' }) }));
    const notifications = new InMemoryNotificationStore(store.log);
    const queue = new RecordingNotifyQueue();

    // Act
    const report = await revisitParkedIdeas({ store, work: new InMemoryBackgroundWorkStore(store), notifications, queue, clock });

    // Assess
    expect(report).toEqual({ due: 1, revisited: 1 });
    expect(queue.sent).toEqual([]);
    expect(notifications.notifications.size).toBe(0);
  });

  it('leaves an idea alone that somebody changed between the read and the write', async () => {
    // Prepare: triage declines the idea at the same moment.
    const store = new InMemoryIdeaStore().seed(aParkedIdea('2026-03-10'));
    const notifications = new InMemoryNotificationStore(store.log);
    const queue = new RecordingNotifyQueue();
    const transition = store.transition.bind(store);
    vi.spyOn(store, 'transition').mockImplementationOnce(async (change, ...alongside) => {
      await transition({ idea: change.idea, to: 'declined', actor: { kind: 'staff', sub: 'someone' }, at: NOW.toISOString(), set: { decision: aDecision('decline') } });
      return transition(change, ...alongside);
    });

    // Act
    const report = await revisitParkedIdeas({ store, work: new InMemoryBackgroundWorkStore(store), notifications, queue, clock });

    // Assess
    expect(report).toEqual({ due: 1, revisited: 0 });
    expect(store.ideas.get(IDEA_ID)?.status).toBe('declined');
    expect(queue.sent).toEqual([]);
  });

  it('leaves an idea alone that is no longer parked when it is read', async () => {
    // Prepare: the revisit list still named the idea when it was read; the idea has moved on since.
    const store = new InMemoryIdeaStore().seed(aParkedIdea('2026-03-10'));
    const notifications = new InMemoryNotificationStore(store.log);
    vi.spyOn(store, 'getIdea').mockResolvedValueOnce(anIdeaInTriage({ version: 4, decision: aDecision('park', { revisitOn: '2026-03-10' }) }));

    // Act
    const report = await revisitParkedIdeas({ store, work: new InMemoryBackgroundWorkStore(store), notifications, queue: new RecordingNotifyQueue(), clock });

    // Assess
    expect(report).toEqual({ due: 1, revisited: 0 });
    expect(store.events).toEqual([]);
  });

  it('still brings the idea back when the notify queue cannot be reached, leaving the e-mail pending', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(aParkedIdea('2026-03-10'));
    const notifications = new InMemoryNotificationStore(store.log);
    const queue = new RecordingNotifyQueue();
    queue.outage = new Error('SQS is unavailable');

    // Act
    const report = await revisitParkedIdeas({ store, work: new InMemoryBackgroundWorkStore(store), notifications, queue, clock });

    // Assess
    expect(report).toEqual({ due: 1, revisited: 1 });
    expect(notifications.pending().map((notification) => notification.id)).toEqual([`${IDEA_ID}.v4`]);
  });

  it('does nothing when no revisit day has come', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(aParkedIdea('2026-03-11'));
    const notifications = new InMemoryNotificationStore(store.log);
    const queue = new RecordingNotifyQueue();

    // Act
    const report = await revisitParkedIdeas({ store, work: new InMemoryBackgroundWorkStore(store), notifications, queue, clock });

    // Assess
    expect(report).toEqual({ due: 0, revisited: 0 });
    expect(store.events).toEqual([]);
  });
});

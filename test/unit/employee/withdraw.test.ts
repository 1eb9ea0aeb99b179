import { describe, expect, it } from 'vitest';
import { withdrawIdea as withdrawUseCase } from '../../../shared/employee/withdraw.ts';
import { InvalidTransitionError, NotFoundError } from '../../../shared/http/errors.ts';
import { hashToken } from '../../../shared/intake/submit.ts';
import type { IdeaStore, NotificationStore } from '../../../shared/store/ports.ts';
import { fixedClock } from '../support/clock.ts';
import { asProblem, rejectionOf } from '../support/errors.ts';
import { InMemoryBackgroundWorkStore, InMemoryIdeaStore, InMemoryNotificationStore } from '../support/fakes.ts';
import { aDecision, anAnonymousIdea, anIdeaInTriage, COLLEAGUE, IDEA_ID, SUBMITTER, SUBMITTER_EMAIL, SUBMITTER_SUB } from '../support/ideas.ts';

const AT = '2026-01-14T10:00:00.000Z';
const TOKEN = 'Zm9sbG93LXVwLXRva2VuLWZvci10ZXN0cy0xMjM0NTY';

/** Withdraws at `at`, storing e-mails in `notifications`; a refusal rejects as the problem a route answers with, in `language`. */
function withdrawIdea(
  store: IdeaStore,
  { language, at, ...request }: Parameters<typeof withdrawUseCase>[1] & { language: 'da' | 'en'; at: string },
  notifications: NotificationStore = new InMemoryNotificationStore(),
) {
  return asProblem(withdrawUseCase({ store, notifications, clock: fixedClock(at) }, request), language);
}

function request(overrides: Partial<Parameters<typeof withdrawIdea>[1]> = {}) {
  return { ideaId: IDEA_ID, caller: SUBMITTER, language: 'da' as const, at: AT, ...overrides };
}

describe('withdrawIdea', () => {
  it.each(['submitted', 'in_triage', 'needs_info', 'parked'] as const)('withdraws an idea that is %s', async (status) => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage({ status, version: 3, decision: aDecision('park', { revisitOn: '2026-06-01' }) }));

    // Act
    const result = await withdrawIdea(store, request({ reason: 'Vi har fundet en anden løsning.' }));

    // Assess
    expect(result.idea).toMatchObject({ status: 'withdrawn', version: 4, statusChangedAt: AT });
    expect(store.ideas.get(IDEA_ID)).not.toHaveProperty('decision');
    expect(store.events).toEqual([
      { ideaId: IDEA_ID, version: 4, at: AT, from: status, to: 'withdrawn', actor: { kind: 'submitter', sub: SUBMITTER_SUB, name: 'Birthe Sørensen' }, reason: 'Vi har fundet en anden løsning.' },
    ]);
  });

  it('takes a withdrawn idea out of the revisit list', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage({ status: 'parked', version: 3, decision: aDecision('park', { revisitOn: '2026-06-01' }) }));

    // Act
    await withdrawIdea(store, request());

    // Assess
    expect(await new InMemoryBackgroundWorkStore(store).listDueRevisits('2026-06-01', 10)).toEqual([]);
  });

  it('confirms the withdrawal by e-mail', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage());
    const notifications = new InMemoryNotificationStore();

    // Act
    const result = await withdrawIdea(store, request(), notifications);

    // Assess
    expect(result.notificationId).toBe(`${IDEA_ID}.v3`);
    const stored = await notifications.get(`${IDEA_ID}.v3`);
    expect(stored?.to).toBe(SUBMITTER_EMAIL);
    expect(stored?.text).toContain('Du har trukket din idé tilbage.');
  });

  it('records no reason when none is given', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage());

    // Act
    await withdrawIdea(store, request());

    // Assess
    expect(store.events[0]).not.toHaveProperty('reason');
  });

  it.each(['accepted', 'declined', 'duplicate', 'redirected', 'withdrawn'] as const)('refuses with 409 once the idea is %s', async (status) => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage({ status }));

    // Act
    const error = await rejectionOf(withdrawIdea(store, request()));

    // Assess
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect((error as InvalidTransitionError).status).toBe(409);
    expect((error as InvalidTransitionError).currentStatus).toBe(status);
    expect(store.ideas.get(IDEA_ID)?.status).toBe(status);
    expect(store.events).toEqual([]);
  });

  it('lets an anonymous submitter withdraw with the follow-up token', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anAnonymousIdea(hashToken(TOKEN), { status: 'in_triage', version: 2 }));

    // Act
    const result = await withdrawIdea(store, request({ caller: COLLEAGUE, followUpToken: TOKEN }));

    // Assess
    expect(result.idea.status).toBe('withdrawn');
    expect(store.events[0]?.actor).toEqual({ kind: 'submitter' });
  });

  it('answers 404 to anybody but the submitter', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage());

    // Act
    const error = await rejectionOf(withdrawIdea(store, request({ caller: COLLEAGUE })));

    // Assess
    expect(error).toBeInstanceOf(NotFoundError);
    expect(store.ideas.get(IDEA_ID)?.status).toBe('in_triage');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { answerQuestion as answerUseCase } from '../../../shared/employee/answer.ts';
import { InvalidTransitionError, NotFoundError, PreconditionFailedError } from '../../../shared/http/errors.ts';
import { hashToken } from '../../../shared/intake/submit.ts';
import type { IdeaStore, NotificationStore, TransactionPart, Transition } from '../../../shared/store/ports.ts';
import { fixedClock } from '../support/clock.ts';
import { asProblem, rejectionOf } from '../support/errors.ts';
import { InMemoryIdeaStore, InMemoryNotificationStore } from '../support/fakes.ts';
import { aDecision, anAnonymousIdea, anIdeaNeedingInfo, COLLEAGUE, IDEA_ID, SUBMITTER, SUBMITTER_EMAIL, SUBMITTER_SUB, TRIAGE } from '../support/ideas.ts';

const AT = '2026-01-14T10:00:00.000Z';
const TOKEN = 'Zm9sbG93LXVwLXRva2VuLWZvci10ZXN0cy0xMjM0NTY';
const ANSWER = 'Det er Nexus, FMK og Sensum.';

/** Answers at `at`, storing e-mails in `notifications`; a refusal rejects as the problem a route answers with, in `language`. */
function answerQuestion(
  store: IdeaStore,
  { language, at, ...request }: Parameters<typeof answerUseCase>[1] & { language: 'da' | 'en'; at: string },
  notifications: NotificationStore = new InMemoryNotificationStore(),
) {
  return asProblem(answerUseCase({ store, notifications, clock: fixedClock(at) }, request), language);
}

function request(overrides: Partial<Parameters<typeof answerQuestion>[1]> = {}) {
  return { ideaId: IDEA_ID, answer: ANSWER, caller: SUBMITTER, language: 'da' as const, at: AT, ...overrides };
}

/** A store whose next transition first lets triage assign the idea, as if at the same moment. */
function withConcurrentAssignment(store: InMemoryIdeaStore, times = 1) {
  const transition = store.transition.bind(store);
  const spy = vi.spyOn(store, 'transition');
  for (let n = 0; n < times; n++) {
    spy.mockImplementationOnce(async (change: Transition, ...alongside: TransactionPart[]) => {
      const current = await store.getIdea(change.idea.id);
      if (current !== undefined) await transition({ idea: current, to: current.status, change: 'assignment', actor: { kind: 'staff', sub: TRIAGE.sub }, at: AT, set: { assignee: { sub: `${TRIAGE.sub}-${n}` } } });
      return transition(change, ...alongside);
    });
  }
}

describe('answerQuestion', () => {
  it('sends the idea back to in_triage with the answer in its history, dropping the question', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaNeedingInfo());

    // Act
    const result = await answerQuestion(store, request());

    // Assess
    expect(result.idea).toMatchObject({ status: 'in_triage', version: 4, statusChangedAt: AT });
    expect(result.idea.decision).toBeUndefined();
    expect(store.ideas.get(IDEA_ID)).not.toHaveProperty('decision');
    expect(store.events).toEqual([
      { ideaId: IDEA_ID, version: 4, at: AT, from: 'needs_info', to: 'in_triage', actor: { kind: 'submitter', sub: SUBMITTER_SUB, name: 'Birthe Sørensen' }, answer: ANSWER },
    ]);
  });

  it('stores the e-mail that the team has the idea again and hands its id back', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaNeedingInfo());
    const notifications = new InMemoryNotificationStore();

    // Act
    const result = await answerQuestion(store, request(), notifications);

    // Assess
    expect(result.notificationId).toBe(`${IDEA_ID}.v4`);
    const stored = await notifications.get(`${IDEA_ID}.v4`);
    expect(stored).toMatchObject({ to: SUBMITTER_EMAIL, kind: 'idea-status' });
    expect(stored?.text).toContain('Digitaliseringsteamet har fået din idé og vurderer den.');
  });

  it.each(['in_triage', 'parked', 'accepted', 'declined', 'withdrawn'] as const)('refuses with 409 when the idea is %s: there is no question to answer', async (status) => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaNeedingInfo({ status, decision: aDecision('park', { revisitOn: '2026-06-01' }) }));

    // Act
    const error = await rejectionOf(answerQuestion(store, request()));

    // Assess
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect((error as InvalidTransitionError).extensions()).toEqual({ ideaStatus: status, allowed: [] });
    expect(store.events).toEqual([]);
  });

  it('lets an anonymous submitter answer with the follow-up token, naming nobody', async () => {
    // Prepare: whoever holds the token is the submitter.
    const store = new InMemoryIdeaStore().seed(anAnonymousIdea(hashToken(TOKEN), { status: 'needs_info', version: 3, decision: aDecision('needs_info') }));
    const notifications = new InMemoryNotificationStore();

    // Act
    const result = await answerQuestion(store, request({ caller: COLLEAGUE, followUpToken: TOKEN }), notifications);

    // Assess
    expect(result.idea.status).toBe('in_triage');
    expect(result).not.toHaveProperty('notificationId');
    expect(store.events[0]?.actor).toEqual({ kind: 'submitter' });
    expect(notifications.notifications.size).toBe(0);
  });

  it.each([
    ['a wrong follow-up token', 'not-the-token'],
    ['no follow-up token', undefined],
  ])('answers 404 to an anonymous idea with %s', async (_case, followUpToken) => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anAnonymousIdea(hashToken(TOKEN), { status: 'needs_info', version: 3 }));

    // Act
    const error = await rejectionOf(answerQuestion(store, request({ caller: COLLEAGUE, ...(followUpToken === undefined ? {} : { followUpToken }) })));

    // Assess
    expect(error).toBeInstanceOf(NotFoundError);
    expect(store.events).toEqual([]);
  });

  it('answers 404 to anybody but the submitter, as for an idea that does not exist', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaNeedingInfo());

    // Act
    const someoneElse = await rejectionOf(answerQuestion(store, request({ caller: COLLEAGUE })));
    const missing = await rejectionOf(answerQuestion(store, request({ ideaId: 'missing' })));

    // Assess
    expect(someoneElse).toBeInstanceOf(NotFoundError);
    expect(someoneElse.message).toBe(missing.message);
    expect(store.events).toEqual([]);
  });

  it('does not let the follow-up token of an anonymous idea open a named idea', async () => {
    // Prepare: a named idea that somehow carries a token hash.
    const store = new InMemoryIdeaStore().seed(anIdeaNeedingInfo({ followUpTokenHash: hashToken(TOKEN) }));

    // Act
    const error = await rejectionOf(answerQuestion(store, request({ caller: COLLEAGUE, followUpToken: TOKEN })));

    // Assess
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('tries again on the idea as it now is when triage changed it at the same moment', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaNeedingInfo());
    withConcurrentAssignment(store);

    // Act
    const result = await answerQuestion(store, request());

    // Assess: the assignment is version 4, the answer version 5; both are kept.
    expect(result.idea).toMatchObject({ status: 'in_triage', version: 5, assignee: { sub: `${TRIAGE.sub}-0` } });
    expect(store.events.map((event) => [event.version, event.change ?? event.to])).toEqual([
      [4, 'assignment'],
      [5, 'in_triage'],
    ]);
    expect(store.events[1]?.answer).toBe(ANSWER);
  });

  it('judges the answer again after a concurrent change: an idea triage closed meanwhile takes no answer', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaNeedingInfo());
    const transition = store.transition.bind(store);
    vi.spyOn(store, 'transition').mockImplementationOnce(async (change, ...alongside) => {
      await transition({ idea: change.idea, to: 'declined', actor: { kind: 'staff', sub: TRIAGE.sub }, at: AT, set: { decision: aDecision('decline') } });
      return transition(change, ...alongside);
    });

    // Act
    const error = await rejectionOf(answerQuestion(store, request()));

    // Assess
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(store.ideas.get(IDEA_ID)?.status).toBe('declined');
  });

  it('gives up with 412 after three concurrent changes in a row, so the submitter reads the idea again', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaNeedingInfo());
    withConcurrentAssignment(store, 3);

    // Act
    const error = await rejectionOf(answerQuestion(store, request()));

    // Assess
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(store.ideas.get(IDEA_ID)?.status).toBe('needs_info');
  });
});

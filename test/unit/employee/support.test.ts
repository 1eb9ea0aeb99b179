import { describe, expect, it } from 'vitest';
import { supportIdea as supportUseCase } from '../../../shared/employee/support.ts';
import { InvalidTransitionError, NotFoundError, TooManyRequestsError } from '../../../shared/http/errors.ts';
import { supporterHash } from '../../../shared/triage/merge.ts';
import { fixedClock } from '../support/clock.ts';
import { asProblem, rejectionOf } from '../support/errors.ts';
import { InMemoryConversationStore, InMemoryIdeaStore } from '../support/fakes.ts';
import { TEST_KEYS, testKeys } from '../support/secret.ts';
import { testLimiter } from '../support/usage.ts';
import { anIdea, anIdeaInTriage, COLLEAGUE, IDEA_ID, TRIAGE } from '../support/ideas.ts';

const AT = '2026-01-14T10:00:00.000Z';
const { limiter } = testLimiter();

/** Supports at `at`; a refusal rejects as the problem a route answers with. */
function supportIdea(deps: Omit<Parameters<typeof supportUseCase>[0], 'clock'>, { at, ...request }: Parameters<typeof supportUseCase>[1] & { at: string }) {
  return asProblem(supportUseCase({ ...deps, clock: fixedClock(at) }, request));
}

describe('supportIdea', () => {
  it('counts a person’s support once, however often they send it', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage());
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    const first = await supportIdea({ store, conversation, keys: testKeys, limiter }, { ideaId: IDEA_ID, caller: COLLEAGUE, at: AT });
    const again = await supportIdea({ store, conversation, keys: testKeys, limiter }, { ideaId: IDEA_ID, caller: COLLEAGUE, at: AT });
    const another = await supportIdea({ store, conversation, keys: testKeys, limiter }, { ideaId: IDEA_ID, caller: TRIAGE, at: AT });

    // Assess
    expect(first).toEqual({ added: true, supportCount: 1 });
    expect(again).toEqual({ added: false, supportCount: 1 });
    expect(another).toEqual({ added: true, supportCount: 2 });
  });

  it('keeps supporters as hashes, never who they are', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage());
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    await supportIdea({ store, conversation, keys: testKeys, limiter }, { ideaId: IDEA_ID, caller: COLLEAGUE, at: AT });

    // Assess
    expect(await conversation.listSupporters(IDEA_ID)).toEqual([supporterHash(TEST_KEYS, COLLEAGUE.sub)]);
    expect(JSON.stringify([...(conversation.supporters.get(IDEA_ID) ?? [])])).not.toContain(COLLEAGUE.sub);
  });

  it('does not change the idea itself, so it needs no If-Match', async () => {
    // Prepare
    const idea = anIdeaInTriage();
    const store = new InMemoryIdeaStore().seed(idea);
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    await supportIdea({ store, conversation, keys: testKeys, limiter }, { ideaId: IDEA_ID, caller: COLLEAGUE, at: AT });

    // Assess
    expect(store.ideas.get(IDEA_ID)).toEqual(idea);
    expect(store.events).toEqual([]);
  });

  it.each(['in_triage', 'needs_info', 'parked', 'accepted'] as const)('takes support for an idea that is %s', async (status) => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage({ status }));
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    const result = await supportIdea({ store, conversation, keys: testKeys, limiter }, { ideaId: IDEA_ID, caller: COLLEAGUE, at: AT });

    // Assess
    expect(result.added).toBe(true);
  });

  it.each(['declined', 'duplicate', 'redirected', 'withdrawn'] as const)('refuses support for an idea that is %s with 409', async (status) => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage({ status }));
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    const error = await rejectionOf(supportIdea({ store, conversation, keys: testKeys, limiter }, { ideaId: IDEA_ID, caller: COLLEAGUE, at: AT }));

    // Assess
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect((error as InvalidTransitionError).currentStatus).toBe(status);
    expect(await conversation.listSupporters(IDEA_ID)).toEqual([]);
  });

  it('answers 404 for an idea still in submitted, which nobody else can see yet', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    const error = await rejectionOf(supportIdea({ store, conversation, keys: testKeys, limiter }, { ideaId: IDEA_ID, caller: COLLEAGUE, at: AT }));

    // Assess
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await conversation.listSupporters(IDEA_ID)).toEqual([]);
  });

  it('answers 404 for an idea that does not exist', async () => {
    // Prepare
    const store = new InMemoryIdeaStore();
    const conversation = new InMemoryConversationStore(store.log);

    // Act
    const error = await rejectionOf(supportIdea({ store, conversation, keys: testKeys, limiter }, { ideaId: IDEA_ID, caller: COLLEAGUE, at: AT }));

    // Assess
    expect(error).toBeInstanceOf(NotFoundError);
    expect(conversation.supporters.size).toBe(0);
  });
});

describe('supportIdea and the per-person limit', () => {
  const OTHER_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

  it('refuses a support past the person’s limit with 429, storing no supporter and counting nothing more', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage(), anIdeaInTriage({ id: OTHER_ID }));
    const conversation = new InMemoryConversationStore(store.log);
    const { limiter: strict, store: usage } = testLimiter({ support: 1 });
    await supportIdea({ store, conversation, keys: testKeys, limiter: strict }, { ideaId: IDEA_ID, caller: COLLEAGUE, at: AT });

    // Act
    const error = await rejectionOf(supportIdea({ store, conversation, keys: testKeys, limiter: strict }, { ideaId: OTHER_ID, caller: COLLEAGUE, at: AT }));

    // Assess
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect(await conversation.listSupporters(OTHER_ID)).toEqual([]);
    expect(await conversation.getSupportCount(OTHER_ID)).toBe(0);
    expect(usage.total('support')).toBe(1);
  });

  it('leaves another person free to support', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage());
    const conversation = new InMemoryConversationStore(store.log);
    const { limiter: strict } = testLimiter({ support: 1 });
    await supportIdea({ store, conversation, keys: testKeys, limiter: strict }, { ideaId: IDEA_ID, caller: COLLEAGUE, at: AT });

    // Act
    const theirs = await supportIdea({ store, conversation, keys: testKeys, limiter: strict }, { ideaId: IDEA_ID, caller: TRIAGE, at: AT });

    // Assess
    expect(theirs).toEqual({ added: true, supportCount: 2 });
  });

  it('does not count a support refused before the write (no such idea, or one that takes no support)', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdeaInTriage({ status: 'declined' }));
    const conversation = new InMemoryConversationStore(store.log);
    const { limiter: strict, store: usage } = testLimiter({ support: 1 });

    // Act
    await rejectionOf(supportIdea({ store, conversation, keys: testKeys, limiter: strict }, { ideaId: OTHER_ID, caller: COLLEAGUE, at: AT }));
    await rejectionOf(supportIdea({ store, conversation, keys: testKeys, limiter: strict }, { ideaId: IDEA_ID, caller: COLLEAGUE, at: AT }));

    // Assess
    expect(usage.total('support')).toBe(0);
  });
});

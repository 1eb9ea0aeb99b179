import { describe, expect, it, vi } from 'vitest';
import { NotFoundError, PreconditionFailedError } from '../../../shared/http/errors.ts';
import type { IdeaStore } from '../../../shared/store/ports.ts';
import { assignIdea as assignUseCase } from '../../../shared/triage/assign.ts';
import { fixedClock } from '../support/clock.ts';
import { asProblem, rejectionOf } from '../support/errors.ts';
import { InMemoryIdeaStore } from '../support/fakes.ts';
import { ADMITTED_AT, anIdeaInTriage, IDEA_ID, TRIAGE } from '../support/ideas.ts';

const AT = '2026-01-12T09:00:00.000Z';
const TOVE = { sub: 'd1e2f3a4-tove', name: 'Tove Ågård' };

/** Assigns at `at`; a refusal rejects as the problem a route answers with. */
function assignIdea(store: IdeaStore, { at, ...request }: Parameters<typeof assignUseCase>[1] & { at: string }) {
  return asProblem(assignUseCase({ store, clock: fixedClock(at) }, request));
}

function setup(overrides: Parameters<typeof anIdeaInTriage>[0] = {}) {
  return new InMemoryIdeaStore().seed(anIdeaInTriage(overrides));
}

describe('assignIdea', () => {
  it('gives the idea to a member of the team without changing its status, audited as an assignment', async () => {
    // Prepare
    const store = setup();

    // Act
    const idea = await assignIdea(store, { ideaId: IDEA_ID, ifMatch: [2], assignee: TOVE, caller: TRIAGE, at: AT });

    // Assess
    expect(idea).toMatchObject({ assignee: TOVE, status: 'in_triage', statusChangedAt: ADMITTED_AT, updatedAt: AT, version: 3 });
    expect(store.ideas.get(IDEA_ID)).toEqual(idea);
    expect(store.events).toEqual([
      { ideaId: IDEA_ID, version: 3, at: AT, from: 'in_triage', to: 'in_triage', change: 'assignment', actor: { kind: 'staff', sub: TRIAGE.sub, name: 'Søren Ærø' }, reason: 'assigned to Tove Ågård' },
    ]);
  });

  it('shows the assignee in the inbox', async () => {
    // Prepare
    const store = setup();

    // Act
    await assignIdea(store, { ideaId: IDEA_ID, ifMatch: [2], assignee: TOVE, caller: TRIAGE, at: AT });

    // Assess
    const inbox = await store.listInbox({ status: 'in_triage' }, 'age', 10);
    expect(inbox.items.map((row) => row.assignee)).toEqual([TOVE]);
  });

  it('names an assignee without a name by their subject', async () => {
    // Prepare
    const store = setup();

    // Act
    await assignIdea(store, { ideaId: IDEA_ID, ifMatch: [2], assignee: { sub: TOVE.sub }, caller: TRIAGE, at: AT });

    // Assess
    expect(store.events.at(-1)?.reason).toBe(`assigned to ${TOVE.sub}`);
  });

  it('takes the idea back from its assignee', async () => {
    // Prepare
    const store = setup({ assignee: TOVE });

    // Act
    const idea = await assignIdea(store, { ideaId: IDEA_ID, ifMatch: [2], assignee: null, caller: TRIAGE, at: AT });

    // Assess
    expect(idea.assignee).toBeUndefined();
    expect(store.ideas.get(IDEA_ID)).not.toHaveProperty('assignee');
    expect(store.events.at(-1)?.reason).toBe('assigned to nobody');
  });

  it('refuses with 412 when the caller read an older version', async () => {
    // Prepare
    const store = setup();

    // Act
    const error = await rejectionOf(assignIdea(store, { ideaId: IDEA_ID, ifMatch: [1], assignee: TOVE, caller: TRIAGE, at: AT }));

    // Assess
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(store.events).toEqual([]);
  });

  it('answers 412 when somebody else changed the idea between the read and the write', async () => {
    // Prepare
    const store = setup();
    const transition = store.transition.bind(store);
    vi.spyOn(store, 'transition').mockImplementationOnce(async (change) => {
      await transition({ idea: change.idea, to: 'needs_info', actor: { kind: 'staff', sub: 'someone-else' }, at: AT });
      return transition(change);
    });

    // Act
    const error = await rejectionOf(assignIdea(store, { ideaId: IDEA_ID, ifMatch: [2], assignee: TOVE, caller: TRIAGE, at: AT }));

    // Assess
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(store.ideas.get(IDEA_ID)).not.toHaveProperty('assignee');
  });

  it('answers 404 for an idea that does not exist', async () => {
    // Prepare
    const store = setup();

    // Act
    const error = await rejectionOf(assignIdea(store, { ideaId: 'missing', ifMatch: [2], assignee: TOVE, caller: TRIAGE, at: AT }));

    // Assess
    expect(error).toBeInstanceOf(NotFoundError);
  });
});

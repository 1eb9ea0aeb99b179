import { describe, expect, it, vi } from 'vitest';
import type { DecisionRequest } from '../../../shared/domain/decisions.ts';
import type { IdeaDecision, IdeaStatus, Language } from '../../../shared/domain/idea.ts';
import { InvalidTransitionError, NotFoundError, PersonalDataError, PreconditionFailedError, ValidationError } from '../../../shared/http/errors.ts';
import { VersionConflictError } from '../../../shared/store/ports.ts';
import { decide as decideUseCase, type DecideDependencies } from '../../../shared/triage/decide.ts';
import { supporterHash } from '../../../shared/triage/merge.ts';
import { readIdeaRecord } from '../../../shared/views/idea-record.ts';
import { fixedClock } from '../support/clock.ts';
import { asProblem, rejectionOf } from '../support/errors.ts';
import { InMemoryBackgroundWorkStore, InMemoryConversationStore, InMemoryIdeaStore, InMemoryNotificationStore, InMemoryPilotStore } from '../support/fakes.ts';
import { TEST_KEYS, testKeys } from '../support/secret.ts';
import { anAnonymousIdea, anIdeaInTriage, COLLEAGUE, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_EMAIL, SUBMITTER_SUB, TRIAGE } from '../support/ideas.ts';

const AT = '2026-01-12T09:00:00.000Z';
const PILOT_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const BY = { sub: TRIAGE.sub, name: 'Søren Ærø' };

/** The idea to decide on (in_triage, version 2) and a live idea it may be merged into. */
function setup(overrides: Parameters<typeof anIdeaInTriage>[0] = {}) {
  const store = new InMemoryIdeaStore().seed(
    anIdeaInTriage(overrides),
    anIdeaInTriage({ id: OTHER_IDEA_ID, title: 'Én indtastning af borgeroplysninger', submitter: { sub: 'c3d4e5f6-other', name: 'Ole Hansen' } }),
  );
  const others = stores(store);
  return { store, ...others, deps: { store, ...others, keys: testKeys, newId: () => PILOT_ID } };
}

/** The stores a decision writes alongside the idea store, sharing its log. */
function stores(store: InMemoryIdeaStore) {
  return {
    pilots: new InMemoryPilotStore(store.log),
    notifications: new InMemoryNotificationStore(store.log),
    work: new InMemoryBackgroundWorkStore(store),
    conversation: new InMemoryConversationStore(store.log),
  };
}

function request(decision: DecisionRequest, overrides: { expectedVersion?: number; language?: Language; ideaId?: string } = {}) {
  const { expectedVersion = 2, ...rest } = overrides;
  return { ideaId: IDEA_ID, ifMatch: [expectedVersion], decision, caller: TRIAGE, language: 'da' as Language, ...rest };
}

/** Decides at AT; a refusal rejects as the problem a route answers with, in the request's language. */
function decide(deps: Omit<DecideDependencies, 'clock'>, { language, ...rest }: ReturnType<typeof request> & { confirmPersonalData?: boolean }) {
  return asProblem(decideUseCase({ ...deps, clock: fixedClock(AT) }, rest), language);
}

const DECISIONS: { request: DecisionRequest; status: IdeaStatus; recorded: Partial<IdeaDecision> }[] = [
  { request: { decision: 'needs_info', question: 'Hvilke tre systemer er det?' }, status: 'needs_info', recorded: { message: 'Hvilke tre systemer er det?' } },
  { request: { decision: 'accept', message: 'Vi starter i marts.' }, status: 'accepted', recorded: { message: 'Vi starter i marts.', pilotId: PILOT_ID } },
  { request: { decision: 'park', revisitOn: '2026-06-01' }, status: 'parked', recorded: { revisitOn: '2026-06-01' } },
  {
    request: { decision: 'decline', reasonCode: 'no_capacity', message: 'Vi har ikke folk til det i år.' },
    status: 'declined',
    recorded: { reasonCode: 'no_capacity', message: 'Vi har ikke folk til det i år.' },
  },
  { request: { decision: 'duplicate', into: OTHER_IDEA_ID }, status: 'duplicate', recorded: { mergedInto: OTHER_IDEA_ID } },
  { request: { decision: 'redirect', to: 'it_support', message: 'Ring til IT-support på 1234.' }, status: 'redirected', recorded: { redirectTo: 'it_support', message: 'Ring til IT-support på 1234.' } },
];

describe('decide', () => {
  it.each(DECISIONS)('moves the idea to $status on the decision $request.decision, recording who decided and what', async ({ request: decision, status, recorded }) => {
    // Prepare
    const { store, deps } = setup();

    // Act
    const result = await decide(deps, request(decision));

    // Assess
    const expected = { kind: decision.decision, at: AT, by: BY, ...recorded };
    expect(result.idea).toMatchObject({ status, version: 3, statusChangedAt: AT, decision: expected });
    expect(store.ideas.get(IDEA_ID)).toEqual(result.idea);
    expect(store.events).toEqual([{ ideaId: IDEA_ID, version: 3, at: AT, from: 'in_triage', to: status, actor: { kind: 'staff', ...BY }, decision: expected }]);
  });

  it('refuses a decision the idea’s status does not allow with 409, listing the decisions it does allow', async () => {
    // Prepare: a parked idea can still be declined or merged, nothing else.
    const { store, deps } = setup({ status: 'parked' });

    // Act
    const error = await rejectionOf(decide(deps, request({ decision: 'accept' }, { language: 'en' })));

    // Assess
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect((error as InvalidTransitionError).extensions()).toEqual({ ideaStatus: 'parked', allowed: ['decline', 'duplicate'] });
    expect((error as InvalidTransitionError).detailText?.en).toBe('An idea in status parked cannot get the decision accept. Possible decisions: decline, duplicate.');
    expect(store.events).toEqual([]);
  });

  it('says no decision is possible on an idea that is already decided', async () => {
    // Prepare
    const { deps } = setup({ status: 'declined' });

    // Act
    const error = await rejectionOf(decide(deps, request({ decision: 'park', revisitOn: '2026-06-01' })));

    // Assess
    expect((error as InvalidTransitionError).allowed).toEqual([]);
    expect((error as InvalidTransitionError).detailText?.da).toContain('Mulige afgørelser: ingen.');
  });

  it('refuses with 412 when the caller read an older version, and writes nothing', async () => {
    // Prepare
    const { store, pilots, deps } = setup();

    // Act
    const error = await rejectionOf(decide(deps, request({ decision: 'accept' }, { expectedVersion: 1 })));

    // Assess
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(store.events).toEqual([]);
    expect(pilots.pilots.size).toBe(0);
  });

  it('answers 412 when somebody else changed the idea between the read and the write, keeping their change', async () => {
    // Prepare: a colleague's decision lands first.
    const { store, pilots, notifications, deps } = setup();
    const transition = store.transition.bind(store);
    vi.spyOn(store, 'transition').mockImplementationOnce(async (change, ...alongside) => {
      await transition({ idea: change.idea, to: 'parked', actor: { kind: 'staff', sub: COLLEAGUE.sub }, at: AT });
      return transition(change, ...alongside);
    });

    // Act
    const error = await rejectionOf(decide(deps, request({ decision: 'accept' })));

    // Assess
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(store.ideas.get(IDEA_ID)?.status).toBe('parked');
    expect(pilots.pilots.size).toBe(0);
    expect(notifications.notifications.size).toBe(0);
  });

  it('rethrows store failures that are not a concurrent change', async () => {
    // Prepare
    const { store, deps } = setup();
    vi.spyOn(store, 'transition').mockRejectedValueOnce(new Error('DynamoDB is unavailable'));

    // Act
    const error = await rejectionOf(decide(deps, request({ decision: 'accept' })));

    // Assess
    expect(error).not.toBeInstanceOf(VersionConflictError);
    expect(error.message).toBe('DynamoDB is unavailable');
  });

  it('answers 404 for an idea that does not exist', async () => {
    // Prepare
    const { deps } = setup();

    // Act
    const error = await rejectionOf(decide(deps, request({ decision: 'accept' }, { ideaId: 'missing' })));

    // Assess
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('turns an accepted idea into a pilot in sprint, linked both ways', async () => {
    // Prepare
    const { store, pilots, deps } = setup();

    // Act
    const result = await decide(deps, request({ decision: 'accept' }));

    // Assess
    const pilot = {
      id: PILOT_ID,
      title: 'Færre dobbeltregistreringer på plejecentret',
      description: 'Vi skriver de samme borgeroplysninger i tre systemer. Det tager tid fra omsorgen.',
      language: 'da',
      ideaIds: [IDEA_ID],
      kind: 'idea',
      department: 'Ældre og sundhed',
      themes: ['automatisering'],
      stage: 'sprint',
      stageEnteredAt: AT,
      reachedStages: ['sprint'],
      artefacts: [],
      createdAt: AT,
      createdBy: BY,
      updatedAt: AT,
      version: 1,
    };
    expect(result.pilot).toEqual(pilot);
    expect(pilots.pilots.get(PILOT_ID)).toEqual(pilot);
    expect(store.ideas.get(IDEA_ID)?.decision?.pilotId).toBe(PILOT_ID);
  });

  it('creates no pilot for any other decision', async () => {
    // Prepare
    const { pilots, deps } = setup();

    // Act
    const result = await decide(deps, request({ decision: 'park', revisitOn: '2026-06-01' }));

    // Assess
    expect(result).not.toHaveProperty('pilot');
    expect(pilots.pilots.size).toBe(0);
  });

  it('lists a parked idea for its revisit day', async () => {
    // Prepare
    const { work, deps } = setup();

    // Act
    await decide(deps, request({ decision: 'park', revisitOn: '2026-06-01' }));

    // Assess
    expect(await work.listDueRevisits('2026-05-31', 10)).toEqual([]);
    expect(await work.listDueRevisits('2026-06-01', 10)).toEqual([IDEA_ID]);
  });

  describe('duplicate', () => {
    it('refuses to merge an idea into itself, at /into', async () => {
      // Prepare
      const { store, deps } = setup();

      // Act
      const error = await rejectionOf(decide(deps, request({ decision: 'duplicate', into: IDEA_ID })));

      // Assess
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([{ pointer: '/into', detail: 'En idé kan ikke lægges sammen med sig selv' }]);
      expect(store.events).toEqual([]);
    });

    it('refuses an idea that does not exist, at /into, in the caller’s language', async () => {
      // Prepare
      const { store, deps } = setup();

      // Act
      const error = await rejectionOf(decide(deps, request({ decision: 'duplicate', into: 'no-such-idea' }, { language: 'en' })));

      // Assess
      expect((error as ValidationError).errors).toEqual([{ pointer: '/into', detail: 'There is no idea with that id' }]);
      expect(store.events).toEqual([]);
    });

    it.each(['submitted', 'declined', 'duplicate', 'redirected', 'withdrawn'] as const)('refuses a target that is %s, at /into', async (status) => {
      // Prepare
      const { store, work, deps } = setup();
      store.seed(anIdeaInTriage({ id: OTHER_IDEA_ID, status }));

      // Act
      const error = await rejectionOf(decide(deps, request({ decision: 'duplicate', into: OTHER_IDEA_ID }, { language: 'en' })));

      // Assess
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([{ pointer: '/into', detail: `The idea is ${status} and cannot take in others` }]);
      expect(store.ideas.get(IDEA_ID)?.status).toBe('in_triage');
      expect(work.mergeJobs.size).toBe(0);
    });

    it.each(['in_triage', 'needs_info', 'parked', 'accepted'] as const)('merges into a target that is %s', async (status) => {
      // Prepare
      const { store, deps } = setup();
      store.seed(anIdeaInTriage({ id: OTHER_IDEA_ID, status }));

      // Act
      const result = await decide(deps, request({ decision: 'duplicate', into: OTHER_IDEA_ID }));

      // Assess
      expect(result.idea.status).toBe('duplicate');
    });

    it('carries the supporters and the merged idea’s submitter over to the surviving idea, each once, and finishes the merge', async () => {
      // Prepare: a colleague supports both ideas; the submitter of the merged idea supports neither.
      const { store, work, conversation, deps } = setup();
      await conversation.addSupporter(IDEA_ID, supporterHash(TEST_KEYS, COLLEAGUE.sub), AT);
      await conversation.addSupporter(IDEA_ID, supporterHash(TEST_KEYS, 'b2c3d4e5-third'), AT);
      await conversation.addSupporter(OTHER_IDEA_ID, supporterHash(TEST_KEYS, COLLEAGUE.sub), AT);

      // Act
      await decide(deps, request({ decision: 'duplicate', into: OTHER_IDEA_ID }));

      // Assess
      expect(new Set(await conversation.listSupporters(OTHER_IDEA_ID))).toEqual(new Set([supporterHash(TEST_KEYS, COLLEAGUE.sub), supporterHash(TEST_KEYS, 'b2c3d4e5-third'), supporterHash(TEST_KEYS, SUBMITTER_SUB)]));
      expect((await readIdeaRecord({ ideas: store, conversation }, OTHER_IDEA_ID))?.supportCount).toBe(3);
      expect(work.mergeJobs.size).toBe(0);
    });

    it('refuses with 412 when the target is closed between the check and the write, so two ideas cannot be merged into each other', async () => {
      // Prepare: the target is merged elsewhere right after decide read it.
      const { store, deps } = setup();
      const transition = store.transition.bind(store);
      vi.spyOn(store, 'transition').mockImplementationOnce(async (change, ...alongside) => {
        const target = store.ideas.get(OTHER_IDEA_ID);
        if (target !== undefined) store.ideas.set(OTHER_IDEA_ID, { ...target, status: 'duplicate' });
        return transition(change, ...alongside);
      });

      // Act
      const error = await rejectionOf(decide(deps, request({ decision: 'duplicate', into: OTHER_IDEA_ID })));

      // Assess
      expect(error).toBeInstanceOf(PreconditionFailedError);
      expect(store.ideas.get(IDEA_ID)?.status).toBe('in_triage');
    });

    it('leaves the merge job for the sweeper when carrying supporters over fails', async () => {
      // Prepare
      const { store, work, conversation, deps } = setup();
      vi.spyOn(conversation, 'listSupporters').mockRejectedValueOnce(new Error('DynamoDB is unavailable'));

      // Act
      await rejectionOf(decide(deps, request({ decision: 'duplicate', into: OTHER_IDEA_ID })));

      // Assess: the decision itself is stored; the merge is still pending.
      expect(store.ideas.get(IDEA_ID)?.status).toBe('duplicate');
      expect([...work.mergeJobs.values()]).toEqual([{ ideaId: IDEA_ID, into: OTHER_IDEA_ID, at: AT }]);
    });
  });

  describe('the e-mail to the submitter', () => {
    it('is stored with the decision, named after the idea’s new version, and handed back to be queued', async () => {
      // Prepare
      const { notifications, deps } = setup();

      // Act
      const result = await decide(deps, request({ decision: 'needs_info', question: 'Hvilke tre systemer er det?' }));

      // Assess
      expect(result.notificationId).toBe(`${IDEA_ID}.v3`);
      const stored = await notifications.get(`${IDEA_ID}.v3`);
      expect(stored).toMatchObject({ kind: 'idea-status', ideaId: IDEA_ID, to: SUBMITTER_EMAIL, language: 'da', createdAt: AT });
      expect(stored?.subject).toBe('Nyt om din idé: Færre dobbeltregistreringer på plejecentret');
      expect(stored?.text).toContain('Spørgsmål: Hvilke tre systemer er det?');
    });

    it('is written in the submitter’s language, not the language of the member of staff', async () => {
      // Prepare: an English idea, decided from a Danish console.
      const { notifications, deps } = setup({ language: 'en', title: 'Fewer double entries' });

      // Act
      await decide(deps, request({ decision: 'decline', reasonCode: 'already_solved', message: 'FMK already does this.' }, { language: 'da' }));

      // Assess
      const stored = await notifications.get(`${IDEA_ID}.v3`);
      expect(stored?.language).toBe('en');
      expect(stored?.subject).toBe('News about your idea: Fewer double entries');
      expect(stored?.text).toContain('Reason: A solution already exists.');
      expect(stored?.text).toContain('FMK already does this.');
    });

    it('is not written for an anonymous idea', async () => {
      // Prepare
      const store = new InMemoryIdeaStore().seed(anAnonymousIdea('ab'.repeat(32), { status: 'in_triage', version: 2 }));
      const others = stores(store);
      const { notifications } = others;

      // Act
      const result = await decide({ store, ...others, keys: testKeys }, request({ decision: 'park', revisitOn: '2026-06-01' }));

      // Assess
      expect(result.idea.status).toBe('parked');
      expect(result).not.toHaveProperty('notificationId');
      expect(notifications.notifications.size).toBe(0);
    });
  });
});

describe('decide with personal data in the question or message', () => {
  it('refuses a question holding a CPR number unless confirmed, changing nothing', async () => {
    // Prepare
    const { store, notifications, deps } = setup();

    // Act
    const error = await rejectionOf(decide(deps, request({ decision: 'needs_info', question: 'Er det borgeren 010203-1234?' })));

    // Assess
    expect(error).toBeInstanceOf(PersonalDataError);
    expect((error as PersonalDataError).findings).toEqual([{ pointer: '/question', kind: 'cpr', start: 16, end: 27 }]);
    expect(await store.getIdea(IDEA_ID)).toMatchObject({ status: 'in_triage', version: 2 });
    expect(notifications.notifications.size).toBe(0);
  });

  it('takes a confirmed decision and keeps its message as written', async () => {
    // Prepare
    const { store, deps } = setup();

    // Act
    const result = await decide(deps, { ...request({ decision: 'redirect', to: 'hr', message: 'Skriv til hr.team@kommune.dk.' }), confirmPersonalData: true });

    // Assess
    expect(result.idea).toMatchObject({ status: 'redirected', decision: { message: 'Skriv til hr.team@kommune.dk.' } });
    expect(await store.getIdea(IDEA_ID)).toMatchObject({ status: 'redirected' });
  });
});

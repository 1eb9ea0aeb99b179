import { describe, expect, it, vi } from 'vitest';
import { RESEMBLANCE_MIN_SCORE } from '../../../shared/domain/learnings.ts';
import { admitToTriage, UnknownIdeaError } from '../../../shared/intake/admit.ts';
import { VersionConflictError } from '../../../shared/store/ports.ts';
import { rejectionOf } from '../support/errors.ts';
import { InMemoryIdeaStore, InMemoryNotificationStore, InMemoryPilotStore, InMemorySimilarityIndex, InMemoryStrategyStore, RecordingNotifyQueue } from '../support/fakes.ts';
import { aStrategy } from '../support/strategy.ts';
import { aPilotIn, aStoppedPilot, OTHER_PILOT_ID, PILOT_ID } from '../support/pilots.ts';
import { aFrictionIdea, aFrictionIdeaWithoutFigures, anAnonymousIdea, anIdea, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_EMAIL, SUBMITTER_SUB } from '../support/ideas.ts';
import { fixedClock } from '../support/clock.ts';

const NOW = new Date('2026-01-05T08:31:00.000Z');
const strategies = new InMemoryStrategyStore({ ...aStrategy(), version: 3, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system' });

function deps(store: InMemoryIdeaStore, index = new InMemorySimilarityIndex(), notify = new RecordingNotifyQueue(), notifications = new InMemoryNotificationStore(store.log)) {
  return { store, strategies, index, notifications, notify, pilots: new InMemoryPilotStore(store.log), clock: fixedClock(NOW) };
}

/** A submitter whose token carried an e-mail address, so Spire can write to them. */
const withEmail = { submitter: { sub: SUBMITTER_SUB, name: 'Birthe Sørensen', email: SUBMITTER_EMAIL } };

describe('admitToTriage', () => {
  it('moves a submitted idea to in_triage, as the system, with its history event', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());

    // Act
    const outcome = await admitToTriage(deps(store), IDEA_ID);

    // Assess
    expect(outcome).toBe('admitted');
    expect(store.ideas.get(IDEA_ID)).toMatchObject({ status: 'in_triage', statusChangedAt: NOW.toISOString(), version: 2 });
    expect(store.events).toEqual([{ ideaId: IDEA_ID, version: 2, at: NOW.toISOString(), from: 'submitted', to: 'in_triage', actor: { kind: 'system' } }]);
  });

  it('aligns the idea with the current strategy’s themes and records that version', async () => {
    // Prepare: the test strategy's automation theme has the keyword "dobbeltindtastning".
    const store = new InMemoryIdeaStore().seed(anIdea({ title: 'Dobbeltindtastning i tre systemer', description: 'Vi taster de samme oplysninger tre gange, dobbeltindtastning hver dag.' }));

    // Act
    await admitToTriage(deps(store), IDEA_ID);

    // Assess
    const alignment = store.ideas.get(IDEA_ID)?.themeAlignment;
    expect(alignment?.strategyVersion).toBe(3);
    expect(alignment?.scores[0]?.themeId).toBe('automatisering');
    expect(alignment?.scores[0]?.matchedTerms).toContain('dobbeltindtastning');
  });

  it('finds an earlier idea about the same friction as a likely duplicate, and files the new one', async () => {
    // Prepare: the first idea is admitted; a second, about the same bøvl, arrives.
    const store = new InMemoryIdeaStore();
    const index = new InMemorySimilarityIndex();
    const first = anIdea({ id: OTHER_IDEA_ID, title: 'Dobbeltindtastning af medicinlister', description: 'Vi taster medicinlisten ind både i omsorgssystemet og i apotekets system hver uge.' });
    store.seed(first);
    await admitToTriage(deps(store, index), OTHER_IDEA_ID);
    store.seed(anIdea({ title: 'Medicinlister tastes ind to gange', description: 'Hver uge taster vi medicinlisten ind i omsorgssystemet og igen i apotekets system.' }));

    // Act
    await admitToTriage(deps(store, index), IDEA_ID);

    // Assess
    const candidates = store.ideas.get(IDEA_ID)?.duplicateCandidates ?? [];
    expect(candidates.map((candidate) => candidate.ideaId)).toEqual([OTHER_IDEA_ID]);
    expect(candidates[0]?.similarity).toBeGreaterThan(0.3);
    expect(store.ideas.get(IDEA_ID)?.shingles?.length).toBeGreaterThan(0);
    expect([...index.bands.values()].some((sortKeys) => sortKeys.some((sortKey) => sortKey.endsWith(IDEA_ID)))).toBe(true);
  });

  it('computes the friction hours per year on the way in', async () => {
    // Prepare: 3 times a day × 10 minutes × 12 people
    const store = new InMemoryIdeaStore().seed(aFrictionIdea());

    // Act
    await admitToTriage(deps(store), IDEA_ID);

    // Assess
    expect(store.ideas.get(IDEA_ID)?.frictionHoursPerYear).toBe(1380);
  });

  it('gives a plain idea no friction hours', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());

    // Act
    await admitToTriage(deps(store), IDEA_ID);

    // Assess
    expect(store.ideas.get(IDEA_ID)).not.toHaveProperty('frictionHoursPerYear');
  });

  it('leaves the friction hours of friction without figures unknown, never 0', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(aFrictionIdeaWithoutFigures());

    // Act
    await admitToTriage(deps(store), IDEA_ID);

    // Assess
    const admitted = store.ideas.get(IDEA_ID);
    expect(admitted).toMatchObject({ status: 'in_triage', figuresUnknown: true });
    expect(admitted).not.toHaveProperty('frictionHoursPerYear');
    expect(admitted).not.toHaveProperty('friction');
  });

  it('suggests no benefit for friction without figures: the criterion is left for triage and the priority incomplete', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(aFrictionIdeaWithoutFigures());

    // Act
    await admitToTriage(deps(store), IDEA_ID);

    // Assess
    const scorecard = store.ideas.get(IDEA_ID)?.scorecard;
    expect(scorecard?.scores).not.toHaveProperty('benefit');
    expect(scorecard?.complete).toBe(false);
  });

  it('tells triage which stopped pilots a new idea resembles, from their learnings', async () => {
    // Prepare: a pilot about a tablet app for the home care's registrations was stopped; a realised one about the same is not a warning.
    const store = new InMemoryIdeaStore();
    const pilots = new InMemoryPilotStore(store.log).seed(
      aStoppedPilot('pilot', {
        title: 'Tablet-app til registrering i hjemmeplejen',
        description: 'Hjemmeplejen registrerer besøg på papir og taster dem ind bagefter.',
        learnings: 'Medarbejderne i hjemmeplejen brugte mere tid på login i appen end på registreringen. Tabletten var for langsom ude hos borgerne.',
      }),
      aPilotIn('realised', undefined, {
        id: OTHER_PILOT_ID,
        title: 'Tablet-app til registrering i hjemmeplejen',
        description: 'Hjemmeplejen registrerer besøg på papir.',
        learnings: 'Appen virkede, da login blev fjernet. Registreringen tager nu halvdelen af tiden.',
      }),
    );
    store.seed(anIdea({ id: OTHER_IDEA_ID, title: 'App til registrering af besøg i hjemmeplejen', description: 'Vi registrerer hvert besøg på papir og taster det ind på kontoret. En app på en tablet ville spare tid.' }));

    // Act
    await admitToTriage({ ...deps(store), pilots }, OTHER_IDEA_ID);

    // Assess
    const resembling = store.ideas.get(OTHER_IDEA_ID)?.resemblingPilots;
    expect(resembling?.map((match) => match.pilotId)).toEqual([PILOT_ID]);
    expect(resembling?.[0]?.score).toBeGreaterThanOrEqual(RESEMBLANCE_MIN_SCORE);
    expect(resembling?.[0]?.score).toBeLessThanOrEqual(1);
  });

  it('gives an idea unlike every stopped pilot no resembling pilots', async () => {
    // Prepare
    const store = new InMemoryIdeaStore();
    const pilots = new InMemoryPilotStore(store.log).seed(
      aStoppedPilot('pilot', {
        title: 'Tablet-app til registrering i hjemmeplejen',
        description: 'Hjemmeplejen registrerer besøg på papir og taster dem ind bagefter.',
        learnings: 'Medarbejderne i hjemmeplejen brugte mere tid på login i appen end på registreringen. Tabletten var for langsom ude hos borgerne.',
      }),
    );
    store.seed(anIdea({ id: OTHER_IDEA_ID, title: 'Fælles kalender til mødelokaler på rådhuset', description: 'Mødelokalerne på rådhuset bookes i tre forskellige regneark, så de ofte er dobbeltbooket.' }));

    // Act
    await admitToTriage({ ...deps(store), pilots }, OTHER_IDEA_ID);

    // Assess
    expect(store.ideas.get(OTHER_IDEA_ID)?.status).toBe('in_triage');
    expect(store.ideas.get(OTHER_IDEA_ID)).not.toHaveProperty('resemblingPilots');
  });

  it.each(['in_triage', 'needs_info', 'declined', 'withdrawn'] as const)('changes nothing when the idea is already %s (a repeated delivery)', async (status) => {
    // Prepare
    const idea = anIdea({ status, version: 4 });
    const store = new InMemoryIdeaStore().seed(idea);

    // Act
    const outcome = await admitToTriage(deps(store), IDEA_ID);

    // Assess
    expect(outcome).toBe('already-admitted');
    expect(store.ideas.get(IDEA_ID)).toEqual(idea);
    expect(store.events).toEqual([]);
  });

  it('admits an idea once when the same message is delivered twice', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());

    // Act
    const first = await admitToTriage(deps(store), IDEA_ID);
    const second = await admitToTriage(deps(store), IDEA_ID);

    // Assess
    expect([first, second]).toEqual(['admitted', 'already-admitted']);
    expect(store.events).toHaveLength(1);
  });

  it('treats losing a race to another delivery as already admitted', async () => {
    // Prepare: the other delivery moves the idea between our read and our write
    const store = new InMemoryIdeaStore().seed(anIdea());
    const transition = store.transition.bind(store);
    vi.spyOn(store, 'transition').mockImplementationOnce(async (change, ...alongside) => {
      await transition(change, ...alongside);
      return transition(change, ...alongside);
    });

    // Act
    const outcome = await admitToTriage(deps(store), IDEA_ID);

    // Assess
    expect(outcome).toBe('already-admitted');
    expect(store.ideas.get(IDEA_ID)?.status).toBe('in_triage');
  });

  it('rethrows a conflict when the idea is still submitted, so the message is retried', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());
    vi.spyOn(store, 'transition').mockRejectedValueOnce(new VersionConflictError({ kind: 'idea', id: IDEA_ID, expectedVersion: 1 }, 'requeueCount changed'));

    // Act
    const error = await rejectionOf(admitToTriage(deps(store), IDEA_ID));

    // Assess
    expect(error).toBeInstanceOf(VersionConflictError);
  });

  it('rethrows other store errors', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());
    vi.spyOn(store, 'transition').mockRejectedValueOnce(new Error('DynamoDB is unavailable'));

    // Act
    const error = await rejectionOf(admitToTriage(deps(store), IDEA_ID));

    // Assess
    expect(error.message).toBe('DynamoDB is unavailable');
  });

  it('throws UnknownIdeaError for an idea that is not stored', async () => {
    // Prepare
    const store = new InMemoryIdeaStore();

    // Act
    const error = await rejectionOf(admitToTriage(deps(store), IDEA_ID));

    // Assess
    expect(error).toBeInstanceOf(UnknownIdeaError);
    expect(error.message).toContain(IDEA_ID);
  });

  it('stores the submitter’s "the team has your idea" e-mail with the change and queues it', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea(withEmail));
    const notifications = new InMemoryNotificationStore(store.log);
    const notify = new RecordingNotifyQueue();

    // Act
    await admitToTriage(deps(store, new InMemorySimilarityIndex(), notify, notifications), IDEA_ID);

    // Assess: the id is the idea at its new version, so a redelivery cannot write a second one.
    const stored = await notifications.get(`${IDEA_ID}.v2`);
    expect(stored).toMatchObject({ kind: 'idea-status', ideaId: IDEA_ID, to: SUBMITTER_EMAIL, language: 'da', createdAt: NOW.toISOString() });
    expect(stored?.subject).toBe('Nyt om din idé: Færre dobbeltregistreringer på plejecentret');
    expect(stored?.text).toContain('Digitaliseringsteamet har fået din idé og vurderer den.');
    expect(stored).not.toHaveProperty('sentAt');
    expect(notify.sent).toEqual([[`${IDEA_ID}.v2`]]);
  });

  it('queues the e-mail only after the change is stored', async () => {
    // Prepare
    const log: string[] = [];
    const store = new InMemoryIdeaStore(log).seed(anIdea(withEmail));

    // Act
    await admitToTriage(deps(store, new InMemorySimilarityIndex(), new RecordingNotifyQueue(log)), IDEA_ID);

    // Assess
    expect(log).toEqual([`store.transition ${IDEA_ID} in_triage`, `notify.enqueue ${IDEA_ID}.v2`]);
  });

  it('still admits the idea when the notify queue cannot be reached; the e-mail stays pending for the sweeper', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea(withEmail));
    const notifications = new InMemoryNotificationStore(store.log);
    const notify = new RecordingNotifyQueue();
    notify.outage = new Error('SQS is unavailable');

    // Act
    const outcome = await admitToTriage(deps(store, new InMemorySimilarityIndex(), notify, notifications), IDEA_ID);

    // Assess
    expect(outcome).toBe('admitted');
    expect(notifications.pending().map((notification) => notification.id)).toEqual([`${IDEA_ID}.v2`]);
  });

  it('writes and queues no e-mail for an anonymous idea', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anAnonymousIdea('ab'.repeat(32)));
    const notifications = new InMemoryNotificationStore(store.log);
    const notify = new RecordingNotifyQueue();

    // Act
    const outcome = await admitToTriage(deps(store, new InMemorySimilarityIndex(), notify, notifications), IDEA_ID);

    // Assess
    expect(outcome).toBe('admitted');
    expect(notifications.notifications.size).toBe(0);
    expect(notify.sent).toEqual([]);
  });

  it('writes no e-mail when the submitter’s token carried no address', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());
    const notifications = new InMemoryNotificationStore(store.log);
    const notify = new RecordingNotifyQueue();

    // Act
    await admitToTriage(deps(store, new InMemorySimilarityIndex(), notify, notifications), IDEA_ID);

    // Assess
    expect(notifications.notifications.size).toBe(0);
    expect(notify.sent).toEqual([]);
  });

  it('queues no e-mail for a repeated delivery', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea(withEmail));
    const notifications = new InMemoryNotificationStore(store.log);
    const notify = new RecordingNotifyQueue();
    await admitToTriage(deps(store, new InMemorySimilarityIndex(), notify, notifications), IDEA_ID);

    // Act
    await admitToTriage(deps(store, new InMemorySimilarityIndex(), notify, notifications), IDEA_ID);

    // Assess
    expect(notify.sent).toEqual([[`${IDEA_ID}.v2`]]);
    expect(notifications.notifications.size).toBe(1);
  });
});

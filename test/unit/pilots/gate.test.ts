import { describe, expect, it } from 'vitest';
import { DEFAULT_GATES, type GateRequest } from '../../../shared/domain/gates.ts';
import type { Pilot } from '../../../shared/domain/pilot.ts';
import type { Caller } from '../../../shared/domain/roles.ts';
import { ChecklistIncompleteError, ForbiddenError, HypothesisMissingError, InvalidGateDecisionError, NotFoundError, PreconditionFailedError, ValidationError } from '../../../shared/http/errors.ts';
import { decideAtGate, gateRole } from '../../../shared/pilots/gate.ts';
import { fixedClock } from '../support/clock.ts';
import { asProblem, rejectionOf } from '../support/errors.ts';
import { InMemoryPilotStore } from '../support/fakes.ts';
import { TRIAGE } from '../support/ideas.ts';
import { aPilot, aPilotReadyToStart, aPilotIn, aStoppedPilot, DIRECTOR, LEARNINGS, OTHER_PILOT_ID, PILOT_ID } from '../support/pilots.ts';

const AT = '2026-02-10T10:00:00.000Z';
const ADMIN: Caller = { sub: 'a1-admin', name: 'Åse Admin', roles: ['admin'] };

/** Every item of the sprint → pilot gate answered yes. */
const PILOT_GATE_ALL_YES = Object.fromEntries(DEFAULT_GATES.gates.pilot.map((item) => [item.id, true]));

function setup(...pilots: Pilot[]) {
  const store = new InMemoryPilotStore().seed(...(pilots.length === 0 ? [aPilotReadyToStart()] : pilots));
  return store;
}

function decide(
  store: InMemoryPilotStore,
  gate: GateRequest,
  options: { caller?: Caller; expectedVersion?: number; pilotId?: string; language?: 'da' | 'en' } = {},
) {
  return asProblem(
    decideAtGate({ pilots: store, clock: fixedClock(AT) }, { pilotId: options.pilotId ?? PILOT_ID, ifMatch: [options.expectedVersion ?? 1], gate, caller: options.caller ?? TRIAGE }),
    options.language ?? 'da',
  );
}

/** Nothing of a refused decision reached the store. */
function expectNothingWritten(store: InMemoryPilotStore, before: Pilot) {
  expect(store.pilots.get(before.id)).toEqual(before);
  expect(store.events).toEqual([]);
  expect(store.gates).toEqual([]);
  expect(store.log.filter((entry) => entry.startsWith('pilots.save'))).toEqual([]);
}

describe('gateRole', () => {
  it.each<[string, Caller['roles'], 'director' | 'triage' | undefined]>([
    ['a director', ['employee', 'director'], 'director'],
    ['somebody who is both director and triage', ['employee', 'triage', 'director'], 'director'],
    ['the digitalisation team', ['employee', 'triage'], 'triage'],
    ['an admin alone', ['admin'], undefined],
    ['a plain employee', ['employee'], undefined],
  ])('records %s as %s', (_case, roles, role) => {
    // Act
    const result = gateRole({ sub: 'x', roles });

    // Assess
    expect(result).toBe(role);
  });
});

describe('decideAtGate', () => {
  describe('go', () => {
    it('moves a sprint into pilot when every required item is answered yes, with its record and history event', async () => {
      // Prepare
      const store = setup();

      // Act
      const { pilot, record } = await decide(store, { decision: 'go', reason: 'Klar til afprøvning på Solbakken.', checklist: PILOT_GATE_ALL_YES });

      // Assess
      expect(pilot).toEqual({ ...aPilotReadyToStart(), stage: 'pilot', stageEnteredAt: AT, reachedStages: ['sprint', 'pilot'], updatedAt: AT, version: 2 });
      expect(record).toEqual({
        decision: 'go',
        gate: 'pilot',
        from: 'sprint',
        to: 'pilot',
        at: AT,
        by: { sub: TRIAGE.sub, name: 'Søren Ærø' },
        role: 'triage',
        reason: 'Klar til afprøvning på Solbakken.',
        checklist: DEFAULT_GATES.gates.pilot.map((item) => ({ ...item, answer: true })),
      });
      expect(store.pilots.get(PILOT_ID)).toEqual(pilot);
      expect(store.events).toEqual([
        { pilotId: PILOT_ID, version: 2, at: AT, by: { sub: TRIAGE.sub, name: 'Søren Ærø' }, change: 'gate', from: 'sprint', to: 'pilot', decision: 'go', reason: 'Klar til afprøvning på Solbakken.' },
      ]);
      expect(store.gates).toEqual([{ pilotId: PILOT_ID, version: 2, gate: record }]);
    });

    it('records a director’s decision in the director role', async () => {
      // Prepare
      const store = setup();

      // Act
      const { record } = await decide(store, { decision: 'go', reason: 'Ledelsen bakker op.', checklist: PILOT_GATE_ALL_YES }, { caller: DIRECTOR });

      // Assess
      expect(record.role).toBe('director');
      expect(record.by).toEqual({ sub: DIRECTOR.sub, name: 'Dorte Øster' });
      expect(store.events[0]?.by).toEqual({ sub: DIRECTOR.sub, name: 'Dorte Øster' });
    });

    it('keeps optional items that were not answered as no in the record', async () => {
      // Prepare: the pilot → evaluation gate has one optional item.
      const store = setup(aPilotIn('pilot'));

      // Act
      const { pilot, record } = await decide(store, { decision: 'go', reason: 'Målingerne er klar.', checklist: {} }, { expectedVersion: 2 });

      // Assess
      expect(pilot).toMatchObject({ stage: 'evaluation', reachedStages: ['sprint', 'pilot', 'evaluation'], version: 3 });
      expect(record.checklist).toEqual([{ id: 'real-users', text: DEFAULT_GATES.gates.evaluation[0]?.text, required: false, answer: false }]);
    });

    it('lifts a hold', async () => {
      // Prepare
      const store = setup(aPilotReadyToStart({ hold: { until: '2026-02-09', reason: 'Venter på IT.' } }));

      // Act
      const { pilot } = await decide(store, { decision: 'go', reason: 'IT har svaret.', checklist: PILOT_GATE_ALL_YES });

      // Assess
      expect(pilot).not.toHaveProperty('hold');
      expect(store.pilots.get(PILOT_ID)).not.toHaveProperty('hold');
    });

    it('asks the checklist as the admin has set it', async () => {
      // Prepare
      const store = setup();
      store.settings = {
        ...store.settings,
        gates: { ...store.settings.gates, pilot: [{ id: 'budget', text: { da: 'Budgettet er godkendt', en: 'Budget approved' }, required: true }] },
        version: 4,
      };

      // Act
      const { record } = await decide(store, { decision: 'go', reason: 'Budgettet er på plads.', checklist: { budget: true } });

      // Assess
      expect(record.checklist).toEqual([{ id: 'budget', text: { da: 'Budgettet er godkendt', en: 'Budget approved' }, required: true, answer: true }]);
    });
  });

  it('holds a pilot in its stage until a day, without moving when it entered it', async () => {
    // Prepare
    const before = aPilotIn('pilot');
    const store = setup(before);

    // Act
    const { pilot, record } = await decide(store, { decision: 'hold', reason: 'Vi venter på leverandøren.', revisitOn: '2026-03-15', checklist: {} }, { expectedVersion: 2 });

    // Assess
    expect(pilot).toEqual({ ...before, hold: { until: '2026-03-15', reason: 'Vi venter på leverandøren.' }, updatedAt: AT, version: 3 });
    expect(record).toMatchObject({ decision: 'hold', gate: 'evaluation', from: 'pilot', to: 'pilot', revisitOn: '2026-03-15' });
    expect(record).not.toHaveProperty('mustChange');
    expect(store.events).toEqual([expect.objectContaining({ change: 'gate', from: 'pilot', to: 'pilot', decision: 'hold', version: 3 })]);
  });

  it('recycles a pilot one stage back with what must change, lifting its hold', async () => {
    // Prepare
    const store = setup(aPilotIn('pilot', undefined, { hold: { until: '2026-02-20', reason: 'Afventer.' } }));

    // Act
    const { pilot, record } = await decide(
      store,
      { decision: 'recycle', reason: 'Løsningen passer ikke til nattevagten.', mustChange: 'Storyboardet skal dække nattevagtens arbejdsgang.', checklist: {} },
      { expectedVersion: 2 },
    );

    // Assess
    expect(pilot).toMatchObject({ stage: 'sprint', stageEnteredAt: AT, reachedStages: ['sprint', 'pilot'], version: 3 });
    expect(pilot).not.toHaveProperty('hold');
    expect(record).toMatchObject({ decision: 'recycle', gate: 'evaluation', from: 'pilot', to: 'sprint', mustChange: 'Storyboardet skal dække nattevagtens arbejdsgang.' });
    expect(record).not.toHaveProperty('revisitOn');
    expect(store.events).toEqual([expect.objectContaining({ change: 'gate', from: 'pilot', to: 'sprint', decision: 'recycle' })]);
  });

  it('stops a pilot with its learnings, which become searchable', async () => {
    // Prepare
    const store = setup(aPilotIn('evaluation'));

    // Act
    const { pilot, record } = await decide(store, { decision: 'stop', reason: 'Gevinsten udeblev.', learnings: LEARNINGS, checklist: {} }, { expectedVersion: 3, caller: DIRECTOR });

    // Assess
    expect(pilot).toMatchObject({ stage: 'stopped', stoppedFrom: 'evaluation', learnings: LEARNINGS, stageEnteredAt: AT, reachedStages: ['sprint', 'pilot', 'evaluation', 'stopped'], version: 4 });
    expect(record).toMatchObject({ decision: 'stop', gate: 'operations', from: 'evaluation', to: 'stopped', role: 'director' });
    expect(store.events).toEqual([expect.objectContaining({ change: 'gate', from: 'evaluation', to: 'stopped', decision: 'stop', reason: 'Gevinsten udeblev.' })]);
    expect(await store.listLearnings()).toEqual([expect.objectContaining({ pilotId: PILOT_ID, stage: 'stopped', learnings: LEARNINGS })]);
  });

  describe('refusals', () => {
    it('refuses an admin who is neither director nor triage, reading nothing', async () => {
      // Prepare
      const store = setup();

      // Act
      const error = await rejectionOf(decide(store, { decision: 'go', reason: 'Jeg er admin.', checklist: PILOT_GATE_ALL_YES }, { caller: ADMIN }));

      // Assess
      expect(error).toBeInstanceOf(ForbiddenError);
      expectNothingWritten(store, aPilotReadyToStart());
    });

    it('answers 404 for a pilot that does not exist', async () => {
      // Prepare
      const store = setup();

      // Act
      const error = await rejectionOf(decide(store, { decision: 'go', reason: 'Klar.', checklist: PILOT_GATE_ALL_YES }, { pilotId: OTHER_PILOT_ID }));

      // Assess
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).detailText).toEqual({ da: 'Der er ingen pilot med det id.', en: 'There is no pilot with that id.' });
      expectNothingWritten(store, aPilotReadyToStart());
    });

    it.each([0, 2])('answers 412 for a decision on version %i when the pilot is at version 1', async (version) => {
      // Prepare
      const store = setup();

      // Act
      const error = await rejectionOf(decide(store, { decision: 'go', reason: 'Klar.', checklist: PILOT_GATE_ALL_YES }, { expectedVersion: version }));

      // Assess
      expect(error).toBeInstanceOf(PreconditionFailedError);
      expectNothingWritten(store, aPilotReadyToStart());
    });

    it('answers 412 when another decision is saved between the read and the write', async () => {
      // Prepare: somebody holds the pilot while our decision is being worked out.
      const store = setup();
      const settings = store.gateSettings.bind(store);
      let raced = false;
      store.gateSettings = async () => {
        if (!raced) {
          raced = true;
          await decide(store, { decision: 'hold', reason: 'Vent på budgettet.', revisitOn: '2026-03-01', checklist: {} }, { caller: DIRECTOR });
        }
        return settings();
      };

      // Act
      const error = await rejectionOf(decide(store, { decision: 'go', reason: 'Klar.', checklist: PILOT_GATE_ALL_YES }));

      // Assess
      expect(error).toBeInstanceOf(PreconditionFailedError);
      expect(store.pilots.get(PILOT_ID)).toMatchObject({ stage: 'sprint', hold: { until: '2026-03-01' }, version: 2 });
      expect(store.events.map((event) => event.decision)).toEqual(['hold']);
      expect(store.gates).toHaveLength(1);
    });

    it('lets exactly one of two decisions at the same version win; the other gets 412', async () => {
      // Prepare
      const store = setup();

      // Act
      const results = await Promise.allSettled([
        decide(store, { decision: 'go', reason: 'Klar til pilot.', checklist: PILOT_GATE_ALL_YES }),
        decide(store, { decision: 'stop', reason: 'Vi stopper.', learnings: LEARNINGS, checklist: {} }, { caller: DIRECTOR }),
      ]);

      // Assess
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result) => result.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]?.reason).toBeInstanceOf(PreconditionFailedError);
      expect(store.events).toHaveLength(1);
      expect(store.gates).toHaveLength(1);
      expect(store.pilots.get(PILOT_ID)).toEqual(won[0]?.value.pilot);
    });

    it('refuses go into pilot (409 hypothesis-missing) while the pilot has no hypothesis, writing nothing', async () => {
      // Prepare
      const store = setup(aPilot());

      // Act
      const error = await rejectionOf(decide(store, { decision: 'go', reason: 'Klar.', checklist: PILOT_GATE_ALL_YES }));

      // Assess
      expect(error).toBeInstanceOf(HypothesisMissingError);
      expect((error as HypothesisMissingError).status).toBe(409);
      expect((error as HypothesisMissingError).type).toBe('hypothesis-missing');
      expectNothingWritten(store, aPilot());
    });

    it('refuses go while required items are not answered yes (409), listing them in Danish', async () => {
      // Prepare
      const store = setup();

      // Act
      const error = await rejectionOf(
        decide(store, { decision: 'go', reason: 'Klar.', checklist: { 'gdpr-dpia-screening': true, 'architecture-fit': false } }),
      );

      // Assess
      expect(error).toBeInstanceOf(ChecklistIncompleteError);
      const incomplete = error as ChecklistIncompleteError;
      expect(incomplete.status).toBe(409);
      expect(incomplete.missing).toEqual([
        { id: 'architecture-fit', text: 'IT har vurderet arkitekturen' },
        { id: 'operations-owner-named', text: 'Driftsejer er udpeget' },
        { id: 'success-measure-baseline', text: 'Succesmål og baseline er fastsat' },
      ]);
      expect(incomplete.detailText?.da).toBe('Før go skal disse punkter være besvaret ja: IT har vurderet arkitekturen; Driftsejer er udpeget; Succesmål og baseline er fastsat.');
      expectNothingWritten(store, aPilotReadyToStart());
    });

    it('lists the missing items in English for an English caller', async () => {
      // Prepare
      const store = setup();

      // Act
      const error = await rejectionOf(decide(store, { decision: 'go', reason: 'Ready.', checklist: {} }, { language: 'en' }));

      // Assess
      expect((error as ChecklistIncompleteError).missing.map((item) => item.text)).toEqual([
        'GDPR/DPIA screening done',
        'Architecture fit reviewed by IT',
        'Operations owner named',
        'Success measure and baseline set',
      ]);
    });

    it('does not ask for the checklist to hold or stop', async () => {
      // Prepare
      const store = setup();

      // Act
      const { pilot } = await decide(store, { decision: 'hold', reason: 'Afventer.', revisitOn: '2026-03-01', checklist: { 'gdpr-dpia-screening': false } });

      // Assess
      expect(pilot.hold?.until).toBe('2026-03-01');
    });

    it('refuses an answer to an item the checklist does not have, pointing at it', async () => {
      // Prepare
      const store = setup();

      // Act
      const error = await rejectionOf(decide(store, { decision: 'hold', reason: 'Afventer.', revisitOn: '2026-03-01', checklist: { ...PILOT_GATE_ALL_YES, 'budget/ok~1': true } }));

      // Assess
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([{ pointer: '/checklist/budget~1ok~01', detail: 'Punktet findes ikke på denne tjekliste' }]);
      expectNothingWritten(store, aPilotReadyToStart());
    });

    it('tells an English caller about an unknown item in English', async () => {
      // Prepare
      const store = setup();

      // Act
      const error = await rejectionOf(decide(store, { decision: 'go', reason: 'Ready.', checklist: { budget: true } }, { language: 'en' }));

      // Assess
      expect((error as ValidationError).errors).toEqual([{ pointer: '/checklist/budget', detail: 'There is no such item on this checklist' }]);
    });

    it.each([
      ['one short sentence', 'Det virkede ikke.'],
      ['one long sentence', 'Borgerne ville hellere ringe end bruge appen fordi de ikke kunne finde ud af at logge ind med MitID på telefonen'],
      ['blank text', '   '],
    ])('refuses to stop with learnings that are %s', async (_case, learnings) => {
      // Prepare
      const store = setup(aPilotIn('pilot'));

      // Act
      const error = await rejectionOf(decide(store, { decision: 'stop', reason: 'Vi stopper.', learnings, checklist: {} }, { expectedVersion: 2 }));

      // Assess
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([{ pointer: '/learnings', detail: 'Skriv hvad I har lært, i mindst et par sætninger' }]);
      expectNothingWritten(store, aPilotIn('pilot'));
    });

    it('refuses a recycle from the first stage (409), listing what it allows', async () => {
      // Prepare
      const store = setup();

      // Act
      const error = await rejectionOf(decide(store, { decision: 'recycle', reason: 'Om igen.', mustChange: 'Alt.', checklist: {} }));

      // Assess
      expect(error).toBeInstanceOf(InvalidGateDecisionError);
      expect(error).toMatchObject({ status: 409, stage: 'sprint', allowed: ['go', 'hold', 'stop'] });
      expect((error as InvalidGateDecisionError).detailText?.da).toBe('En pilot i fasen sprint kan ikke få beslutningen recycle. Mulige beslutninger: go, hold, stop.');
      expectNothingWritten(store, aPilotReadyToStart());
    });

    it.each([
      ['realised', aPilotIn('realised')],
      ['stopped', aStoppedPilot('pilot')],
    ])('refuses every decision for a %s pilot, which stands at no gate', async (stage, pilot) => {
      // Prepare
      const store = setup(pilot);

      // Act
      const error = await rejectionOf(decide(store, { decision: 'go', reason: 'Videre.', checklist: {} }, { expectedVersion: pilot.version, language: 'en' }));

      // Assess
      expect(error).toBeInstanceOf(InvalidGateDecisionError);
      expect(error).toMatchObject({ stage, allowed: [] });
      expect((error as InvalidGateDecisionError).detailText?.en).toBe(`A pilot in stage ${stage} cannot get the decision go. Possible decisions: none.`);
      expectNothingWritten(store, pilot);
    });
  });
});

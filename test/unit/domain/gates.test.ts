import { describe, expect, it } from 'vitest';
import {
  allowedGateDecisions,
  DEFAULT_GATES,
  decideGate,
  gateAt,
  LEARNINGS_MIN_LENGTH,
  LEARNINGS_MIN_SENTENCES,
  learningsAreSubstantial,
  sentenceCount,
  type GateRequest,
  type GateSettings,
} from '../../../shared/domain/gates.ts';
import type { StaffMember } from '../../../shared/domain/idea.ts';
import { ACTIVE_STAGES, GATE_NAMES, PILOT_STAGES, type GateName, type GateRole, type Pilot, type PilotStage } from '../../../shared/domain/pilot.ts';
import { aPilot, aPilotReadyToStart, aPilotIn, aStoppedPilot, DIRECTOR, HYPOTHESIS, LEARNINGS } from '../support/pilots.ts';

const BY: StaffMember = { sub: DIRECTOR.sub, name: DIRECTOR.name };
const AT = '2026-03-10T13:45:00.000Z';
const CONTEXT: { settings: GateSettings; by: StaffMember; role: GateRole; at: string } = { settings: DEFAULT_GATES, by: BY, role: 'director', at: AT };

/** Every item of the gate answered yes. */
function allYes(gate: GateName, settings: GateSettings = DEFAULT_GATES): Record<string, boolean> {
  return Object.fromEntries(settings.gates[gate].map((entry) => [entry.id, true]));
}

const go = (checklist: Record<string, boolean>): GateRequest => ({ decision: 'go', reason: 'Klar til næste fase', checklist });
const hold = (revisitOn = '2026-04-01', checklist: Record<string, boolean> = {}): GateRequest => ({ decision: 'hold', reason: 'Afventer svar fra IT-arkitekten', revisitOn, checklist });
const recycle = (checklist: Record<string, boolean> = {}): GateRequest => ({ decision: 'recycle', reason: 'Prototypen holdt ikke', mustChange: 'Test med rigtige borgere på plejecentret', checklist });
const stop = (learnings = LEARNINGS, checklist: Record<string, boolean> = {}): GateRequest => ({ decision: 'stop', reason: 'Gevinsten udeblev', learnings, checklist });

/** The pilot as it stands in `stage`, from the builders. */
function pilotIn(stage: 'sprint' | 'pilot' | 'evaluation' | 'operations', overrides: Partial<Pilot> = {}): Pilot {
  return stage === 'sprint' ? aPilotReadyToStart(overrides) : aPilotIn(stage, undefined, overrides);
}

function decided(pilot: Pilot, request: GateRequest, context = CONTEXT) {
  const outcome = decideGate(pilot, request, context);
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
  return outcome;
}

describe('DEFAULT_GATES', () => {
  it('has a checklist for every gate and a limit for every active stage', () => {
    // Assess
    expect(Object.keys(DEFAULT_GATES.gates).sort()).toEqual([...GATE_NAMES].sort());
    expect(Object.keys(DEFAULT_GATES.stageLimitDays).sort()).toEqual([...ACTIVE_STAGES].sort());
  });

  it('asks for a GDPR screening and IT’s architecture review before a pilot goes live', () => {
    // Act
    const required = DEFAULT_GATES.gates.pilot.filter((entry) => entry.required).map((entry) => entry.id);

    // Assess
    expect(required).toEqual(expect.arrayContaining(['gdpr-dpia-screening', 'architecture-fit']));
  });

  it('gives every item a unique id within its gate and a text in Danish and English', () => {
    for (const gate of GATE_NAMES) {
      const items = DEFAULT_GATES.gates[gate];
      expect(new Set(items.map((entry) => entry.id)).size).toBe(items.length);
      for (const entry of items) {
        expect(entry.text.da.length).toBeGreaterThan(0);
        expect(entry.text.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('has positive stage limits', () => {
    for (const stage of ACTIVE_STAGES) expect(DEFAULT_GATES.stageLimitDays[stage]).toBeGreaterThan(0);
  });
});

describe('gateAt', () => {
  it.each([
    ['sprint', 'pilot'],
    ['pilot', 'evaluation'],
    ['evaluation', 'operations'],
    ['operations', 'realised'],
  ] as const)('puts a pilot in %s at the gate into %s', (stage, gate) => {
    // Act
    const result = gateAt(stage);

    // Assess
    expect(result).toBe(gate);
  });

  it.each(['realised', 'stopped'] as const)('puts a %s pilot at no gate', (stage) => {
    // Act
    const result = gateAt(stage);

    // Assess
    expect(result).toBeUndefined();
  });
});

describe('allowedGateDecisions', () => {
  const ALLOWED: Record<PilotStage, string[]> = {
    sprint: ['go', 'hold', 'stop'],
    pilot: ['go', 'hold', 'recycle', 'stop'],
    evaluation: ['go', 'hold', 'recycle', 'stop'],
    operations: ['go', 'hold', 'recycle', 'stop'],
    realised: [],
    stopped: [],
  };

  it.each(PILOT_STAGES)('allows exactly the expected decisions in %s', (stage) => {
    // Act
    const decisions = allowedGateDecisions(stage);

    // Assess
    expect(decisions).toEqual(ALLOWED[stage]);
  });

  it('does not allow recycling a pilot from the first stage', () => {
    // Act
    const decisions = allowedGateDecisions('sprint');

    // Assess
    expect(decisions).not.toContain('recycle');
  });
});

describe('sentenceCount', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['Én sætning uden punktum', 1],
    ['Én sætning.', 1],
    ['Første sætning. Anden sætning.', 2],
    ['Virkede det? Nej! Borgerne ringede hellere.', 3],
    ['Vi prøvede… Det gik ikke.', 2],
    ['Første sætning.Anden uden mellemrum.', 1],
    ['Det kostede 2.500 om året. Det var for dyrt.', 2],
    ['... !!! ???', 0],
    ['123. 456.', 0],
    ['Æblerne rådnede. Øen blev øde. Åen løb over.', 3],
  ])('counts the sentences of %j as %i', (text, count) => {
    // Act
    const result = sentenceCount(text);

    // Assess
    expect(result).toBe(count);
  });
});

describe('learningsAreSubstantial', () => {
  it('accepts the learnings the test pilots are stopped with', () => {
    // Act
    const result = learningsAreSubstantial(LEARNINGS);

    // Assess
    expect(result).toBe(true);
  });

  it.each([undefined, '', '   '])('refuses missing or blank learnings (%j)', (text) => {
    // Act
    const result = learningsAreSubstantial(text);

    // Assess
    expect(result).toBe(false);
  });

  it('refuses one long sentence', () => {
    // Prepare
    const text = `Borgerne ville hellere ringe end bruge appen ${'og medarbejderne brugte tid på login '.repeat(3)}`;
    expect(text.length).toBeGreaterThanOrEqual(LEARNINGS_MIN_LENGTH);

    // Act
    const result = learningsAreSubstantial(text);

    // Assess
    expect(result).toBe(false);
  });

  it('refuses several sentences that are too short together', () => {
    // Prepare
    const text = 'Det virkede ikke. Vi stoppede. Øv.';
    expect(sentenceCount(text)).toBeGreaterThanOrEqual(LEARNINGS_MIN_SENTENCES);

    // Act
    const result = learningsAreSubstantial(text);

    // Assess
    expect(result).toBe(false);
  });

  it('does not count surrounding whitespace toward the length', () => {
    // Prepare
    const short = 'Det virkede ikke for borgerne. Vi stoppede piloten efter to måneder.';
    expect(short.length).toBeLessThan(LEARNINGS_MIN_LENGTH);

    // Act
    const result = learningsAreSubstantial(`${' '.repeat(40)}${short}${' '.repeat(40)}`);

    // Assess
    expect(result).toBe(false);
  });

  it('accepts two sentences of exactly the minimum length', () => {
    // Prepare
    const first = 'Borgerne ville hellere ringe. ';
    const text = first + 'x'.repeat(LEARNINGS_MIN_LENGTH - first.length - 1) + '.';
    expect(text.length).toBe(LEARNINGS_MIN_LENGTH);

    // Act
    const result = learningsAreSubstantial(text);

    // Assess
    expect(result).toBe(true);
  });
});

describe('decideGate', () => {
  describe('go', () => {
    it.each([
      ['sprint', 'pilot'],
      ['pilot', 'evaluation'],
      ['evaluation', 'operations'],
      ['operations', 'realised'],
    ] as const)('moves a pilot in %s on to %s when every required item is answered yes', (stage, next) => {
      // Prepare
      const pilot = pilotIn(stage);

      // Act
      const outcome = decided(pilot, go(allYes(next)));

      // Assess
      expect(outcome.pilot.stage).toBe(next);
      expect(outcome.pilot.stageEnteredAt).toBe(AT);
      expect(outcome.pilot.reachedStages).toEqual([...pilot.reachedStages, next]);
      expect(outcome.record).toMatchObject({ decision: 'go', gate: next, from: stage, to: next });
    });

    it('refuses go while a required item is unanswered, naming the missing items', () => {
      // Prepare
      const checklist = allYes('pilot');
      delete checklist['gdpr-dpia-screening'];

      // Act
      const outcome = decideGate(aPilotReadyToStart(), go(checklist), CONTEXT);

      // Assess
      expect(outcome).toEqual({ ok: false, refusal: { kind: 'checklist-incomplete', missing: [DEFAULT_GATES.gates.pilot[0]] } });
    });

    it('refuses go while a required item is answered no', () => {
      // Prepare
      const checklist = { ...allYes('pilot'), 'architecture-fit': false, 'operations-owner-named': false };

      // Act
      const outcome = decideGate(aPilotReadyToStart(), go(checklist), CONTEXT);

      // Assess
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.refusal.kind).toBe('checklist-incomplete');
      if (outcome.refusal.kind !== 'checklist-incomplete') return;
      expect(outcome.refusal.missing.map((entry) => entry.id)).toEqual(['architecture-fit', 'operations-owner-named']);
    });

    it('refuses go with an empty checklist at a gate with required items', () => {
      // Act
      const outcome = decideGate(aPilotIn('operations'), go({}), CONTEXT);

      // Assess
      expect(outcome.ok).toBe(false);
      if (!outcome.ok && outcome.refusal.kind === 'checklist-incomplete') expect(outcome.refusal.missing).toHaveLength(1);
    });

    it('lets go through when an optional item is answered no or not at all', () => {
      // Prepare
      const pilot = aPilotIn('pilot');

      // Act
      const unanswered = decideGate(pilot, go({}), CONTEXT);
      const answeredNo = decideGate(pilot, go({ 'real-users': false }), CONTEXT);

      // Assess
      expect(unanswered.ok && unanswered.pilot.stage).toBe('evaluation');
      expect(answeredNo.ok && answeredNo.pilot.stage).toBe('evaluation');
    });

    it('reads the checklist from the settings it is given, not from the defaults', () => {
      // Prepare
      const settings: GateSettings = {
        ...DEFAULT_GATES,
        gates: { ...DEFAULT_GATES.gates, pilot: [{ id: 'borgerinddragelse', text: { da: 'Borgere er inddraget', en: 'Citizens involved' }, required: true }] },
      };

      // Act
      const withDefaults = decideGate(aPilotReadyToStart(), go({ borgerinddragelse: true }), CONTEXT);
      const withSettings = decideGate(aPilotReadyToStart(), go({ borgerinddragelse: true }), { ...CONTEXT, settings });

      // Assess
      expect(withDefaults).toEqual({ ok: false, refusal: { kind: 'unknown-items', ids: ['borgerinddragelse'] } });
      expect(withSettings.ok && withSettings.pilot.stage).toBe('pilot');
    });

    it('refuses go into pilot while the hypothesis is not written, even with every item answered yes', () => {
      // Act
      const outcome = decideGate(aPilot(), go(allYes('pilot')), CONTEXT);

      // Assess
      expect(outcome).toEqual({ ok: false, refusal: { kind: 'hypothesis-missing' } });
    });

    it('lets a pilot without a hypothesis hold, or stop, in sprint', () => {
      expect(decideGate(aPilot(), hold(), CONTEXT).ok).toBe(true);
      expect(decideGate(aPilot(), stop(), CONTEXT).ok).toBe(true);
    });

    it('does not add a stage to reachedStages twice when a recycled pilot goes again', () => {
      // Prepare
      const recycled = decided(aPilotIn('pilot', undefined, { hypothesis: HYPOTHESIS }), recycle()).pilot;

      // Act
      const outcome = decided(recycled, go(allYes('pilot')));

      // Assess
      expect(outcome.pilot.stage).toBe('pilot');
      expect(outcome.pilot.reachedStages).toEqual(['sprint', 'pilot']);
    });
  });

  describe('unknown checklist items', () => {
    it.each(['go', 'hold', 'recycle', 'stop'] as const)('refuses %s when the checklist names an item the gate does not have', (decision) => {
      // Prepare
      const checklist = { ...allYes('evaluation'), 'ukendt-punkt': true, 'gdpr-dpia-screening': true };
      const requests: Record<typeof decision, GateRequest> = { go: go(checklist), hold: hold(undefined, checklist), recycle: recycle(checklist), stop: stop(LEARNINGS, checklist) };

      // Act
      const outcome = decideGate(aPilotIn('pilot'), requests[decision], CONTEXT);

      // Assess
      expect(outcome).toEqual({ ok: false, refusal: { kind: 'unknown-items', ids: ['ukendt-punkt', 'gdpr-dpia-screening'] } });
    });

    it('refuses unknown items even when they are answered no', () => {
      // Act
      const outcome = decideGate(aPilotReadyToStart(), hold(undefined, { 'ikke-på-listen': false }), CONTEXT);

      // Assess
      expect(outcome).toEqual({ ok: false, refusal: { kind: 'unknown-items', ids: ['ikke-på-listen'] } });
    });

    it('reports unknown items before missing required ones', () => {
      // Act
      const outcome = decideGate(aPilotReadyToStart(), go({ 'ikke-på-listen': true }), CONTEXT);

      // Assess
      expect(outcome.ok === false && outcome.refusal.kind).toBe('unknown-items');
    });
  });

  describe('not allowed', () => {
    it('refuses recycle from sprint, saying what is allowed', () => {
      // Act
      const outcome = decideGate(aPilotReadyToStart(), recycle(), CONTEXT);

      // Assess
      expect(outcome).toEqual({ ok: false, refusal: { kind: 'not-allowed', stage: 'sprint', allowed: ['go', 'hold', 'stop'] } });
    });

    it.each([
      ['go', go({})],
      ['hold', hold()],
      ['recycle', recycle()],
      ['stop', stop()],
    ] as const)('refuses %s on a realised pilot', (_decision, request) => {
      // Act
      const outcome = decideGate(aPilotIn('realised'), request, CONTEXT);

      // Assess
      expect(outcome).toEqual({ ok: false, refusal: { kind: 'not-allowed', stage: 'realised', allowed: [] } });
    });

    it.each([
      ['go', go({})],
      ['hold', hold()],
      ['recycle', recycle()],
      ['stop', stop()],
    ] as const)('refuses %s on a stopped pilot', (_decision, request) => {
      // Act
      const outcome = decideGate(aStoppedPilot('evaluation'), request, CONTEXT);

      // Assess
      expect(outcome).toEqual({ ok: false, refusal: { kind: 'not-allowed', stage: 'stopped', allowed: [] } });
    });

    it('refuses before it looks at the checklist', () => {
      // Act
      const outcome = decideGate(aPilotIn('realised'), go({ 'ikke-på-listen': true }), CONTEXT);

      // Assess
      expect(outcome.ok === false && outcome.refusal.kind).toBe('not-allowed');
    });
  });

  describe('hold', () => {
    it('keeps the pilot in its stage, with the day to look again and the reason', () => {
      // Prepare
      const pilot = aPilotIn('pilot', '2026-02-01T09:00:00.000Z');

      // Act
      const outcome = decided(pilot, hold('2026-04-15'));

      // Assess
      expect(outcome.pilot.stage).toBe('pilot');
      expect(outcome.pilot.hold).toEqual({ until: '2026-04-15', reason: 'Afventer svar fra IT-arkitekten' });
      expect(outcome.record).toMatchObject({ decision: 'hold', gate: 'evaluation', from: 'pilot', to: 'pilot', revisitOn: '2026-04-15' });
    });

    it('does not reset when the pilot entered its stage', () => {
      // Prepare
      const pilot = aPilotIn('evaluation', '2026-02-20T08:00:00.000Z');

      // Act
      const outcome = decided(pilot, hold());

      // Assess
      expect(outcome.pilot.stageEnteredAt).toBe('2026-02-20T08:00:00.000Z');
      expect(outcome.pilot.reachedStages).toEqual(pilot.reachedStages);
    });

    it('replaces an earlier hold with the new one', () => {
      // Prepare
      const pilot = aPilotReadyToStart({ hold: { until: '2026-03-01', reason: 'Venter på budget' } });

      // Act
      const outcome = decided(pilot, hold('2026-05-01'));

      // Assess
      expect(outcome.pilot.hold).toEqual({ until: '2026-05-01', reason: 'Afventer svar fra IT-arkitekten' });
    });

    it('is allowed with the required items unanswered', () => {
      // Act
      const outcome = decideGate(aPilotReadyToStart(), hold(), CONTEXT);

      // Assess
      expect(outcome.ok).toBe(true);
    });
  });

  describe('lifting a hold', () => {
    const onHold = { hold: { until: '2026-04-01', reason: 'Venter på budget' } };

    it.each([
      ['go', (pilot: Pilot) => decided(pilot, go(allYes('evaluation')))],
      ['recycle', (pilot: Pilot) => decided(pilot, recycle())],
      ['stop', (pilot: Pilot) => decided(pilot, stop())],
    ] as const)('lifts an earlier hold on %s', (_decision, decide) => {
      // Prepare
      const pilot = aPilotIn('pilot', undefined, onHold);

      // Act
      const outcome = decide(pilot);

      // Assess
      expect(outcome.pilot.hold).toBeUndefined();
      expect('hold' in outcome.pilot).toBe(false);
    });
  });

  describe('recycle', () => {
    it.each([
      ['pilot', 'sprint'],
      ['evaluation', 'pilot'],
      ['operations', 'evaluation'],
    ] as const)('sends a pilot in %s back to %s with what must change', (stage, back) => {
      // Prepare
      const pilot = aPilotIn(stage);

      // Act
      const outcome = decided(pilot, recycle());

      // Assess
      expect(outcome.pilot.stage).toBe(back);
      expect(outcome.pilot.stageEnteredAt).toBe(AT);
      expect(outcome.record).toMatchObject({ decision: 'recycle', from: stage, to: back, mustChange: 'Test med rigtige borgere på plejecentret' });
    });

    it('never shrinks the stages the pilot has reached', () => {
      // Prepare
      const pilot = aPilotIn('operations');

      // Act
      const outcome = decided(pilot, recycle());

      // Assess
      expect(outcome.pilot.reachedStages).toEqual(['sprint', 'pilot', 'evaluation', 'operations']);
    });
  });

  describe('stop', () => {
    it.each(ACTIVE_STAGES)('stops a pilot in %s, keeping where it stopped and what was learned', (stage) => {
      // Prepare
      const pilot = pilotIn(stage);

      // Act
      const outcome = decided(pilot, stop());

      // Assess
      expect(outcome.pilot.stage).toBe('stopped');
      expect(outcome.pilot.stoppedFrom).toBe(stage);
      expect(outcome.pilot.learnings).toBe(LEARNINGS);
      expect(outcome.pilot.stageEnteredAt).toBe(AT);
      expect(outcome.pilot.reachedStages).toEqual([...pilot.reachedStages, 'stopped']);
      expect(outcome.record).toMatchObject({ decision: 'stop', from: stage, to: 'stopped' });
    });

    it.each(['', 'For dyrt.', 'Det virkede ikke. Vi stoppede.'])('refuses to stop with learnings that say too little (%j)', (learnings) => {
      // Act
      const outcome = decideGate(aPilotIn('pilot'), stop(learnings), CONTEXT);

      // Assess
      expect(outcome).toEqual({ ok: false, refusal: { kind: 'learnings-too-short' } });
    });

    it('replaces earlier learnings with those given at the gate', () => {
      // Prepare
      const pilot = aPilotIn('evaluation', undefined, { learnings: 'Foreløbige noter.' });
      const learnings = 'Robotterne satte sig fast i tæpperne. Borgerne ringede efter hjælp, så hjemmeplejen kørte ud alligevel.';

      // Act
      const outcome = decided(pilot, stop(learnings));

      // Assess
      expect(outcome.pilot.learnings).toBe(learnings);
    });

    it('is allowed with the required items unanswered', () => {
      // Act
      const outcome = decideGate(aPilotIn('operations'), stop(), CONTEXT);

      // Assess
      expect(outcome.ok).toBe(true);
    });
  });

  describe('the pilot it leaves', () => {
    it('keeps every other field of the pilot as it was, and the version (pilotAfter bumps it)', () => {
      // Prepare
      const pilot = aPilotIn('pilot', undefined, { owner: BY, riskLevel: 'medium', cost: { oneOffDkk: 25_000 } });

      // Act
      const outcome = decided(pilot, go(allYes('evaluation')));

      // Assess
      const { stage: _stage, stageEnteredAt: _entered, reachedStages: _reached, ...rest } = outcome.pilot;
      const { stage: _s, stageEnteredAt: _e, reachedStages: _r, ...before } = pilot;
      expect(rest).toEqual(before);
    });

    it('does not change the pilot it is given', () => {
      // Prepare
      const pilot = aPilotIn('pilot', undefined, { hold: { until: '2026-04-01', reason: 'Venter' } });
      const copy = structuredClone(pilot);

      // Act
      decided(pilot, stop());

      // Assess
      expect(pilot).toEqual(copy);
    });

    it('changes stageEnteredAt exactly when the stage changes', () => {
      // Prepare
      const pilot = aPilotIn('evaluation', '2026-02-01T09:00:00.000Z');
      const requests: GateRequest[] = [go(allYes('operations')), hold(), recycle(), stop()];

      for (const request of requests) {
        // Act
        const outcome = decided(pilot, request);

        // Assess
        const moved = outcome.pilot.stage !== pilot.stage;
        expect(outcome.pilot.stageEnteredAt).toBe(moved ? AT : pilot.stageEnteredAt);
      }
    });

    it('only lets reachedStages grow over a run of decisions', () => {
      // Prepare
      let pilot = aPilotReadyToStart();
      const run: GateRequest[] = [
        go(allYes('pilot')),
        hold(),
        go(allYes('evaluation')),
        recycle(),
        recycle(),
        go(allYes('pilot')),
        go(allYes('evaluation')),
        go(allYes('operations')),
        recycle(),
        stop(),
      ];

      for (const request of run) {
        // Act
        const next = decided(pilot, request).pilot;

        // Assess
        expect(next.reachedStages.slice(0, pilot.reachedStages.length)).toEqual(pilot.reachedStages);
        expect(new Set(next.reachedStages).size).toBe(next.reachedStages.length);
        expect(next.reachedStages).toContain(next.stage);
        pilot = next;
      }
      expect(pilot.reachedStages).toEqual(['sprint', 'pilot', 'evaluation', 'operations', 'stopped']);
      expect(pilot.stoppedFrom).toBe('evaluation');
    });
  });

  describe('the record', () => {
    it('records who decided, in what role, when and why, with the checklist as answered', () => {
      // Prepare
      const checklist = { 'gdpr-dpia-screening': true, 'architecture-fit': false };

      // Act
      const outcome = decided(aPilotReadyToStart(), hold('2026-04-01', checklist), { ...CONTEXT, role: 'triage' });

      // Assess
      expect(outcome.record).toEqual({
        decision: 'hold',
        gate: 'pilot',
        from: 'sprint',
        to: 'sprint',
        at: AT,
        by: BY,
        role: 'triage',
        reason: 'Afventer svar fra IT-arkitekten',
        revisitOn: '2026-04-01',
        checklist: [
          { id: 'gdpr-dpia-screening', text: { da: 'GDPR-/DPIA-screening er gennemført', en: 'GDPR/DPIA screening done' }, required: true, answer: true },
          { id: 'architecture-fit', text: { da: 'IT har vurderet arkitekturen', en: 'Architecture fit reviewed by IT' }, required: true, answer: false },
          { id: 'operations-owner-named', text: { da: 'Driftsejer er udpeget', en: 'Operations owner named' }, required: true, answer: false },
          { id: 'success-measure-baseline', text: { da: 'Succesmål og baseline er fastsat', en: 'Success measure and baseline set' }, required: true, answer: false },
        ],
      });
    });

    it('keeps the checklist text of the settings it was decided under, so the record reads the same after the checklist is edited', () => {
      // Prepare
      const edited: GateSettings = {
        ...DEFAULT_GATES,
        gates: { ...DEFAULT_GATES.gates, evaluation: [{ id: 'real-users', text: { da: 'Afprøvet med borgere på Åbyhøj Plejecenter', en: 'Tried with citizens' }, required: false }] },
      };

      // Act
      const before = decided(aPilotIn('pilot'), go({ 'real-users': true })).record;
      const after = decided(aPilotIn('pilot'), go({ 'real-users': true }), { ...CONTEXT, settings: edited }).record;

      // Assess
      expect(before.checklist).toEqual([
        { id: 'real-users', text: { da: 'Piloten er afprøvet med rigtige brugere eller borgere', en: 'The pilot ran with real users or citizens' }, required: false, answer: true },
      ]);
      expect(after.checklist).toEqual([{ id: 'real-users', text: { da: 'Afprøvet med borgere på Åbyhøj Plejecenter', en: 'Tried with citizens' }, required: false, answer: true }]);
    });

    it('has no revisitOn or mustChange on a go or a stop', () => {
      // Act
      const goRecord = decided(aPilotIn('pilot'), go({})).record;
      const stopRecord = decided(aPilotIn('pilot'), stop()).record;

      // Assess
      for (const record of [goRecord, stopRecord]) {
        expect('revisitOn' in record).toBe(false);
        expect('mustChange' in record).toBe(false);
      }
    });

    it('has mustChange but no revisitOn on a recycle, and the reverse on a hold', () => {
      // Act
      const recycleRecord = decided(aPilotIn('pilot'), recycle()).record;
      const holdRecord = decided(aPilotIn('pilot'), hold('2026-06-01')).record;

      // Assess
      expect(recycleRecord.mustChange).toBe('Test med rigtige borgere på plejecentret');
      expect('revisitOn' in recycleRecord).toBe(false);
      expect(holdRecord.revisitOn).toBe('2026-06-01');
      expect('mustChange' in holdRecord).toBe(false);
    });

    it('answers only a literal true as yes', () => {
      // Prepare
      const checklist = { 'real-users': 'yes' } as unknown as Record<string, boolean>;

      // Act
      const outcome = decided(aPilotIn('pilot'), hold(undefined, checklist));

      // Assess
      expect(outcome.record.checklist[0]?.answer).toBe(false);
    });
  });
});

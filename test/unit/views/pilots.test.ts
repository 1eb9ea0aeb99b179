import { describe, expect, it } from 'vitest';
import { DEFAULT_GATES, type GateSettings } from '../../../shared/domain/gates.ts';
import { learningOf, type LearningMatch } from '../../../shared/domain/learnings.ts';
import type { GateRecord, Pilot, PilotEvent } from '../../../shared/domain/pilot.ts';
import { pipelineSummary, recount } from '../../../shared/domain/pipeline.ts';
import type { PilotRecord } from '../../../shared/store/ports.ts';
import { learningMatchDocument, pilotDocument, summaryDocument } from '../../../shared/views/pilots.ts';
import { TRIAGE } from '../support/ideas.ts';
import { ACCEPTED_AT, aPilot, aPilotIn, aStoppedPilot, LEARNINGS, PILOT_ID } from '../support/pilots.ts';
import { aStrategy } from '../support/strategy.ts';

const DAY_MS = 86_400_000;
/** 10.5 days after the test pilot entered its sprint. */
const NOW = new Date(Date.parse(ACCEPTED_AT) + 10.5 * DAY_MS);
const STRATEGY = { ...aStrategy(), version: 2, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system' };

const created: PilotEvent = { pilotId: PILOT_ID, version: 1, at: ACCEPTED_AT, by: { sub: TRIAGE.sub, name: 'Søren Ærø' }, change: 'created', from: 'sprint', to: 'sprint' };

function aRecord(pilot: Pilot, gates: GateRecord[] = [], history: PilotEvent[] = [created]): PilotRecord {
  return { pilot, history, gates };
}

describe('pilotDocument', () => {
  it('shows the pilot with its history, gate decisions, days in stage and the gate it stands at', () => {
    // Prepare
    const gate: GateRecord = {
      decision: 'hold',
      gate: 'pilot',
      from: 'sprint',
      to: 'sprint',
      at: '2026-01-15T09:00:00.000Z',
      by: { sub: 'd1-director', name: 'Dorte Øster' },
      role: 'director',
      reason: 'Vent på budgettet.',
      checklist: [],
      revisitOn: '2026-02-01',
    };
    const record = aRecord(aPilot(), [gate]);

    // Act
    const document = pilotDocument(record, DEFAULT_GATES, 'da', NOW);

    // Assess
    expect(document).toEqual({
      ...aPilot(),
      daysInStage: 10.5,
      overStageLimit: false,
      nextGate: {
        gate: 'pilot',
        decisions: ['go', 'hold', 'stop'],
        checklist: [
          { id: 'gdpr-dpia-screening', text: 'GDPR-/DPIA-screening er gennemført', required: true },
          { id: 'architecture-fit', text: 'IT har vurderet arkitekturen', required: true },
          { id: 'operations-owner-named', text: 'Driftsejer er udpeget', required: true },
          { id: 'success-measure-baseline', text: 'Succesmål og baseline er fastsat', required: true },
        ],
      },
      gates: [gate],
      history: [created],
    });
  });

  it('writes the checklist in English for an English caller', () => {
    // Act
    const document = pilotDocument(aRecord(aPilotIn('operations', ACCEPTED_AT)), DEFAULT_GATES, 'en', NOW);

    // Assess
    expect(document.nextGate).toEqual({
      gate: 'realised',
      decisions: ['go', 'hold', 'recycle', 'stop'],
      checklist: [{ id: 'benefits-measured-after-follow-up', text: 'Benefits measured after at least one follow-up', required: true }],
    });
  });

  it.each([
    ['pilot', 'evaluation', ['go', 'hold', 'recycle', 'stop']],
    ['evaluation', 'operations', ['go', 'hold', 'recycle', 'stop']],
  ] as const)('stands a pilot in %s at the %s gate', (stage, gate, decisions) => {
    // Act
    const document = pilotDocument(aRecord(aPilotIn(stage, ACCEPTED_AT)), DEFAULT_GATES, 'da', NOW);

    // Assess
    expect(document.nextGate).toMatchObject({ gate, decisions });
    expect(document.nextGate?.checklist.map((item) => item.id)).toEqual(DEFAULT_GATES.gates[gate].map((item) => item.id));
  });

  it.each([
    ['realised', aPilotIn('realised', ACCEPTED_AT)],
    ['stopped', aStoppedPilot('pilot')],
  ])('stands a %s pilot at no gate and leaves the stage limit out', (_stage, pilot) => {
    // Act
    const document = pilotDocument(aRecord(pilot), DEFAULT_GATES, 'da', NOW);

    // Assess
    expect(document.nextGate).toBeNull();
    expect(document).not.toHaveProperty('overStageLimit');
  });

  it('marks a pilot over its stage limit once it has been in the stage longer than the limit', () => {
    // Prepare: the default sprint limit is 14 days.
    const tight: GateSettings = { ...DEFAULT_GATES, stageLimitDays: { ...DEFAULT_GATES.stageLimitDays, sprint: 10 } };

    // Act
    const overDefault = pilotDocument(aRecord(aPilot()), DEFAULT_GATES, 'da', new Date(Date.parse(ACCEPTED_AT) + 14.5 * DAY_MS));
    const atDefault = pilotDocument(aRecord(aPilot()), DEFAULT_GATES, 'da', new Date(Date.parse(ACCEPTED_AT) + 14 * DAY_MS));
    const overTight = pilotDocument(aRecord(aPilot()), tight, 'da', NOW);

    // Assess
    expect(overDefault).toMatchObject({ daysInStage: 14.5, overStageLimit: true });
    expect(atDefault).toMatchObject({ daysInStage: 14, overStageLimit: false });
    expect(overTight.overStageLimit).toBe(true);
  });

  it('asks the checklist as the admin set it', () => {
    // Prepare
    const settings: GateSettings = { ...DEFAULT_GATES, gates: { ...DEFAULT_GATES.gates, pilot: [{ id: 'budget', text: { da: 'Budgettet er godkendt', en: 'Budget approved' }, required: false }] } };

    // Act
    const document = pilotDocument(aRecord(aPilot()), settings, 'da', NOW);

    // Assess
    expect(document.nextGate?.checklist).toEqual([{ id: 'budget', text: 'Budgettet er godkendt', required: false }]);
  });
});

describe('summaryDocument', () => {
  const pilots = [
    aPilot(),
    aPilotIn('pilot', ACCEPTED_AT, { id: '11111111-1111-4111-8111-111111111111', themes: ['automatisering', 'dataunderstoettelse'] }),
    aStoppedPilot('pilot', { id: '22222222-2222-4222-8222-222222222222', themes: ['ukendt-tema'] }),
  ];
  const summary = pipelineSummary(recount([], pilots), { stageLimitDays: DEFAULT_GATES.stageLimitDays, oldestWaitingSince: undefined, now: NOW });

  it('names each theme in the caller’s language, keeping the counts per stage', () => {
    // Act
    const da = summaryDocument(summary, STRATEGY, 'da', NOW);
    const en = summaryDocument(summary, STRATEGY, 'en', NOW);

    // Assess
    expect(da.byTheme).toEqual({
      automatisering: { name: 'Automatisering', stages: { sprint: 1, pilot: 1 } },
      dataunderstoettelse: { name: 'Dataunderstøttelse', stages: { pilot: 1 } },
      'ukendt-tema': { name: 'ukendt-tema', stages: { stopped: 1 } },
    });
    expect(en.byTheme['dataunderstoettelse']?.name).toBe('Data support');
  });

  it('keeps the rest of the summary and says when it was computed', () => {
    // Act
    const document = summaryDocument(summary, STRATEGY, 'da', NOW);

    // Assess
    expect(document.at).toBe(NOW.toISOString());
    expect(document.stages).toEqual(summary.stages);
    expect(document.byDepartment).toEqual({ 'ældre og sundhed': { sprint: 1, pilot: 1, stopped: 1 } });
    expect(document.funnel).toEqual(summary.funnel);
    expect(document.stageTime).toEqual(summary.stageTime);
  });
});

describe('learningMatchDocument', () => {
  it('shows what the pilot learned with the score and the words that matched', () => {
    // Prepare
    const learning = learningOf(aStoppedPilot('pilot'));
    if (learning === undefined) throw new Error('A stopped pilot with learnings has a learning');
    const match: LearningMatch = { learning, score: 0.734, matchedTerms: ['app', 'login'] };

    // Act
    const document = learningMatchDocument(match);

    // Assess
    expect(document).toEqual({
      pilotId: PILOT_ID,
      title: 'Færre dobbeltregistreringer på plejecentret',
      description: 'Vi skriver de samme borgeroplysninger i tre systemer. Det tager tid fra omsorgen.',
      learnings: LEARNINGS,
      language: 'da',
      stage: 'stopped',
      department: 'Ældre og sundhed',
      themes: ['automatisering'],
      at: '2026-03-01T09:00:00.000Z',
      score: 0.734,
      matchedTerms: ['app', 'login'],
    });
  });
});

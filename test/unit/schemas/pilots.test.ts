import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { DEFAULT_GATES } from '../../../shared/domain/gates.ts';
import { GateInput, GateSettingsInput, LearningsQuery, PilotPatchInput, PipelinePilotsQuery } from '../../../shared/schemas/pilots.ts';

/** The paths a schema refuses (unknown fields by name; a refusal of the whole as ''). */
function issuePaths(schema: z.core.$ZodType, input: unknown): string[] {
  const result = z.safeParse(schema, input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : ''));
}

const HYPOTHESIS = { expectedHoursPerYear: 400, successMeasure: 'Minutter pr. bevilling', baseline: '15 minutter', successThreshold: '5 minutter' };

describe('PilotPatchInput', () => {
  it('reads a patch of several fields, with null clearing one, as NFC text', () => {
    // Act
    const patch = PilotPatchInput.parse({ owner: { sub: 'tove', name: 'A\u030Ase Nørgård' }, hypothesis: HYPOTHESIS, cost: null });

    // Assess
    expect(patch).toEqual({ owner: { sub: 'tove', name: 'Åse Nørgård' }, hypothesis: HYPOTHESIS, cost: null });
  });

  it('refuses an empty patch as changing nothing', () => {
    expect(issuePaths(PilotPatchInput, {})).toEqual(['']);
  });

  it('tells a patch of unknown fields only about them, not also that it changes nothing', () => {
    expect(issuePaths(PilotPatchInput, { stage: 'realised' })).toEqual(['stage']);
  });

  it.each([
    ['a javascript: link', { kind: 'prototype', title: 'Prototype', url: 'javascript:alert(1)' }, 'artefacts.0.url'],
    ['a data: link', { kind: 'prototype', title: 'Prototype', url: 'data:text/html,hej' }, 'artefacts.0.url'],
    ['an artefact with neither link nor text', { kind: 'storyboard', title: 'Storyboard' }, 'artefacts.0'],
  ])('refuses %s as an artefact', (_case, artefact, path) => {
    expect(issuePaths(PilotPatchInput, { artefacts: [artefact] })).toEqual([path]);
  });

  it('takes an artefact with an https link and a text', () => {
    expect(issuePaths(PilotPatchInput, { artefacts: [{ kind: 'test_notes', title: 'Tænke-højt-test', url: 'https://wiki.kommune.example/test', text: 'Fem borgere, tre forstod knappen.' }] })).toEqual([]);
  });

  it.each([
    ['fractional hours', { ...HYPOTHESIS, expectedHoursPerYear: 2.5 }],
    ['negative hours', { ...HYPOTHESIS, expectedHoursPerYear: -1 }],
  ])('refuses a hypothesis with %s', (_case, hypothesis) => {
    expect(issuePaths(PilotPatchInput, { hypothesis })).toEqual(['hypothesis.expectedHoursPerYear']);
  });
});

describe('GateInput', () => {
  it('reads a go with its checklist answers', () => {
    expect(GateInput.parse({ decision: 'go', reason: 'Klar til pilot', checklist: { 'gdpr-dpia-screening': true } })).toEqual({
      decision: 'go',
      reason: 'Klar til pilot',
      checklist: { 'gdpr-dpia-screening': true },
    });
  });

  it('reads a missing checklist as no answers', () => {
    expect(GateInput.parse({ decision: 'recycle', reason: 'Prototypen holdt ikke', mustChange: 'Test med flere brugere' })).toMatchObject({ checklist: {} });
  });

  it.each([
    ['a hold without a revisit day', { decision: 'hold', reason: 'Vent på budget' }, ['revisitOn']],
    ['a hold to look again today or earlier', { decision: 'hold', reason: 'Vent på budget', revisitOn: '2020-01-01' }, ['revisitOn']],
    ['a recycle without what must change', { decision: 'recycle', reason: 'Ikke klar' }, ['mustChange']],
    ['a stop without learnings', { decision: 'stop', reason: 'For dyrt' }, ['learnings']],
    ['a decision without a reason', { decision: 'go' }, ['reason']],
    ['an answer that is not yes or no', { decision: 'go', reason: 'Klar', checklist: { 'gdpr-dpia-screening': 'ja' } }, ['checklist.gdpr-dpia-screening']],
  ])('refuses %s', (_case, body, paths) => {
    expect(issuePaths(GateInput, body)).toEqual(paths);
  });
});

describe('GateSettingsInput', () => {
  it('takes the shipped defaults as they are', () => {
    expect(GateSettingsInput.parse(DEFAULT_GATES)).toEqual(DEFAULT_GATES);
  });

  it('refuses two items with one id in a gate', () => {
    const item = DEFAULT_GATES.gates.pilot[0];
    expect(issuePaths(GateSettingsInput, { ...DEFAULT_GATES, gates: { ...DEFAULT_GATES.gates, pilot: [item, item] } })).toEqual(['gates.pilot']);
  });

  it('refuses a document that leaves a gate or a stage limit out', () => {
    const { realised: _left, ...gates } = DEFAULT_GATES.gates;
    expect(issuePaths(GateSettingsInput, { ...DEFAULT_GATES, gates })).toEqual(['gates.realised']);
    expect(issuePaths(GateSettingsInput, { ...DEFAULT_GATES, stageLimitDays: { sprint: 14 } })).toEqual(['stageLimitDays.pilot', 'stageLimitDays.evaluation', 'stageLimitDays.operations']);
  });
});

describe('PipelinePilotsQuery', () => {
  it('reads an empty query as the first page of all pilots, longest in their stage first', () => {
    expect(PipelinePilotsQuery.parse({})).toEqual({ sort: 'in_stage', limit: 25 });
  });

  it('takes a stage with one narrowing', () => {
    expect(PipelinePilotsQuery.parse({ stage: 'pilot', department: 'Ældreplejen', limit: '10' })).toEqual({ stage: 'pilot', department: 'Ældreplejen', sort: 'in_stage', limit: 10 });
  });

  it('refuses two narrowings at once', () => {
    expect(issuePaths(PipelinePilotsQuery, { theme: 'automatisering', owner: 'tove' })).toEqual(['']);
  });

  it('reads the pilots on hold in the hold_until order, of every stage and never narrowed', () => {
    expect(PipelinePilotsQuery.parse({ sort: 'hold_until' })).toEqual({ sort: 'hold_until', limit: 25 });
    expect(issuePaths(PipelinePilotsQuery, { sort: 'hold_until', stage: 'sprint', department: 'Ældreplejen' })).toEqual(['stage', 'department']);
  });
});

describe('LearningsQuery', () => {
  it('refuses a query of one character', () => {
    expect(issuePaths(LearningsQuery, { q: 'a' })).toEqual(['q']);
  });
});

import { describe, expect, it } from 'vitest';
import { ACTIVE_STAGES, changedFields, isActive, patchedPilot, pilotAfter, PILOT_STAGES, type Hypothesis, type Pilot, type PilotPatch } from '../../../shared/domain/pilot.ts';
import { aPilot, aPilotIn, LEARNINGS } from '../support/pilots.ts';

const HYPOTHESIS: Hypothesis = {
  expectedHoursPerYear: 420,
  successMeasure: 'Minutter brugt på dokumentation pr. besøg',
  baseline: '12 minutter',
  successThreshold: 'Under 6 minutter',
};
const OWNER = { sub: 'owner-1', name: 'Åse Kjær' };

/** A pilot with every patchable field set. */
function aFullPilot(overrides: Partial<Pilot> = {}): Pilot {
  return aPilotIn('pilot', undefined, {
    owner: OWNER,
    riskLevel: 'medium',
    hypothesis: HYPOTHESIS,
    results: { summary: 'Foreløbigt lovende', realisedHoursPerYear: 200 },
    cost: { oneOffDkk: 40_000, yearlyDkk: 12_000 },
    learnings: LEARNINGS,
    artefacts: [{ kind: 'storyboard', title: 'Storyboard fra designsprinten', url: 'https://wiki.kommune.example/storyboard' }],
    ...overrides,
  });
}

describe('isActive', () => {
  it.each(ACTIVE_STAGES)('counts %s as active', (stage) => {
    expect(isActive(stage)).toBe(true);
  });

  it.each(['realised', 'stopped'] as const)('does not count %s as active', (stage) => {
    expect(isActive(stage)).toBe(false);
  });

  it('has every stage either active or ended', () => {
    // Act
    const ended = PILOT_STAGES.filter((stage) => !isActive(stage));

    // Assess
    expect(ended).toEqual(['realised', 'stopped']);
  });
});

describe('patchedPilot', () => {
  it('replaces the fields the patch has', () => {
    // Prepare
    const pilot = aFullPilot();
    const patch: PilotPatch = {
      title: 'Tale til tekst i ældreplejen',
      owner: { sub: 'owner-2', name: 'Bjørn Ødegård' },
      riskLevel: 'high',
      hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 900 },
      results: { summary: 'Målt efter tre måneder', realisedHoursPerYear: 310, measuredOn: '2026-05-01' },
      cost: { yearlyDkk: 8_000 },
      learnings: 'Nye læringer. De er skrevet efter evalueringen.',
      artefacts: [],
    };

    // Act
    const result = patchedPilot(pilot, patch);

    // Assess
    expect(result).toEqual({ ...pilot, ...patch });
  });

  it('leaves the fields the patch does not have', () => {
    // Prepare
    const pilot = aFullPilot();

    // Act
    const result = patchedPilot(pilot, { riskLevel: 'low' });

    // Assess
    expect(result).toEqual({ ...pilot, riskLevel: 'low' });
  });

  it('leaves the pilot as it is with an empty patch', () => {
    // Prepare
    const pilot = aFullPilot();

    // Act
    const result = patchedPilot(pilot, {});

    // Assess
    expect(result).toEqual(pilot);
  });

  it.each(['owner', 'riskLevel', 'hypothesis', 'results', 'cost', 'learnings'] as const)('removes %s when the patch sets it to null', (field) => {
    // Prepare
    const pilot = aFullPilot();

    // Act
    const result = patchedPilot(pilot, { [field]: null });

    // Assess
    expect(field in result).toBe(false);
    const { [field]: _removed, ...rest } = pilot;
    expect(result).toEqual(rest);
  });

  it('accepts null for a field the pilot does not have', () => {
    // Prepare
    const pilot = aPilot();

    // Act
    const result = patchedPilot(pilot, { owner: null, cost: null });

    // Assess
    expect(result).toEqual(pilot);
  });

  it('ignores fields a patch may not change', () => {
    // Prepare
    const pilot = aFullPilot();
    const patch = { stage: 'realised', version: 99, department: 'Teknik og miljø', title: 'Ny titel' } as unknown as PilotPatch;

    // Act
    const result = patchedPilot(pilot, patch);

    // Assess
    expect(result).toEqual({ ...pilot, title: 'Ny titel' });
  });

  it('does not change the pilot it is given', () => {
    // Prepare
    const pilot = aFullPilot();
    const copy = structuredClone(pilot);

    // Act
    patchedPilot(pilot, { owner: null, title: 'Ændret' });

    // Assess
    expect(pilot).toEqual(copy);
  });
});

describe('changedFields', () => {
  it('names nothing when nothing changed', () => {
    // Prepare
    const pilot = aFullPilot();

    // Act
    const fields = changedFields(pilot, structuredClone(pilot));

    // Assess
    expect(fields).toEqual([]);
  });

  it('names the fields a patch changed, set or removed, in a fixed order', () => {
    // Prepare
    const before = aFullPilot();
    const after = patchedPilot(before, { learnings: 'Andre læringer. Skrevet om.', owner: null, title: 'Ny titel' });

    // Act
    const fields = changedFields(before, after);

    // Assess
    expect(fields).toEqual(['title', 'owner', 'learnings']);
  });

  it('names a field added to a pilot that did not have it', () => {
    // Prepare
    const before = aPilot();

    // Act
    const fields = changedFields(before, patchedPilot(before, { hypothesis: HYPOTHESIS }));

    // Assess
    expect(fields).toEqual(['hypothesis']);
  });

  it('does not name a field patched to the value it had', () => {
    // Prepare
    const before = aFullPilot();

    // Act
    const fields = changedFields(before, patchedPilot(before, { riskLevel: 'medium', hypothesis: { ...HYPOTHESIS } }));

    // Assess
    expect(fields).toEqual([]);
  });

  it('names a change deep inside a field', () => {
    // Prepare
    const before = aFullPilot();

    // Act
    const fields = changedFields(before, patchedPilot(before, { artefacts: [{ kind: 'storyboard', title: 'Storyboard fra designsprinten' }] }));

    // Assess
    expect(fields).toEqual(['artefacts']);
  });

  it('does not name changes to fields a patch cannot make', () => {
    // Prepare
    const before = aFullPilot();

    // Act
    const fields = changedFields(before, { ...before, stage: 'evaluation', version: 7, updatedAt: '2026-06-01T00:00:00.000Z' });

    // Assess
    expect(fields).toEqual([]);
  });
});

describe('pilotAfter', () => {
  it('takes the new pilot, one version on from the old, touched at the time of the change', () => {
    // Prepare
    const pilot = aFullPilot({ version: 4 });
    const set = patchedPilot(pilot, { title: 'Ny titel' });

    // Act
    const result = pilotAfter(pilot, { at: '2026-04-02T10:00:00.000Z', set });

    // Assess
    expect(result).toEqual({ ...set, updatedAt: '2026-04-02T10:00:00.000Z', version: 5 });
  });

  it('counts the version from the stored pilot, whatever version the new one claims', () => {
    // Prepare
    const pilot = aPilot({ version: 2 });

    // Act
    const result = pilotAfter(pilot, { at: '2026-04-02T10:00:00.000Z', set: { ...pilot, version: 40 } });

    // Assess
    expect(result.version).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import type { Pilot, PilotPatch } from '../../../shared/domain/pilot.ts';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../../../shared/http/errors.ts';
import { editPilot } from '../../../shared/pilots/edit.ts';
import { fixedClock } from '../support/clock.ts';
import { asProblem, rejectionOf } from '../support/errors.ts';
import { InMemoryIdeaStore, InMemoryPilotStore, InMemoryPipelineStore } from '../support/fakes.ts';
import { TRIAGE } from '../support/ideas.ts';
import { aPilot, aPilotIn, aStoppedPilot, LEARNINGS, OTHER_PILOT_ID, PILOT_ID } from '../support/pilots.ts';

const AT = '2026-02-10T10:00:00.000Z';
const OWNER = { sub: 'o1-owner', name: 'Åge Ødegård' };
const HYPOTHESIS = {
  expectedHoursPerYear: 320,
  successMeasure: 'Minutter brugt på registrering pr. borger',
  baseline: '12 minutter',
  successThreshold: 'Under 5 minutter',
};

function setup(pilot: Pilot = aPilot()) {
  return new InMemoryPilotStore().seed(pilot);
}

function edit(store: InMemoryPilotStore, patch: PilotPatch, options: { expectedVersion?: number; pilotId?: string; language?: 'da' | 'en' } = {}) {
  return asProblem(
    editPilot({ pilots: store, clock: fixedClock(AT) }, { pilotId: options.pilotId ?? PILOT_ID, ifMatch: [options.expectedVersion ?? 1], patch, caller: TRIAGE }),
    options.language ?? 'da',
  );
}

const saves = (store: InMemoryPilotStore) => store.log.filter((entry) => entry.startsWith('pilots.save'));

describe('editPilot', () => {
  it('changes the fields sent, as the next version, with an edit event naming only the fields that changed', async () => {
    // Prepare
    const store = setup();

    // Act
    const pilot = await edit(store, { title: aPilot().title, owner: OWNER, riskLevel: 'medium' });

    // Assess
    expect(pilot).toEqual({ ...aPilot(), owner: OWNER, riskLevel: 'medium', updatedAt: AT, version: 2 });
    expect(store.pilots.get(PILOT_ID)).toEqual(pilot);
    expect(store.events).toEqual([
      { pilotId: PILOT_ID, version: 2, at: AT, by: { sub: TRIAGE.sub, name: 'Søren Ærø' }, change: 'edit', from: 'sprint', to: 'sprint', fields: ['owner', 'riskLevel'] },
    ]);
    expect(store.gates).toEqual([]);
  });

  it('keeps Danish text as it was written', async () => {
    // Prepare
    const store = setup();

    // Act
    const pilot = await edit(store, { title: 'Én registrering på plejecentret Søbakken', artefacts: [{ kind: 'storyboard', title: 'Forløb for nattevagten', text: 'Trin 1: Åbn borgerens journal på tablet.' }] });

    // Assess
    expect(store.pilots.get(PILOT_ID)).toMatchObject({ title: 'Én registrering på plejecentret Søbakken', artefacts: [{ title: 'Forløb for nattevagten' }] });
    expect(store.events[0]?.fields).toEqual(['title', 'artefacts']);
    expect(pilot.version).toBe(2);
  });

  it('writes nothing and answers the pilot as it was when nothing changes', async () => {
    // Prepare
    const before = aPilot({ owner: OWNER });
    const store = setup(before);

    // Act
    const pilot = await edit(store, { owner: { ...OWNER }, title: before.title, artefacts: [] });

    // Assess
    expect(pilot).toEqual(before);
    expect(store.pilots.get(PILOT_ID)).toEqual(before);
    expect(store.events).toEqual([]);
    expect(saves(store)).toEqual([]);
  });

  it('clears a field sent as null', async () => {
    // Prepare
    const store = setup(aPilot({ riskLevel: 'high', cost: { oneOffDkk: 40_000, yearlyDkk: 12_000 } }));

    // Act
    const pilot = await edit(store, { riskLevel: null });

    // Assess
    expect(pilot).not.toHaveProperty('riskLevel');
    expect(pilot.cost).toEqual({ oneOffDkk: 40_000, yearlyDkk: 12_000 });
    expect(store.pilots.get(PILOT_ID)).not.toHaveProperty('riskLevel');
    expect(store.events[0]?.fields).toEqual(['riskLevel']);
  });

  it('writes nothing for a null that clears a field already empty', async () => {
    // Prepare
    const store = setup();

    // Act
    const pilot = await edit(store, { owner: null, hypothesis: null });

    // Assess
    expect(pilot.version).toBe(1);
    expect(saves(store)).toEqual([]);
  });

  it.each<[string, PilotPatch]>([
    ['clearing them', { learnings: null }],
    ['shortening them to one sentence', { learnings: 'Det virkede ikke.' }],
  ])('keeps a stopped pilot’s learnings: refuses %s, pointing at /learnings', async (_case, patch) => {
    // Prepare
    const before = aStoppedPilot('pilot');
    const store = setup(before);

    // Act
    const error = await rejectionOf(edit(store, patch, { expectedVersion: before.version }));

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([{ pointer: '/learnings', detail: 'En stoppet pilot skal have læring på mindst et par sætninger' }]);
    expect(store.pilots.get(PILOT_ID)).toEqual(before);
    expect(saves(store)).toEqual([]);
  });

  it('tells an English caller in English why a stopped pilot keeps its learnings', async () => {
    // Prepare
    const store = setup(aStoppedPilot('sprint'));

    // Act
    const error = await rejectionOf(edit(store, { learnings: null }, { expectedVersion: 2, language: 'en' }));

    // Assess
    expect((error as ValidationError).errors[0]?.detail).toBe('A stopped pilot must keep learnings of at least a few sentences');
  });

  it('lets a stopped pilot’s learnings be rewritten and its other fields be edited', async () => {
    // Prepare
    const before = aStoppedPilot('pilot');
    const store = setup(before);
    const rewritten = `${LEARNINGS} Næste gang skal borgerne med i designet fra starten.`;

    // Act
    const pilot = await edit(store, { learnings: rewritten, owner: OWNER }, { expectedVersion: before.version });

    // Assess
    expect(pilot).toMatchObject({ stage: 'stopped', learnings: rewritten, owner: OWNER, version: before.version + 1 });
    expect(store.events[0]).toMatchObject({ change: 'edit', from: 'stopped', to: 'stopped', fields: ['owner', 'learnings'] });
    expect(await store.listLearnings()).toEqual([expect.objectContaining({ pilotId: PILOT_ID, learnings: rewritten })]);
  });

  it('lets an active pilot’s learnings be cleared', async () => {
    // Prepare
    const store = setup(aPilotIn('pilot', undefined, { learnings: 'Foreløbig: personalet er glade.' }));

    // Act
    const pilot = await edit(store, { learnings: null }, { expectedVersion: 2 });

    // Assess
    expect(pilot).not.toHaveProperty('learnings');
  });

  it('counts the expected hours in the pipeline totals, and takes them out again when the hypothesis is cleared', async () => {
    // Prepare
    const store = setup();
    const pipeline = new InMemoryPipelineStore(new InMemoryIdeaStore(), store);

    // Act
    await edit(store, { hypothesis: HYPOTHESIS });
    const withHours = await pipeline.totals();
    await edit(store, { hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 500 } }, { expectedVersion: 2 });
    const changed = await pipeline.totals();
    await edit(store, { hypothesis: null }, { expectedVersion: 3 });
    const cleared = await pipeline.totals();

    // Assess
    expect(withHours.counters['hours:expected']).toBe(320);
    expect(changed.counters['hours:expected']).toBe(500);
    expect(cleared.counters).not.toHaveProperty('hours:expected');
    expect(store.events.map((event) => event.version)).toEqual([2, 3, 4]);
  });

  it('answers 404 for a pilot that does not exist', async () => {
    // Prepare
    const store = setup();

    // Act
    const error = await rejectionOf(edit(store, { owner: OWNER }, { pilotId: OTHER_PILOT_ID }));

    // Assess
    expect(error).toBeInstanceOf(NotFoundError);
    expect(saves(store)).toEqual([]);
  });

  it('answers 412 for an edit of an older version, even one that would change nothing', async () => {
    // Prepare
    const store = setup(aPilotIn('pilot'));

    // Act
    const changing = await rejectionOf(edit(store, { owner: OWNER }, { expectedVersion: 1 }));
    const unchanged = await rejectionOf(edit(store, { artefacts: [] }, { expectedVersion: 1 }));

    // Assess
    expect(changing).toBeInstanceOf(PreconditionFailedError);
    expect(unchanged).toBeInstanceOf(PreconditionFailedError);
    expect(saves(store)).toEqual([]);
  });

  it('answers 412 when another change is saved between the read and the write', async () => {
    // Prepare
    const store = setup();
    const read = store.getPilot.bind(store);
    let raced = false;
    store.getPilot = async (id) => {
      const pilot = await read(id);
      if (!raced) {
        raced = true;
        await edit(store, { riskLevel: 'low' });
      }
      return pilot;
    };

    // Act
    const error = await rejectionOf(edit(store, { owner: OWNER }));

    // Assess
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(store.pilots.get(PILOT_ID)).toMatchObject({ riskLevel: 'low', version: 2 });
    expect(store.pilots.get(PILOT_ID)).not.toHaveProperty('owner');
    expect(store.events).toHaveLength(1);
  });
});

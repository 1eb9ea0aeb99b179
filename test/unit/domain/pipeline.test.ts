import { random as randomNumbers } from '../../../bench/random.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GATES } from '../../../shared/domain/gates.ts';
import { IDEA_STATUSES, type Idea, type IdeaStatus } from '../../../shared/domain/idea.ts';
import { ACTIVE_STAGES, PILOT_STAGES, type Pilot, type PilotStage } from '../../../shared/domain/pilot.ts';
import {
  combineChanges,
  contributionChange,
  ideaContribution,
  isEmptyChange,
  pilotContribution,
  pipelineSummary,
  recount,
  type Contribution,
  type ContributionChange,
  type Counters,
  type Entries,
} from '../../../shared/domain/pipeline.ts';
import { anIdea, anIdeaInTriage } from '../support/ideas.ts';
import { aPilot, aPilotIn, aStoppedPilot, PILOT_ID } from '../support/pilots.ts';

const NOW = new Date('2026-04-01T12:00:00.000Z');
const DAY_MS = 86_400_000;
const LIMITS = DEFAULT_GATES.stageLimitDays;

const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();
const summaryOf = (totals: Contribution, oldestWaitingSince?: string) => pipelineSummary(totals, { stageLimitDays: LIMITS, oldestWaitingSince, now: NOW });
type IdeaState = Pick<Idea, 'status' | 'statusChangedAt'>;
const idea = (status: IdeaStatus, statusChangedAt = '2026-03-01T08:00:00.000Z'): IdeaState => ({ status, statusChangedAt });

const HYPOTHESIS = { expectedHoursPerYear: 300, successMeasure: 'Timer pr. uge', baseline: '10 timer', successThreshold: '5 timer' };
const noChange: ContributionChange = { add: {}, set: {}, remove: [] };

describe('ideaContribution', () => {
  it('counts a submitted idea once overall and once in its status', () => {
    // Act
    const contribution = ideaContribution(anIdea());

    // Assess
    expect(contribution).toEqual({ counters: { ideas: 1, 'ideas:status:submitted': 1 }, entries: {} });
  });

  it('counts an accepted idea as accepted as well', () => {
    // Act
    const contribution = ideaContribution(idea('accepted'));

    // Assess
    expect(contribution.counters).toEqual({ ideas: 1, 'ideas:status:accepted': 1, 'ideas:accepted': 1 });
  });

  it('adds when an idea in triage got there, in whole seconds', () => {
    // Prepare
    const inTriage = anIdeaInTriage({ statusChangedAt: '2026-01-05T08:31:00.999Z' });

    // Act
    const contribution = ideaContribution(inTriage);

    // Assess
    expect(contribution.counters).toEqual({
      ideas: 1,
      'ideas:status:in_triage': 1,
      'triage:waitingSinceSeconds': Math.floor(Date.parse('2026-01-05T08:31:00.000Z') / 1000),
    });
    expect(Number.isInteger(contribution.counters['triage:waitingSinceSeconds'])).toBe(true);
  });

  it.each(IDEA_STATUSES.filter((status) => status !== 'in_triage'))('does not count an idea in %s as waiting in triage', (status) => {
    // Act
    const contribution = ideaContribution(idea(status));

    // Assess
    expect(contribution.counters['triage:waitingSinceSeconds']).toBeUndefined();
    expect(contribution.counters[`ideas:status:${status}`]).toBe(1);
  });
});

describe('pilotContribution', () => {
  it('counts a new pilot in its stage, theme, department and reached stages, with when it entered the stage', () => {
    // Act
    const contribution = pilotContribution(aPilot());

    // Assess
    expect(contribution).toEqual({
      counters: {
        'stage:sprint': 1,
        'department:%C3%A6ldre%20og%20sundhed:sprint': 1,
        'theme:automatisering:sprint': 1,
        'reached:sprint': 1,
      },
      entries: { [`since:sprint:${PILOT_ID}`]: '2026-01-12T09:00:00.000Z' },
    });
  });

  it('counts the department as inbox keys it, so differently typed names count as one', () => {
    // Act
    const a = pilotContribution(aPilot({ department: 'Ældre og Sundhed' }));
    const b = pilotContribution(aPilot({ department: '  ældre  og sundhed ' }));

    // Assess
    expect(a.counters).toEqual(b.counters);
  });

  it('counts a stored pilot whose department holds a lone surrogate without throwing, under the department with U+FFFD', () => {
    // Act
    const contribution = pilotContribution(aPilot({ department: 'IT\ud800' }));
    const summary = summaryOf(contribution);

    // Assess
    expect(contribution.counters).toMatchObject({ 'department:it%EF%BF%BD:sprint': 1 });
    expect(summary.byDepartment).toEqual({ 'it\ufffd': { sprint: 1 } });
  });

  it('counts the pilot under every theme it serves', () => {
    // Act
    const contribution = pilotContribution(aPilotIn('evaluation', undefined, { themes: ['automatisering', 'dataunderstøttelse'] }));

    // Assess
    expect(contribution.counters).toMatchObject({ 'theme:automatisering:evaluation': 1, 'theme:dataunderst%C3%B8ttelse:evaluation': 1 });
  });

  it('counts every stage the pilot has reached', () => {
    // Act
    const contribution = pilotContribution(aPilotIn('operations'));

    // Assess
    expect(contribution.counters).toMatchObject({ 'reached:sprint': 1, 'reached:pilot': 1, 'reached:evaluation': 1, 'reached:operations': 1 });
    expect(contribution.counters['reached:realised']).toBeUndefined();
  });

  it('counts the expected hours of an active pilot with a hypothesis', () => {
    // Act
    const contribution = pilotContribution(aPilotIn('pilot', undefined, { hypothesis: HYPOTHESIS }));

    // Assess
    expect(contribution.counters['hours:expected']).toBe(300);
    expect(contribution.counters['hours:realised']).toBeUndefined();
  });

  it('counts no hours for an active pilot without hypothesis or results', () => {
    // Act
    const contribution = pilotContribution(aPilot());

    // Assess
    expect(Object.keys(contribution.counters).filter((key) => key.startsWith('hours:'))).toEqual([]);
  });

  it('counts the realised hours, not the expected ones, of a realised pilot', () => {
    // Act
    const contribution = pilotContribution(aPilotIn('realised', undefined, { hypothesis: HYPOTHESIS, results: { summary: 'Målt', realisedHoursPerYear: 250 } }));

    // Assess
    expect(contribution.counters['hours:realised']).toBe(250);
    expect(contribution.counters['hours:expected']).toBeUndefined();
    expect(contribution.entries).toEqual({});
  });

  it('counts no realised hours of an active pilot that has measured some', () => {
    // Act
    const contribution = pilotContribution(aPilotIn('evaluation', undefined, { results: { summary: 'Foreløbigt', realisedHoursPerYear: 250 } }));

    // Assess
    expect(contribution.counters['hours:realised']).toBeUndefined();
  });

  it('counts a stopped pilot by the stage it was stopped in, with no hours and no time in stage', () => {
    // Act
    const contribution = pilotContribution(aStoppedPilot('evaluation', { hypothesis: HYPOTHESIS }));

    // Assess
    expect(contribution.counters).toMatchObject({ 'stage:stopped': 1, 'stoppedFrom:evaluation': 1 });
    expect(contribution.counters['hours:expected']).toBeUndefined();
    expect(contribution.entries).toEqual({});
  });
});

describe('contributionChange', () => {
  it('adds all of a new contribution and sets its entries', () => {
    // Prepare
    const after = pilotContribution(aPilot());

    // Act
    const change = contributionChange(undefined, after);

    // Assess
    expect(change).toEqual({ add: after.counters, set: after.entries, remove: [] });
  });

  it('takes away all of a removed contribution and removes its entries', () => {
    // Prepare
    const before = pilotContribution(aPilot());

    // Act
    const change = contributionChange(before, undefined);

    // Assess
    expect(change.add).toEqual(Object.fromEntries(Object.entries(before.counters).map(([key, value]) => [key, -value])));
    expect(change.set).toEqual({});
    expect(change.remove).toEqual(Object.keys(before.entries));
  });

  it('is empty when the contribution did not change', () => {
    // Act
    const change = contributionChange(pilotContribution(aPilot()), pilotContribution(aPilot({ title: 'Ny titel', version: 2 })));

    // Assess
    expect(change).toEqual(noChange);
    expect(isEmptyChange(change)).toBe(true);
  });

  it('moves a pilot from one stage to the next, replacing its time-in-stage entry', () => {
    // Prepare
    const before = aPilot();
    const after = aPilotIn('pilot', '2026-02-01T09:00:00.000Z');

    // Act
    const change = contributionChange(pilotContribution(before), pilotContribution(after));

    // Assess
    expect(change).toEqual({
      add: {
        'stage:sprint': -1,
        'stage:pilot': 1,
        'department:%C3%A6ldre%20og%20sundhed:sprint': -1,
        'department:%C3%A6ldre%20og%20sundhed:pilot': 1,
        'theme:automatisering:sprint': -1,
        'theme:automatisering:pilot': 1,
        'reached:pilot': 1,
      },
      set: { [`since:pilot:${PILOT_ID}`]: '2026-02-01T09:00:00.000Z' },
      remove: [`since:sprint:${PILOT_ID}`],
    });
  });

  it('sets an entry again when only its value changed', () => {
    // Act
    const change = contributionChange(pilotContribution(aPilot()), pilotContribution(aPilot({ stageEnteredAt: '2026-03-01T00:00:00.000Z' })));

    // Assess
    expect(change).toEqual({ add: {}, set: { [`since:sprint:${PILOT_ID}`]: '2026-03-01T00:00:00.000Z' }, remove: [] });
  });

  it('adds the difference in hours', () => {
    // Act
    const change = contributionChange(
      pilotContribution(aPilotIn('pilot', undefined, { hypothesis: HYPOTHESIS })),
      pilotContribution(aPilotIn('pilot', undefined, { hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 450 } })),
    );

    // Assess
    expect(change).toEqual({ add: { 'hours:expected': 150 }, set: {}, remove: [] });
  });

  it('moves an idea from triage to accepted', () => {
    // Act
    const change = contributionChange(ideaContribution(idea('in_triage', '2026-03-01T08:00:00.000Z')), ideaContribution(idea('accepted')));

    // Assess
    expect(change).toEqual({
      add: { 'ideas:status:in_triage': -1, 'ideas:status:accepted': 1, 'ideas:accepted': 1, 'triage:waitingSinceSeconds': -Date.parse('2026-03-01T08:00:00.000Z') / 1000 },
      set: {},
      remove: [],
    });
  });

  it('is empty from nothing to nothing', () => {
    expect(contributionChange(undefined, undefined)).toEqual(noChange);
  });
});

describe('combineChanges', () => {
  it('sums the counters of both and drops those that cancel out', () => {
    // Prepare
    const a: ContributionChange = { add: { 'stage:sprint': 1, ideas: 1, 'hours:expected': 100 }, set: {}, remove: [] };
    const b: ContributionChange = { add: { 'stage:sprint': -1, ideas: 2, 'reached:pilot': 1 }, set: {}, remove: [] };

    // Act
    const change = combineChanges(a, b);

    // Assess
    expect(change.add).toEqual({ ideas: 3, 'hours:expected': 100, 'reached:pilot': 1 });
  });

  it('sets the entries of both, and removes those of both without duplicates', () => {
    // Prepare
    const a: ContributionChange = { add: {}, set: { 'since:pilot:a': '2026-01-01T00:00:00.000Z' }, remove: ['since:sprint:a', 'since:sprint:c'] };
    const b: ContributionChange = { add: {}, set: { 'since:pilot:b': '2026-02-01T00:00:00.000Z' }, remove: ['since:sprint:b', 'since:sprint:c'] };

    // Act
    const change = combineChanges(a, b);

    // Assess
    expect(change.set).toEqual({ 'since:pilot:a': '2026-01-01T00:00:00.000Z', 'since:pilot:b': '2026-02-01T00:00:00.000Z' });
    expect(change.remove).toEqual(['since:sprint:a', 'since:sprint:c', 'since:sprint:b']);
  });

  it('does not remove an entry that the other change sets', () => {
    // Prepare
    const a: ContributionChange = { add: {}, set: {}, remove: ['since:sprint:a'] };
    const b: ContributionChange = { add: {}, set: { 'since:sprint:a': '2026-02-01T00:00:00.000Z' }, remove: [] };

    // Act
    const change = combineChanges(a, b);

    // Assess
    expect(change).toEqual({ add: {}, set: { 'since:sprint:a': '2026-02-01T00:00:00.000Z' }, remove: [] });
  });

  it('combines an idea being accepted with its pilot being created into one change', () => {
    // Prepare
    const accepting = contributionChange(ideaContribution(idea('in_triage')), ideaContribution(idea('accepted')));
    const creating = contributionChange(undefined, pilotContribution(aPilot()));

    // Act
    const change = combineChanges(accepting, creating);

    // Assess
    expect(change.add).toEqual({ ...accepting.add, ...creating.add });
    expect(change.set).toEqual(creating.set);
    expect(change.remove).toEqual([]);
  });

  it('leaves a change as it is when combined with an empty one', () => {
    // Prepare
    const change = contributionChange(undefined, pilotContribution(aPilot()));

    // Act & Assess
    expect(combineChanges(change, noChange)).toEqual(change);
    expect(combineChanges(noChange, change)).toEqual(change);
  });
});

describe('isEmptyChange', () => {
  it.each([
    ['counters', { add: { ideas: 1 }, set: {}, remove: [] }],
    ['entries set', { add: {}, set: { 'since:sprint:a': '2026-01-01T00:00:00.000Z' }, remove: [] }],
    ['entries removed', { add: {}, set: {}, remove: ['since:sprint:a'] }],
  ] as const)('is not empty with %s', (_what, change) => {
    expect(isEmptyChange({ add: { ...change.add }, set: { ...change.set }, remove: [...change.remove] })).toBe(false);
  });

  it('is empty with nothing to add, set or remove', () => {
    expect(isEmptyChange(noChange)).toBe(true);
  });
});

describe('recount', () => {
  it('is empty with no ideas and no pilots', () => {
    expect(recount([], [])).toEqual({ counters: {}, entries: {} });
  });

  it('sums the contributions of ideas and pilots', () => {
    // Prepare
    const ideas = [idea('submitted'), idea('accepted'), idea('accepted'), idea('in_triage', '2026-03-01T00:00:00.000Z'), idea('in_triage', '2026-03-02T00:00:00.000Z')];
    const pilots = [aPilot({ id: 'p1' }), aPilotIn('pilot', '2026-02-01T09:00:00.000Z', { id: 'p2', hypothesis: HYPOTHESIS })];

    // Act
    const totals = recount(ideas, pilots);

    // Assess
    expect(totals.counters).toMatchObject({
      ideas: 5,
      'ideas:accepted': 2,
      'ideas:status:in_triage': 2,
      'triage:waitingSinceSeconds': (Date.parse('2026-03-01T00:00:00.000Z') + Date.parse('2026-03-02T00:00:00.000Z')) / 1000,
      'stage:sprint': 1,
      'stage:pilot': 1,
      'reached:sprint': 2,
      'reached:pilot': 1,
      'hours:expected': 300,
    });
    expect(totals.entries).toEqual({ 'since:sprint:p1': '2026-01-12T09:00:00.000Z', 'since:pilot:p2': '2026-02-01T09:00:00.000Z' });
  });

  it('leaves out counters that sum to zero', () => {
    // Act
    const totals = recount([], [aPilotIn('pilot', undefined, { hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 0 } })]);

    // Assess
    expect('hours:expected' in totals.counters).toBe(false);
  });

  it('reads any iterable', () => {
    // Prepare
    function* ideas() {
      yield idea('submitted');
      yield idea('submitted');
    }

    // Act
    const totals = recount(ideas(), new Set([aPilot()]));

    // Assess
    expect(totals.counters.ideas).toBe(2);
    expect(totals.counters['stage:sprint']).toBe(1);
  });
});

/** A seeded generator (bench/random.ts), so the random runs are the same every time. */
function seeded(seed: number) {
  const next = randomNumbers(seed);
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T,>(values: readonly T[]): T => values[int(values.length)] as T;
  return { next, int, pick };
}

const DEPARTMENTS = ['Ældre og sundhed', 'ældre og sundhed ', 'Børn: dagtilbud', 'Teknik & miljø', 'Jobcenter Århus'];
const THEMES = ['automatisering', 'dataunderstøttelse', 'teknologianvendelse', 'organisatorisk sammenhæng', 'tema:med kolon'];

function randomPilot(random: ReturnType<typeof seeded>, id: string): Pilot {
  const stage = random.pick(PILOT_STAGES);
  const order = ['sprint', 'pilot', 'evaluation', 'operations', 'realised'] as const;
  const stoppedFrom = random.pick(ACTIVE_STAGES);
  const reachedStages: PilotStage[] =
    stage === 'stopped' ? [...order.slice(0, order.indexOf(stoppedFrom) + 1), 'stopped'] : [...order.slice(0, order.indexOf(stage) + 1)];
  const themes = THEMES.filter(() => random.next() < 0.4);
  return aPilot({
    id,
    stage,
    reachedStages,
    department: random.pick(DEPARTMENTS),
    themes,
    stageEnteredAt: new Date(Date.parse('2025-06-01T00:00:00.000Z') + random.int(300) * DAY_MS + random.int(DAY_MS)).toISOString(),
    ...(stage === 'stopped' ? { stoppedFrom } : {}),
    ...(random.next() < 0.7 ? { hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: random.int(2000) } } : {}),
    ...(random.next() < 0.5 ? { results: { summary: 'Målt', realisedHoursPerYear: random.int(1500) } } : {}),
  });
}

function randomIdea(random: ReturnType<typeof seeded>): IdeaState {
  return idea(random.pick(IDEA_STATUSES), new Date(Date.parse('2025-09-01T00:00:00.000Z') + random.int(200 * DAY_MS)).toISOString());
}

/** Applies a change as the store does: add to the counters, set and remove entries. */
function apply(state: { counters: Counters; entries: Entries }, change: ContributionChange): void {
  for (const [key, value] of Object.entries(change.add)) state.counters[key] = (state.counters[key] ?? 0) + value;
  for (const key of change.remove) delete state.entries[key];
  Object.assign(state.entries, change.set);
}

const withoutZeros = (counters: Counters) => Object.fromEntries(Object.entries(counters).filter(([, value]) => value !== 0));

describe('contributionChange summed over many changes', () => {
  it.each([1, 2, 3, 42, 2026, 31337])('equals a recount of the final ideas and pilots (seed %i)', (seed) => {
    // Prepare
    const random = seeded(seed);
    const ideas = new Map<string, IdeaState>();
    const pilots = new Map<string, Pilot>();
    const stored: Contribution = { counters: {}, entries: {} };

    // Act
    for (let step = 0; step < 400; step += 1) {
      const onPilot = random.next() < 0.5;
      const id = `${onPilot ? 'p' : 'i'}${random.int(25)}`;
      const remove = random.next() < 0.1;
      if (onPilot) {
        const before = pilots.get(id);
        const after = remove ? undefined : randomPilot(random, id);
        if (after === undefined) pilots.delete(id);
        else pilots.set(id, after);
        const change = contributionChange(before && pilotContribution(before), after && pilotContribution(after));
        // Sometimes, as one transaction does, an idea's change is combined with a pilot's.
        const ideaId = `i${random.int(25)}`;
        if (random.next() < 0.3) {
          const ideaBefore = ideas.get(ideaId);
          const ideaAfter = randomIdea(random);
          ideas.set(ideaId, ideaAfter);
          apply(stored, combineChanges(contributionChange(ideaBefore && ideaContribution(ideaBefore), ideaContribution(ideaAfter)), change));
        } else apply(stored, change);
      } else {
        const before = ideas.get(id);
        const after = remove ? undefined : randomIdea(random);
        if (after === undefined) ideas.delete(id);
        else ideas.set(id, after);
        apply(stored, contributionChange(before && ideaContribution(before), after && ideaContribution(after)));
      }
    }

    // Assess
    const expected = recount(ideas.values(), pilots.values());
    expect(withoutZeros(stored.counters)).toEqual(expected.counters);
    expect(stored.entries).toEqual(expected.entries);
    expect(summaryOf(stored)).toEqual(summaryOf(expected));
  });
});

describe('pipelineSummary', () => {
  it('is all zeros and nulls for an empty pipeline', () => {
    // Act
    const summary = summaryOf({ counters: {}, entries: {} });

    // Assess
    expect(summary.stages).toEqual({ sprint: 0, pilot: 0, evaluation: 0, operations: 0, realised: 0, stopped: 0 });
    expect(summary.byTheme).toEqual({});
    expect(summary.byDepartment).toEqual({});
    expect(summary.funnel.map((step) => step.conversion)).toEqual([null, null, null, null, null, null, null]);
    expect(summary.stopped).toEqual({ total: 0, byStage: { sprint: 0, pilot: 0, evaluation: 0, operations: 0 } });
    expect(summary.stageTime).toEqual(ACTIVE_STAGES.map((stage) => ({ stage, pilots: 0, medianDays: null, limitDays: LIMITS[stage], overLimit: 0 })));
    expect(summary.hours).toEqual({ expectedPerYearInPipeline: 0, realisedPerYear: 0 });
    expect(summary.ideas.total).toBe(0);
    expect(summary.triage).toEqual({ waiting: 0, averageDaysWaiting: null, oldestDaysWaiting: null });
  });

  it('counts the pilots in each stage', () => {
    // Prepare
    const pilots = [
      aPilot({ id: 'a' }),
      aPilot({ id: 'b' }),
      aPilotIn('pilot', undefined, { id: 'c' }),
      aPilotIn('realised', undefined, { id: 'd' }),
      aStoppedPilot('sprint', { id: 'e' }),
      aStoppedPilot('evaluation', { id: 'f' }),
      aStoppedPilot('evaluation', { id: 'g' }),
    ];

    // Act
    const summary = summaryOf(recount([], pilots));

    // Assess
    expect(summary.stages).toEqual({ sprint: 2, pilot: 1, evaluation: 0, operations: 0, realised: 1, stopped: 3 });
    expect(summary.stopped).toEqual({ total: 3, byStage: { sprint: 1, pilot: 0, evaluation: 2, operations: 0 } });
  });

  it('groups the pilots by theme and stage', () => {
    // Prepare
    const pilots = [
      aPilot({ id: 'a', themes: ['automatisering', 'organisatorisk sammenhæng'] }),
      aPilotIn('pilot', undefined, { id: 'b', themes: ['automatisering'] }),
      aPilotIn('pilot', undefined, { id: 'c', themes: ['automatisering', 'data: kvalitet & deling'] }),
      aPilotIn('evaluation', undefined, { id: 'd', themes: [] }),
    ];

    // Act
    const summary = summaryOf(recount([], pilots));

    // Assess
    expect(summary.byTheme).toEqual({
      automatisering: { sprint: 1, pilot: 2 },
      'organisatorisk sammenhæng': { sprint: 1 },
      'data: kvalitet & deling': { pilot: 1 },
    });
  });

  it('groups the pilots by department, keyed as inbox keys departments, including æ, ø, å and colons', () => {
    // Prepare
    const pilots = [
      aPilot({ id: 'a', department: 'Ældre og sundhed' }),
      aPilotIn('pilot', undefined, { id: 'b', department: ' ældre og  Sundhed' }),
      aPilotIn('pilot', undefined, { id: 'c', department: 'Børn: Dagtilbud og skole' }),
      aPilotIn('operations', undefined, { id: 'd', department: 'Område 3: Hjemmepleje Øst/Vest' }),
      aStoppedPilot('pilot', { id: 'e', department: 'Teknik & Miljø, Århus' }),
    ];

    // Act
    const summary = summaryOf(recount([], pilots));

    // Assess
    expect(summary.byDepartment).toEqual({
      'ældre og sundhed': { sprint: 1, pilot: 1 },
      'børn: dagtilbud og skole': { pilot: 1 },
      'område 3: hjemmepleje øst/vest': { operations: 1 },
      'teknik & miljø, århus': { stopped: 1 },
    });
  });

  it('leaves out groups whose counts have gone back to zero', () => {
    // Prepare
    const totals: Contribution = { counters: { 'theme:automatisering:sprint': 0, 'department:jobcenter:pilot': 0, 'department:jobcenter:sprint': 2 }, entries: {} };

    // Act
    const summary = summaryOf(totals);

    // Assess
    expect(summary.byTheme).toEqual({});
    expect(summary.byDepartment).toEqual({ jobcenter: { sprint: 2 } });
  });

  it('shows the funnel from submitted ideas to realised pilots, with each step’s conversion', () => {
    // Prepare
    const ideas = [...Array(8).fill(idea('submitted')), idea('accepted'), idea('accepted'), idea('accepted'), idea('accepted')];
    const pilots = [aPilot({ id: 'a' }), aPilotIn('pilot', undefined, { id: 'b' }), aPilotIn('realised', undefined, { id: 'c' }), aStoppedPilot('pilot', { id: 'd' })];

    // Act
    const summary = summaryOf(recount(ideas, pilots));

    // Assess
    expect(summary.funnel).toEqual([
      { step: 'submitted', count: 12, conversion: null },
      { step: 'accepted', count: 4, conversion: 0.333 },
      { step: 'sprint', count: 4, conversion: 1 },
      { step: 'pilot', count: 3, conversion: 0.75 },
      { step: 'evaluation', count: 1, conversion: 0.333 },
      { step: 'operations', count: 1, conversion: 1 },
      { step: 'realised', count: 1, conversion: 1 },
    ]);
  });

  it('gives a null conversion after an empty step, and zero into an empty step', () => {
    // Prepare
    const totals: Contribution = { counters: { ideas: 5, 'reached:sprint': 2 }, entries: {} };

    // Act
    const summary = summaryOf(totals);

    // Assess
    expect(summary.funnel.map(({ step, conversion }) => [step, conversion])).toEqual([
      ['submitted', null],
      ['accepted', 0],
      ['sprint', null],
      ['pilot', 0],
      ['evaluation', null],
      ['operations', null],
      ['realised', null],
    ]);
  });

  it('gives the median days in each stage from an odd number of pilots', () => {
    // Prepare
    const pilots = [30, 2, 10].map((days, index) => aPilotIn('pilot', daysAgo(days), { id: `p${index}` }));

    // Act
    const summary = summaryOf(recount([], pilots));

    // Assess
    expect(summary.stageTime.find((entry) => entry.stage === 'pilot')).toEqual({ stage: 'pilot', pilots: 3, medianDays: 10, limitDays: 120, overLimit: 0 });
  });

  it('gives the mean of the two middle values from an even number of pilots, to one decimal', () => {
    // Prepare
    const pilots = [1, 40, 5.25, 3].map((days, index) => aPilotIn('evaluation', daysAgo(days), { id: `p${index}` }));

    // Act
    const summary = summaryOf(recount([], pilots));

    // Assess
    expect(summary.stageTime.find((entry) => entry.stage === 'evaluation')?.medianDays).toBe(4.1);
  });

  it('counts the pilots over their stage’s limit, and only those strictly over it', () => {
    // Prepare
    const pilots = [
      aPilot({ id: 's1', stageEnteredAt: daysAgo(13) }),
      aPilot({ id: 's2', stageEnteredAt: daysAgo(14) }),
      aPilot({ id: 's3', stageEnteredAt: daysAgo(14.5) }),
      aPilot({ id: 's4', stageEnteredAt: daysAgo(60) }),
      aPilotIn('operations', daysAgo(400), { id: 'o1' }),
    ];

    // Act
    const summary = summaryOf(recount([], pilots));

    // Assess
    expect(summary.stageTime).toEqual([
      { stage: 'sprint', pilots: 4, medianDays: 14.3, limitDays: 14, overLimit: 2 },
      { stage: 'pilot', pilots: 0, medianDays: null, limitDays: 120, overLimit: 0 },
      { stage: 'evaluation', pilots: 0, medianDays: null, limitDays: 45, overLimit: 0 },
      { stage: 'operations', pilots: 1, medianDays: 400, limitDays: 365, overLimit: 1 },
    ]);
  });

  it('measures against the limits it is given', () => {
    // Prepare
    const totals = recount([], [aPilot({ stageEnteredAt: daysAgo(5) })]);

    // Act
    const summary = pipelineSummary(totals, { stageLimitDays: { ...LIMITS, sprint: 3 }, oldestWaitingSince: undefined, now: NOW });

    // Assess
    expect(summary.stageTime[0]).toEqual({ stage: 'sprint', pilots: 1, medianDays: 5, limitDays: 3, overLimit: 1 });
  });

  it('does not count realised or stopped pilots in the time spent in stages', () => {
    // Prepare
    const pilots = [aPilotIn('realised', daysAgo(500), { id: 'r' }), aStoppedPilot('sprint', { id: 's' })];

    // Act
    const summary = summaryOf(recount([], pilots));

    // Assess
    expect(summary.stageTime.every((entry) => entry.pilots === 0)).toBe(true);
  });

  it('sums expected hours over active pilots only, and realised hours over realised pilots only', () => {
    // Prepare
    const pilots = [
      aPilot({ id: 'a', hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 120.25 } }),
      aPilotIn('operations', undefined, { id: 'b', hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 80 }, results: { summary: 'Undervejs', realisedHoursPerYear: 60 } }),
      aPilotIn('realised', undefined, { id: 'c', hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 1000 }, results: { summary: 'Målt', realisedHoursPerYear: 640.44 } }),
      aStoppedPilot('evaluation', { id: 'd', hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 5000 }, results: { summary: 'Stoppet', realisedHoursPerYear: 10 } }),
    ];

    // Act
    const summary = summaryOf(recount([], pilots));

    // Assess
    expect(summary.hours).toEqual({ expectedPerYearInPipeline: 200.3, realisedPerYear: 640.4 });
  });

  it('counts the ideas overall and in each status', () => {
    // Prepare
    const ideas = [idea('submitted'), idea('in_triage'), idea('in_triage'), idea('declined'), idea('withdrawn')];

    // Act
    const summary = summaryOf(recount(ideas, []));

    // Assess
    expect(summary.ideas.total).toBe(5);
    expect(summary.ideas.byStatus).toEqual(Object.fromEntries(IDEA_STATUSES.map((status) => [status, { submitted: 1, in_triage: 2, declined: 1, withdrawn: 1 }[status as string] ?? 0])));
  });

  it('tells how many ideas wait in triage, for how long on average, and the longest wait', () => {
    // Prepare
    const ideas = [idea('in_triage', daysAgo(2)), idea('in_triage', daysAgo(4)), idea('in_triage', daysAgo(10.5)), idea('accepted', daysAgo(100))];

    // Act
    const summary = summaryOf(recount(ideas, []), daysAgo(10.5));

    // Assess
    expect(summary.triage).toEqual({ waiting: 3, averageDaysWaiting: 5.5, oldestDaysWaiting: 10.5 });
  });

  it('gives no average when nothing waits, and no oldest without one', () => {
    // Act
    const summary = summaryOf(recount([idea('accepted')], []));

    // Assess
    expect(summary.triage).toEqual({ waiting: 0, averageDaysWaiting: null, oldestDaysWaiting: null });
  });
});

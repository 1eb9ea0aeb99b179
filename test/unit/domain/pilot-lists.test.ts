import { describe, expect, it } from 'vitest';
import type { Pilot } from '../../../shared/domain/pilot.ts';
import { pilotListsOf, pilotRow, pilotSortsOf, pilotSortValue, PILOT_SORTS } from '../../../shared/domain/pilot-lists.ts';
import { IDEA_ID } from '../support/ideas.ts';
import { aPilot, aPilotIn, PILOT_ID } from '../support/pilots.ts';

const OWNER = { sub: 'owner-7', name: 'Åse Kjær' };
const HYPOTHESIS = { expectedHoursPerYear: 300, successMeasure: 'Timer pr. uge', baseline: '10 timer', successThreshold: '5 timer' };

/** The ids of the pilots in the order a list reads them: sort values ascending. */
function readOrder(pilots: Pilot[], sort: (typeof PILOT_SORTS)[number]): string[] {
  return pilots
    .map((pilot) => ({ id: pilot.id, value: pilotSortValue(pilot, sort) }))
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .map(({ id }) => id);
}

describe('pilotListsOf', () => {
  it('puts a pilot in all pilots and its stage, each alone and by theme, department and owner', () => {
    // Prepare
    const pilot = aPilotIn('pilot', undefined, { themes: ['automatisering', 'dataunderstøttelse'], owner: OWNER });

    // Act
    const lists = pilotListsOf(pilot);

    // Assess
    expect(lists).toEqual([
      {},
      { theme: 'automatisering' },
      { theme: 'dataunderstøttelse' },
      { department: 'ældre og sundhed' },
      { owner: 'owner-7' },
      { stage: 'pilot' },
      { stage: 'pilot', theme: 'automatisering' },
      { stage: 'pilot', theme: 'dataunderstøttelse' },
      { stage: 'pilot', department: 'ældre og sundhed' },
      { stage: 'pilot', owner: 'owner-7' },
    ]);
  });

  it('puts a pilot without an owner in no owner’s list', () => {
    // Act
    const lists = pilotListsOf(aPilot());

    // Assess
    expect(lists.some((list) => 'owner' in list)).toBe(false);
    expect(lists).toHaveLength(6);
  });

  it('puts a pilot without themes in no theme’s list', () => {
    // Act
    const lists = pilotListsOf(aPilot({ themes: [] }));

    // Assess
    expect(lists).toEqual([{}, { department: 'ældre og sundhed' }, { stage: 'sprint' }, { stage: 'sprint', department: 'ældre og sundhed' }]);
  });

  it.each([
    ['Ældre og Sundhed', 'ældre og sundhed'],
    ['  ÆLDRE   OG SUNDHED ', 'ældre og sundhed'],
    ['Børn: Dagtilbud', 'børn: dagtilbud'],
    ['Teknik & Miljø, Århus', 'teknik & miljø, århus'],
  ])('keys the department %j as %j', (department, key) => {
    // Act
    const lists = pilotListsOf(aPilot({ department }));

    // Assess
    expect(lists.filter((list) => list.department !== undefined).map((list) => list.department)).toEqual([key, key]);
  });

  it('narrows every list by at most one of theme, department and owner', () => {
    // Act
    const lists = pilotListsOf(aPilotIn('evaluation', undefined, { themes: ['automatisering'], owner: OWNER }));

    // Assess
    for (const list of lists) expect(['theme', 'department', 'owner'].filter((key) => key in list).length).toBeLessThanOrEqual(1);
  });

  it('lists a stopped pilot under stopped', () => {
    // Act
    const lists = pilotListsOf(aPilot({ stage: 'stopped' }));

    // Assess
    expect(lists.filter((list) => list.stage !== undefined).every((list) => list.stage === 'stopped')).toBe(true);
  });

  it('lists an active pilot on hold in the list of pilots on hold, never narrowed, and a pilot without a hold not', () => {
    // Act
    const held = pilotListsOf(aPilotIn('evaluation', undefined, { hold: { until: '2026-05-01', reason: 'Afventer budget.' } }));
    const free = pilotListsOf(aPilot());

    // Assess
    expect(held.filter((list) => list.held === true)).toEqual([{ held: true }]);
    expect(free.some((list) => list.held === true)).toBe(false);
  });

  it('keeps the list of pilots on hold in its one order, and every other list in three', () => {
    expect(pilotSortsOf({ held: true })).toEqual(['hold_until']);
    expect(pilotSortsOf({ stage: 'pilot', theme: 'automatisering' })).toEqual(['in_stage', 'newest', 'expected_hours']);
  });

  it('gives no list twice', () => {
    // Act
    const lists = pilotListsOf(aPilot({ themes: ['automatisering', 'teknologianvendelse'], owner: OWNER }));

    // Assess
    expect(new Set(lists.map((list) => JSON.stringify(list))).size).toBe(lists.length);
  });
});

describe('pilotSortValue', () => {
  it('reads the pilots on hold by the day their hold ends, earliest first, then longest in their stage for hold_until', () => {
    // Prepare
    const pilots = [
      aPilot({ id: 'c-may', stageEnteredAt: '2026-01-01T09:00:00.000Z', hold: { until: '2026-05-01', reason: 'x' } }),
      aPilot({ id: 'b-april-newer', stageEnteredAt: '2026-02-01T09:00:00.000Z', hold: { until: '2026-04-01', reason: 'x' } }),
      aPilot({ id: 'a-april-older', stageEnteredAt: '2026-01-15T09:00:00.000Z', hold: { until: '2026-04-01', reason: 'x' } }),
    ];

    // Act
    const order = readOrder(pilots, 'hold_until');

    // Assess
    expect(order).toEqual(['a-april-older', 'b-april-newer', 'c-may']);
  });

  it('reads the pilots longest in their stage first for in_stage', () => {
    // Prepare
    const pilots = [
      aPilot({ id: 'b-middle', stageEnteredAt: '2026-02-10T09:00:00.000Z' }),
      aPilot({ id: 'c-newest', stageEnteredAt: '2026-03-01T09:00:00.000Z' }),
      aPilot({ id: 'a-oldest', stageEnteredAt: '2025-11-30T23:59:59.999Z' }),
    ];

    // Act
    const order = readOrder(pilots, 'in_stage');

    // Assess
    expect(order).toEqual(['a-oldest', 'b-middle', 'c-newest']);
  });

  it('reads the newest pilots first for newest', () => {
    // Prepare
    const pilots = [
      aPilot({ id: 'old', createdAt: '2025-01-01T00:00:00.000Z' }),
      aPilot({ id: 'newest', createdAt: '2026-03-01T09:00:00.001Z' }),
      aPilot({ id: 'new', createdAt: '2026-03-01T09:00:00.000Z' }),
      aPilot({ id: 'ancient', createdAt: '2001-09-09T01:46:40.000Z' }),
    ];

    // Act
    const order = readOrder(pilots, 'newest');

    // Assess
    expect(order).toEqual(['newest', 'new', 'old', 'ancient']);
  });

  it('reads the pilots with most expected hours first for expected_hours, those without last', () => {
    // Prepare
    const pilots = [
      aPilot({ id: 'none' }),
      aPilot({ id: 'h-9', hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 9 } }),
      aPilot({ id: 'h-1200', hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 1200 } }),
      aPilot({ id: 'h-80', hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 80 } }),
      aPilot({ id: 'h-100', hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 100 } }),
    ];

    // Act
    const order = readOrder(pilots, 'expected_hours');

    // Assess
    expect(order).toEqual(['h-1200', 'h-100', 'h-80', 'h-9', 'none']);
  });

  it('reads pilots with equal expected hours longest in stage first', () => {
    // Prepare
    const pilots = [
      aPilot({ id: 'later', stageEnteredAt: '2026-03-01T09:00:00.000Z', hypothesis: HYPOTHESIS }),
      aPilot({ id: 'earlier', stageEnteredAt: '2026-01-01T09:00:00.000Z', hypothesis: HYPOTHESIS }),
    ];

    // Act
    const order = readOrder(pilots, 'expected_hours');

    // Assess
    expect(order).toEqual(['earlier', 'later']);
  });

  it('rounds expected hours and keeps them within bounds', () => {
    // Prepare
    const pilots = [
      aPilot({ id: 'negative', hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: -50 } }),
      aPilot({ id: 'huge', hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 1e12 } }),
      aPilot({ id: 'fraction', hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 10.6 } }),
    ];

    // Act
    const values = pilots.map((pilot) => pilotSortValue(pilot, 'expected_hours'));

    // Assess
    expect(values).toEqual([
      `9999999#2026-01-12T09:00:00.000Z#negative`,
      `0000000#2026-01-12T09:00:00.000Z#huge`,
      `9999988#2026-01-12T09:00:00.000Z#fraction`,
    ]);
  });

  it('breaks ties by the pilot’s id, so every value is unique', () => {
    // Prepare
    const pilots = [aPilot({ id: 'b' }), aPilot({ id: 'a' })];

    for (const sort of PILOT_SORTS) {
      // Act
      const values = pilots.map((pilot) => pilotSortValue(pilot, sort));

      // Assess
      expect(values[0]).not.toBe(values[1]);
      expect(values.every((value, index) => value.endsWith(`#${pilots[index]?.id}`))).toBe(true);
      expect(readOrder(pilots, sort)).toEqual(['a', 'b']);
    }
  });

  it('pads the newest value to a fixed width, so text order is time order', () => {
    // Act
    const value = pilotSortValue(aPilot({ createdAt: '2026-03-01T09:00:00.000Z' }), 'newest');

    // Assess
    expect(value).toMatch(/^\d{13}#/);
    expect(value).toBe(`${String(9_999_999_999_999 - Date.parse('2026-03-01T09:00:00.000Z')).padStart(13, '0')}#${PILOT_ID}`);
  });
});

describe('pilotRow', () => {
  it('shows only the required fields of a new pilot', () => {
    // Act
    const row = pilotRow(aPilot());

    // Assess
    expect(row).toEqual({
      id: PILOT_ID,
      title: 'Færre dobbeltregistreringer på plejecentret',
      stage: 'sprint',
      stageEnteredAt: '2026-01-12T09:00:00.000Z',
      department: 'Ældre og sundhed',
      themes: ['automatisering'],
      ideaIds: [IDEA_ID],
      createdAt: '2026-01-12T09:00:00.000Z',
      updatedAt: '2026-01-12T09:00:00.000Z',
    });
  });

  it('shows the owner, risk, hours, costs and hold of a pilot that has them', () => {
    // Prepare
    const pilot = aPilotIn('operations', '2026-02-01T09:00:00.000Z', {
      owner: OWNER,
      riskLevel: 'high',
      hypothesis: HYPOTHESIS,
      results: { summary: 'Målt', realisedHoursPerYear: 210 },
      cost: { oneOffDkk: 45_000, yearlyDkk: 12_500 },
      hold: { until: '2026-05-01', reason: 'Afventer budget' },
    });

    // Act
    const row = pilotRow(pilot);

    // Assess
    expect(row).toMatchObject({
      owner: OWNER,
      riskLevel: 'high',
      expectedHoursPerYear: 300,
      realisedHoursPerYear: 210,
      oneOffCostDkk: 45_000,
      yearlyCostDkk: 12_500,
      holdUntil: '2026-05-01',
    });
  });

  it('leaves out what the pilot does not have instead of showing it as undefined', () => {
    // Prepare
    const pilot = aPilot({ cost: { yearlyDkk: 1_000 }, results: { summary: 'Ikke målt endnu' } });

    // Act
    const row = pilotRow(pilot);

    // Assess
    expect(row.yearlyCostDkk).toBe(1_000);
    expect('oneOffCostDkk' in row).toBe(false);
    expect('realisedHoursPerYear' in row).toBe(false);
    expect(Object.values(row).includes(undefined)).toBe(false);
  });

  it('shows zero hours and costs, which are values and not missing', () => {
    // Act
    const row = pilotRow(aPilot({ hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 0 }, cost: { oneOffDkk: 0 } }));

    // Assess
    expect(row.expectedHoursPerYear).toBe(0);
    expect(row.oneOffCostDkk).toBe(0);
  });

  it('does not carry the pilot’s description, learnings or history fields', () => {
    // Act
    const row = pilotRow(aPilot({ learnings: 'Hemmelige noter. Ikke til listen.' }));

    // Assess
    for (const field of ['description', 'learnings', 'artefacts', 'version', 'createdBy', 'reachedStages']) expect(field in row).toBe(false);
  });
});

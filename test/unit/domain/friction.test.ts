import { describe, expect, it } from 'vitest';
import { frictionHoursPerYear, OCCURRENCES_PER_YEAR } from '../../../shared/domain/friction.ts';
import type { Friction } from '../../../shared/domain/idea.ts';

describe('OCCURRENCES_PER_YEAR', () => {
  it.each([
    ['day', 230],
    ['week', 46],
    ['month', 11],
  ] as const)('counts a Danish working year as %s × %i', (unit, occurrences) => {
    // Act
    const actual = OCCURRENCES_PER_YEAR[unit];

    // Assess
    expect(actual).toBe(occurrences);
  });
});

describe('frictionHoursPerYear', () => {
  it.each<[string, Friction, number]>([
    ['an hour a day for one person', { frequency: 1, frequencyUnit: 'day', minutesEach: 60, peopleAffected: 1 }, 230],
    ['an hour a week for one person', { frequency: 1, frequencyUnit: 'week', minutesEach: 60, peopleAffected: 1 }, 46],
    ['an hour a month for one person', { frequency: 1, frequencyUnit: 'month', minutesEach: 60, peopleAffected: 1 }, 11],
    ['3 times a day, 10 minutes, 12 care workers', { frequency: 3, frequencyUnit: 'day', minutesEach: 10, peopleAffected: 12 }, 1380],
    ['twice a week, 15 minutes, 40 teachers', { frequency: 2, frequencyUnit: 'week', minutesEach: 15, peopleAffected: 40 }, 920],
    ['5 times a month, 30 minutes, 3 case workers', { frequency: 5, frequencyUnit: 'month', minutesEach: 30, peopleAffected: 3 }, 82.5],
  ])('multiplies how often × minutes × people: %s', (_case, friction, hours) => {
    // Act
    const actual = frictionHoursPerYear(friction);

    // Assess
    expect(actual).toBe(hours);
  });

  it.each<[string, Friction, number]>([
    ['a minute a day rounds 3.83 down to 3.8', { frequency: 1, frequencyUnit: 'day', minutesEach: 1, peopleAffected: 1 }, 3.8],
    ['a minute a week rounds 0.767 up to 0.8', { frequency: 1, frequencyUnit: 'week', minutesEach: 1, peopleAffected: 1 }, 0.8],
    ['a minute a month rounds 0.183 up to 0.2', { frequency: 1, frequencyUnit: 'month', minutesEach: 1, peopleAffected: 1 }, 0.2],
    ['half a minute a month rounds 0.092 up to 0.1', { frequency: 1, frequencyUnit: 'month', minutesEach: 0.5, peopleAffected: 1 }, 0.1],
    ['2 minutes a month rounds 0.367 up to 0.4', { frequency: 1, frequencyUnit: 'month', minutesEach: 2, peopleAffected: 1 }, 0.4],
  ])('rounds to one decimal: %s', (_case, friction, hours) => {
    // Act
    const actual = frictionHoursPerYear(friction);

    // Assess
    expect(actual).toBe(hours);
  });

  it('grows in proportion to the number of people affected', () => {
    // Prepare
    const one: Friction = { frequency: 4, frequencyUnit: 'week', minutesEach: 15, peopleAffected: 1 };
    const many: Friction = { ...one, peopleAffected: 250 };

    // Act
    const forOne = frictionHoursPerYear(one);
    const forMany = frictionHoursPerYear(many);

    // Assess
    expect(forOne).toBe(46);
    expect(forMany).toBe(46 * 250);
  });

  it('handles the largest friction the form allows without losing precision', () => {
    // Prepare
    const largest: Friction = { frequency: 1000, frequencyUnit: 'day', minutesEach: 480, peopleAffected: 100_000 };

    // Act
    const hours = frictionHoursPerYear(largest);

    // Assess
    expect(hours).toBe(184_000_000_000);
  });
});

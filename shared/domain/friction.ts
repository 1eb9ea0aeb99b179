import type { Friction, FrequencyUnit } from './idea.ts';

/**
 * Occurrences per year for one occurrence per unit, on a Danish working year:
 * 46 working weeks of 5 days (52 weeks less 6 weeks of holiday and public holidays),
 * i.e. 230 working days, and 11 working months.
 */
export const OCCURRENCES_PER_YEAR: Record<FrequencyUnit, number> = {
  day: 230,
  week: 46,
  month: 11,
};

/**
 * Hours per year that a piece of friction costs the organisation:
 * how often × minutes each time × people affected, rounded to one decimal.
 */
export function frictionHoursPerYear(friction: Friction): number {
  const occurrences = friction.frequency * OCCURRENCES_PER_YEAR[friction.frequencyUnit];
  const hours = (occurrences * friction.minutesEach * friction.peopleAffected) / 60;
  return Math.round(hours * 10) / 10;
}

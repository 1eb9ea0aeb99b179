/**
 * Where a use case learns what time it is: one dependency, `clock`, the same way in every use
 * case. The functions build the system clock once, at module level, like their stores; the unit
 * tests pass a fixed one (test/unit/support/clock.ts). An instant a use case records or is given
 * as data (an event's `at`) is not a clock.
 */
export interface Clock {
  now(): Date;
}

/** The clock of the machine it runs on. */
export const systemClock: Clock = { now: () => new Date() };

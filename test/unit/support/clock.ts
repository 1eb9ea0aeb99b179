import type { Clock } from '../../../shared/domain/clock.ts';

/** A clock that always says `at`: the time a use case reads in a test. */
export function fixedClock(at: string | number | Date): Clock {
  const instant = new Date(at).getTime();
  return { now: () => new Date(instant) };
}

/** A clock that says whatever `now` returns when asked (a test that moves time on). */
export function clockOf(now: () => Date): Clock {
  return { now };
}

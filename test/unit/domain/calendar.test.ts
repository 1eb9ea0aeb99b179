import { describe, expect, it } from 'vitest';
import { copenhagenDay } from '../../../shared/domain/calendar.ts';

describe('copenhagenDay', () => {
  it('gives the day as YYYY-MM-DD, zero-padded', () => {
    // Act
    const day = copenhagenDay(new Date('2026-03-04T10:00:00.000Z'));

    // Assess
    expect(day).toBe('2026-03-04');
  });

  it('starts the Danish day an hour before UTC midnight in winter', () => {
    // Act
    const before = copenhagenDay(new Date('2026-01-14T22:59:59.000Z'));
    const after = copenhagenDay(new Date('2026-01-14T23:00:00.000Z'));

    // Assess
    expect(before).toBe('2026-01-14');
    expect(after).toBe('2026-01-15');
  });

  it('starts the Danish day two hours before UTC midnight in summer', () => {
    // Act
    const before = copenhagenDay(new Date('2026-07-14T21:59:59.000Z'));
    const after = copenhagenDay(new Date('2026-07-14T22:00:00.000Z'));

    // Assess
    expect(before).toBe('2026-07-14');
    expect(after).toBe('2026-07-15');
  });

  it('moves to the new year in Copenhagen while it is still the old year in UTC', () => {
    // Act
    const day = copenhagenDay(new Date('2026-12-31T23:30:00.000Z'));

    // Assess
    expect(day).toBe('2027-01-01');
  });

  it('keeps the day across the night clocks go forward', () => {
    // Act
    const days = ['2026-03-28T23:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-29T21:30:00.000Z'].map((moment) => copenhagenDay(new Date(moment)));

    // Assess
    expect(days).toEqual(['2026-03-29', '2026-03-29', '2026-03-29']);
  });
});

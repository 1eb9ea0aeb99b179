import { describe, expect, it } from 'vitest';
import {
  DEFAULT_USAGE_LIMITS,
  isValidUsageLimit,
  LIMITED_ACTIONS,
  retryAfterSeconds,
  USAGE_ACTION_LABELS,
  USAGE_WINDOW_SECONDS,
  usageExpiresAt,
  usageLimitDetail,
  usageWindowAt,
  usageWindowLabel,
  waitInWords,
} from '../../../shared/domain/usage-limits.ts';

const at = (iso: string) => new Date(iso);
const epoch = (iso: string) => Date.parse(iso) / 1000;

describe('usageWindowAt', () => {
  it('puts a moment in the hour it falls in, from the hour (included) to the next (excluded)', () => {
    // Act
    const window = usageWindowAt(at('2026-01-08T08:31:15.250Z'));

    // Assess
    expect(window).toEqual({ startsAt: epoch('2026-01-08T08:00:00Z'), endsAt: epoch('2026-01-08T09:00:00Z') });
  });

  it('starts a new window exactly on the hour', () => {
    // Act
    const window = usageWindowAt(at('2026-01-08T09:00:00.000Z'));

    // Assess
    expect(window.startsAt).toBe(epoch('2026-01-08T09:00:00Z'));
  });

  it('keeps the last millisecond before the hour in the old window', () => {
    // Act
    const window = usageWindowAt(at('2026-01-08T08:59:59.999Z'));

    // Assess
    expect(window.startsAt).toBe(epoch('2026-01-08T08:00:00Z'));
    expect(window.endsAt).toBe(epoch('2026-01-08T09:00:00Z'));
  });

  it('gives two moments of the same hour the same window, so they count together', () => {
    // Act
    const first = usageWindowAt(at('2026-01-08T08:00:01Z'));
    const second = usageWindowAt(at('2026-01-08T08:59:58Z'));

    // Assess
    expect(second).toEqual(first);
  });

  it('is an hour long by default', () => {
    // Act
    const window = usageWindowAt(at('2026-03-29T01:30:00Z'));

    // Assess
    expect(window.endsAt - window.startsAt).toBe(USAGE_WINDOW_SECONDS);
    expect(USAGE_WINDOW_SECONDS).toBe(3600);
  });

  it('takes other window lengths, aligned to the epoch', () => {
    // Act
    const window = usageWindowAt(at('2026-01-08T08:31:15Z'), 600);

    // Assess
    expect(window).toEqual({ startsAt: epoch('2026-01-08T08:30:00Z'), endsAt: epoch('2026-01-08T08:40:00Z') });
  });

  it('stays on the hour across the change to summer time in Copenhagen (the hours are UTC’s)', () => {
    // Act: 02:00 Copenhagen time does not exist on 29 March 2026; UTC goes on as ever.
    const window = usageWindowAt(at('2026-03-29T01:15:00Z'));

    // Assess
    expect(usageWindowLabel(window)).toBe('2026-03-29T01:00:00Z');
  });

  it.each([0, -60, 1.5, Number.NaN])('refuses a window of %s seconds', (seconds) => {
    // Act
    const act = () => usageWindowAt(at('2026-01-08T08:00:00Z'), seconds);

    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('retryAfterSeconds', () => {
  const window = usageWindowAt(at('2026-01-08T08:00:00Z'));

  it('counts the seconds until the window ends', () => {
    // Act
    const seconds = retryAfterSeconds(window, at('2026-01-08T08:45:00Z'));

    // Assess
    expect(seconds).toBe(15 * 60);
  });

  it('rounds part of a second up, so a client that waits that long is in the next window', () => {
    // Act
    const seconds = retryAfterSeconds(window, at('2026-01-08T08:59:58.200Z'));

    // Assess
    expect(seconds).toBe(2);
  });

  it('is the whole hour at the very start of the window', () => {
    // Act
    const seconds = retryAfterSeconds(window, at('2026-01-08T08:00:00.000Z'));

    // Assess
    expect(seconds).toBe(3600);
  });

  it('is never less than a second, even at the window’s last moment', () => {
    // Act
    const seconds = retryAfterSeconds(window, at('2026-01-08T08:59:59.999Z'));

    // Assess
    expect(seconds).toBe(1);
  });

  it('is at least a second for a window already over (a clock that moved on between counting and answering)', () => {
    // Act
    const seconds = retryAfterSeconds(window, at('2026-01-08T09:00:05Z'));

    // Assess
    expect(seconds).toBe(1);
  });
});

describe('usageWindowLabel', () => {
  it('writes the window’s start as an ISO instant in UTC, to the second', () => {
    // Act
    const label = usageWindowLabel(usageWindowAt(at('2026-01-08T08:31:15.250Z')));

    // Assess
    expect(label).toBe('2026-01-08T08:00:00Z');
  });

  it('sorts as time does', () => {
    // Act
    const labels = ['2026-01-08T23:10:00Z', '2026-01-09T00:10:00Z', '2025-12-31T23:59:00Z'].map((iso) => usageWindowLabel(usageWindowAt(at(iso))));

    // Assess
    expect(labels.toSorted()).toEqual(['2025-12-31T23:00:00Z', '2026-01-08T23:00:00Z', '2026-01-09T00:00:00Z']);
  });
});

describe('usageExpiresAt', () => {
  it('lets time to live delete a count when its window ends (epoch seconds)', () => {
    // Act
    const expiresAt = usageExpiresAt(usageWindowAt(at('2026-01-08T08:31:15Z')));

    // Assess
    expect(expiresAt).toBe(epoch('2026-01-08T09:00:00Z'));
    expect(Number.isInteger(expiresAt)).toBe(true);
  });
});

describe('the default limits', () => {
  it('are 20 submits, 120 supports and 300 similar-idea lookups per person and hour', () => {
    // Assess
    expect(DEFAULT_USAGE_LIMITS).toEqual({ submit: 20, support: 120, similar: 300 });
  });

  it('cover every limited action, and each is a valid limit', () => {
    // Assess
    expect(Object.keys(DEFAULT_USAGE_LIMITS).toSorted()).toEqual([...LIMITED_ACTIONS].toSorted());
    for (const action of LIMITED_ACTIONS) expect(isValidUsageLimit(DEFAULT_USAGE_LIMITS[action])).toBe(true);
  });

  it('leave room for some 15 lookups of similar ideas per idea submitted', () => {
    // Assess
    expect(DEFAULT_USAGE_LIMITS.similar / DEFAULT_USAGE_LIMITS.submit).toBe(15);
  });
});

describe('isValidUsageLimit', () => {
  it.each([1, 20, 100_000])('takes %s', (limit) => {
    expect(isValidUsageLimit(limit)).toBe(true);
  });

  it.each([0, -1, 2.5, 100_001, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (limit) => {
    expect(isValidUsageLimit(limit)).toBe(false);
  });
});

describe('waitInWords', () => {
  it.each([
    [1, 'da', '1 sekund'],
    [45, 'da', '45 sekunder'],
    [60, 'da', '1 minut'],
    [61, 'da', '2 minutter'],
    [3600, 'da', '60 minutter'],
    [1, 'en', '1 second'],
    [59, 'en', '59 seconds'],
    [60, 'en', '1 minute'],
    [900, 'en', '15 minutes'],
  ] as const)('says %i seconds in %s as "%s" (minutes rounded up)', (seconds, language, words) => {
    expect(waitInWords(seconds, language)).toBe(words);
  });
});

describe('usageLimitDetail', () => {
  it('tells a Danish caller the limit and when to try again', () => {
    // Act
    const detail = usageLimitDetail('submit', 20, 14 * 60);

    // Assess
    expect(detail.da).toBe('Du kan højst indsende idéer 20 gange i timen. Prøv igen om 14 minutter.');
  });

  it('tells an English caller the same', () => {
    // Act
    const detail = usageLimitDetail('similar', 300, 30);

    // Assess
    expect(detail.en).toBe('You can look up similar ideas at most 300 times an hour. Try again in 30 seconds.');
  });

  it('says "gang" and "time" for a limit of one', () => {
    // Act
    const detail = usageLimitDetail('support', 1, 120);

    // Assess
    expect(detail).toEqual({ da: 'Du kan højst støtte idéer 1 gang i timen. Prøv igen om 2 minutter.', en: 'You can support ideas at most 1 time an hour. Try again in 2 minutes.' });
  });

  it('names every action in both languages', () => {
    for (const action of LIMITED_ACTIONS) {
      expect(USAGE_ACTION_LABELS[action].da.length).toBeGreaterThan(0);
      expect(USAGE_ACTION_LABELS[action].en.length).toBeGreaterThan(0);
    }
  });
});

import type { Language } from './idea.ts';

/**
 * Per-person limits (docs/architecture.md, "Per-person limits"): how often one person may do each of the
 * actions that write to the table or cost a lookup of many items, counted per person in fixed
 * windows of an hour. Pure: the counting itself is one conditional UpdateItem
 * (shared/store/usage-limits.ts), and who the person is, a keyed hash of their subject
 * (shared/usage-limits.ts).
 *
 * A fixed window is the simplest rule that holds under concurrency with one conditional write:
 * the count of the person's current window goes up by one unless it has reached the limit. Its
 * known weakness is the edge: a person can use a whole window's limit at its end and the next
 * window's at its start, so at most twice the limit within a short time; for limits meant to stop
 * floods (a thousand submits in eleven seconds), not to ration normal use, that is enough.
 */
export const LIMITED_ACTIONS = ['submit', 'support', 'similar'] as const;
export type LimitedAction = (typeof LIMITED_ACTIONS)[number];

/** Every limit counts in windows of one hour, starting on the hour (UTC, which is on the hour in Copenhagen too). */
export const USAGE_WINDOW_SECONDS = 3600;

/**
 * The limits per person and hour when a deployment sets none (docs/architecture.md, "Per-person limits", says
 * why these numbers):
 * - `submit` (POST /ideas): 20. A person with a workshop's worth of ideas to type in stays under
 *   it; a script does not get far.
 * - `support` (POST /ideas/{id}/support): 120. Two a minute for a whole hour, far more than
 *   anybody reading the ideas clicks "me too".
 * - `similar` (GET /ideas/similar): 300. The form asks as its title and description are typed,
 *   after a pause in the typing: some 10 to 15 lookups per idea written, so 20 ideas an hour.
 */
export const DEFAULT_USAGE_LIMITS: Readonly<Record<LimitedAction, number>> = { submit: 20, support: 120, similar: 300 };

/** The range a deployment may set a limit in: at least one use an hour, and a ceiling that is still a limit. */
export const USAGE_LIMIT_RANGE = { min: 1, max: 100_000 } as const;

export function isValidUsageLimit(value: number): boolean {
  return Number.isInteger(value) && value >= USAGE_LIMIT_RANGE.min && value <= USAGE_LIMIT_RANGE.max;
}

/** One window of counting: from `startsAt` (included) to `endsAt` (excluded), in epoch seconds. */
export interface UsageWindow {
  startsAt: number;
  endsAt: number;
}

/** The window `now` falls in: windows of `seconds` each, the first starting at the epoch. */
export function usageWindowAt(now: Date, seconds: number = USAGE_WINDOW_SECONDS): UsageWindow {
  if (!Number.isInteger(seconds) || seconds < 1) throw new RangeError(`A usage window is a whole number of seconds ≥ 1, got ${seconds}`);
  const epochSeconds = Math.floor(now.getTime() / 1000);
  const startsAt = epochSeconds - (((epochSeconds % seconds) + seconds) % seconds);
  return { startsAt, endsAt: startsAt + seconds };
}

/**
 * Whole seconds from `now` until the window ends, for `Retry-After`: rounded up, so a client that
 * waits that long is in the next window, and at least 1.
 */
export function retryAfterSeconds(window: UsageWindow, now: Date): number {
  return Math.max(1, Math.ceil((window.endsAt * 1000 - now.getTime()) / 1000));
}

/**
 * The window's start as it is written in the count's key: an ISO 8601 instant in UTC to the
 * second (`2026-01-08T08:00:00Z`), which sorts as time does and a person reading the table can read.
 */
export function usageWindowLabel(window: UsageWindow): string {
  return `${new Date(window.startsAt * 1000).toISOString().slice(0, 19)}Z`;
}

/**
 * When DynamoDB's time to live may delete the count (epoch seconds): as the window ends. Nothing
 * depends on the deletion (it happens some time after, and the next window's count has a key of its
 * own); it only keeps the table from holding old counts.
 */
export function usageExpiresAt(window: UsageWindow): number {
  return window.endsAt;
}

/** What an action is called in the sentence that refuses it. */
export const USAGE_ACTION_LABELS: Readonly<Record<LimitedAction, Record<Language, string>>> = {
  submit: { da: 'indsende idéer', en: 'submit ideas' },
  support: { da: 'støtte idéer', en: 'support ideas' },
  similar: { da: 'søge efter lignende idéer', en: 'look up similar ideas' },
};

/** How long until the caller may try again, in words: seconds under a minute, else whole minutes (rounded up). */
export function waitInWords(seconds: number, language: Language): string {
  if (seconds < 60) {
    const unit = language === 'da' ? (seconds === 1 ? 'sekund' : 'sekunder') : seconds === 1 ? 'second' : 'seconds';
    return `${seconds} ${unit}`;
  }
  const minutes = Math.ceil(seconds / 60);
  const unit = language === 'da' ? (minutes === 1 ? 'minut' : 'minutter') : minutes === 1 ? 'minute' : 'minutes';
  return `${minutes} ${unit}`;
}

/** The refusal's detail: what the limit is, and when to try again. */
export function usageLimitDetail(action: LimitedAction, limit: number, seconds: number): Record<Language, string> {
  return {
    da: `Du kan højst ${USAGE_ACTION_LABELS[action].da} ${limit} ${limit === 1 ? 'gang' : 'gange'} i timen. Prøv igen om ${waitInWords(seconds, 'da')}.`,
    en: `You can ${USAGE_ACTION_LABELS[action].en} at most ${limit} ${limit === 1 ? 'time' : 'times'} an hour. Try again in ${waitInWords(seconds, 'en')}.`,
  };
}

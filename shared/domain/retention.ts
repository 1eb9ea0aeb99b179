/**
 * How long personal data stays on an idea that ended without a pilot (docs/privacy.md). Pure.
 */
import type { IdeaStatus } from './idea.ts';

/** The statuses in which an idea has ended without becoming a pilot: nothing more happens to it. */
export const ENDED_STATUSES = ['declined', 'withdrawn', 'redirected', 'duplicate'] as const satisfies readonly IdeaStatus[];

/** Twelve months after the decision, by default (SPIRE_RETENTION_DAYS). */
export const DEFAULT_RETENTION_DAYS = 365;

/** The least a deployment may set: a shorter period would remove a submitter from an idea still being talked about. */
export const MIN_RETENTION_DAYS = 30;

/**
 * The status index's sort value (`<ended at>#<id>`) before which every idea ended longer than
 * the retention period ago: an ISO time sorts before every sort value that starts later.
 */
export function retentionCutoff(now: Date, retentionDays: number): string {
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS) throw new RangeError(`The retention period is a whole number of days ≥ ${MIN_RETENTION_DAYS}, got ${retentionDays}`);
  return new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
}

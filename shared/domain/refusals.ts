import type { DecisionKind } from './decisions.ts';
import type { GateRefusal, GateRequest } from './gates.ts';
import type { IdeaStatus } from './idea.ts';
import type { FieldFinding } from './personal-data.ts';
import type { LimitedAction } from './usage-limits.ts';

/**
 * Why a use case refused what it was asked, as data: what was wrong and the facts that show it,
 * never an HTTP status or a text. A use case throws it in a `RefusedError`; shared/http/refusals.ts
 * is the one place that makes each kind into its problem document, in Danish or English.
 */
export type Refusal =
  /** No idea has the id (or, for support, it is still being received). */
  | { kind: 'idea-not-found' }
  /** No idea with the id that the caller submitted (or holds the follow-up token of). */
  | { kind: 'own-idea-not-found' }
  | { kind: 'pilot-not-found' }
  /** The caller's `If-Match` names another version than the current one, or a write lost to another. */
  | { kind: 'stale-version' }
  | { kind: 'decision-not-allowed'; status: IdeaStatus; decision: DecisionKind; allowed: readonly DecisionKind[] }
  /** A duplicate's `into` names the idea itself, no idea, or an idea that takes in no others (in `status`). */
  | { kind: 'merge-target'; problem: 'itself' | 'missing' }
  | { kind: 'merge-target'; problem: 'closed'; status: IdeaStatus }
  | { kind: 'unknown-criteria'; ids: readonly string[] }
  | { kind: 'comment-to-withdrawn-submitter' }
  /** Text that seems to hold personal data, not confirmed (shared/triage/personal-data.ts). */
  | { kind: 'personal-data'; findings: readonly FieldFinding[] }
  | { kind: 'support-closed'; status: IdeaStatus }
  | { kind: 'withdraw-closed'; status: IdeaStatus; allowed: readonly IdeaStatus[] }
  | { kind: 'no-question'; status: IdeaStatus }
  /** An `Idempotency-Key` sent before with another request. */
  | { kind: 'idempotency-key-reused' }
  /** A gate decision by a caller who is neither director nor triage. */
  | { kind: 'gate-role-missing' }
  /** A gate decision the domain refused (shared/domain/gates.ts). */
  | { kind: 'gate'; decision: GateRequest['decision']; refusal: GateRefusal }
  | { kind: 'stopped-pilot-learnings' }
  /** The caller has used up their per-person limit of `action` for the hour (./usage-limits.ts); the next window starts in `retryAfterSeconds`. */
  | UsageLimitRefusal;

export interface UsageLimitRefusal {
  kind: 'usage-limit';
  action: LimitedAction;
  limit: number;
  retryAfterSeconds: number;
}

/** A use case's refusal, thrown; its `refusal` says why. */
export class RefusedError extends Error {
  override name = 'RefusedError';
  readonly refusal: Refusal;

  constructor(refusal: Refusal) {
    super(`Refused: ${refusal.kind}`);
    this.refusal = refusal;
  }
}

/**
 * Triage's decisions on an idea, and what each one does: the status it leads to, what it needs
 * and which decisions an idea's status allows. Pure: no I/O.
 */
import { canTransition, type DeclineReason, type IdeaDecision, type IdeaStatus, type RedirectTarget, type StaffMember } from './idea.ts';

export const DECISION_KINDS = ['needs_info', 'accept', 'park', 'decline', 'duplicate', 'redirect'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** A decision as triage sends it (see shared/schemas/decisions.ts for its validation). */
export type DecisionRequest =
  | { decision: 'needs_info'; question: string }
  | { decision: 'accept'; message?: string }
  | { decision: 'park'; revisitOn: string; message?: string }
  | { decision: 'decline'; reasonCode: DeclineReason; message: string }
  | { decision: 'duplicate'; into: string; message?: string }
  | { decision: 'redirect'; to: RedirectTarget; message: string };

const TARGET: Record<DecisionKind, IdeaStatus> = {
  needs_info: 'needs_info',
  accept: 'accepted',
  park: 'parked',
  decline: 'declined',
  duplicate: 'duplicate',
  redirect: 'redirected',
};

/** The status a decision moves an idea to. */
export function decisionTarget(kind: DecisionKind): IdeaStatus {
  return TARGET[kind];
}

/** The decisions triage may take on an idea in `status`, in the order the console shows them. */
export function allowedDecisions(status: IdeaStatus): DecisionKind[] {
  return DECISION_KINDS.filter((kind) => canTransition(status, TARGET[kind]));
}

/**
 * The decision record an idea keeps (and its history event carries): who took it, when, and
 * what the submitter was told. `extra` adds what only the store knows, such as the pilot's id.
 */
export function decisionRecord(request: DecisionRequest, by: StaffMember, at: string, extra: Partial<IdeaDecision> = {}): IdeaDecision {
  const base = { kind: request.decision, at, by };
  switch (request.decision) {
    case 'needs_info':
      return { ...base, message: request.question, ...extra };
    case 'accept':
      return { ...base, ...optional('message', request.message), ...extra };
    case 'park':
      return { ...base, revisitOn: request.revisitOn, ...optional('message', request.message), ...extra };
    case 'decline':
      return { ...base, reasonCode: request.reasonCode, message: request.message, ...extra };
    case 'duplicate':
      return { ...base, mergedInto: request.into, ...optional('message', request.message), ...extra };
    case 'redirect':
      return { ...base, redirectTo: request.to, message: request.message, ...extra };
  }
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** Statuses from which the submitter may still withdraw: before triage has decided for or against. */
export function canWithdraw(status: IdeaStatus): boolean {
  return canTransition(status, 'withdrawn');
}

/** Ideas that can still gather support: everything that has not been closed. */
export function acceptsSupport(status: IdeaStatus): boolean {
  return !['declined', 'duplicate', 'redirected', 'withdrawn'].includes(status);
}

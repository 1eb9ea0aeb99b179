import { allowedTransitions } from '../domain/idea.ts';
import { canWithdraw } from '../domain/decisions.ts';
import { RefusedError } from '../domain/refusals.ts';
import type { Caller } from '../domain/roles.ts';
import { changeOwnIdea, type SubmitterChange, type SubmitterDependencies } from './answer.ts';

/** The submitter withdraws their own idea, until triage has accepted, declined or closed it (409 after). */
export async function withdrawIdea(
  deps: SubmitterDependencies,
  request: { ideaId: string; reason?: string; caller: Caller; followUpToken?: string },
): Promise<SubmitterChange> {
  return changeOwnIdea(deps, request, (idea) => {
    if (!canWithdraw(idea.status)) throw new RefusedError({ kind: 'withdraw-closed', status: idea.status, allowed: allowedTransitions(idea.status) });
    return { to: 'withdrawn', ...(request.reason === undefined ? {} : { reason: request.reason }) };
  });
}

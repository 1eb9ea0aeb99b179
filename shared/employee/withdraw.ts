import { allowedTransitions } from '../domain/idea.ts';
import type { Language } from '../domain/idea.ts';
import { canWithdraw } from '../domain/decisions.ts';
import type { Caller } from '../domain/roles.ts';
import { InvalidTransitionError } from '../http/errors.ts';
import type { IdeaStore } from '../store/ports.ts';
import { changeOwnIdea, type SubmitterChange } from './answer.ts';

/** The submitter withdraws their own idea, until triage has accepted, declined or closed it (409 after). */
export async function withdrawIdea(
  store: IdeaStore,
  request: { ideaId: string; reason?: string; caller: Caller; followUpToken?: string; language: Language; at: string },
): Promise<SubmitterChange> {
  return changeOwnIdea(store, request, (idea) => {
    if (!canWithdraw(idea.status)) {
      throw new InvalidTransitionError(idea.status, allowedTransitions(idea.status), {
        da: `En idé i status ${idea.status} kan ikke længere trækkes tilbage.`,
        en: `An idea in status ${idea.status} can no longer be withdrawn.`,
      });
    }
    return { to: 'withdrawn', ...(request.reason === undefined ? {} : { reason: request.reason }) };
  });
}

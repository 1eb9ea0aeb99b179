import type { Clock } from '../domain/clock.ts';
import { ideaAfter, type Idea } from '../domain/idea.ts';
import { RefusedError } from '../domain/refusals.ts';
import type { Caller } from '../domain/roles.ts';
import { statusNotification } from '../notify/compose.ts';
import { VersionConflictError, type IdeaStore, type NotificationStore } from '../store/ports.ts';
import { ownIdea, submitterActor } from './own-idea.ts';

/** How often an answer or withdrawal is tried again when triage changed the idea at the same moment. */
const ATTEMPTS = 3;

export interface SubmitterDependencies {
  store: Pick<IdeaStore, 'getIdea' | 'transition'>;
  /** Makes the e-mail to the submitter, written with the change. */
  notifications: Pick<NotificationStore, 'creation'>;
  clock: Clock;
}

export interface SubmitterChange {
  idea: Idea;
  notificationId?: string;
}

/**
 * The submitter answers triage's question: the idea goes back to `in_triage` with the answer in
 * its history. Only while the idea is in `needs_info` (409 otherwise).
 */
export async function answerQuestion(
  deps: SubmitterDependencies,
  request: { ideaId: string; answer: string; caller: Caller; followUpToken?: string },
): Promise<SubmitterChange> {
  return changeOwnIdea(deps, request, (idea) => {
    if (idea.status !== 'needs_info') throw new RefusedError({ kind: 'no-question', status: idea.status });
    return { to: 'in_triage', answer: request.answer };
  });
}

/**
 * Runs a submitter's change of their own idea, trying again when the idea changed between the read
 * and the write (a submitter sends no If-Match: their change does not overwrite triage's work, it
 * is judged again on the idea as it now is).
 */
export async function changeOwnIdea(
  deps: SubmitterDependencies,
  request: { ideaId: string; caller: Caller; followUpToken?: string },
  change: (idea: Idea) => { to: Idea['status']; answer?: string; reason?: string },
): Promise<SubmitterChange> {
  const { store } = deps;
  const at = deps.clock.now().toISOString();
  for (let attempt = 1; ; attempt++) {
    const idea = await ownIdea(store, request.ideaId, request.caller, request.followUpToken);
    const { to, answer, reason } = change(idea);
    const notification = statusNotification(ideaAfter(idea, { to, at, set: { decision: undefined } }), at);
    try {
      const updated = await store.transition(
        {
          idea,
          to,
          actor: submitterActor(idea),
          at,
          set: { decision: undefined },
          ...(answer === undefined ? {} : { answer }),
          ...(reason === undefined ? {} : { reason }),
        },
        ...(notification === undefined ? [] : [deps.notifications.creation(notification)]),
      );
      return { idea: updated, ...(notification === undefined ? {} : { notificationId: notification.id }) };
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      // Still changing under us after several tries: tell the submitter to look again.
      if (attempt >= ATTEMPTS) throw new RefusedError({ kind: 'stale-version' });
    }
  }
}

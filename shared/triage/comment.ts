import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.ts';
import type { Comment } from '../domain/notification.ts';
import { RefusedError } from '../domain/refusals.ts';
import { personOf, type Caller } from '../domain/roles.ts';
import { commentNotification } from '../notify/compose.ts';
import type { ConversationStore, IdeaStore, NotificationStore } from '../store/ports.ts';
import { refuseUnconfirmedPersonalData } from './personal-data.ts';

/**
 * Adds a comment to an idea: `internal` ones only the digitalisation team reads; `submitter` ones
 * the submitter reads on the idea's page and gets by e-mail. Comments are only ever added, so
 * they need no `If-Match`: two people commenting at once both keep their comment. Text that seems
 * to hold personal data is refused unless `confirmPersonalData` (./personal-data.ts).
 */
export async function addComment(
  deps: {
    store: Pick<IdeaStore, 'getIdea'>;
    conversation: Pick<ConversationStore, 'addComment'>;
    notifications: Pick<NotificationStore, 'creation'>;
    clock: Clock;
    newId?: () => string;
  },
  request: { ideaId: string; text: string; visibility: Comment['visibility']; confirmPersonalData?: boolean; caller: Caller },
): Promise<{ comment: Comment; notificationId?: string }> {
  const idea = await deps.store.getIdea(request.ideaId);
  if (idea === undefined) throw new RefusedError({ kind: 'idea-not-found' });
  if (request.visibility === 'submitter' && idea.status === 'withdrawn') throw new RefusedError({ kind: 'comment-to-withdrawn-submitter' });
  refuseUnconfirmedPersonalData({ '/text': request.text }, request.confirmPersonalData === true);
  const comment: Comment = { id: (deps.newId ?? randomUUID)(), ideaId: idea.id, at: deps.clock.now().toISOString(), author: personOf(request.caller), visibility: request.visibility, text: request.text };
  const notification = commentNotification(idea, comment);
  await deps.conversation.addComment(comment, ...(notification === undefined ? [] : [deps.notifications.creation(notification)]));
  return { comment, ...(notification === undefined ? {} : { notificationId: notification.id }) };
}

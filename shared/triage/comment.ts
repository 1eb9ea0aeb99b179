import { randomUUID } from 'node:crypto';
import type { Comment } from '../domain/notification.ts';
import { personOf, type Caller } from '../domain/roles.ts';
import { NotFoundError, ValidationError } from '../http/errors.ts';
import type { Language } from '../domain/idea.ts';
import { commentNotification } from '../notify/compose.ts';
import type { IdeaStore } from '../store/ports.ts';
import { refuseUnconfirmedPersonalData } from './personal-data.ts';

/**
 * Adds a comment to an idea: `internal` ones only the digitalisation team reads; `submitter` ones
 * the submitter reads on the idea's page and gets by e-mail. Comments are only ever added, so
 * they need no `If-Match`: two people commenting at once both keep their comment. Text that seems
 * to hold personal data is refused unless `confirmPersonalData` (./personal-data.ts).
 */
export async function addComment(
  store: IdeaStore,
  request: { ideaId: string; text: string; visibility: Comment['visibility']; confirmPersonalData?: boolean; caller: Caller; language: Language; at: string },
  newId: () => string = randomUUID,
): Promise<{ comment: Comment; notificationId?: string }> {
  const idea = await store.getIdea(request.ideaId);
  if (idea === undefined) throw new NotFoundError({ da: 'Der er ingen idé med det id.', en: 'There is no idea with that id.' });
  if (request.visibility === 'submitter' && idea.status === 'withdrawn') {
    throw new ValidationError([
      { pointer: '/visibility', detail: request.language === 'da' ? 'Idéen er trukket tilbage; skriv en intern kommentar' : 'The idea was withdrawn; write an internal comment' },
    ]);
  }
  refuseUnconfirmedPersonalData({ '/text': request.text }, request.confirmPersonalData === true);
  const comment: Comment = { id: newId(), ideaId: idea.id, at: request.at, author: personOf(request.caller), visibility: request.visibility, text: request.text };
  const notification = commentNotification(idea, comment);
  await store.addComment(comment, notification);
  return { comment, ...(notification === undefined ? {} : { notificationId: notification.id }) };
}

import { readBody } from '../shared/http/body.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { notifyQueueFromEnv, queueStoredNotification } from '../shared/queue/notify-queue.ts';
import { CommentInput } from '../shared/schemas/console.ts';
import { IdeaIdPath } from '../shared/schemas/idea.ts';
import { conversationStoreFromEnv, ideaStoreFromEnv, notificationStoreFromEnv } from '../shared/store/stores.ts';
import { addComment } from '../shared/triage/comment.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { store: ideaStoreFromEnv(), conversation: conversationStoreFromEnv(), notifications: notificationStoreFromEnv(), clock: systemClock };
const queue = notifyQueueFromEnv();

/**
 * POST /console/ideas/{id}/comments — triage writes an internal comment or one to the submitter.
 * Its answers are the contract's (infra/openapi/document.ts, `postComment`).
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'triage', 'admin');
  const { id } = parseOrThrow(IdeaIdPath, event.pathParameters ?? {}, language);
  const input = parseOrThrow(CommentInput, readBody(event, ['json']).value, language);
  const { comment, notificationId } = await addComment(deps, { ideaId: id, ...input, caller });
  await queueStoredNotification(queue, notificationId);
  return json(201, comment);
});

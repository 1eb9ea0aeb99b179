import { withdrawIdea } from '../shared/employee/withdraw.ts';
import { readBody } from '../shared/http/body.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { notifyQueueFromEnv, queueStoredNotification } from '../shared/queue/notify-queue.ts';
import { WithdrawInput } from '../shared/schemas/console.ts';
import { IdeaIdPath } from '../shared/schemas/idea.ts';
import { ideaStoreFromEnv, notificationStoreFromEnv } from '../shared/store/stores.ts';
import { ideaSummary } from '../shared/views/ideas.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { store: ideaStoreFromEnv(), notifications: notificationStoreFromEnv(), clock: systemClock };
const queue = notifyQueueFromEnv();

/**
 * POST /ideas/{id}/withdraw — the submitter withdraws their own idea before triage has accepted
 * or closed it; an optional `{"reason"}`. An anonymous submitter sends `X-Follow-Up-Token`.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  const { id } = parseOrThrow(IdeaIdPath, event.pathParameters ?? {}, language);
  const { reason } = parseOrThrow(WithdrawInput, event.body === undefined || event.body === '' ? {} : readBody(event, ['json', 'form']).value, language);
  const token = event.headers['x-follow-up-token'];
  const result = await withdrawIdea(deps, {
    ideaId: id,
    ...(reason === undefined ? {} : { reason }),
    caller,
    ...(token === undefined ? {} : { followUpToken: token }),
  });
  await queueStoredNotification(queue, result.notificationId);
  return json(200, ideaSummary(result.idea, language));
});

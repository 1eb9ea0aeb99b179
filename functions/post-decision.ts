import { readBody } from '../shared/http/body.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { etag, ifMatch } from '../shared/http/preconditions.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { notifyQueueFromEnv, queueStoredNotification } from '../shared/queue/notify-queue.ts';
import { DecisionInput } from '../shared/schemas/console.ts';
import { IdeaIdPath } from '../shared/schemas/idea.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { ideaStoreFromEnv } from '../shared/store/stores.ts';
import { decide } from '../shared/triage/decide.ts';

const deps = { store: ideaStoreFromEnv(), keys: keysFromEnv() };
const queue = notifyQueueFromEnv();

/**
 * POST /console/ideas/{id}/decisions — triage decides (`If-Match`: the idea's ETag): needs_info,
 * accept, park, decline, duplicate or redirect. 409 lists the decisions the status allows; 412
 * when somebody changed the idea first; 422 `personal-data` when the question or message seems to
 * hold personal data and `confirmPersonalData` is not true.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'triage', 'admin');
  const { id } = parseOrThrow(IdeaIdPath, event.pathParameters ?? {}, language);
  const match = ifMatch(event, language);
  const { confirmPersonalData, ...decision } = parseOrThrow(DecisionInput, readBody(event, ['json']).value, language);
  const result = await decide(deps, { ideaId: id, ifMatch: match, decision, confirmPersonalData, caller, language, at: new Date().toISOString() });
  await queueStoredNotification(queue, result.notificationId);
  return json(
    200,
    {
      id: result.idea.id,
      status: result.idea.status,
      version: result.idea.version,
      decision: result.idea.decision,
      ...(result.pilot === undefined ? {} : { pilot: { id: result.pilot.id, stage: result.pilot.stage } }),
    },
    { etag: etag(result.idea.version) },
  );
});

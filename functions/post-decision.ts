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
import {
  backgroundWorkStoreFromEnv,
  conversationStoreFromEnv,
  ideaStoreFromEnv,
  notificationStoreFromEnv,
  pilotStoreFromEnv,
} from '../shared/store/stores.ts';
import { decide } from '../shared/triage/decide.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = {
  store: ideaStoreFromEnv(),
  pilots: pilotStoreFromEnv(),
  notifications: notificationStoreFromEnv(),
  work: backgroundWorkStoreFromEnv(),
  conversation: conversationStoreFromEnv(),
  keys: keysFromEnv(),
  clock: systemClock,
};
const queue = notifyQueueFromEnv();

/**
 * POST /console/ideas/{id}/decisions — triage decides (needs_info, accept, park, decline, duplicate
 * or redirect) through shared/triage/decide.ts, on the version the caller read (`If-Match`).
 * Its answers are the contract's (infra/openapi/document.ts, `postDecision`).
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'triage', 'admin');
  const { id } = parseOrThrow(IdeaIdPath, event.pathParameters ?? {}, language);
  const match = ifMatch(event, language);
  const { confirmPersonalData, ...decision } = parseOrThrow(DecisionInput, readBody(event, ['json']).value, language);
  const result = await decide(deps, { ideaId: id, ifMatch: match, decision, confirmPersonalData, caller });
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

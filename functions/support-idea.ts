import { supportIdea } from '../shared/employee/support.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { IdeaIdPath } from '../shared/schemas/idea.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { conversationStoreFromEnv, ideaStoreFromEnv } from '../shared/store/stores.ts';
import { usageLimiterFromEnv } from '../shared/usage-limits.ts';
import { systemClock } from '../shared/domain/clock.ts';

const keys = keysFromEnv();
const deps = { store: ideaStoreFromEnv(), conversation: conversationStoreFromEnv(), keys, limiter: usageLimiterFromEnv(keys, ['support']), clock: systemClock };

/** POST /ideas/{id}/support — "me too", once per person, counted against the person's supports for the hour. Its answers are the contract's (infra/openapi/document.ts, `supportIdea`). */
export const handler = httpRoute(async ({ event, caller, language }) => {
  const { id } = parseOrThrow(IdeaIdPath, event.pathParameters ?? {}, language);
  const { added, supportCount } = await supportIdea(deps, { ideaId: id, caller });
  return json(added ? 201 : 200, { id, supported: true, supportCount });
});

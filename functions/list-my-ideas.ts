import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { PageQuery } from '../shared/schemas/idea.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { cursorSeal } from '../shared/store/cursor.ts';
import { ideaStoreFromEnv } from '../shared/store/stores.ts';
import { ideaSummary } from '../shared/views/ideas.ts';

const store = ideaStoreFromEnv();
const cursors = cursorSeal(keysFromEnv());

/**
 * GET /ideas/mine — the caller's own ideas, newest first, a page at a time (`limit`, `cursor`).
 * Anonymous ideas are not here: they store no identity, and are followed by their token. The
 * cursor is sealed with the deployment secret. Its answers are the contract's (infra/openapi/document.ts, `listMyIdeas`).
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  const { limit, cursor } = parseOrThrow(PageQuery, event.queryStringParameters ?? {}, language);
  const page = await store.listBySubmitter(caller.sub, limit, await cursors.open(cursor));
  const nextCursor = await cursors.seal(page.nextCursor);
  return json(200, {
    items: page.items.map((idea) => ideaSummary(idea, language)),
    ...(nextCursor === undefined ? {} : { nextCursor }),
  });
});

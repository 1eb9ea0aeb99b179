import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { PageQuery } from '../shared/schemas/idea.ts';
import { ideaStoreFromEnv } from '../shared/store/stores.ts';
import { ideaSummary } from '../shared/views/ideas.ts';

const store = ideaStoreFromEnv();

/**
 * GET /ideas/mine — the caller's own ideas, newest first, a page at a time (`limit`, `cursor`).
 * Anonymous ideas are not here: they store no identity, and are followed by their token.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  const { limit, cursor } = parseOrThrow(PageQuery, event.queryStringParameters ?? {}, language);
  const page = await store.listBySubmitter(caller.sub, limit, cursor);
  return json(200, {
    items: page.items.map((idea) => ideaSummary(idea, language)),
    ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
  });
});

import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { PageQuery } from '../shared/schemas/idea.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { cursorSeal } from '../shared/store/cursor.ts';
import { strategyStoreFromEnv } from '../shared/store/stores.ts';
import { strategyVersionSummary } from '../shared/views/strategy.ts';

const strategies = strategyStoreFromEnv('read');
const cursors = cursorSeal(keysFromEnv());

/**
 * GET /console/strategy/versions — every version of the strategy, newest first, a page at a time
 * (`limit`, `cursor`, sealed with the deployment secret), each as a summary; the whole of one is
 * GET /console/strategy/versions/{n}. Its answers are the contract's (infra/openapi/document.ts, `listStrategyVersions`).
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'triage', 'admin');
  const { limit, cursor } = parseOrThrow(PageQuery, event.queryStringParameters ?? {}, language);
  const page = await strategies.listVersions(limit, await cursors.open(cursor));
  const nextCursor = await cursors.seal(page.nextCursor);
  return json(200, { items: page.items.map(strategyVersionSummary), ...(nextCursor === undefined ? {} : { nextCursor }) });
});

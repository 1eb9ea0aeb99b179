import { httpRoute } from '../shared/http/handler.ts';
import { etag } from '../shared/http/preconditions.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { strategyStoreFromEnv } from '../shared/store/stores.ts';

const strategies = strategyStoreFromEnv('read');

/** GET /console/strategy — the current strategy (themes and scorecard criteria), with its version as ETag. */
export const handler = httpRoute(async ({ caller }) => {
  requireRole(caller, 'triage', 'admin');
  const strategy = await strategies.current();
  return json(200, strategy, { etag: etag(strategy.version) });
});

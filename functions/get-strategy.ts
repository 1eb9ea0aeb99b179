import { httpRoute } from '../shared/http/handler.ts';
import { requireRole } from '../shared/http/roles.ts';
import { strategyStoreFromEnv } from '../shared/store/stores.ts';
import { strategyResponse } from '../shared/views/strategy.ts';

const strategies = strategyStoreFromEnv('read');

/** GET /console/strategy — the current strategy (themes and scorecard criteria), with its version as ETag. */
export const handler = httpRoute(async ({ caller }) => {
  requireRole(caller, 'triage', 'admin');
  return strategyResponse(await strategies.current());
});

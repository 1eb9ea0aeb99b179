import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { rescoreQueueFromEnv } from '../shared/queue/rescore-queue.ts';
import { strategyStoreFromEnv } from '../shared/store/stores.ts';
import { RESCORE_STATUSES, startRescore } from '../shared/triage/rescore.ts';

const deps = { strategies: strategyStoreFromEnv(), queue: rescoreQueueFromEnv() };

/**
 * POST /console/strategy/rescore — re-aligns every undecided idea with the current strategy.
 * The work is done by the rescore queue's consumer, a page at a time; this answers 202 at once.
 */
export const handler = httpRoute(async ({ caller }) => {
  requireRole(caller, 'admin', 'triage');
  const { strategyVersion } = await startRescore(deps);
  return json(202, { strategyVersion, statuses: RESCORE_STATUSES, status: 'queued' });
});

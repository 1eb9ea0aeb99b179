import { apiPath } from '../shared/http/base-path.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { rescoreQueueFromEnv } from '../shared/queue/rescore-queue.ts';
import { ideaStoreFromEnv, rescoreJobStoreFromEnv, strategyStoreFromEnv } from '../shared/store/stores.ts';
import { startRescore } from '../shared/triage/rescore.ts';
import { rescoreProgressDocument } from '../shared/views/rescore.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { store: ideaStoreFromEnv(), strategies: strategyStoreFromEnv('readWrite'), jobs: rescoreJobStoreFromEnv(), queue: rescoreQueueFromEnv(), clock: systemClock };

/**
 * POST /console/strategy/rescore — re-aligns every undecided idea with the current strategy.
 * Queues the ideas' ids, 25 to a message, and answers 202 with the job's progress; `Location` is
 * where it is followed (GET /console/strategy/rescore/{jobId}). The rescore queue's consumer does the work.
 */
export const handler = httpRoute(async ({ caller }) => {
  requireRole(caller, 'admin', 'triage');
  const progress = await startRescore(deps, caller.sub);
  return json(202, rescoreProgressDocument(progress), { location: apiPath(`/console/strategy/rescore/${progress.jobId}`) });
});

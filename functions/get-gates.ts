import { httpRoute } from '../shared/http/handler.ts';
import { etag } from '../shared/http/preconditions.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { pilotStoreFromEnv } from '../shared/store/stores.ts';

const pilots = pilotStoreFromEnv();

/** GET /console/gates — every gate's checklist and the stage limits, with their version as `ETag` (0: the shipped defaults). */
export const handler = httpRoute(async ({ caller }) => {
  requireRole(caller, 'admin', 'triage', 'director');
  const settings = await pilots.gateSettings();
  return json(200, settings, { etag: etag(settings.version) });
});

import { RefusedError } from '../shared/domain/refusals.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { etag } from '../shared/http/preconditions.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { PilotIdPath } from '../shared/schemas/pilots.ts';
import { pilotStoreFromEnv } from '../shared/store/stores.ts';
import { pilotDocument } from '../shared/views/pilots.ts';
import { systemClock } from '../shared/domain/clock.ts';

const pilots = pilotStoreFromEnv();

/**
 * GET /console/pilots/{id} — the pilot with its history, its gate decisions and the gate it
 * stands at (the decisions possible and the checklist), with its version as `ETag`.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'triage', 'director', 'admin');
  const { id } = parseOrThrow(PilotIdPath, event.pathParameters ?? {}, language);
  const [record, settings] = await Promise.all([pilots.getPilotRecord(id), pilots.gateSettings()]);
  if (record === undefined) throw new RefusedError({ kind: 'pilot-not-found' });
  return json(200, pilotDocument(record, settings, language, systemClock.now()), { etag: etag(record.pilot.version) });
});

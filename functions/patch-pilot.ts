import { readBody } from '../shared/http/body.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { etag, ifMatch } from '../shared/http/preconditions.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { editPilot } from '../shared/pilots/edit.ts';
import { PilotIdPath, PilotPatchInput } from '../shared/schemas/pilots.ts';
import { pilotStoreFromEnv } from '../shared/store/stores.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { pilots: pilotStoreFromEnv(), clock: systemClock };

/**
 * PATCH /console/pilots/{id} — triage changes a pilot's owner, risk, hypothesis, results, costs,
 * artefacts or learnings (`If-Match`: the pilot's ETag; `null` clears a field).
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'triage', 'admin');
  const { id } = parseOrThrow(PilotIdPath, event.pathParameters ?? {}, language);
  const match = ifMatch(event, language);
  const patch = parseOrThrow(PilotPatchInput, readBody(event, ['json']).value, language);
  const pilot = await editPilot(deps, { pilotId: id, ifMatch: match, patch, caller });
  return json(200, pilot, { etag: etag(pilot.version) });
});

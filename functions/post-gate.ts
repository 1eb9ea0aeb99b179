import { readBody } from '../shared/http/body.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { etag, ifMatch } from '../shared/http/preconditions.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { decideAtGate } from '../shared/pilots/gate.ts';
import { GateInput, PilotIdPath } from '../shared/schemas/pilots.ts';
import { pilotStoreFromEnv } from '../shared/store/stores.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { pilots: pilotStoreFromEnv(), clock: systemClock };

/**
 * POST /console/pilots/{id}/gates — a director or triage decides at the pilot's gate (go, hold,
 * recycle or stop) through shared/pilots/, on the version the caller read (`If-Match`).
 * Its answers are the contract's (infra/openapi/document.ts, `postGate`).
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'triage', 'director');
  const { id } = parseOrThrow(PilotIdPath, event.pathParameters ?? {}, language);
  const match = ifMatch(event, language);
  const gate = parseOrThrow(GateInput, readBody(event, ['json']).value, language);
  const result = await decideAtGate(deps, { pilotId: id, ifMatch: match, gate, caller });
  return json(200, { id: result.pilot.id, stage: result.pilot.stage, version: result.pilot.version, gate: result.record }, { etag: etag(result.pilot.version) });
});

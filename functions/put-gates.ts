import { readBody } from '../shared/http/body.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { etag, ifMatch, versionToReplace } from '../shared/http/preconditions.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { logger } from '../shared/logger.ts';
import { GateSettingsInput } from '../shared/schemas/pilots.ts';
import { pilotStoreFromEnv } from '../shared/store/stores.ts';
import { systemClock } from '../shared/domain/clock.ts';

const pilots = pilotStoreFromEnv();

/**
 * PUT /console/gates — an admin replaces the gate checklists and stage limits (`If-Match`: the
 * version read). Gate decisions already taken keep the checklist as it was asked.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'admin');
  const match = ifMatch(event, language);
  const settings = parseOrThrow(GateSettingsInput, readBody(event, ['json']).value, language);
  const expected = await versionToReplace(match, async () => (await pilots.gateSettings()).version);
  const stored = await pilots.replaceGateSettings(settings, expected, caller.sub, systemClock.now().toISOString());
  logger.info('Gate settings replaced', { version: stored.version, by: caller.sub });
  return json(200, stored, { etag: etag(stored.version) });
});

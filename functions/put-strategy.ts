import { readBody } from '../shared/http/body.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { etag, ifMatch, versionToReplace } from '../shared/http/preconditions.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { logger } from '../shared/logger.ts';
import { StrategyInput } from '../shared/schemas/strategy.ts';
import { strategyStoreFromEnv } from '../shared/store/stores.ts';
import { systemClock } from '../shared/domain/clock.ts';

const strategies = strategyStoreFromEnv('readWrite');

/**
 * PUT /console/strategy — an admin replaces the strategy. `If-Match` must name the current
 * version (or be `*`); the content becomes the next version and the old one stays readable.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'admin');
  const match = ifMatch(event, language);
  const content = parseOrThrow(StrategyInput, readBody(event, ['json']).value, language);
  const expected = await versionToReplace(match, async () => (await strategies.current()).version);
  const stored = await strategies.replace(content, expected, caller.sub, systemClock.now().toISOString());
  logger.info('Strategy replaced', { version: stored.version, by: caller.sub });
  return json(200, stored, { etag: etag(stored.version) });
});

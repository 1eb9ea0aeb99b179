import { NotFoundError } from '../shared/http/errors.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { etag } from '../shared/http/preconditions.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { StrategyVersionPath } from '../shared/schemas/strategy.ts';
import { strategyStoreFromEnv } from '../shared/store/stores.ts';

const strategies = strategyStoreFromEnv('read');

/** GET /console/strategy/versions/{n} — an earlier (or the current) version; versions are never changed. */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'triage', 'admin');
  const { n } = parseOrThrow(StrategyVersionPath, event.pathParameters ?? {}, language);
  const strategy = await strategies.version(n);
  if (strategy === undefined) throw new NotFoundError({ da: `Strategien har ingen version ${n}.`, en: `The strategy has no version ${n}.` });
  return json(200, strategy, { etag: etag(strategy.version) });
});

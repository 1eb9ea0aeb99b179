import type { Strategy } from '../domain/strategy/strategy.ts';
import { etag } from '../http/preconditions.ts';
import { json } from '../http/response.ts';
import type { HttpResult } from '../http/handler.ts';

/** A strategy version as the console gets it, with its version as the ETag. */
export function strategyResponse(strategy: Strategy, statusCode = 200): HttpResult {
  return json(statusCode, strategy, { etag: etag(strategy.version) });
}

/** One row of the list of versions: what tells versions apart at a glance, not their content (GET /console/strategy/versions/{n} has that). */
export function strategyVersionSummary(strategy: Strategy) {
  return {
    version: strategy.version,
    createdAt: strategy.createdAt,
    createdBy: strategy.createdBy,
    name: strategy.name,
    period: strategy.period,
    themeCount: strategy.themes.length,
    criterionCount: strategy.criteria.length,
  };
}

import type { Strategy } from '../domain/strategy/strategy.ts';

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

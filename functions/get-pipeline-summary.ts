import { pipelineSummary } from '../shared/domain/pipeline.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { ideaStoreFromEnv, pilotStoreFromEnv, pipelineStoreFromEnv, strategyStoreFromEnv } from '../shared/store/stores.ts';
import { summaryDocument } from '../shared/views/pilots.ts';
import { systemClock } from '../shared/domain/clock.ts';

const pilots = pilotStoreFromEnv();
const pipeline = pipelineStoreFromEnv();
const ideas = ideaStoreFromEnv();
const strategies = strategyStoreFromEnv('read');

/**
 * GET /pipeline/summary — the directors' view: pilots per stage, theme and department, the
 * funnel with conversion rates, time in stage against the limits, hours per year expected and
 * realised, and ideas waiting for triage. Four reads, whatever the number of ideas and pilots:
 * the counter shards, the oldest idea in triage (the first of the status index's slice), the gate
 * settings and the strategy.
 */
export const handler = httpRoute(async ({ caller, language }) => {
  requireRole(caller, 'director', 'triage', 'admin');
  const [totals, oldest, settings, strategy] = await Promise.all([pipeline.totals(), ideas.listByStatus('in_triage', 1), pilots.gateSettings(), strategies.current()]);
  const now = systemClock.now();
  const summary = pipelineSummary(totals, { stageLimitDays: settings.stageLimitDays, oldestWaitingSince: oldest.items[0]?.statusChangedAt, now });
  return json(200, summaryDocument(summary, strategy, language, now));
});

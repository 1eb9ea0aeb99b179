import { readBody } from '../shared/http/body.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { etag, ifMatch } from '../shared/http/preconditions.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { IdeaIdPath } from '../shared/schemas/idea.ts';
import { ScorecardInput } from '../shared/schemas/scorecard.ts';
import { ideaStoreFromEnv, strategyStoreFromEnv } from '../shared/store/stores.ts';
import { scoreIdea } from '../shared/triage/score.ts';
import { priorityExplanation } from '../shared/views/scorecard.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { store: ideaStoreFromEnv(), strategies: strategyStoreFromEnv('readWrite'), clock: systemClock };

/**
 * PUT /console/ideas/{id}/scorecard — triage scores an idea 0–4 per criterion (`If-Match`: the
 * idea's ETag). Answers the priority score explained criterion by criterion.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'triage', 'admin');
  const { id } = parseOrThrow(IdeaIdPath, event.pathParameters ?? {}, language);
  const match = ifMatch(event, language);
  const { scores } = parseOrThrow(ScorecardInput, readBody(event, ['json']).value, language);
  const result = await scoreIdea(deps, { ideaId: id, ifMatch: match, given: scores, caller });
  return json(200, priorityExplanation(result.idea, result.priority, result.strategy, language), { etag: etag(result.idea.version) });
});

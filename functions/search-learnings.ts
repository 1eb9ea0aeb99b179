import { searchLearnings } from '../shared/domain/learnings.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { LearningsQuery } from '../shared/schemas/pilots.ts';
import { pilotStoreFromEnv } from '../shared/store/stores.ts';
import { learningMatchDocument } from '../shared/views/pilots.ts';

const pilots = pilotStoreFromEnv();

/**
 * GET /pipeline/learnings?q=&limit= — what stopped and realised pilots learned, best match
 * first, read with the same Danish and English text handling as theme scoring.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'director', 'triage', 'admin');
  const query = parseOrThrow(LearningsQuery, event.queryStringParameters ?? {}, language);
  const matches = searchLearnings(await pilots.listLearnings(), query.q, { limit: query.limit });
  return json(200, { q: query.q, items: matches.map(learningMatchDocument) });
});

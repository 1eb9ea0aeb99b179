import { RefusedError } from '../shared/domain/refusals.ts';
import { serviceLevelDays } from '../shared/config.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { etag } from '../shared/http/preconditions.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { IdeaIdPath } from '../shared/schemas/idea.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { cursorSeal } from '../shared/store/cursor.ts';
import { conversationStoreFromEnv, ideaStoreFromEnv, pilotStoreFromEnv } from '../shared/store/stores.ts';
import { consoleIdeaDocument } from '../shared/views/console.ts';
import { readIdeaRecord } from '../shared/views/idea-record.ts';
import { systemClock } from '../shared/domain/clock.ts';

const store = ideaStoreFromEnv();
const conversation = conversationStoreFromEnv();
const pilots = pilotStoreFromEnv();
const days = serviceLevelDays();
const cursors = cursorSeal(keysFromEnv());

/**
 * GET /console/ideas/{id} — the whole idea for triage: scores, duplicate candidates with their
 * titles, the stopped pilots it resembles with what they learned, comments, history and the
 * decisions its status allows, with its version as `ETag`. Comments: the first page
 * (COMMENTS_PER_READ, oldest first); when there are more, `commentsCursor` reads on with
 * GET /ideas/{id}/comments?cursor=.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'triage', 'admin');
  const { id } = parseOrThrow(IdeaIdPath, event.pathParameters ?? {}, language);
  const record = await readIdeaRecord({ ideas: store, conversation }, id);
  if (record === undefined) throw new RefusedError({ kind: 'idea-not-found' });
  const [candidates, resembling] = await Promise.all([
    store.getIdeas((record.idea.duplicateCandidates ?? []).map((candidate) => candidate.ideaId)),
    Promise.all((record.idea.resemblingPilots ?? []).map((match) => pilots.getPilot(match.pilotId))),
  ]);
  const related = { candidates, resembling: resembling.filter((pilot) => pilot !== undefined) };
  const commentsCursor = await cursors.seal(record.commentsCursor);
  return json(200, { ...consoleIdeaDocument(record, related, { days, now: systemClock.now() }, language), ...(commentsCursor === undefined ? {} : { commentsCursor }) }, { etag: etag(record.idea.version) });
});

import { readBody } from '../shared/http/body.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { etag, ifMatch } from '../shared/http/preconditions.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { AssigneeInput } from '../shared/schemas/console.ts';
import { IdeaIdPath } from '../shared/schemas/idea.ts';
import { ideaStoreFromEnv } from '../shared/store/stores.ts';
import { assignIdea } from '../shared/triage/assign.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { store: ideaStoreFromEnv(), clock: systemClock };

/** PUT /console/ideas/{id}/assignee — `{"assignee": {"sub", "name"}}` or `{"assignee": null}`, with `If-Match`. */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'triage', 'admin');
  const { id } = parseOrThrow(IdeaIdPath, event.pathParameters ?? {}, language);
  const match = ifMatch(event, language);
  const { assignee } = parseOrThrow(AssigneeInput, readBody(event, ['json']).value, language);
  const idea = await assignIdea(deps, { ideaId: id, ifMatch: match, assignee: assignee ?? null, caller });
  return json(200, { id: idea.id, assignee: idea.assignee ?? null, version: idea.version }, { etag: etag(idea.version) });
});

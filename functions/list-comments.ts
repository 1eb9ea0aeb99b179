import { ideaViewFor } from '../shared/domain/access.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { NotFoundError } from '../shared/http/errors.ts';
import { explicitLanguage } from '../shared/http/language.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { followUpTokenMatches } from '../shared/intake/submit.ts';
import { CommentsQuery, IdeaIdPath } from '../shared/schemas/idea.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { cursorSeal } from '../shared/store/cursor.ts';
import { COMMENTS_PER_READ } from '../shared/store/ports.ts';
import { conversationStoreFromEnv, ideaStoreFromEnv } from '../shared/store/stores.ts';
import { commentsView } from '../shared/views/ideas.ts';

const store = ideaStoreFromEnv();
const conversation = conversationStoreFromEnv();
const cursors = cursorSeal(keysFromEnv());

/**
 * GET /ideas/{id}/comments?cursor= — the next page of an idea's comments, oldest first, at most
 * COMMENTS_PER_READ: the idea's page (GET /ideas/{id}, GET /console/ideas/{id}) carries the first
 * page and, when there are more, `commentsCursor`; each page here carries `nextCursor` until the
 * last. The same people as GET /ideas/{id} may read it: triage and admin every comment, the
 * submitter (by identity, or by `X-Follow-Up-Token`) those written to them, so a page of theirs
 * may hold fewer than the others' (the internal comments are read and left out). Everybody else
 * is told the idea does not exist. Its answers are the contract's (infra/openapi/document.ts, `listComments`).
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  const { id } = parseOrThrow(IdeaIdPath, event.pathParameters ?? {}, language);
  const query = parseOrThrow(CommentsQuery, event.queryStringParameters ?? {}, language);
  const cursor = await cursors.open(query.cursor);
  const idea = await store.getIdea(id);
  const view = idea === undefined ? 'none' : ideaViewFor(idea, caller, followUpTokenMatches(idea, event.headers['x-follow-up-token']));
  if (idea === undefined || view === 'none') {
    throw new NotFoundError({ da: 'Der er ingen idé med det id, som du har adgang til.', en: 'There is no idea with that id that you have access to.' });
  }
  const page = await conversation.listComments(id, COMMENTS_PER_READ, cursor);
  const nextCursor = await cursors.seal(page.nextCursor);
  const messageLanguage = explicitLanguage(event.headers['accept-language']) ?? idea.language;
  return json(200, {
    items: commentsView(page.items, view, view === 'staff' ? language : messageLanguage),
    ...(nextCursor === undefined ? {} : { nextCursor }),
  });
});

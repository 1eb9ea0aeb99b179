import { ideaViewFor } from '../shared/domain/access.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { NotFoundError } from '../shared/http/errors.ts';
import { explicitLanguage } from '../shared/http/language.ts';
import { etag } from '../shared/http/preconditions.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { followUpTokenMatches } from '../shared/intake/submit.ts';
import { IdeaIdPath } from '../shared/schemas/idea.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { cursorSeal } from '../shared/store/cursor.ts';
import { conversationStoreFromEnv, ideaStoreFromEnv } from '../shared/store/stores.ts';
import { readIdeaRecord } from '../shared/views/idea-record.ts';
import { ideaDocument } from '../shared/views/ideas.ts';

const store = ideaStoreFromEnv();
const conversation = conversationStoreFromEnv();
const cursors = cursorSeal(keysFromEnv());

/**
 * GET /ideas/{id} — the idea with its status, the messages its submitter was sent and its
 * history, for its submitter (by identity, or by the `X-Follow-Up-Token` header for an anonymous
 * idea) and for triage. Everybody else is told it does not exist, so ids cannot be probed.
 * It carries the first page of comments (COMMENTS_PER_READ); when there are more, `commentsCursor`
 * reads on with GET /ideas/{id}/comments?cursor=.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  const { id } = parseOrThrow(IdeaIdPath, event.pathParameters ?? {}, language);
  const found = await readIdeaRecord({ ideas: store, conversation }, id);
  const view = found === undefined ? 'none' : ideaViewFor(found.idea, caller, followUpTokenMatches(found.idea, event.headers['x-follow-up-token']));
  if (found === undefined || view === 'none') {
    throw new NotFoundError({ da: 'Der er ingen idé med det id, som du har adgang til.', en: 'There is no idea with that id that you have access to.' });
  }
  const mergedIntoId = found.idea.status === 'duplicate' ? found.idea.decision?.mergedInto : undefined;
  const mergedInto = mergedIntoId === undefined ? undefined : await store.getIdea(mergedIntoId);
  const messageLanguage = explicitLanguage(event.headers['accept-language']) ?? found.idea.language;
  const document = ideaDocument(found.idea, found.history, view, messageLanguage, {
    comments: found.comments,
    supportCount: found.supportCount,
    // Its title and status only: its messages are another person's.
    ...(mergedInto === undefined ? {} : { mergedInto: { id: mergedInto.id, title: mergedInto.title, status: mergedInto.status } }),
  });
  const commentsCursor = await cursors.seal(found.commentsCursor);
  return json(200, { ...document, ...(commentsCursor === undefined ? {} : { commentsCursor }) }, { etag: etag(found.idea.version) });
});

import { timingSafeEqual } from 'node:crypto';
import { ideaViewFor } from '../shared/domain/access.ts';
import type { Idea } from '../shared/domain/idea.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { NotFoundError } from '../shared/http/errors.ts';
import { explicitLanguage } from '../shared/http/language.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { hashToken } from '../shared/intake/submit.ts';
import { IdeaIdPath } from '../shared/schemas/idea.ts';
import { ideaStoreFromEnv } from '../shared/store/stores.ts';
import { ideaDocument } from '../shared/views/ideas.ts';

const store = ideaStoreFromEnv();

/**
 * GET /ideas/{id} — the idea with its status and history, for its submitter (by identity, or by
 * the `X-Follow-Up-Token` header for an anonymous idea) and for triage. Everybody else is told
 * it does not exist, so ids cannot be probed.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  const { id } = parseOrThrow(IdeaIdPath, event.pathParameters ?? {}, language);
  const found = await store.getIdeaWithHistory(id);
  const view = found === undefined ? 'none' : ideaViewFor(found.idea, caller, tokenMatches(found.idea, event.headers['x-follow-up-token']));
  if (found === undefined || view === 'none') {
    throw new NotFoundError({ da: 'Der er ingen idé med det id, som du har adgang til.', en: 'There is no idea with that id that you have access to.' });
  }
  const messageLanguage = explicitLanguage(event.headers['accept-language']) ?? found.idea.language;
  return json(200, ideaDocument(found.idea, found.history, view, messageLanguage), { etag: `"${found.idea.version}"` });
});

function tokenMatches(idea: Idea, token: string | undefined): boolean {
  if (token === undefined || idea.followUpTokenHash === undefined) return false;
  const expected = Buffer.from(idea.followUpTokenHash, 'hex');
  const actual = Buffer.from(hashToken(token), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

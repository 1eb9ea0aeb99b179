import { NotFoundError } from '../shared/http/errors.ts';
import { publicRoute } from '../shared/http/handler.ts';
import { PROBLEM_PAGE_CONTENT_TYPE, PROBLEM_PAGE_CSP, problemPage } from '../shared/http/problem-page.ts';
import { problemType } from '../shared/http/problem-types.ts';

/**
 * GET /problems/{name} — public: the page a problem document's `type` (`/api/problems/<name>`, a
 * relative reference resolved against the request's URL) dereferences to. It says in Danish and
 * English what the problem means and what a client should do (shared/http/problem-types.ts). The
 * same for everybody and changed only by a deployment, so caches may keep it for a while.
 * Its answers are the contract's (infra/openapi/document.ts, `getProblemType`).
 */
export const handler = publicRoute(async (event) => {
  const name = event.pathParameters?.['name'] ?? '';
  const problem = problemType(name);
  if (problem === undefined) {
    throw new NotFoundError({ da: 'Der er ingen problemtype med det navn.', en: 'There is no problem type with that name.' });
  }
  return {
    statusCode: 200,
    headers: { 'content-type': PROBLEM_PAGE_CONTENT_TYPE, 'content-language': 'da', 'content-security-policy': PROBLEM_PAGE_CSP, 'cache-control': 'public, max-age=300' },
    body: problemPage(problem),
  };
});

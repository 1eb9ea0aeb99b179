import { ideaFingerprint } from '../shared/domain/duplicates/idea-fingerprint.ts';
import { IDEA_STATUS_LABELS } from '../shared/domain/messages.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { findSimilarIdeas } from '../shared/intake/duplicates.ts';
import { SimilarQuery } from '../shared/schemas/idea.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { ideaStoreFromEnv, similarityIndexFromEnv } from '../shared/store/stores.ts';
import { usageLimiterFromEnv } from '../shared/usage-limits.ts';

const deps = { store: ideaStoreFromEnv(), index: similarityIndexFromEnv() };
const limiter = usageLimiterFromEnv(keysFromEnv(), ['similar']);

/**
 * GET /ideas/similar?title=…&text=… — existing ideas like the one about to be submitted, so the
 * form can ask "is it one of these?". Titles and neutral status labels only: nobody's identity,
 * and none of the messages written to another idea's submitter. Each lookup counts against the
 * caller's `similar` limit per hour; its table access is read-only but for that count
 * (`countsUsage`, infra/system.ts). Its answers are the contract's (infra/openapi/document.ts, `findSimilar`).
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  const query = parseOrThrow(SimilarQuery, event.queryStringParameters ?? {}, language);
  await limiter.require(caller.sub, 'similar');
  const fingerprint = ideaFingerprint({ title: query.title ?? '', description: query.text ?? '', language: query.language });
  const similar = await findSimilarIdeas(deps, fingerprint);
  return json(200, {
    items: similar
      .filter(({ idea }) => idea.status !== 'withdrawn')
      .map(({ idea, similarity }) => ({
        id: idea.id,
        title: idea.title,
        kind: idea.kind,
        status: idea.status,
        statusLabel: IDEA_STATUS_LABELS[idea.status][language],
        similarity,
      })),
  });
});

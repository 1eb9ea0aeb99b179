import { rescoreProgress } from '../shared/domain/rescore.ts';
import { NotFoundError } from '../shared/http/errors.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { requireRole } from '../shared/http/roles.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { RescoreJobPath } from '../shared/schemas/rescore.ts';
import { rescoreJobStoreFromEnv } from '../shared/store/stores.ts';
import { rescoreProgressDocument } from '../shared/views/rescore.ts';

const jobs = rescoreJobStoreFromEnv();

/**
 * GET /console/strategy/rescore/{jobId} — how far a re-scoring job has come, for the console to
 * poll until it is `done` (or `superseded`): the same answer as the start's 202, read again.
 * Its answers are the contract's (infra/openapi/document.ts, `getRescoreProgress`).
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  requireRole(caller, 'admin', 'triage');
  const { jobId } = parseOrThrow(RescoreJobPath, event.pathParameters ?? {}, language);
  const job = await jobs.get(jobId);
  if (job === undefined) throw new NotFoundError({ da: 'Der er ingen genberegning med det id.', en: 'There is no re-scoring job with that id.' });
  return json(200, rescoreProgressDocument(rescoreProgress(job)));
});

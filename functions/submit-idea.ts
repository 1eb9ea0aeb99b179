import { findPersonalDataInFields } from '../shared/domain/personal-data.ts';
import { apiPath } from '../shared/http/base-path.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { readBody } from '../shared/http/body.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { submitIdea } from '../shared/intake/submit.ts';
import { intakeQueueFromEnv } from '../shared/queue/intake-queue.ts';
import { formFieldsToSubmission, IdempotencyKeyHeader, SubmitIdeaInput } from '../shared/schemas/idea.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { ideaStoreFromEnv } from '../shared/store/stores.ts';
import { usageLimiterFromEnv } from '../shared/usage-limits.ts';
import { systemClock } from '../shared/domain/clock.ts';

const store = ideaStoreFromEnv();
const queue = intakeQueueFromEnv();
const keys = keysFromEnv();
const limiter = usageLimiterFromEnv(keys, ['submit']);

/**
 * POST /ideas — an employee submits an idea or a piece of friction, as JSON or as a plain HTML
 * form: stored and queued by shared/intake/submit.ts, counted against the person's submits for
 * the hour, and checked for personal data, which is only warned about.
 * Its answers are the contract's (infra/openapi/document.ts, `submitIdea`).
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  const body = readBody(event);
  const fields = body.format === 'form' ? formFieldsToSubmission(body.value as Record<string, string>) : body.value;
  const input = parseOrThrow(SubmitIdeaInput, fields, language);
  const headers = parseOrThrow(IdempotencyKeyHeader, event.headers, language);
  const result = await submitIdea({ store, queue, keys, limiter, clock: systemClock }, input, caller, headers['idempotency-key']);
  // Accepted all the same: the submitter is warned, and can withdraw and write it again (docs/personal-data-detection.md).
  const personalData = findPersonalDataInFields({ '/title': input.title, '/description': input.description, '/department': input.department });
  return json(
    202,
    {
      id: result.id,
      status: result.status,
      ...(result.followUpToken === undefined ? {} : { followUpToken: result.followUpToken }),
      ...(personalData.length === 0 ? {} : { personalData }),
    },
    { location: apiPath(`/ideas/${result.id}`), ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) },
  );
});

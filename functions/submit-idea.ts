import { httpRoute } from '../shared/http/handler.ts';
import { readBody } from '../shared/http/body.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { submitIdea } from '../shared/intake/submit.ts';
import { intakeQueueFromEnv } from '../shared/queue/intake-queue.ts';
import { formFieldsToSubmission, IdempotencyKeyHeader, SubmitIdeaInput } from '../shared/schemas/idea.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { ideaStoreFromEnv } from '../shared/store/stores.ts';

const store = ideaStoreFromEnv();
const queue = intakeQueueFromEnv();
const keys = keysFromEnv();

/** POST /ideas — an employee submits an idea or a piece of friction, as JSON or as a plain HTML form. */
export const handler = httpRoute(async ({ event, caller, language }) => {
  const body = readBody(event);
  const fields = body.format === 'form' ? formFieldsToSubmission(body.value as Record<string, string>) : body.value;
  const input = parseOrThrow(SubmitIdeaInput, fields, language);
  const headers = parseOrThrow(IdempotencyKeyHeader, event.headers, language);
  const result = await submitIdea({ store, queue, keys }, input, caller, headers['idempotency-key']);
  return json(
    202,
    { id: result.id, status: result.status, ...(result.followUpToken === undefined ? {} : { followUpToken: result.followUpToken }) },
    { location: `/ideas/${result.id}`, ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) },
  );
});

import { readBody } from '../shared/http/body.ts';
import { apiPath } from '../shared/http/base-path.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { requestErasure } from '../shared/privacy/erase.ts';
import { erasureQueueFromEnv } from '../shared/queue/erasure-queue.ts';
import { ErasureRequest } from '../shared/schemas/privacy.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { personalDataStoreFromEnv } from '../shared/store/stores.ts';
import { erasureDocument } from '../shared/views/privacy.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { data: personalDataStoreFromEnv(), queue: erasureQueueFromEnv(), keys: keysFromEnv(), clock: systemClock };

/**
 * POST /me/erase — `{"confirm": true}`: the caller asks to be erased (the GDPR right to erasure;
 * docs/privacy.md). 202: the erasure is recorded and queued, and `Location` is where its progress
 * is read; the erasure worker pseudonymises the caller everywhere. It cannot be undone, so the
 * body must say so.
 */
export const handler = httpRoute(async ({ event, caller, language }) => {
  parseOrThrow(ErasureRequest, readBody(event, ['json']).value, language);
  const record = await requestErasure(deps, caller);
  return json(202, erasureDocument(record), { location: apiPath(`/me/erasures/${record.id}`) });
});

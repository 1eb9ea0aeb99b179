import { NotFoundError } from '../shared/http/errors.ts';
import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { parseOrThrow } from '../shared/http/validation.ts';
import { erasureFor } from '../shared/privacy/erase.ts';
import { ErasureIdPath } from '../shared/schemas/privacy.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { personalDataStoreFromEnv } from '../shared/store/stores.ts';
import { erasureDocument } from '../shared/views/privacy.ts';

const deps = { data: personalDataStoreFromEnv(), keys: keysFromEnv() };

/** GET /me/erasures/{id} — an erasure's progress, for the person who asked for it; anybody else is told it does not exist. */
export const handler = httpRoute(async ({ event, caller, language }) => {
  const { id } = parseOrThrow(ErasureIdPath, event.pathParameters ?? {}, language);
  const record = await erasureFor(deps, caller, id);
  if (record === undefined) throw new NotFoundError({ da: 'Der er ingen sletning med det id, som du har bedt om.', en: 'There is no erasure with that id that you asked for.' });
  return json(200, erasureDocument(record));
});

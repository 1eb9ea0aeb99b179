import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { exportPersonalData } from '../shared/privacy/export.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { ideaStoreFromEnv, personalDataStoreFromEnv } from '../shared/store/stores.ts';

const deps = { ideas: ideaStoreFromEnv(), data: personalDataStoreFromEnv(), keys: keysFromEnv() };

/**
 * GET /me/export — everything Spire holds about the caller, as one JSON document to download
 * (the GDPR right of access; docs/privacy.md). Any signed-in person, about themselves only.
 */
export const handler = httpRoute(async ({ caller, language }) => {
  const at = new Date().toISOString();
  const document = await exportPersonalData(deps, caller, language, at);
  return json(200, document, { 'content-disposition': `attachment; filename="spire-${at.slice(0, 10)}.json"` });
});

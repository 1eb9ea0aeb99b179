import { httpRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';
import { exportPersonalData } from '../shared/privacy/export.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { ideaStoreFromEnv, personalDataStoreFromEnv } from '../shared/store/stores.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { ideas: ideaStoreFromEnv(), data: personalDataStoreFromEnv(), keys: keysFromEnv(), clock: systemClock };

/**
 * GET /me/export — everything Spire holds about the caller, as one JSON document to download
 * (the GDPR right of access; docs/privacy.md). Any signed-in person, about themselves only.
 */
export const handler = httpRoute(async ({ caller, language }) => {
  const document = await exportPersonalData(deps, caller, language);
  return json(200, document, { 'content-disposition': `attachment; filename="spire-${document.exportedAt.slice(0, 10)}.json"` });
});

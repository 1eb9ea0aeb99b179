import document from '../docs/openapi.json' with { type: 'json' };
import { publicRoute } from '../shared/http/handler.ts';

/** The document as it is served: built once per instance, from the JSON bundled with the function. */
const body = JSON.stringify(document);

/**
 * GET /openapi.json — the API contract, public: the OpenAPI 3.1 document that `npm run openapi`
 * generates from the route table and the schemas into docs/openapi.json (docs/api-contract.md).
 * The same for everybody and changed only by a deployment, so caches may keep it for a while.
 */
export const handler = publicRoute(async () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/vnd.oai.openapi+json; charset=utf-8', 'cache-control': 'public, max-age=300' },
  body,
}));

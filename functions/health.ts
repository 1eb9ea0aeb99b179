import { publicRoute } from '../shared/http/handler.ts';
import { json } from '../shared/http/response.ts';

/** GET /health — answers without a token, for load balancers and for the local runtime's readiness. */
export const handler = publicRoute(async () => json(200, { status: 'ok' }));

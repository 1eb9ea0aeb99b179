/**
 * Where the API lives on the one origin it shares with the web pages: every API path starts with
 * `/api`, and no page path does. In AWS it is the HTTP API's stage name, so CloudFront forwards
 * `/api/*` unchanged and API Gateway strips the stage; the local runtime serves the same layout.
 * Route descriptions (infra/system.ts) and the OpenAPI document's paths leave it out; the
 * document names it as its server. Anything a function writes for a client to follow (`Location`,
 * a problem's `type`) includes it.
 */
export const API_BASE_PATH = '/api';

/** The API Gateway stage that serves the API under API_BASE_PATH. */
export const API_STAGE_NAME = API_BASE_PATH.slice(1);

/** The path a client follows for a route path of the description: `/ideas/1` → `/api/ideas/1`. */
export function apiPath(routePath: string): string {
  return `${API_BASE_PATH}${routePath}`;
}

import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * Headers every answer of the API carries, success or problem: nothing is kept by a cache (the
 * answers are personal and change with every decision), and no browser guesses a content type
 * other than the one sent (`nosniff`), so text a person wrote is never run as a script or style.
 */
export const STANDARD_HEADERS: Readonly<Record<string, string>> = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/**
 * `result` with STANDARD_HEADERS added where it has none of its own (a result may choose its own
 * `Cache-Control`). The route wrappers (./handler.ts) pass every function's answer through this.
 */
export function withStandardHeaders(result: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  const headers = { ...result.headers };
  const present = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  for (const [name, value] of Object.entries(STANDARD_HEADERS)) if (!present.has(name)) headers[name] = value;
  return { ...result, headers };
}

/** A JSON response. UTF-8 is said explicitly so no client guesses Latin-1 for æ, ø and å. */
export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...STANDARD_HEADERS, ...headers },
    body: JSON.stringify(body),
  };
}

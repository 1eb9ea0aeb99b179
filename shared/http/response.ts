import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** A JSON response. UTF-8 is said explicitly so no client guesses Latin-1 for æ, ø and å. */
export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

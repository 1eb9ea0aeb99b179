/**
 * The local stand-in for API Gateway's HTTP API: matches a request to a route of
 * infra/system.ts, plays the JWT authorizer, and turns the request into the same payload
 * format 2.0 event that API Gateway sends to Lambda, and the function's result back into a
 * response.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { API_BASE_PATH, API_STAGE_NAME } from '../../shared/http/base-path.ts';
import { ROUTES, type RouteDescription } from '../system.ts';

export interface MatchedRoute {
  route: RouteDescription;
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  route: RouteDescription;
  pattern: RegExp;
  names: string[];
  /** Literal segments count more, so `/ideas/mine` wins over `/ideas/{id}` as in API Gateway. */
  specificity: number;
}

const COMPILED: CompiledRoute[] = ROUTES.map((route) => {
  const names: string[] = [];
  const segments = route.path.split('/').filter((segment) => segment !== '');
  const pattern = segments
    .map((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment);
      if (parameter === null) return escapeRegExp(segment);
      names.push(parameter[1] as string);
      return '([^/]+)';
    })
    .join('/');
  return {
    route,
    pattern: new RegExp(`^/${pattern}/?$`),
    names,
    specificity: segments.filter((segment) => !segment.startsWith('{')).length,
  };
}).sort((a, b) => b.specificity - a.specificity);

/**
 * The route path of a request's path under the API's stage (`/api/ideas` → `/ideas`), as API
 * Gateway strips the stage name; undefined for a path outside it, which is a page's.
 */
export function routePathOf(pathname: string): string | undefined {
  if (pathname === API_BASE_PATH) return '/';
  return pathname.startsWith(`${API_BASE_PATH}/`) ? pathname.slice(API_BASE_PATH.length) : undefined;
}

/**
 * The route for a method and route path (without the stage); or which methods the path allows when the method does not
 * match (API Gateway itself answers that case with 404; the local runtime with 405 and `Allow`);
 * or the path parameter whose `%` escapes are not UTF-8 (`/ideas/%E0%A4%A`), which cannot be
 * handed to a function as text.
 */
export function matchRoute(method: string, path: string): MatchedRoute | { allowed: string[] } | { undecodable: string } | undefined {
  const allowed = new Set<string>();
  for (const compiled of COMPILED) {
    const match = compiled.pattern.exec(path);
    if (match === null) continue;
    if (compiled.route.method !== method) {
      allowed.add(compiled.route.method);
      continue;
    }
    const pathParameters: Record<string, string> = {};
    for (const [index, name] of compiled.names.entries()) {
      const value = decodedOrUndefined(match[index + 1] as string);
      if (value === undefined) return { undecodable: name };
      pathParameters[name] = value;
    }
    return { route: compiled.route, pathParameters };
  }
  return allowed.size > 0 ? { allowed: [...allowed] } : undefined;
}

function decodedOrUndefined(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Content types API Gateway passes through as text; every other body arrives base64-encoded. */
function isTextual(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' || type.startsWith('text/') || type === 'application/json' || type.endsWith('+json') || type === 'application/xml';
}

export function toApiGatewayEvent(
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  matched: MatchedRoute,
  claims: Record<string, string> | undefined,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const cookies = request.headers.cookie?.split(';').map((cookie) => cookie.trim());
  const routeKey = `${matched.route.method} ${matched.route.path}`;
  const now = new Date();
  const textual = isTextual(headers['content-type']);
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies === undefined ? {} : { cookies }),
    headers,
    ...(Object.keys(query).length === 0 ? {} : { queryStringParameters: query }),
    ...(Object.keys(matched.pathParameters).length === 0 ? {} : { pathParameters: matched.pathParameters }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: url.host,
      domainPrefix: url.hostname.split('.')[0] ?? url.hostname,
      http: {
        method: matched.route.method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: API_STAGE_NAME,
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
    },
    ...(body.length === 0 ? {} : { body: textual ? body.toString('utf8') : body.toString('base64') }),
    isBase64Encoded: body.length > 0 && !textual,
    stageVariables: {},
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** Writes a function's result as API Gateway does for payload format 2.0. */
export function writeResult(response: ServerResponse, result: unknown): void {
  const structured = isStructured(result)
    ? result
    : { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
  const headers: Record<string, string | string[]> = { ...(structured.headers as Record<string, string> | undefined) };
  if (structured.cookies !== undefined && structured.cookies.length > 0) headers['set-cookie'] = structured.cookies;
  response.writeHead(structured.statusCode ?? 200, headers);
  const body = structured.body ?? '';
  response.end(structured.isBase64Encoded === true ? Buffer.from(body, 'base64') : body);
}

function isStructured(result: unknown): result is APIGatewayProxyStructuredResultV2 {
  return typeof result === 'object' && result !== null && 'statusCode' in result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyStructuredResultV2, Context, ScheduledEvent, SQSEvent, SQSRecord } from 'aws-lambda';
import type { HttpEvent } from '../../../shared/http/handler.ts';
import { API_STAGE_NAME, apiPath } from '../../../shared/http/base-path.ts';

/**
 * Realistic Lambda inputs for handler tests: API Gateway HTTP API (payload 2.0) events with a
 * JWT authorizer, SQS batches, scheduled events, and a Lambda context.
 */

export const ACCOUNT_ID = '123456789012';

/** The claims API Gateway's JWT authorizer puts in the event: every value as text, arrays as "[a b]". */
export type Claims = Record<string, string>;

export const employeeClaims = (sub = 'e7a1c2d3-employee', overrides: Claims = {}): Claims => ({
  iss: 'https://login.microsoftonline.com/tenant/v2.0',
  aud: 'api://spire',
  sub,
  name: 'Birthe Sørensen',
  roles: '[employee]',
  iat: '1767225600',
  exp: '1767229200',
  ...overrides,
});

export const triageClaims = (sub = 'f9b8a7c6-triage'): Claims => employeeClaims(sub, { name: 'Søren Ærø', roles: '[triage employee]' });

/** A director: reads the pipeline and decides at gates, nothing else in the console. */
export const directorClaims = (sub = 'd1-director'): Claims => employeeClaims(sub, { name: 'Dorte Øster', roles: '[director employee]' });

/** The system owner: may do everything triage may. */
export const adminClaims = (sub = 'a1-admin'): Claims => employeeClaims(sub, { name: 'Åse Admin', roles: '[admin]' });

/** An employee whose token carries the e-mail address Spire writes to about their ideas. */
export const submitterClaims = (sub: string, email: string): Claims => employeeClaims(sub, { email });

export interface HttpEventOptions {
  method?: string;
  /** The route key's path template, e.g. `/ideas/{id}`. */
  route?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
  pathParameters?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  /** `null` leaves the authorizer out, as on a route without one. */
  claims?: Claims | null;
}

/** An API Gateway HTTP API event, as the JWT authorizer hands it to the function (header names in lower case). */
export function httpEvent(options: HttpEventOptions = {}): HttpEvent {
  const method = options.method ?? 'GET';
  const path = options.path ?? '/ideas';
  const route = options.route ?? path;
  const query = options.queryStringParameters;
  const claims = options.claims === undefined ? employeeClaims() : options.claims;
  const event = {
    version: '2.0',
    routeKey: `${method} ${route}`,
    // A named stage keeps its segment in the raw path, as CloudFront forwards `/api/*` (shared/http/base-path.ts).
    rawPath: apiPath(path),
    rawQueryString: query === undefined ? '' : new URLSearchParams(query).toString(),
    headers: {
      host: 'abc123.execute-api.eu-north-1.amazonaws.com',
      'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)',
      'x-forwarded-for': '192.0.2.10',
      'x-forwarded-proto': 'https',
      ...(claims === null ? {} : { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl' }),
      ...options.headers,
    },
    ...(query === undefined ? {} : { queryStringParameters: query }),
    ...(options.pathParameters === undefined ? {} : { pathParameters: options.pathParameters }),
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: 'abc123',
      ...(claims === null ? {} : { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: null } } }),
      domainName: 'abc123.execute-api.eu-north-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path: apiPath(path), protocol: 'HTTP/1.1', sourceIp: '192.0.2.10', userAgent: 'Mozilla/5.0' },
      requestId: 'Jq3xYhGvAi0EJ2w=',
      routeKey: `${method} ${route}`,
      stage: API_STAGE_NAME,
      time: '01/Jan/2026:09:00:00 +0000',
      timeEpoch: 1767258000000,
    },
    ...(options.body === undefined ? {} : { body: options.body }),
    isBase64Encoded: options.isBase64Encoded ?? false,
  };
  // Without an authorizer the event is not the JWT-authorizer shape; the handlers must cope anyway.
  return event as HttpEvent;
}

export interface RouteRequest {
  /** Values for the route's `{name}` parameters. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** Sent as JSON unless it is text already (then as it is, with the headers given). */
  body?: unknown;
  headers?: Record<string, string>;
  claims?: Claims | null;
}

/**
 * A request to one route of the API, as API Gateway hands it to the route's function: the path
 * with its parameters filled in, `pathParameters` set, and a JSON body with its content type.
 */
export function routeEvent(method: string, route: string, request: RouteRequest = {}): HttpEvent {
  const params = request.params ?? {};
  const path = route.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for {${name}} of ${route}`);
    return encodeURIComponent(value);
  });
  const json = request.body !== undefined && typeof request.body !== 'string';
  return httpEvent({
    method,
    route,
    path,
    ...(Object.keys(params).length === 0 ? {} : { pathParameters: params }),
    ...(request.query === undefined ? {} : { queryStringParameters: request.query }),
    headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...request.headers },
    ...(request.body === undefined ? {} : { body: json ? JSON.stringify(request.body) : (request.body as string) }),
    ...(request.claims === undefined ? {} : { claims: request.claims }),
  });
}

/** A JSON POST, as a browser's fetch or the app sends it. */
export function jsonPost(path: string, body: unknown, headers: Record<string, string> = {}, claims?: Claims | null): HttpEvent {
  return httpEvent({
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    ...(claims === undefined ? {} : { claims }),
  });
}

/** A plain HTML form POST: API Gateway hands form bodies over base64-encoded. */
export function formPost(path: string, fields: Record<string, string> | string, headers: Record<string, string> = {}): HttpEvent {
  const text = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
  return httpEvent({
    method: 'POST',
    path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: Buffer.from(text, 'utf8').toString('base64'),
    isBase64Encoded: true,
  });
}

export const REQUEST_ID = 'c6af9ac6-7b61-11e6-9a41-93e812345678';

/** A Lambda context with everything the runtime provides. */
export function lambdaContext(functionName = 'spire-test'): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-north-1:${ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: REQUEST_ID,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/01/01/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** One SQS message as the event source mapping delivers it. */
export function sqsRecord(messageId: string, body: string): SQSRecord {
  return {
    messageId,
    receiptHandle: `AQEB${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1767258000000',
      SenderId: 'AROAEXAMPLE:spire-submit-idea',
      ApproximateFirstReceiveTimestamp: '1767258000100',
    },
    messageAttributes: {},
    md5OfBody: 'd41d8cd98f00b204e9800998ecf8427e',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:eu-north-1:${ACCOUNT_ID}:spire-intake`,
    awsRegion: 'eu-north-1',
  };
}

export function sqsEvent(...records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

export function scheduledEvent(): ScheduledEvent {
  return {
    version: '0',
    id: '89d1a02d-5ec7-412e-82f5-13505f849b41',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: ACCOUNT_ID,
    time: '2026-01-01T09:00:00Z',
    region: 'eu-north-1',
    resources: [`arn:aws:events:eu-north-1:${ACCOUNT_ID}:rule/spire-sweeper`],
    detail: {},
  };
}

/** What DynamoDB answers when conditions in a transaction fail: one reason per item, in order ('None' for the items that passed). */
export function transactionCanceled(...codes: string[]): TransactionCanceledException {
  return new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: codes.map((Code) => (Code === 'None' ? { Code } : { Code, Message: 'The conditional request failed' })),
  });
}

/** The problem document (RFC 9457) of a refusal; throws unless the answer is `application/problem+json`. */
export function problemOf(result: APIGatewayProxyStructuredResultV2): Record<string, unknown> {
  const contentType = result.headers?.['content-type'];
  if (contentType !== 'application/problem+json; charset=utf-8') throw new Error(`Expected a problem document, got content-type ${String(contentType)}`);
  return bodyOf(result);
}

/** The parsed JSON body of a handler's answer. */
export function bodyOf(result: APIGatewayProxyStructuredResultV2): Record<string, unknown> {
  if (result.body === undefined) throw new Error('The response has no body');
  return JSON.parse(result.body) as Record<string, unknown>;
}

/**
 * The local runtime: the system of infra/system.ts on one machine, against the emulators.
 * It creates the table and queues, loads the same Lambda handlers that run in AWS, serves the
 * HTTP API under `/api` by turning requests into API Gateway events (playing the JWT authorizer),
 * feeds queue consumers with SQS batches, and runs the schedules. On the same origin it serves the
 * web pages (./pages.ts) and an OpenID provider at `/oidc` (./oidc.ts) standing in for the
 * municipality's, whose tokens and the development tokens of `POST /api/dev/token` share one key.
 *
 * `npm start` (./main.ts) runs one of these; each integration test file runs its own against
 * the shared emulators, with its own table and queue names.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { ScheduledEvent } from 'aws-lambda';
import { ENV, textEnv } from '../../shared/config.ts';
import type { Language } from '../../shared/domain/idea.ts';
import { DEFAULT_RETENTION_DAYS } from '../../shared/domain/retention.ts';
import { DEFAULT_USAGE_LIMITS } from '../../shared/domain/usage-limits.ts';
import { HttpError, MethodNotAllowedError, NotFoundError, PayloadTooLargeError, UnauthorizedError, ValidationError } from '../../shared/http/errors.ts';
import { negotiateLanguage } from '../../shared/http/language.ts';
import { internalErrorResponse, problemResponse } from '../../shared/http/problem.ts';
import { STANDARD_HEADERS } from '../../shared/http/response.ts';
import { parseOrThrow } from '../../shared/http/validation.ts';
import { logger } from '../../shared/logger.ts';
import { webSecurityHeaders } from '../web-security.ts';
import { FUNCTIONS, functionEnvironment, type FunctionName, type Grant, type QueueName, type SettingName } from '../system.ts';
import { matchRoute, routePathOf, toApiGatewayEvent, writeResult } from './api-gateway.ts';
import { claimsAsApiGatewayDoes, createDevIssuer, loadOrCreateSigningKey, type DevIssuer } from './dev-issuer.ts';
import { DEV_ROUTES, devRouteOf, type DevRouteAnswer, type DevRouteInput, type DevRouteName } from './dev-routes.ts';
import { LOCAL_AWS } from './emulators.ts';
import { FaultInjector, injectFaultsOnEveryClient, type FaultSettings } from './faults.ts';
import { enforceGrantsOnEveryClient, GrantChecker } from './grants.ts';
import { InvocationTimeoutError, LocalLambdas } from './lambda.ts';
import { createLocalOidc, isOidcPath, localIssuerUrl, WEB_CLIENT_ID, type OidcHandler } from './oidc.ts';
import { DevOutbox } from './outbox.ts';
import { carryLineageOnEveryClient } from './recursion.ts';
import { pagesOf, type PageAnswer } from './pages.ts';
import { localSecretArn, localSecretValue, serveSecretLocally } from './secrets.ts';
import { answerSesOnEveryClient, LocalSes } from './ses.ts';
import { startPoller, type Poller } from './sqs-poller.ts';
import { ensureQueues, ensureTable, type LocalQueue } from './resources.ts';

const REPOSITORY_ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/**
 * The local runtime's deployment settings. The mail settings name the sender identity and the
 * configuration set its SES accepts (./ses.ts), which keeps each e-mail in the development outbox
 * (GET /dev/outbox) and sends none out. The per-person limits are the deployed defaults unless
 * `npm start` is given others in its environment (SPIRE_SUBMIT_LIMIT_PER_HOUR and the like); a
 * test runtime sets its own with `environment` (test/integration/support.ts).
 */
export const LOCAL_SETTINGS: Record<SettingName, string> = {
  mailSender: 'spire@spire.localhost',
  mailConfigurationSet: 'spire-local',
  triageTeamEmail: 'digitalisering@spire.localhost',
  triageServiceLevelDays: '14',
  submitLimitPerHour: textEnv(ENV.submitLimitPerHour, String(DEFAULT_USAGE_LIMITS.submit)),
  supportLimitPerHour: textEnv(ENV.supportLimitPerHour, String(DEFAULT_USAGE_LIMITS.support)),
  similarLimitPerHour: textEnv(ENV.similarLimitPerHour, String(DEFAULT_USAGE_LIMITS.similar)),
  retentionDays: String(DEFAULT_RETENTION_DAYS),
};

/** The municipality's departments on the local submit form; a deployment setting in AWS (infra/settings.ts). */
export const LOCAL_DEPARTMENTS = [
  'Ældre og Sundhed',
  'Børn og Unge',
  'Social og Handicap',
  'Teknik og Miljø',
  'Borgerservice',
  'Kultur og Fritid',
  'Job og Arbejdsmarked',
  'Digitalisering og IT',
] as const;

/** The local runtime reads at most this much of a request body (API Gateway's own cap is 10 MB). */
const MAX_REQUEST_BYTES = 1024 * 1024;

export interface RuntimeOptions {
  dynamodbEndpoint: string;
  sqsEndpoint: string;
  /** HTTP port; 0 picks a free one. Default 3000. */
  port?: number;
  host?: string;
  tableName?: string;
  /** Prefix of the queue names, so several runtimes can share one SQS emulator. */
  queuePrefix?: string;
  /** Where the signing key of the development tokens and the OpenID provider, the provider's cookie key and the deployment secret (./secrets.ts) are kept; fresh ones per run when absent. */
  dataDir?: string;
  /** Overrides every queue's visibility timeout (tests use a short one to see retries). */
  visibilityTimeoutSeconds?: number;
  /** Run the scheduled functions on their schedule (default true); tests trigger them with runSchedule. */
  schedules?: boolean;
  /** Extra environment for the functions, e.g. SPIRE_SWEEPER_MIN_AGE_SECONDS. */
  environment?: Record<string, string>;
  /** Replaces the description's grants (tests show with it that a missing grant is refused). */
  grants?: (name: FunctionName) => readonly Grant[];
  /** Makes the functions' SQS sends fail and their DynamoDB writes throttle at these rates (./faults.ts); off when absent. */
  faults?: FaultSettings;
}

export interface LocalRuntime {
  url: string;
  port: number;
  tableName: string;
  queues: Record<QueueName, LocalQueue>;
  issuer: DevIssuer;
  /** The check of every function's AWS calls against its grants: what it refused, and what was used. */
  grants: GrantChecker;
  /** How many times each function has been invoked. */
  invocations: ReadonlyMap<FunctionName, number>;
  /** The faults injected so far, when the runtime was started with `faults`. */
  faults?: FaultInjector;
  /** Invokes a scheduled function now, as its schedule would. */
  runSchedule(name: FunctionName): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startRuntime(options: RuntimeOptions): Promise<LocalRuntime> {
  const region = LOCAL_AWS.region;
  const tableName = options.tableName ?? 'spire';
  const clientConfig = { region, credentials: LOCAL_AWS };
  const dynamodb = new DynamoDBClient({ ...clientConfig, endpoint: options.dynamodbEndpoint });
  const sqs = new SQSClient({ ...clientConfig, endpoint: options.sqsEndpoint });

  await ensureTable(dynamodb, tableName);
  const queues = await ensureQueues(sqs, {
    endpoint: options.sqsEndpoint,
    prefix: options.queuePrefix ?? 'spire-',
    ...(options.visibilityTimeoutSeconds === undefined ? {} : { visibilityTimeoutSeconds: options.visibilityTimeoutSeconds }),
  });

  // The deployment secret, answered to the functions granted it as Secrets Manager would (./secrets.ts).
  const secretArn = localSecretArn(region, `${tableName}-deployment-secret`);
  serveSecretLocally(secretArn, localSecretValue(options.dataDir));

  // The handlers read their configuration at module load, as in Lambda, so it is set first.
  const queueUrls = Object.fromEntries(Object.entries(queues).map(([name, queue]) => [name, queue.url])) as Record<QueueName, string>;
  Object.assign(process.env, {
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: LOCAL_AWS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: options.dynamodbEndpoint,
    AWS_ENDPOINT_URL_SQS: options.sqsEndpoint,
    [ENV.rolesClaim]: 'roles',
    // EMF metrics (shared/metrics.ts) are for CloudWatch; here they would only be JSON noise in the terminal. POWERTOOLS_METRICS_DISABLED=false shows them.
    POWERTOOLS_METRICS_DISABLED: process.env['POWERTOOLS_METRICS_DISABLED'] ?? 'true',
    ...Object.assign({}, ...Object.values(FUNCTIONS).map((fn) => functionEnvironment(fn, { tableName, queueUrls, settings: LOCAL_SETTINGS, secretArn }))),
    ...options.environment,
  });
  const grants = new GrantChecker({ tableName, queueUrls, mailSender: LOCAL_SETTINGS.mailSender, mailConfigurationSet: LOCAL_SETTINGS.mailConfigurationSet, secretArn }, options.grants);
  enforceGrantsOnEveryClient();
  carryLineageOnEveryClient();
  const faults = options.faults === undefined ? undefined : new FaultInjector(options.faults);
  if (faults !== undefined) injectFaultsOnEveryClient();
  // The functions' SES SendEmail, answered as SES would after the grant check, into the development outbox (./ses.ts).
  const outbox = new DevOutbox(DynamoDBDocumentClient.from(dynamodb), tableName);
  const ses = new LocalSes({ sender: LOCAL_SETTINGS.mailSender, configurationSet: LOCAL_SETTINGS.mailConfigurationSet, region }, outbox);
  answerSesOnEveryClient();
  const lambdas = new LocalLambdas(REPOSITORY_ROOT, region, { grants, ...(faults === undefined ? {} : { faults }), ses });
  await lambdas.loadAll();

  const pollers: Poller[] = [];
  for (const [name, fn] of Object.entries(FUNCTIONS) as [FunctionName, (typeof FUNCTIONS)[FunctionName]][]) {
    if (fn.consumes === undefined) continue;
    const queueUrl = queues[fn.consumes.queue].url;
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
    pollers.push(
      startPoller({
        client: sqs,
        queueUrl,
        queueArn: Attributes?.['QueueArn'] ?? queueUrl,
        region,
        batchSize: fn.consumes.batchSize,
        maxBatchingWindowSeconds: fn.consumes.maxBatchingWindowSeconds,
        functionName: name,
        invoke: (event, invocation) => lambdas.invoke(name, event, invocation),
      }),
    );
  }

  const runSchedule = (name: FunctionName) => lambdas.invoke(name, scheduledEvent(name, region));
  const timers: NodeJS.Timeout[] = [];
  if (options.schedules ?? true) {
    for (const [name, fn] of Object.entries(FUNCTIONS) as [FunctionName, (typeof FUNCTIONS)[FunctionName]][]) {
      if (fn.schedule === undefined) continue;
      const run = () => runSchedule(name).catch((error: unknown) => logger.error('Scheduled function failed', { function: name, error: error as Error }));
      timers.push(setInterval(run, fn.schedule.everyMinutes * 60_000));
    }
  }

  // The issuer is the runtime's own address; it is only known once the server listens.
  const server = createServer();
  server.listen(options.port ?? 3000, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  // One signing key and one issuer for the development tokens and the OpenID provider's (./oidc.ts), so one check accepts both.
  const signingKey = await loadOrCreateSigningKey(options.dataDir === undefined ? undefined : join(options.dataDir, 'dev-issuer-key.json'));
  const issuer = await createDevIssuer({ issuer: localIssuerUrl(url), audience: 'spire', key: signingKey });
  const oidc = createLocalOidc({ url, audience: issuer.audience, signingKey, ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }) });
  const pages = pagesOf({
    root: join(REPOSITORY_ROOT, 'web', 'dist'),
    config: {
      oidc: { authority: localIssuerUrl(url), clientId: WEB_CLIENT_ID, scope: 'openid profile email' },
      departments: LOCAL_DEPARTMENTS,
      triageServiceLevelDays: Number(LOCAL_SETTINGS.triageServiceLevelDays),
    },
    securityHeaders: webSecurityHeaders(url),
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handleRequest(request, response, { url, issuer, oidc, lambdas, outbox, pages }).catch((error: unknown) => {
      logger.error('Local runtime failed to answer', error as Error);
      if (!response.headersSent) writeResult(response, internalErrorResponse('en', 'local'));
      else response.end();
    });
  });

  return {
    url,
    port,
    tableName,
    queues,
    issuer,
    grants,
    invocations: lambdas.invocations,
    ...(faults === undefined ? {} : { faults }),
    runSchedule,
    async stop() {
      for (const timer of timers) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await Promise.all(pollers.map((poller) => poller.stop()));
      dynamodb.destroy();
      sqs.destroy();
    },
  };
}

interface RequestDependencies {
  url: string;
  issuer: DevIssuer;
  oidc: OidcHandler;
  lambdas: LocalLambdas;
  outbox: DevOutbox;
  pages: PageAnswer;
}

/**
 * Answers one request as API Gateway would, with the functions of the description. The runtime's
 * own answers (problems, the development routes) carry the headers every answer of the API
 * carries (STANDARD_HEADERS); a function's answer is written as the function made it, as API
 * Gateway does, so a function that left them out would be seen here too.
 */
async function handleRequest(request: IncomingMessage, response: ServerResponse, deps: RequestDependencies): Promise<void> {
  const method = request.method ?? 'GET';
  const language = negotiateLanguage(request.headers['accept-language']);
  try {
    const url = requestUrl(request, deps.url, method);
    // The OpenID provider reads its own request bodies (./oidc.ts).
    if (isOidcPath(url.pathname)) return await deps.oidc(request, response);
    const body = await readRequestBody(request);

    // Everything outside the API's base path is a page (./pages.ts), as CloudFront serves them from S3 in AWS.
    const routePath = routePathOf(url.pathname);
    if (routePath === undefined) {
      if (method === 'GET' || method === 'HEAD') {
        const page = await deps.pages(url.pathname);
        if (page !== undefined) return writeResult(response, page);
      }
      throw new NotFoundError({ da: `Der er ingen ${method} ${url.pathname}.`, en: `There is no ${method} ${url.pathname}.` });
    }

    const devRoute = devRouteOf(method, routePath);
    if (devRoute !== undefined) {
      const answer = await answerDevRoute(devRoute, { body, url, language }, deps);
      return writeResult(response, { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...STANDARD_HEADERS }, body: JSON.stringify(answer) });
    }

    const matched = matchRoute(method, routePath);
    if (matched === undefined) {
      throw new NotFoundError({ da: `Der er ingen ${method} ${url.pathname}.`, en: `There is no ${method} ${url.pathname}.` });
    }
    // API Gateway answers a method no route has with its own 404 ({"message":"Not Found"}) before
    // any function runs; the local runtime says what is wrong instead (docs/api.md, "Refused before any function runs").
    if ('allowed' in matched) throw new MethodNotAllowedError(method, matched.allowed);
    if ('undecodable' in matched) {
      throw new ValidationError([
        {
          pointer: `/${matched.undecodable}`,
          detail: language === 'da' ? 'Er ikke gyldig %-kodet UTF-8' : 'Is not valid percent-encoded UTF-8',
        },
      ]);
    }
    let claims: Record<string, string> | undefined;
    if (matched.route.auth === 'jwt') {
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const payload = token === undefined ? undefined : await deps.issuer.verify(token);
      if (payload === undefined) throw new UnauthorizedError();
      claims = claimsAsApiGatewayDoes(payload);
    }
    const event = toApiGatewayEvent(request, url, body, matched, claims);
    try {
      writeResult(response, await deps.lambdas.invoke(matched.route.function, event));
    } catch (error) {
      // API Gateway answers a failed or timed-out integration with a bare 5xx; so does this.
      logger.error('Function failed', { function: matched.route.function, error: error as Error });
      const status = error instanceof InvocationTimeoutError ? 503 : 500;
      writeResult(response, { ...internalErrorResponse(language, event.requestContext.requestId), statusCode: status });
    }
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    writeResult(response, problemResponse(error, language));
  }
}

/** The request's URL; a request target that is not one (`//`) names no route. */
function requestUrl(request: IncomingMessage, base: string, method: string): URL {
  try {
    return new URL(request.url ?? '/', base);
  } catch {
    const target = String(request.url);
    throw new NotFoundError({ da: `Der er ingen ${method} ${target}.`, en: `There is no ${method} ${target}.` });
  }
}

/** What each development route does; where it is, and what it reads and answers, is in ./dev-routes.ts. */
const DEV_ANSWERS: { [Name in DevRouteName]: (input: DevRouteInput<Name>, deps: RequestDependencies) => Promise<DevRouteAnswer<Name>> } = {
  issueDevToken: (person, deps) => deps.issuer.issue(person),
  // Every e-mail the system has sent, newest first: what a submitter or the team would receive.
  listDevOutbox: async ({ limit }, deps) => ({ items: await deps.outbox.list(limit) }),
};

/** A development route's answer to a request: what it reads (its JSON body, whatever its type, or its query), parsed by the route's schema. */
function answerDevRoute<Name extends DevRouteName>(name: Name, request: { body: Buffer; url: URL; language: Language }, deps: RequestDependencies): Promise<DevRouteAnswer<Name>> {
  const { input } = DEV_ROUTES[name];
  // The compiler cannot follow `name` into the union of schemas; the input is what this route's own schema parsed.
  const parsed = parseOrThrow(input.schema, input.in === 'body' ? parseJson(request.body) : Object.fromEntries(request.url.searchParams), request.language) as DevRouteInput<Name>;
  return DEV_ANSWERS[name](parsed, deps);
}

function readRequestBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the cap the rest is drained, not kept, so the 413 can still be answered.
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > MAX_REQUEST_BYTES) reject(new PayloadTooLargeError({ da: 'Højst 1 MiB er tilladt.', en: 'At most 1 MiB is allowed.' }));
      else resolveBody(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function scheduledEvent(name: FunctionName, region: string): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: new Date().toISOString(),
    region,
    resources: [`arn:aws:events:${region}:000000000000:rule/spire-${name}`],
    detail: {},
  };
}

import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { expect, inject } from 'vitest';
import { apiPath } from '../../shared/http/base-path.ts';
import type { Idea } from '../../shared/domain/idea.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { routePathOf } from '../../infra/local/api-gateway.ts';
import { LOCAL_AWS } from '../../infra/local/emulators.ts';
import type { OutboxMessage } from '../../infra/local/outbox.ts';
import { startRuntime, type LocalRuntime, type RuntimeOptions } from '../../infra/local/runtime.ts';
import { contractViolations } from './contract.ts';

/**
 * Per-person limits far above the deployed defaults (20 submits, 120 supports, 300 similar-idea
 * lookups an hour): most test files, the fuzzing and the access matrix act as a few people doing
 * a great deal, which is not what they test. The limits are still counted (and their grants
 * checked) on every request; test/integration/usage-limits.test.ts sets low ones and tests them.
 */
export const GENEROUS_LIMITS: Readonly<Record<string, string>> = {
  SPIRE_SUBMIT_LIMIT_PER_HOUR: '100000',
  SPIRE_SUPPORT_LIMIT_PER_HOUR: '100000',
  SPIRE_SIMILAR_LIMIT_PER_HOUR: '100000',
};

/**
 * A runtime of its own for one test file: own table, own queues, a free port, schedules run by
 * hand, and generous per-person limits (GENEROUS_LIMITS; `environment` may set others). Stopping
 * it fails the file if any function made an AWS call its grants do not allow, even one the
 * function caught and only logged.
 */
export async function startTestRuntime(overrides: Partial<RuntimeOptions> = {}): Promise<LocalRuntime> {
  const id = randomBytes(4).toString('hex');
  const runtime = await startRuntime({
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    sqsEndpoint: inject('sqsEndpoint'),
    port: 0,
    tableName: `spire-test-${id}`,
    queuePrefix: `test-${id}-`,
    schedules: false,
    visibilityTimeoutSeconds: 2,
    ...overrides,
    environment: { SPIRE_SWEEPER_MIN_AGE_SECONDS: '0', ...GENEROUS_LIMITS, ...overrides.environment },
  });
  return {
    ...runtime,
    async stop() {
      await runtime.stop();
      if (overrides.grants === undefined) expect(runtime.grants.denials, 'AWS calls refused by the functions’ grants (infra/system.ts)').toEqual([]);
    },
  };
}

export function sqsClient(): SQSClient {
  return new SQSClient({ region: LOCAL_AWS.region, credentials: LOCAL_AWS, endpoint: inject('sqsEndpoint') });
}

/** A document client on DynamoDB Local, for tests that write or read the table directly; the caller destroys it. */
export function tableClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ region: LOCAL_AWS.region, credentials: LOCAL_AWS, endpoint: inject('dynamodbEndpoint') }), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** Every item in a test table: tests may look at the whole table; the API never scans. */
export async function allItems(tableName: string): Promise<Record<string, unknown>[]> {
  const client = tableClient();
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  client.destroy();
  return items;
}

/**
 * A test's request: its body (JSON for an object, a form for URLSearchParams) and headers.
 * `uncheckedBecause` turns off the contract check of its answer (./contract.ts), saying why: only
 * for an answer made of data a test wrote into the table by hand, which the API never stores.
 */
export interface CallInit {
  body?: string | URLSearchParams | object;
  headers?: Record<string, string>;
  uncheckedBecause?: string;
}

/** A person calling the API with a development token. */
export interface Person {
  token: string;
  request(method: string, path: string, init?: CallInit): Promise<Response>;
}

export async function signIn(runtime: LocalRuntime, sub: string, roles: Role[] = ['employee'], name?: string): Promise<Person> {
  const { token } = await runtime.issuer.issue({ sub, roles, ...(name === undefined ? {} : { name }) });
  return {
    token,
    request: (method, path, init = {}) => call(runtime, method, path, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } }),
  };
}

/**
 * A request to a route of the API, with no token, or with whatever headers the test sets. `path`
 * is as the route table and the contract write it (`/ideas`), or as the API writes it for a
 * client to follow (a `Location` of `/api/ideas/…`). Its answer is checked against
 * the API contract (./contract.ts): an answer docs/openapi.json does not document fails the test.
 */
export async function call(
  runtime: LocalRuntime,
  method: string,
  path: string,
  init: CallInit = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.body instanceof URLSearchParams) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    body = init.body.toString();
  } else if (typeof init.body === 'object') {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(init.body);
  } else {
    body = init.body;
  }
  const routePath = routePathOf(path) ?? path;
  const response = await fetch(`${runtime.url}${apiPath(routePath)}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const violations = init.uncheckedBecause === undefined ? await contractViolations(method, routePath, response) : [];
  if (violations.length > 0) throw new Error(`The answer breaks the API contract (docs/openapi.json):\n${violations.join('\n')}`);
  return response;
}

/** A GET of a page path of the runtime's origin (outside the API's `/api`): the pages, `/config.json`, `/reference`. */
export function page(runtime: LocalRuntime, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${runtime.url}${path}`, { headers });
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the idea has the status, as its submitter or triage sees it. */
export async function waitForStatus(person: Person, ideaId: string, status: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  return eventually(async () => {
    const response = await person.request('GET', `/ideas/${ideaId}`, { headers });
    if (response.status !== 200) return undefined;
    const idea = (await response.json()) as Record<string, unknown>;
    return idea['status'] === status ? idea : undefined;
  }, 20_000, `idea ${ideaId} to reach ${status}`);
}

export const FRICTION = {
  kind: 'friction',
  title: 'Dobbeltindtastning af borgerdata',
  description: 'Vi skriver de samme oplysninger om borgeren ind i tre forskellige systemer, hver gang der kommer en ny bevilling. Det tager tid fra plejen.',
  department: 'Ældreplejen Nørrebro',
  frequency: 4,
  frequencyUnit: 'day',
  minutesEach: 5,
  peopleAffected: 12,
} as const;

export const IDEA = {
  kind: 'idea',
  title: 'Talegenkendelse til journalnotater på plejecentre',
  description: 'Når vi skriver journalnotater efter et besøg, kunne vi indtale dem på telefonen og få dem skrevet ud automatisk. Det ville spare tid på kontoret.',
  department: 'Sundhed og Omsorg',
} as const;

// --- Triage console helpers -------------------------------------------------------------------

/** Submits each body as `person` (all at once) and waits until every idea is in triage; ids in the order given. */
export async function submitAll(person: Person, bodies: readonly object[]): Promise<string[]> {
  const ids = await Promise.all(
    bodies.map(async (body) => {
      const response = await person.request('POST', '/ideas', { body });
      if (response.status !== 202) throw new Error(`Submit answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    }),
  );
  for (const id of ids) await waitForStatus(person, id, 'in_triage');
  return ids;
}

/** Submits an anonymous idea and waits until it is in triage; its id and follow-up token. */
export async function submitAnonymous(person: Person, body: object): Promise<{ id: string; token: string }> {
  const response = await person.request('POST', '/ideas', { body: { ...body, anonymous: true } });
  const { id, followUpToken } = (await response.json()) as { id: string; followUpToken: string };
  await waitForStatus(person, id, 'in_triage', { 'x-follow-up-token': followUpToken });
  return { id, token: followUpToken };
}

/** The ETag of an idea as the console reads it. */
export async function consoleEtag(staff: Person, id: string): Promise<string> {
  const response = await staff.request('GET', `/console/ideas/${id}`);
  if (response.status !== 200) throw new Error(`GET /console/ideas/${id} answered ${response.status}`);
  return response.headers.get('etag') as string;
}

/** Takes a decision on the idea at its current version (read just before). */
export async function decideNow(staff: Person, id: string, decision: object): Promise<Response> {
  return staff.request('POST', `/console/ideas/${id}/decisions`, { body: decision, headers: { 'if-match': await consoleEtag(staff, id) } });
}

/** Reads a problem document, checking it is one (RFC 9457) with the status of the answer. */
export async function problemOf(response: Response): Promise<Record<string, unknown> & { type: string; status: number }> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.startsWith('application/problem+json')) throw new Error(`Expected a problem document, got ${response.status} ${contentType}: ${await response.text()}`);
  const problem = (await response.json()) as Record<string, unknown> & { type: string; status: number };
  if (problem.status !== response.status) throw new Error(`Problem status ${problem.status} differs from ${response.status}`);
  return problem;
}

/** A mail in the development outbox, as GET /dev/outbox lists it. */
export type OutboxMail = OutboxMessage;

/** The development outbox (GET /dev/outbox), oldest first, optionally only the mail to one address. */
export async function outbox(runtime: LocalRuntime, to?: string): Promise<OutboxMail[]> {
  const response = await call(runtime, 'GET', '/dev/outbox?limit=200');
  const { items } = (await response.json()) as { items: OutboxMail[] };
  return items.filter((mail) => to === undefined || mail.to === to).reverse();
}

/** Waits until the outbox holds the mail with this id (notification ids are `<idea id>.v<version>` or `<idea id>.c<comment id>`). */
export async function waitForMail(runtime: LocalRuntime, id: string): Promise<OutboxMail> {
  return eventually(async () => (await outbox(runtime)).find((mail) => mail.id === id), 20_000, `mail ${id} in the outbox`);
}

/**
 * Waits until nothing is in flight in the table: no idea still `submitted`, every notification
 * delivered (or abandoned, or not sent to an undeliverable address) and no merge unfinished;
 * answers the table's items then.
 */
export async function settledItems(runtime: LocalRuntime): Promise<Record<string, unknown>[]> {
  return eventually(async () => {
    const items = await allItems(runtime.tableName);
    const busy = items.some(
      (item) =>
        (item['type'] === 'idea' && item['status'] === 'submitted') ||
        (item['type'] === 'notification' && item['sentAt'] === undefined && item['abandonedAt'] === undefined && item['notSentAt'] === undefined) ||
        item['type'] === 'merge',
    );
    return busy ? undefined : items;
  }, 20_000, 'the table to settle');
}

/** The table's items in a stable order, to compare two snapshots. */
export function sortedItems(items: Record<string, unknown>[]): Record<string, unknown>[] {
  const key = (item: Record<string, unknown>) => `${String(item['PK'])}\u0000${String(item['SK'])}`;
  return [...items].sort((a, b) => key(a).localeCompare(key(b)));
}

/** The day (YYYY-MM-DD) it is in Copenhagen at `moment`: computed here on its own, not with the code under test. */
export function dayInCopenhagen(moment: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}

/** The day after `day` (YYYY-MM-DD), by the calendar. */
export function nextDay(day: string, days = 1): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The moment `day` begins in Copenhagen (00:00 local time: 23:00 or 22:00 UTC the day before). */
export function copenhagenMidnight(day: string): Date {
  for (let t = Date.parse(`${day}T00:00:00Z`) - 3 * 3_600_000; ; t += 60_000) {
    if (dayInCopenhagen(new Date(t)) === day) return new Date(t);
  }
}

/** The people of the triage tests: four employees, a director, a triage member and an admin. */
export interface Cast {
  runtime: LocalRuntime;
  anna: Person;
  bent: Person;
  carl: Person;
  dora: Person;
  dirk: Person;
  tove: Person;
  ulla: Person;
}

/** Starts a runtime of the file's own (see `startTestRuntime`) and signs in the whole cast; the caller stops it. */
export async function startWithCast(overrides: Partial<RuntimeOptions> = {}): Promise<Cast> {
  const runtime = await startTestRuntime(overrides);
  return {
    runtime,
    anna: await signIn(runtime, 'anna', ['employee'], 'Anna Sørensen'),
    bent: await signIn(runtime, 'bent', ['employee'], 'Bent Ørsted'),
    carl: await signIn(runtime, 'carl', ['employee'], 'Carl Æbelø'),
    dora: await signIn(runtime, 'dora', ['employee'], 'Dora Ågesen'),
    dirk: await signIn(runtime, 'dirk', ['director'], 'Dirk Ærø'),
    tove: await signIn(runtime, 'tove', ['triage'], 'Tove Ågård'),
    ulla: await signIn(runtime, 'ulla', ['admin'], 'Ulla Høj'),
  };
}

/**
 * Anna's idea number `n` as the table holds one in `submitted` whose intake message was lost, to
 * write straight into the table (bench/seed-ideas.ts, seedIdeas) for the sweeper to find.
 */
export function submittedIdea(n: number, at: string, fields: Partial<Idea> = {}): Idea {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    kind: 'idea',
    title: `Idé nummer ${n}, som sidder fast`,
    description: 'Vi skriver de samme borgeroplysninger i tre systemer. Det tager tid fra omsorgen.',
    department: 'Ældreplejen',
    language: 'da',
    anonymous: false,
    submitter: { sub: 'anna', name: 'Anna Sørensen' },
    status: 'submitted',
    createdAt: at,
    statusChangedAt: at,
    updatedAt: at,
    version: 1,
    requeueCount: 0,
    ...fields,
  };
}

import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { inject } from 'vitest';
import type { Role } from '../../shared/domain/roles.ts';
import { LOCAL_AWS } from '../../infra/local/emulators.ts';
import { startRuntime, type LocalRuntime, type RuntimeOptions } from '../../infra/local/runtime.ts';

/** A runtime of its own for one test file: own table, own queues, a free port, schedules run by hand. */
export async function startTestRuntime(overrides: Partial<RuntimeOptions> = {}): Promise<LocalRuntime> {
  const id = randomBytes(4).toString('hex');
  return startRuntime({
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    sqsEndpoint: inject('sqsEndpoint'),
    port: 0,
    tableName: `spire-test-${id}`,
    queuePrefix: `test-${id}-`,
    schedules: false,
    visibilityTimeoutSeconds: 2,
    environment: { SPIRE_SWEEPER_MIN_AGE_SECONDS: '0' },
    ...overrides,
  });
}

export function sqsClient(): SQSClient {
  return new SQSClient({ region: LOCAL_AWS.region, credentials: LOCAL_AWS, endpoint: inject('sqsEndpoint') });
}

/** Every item in a test table: tests may look at the whole table; the API never scans. */
export async function allItems(tableName: string): Promise<Record<string, unknown>[]> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: LOCAL_AWS.region, credentials: LOCAL_AWS, endpoint: inject('dynamodbEndpoint') }));
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

/** A person calling the API with a development token. */
export interface Person {
  token: string;
  request(method: string, path: string, init?: { body?: string | URLSearchParams | object; headers?: Record<string, string> }): Promise<Response>;
}

export async function signIn(runtime: LocalRuntime, sub: string, roles: Role[] = ['employee'], name?: string): Promise<Person> {
  const { token } = await runtime.issuer.issue({ sub, roles, ...(name === undefined ? {} : { name }) });
  return {
    token,
    request: (method, path, init = {}) => call(runtime, method, path, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } }),
  };
}

/** A request with no token, or with whatever headers the test sets. */
export function call(
  runtime: LocalRuntime,
  method: string,
  path: string,
  init: { body?: string | URLSearchParams | object; headers?: Record<string, string> } = {},
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
  return fetch(`${runtime.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
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

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { ROUTES, type RouteDescription } from '../../infra/system.ts';
import { allItems, FRICTION, IDEA, settledItems, signIn, sortedItems, startTestRuntime, submitAll, type Person } from './support.ts';

/**
 * Property-based fuzzing of every route of the API through the local runtime (issue 11): bodies,
 * query strings, path parameters and headers near each route's real shape and far from it, sent
 * by a caller who holds every role. Every answer is a success or a problem document (RFC 9457)
 * with the status of the answer, never a 5xx; a refused request changes nothing in the table.
 *
 * CI runs a fixed seed and FUZZ_RUNS_DEFAULT cases per route; `npm run fuzz -- <runs> <seed>`
 * (test/fuzz/run.ts) runs as many as asked, with FUZZ_RUNS and FUZZ_SEED.
 */
const FUZZ_RUNS_DEFAULT = 300;
const FUZZ_SEED_DEFAULT = 20_261_206;
const RUNS = Number(process.env['FUZZ_RUNS'] ?? FUZZ_RUNS_DEFAULT);
const SEED = Number(process.env['FUZZ_SEED'] ?? FUZZ_SEED_DEFAULT);
/** Requests in flight at once: the refusal check compares the table before and after each batch. */
const BATCH = 25;

let runtime: LocalRuntime;
let caller: Person;
let realIds: string[];

beforeAll(async () => {
  runtime = await startTestRuntime();
  caller = await signIn(runtime, 'fuzz', ['employee', 'triage', 'director', 'admin'], 'Fænø Ørbæk');
  // Real ideas, so that some requests reach past the lookup of the idea.
  realIds = await submitAll(caller, [FRICTION, IDEA]);
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
});

// --- Generators --------------------------------------------------------------------------------

/** Field names of the API's bodies and queries, so that objects come near the real shapes. */
const FIELD_NAMES = [
  'kind', 'title', 'description', 'department', 'frequency', 'frequencyUnit', 'minutesEach', 'peopleAffected', 'figuresUnknown', 'anonymous',
  'decision', 'reason', 'text', 'comment', 'body', 'visibility', 'assignee', 'sub', 'name', 'themes', 'theme', 'weights',
  'scores', 'scale', 'version', 'strategyVersion', 'gates', 'stage', 'stageLimitDays', 'required', 'status', 'owner',
  'hypothesis', 'measuredOn', 'realisedHoursPerYear', 'cost', 'riskLevel', 'artefacts', 'learnings', 'followUpOn',
  'followUps', 'ideaIds', 'keywords', 'tags', 'language', 'da', 'en', 'id', 'period', 'results', 'cursor', 'limit',
  'sort', 'page', 'q', 'from', 'to', '__proto__', 'constructor',
];
const FIELDS = fc.constantFrom(...FIELD_NAMES);

/** Strings with what breaks naive code: Danish letters, lone surrogates, astral characters, control characters. */
const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('æøå ÆØÅ', '\ud800', '\udfff', 'a\ud83dz', '😀'.repeat(50), '\u0000', ' ', '', 'null', '<script>', "'; DROP", '%00', '../..', 'x'.repeat(5000)),
  fc.string({ unit: fc.constantFrom('æ', 'ø', 'å', 'Æ', '\ud800', '\u202e', '\n', 'a', ' '), maxLength: 300 }),
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 5e-324, 0.1, 1e21),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((n) => Number(n)),
);

const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(nastyString, FIELDS), tie('value'), { maxKeys: 5 }),
  ),
})).value;


/** An object near a real body: a real one with fields replaced, removed or added, or one of known fields. */
const nearBody = fc.oneof(
  fc.tuple(fc.constantFrom<Record<string, unknown>>(FRICTION, IDEA, {}), fc.dictionary(fc.oneof(FIELDS, nastyString), anyJson, { maxKeys: 4 }), fc.subarray(FIELD_NAMES, { maxLength: 3 })).map(
    ([base, changes, removed]) => {
      const body: Record<string, unknown> = { ...base, ...changes };
      for (const field of removed) delete body[field];
      return body;
    },
  ),
  fc.dictionary(FIELDS, anyJson, { maxKeys: 8 }),
  // A real body with nasty text appended to one of its strings: often still valid, so it gets far in.
  fc.tuple(fc.constantFrom<Record<string, unknown>>(FRICTION, IDEA), fc.constantFrom('title', 'description', 'department'), nastyString).map(([base, field, extra]) => ({
    ...base,
    [field]: `${String(base[field])}${extra.slice(0, 200)}`,
  })),
);

/** A request body as sent: JSON near the shape, any JSON, or bytes that are not JSON at all. */
const bodyText = fc.oneof(
  { weight: 4, arbitrary: nearBody.map((body) => JSON.stringify(body)) },
  { weight: 2, arbitrary: anyJson.map((value) => JSON.stringify(value) ?? 'null') },
  { weight: 1, arbitrary: fc.constantFrom('', '{', '{"title":', 'null', '[]', '"x"', '1e999', '{"a":1}{"a":2}', '\u0000', '\ufeff{}') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

/** A path segment: a real id, a well-formed unknown one, a number, or encoded nonsense. */
const pathSegment = fc.oneof(
  fc.constantFrom('REAL0', 'REAL1'),
  fc.uuid().map(String),
  nastyNumber.map(String),
  fc.string({ unit: 'binary', maxLength: 60 }).filter((s) => s.length > 0).map((s) => encodeURIComponent(s)),
  fc.constantFrom('%', '%zz', '%ff', '%00', '..', '.', '%2F', 'v1', '-0', '0x10', '1e3', 'NaN', 'Infinity'),
);

const queryPart = fc.oneof(
  fc.tuple(fc.oneof(FIELDS, nastyString), fc.oneof(nastyString, nastyNumber.map(String))).map(
    ([key, value]) => `${safeEncode(key)}=${safeEncode(value)}`,
  ),
  fc.constantFrom('limit=0', 'limit=-1', 'limit=1e9', 'limit=abc', 'cursor=%%%', 'cursor=eyJ9', 'q=', 'q=%E6%F8', 'a=1&a=2', '=', '&&', '%ff=%fe', 'status=submitted'),
);
const queryString = fc.array(queryPart, { maxLength: 4 }).map((parts) => (parts.length === 0 ? '' : `?${parts.join('&')}`));

/** Header values fetch can send (Latin-1, no CR/LF/NUL): printable nonsense, Danish letters, near-valid values. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcXYZ019 "*,;=/-_.:WæøåÆØÅ\t'.split('')), maxLength: 80 }),
  fc.constantFrom('*', 'W/"1"', '"1"', '"v2"', '""', 'W/', '"', 'en', 'da', 'da-DK, en;q=0.5', 'xx;q=oops', 'application/json', 'application/json; charset=latin1', 'text/plain', 'multipart/form-data; boundary=', 'application/x-www-form-urlencoded', 'x'.repeat(4000)),
);

/** Sometimes absent, mostly: a garbage header usually ends a request before its body is looked at. */
function sometimes(value: fc.Arbitrary<string>): fc.Arbitrary<string | undefined> {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });
}

const headers = fc
  .record({
    'content-type': fc.oneof({ weight: 5, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: headerValue }),
    'if-match': sometimes(fc.oneof(headerValue, fc.constantFrom('"1"', '"2"', 'W/"1"', '*'))),
    'if-none-match': sometimes(headerValue),
    'idempotency-key': sometimes(fc.oneof(headerValue, fc.uuid().map(String))),
    'accept-language': sometimes(headerValue),
    accept: sometimes(headerValue),
    'x-follow-up-token': sometimes(headerValue),
  })
  .map((record) => Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined)));

interface Case {
  segments: string[];
  query: string;
  body: string | undefined;
  headers: Record<string, string>;
}

function caseOf(route: RouteDescription): fc.Arbitrary<Case> {
  const parameters = route.path.match(/\{[^}]+\}/g) ?? [];
  const hasBody = route.method !== 'GET';
  return fc.record({
    segments: fc.tuple(...parameters.map(() => pathSegment)),
    query: queryString,
    body: hasBody ? fc.option(bodyText, { freq: 8, nil: undefined }) : fc.constant(undefined),
    headers,
  });
}

function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?'));
  }
}

// --- Running ------------------------------------------------------------------------------------

function pathOf(route: RouteDescription, testCase: Case): string {
  let index = 0;
  const path = route.path.replace(/\{[^}]+\}/g, () => {
    const segment = testCase.segments[index++] as string;
    return segment === 'REAL0' ? (realIds[0] as string) : segment === 'REAL1' ? (realIds[1] as string) : segment;
  });
  return `${path}${testCase.query}`;
}

interface Answer {
  testCase: Case;
  status: number;
  refused: boolean;
}

async function send(route: RouteDescription, testCase: Case): Promise<Answer> {
  const response = await caller.request(route.method, pathOf(route, testCase), {
    headers: testCase.headers,
    ...(testCase.body === undefined ? {} : { body: testCase.body }),
  });
  const text = await response.text();
  const where = `${route.method} ${pathOf(route, testCase)} ${JSON.stringify(testCase)} → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, `no 5xx: ${where}`).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get('content-type') ?? '', `problem document: ${where}`).toMatch(/^application\/problem\+json/);
    expect((JSON.parse(text) as { status?: unknown }).status, `problem status: ${where}`).toBe(response.status);
  } else {
    expect(response.status, `success: ${where}`).toBeGreaterThanOrEqual(200);
  }
  return { testCase, status: response.status, refused: response.status >= 400 };
}

/** A cheap fingerprint of the table's items (sets, which JSON does not write, as sorted arrays). */
function hashOf(items: Record<string, unknown>[]): string {
  const json = JSON.stringify(sortedItems(items), (_key, value: unknown) => (value instanceof Set ? [...(value as Set<unknown>)].map(String).sort() : value));
  return createHash('sha256').update(json).digest('hex');
}

async function tableHash(): Promise<string> {
  return hashOf(await allItems(runtime.tableName));
}

/** A rescore whose pages are not all done yet: settledItems does not wait for those. */
function rescoreInFlight(items: Record<string, unknown>[]): boolean {
  return items.some((item) => item['type'] === 'rescore-job' && ((item['donePages'] as Set<number> | undefined)?.size ?? 0) < Number(item['pagesQueued']));
}

/** The table's fingerprint once nothing is in flight and it holds still. */
async function stableHash(): Promise<string> {
  for (;;) {
    const items = await settledItems(runtime);
    if (rescoreInFlight(items)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    const before = hashOf(items);
    await new Promise((resolve) => setTimeout(resolve, 30));
    if ((await tableHash()) === before) return before;
  }
}

/**
 * Sends the cases a batch at a time. A batch of refusals only must leave the table as it was; when
 * a batch has a success (which may change the table), its refusals are sent again on their own,
 * against the table as it settles, and checked then.
 */
async function fuzzRoute(route: RouteDescription, cases: Case[]): Promise<{ refused: number; succeeded: number }> {
  let refused = 0;
  let succeeded = 0;
  let hash = await stableHash();
  for (let start = 0; start < cases.length; start += BATCH) {
    const batch = cases.slice(start, start + BATCH);
    const answers = await Promise.all(batch.map((testCase) => send(route, testCase)));
    refused += answers.filter((answer) => answer.refused).length;
    succeeded += answers.filter((answer) => !answer.refused).length;
    let pending = answers;
    for (let round = 0; round < 2 && pending.some((answer) => !answer.refused); round++) {
      hash = await stableHash();
      pending = await Promise.all(pending.filter((answer) => answer.refused).map((answer) => send(route, answer.testCase)));
    }
    if (pending.length > 0 && pending.every((answer) => answer.refused)) {
      const after = await tableHash();
      expect(after, `refused requests changed the table: ${route.method} ${route.path} ${JSON.stringify(pending.map((answer) => answer.testCase))}`).toBe(hash);
    } else {
      hash = await stableHash();
    }
  }
  return { refused, succeeded };
}

describe(`fuzzing every route (seed ${SEED}, ${RUNS} cases a route)`, () => {
  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s answers a success or a problem, and refusals change nothing', async (_name, route) => {
    // Arrange
    const cases = fc.sample(caseOf(route), { numRuns: RUNS, seed: SEED });

    // Act
    const { refused, succeeded } = await fuzzRoute(route, cases);

    // Assess
    expect(refused + succeeded).toBe(RUNS);
  }, Math.max(60_000, RUNS * 200));
});

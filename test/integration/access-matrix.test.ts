/**
 * The access matrix: every route of the description (infra/system.ts, ROUTES) × every kind of
 * caller → the exact status the API answers, as the route table of docs/api.md says who may do what.
 *
 * - The token failures (none, forged signature, expired, foreign issuer, other audience) are
 *   401 before any function runs. The failing tokens are signed with the runtime's own key (kept in
 *   a `dataDir` of the test's), so each one fails on exactly the claim it names; the forged one is
 *   signed with a throwaway key under the issuer's key id.
 * - A role the route is not for is 403; somebody who is not an idea's submitter asking for it (or
 *   answering or withdrawing it) is 404, so ids cannot be probed.
 * - Every request carries a valid body and a fresh If-Match where the route needs them, so a 2xx
 *   cell means the caller was let through. A cell that changes an idea or a pilot for good (a
 *   decision, a gate, an answer, a withdrawal) acts on an idea or pilot of its own, or on one only
 *   the last successful caller of its row touches.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, generateKeyPair, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import CONTRACT from '../../docs/openapi.json' with { type: 'json' };
import { ROUTES } from '../../infra/system.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import {
  call,
  consoleEtag,
  dayInCopenhagen,
  decideNow,
  FRICTION,
  IDEA,
  nextDay,
  problemOf,
  startWithCast,
  submitAll,
  submitAnonymous,
  type Cast,
} from './support.ts';

// --- The matrix ---------------------------------------------------------------------------------

const CALLERS = ['none', 'forged', 'expired', 'wrongIssuer', 'wrongAudience', 'employee', 'owner', 'triage', 'director', 'admin'] as const;
/** On an anonymous idea: an employee who holds the idea's follow-up token, and one who holds a wrong one. */
const FOLLOW_UP_CALLERS = ['tokenRight', 'tokenWrong'] as const;
type Caller = (typeof CALLERS)[number] | (typeof FOLLOW_UP_CALLERS)[number];
type Expected = Record<(typeof CALLERS)[number], number> & Partial<Record<(typeof FOLLOW_UP_CALLERS)[number], number>>;

/** Every token failure: API Gateway's JWT authorizer (played by the local runtime) answers 401. */
const REFUSED = { none: 401, forged: 401, expired: 401, wrongIssuer: 401, wrongAudience: 401 } as const;

/**
 * Route (as ROUTES names it; "(anonymous)": on an anonymous idea) × caller → status. "employee" is
 * Bent, who submitted none of the ideas; "owner" is Anna, who submitted them (the anonymous ones
 * too, but without their token she is nobody to them). The rows run in this order: the two that
 * re-score every idea in triage come late, so no idea changes version under another row's If-Match,
 * and the erasures last, since they pseudonymise their callers.
 */
const MATRIX: Record<string, Expected> = {
  'GET /health':                           { none: 200, forged: 200, expired: 200, wrongIssuer: 200, wrongAudience: 200, employee: 200, owner: 200, triage: 200, director: 200, admin: 200 },
  'GET /openapi.json':                     { none: 200, forged: 200, expired: 200, wrongIssuer: 200, wrongAudience: 200, employee: 200, owner: 200, triage: 200, director: 200, admin: 200 },
  'GET /problems/{name}':                   { none: 200, forged: 200, expired: 200, wrongIssuer: 200, wrongAudience: 200, employee: 200, owner: 200, triage: 200, director: 200, admin: 200 },
  'POST /ideas':                           { ...REFUSED, employee: 202, owner: 202, triage: 202, director: 202, admin: 202 },
  'GET /ideas/mine':                       { ...REFUSED, employee: 200, owner: 200, triage: 200, director: 200, admin: 200 },
  'GET /ideas/similar':                    { ...REFUSED, employee: 200, owner: 200, triage: 200, director: 200, admin: 200 },
  'GET /ideas/{id}':                       { ...REFUSED, employee: 404, owner: 200, triage: 200, director: 404, admin: 200 },
  'GET /ideas/{id} (anonymous)':           { ...REFUSED, employee: 404, owner: 404, triage: 200, director: 404, admin: 200, tokenRight: 200, tokenWrong: 404 },
  'GET /ideas/{id}/comments':              { ...REFUSED, employee: 404, owner: 200, triage: 200, director: 404, admin: 200 },
  'GET /ideas/{id}/comments (anonymous)':  { ...REFUSED, employee: 404, owner: 404, triage: 200, director: 404, admin: 200, tokenRight: 200, tokenWrong: 404 },
  'POST /ideas/{id}/answers':              { ...REFUSED, employee: 404, owner: 200, triage: 404, director: 404, admin: 404 },
  'POST /ideas/{id}/answers (anonymous)':  { ...REFUSED, employee: 404, owner: 404, triage: 404, director: 404, admin: 404, tokenRight: 200, tokenWrong: 404 },
  'POST /ideas/{id}/withdraw':             { ...REFUSED, employee: 404, owner: 200, triage: 404, director: 404, admin: 404 },
  'POST /ideas/{id}/withdraw (anonymous)': { ...REFUSED, employee: 404, owner: 404, triage: 404, director: 404, admin: 404, tokenRight: 200, tokenWrong: 404 },
  'POST /ideas/{id}/support':              { ...REFUSED, employee: 201, owner: 201, triage: 201, director: 201, admin: 201 },
  'POST /ideas/{id}/support (anonymous)':  { ...REFUSED, employee: 201, owner: 201, triage: 201, director: 201, admin: 201, tokenRight: 201, tokenWrong: 201 },
  'GET /console/strategy':                 { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 403, admin: 200 },
  'GET /console/strategy/versions':        { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 403, admin: 200 },
  'GET /console/strategy/versions/{n}':    { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 403, admin: 200 },
  'PUT /console/ideas/{id}/scorecard':     { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 403, admin: 200 },
  'GET /console/inbox':                    { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 403, admin: 200 },
  'GET /console/ideas/{id}':               { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 403, admin: 200 },
  'POST /console/ideas/{id}/decisions':    { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 403, admin: 200 },
  'PUT /console/ideas/{id}/assignee':      { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 403, admin: 200 },
  'POST /console/ideas/{id}/comments':     { ...REFUSED, employee: 403, owner: 403, triage: 201, director: 403, admin: 201 },
  'GET /console/pilots/{id}':              { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 200, admin: 200 },
  'PATCH /console/pilots/{id}':            { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 403, admin: 200 },
  'POST /console/pilots/{id}/gates':       { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 200, admin: 403 },
  'GET /console/gates':                    { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 200, admin: 200 },
  'PUT /console/gates':                    { ...REFUSED, employee: 403, owner: 403, triage: 403, director: 403, admin: 200 },
  'GET /pipeline/summary':                 { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 200, admin: 200 },
  'GET /pipeline/pilots':                  { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 200, admin: 200 },
  'GET /pipeline/export.csv':              { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 200, admin: 200 },
  'GET /pipeline/learnings':               { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 200, admin: 200 },
  'PUT /console/strategy':                 { ...REFUSED, employee: 403, owner: 403, triage: 403, director: 403, admin: 200 },
  'POST /console/strategy/rescore':        { ...REFUSED, employee: 403, owner: 403, triage: 202, director: 403, admin: 202 },
  'GET /console/strategy/rescore/{jobId}': { ...REFUSED, employee: 403, owner: 403, triage: 200, director: 403, admin: 200 },
  'GET /me/export':                        { ...REFUSED, employee: 200, owner: 200, triage: 200, director: 200, admin: 200 },
  // Last: an erasure pseudonymises its caller, so no row after it may need them named.
  'POST /me/erase':                        { ...REFUSED, employee: 202, owner: 202, triage: 202, director: 202, admin: 202 },
  'GET /me/erasures/{id}':                 { ...REFUSED, employee: 404, owner: 200, triage: 404, director: 404, admin: 404 },
};

// --- The requests behind the cells --------------------------------------------------------------

interface Cell {
  path: string;
  body?: object;
  headers?: Record<string, string>;
}

/** The ideas and pilots the cells act on, made in beforeAll. */
interface Fixtures {
  /** Anna's idea in triage: read, scored, assigned, commented and supported by everybody. */
  inTriage: string;
  /** Anna's idea in needs_info, for her answer. */
  asked: string;
  /** Anna's idea in triage, for her withdrawal. */
  toWithdraw: string;
  /** Anna's ideas in triage, one for each successful decision. */
  toDecide: { triage: string; admin: string };
  anonymous: { id: string; token: string };
  anonymousAsked: { id: string; token: string };
  anonymousToWithdraw: { id: string; token: string };
  /** A pilot read and edited by everybody. */
  pilot: string;
  /** Pilots, one for each successful gate decision. */
  toGate: { triage: string; director: string };
}

let cast: Cast;
let runtime: LocalRuntime;
let dataDir: string;
let tokens: Record<Exclude<Caller, 'none'>, string>;
let fixtures: Fixtures;

/** What the admin reads just before a conditional write: the ETag to send. */
async function etagOf(path: string): Promise<string> {
  const response = await cast.ulla.request('GET', path);
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  return response.headers.get('etag') as string;
}

async function anonymousCell(idea: { id: string; token: string }, caller: Caller, path: string, body?: object): Promise<Cell> {
  const followUp = caller === 'tokenRight' ? idea.token : caller === 'tokenWrong' ? `${idea.token.slice(0, -4)}AAAA` : undefined;
  return { path, ...(body === undefined ? {} : { body }), ...(followUp === undefined ? {} : { headers: { 'x-follow-up-token': followUp } }) };
}

const REQUESTS: Record<keyof typeof MATRIX, (caller: Caller) => Promise<Cell>> = {
  'GET /health': async () => ({ path: '/health' }),
  'GET /openapi.json': async () => ({ path: '/openapi.json' }),
  'GET /problems/{name}': async () => ({ path: '/api/problems/forbidden' }),
  'POST /ideas': async () => ({ path: '/ideas', body: { ...FRICTION, title: 'Adgangsmatricens nye idé' } }),
  'GET /ideas/mine': async () => ({ path: '/ideas/mine' }),
  'GET /ideas/similar': async () => ({ path: `/ideas/similar?title=${encodeURIComponent('Dobbeltindtastning')}&text=${encodeURIComponent('borgerdata i tre systemer')}` }),
  'GET /ideas/{id}': async () => ({ path: `/ideas/${fixtures.inTriage}` }),
  'GET /ideas/{id} (anonymous)': (caller) => anonymousCell(fixtures.anonymous, caller, `/ideas/${fixtures.anonymous.id}`),
  'GET /ideas/{id}/comments': async () => ({ path: `/ideas/${fixtures.inTriage}/comments` }),
  'GET /ideas/{id}/comments (anonymous)': (caller) => anonymousCell(fixtures.anonymous, caller, `/ideas/${fixtures.anonymous.id}/comments`),
  'POST /ideas/{id}/answers': async () => ({ path: `/ideas/${fixtures.asked}/answers`, body: { answer: 'Nexus, Økonomi og Støttesystemet.' } }),
  'POST /ideas/{id}/answers (anonymous)': (caller) =>
    anonymousCell(fixtures.anonymousAsked, caller, `/ideas/${fixtures.anonymousAsked.id}/answers`, { answer: 'Det gælder alle tre skoler.' }),
  'POST /ideas/{id}/withdraw': async () => ({ path: `/ideas/${fixtures.toWithdraw}/withdraw`, body: { reason: 'Vi har fundet en anden løsning.' } }),
  'POST /ideas/{id}/withdraw (anonymous)': (caller) =>
    anonymousCell(fixtures.anonymousToWithdraw, caller, `/ideas/${fixtures.anonymousToWithdraw.id}/withdraw`, { reason: 'Ikke længere aktuelt.' }),
  'POST /ideas/{id}/support': async () => ({ path: `/ideas/${fixtures.inTriage}/support` }),
  'POST /ideas/{id}/support (anonymous)': (caller) => anonymousCell(fixtures.anonymous, caller, `/ideas/${fixtures.anonymous.id}/support`),
  'GET /console/strategy': async () => ({ path: '/console/strategy' }),
  'GET /console/strategy/versions': async () => ({ path: '/console/strategy/versions' }),
  'GET /console/strategy/versions/{n}': async () => ({ path: '/console/strategy/versions/1' }),
  'PUT /console/ideas/{id}/scorecard': async () => ({
    path: `/console/ideas/${fixtures.inTriage}/scorecard`,
    body: { scores: { strategic_fit: 3, benefit: 3, feasibility: 2, risk_compliance: 2, reach: 1 } },
    headers: { 'if-match': await consoleEtag(cast.ulla, fixtures.inTriage) },
  }),
  'GET /console/inbox': async () => ({ path: '/console/inbox' }),
  'GET /console/ideas/{id}': async () => ({ path: `/console/ideas/${fixtures.inTriage}` }),
  'POST /console/ideas/{id}/decisions': async (caller) => {
    const id = caller === 'triage' || caller === 'admin' ? fixtures.toDecide[caller] : fixtures.inTriage;
    return {
      path: `/console/ideas/${id}/decisions`,
      body: { decision: 'needs_info', question: 'Hvilke tre systemer drejer det sig om?' },
      headers: { 'if-match': await consoleEtag(cast.ulla, id) },
    };
  },
  'PUT /console/ideas/{id}/assignee': async () => ({
    path: `/console/ideas/${fixtures.inTriage}/assignee`,
    body: { assignee: { sub: 'tove', name: 'Tove Ågård' } },
    headers: { 'if-match': await consoleEtag(cast.ulla, fixtures.inTriage) },
  }),
  'POST /console/ideas/{id}/comments': async () => ({ path: `/console/ideas/${fixtures.inTriage}/comments`, body: { text: 'Vi kigger på det.', visibility: 'internal' } }),
  'GET /console/pilots/{id}': async () => ({ path: `/console/pilots/${fixtures.pilot}` }),
  'PATCH /console/pilots/{id}': async () => ({
    path: `/console/pilots/${fixtures.pilot}`,
    body: { riskLevel: 'low' },
    headers: { 'if-match': await etagOf(`/console/pilots/${fixtures.pilot}`) },
  }),
  'POST /console/pilots/{id}/gates': async (caller) => {
    const id = caller === 'triage' || caller === 'director' ? fixtures.toGate[caller] : fixtures.pilot;
    return {
      path: `/console/pilots/${id}/gates`,
      body: { decision: 'hold', reason: 'Vi venter på budgetforhandlingerne.', revisitOn: nextDay(dayInCopenhagen(new Date()), 7), checklist: {} },
      headers: { 'if-match': await etagOf(`/console/pilots/${id}`) },
    };
  },
  'GET /console/gates': async () => ({ path: '/console/gates' }),
  'PUT /console/gates': async () => {
    const response = await cast.ulla.request('GET', '/console/gates');
    const { gates, stageLimitDays } = (await response.json()) as { gates: unknown; stageLimitDays: unknown };
    return { path: '/console/gates', body: { gates, stageLimitDays }, headers: { 'if-match': response.headers.get('etag') as string } };
  },
  'GET /pipeline/summary': async () => ({ path: '/pipeline/summary' }),
  'GET /pipeline/pilots': async () => ({ path: '/pipeline/pilots' }),
  'GET /pipeline/export.csv': async () => ({ path: '/pipeline/export.csv' }),
  'GET /pipeline/learnings': async () => ({ path: `/pipeline/learnings?q=${encodeURIComponent('støj')}` }),
  'PUT /console/strategy': async () => {
    const response = await cast.ulla.request('GET', '/console/strategy');
    const { version: _version, createdAt: _createdAt, createdBy: _createdBy, ...content } = (await response.json()) as Record<string, unknown>;
    return { path: '/console/strategy', body: content, headers: { 'if-match': response.headers.get('etag') as string } };
  },
  'POST /console/strategy/rescore': async () => ({ path: '/console/strategy/rescore' }),
  'GET /console/strategy/rescore/{jobId}': async () => ({ path: await ullasRescore() }),
  'GET /me/export': async () => ({ path: '/me/export' }),
  'POST /me/erase': async () => ({ path: '/me/erase', body: { confirm: true } }),
  'GET /me/erasures/{id}': async () => ({ path: await annasErasure() }),
};

let ullasRescoreLocation: string | undefined;

/** Where a re-scoring job's progress is followed: started once, by Ulla, after the row that starts them. */
async function ullasRescore(): Promise<string> {
  if (ullasRescoreLocation === undefined) {
    const response = await cast.ulla.request('POST', '/console/strategy/rescore');
    expect(response.status).toBe(202);
    ullasRescoreLocation = response.headers.get('location') as string;
  }
  return ullasRescoreLocation;
}

let annasErasureLocation: string | undefined;

/** Where Anna's erasure is followed: asked for once, by Anna. */
async function annasErasure(): Promise<string> {
  if (annasErasureLocation === undefined) {
    const response = await cast.anna.request('POST', '/me/erase', { body: { confirm: true } });
    expect(response.status).toBe(202);
    annasErasureLocation = response.headers.get('location') as string;
  }
  return annasErasureLocation;
}

// --- Tokens -------------------------------------------------------------------------------------

/** A token for Ulla the admin, signed and claimed as given: each failing token fails on one thing only. */
async function adminToken(key: Parameters<SignJWT['sign']>[0], kid: string, claims: { issuer: string; audience: string; issuedAt: number; expiresAt: number }): Promise<string> {
  return new SignJWT({ name: 'Ulla Høj', email: 'ulla@spire.localhost', roles: ['admin'] })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setSubject('ulla')
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setIssuedAt(claims.issuedAt)
    .setExpirationTime(claims.expiresAt)
    .sign(key);
}

async function failingTokens(): Promise<Pick<typeof tokens, 'forged' | 'expired' | 'wrongIssuer' | 'wrongAudience'>> {
  const { privateJwk } = JSON.parse(readFileSync(join(dataDir, 'dev-issuer-key.json'), 'utf8')) as { privateJwk: JWK };
  const key = await importJWK(privateJwk, 'ES256');
  const kid = privateJwk.kid as string;
  const { issuer, audience } = runtime.issuer;
  const now = Math.floor(Date.now() / 1000);
  const valid = { issuer, audience, issuedAt: now, expiresAt: now + 3600 };
  const throwaway = await generateKeyPair('ES256');
  const tokensFor = {
    forged: await adminToken(throwaway.privateKey, kid, valid),
    expired: await adminToken(key, kid, { ...valid, issuedAt: now - 7200, expiresAt: now - 3600 }),
    wrongIssuer: await adminToken(key, kid, { ...valid, issuer: 'https://login.elsewhere.example' }),
    wrongAudience: await adminToken(key, kid, { ...valid, audience: 'not-spire' }),
  };
  // The same claims with the issuer's own key and nothing wrong pass: each token above fails on its one flaw.
  expect(await runtime.issuer.verify(await adminToken(key, kid, valid))).toBeDefined();
  for (const [name, token] of Object.entries(tokensFor)) expect(await runtime.issuer.verify(token), name).toBeUndefined();
  return tokensFor;
}

// --- Setup --------------------------------------------------------------------------------------

async function acceptedPilot(ideaId: string): Promise<string> {
  const response = await decideNow(cast.tove, ideaId, { decision: 'accept' });
  if (response.status !== 200) throw new Error(`Accept answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { pilot: { id: string } }).pilot.id;
}

async function askQuestion(ideaId: string): Promise<void> {
  const response = await decideNow(cast.tove, ideaId, { decision: 'needs_info', question: 'Hvilke systemer drejer det sig om?' });
  if (response.status !== 200) throw new Error(`needs_info answered ${response.status}: ${await response.text()}`);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'spire-access-matrix-'));
  cast = await startWithCast({ dataDir });
  runtime = cast.runtime;
  tokens = {
    ...(await failingTokens()),
    employee: cast.bent.token,
    owner: cast.anna.token,
    triage: cast.tove.token,
    director: cast.dirk.token,
    admin: cast.ulla.token,
    tokenRight: cast.carl.token,
    tokenWrong: cast.dora.token,
  };

  const titles = ['Adgang: i triage', 'Adgang: spurgt', 'Adgang: trækkes tilbage', 'Adgang: triage beslutter', 'Adgang: admin beslutter', 'Adgang: pilot', 'Adgang: triage gate', 'Adgang: direktør gate'];
  const [submitted, anonymous, anonymousAsked, anonymousToWithdraw] = await Promise.all([
    submitAll(cast.anna, titles.map((title) => ({ ...FRICTION, title }))),
    submitAnonymous(cast.anna, { ...IDEA, title: 'Adgang: anonym' }),
    submitAnonymous(cast.anna, { ...IDEA, title: 'Adgang: anonym, spurgt' }),
    submitAnonymous(cast.anna, { ...IDEA, title: 'Adgang: anonym, trækkes tilbage' }),
  ]);
  const [inTriage, asked, toWithdraw, decideTriage, decideAdmin, pilotIdea, gateTriage, gateDirector] = submitted as [string, string, string, string, string, string, string, string];
  await askQuestion(asked);
  await askQuestion(anonymousAsked.id);
  fixtures = {
    inTriage,
    asked,
    toWithdraw,
    toDecide: { triage: decideTriage, admin: decideAdmin },
    anonymous,
    anonymousAsked,
    anonymousToWithdraw,
    pilot: await acceptedPilot(pilotIdea),
    toGate: { triage: await acceptedPilot(gateTriage), director: await acceptedPilot(gateDirector) },
  };
});

afterAll(async () => {
  await runtime?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

// --- The test -----------------------------------------------------------------------------------

const routeOf = (row: string): string => row.replace(/ \(anonymous\)$/, '');

describe('the access matrix', () => {
  it('has a row for every route of the description, and no other', () => {
    const described = ROUTES.map((route) => `${route.method} ${route.path}`).sort();
    expect([...new Set(Object.keys(MATRIX).map(routeOf))].sort()).toEqual(described);
    expect(Object.keys(REQUESTS).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('agrees with the roles the API contract gives each route (x-spire-roles in docs/openapi.json)', () => {
    // A role may call a route when its caller is not refused with 403 (a 404 for somebody else's idea is still a caller the route serves).
    const ROLE_CALLERS = { employee: 'employee', triage: 'triage', director: 'director', admin: 'admin' } as const;
    const operations = (CONTRACT as { paths: Record<string, Record<string, { 'x-spire-roles'?: string[] }>> }).paths;
    for (const [row, expected] of Object.entries(MATRIX)) {
      if (row.endsWith(' (anonymous)')) continue;
      const [method = '', path = ''] = row.split(' ');
      const documented = operations[path]?.[method.toLowerCase()]?.['x-spire-roles'];
      const allowed = Object.entries(ROLE_CALLERS)
        .filter(([, caller]) => expected[caller] !== 403 && expected[caller] !== 401)
        .map(([role]) => role);
      const isPublic = expected.none !== 401;
      expect(documented === undefined ? undefined : [...documented].sort(), row).toEqual(isPublic ? [] : allowed.sort());
    }
  });

  for (const [row, expected] of Object.entries(MATRIX)) {
    const method = routeOf(row).split(' ')[0] as string;
    const fn = ROUTES.find((route) => `${route.method} ${route.path}` === routeOf(row))?.function;
    const callers = [...CALLERS, ...FOLLOW_UP_CALLERS.filter((caller) => expected[caller] !== undefined)];
    for (const caller of callers) {
      const status = expected[caller] as number;
      it(`${row} × ${caller} → ${status}`, async () => {
        const cell = await (REQUESTS[row] as (caller: Caller) => Promise<Cell>)(caller);
        const authorization: Record<string, string> = caller === 'none' ? {} : { authorization: `Bearer ${tokens[caller]}` };
        const invoked = fn === undefined ? 0 : (runtime.invocations.get(fn) ?? 0);
        const response = await call(runtime, method, cell.path, { ...(cell.body === undefined ? {} : { body: cell.body }), headers: { ...authorization, ...cell.headers } });
        const text = await response.clone().text();
        expect(response.status, text).toBe(status);
        // A refused token never reaches the function.
        if (status === 401 && fn !== undefined) expect(runtime.invocations.get(fn) ?? 0).toBe(invoked);
        if (status >= 400) {
          const problem = await problemOf(response);
          const type = { 401: '/api/problems/unauthorized', 403: '/api/problems/forbidden', 404: '/api/problems/not-found' }[status];
          if (type !== undefined) expect(problem.type).toBe(type);
        }
      });
    }
  }
});

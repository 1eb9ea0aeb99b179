/**
 * The triage console's roles, refusals and service level. This file's runtime has a service level
 * of 0 days, so every idea in triage is overdue at once; inbox, decisions and the dialogue with the
 * submitter are in triage-inbox, triage-decisions and triage-dialogue.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROUTES } from '../../infra/system.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import {
  allItems,
  call,
  consoleEtag,
  copenhagenMidnight,
  dayInCopenhagen,
  decideNow,
  eventually,
  FRICTION,
  IDEA,
  nextDay,
  outbox,
  problemOf,
  settledItems,
  signIn,
  sortedItems,
  startWithCast,
  submitAll,
  type Person,
} from './support.ts';

let runtime: LocalRuntime;
let anna: Person;
let dirk: Person;
let tove: Person;

beforeAll(async () => {
  ({ runtime, anna, dirk, tove } = await startWithCast({ environment: { SPIRE_SWEEPER_MIN_AGE_SECONDS: '0', SPIRE_TRIAGE_SERVICE_LEVEL_DAYS: '0' } }));
});

afterAll(async () => {
  await runtime?.stop();
});

interface Row {
  id: string;
  title: string;
  department: string;
  status: string;
  statusChangedAt: string;
  overdue: boolean;
  daysInStatus: number;
}

async function rows(query: string): Promise<Row[]> {
  const response = await tove.request('GET', `/console/inbox?limit=100&${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Row[] }).items;
}

describe('the service level and the daily digest', () => {
  it('flags ideas waiting in triage past the service level, and e-mails the team one digest a day, longest waiting first', async () => {
    // Prepare
    const [first, second, asked] = (await submitAll(anna, [
      { ...FRICTION, title: 'Ventende bøvl på Ærø', department: 'Ældreplejen Ærøskøbing' },
      { ...IDEA, title: 'Ventende idé om Åbyhøj', department: 'Sundhed og Omsorg Åbyhøj' },
      { ...FRICTION, title: 'Spurgt og ventende', department: 'Ældreplejen Ærøskøbing' },
    ])) as [string, string, string];
    expect((await decideNow(tove, asked, { decision: 'needs_info', question: 'Hvor mange er I på holdet?' })).status).toBe(200);

    // Act
    const inTriage = await rows('status=in_triage&sort=age');
    const needsInfo = await rows('status=needs_info');
    const idea = (await (await tove.request('GET', `/console/ideas/${first}`)).json()) as { overdue: boolean };
    const digest = (await runtime.runSchedule('triageDigest')) as { overdue: number; notificationId: string };
    const repeated = (await runtime.runSchedule('triageDigest')) as { overdue: number; notificationId: string };

    // Assess
    expect(inTriage.map((row) => row.id)).toEqual(expect.arrayContaining([first, second]));
    expect(inTriage.every((row) => row.overdue)).toBe(true);
    expect(needsInfo.find((row) => row.id === asked)?.overdue).toBe(false);
    expect(idea.overdue).toBe(true);
    expect(digest).toEqual({ overdue: inTriage.length, notificationId: `digest.${dayInCopenhagen(new Date())}` });
    expect(repeated.notificationId).toBe(digest.notificationId);
    const mails = await eventually(async () => {
      const sent = await outbox(runtime, 'digitalisering@spire.localhost');
      return sent.length > 0 ? sent : undefined;
    });
    await settledItems(runtime);
    expect(await outbox(runtime, 'digitalisering@spire.localhost')).toHaveLength(1);
    const mail = mails[0] as { subject: string; text: string; language: string };
    expect(mail.language).toBe('da');
    expect(mail.subject).toBe(`${inTriage.length} idéer har ventet mere end 0 dage på en vurdering`);
    expect(mail.text.startsWith('Disse idéer har ventet længere end servicemålet på 0 dage:')).toBe(true);
    expect(mail.text).toContain('- Ventende bøvl på Ærø (Ældreplejen Ærøskøbing): 0 dage — ');
    expect(mail.text).toContain(`- Ventende idé om Åbyhøj (Sundhed og Omsorg Åbyhøj): 0 dage — ${second}`);
    expect(mail.text).not.toContain(asked);
    const listed = [...mail.text.matchAll(/ — ([0-9a-f-]{36})$/gm)].map((match) => match[1]);
    expect(listed).toEqual(inTriage.map((row) => row.id));
  });
});

describe('roles', () => {
  const consoleRoutes = ROUTES.filter((route) => route.path.startsWith('/console'));

  /** A request each console route would take from triage: the right method, a plausible body, the idea's ETag. */
  function requestFor(route: (typeof ROUTES)[number], id: string, etag: string) {
    const bodies: Record<string, object> = {
      'PUT /console/strategy': {},
      'PUT /console/ideas/{id}/scorecard': { scores: { reach: 4 } },
      'POST /console/ideas/{id}/decisions': { decision: 'accept', message: 'Vi går i gang.' },
      'PUT /console/ideas/{id}/assignee': { assignee: { sub: 'anna', name: 'Anna Sørensen' } },
      'POST /console/ideas/{id}/comments': { text: 'Jeg kigger selv på den.', visibility: 'submitter' },
    };
    const body = bodies[`${route.method} ${route.path}`];
    return {
      path: route.path.replace('{id}', id).replace('{n}', '1'),
      init: { ...(body === undefined ? {} : { body }), headers: { 'if-match': route.path.startsWith('/console/strategy') ? '"1"' : etag } },
    };
  }

  /** A director reads pilots and the gates and decides at them (test/integration/pilots.test.ts); every other console route is closed to them. */
  const directorsRoutes = new Set(['GET /console/pilots/{id}', 'POST /console/pilots/{id}/gates', 'GET /console/gates']);

  it('refuses every console route to an employee, and all but the pilots’ gates to a director, with 403, changing nothing', async () => {
    // Prepare
    expect(consoleRoutes.length).toBeGreaterThanOrEqual(10);
    const [id] = (await submitAll(anna, [{ ...FRICTION, title: 'Kun for digitaliseringsteamet' }])) as [string];
    expect((await tove.request('GET', '/console/strategy')).status).toBe(200);
    const etag = await consoleEtag(tove, id);
    const before = sortedItems(await settledItems(runtime));

    // Act
    const answers: [string, Response][] = [];
    for (const person of [anna, dirk]) {
      for (const route of consoleRoutes) {
        if (person === dirk && directorsRoutes.has(`${route.method} ${route.path}`)) continue;
        const { path, init } = requestFor(route, id, etag);
        answers.push([`${route.method} ${route.path}`, await person.request(route.method, path, init)]);
      }
    }

    // Assess
    for (const [route, response] of answers) {
      expect(response.status, route).toBe(403);
      expect((await problemOf(response)).type, route).toBe('/api/problems/forbidden');
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sortedItems(await allItems(runtime.tableName)), 'the table').toEqual(before);
  });

  it('refuses every console route without a token with 401', async () => {
    // Prepare
    const [id] = (await submitAll(anna, [{ ...FRICTION, title: 'Uden adgangstoken' }])) as [string];

    for (const route of consoleRoutes) {
      const { path, init } = requestFor(route, id, '"2"');

      // Act
      const response = await call(runtime, route.method, path, init);

      // Assess
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
      await problemOf(response);
    }
  });
});

describe('bad requests to the console and to the submitter’s routes', () => {
  it('answers each bad body with a 4xx problem document and changes nothing', async () => {
    // Prepare
    const [id, asked] = (await submitAll(anna, ['Forkerte forespørgsler', 'Forkerte svar'].map((title) => ({ ...FRICTION, title })))) as [string, string];
    expect((await decideNow(tove, asked, { decision: 'needs_info', question: 'Hvad mener du præcis?' })).status).toBe(200);
    const etag = await consoleEtag(tove, id);
    const today = dayInCopenhagen(new Date());
    const decisions = `/console/ideas/${id}/decisions`;
    const huge = 'å'.repeat(20_000);
    const cases: { name: string; person?: Person; method?: string; path?: string; body?: string | object | URLSearchParams; headers?: Record<string, string>; status: number; type: string; pointer?: string }[] = [
      { name: 'no decision', body: {}, status: 400, type: 'validation', pointer: '/decision' },
      { name: 'unknown decision', body: { decision: 'approve' }, status: 400, type: 'validation', pointer: '/decision' },
      { name: 'needs_info without a question', body: { decision: 'needs_info' }, status: 400, type: 'validation', pointer: '/question' },
      { name: 'needs_info with a blank question', body: { decision: 'needs_info', question: '   \u0007  ' }, status: 400, type: 'validation', pointer: '/question' },
      { name: 'accept with an unknown field', body: { decision: 'accept', pilotStage: 'pilot' }, status: 400, type: 'validation' },
      { name: 'park without a day', body: { decision: 'park' }, status: 400, type: 'validation', pointer: '/revisitOn' },
      { name: 'park today', body: { decision: 'park', revisitOn: today }, status: 400, type: 'validation', pointer: '/revisitOn' },
      { name: 'park in the past', body: { decision: 'park', revisitOn: '2020-01-01' }, status: 400, type: 'validation', pointer: '/revisitOn' },
      { name: 'park on no day', body: { decision: 'park', revisitOn: `${nextDay(today, 400).slice(0, 4)}-02-30` }, status: 400, type: 'validation', pointer: '/revisitOn' },
      { name: 'park on a Danish date', body: { decision: 'park', revisitOn: '1. marts 2030' }, status: 400, type: 'validation', pointer: '/revisitOn' },
      { name: 'decline without a reason', body: { decision: 'decline', message: 'Nej tak.' }, status: 400, type: 'validation', pointer: '/reasonCode' },
      { name: 'decline for an unknown reason', body: { decision: 'decline', reasonCode: 'boring', message: 'Nej tak.' }, status: 400, type: 'validation', pointer: '/reasonCode' },
      { name: 'decline without a message', body: { decision: 'decline', reasonCode: 'no_capacity' }, status: 400, type: 'validation', pointer: '/message' },
      { name: 'duplicate into nothing', body: { decision: 'duplicate' }, status: 400, type: 'validation', pointer: '/into' },
      { name: 'duplicate into itself', body: { decision: 'duplicate', into: id }, status: 400, type: 'validation', pointer: '/into' },
      { name: 'redirect nowhere known', body: { decision: 'redirect', to: 'mayor', message: 'Til borgmesteren.' }, status: 400, type: 'validation', pointer: '/to' },
      { name: 'redirect without a message', body: { decision: 'redirect', to: 'hr' }, status: 400, type: 'validation', pointer: '/message' },
      { name: 'a message too long', body: { decision: 'accept', message: 'æ'.repeat(2001) }, status: 400, type: 'validation', pointer: '/message' },
      { name: 'not JSON', body: '{"decision":"accept"', headers: { 'content-type': 'application/json' }, status: 400, type: 'malformed-body' },
      { name: 'a JSON array', body: '[{"decision":"accept"}]', headers: { 'content-type': 'application/json' }, status: 400, type: 'malformed-body' },
      { name: 'a form', body: new URLSearchParams({ decision: 'accept' }), status: 415, type: 'unsupported-media-type' },
      { name: 'too large', body: { decision: 'accept', message: huge }, status: 413, type: 'payload-too-large' },
      { name: 'an idea that does not exist', path: '/console/ideas/3f1e2d4c-5b6a-4978-8c9d-0e1f2a3b4c5d/decisions', body: { decision: 'accept' }, status: 404, type: 'not-found' },
      { name: 'an id that is no id', path: '/console/ideas/ikke-et-id/decisions', body: { decision: 'accept' }, status: 400, type: 'validation' },
      { name: 'assignee missing', method: 'PUT', path: `/console/ideas/${id}/assignee`, body: {}, status: 400, type: 'validation', pointer: '/assignee' },
      { name: 'assignee as text', method: 'PUT', path: `/console/ideas/${id}/assignee`, body: { assignee: 'tove' }, status: 400, type: 'validation', pointer: '/assignee' },
      { name: 'assignee without sub', method: 'PUT', path: `/console/ideas/${id}/assignee`, body: { assignee: { name: 'Tove' } }, status: 400, type: 'validation', pointer: '/assignee/sub' },
      { name: 'assignee without If-Match', method: 'PUT', path: `/console/ideas/${id}/assignee`, body: { assignee: null }, headers: { 'if-match': '' }, status: 428, type: 'precondition-required' },
      { name: 'comment without text', path: `/console/ideas/${id}/comments`, body: { visibility: 'internal' }, status: 400, type: 'validation', pointer: '/text' },
      { name: 'comment of blanks', path: `/console/ideas/${id}/comments`, body: { text: ' \n\t ' }, status: 400, type: 'validation', pointer: '/text' },
      { name: 'comment to the public', path: `/console/ideas/${id}/comments`, body: { text: 'Hej alle', visibility: 'public' }, status: 400, type: 'validation', pointer: '/visibility' },
      { name: 'comment with an author', path: `/console/ideas/${id}/comments`, body: { text: 'Hej', author: 'Tove' }, status: 400, type: 'validation' },
      { name: 'comment on no idea', path: '/console/ideas/3f1e2d4c-5b6a-4978-8c9d-0e1f2a3b4c5d/comments', body: { text: 'Hej' }, status: 404, type: 'not-found' },
      { name: 'answer of nothing', person: anna, path: `/ideas/${asked}/answers`, body: { answer: '' }, status: 400, type: 'validation', pointer: '/answer' },
      { name: 'answer missing', person: anna, path: `/ideas/${asked}/answers`, body: {}, status: 400, type: 'validation', pointer: '/answer' },
      { name: 'answer with extras', person: anna, path: `/ideas/${asked}/answers`, body: { answer: 'Ja', status: 'accepted' }, status: 400, type: 'validation' },
      { name: 'answer sent twice in a form', person: anna, path: `/ideas/${asked}/answers`, body: 'answer=ja&answer=nej', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 400, type: 'malformed-body' },
      { name: 'answer as text', person: anna, path: `/ideas/${asked}/answers`, body: 'Ja', headers: { 'content-type': 'text/plain' }, status: 415, type: 'unsupported-media-type' },
      { name: 'withdraw with a numeric reason', person: anna, path: `/ideas/${id}/withdraw`, body: { reason: 42 }, status: 400, type: 'validation', pointer: '/reason' },
      { name: 'withdraw with extras', person: anna, path: `/ideas/${id}/withdraw`, body: { reason: 'Nej', status: 'declined' }, status: 400, type: 'validation' },
    ];
    const before = sortedItems(await settledItems(runtime));

    // Act
    const answers: [(typeof cases)[number], Response][] = [];
    for (const testCase of cases) {
      const person = testCase.person ?? tove;
      const response = await person.request(testCase.method ?? 'POST', testCase.path ?? decisions, {
        ...(testCase.body === undefined ? {} : { body: testCase.body }),
        headers: { 'if-match': etag, ...testCase.headers },
      });
      answers.push([testCase, response]);
    }

    // Assess
    for (const [testCase, response] of answers) {
      expect(response.status, testCase.name).toBe(testCase.status);
      const problem = await problemOf(response);
      expect(problem.type, testCase.name).toBe(`/api/problems/${testCase.type}`);
      expect(typeof problem['title'], testCase.name).toBe('string');
      if (testCase.pointer !== undefined) expect((problem['errors'] as { pointer: string }[]).map((error) => error.pointer), testCase.name).toContain(testCase.pointer);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sortedItems(await allItems(runtime.tableName)), 'the table').toEqual(before);
  });

  it('refuses a revisit day that has already begun in Copenhagen though it is still the day before in UTC', async () => {
    // Prepare: half past midnight in Copenhagen, when UTC still shows the previous day.
    const [id] = (await submitAll(anna, [{ ...FRICTION, title: 'Parkering ved midnat' }])) as [string];
    const today = dayInCopenhagen(new Date());
    const moment = new Date(copenhagenMidnight(today).getTime() + 30 * 60_000);
    expect(moment.toISOString().slice(0, 10)).not.toBe(today);
    const etag = await consoleEtag(tove, id);

    // Act
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(moment);
    let sameDay: Response;
    let nextDayAnswer: Response;
    try {
      const staff = await signIn(runtime, 'tove', ['triage'], 'Tove Ågård');
      sameDay = await staff.request('POST', `/console/ideas/${id}/decisions`, { body: { decision: 'park', revisitOn: today }, headers: { 'if-match': etag } });
      nextDayAnswer = await staff.request('POST', `/console/ideas/${id}/decisions`, { body: { decision: 'park', revisitOn: nextDay(today) }, headers: { 'if-match': etag } });
    } finally {
      vi.useRealTimers();
    }

    // Assess
    expect(sameDay.status).toBe(400);
    expect(((await problemOf(sameDay))['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(['/revisitOn']);
    expect(nextDayAnswer.status).toBe(200);
  });
});

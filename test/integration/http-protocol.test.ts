import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { call, FRICTION, problemOf, settledItems, signIn, sortedItems, startTestRuntime, type Person } from './support.ts';

let runtime: LocalRuntime;
let anna: Person;

beforeAll(async () => {
  runtime = await startTestRuntime();
  anna = await signIn(runtime, 'anna', ['employee'], 'Anna Sørensen');
});

afterAll(async () => {
  await runtime?.stop();
});

/** The headers every answer carries, success or problem. */
function expectStandardHeaders(response: Response): void {
  expect(response.headers.get('x-content-type-options'), `${response.status} x-content-type-options`).toBe('nosniff');
  expect(response.headers.get('cache-control'), `${response.status} cache-control`).toBe('no-store');
}

describe('headers of every answer', () => {
  it('forbids caching and sniffing of successes, of problems from a function and from the runtime, and of the development routes', async () => {
    // Act
    const answers = {
      health: await call(runtime, 'GET', '/health'),
      submitted: await anna.request('POST', '/ideas', { body: FRICTION }),
      functionProblem: await anna.request('GET', '/ideas/4b1e3a7c-9d2f-4e8a-b5c6-0f1e2d3c4b5a'),
      validationProblem: await anna.request('POST', '/ideas', { body: { ...FRICTION, title: 'x' } }),
      unauthorized: await call(runtime, 'GET', '/ideas/mine'),
      unknownPath: await anna.request('GET', '/nowhere'),
      wrongMethod: await anna.request('DELETE', '/ideas/mine'),
      devToken: await call(runtime, 'POST', '/dev/token', { body: { sub: 'bent' } }),
    };

    // Assess
    expect(Object.fromEntries(Object.entries(answers).map(([name, response]) => [name, response.status]))).toEqual({
      health: 200,
      submitted: 202,
      functionProblem: 404,
      validationProblem: 400,
      unauthorized: 401,
      unknownPath: 404,
      wrongMethod: 405,
      devToken: 200,
    });
    for (const response of Object.values(answers)) expectStandardHeaders(response);
  });
});

describe('requests the local runtime cannot route', () => {
  it.each<[string, string, string]>([
    ['DELETE', '/ideas/mine', 'GET'],
    ['PUT', '/ideas', 'POST'],
    ['GET', '/console/ideas/4b1e3a7c-9d2f-4e8a-b5c6-0f1e2d3c4b5a/decisions', 'POST'],
    ['POST', '/console/strategy', 'GET, PUT'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    // Act
    const response = await anna.request(method, path);

    // Assess
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(await problemOf(response)).toMatchObject({ type: '/api/problems/method-not-allowed', allowed: allow.split(', ') });
  });

  it('answers 405 before asking for a token, as a route that does not exist is answered', async () => {
    // Act
    const response = await call(runtime, 'PATCH', '/ideas');

    // Assess
    expect(response.status).toBe(405);
  });

  it('still answers 404 for a path no route has', async () => {
    // Act
    const response = await anna.request('GET', '/ideas/4b1e3a7c-9d2f-4e8a-b5c6-0f1e2d3c4b5a/nowhere');

    // Assess
    expect(response.status).toBe(404);
    expect((await problemOf(response)).type).toBe('/api/problems/not-found');
  });

  it('answers a request target that is no URL (//) with 404, not 500', async () => {
    // Act
    const response = await anna.request('GET', '//');

    // Assess
    expect(response.status).toBe(404);
    expect((await problemOf(response)).type).toBe('/api/problems/not-found');
    expectStandardHeaders(response);
  });

  it.each([
    ['GET', '/ideas/%E0%A4%A', '/id'],
    ['GET', '/ideas/%ZZ', '/id'],
    ['POST', '/ideas/%ED%A0%80/withdraw', '/id'],
    ['PATCH', '/console/pilots/%', '/id'],
  ])('answers %s %s, whose path parameter is not percent-encoded UTF-8, with 400 on %s', async (method, path, pointer) => {
    // Act
    const response = await anna.request(method, path, method === 'GET' ? {} : { body: {} });

    // Assess
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ type: '/api/problems/validation', errors: [{ pointer }] });
    expectStandardHeaders(response);
  });
});

describe('bodies that parse two ways', () => {
  const withTitleTwice = `{"kind":"friction","title":"Første titel","description":"${FRICTION.description}","department":"${FRICTION.department}","frequency":4,"frequencyUnit":"day","minutesEach":5,"peopleAffected":12,"title":"Anden titel"}`;

  it('refuses JSON with a key twice in one object with 400, storing nothing', async () => {
    // Prepare
    const before = sortedItems(await settledItems(runtime));

    // Act
    const response = await anna.request('POST', '/ideas', { body: withTitleTwice, headers: { 'content-type': 'application/json' } });

    // Assess
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ type: '/api/problems/malformed-body', detail: 'Nøglen /title står to gange i samme objekt.' });
    expect(sortedItems(await settledItems(runtime))).toEqual(before);
  });

  it('refuses a form with the field __proto__ sent twice with 400, storing nothing', async () => {
    // Prepare
    const before = sortedItems(await settledItems(runtime));
    const form = new URLSearchParams({ ...FRICTION, frequency: '4', minutesEach: '5', peopleAffected: '12' });
    form.append('__proto__', 'a');
    form.append('__proto__', 'b');

    // Act
    const response = await anna.request('POST', '/ideas', { body: form, headers: { 'accept-language': 'en' } });

    // Assess
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ type: '/api/problems/malformed-body', detail: 'The field __proto__ is not allowed.' });
    expect(sortedItems(await settledItems(runtime))).toEqual(before);
  });
});

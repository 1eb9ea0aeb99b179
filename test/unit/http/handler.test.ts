import { describe, expect, it, vi } from 'vitest';
import { NotFoundError, ValidationError } from '../../../shared/http/errors.ts';
import { httpRoute, publicRoute, type HttpRequest } from '../../../shared/http/handler.ts';
import { json } from '../../../shared/http/response.ts';
import { bodyOf, employeeClaims, httpEvent, lambdaContext, REQUEST_ID } from '../support/lambda.ts';

describe('httpRoute', () => {
  it('hands the route the verified caller and the caller’s language', async () => {
    // Prepare
    const seen: Omit<HttpRequest, 'event' | 'context'>[] = [];
    const handler = httpRoute(async ({ caller, language }) => {
      seen.push({ caller, language });
      return json(200, {});
    });
    const event = httpEvent({ headers: { 'accept-language': 'en-GB,en;q=0.9,da;q=0.5' }, claims: employeeClaims('user-7', { roles: '[triage employee]' }) });

    // Act
    await handler(event, lambdaContext());

    // Assess
    expect(seen).toEqual([{ caller: { sub: 'user-7', name: 'Birthe Sørensen', roles: ['employee', 'triage'] }, language: 'en' }]);
  });

  it('answers 401 without calling the route when the token has no subject', async () => {
    // Prepare
    const route = vi.fn(async () => json(200, {}));
    const handler = httpRoute(route);

    // Act
    const response = await handler(httpEvent({ claims: null }), lambdaContext());

    // Assess
    expect(route).not.toHaveBeenCalled();
    expect(response.statusCode).toBe(401);
    expect(response.headers).toMatchObject({ 'www-authenticate': 'Bearer' });
    expect(bodyOf(response)['title']).toBe('Du skal være logget ind');
  });

  it('turns an HttpError into a problem in the caller’s language', async () => {
    // Prepare
    const handler = httpRoute(async () => {
      throw new ValidationError([{ pointer: '/title', detail: 'Required' }]);
    });

    // Act
    const response = await handler(httpEvent({ headers: { 'accept-language': 'en' } }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(bodyOf(response)).toMatchObject({ title: 'Some fields are not filled in correctly', errors: [{ pointer: '/title', detail: 'Required' }] });
  });

  it('answers in Danish when the caller names no language', async () => {
    // Prepare
    const handler = httpRoute(async () => {
      throw new NotFoundError();
    });

    // Act
    const response = await handler(httpEvent(), lambdaContext());

    // Assess
    expect(response.headers?.['content-language']).toBe('da');
    expect(bodyOf(response)['title']).toBe('Findes ikke');
  });

  it('hides an unexpected error behind a 500 that names the request id', async () => {
    // Prepare
    const handler = httpRoute(async () => {
      throw new Error('ProvisionedThroughputExceeded on table spire-prod; secret=hunter2');
    });

    // Act
    const response = await handler(httpEvent({ headers: { 'accept-language': 'en' } }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain(REQUEST_ID);
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('ProvisionedThroughputExceeded');
  });
});

describe('publicRoute', () => {
  it('answers without a token', async () => {
    // Prepare
    const handler = publicRoute(async () => json(200, { status: 'ok' }));

    // Act
    const response = await handler(httpEvent({ claims: null }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
  });

  it('maps errors the same way as an authenticated route', async () => {
    // Prepare
    const handler = publicRoute(async () => {
      throw new Error('boom');
    });

    // Act
    const response = await handler(httpEvent({ claims: null }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(500);
    expect(bodyOf(response)['type']).toBe('/api/problems/internal');
  });
});

describe('headers of every answer a route gives', () => {
  const STANDARD = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

  it.each<[string, () => Promise<unknown>]>([
    ['a JSON success', async () => json(200, { ok: true })],
    ['an answer built by hand (the CSV export)', async () => ({ statusCode: 200, headers: { 'content-type': 'text/csv; charset=utf-8' }, body: 'a;b' })],
    ['an answer without headers', async () => ({ statusCode: 204 })],
    ['a problem', async () => Promise.reject(new NotFoundError())],
    ['a 500', async () => Promise.reject(new Error('boom'))],
  ])('forbids caching and sniffing of %s from an authenticated route', async (_case, route) => {
    // Prepare
    const handler = httpRoute(route as () => Promise<ReturnType<typeof json>>);

    // Act
    const response = await handler(httpEvent(), lambdaContext());

    // Assess
    expect(response.headers).toMatchObject(STANDARD);
  });

  it('forbids caching and sniffing of a 401 for a token without a subject', async () => {
    // Act
    const response = await httpRoute(async () => json(200, {}))(httpEvent({ claims: null }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(401);
    expect(response.headers).toMatchObject(STANDARD);
  });

  it.each<[string, () => Promise<unknown>]>([
    ['an answer built by hand', async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{}' })],
    ['a 500', async () => Promise.reject(new Error('boom'))],
  ])('forbids caching and sniffing of %s from a public route', async (_case, route) => {
    // Act
    const response = await publicRoute(route as () => Promise<ReturnType<typeof json>>)(httpEvent({ claims: null }), lambdaContext());

    // Assess
    expect(response.headers).toMatchObject(STANDARD);
  });
});

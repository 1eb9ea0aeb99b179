import { describe, expect, it } from 'vitest';
import { callerFrom, parseRoles } from '../../../shared/http/auth.ts';
import { UnauthorizedError } from '../../../shared/http/errors.ts';
import { employeeClaims, httpEvent } from '../support/lambda.ts';
import { thrownBy } from '../support/errors.ts';

const sorted = (roles: readonly string[]) => [...roles].sort();

describe('parseRoles', () => {
  it.each<[string, unknown, string[]]>([
    ['API Gateway text form', '[triage employee]', ['employee', 'triage']],
    ['API Gateway text form with one role', '[admin]', ['admin', 'employee']],
    ['a plain array', ['triage', 'director'], ['director', 'employee', 'triage']],
    ['JSON text', '["admin","director"]', ['admin', 'director', 'employee']],
    ['JSON text with spaces', ' [ "triage" , "employee" ] ', ['employee', 'triage']],
    ['space-separated text', 'triage director', ['director', 'employee', 'triage']],
    ['comma-separated text', 'triage,director', ['director', 'employee', 'triage']],
    ['comma-and-space-separated text', 'triage, admin', ['admin', 'employee', 'triage']],
    ['one role as text', 'triage', ['employee', 'triage']],
  ])('reads %s', (_form, claim, expected) => {
    // Act
    const roles = parseRoles(claim);

    // Assess
    expect(sorted(roles)).toEqual(expected);
  });

  it.each<[string, unknown, string[]]>([
    ['text form', '[superuser triage root]', ['employee', 'triage']],
    ['array', ['triage', 'Triage', 'owner'], ['employee', 'triage']],
    ['JSON text', '["director","hacker"]', ['director', 'employee']],
    ['array with non-text entries', [42, null, { role: 'admin' }, 'admin'], ['admin', 'employee']],
  ])('drops unknown roles (%s)', (_form, claim, expected) => {
    // Act
    const roles = parseRoles(claim);

    // Assess
    expect(sorted(roles)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['empty text form', '[]'],
    ['empty text', ''],
    ['empty array', []],
    ['a number', 42],
    ['an object', { roles: ['triage'] }],
    ['JSON that is not an array', '["triage"'],
    ['JSON object text', '{"roles":["triage"]}'],
  ])('makes every authenticated caller an employee (claim %s)', (_case, claim) => {
    // Act
    const roles = parseRoles(claim);

    // Assess
    expect(roles).toEqual(['employee']);
  });

  it.each(['[triage]', ['director'], '["admin"]', 'triage,director'])('keeps employee beside other roles in %j', (claim) => {
    // Act
    const roles = parseRoles(claim);

    // Assess
    expect(roles).toContain('employee');
  });

  it('lists each role once', () => {
    // Act
    const roles = parseRoles('[triage employee triage employee]');

    // Assess
    expect(sorted(roles)).toEqual(['employee', 'triage']);
  });
});

describe('callerFrom', () => {
  it('reads subject, name and roles from the JWT authorizer claims', () => {
    // Prepare
    const event = httpEvent({ claims: employeeClaims('user-42', { name: 'Åse Ødegård', roles: '[triage employee]' }) });

    // Act
    const caller = callerFrom(event);

    // Assess
    expect(caller).toEqual({ sub: 'user-42', name: 'Åse Ødegård', roles: expect.arrayContaining(['employee', 'triage']) });
    expect(caller.roles).toHaveLength(2);
  });

  it('reads the roles from the configured claim', () => {
    // Prepare
    const event = httpEvent({ claims: employeeClaims('user-42', { roles: '[employee]', spire_roles: '[admin]' }) });

    // Act
    const caller = callerFrom(event, 'spire_roles');

    // Assess
    expect(sorted(caller.roles)).toEqual(['admin', 'employee']);
  });

  it.each([
    ['missing', {}],
    ['empty', { name: '' }],
  ])('leaves the name out when the claim is %s', (_case, overrides) => {
    // Prepare
    const { name: _name, ...claims } = employeeClaims('user-42');
    const event = httpEvent({ claims: { ...claims, ...overrides } });

    // Act
    const caller = callerFrom(event);

    // Assess
    expect(caller).not.toHaveProperty('name');
  });

  it('refuses a request without an authorizer with 401', () => {
    // Prepare
    const event = httpEvent({ claims: null });

    // Act
    const error = thrownBy(() => callerFrom(event));

    // Assess
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as UnauthorizedError).status).toBe(401);
  });

  it.each([
    ['no claims at all', {}],
    ['no subject', { name: 'Birthe', roles: '[triage]' }],
    ['an empty subject', { sub: '', roles: '[triage]' }],
  ])('refuses a token with %s', (_case, claims) => {
    // Prepare
    const event = httpEvent({ claims });

    // Act
    const error = thrownBy(() => callerFrom(event));

    // Assess
    expect(error).toBeInstanceOf(UnauthorizedError);
  });

  it('refuses a subject that is not text', () => {
    // Prepare
    const event = httpEvent();
    event.requestContext.authorizer.jwt.claims = { sub: 12345, roles: '[triage]' };

    // Act
    const error = thrownBy(() => callerFrom(event));

    // Assess
    expect(error).toBeInstanceOf(UnauthorizedError);
  });
});

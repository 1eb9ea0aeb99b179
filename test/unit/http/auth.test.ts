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
    ['API Gateway text form with three roles', '[triage director admin]', ['admin', 'director', 'employee', 'triage']],
    ['one role as a plain string claim', 'triage', ['employee', 'triage']],
  ])('reads %s', (_form, claim, expected) => {
    // Act
    const roles = parseRoles(claim);

    // Assess
    expect(sorted(roles)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['JSON text of one value holding a space', '["employee admin"]'],
    ['JSON text', '["admin","director"]'],
    ['JSON text with spaces', ' [ "admin" , "employee" ] '],
    ['a plain array, which API Gateway never passes', ['admin', 'director']],
    ['an array of one value holding a space', ['employee admin']],
    ['space-separated text without brackets', 'employee admin'],
    ['comma-separated text', 'triage,admin'],
    ['comma-separated text in brackets', '[triage,admin]'],
    ['comma-and-space-separated text', 'triage, admin'],
    ['the text form with space outside the brackets', ' [admin] '],
    ['an opening bracket only', '[admin'],
    ['a closing bracket only', 'admin]'],
    ['a role in another case', '[Admin]'],
  ])('reads no role beyond employee from %s', (_form, claim) => {
    // Act
    const roles = parseRoles(claim);

    // Assess
    expect(roles).toEqual(['employee']);
  });

  it.each<[string, unknown, string[]]>([
    ['text form', '[superuser triage root]', ['employee', 'triage']],
    ['plain string', 'superuser', ['employee']],
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
    ['JSON object text', '{"roles":["triage"]}'],
  ])('makes every authenticated caller an employee (claim %s)', (_case, claim) => {
    // Act
    const roles = parseRoles(claim);

    // Assess
    expect(roles).toEqual(['employee']);
  });

  it.each(['[triage]', 'director', '[admin director]'])('keeps employee beside other roles in %j', (claim) => {
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

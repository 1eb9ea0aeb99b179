import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { ROLES, type Caller, type Role } from '../domain/roles.ts';
import { UnauthorizedError } from './errors.ts';

/**
 * The caller, from the claims that API Gateway's JWT authorizer verified and put in the event
 * (the local runtime plays that authorizer and fills the same place).
 *
 * API Gateway hands array claims over as text, `"[triage employee]"` (see parseRoles). Unknown
 * roles are ignored.
 */
export function callerFrom(event: APIGatewayProxyEventV2WithJWTAuthorizer, rolesClaim = 'roles'): Caller {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const sub = claims?.['sub'];
  if (typeof sub !== 'string' || sub === '') throw new UnauthorizedError();
  const name = claims?.['name'];
  const email = emailOf(claims);
  return {
    sub,
    ...(typeof name === 'string' && name !== '' ? { name } : {}),
    ...(email === undefined ? {} : { email }),
    roles: parseRoles(claims?.[rolesClaim]),
  };
}

/**
 * The roles claim, read exactly as API Gateway's JWT authorizer hands it over, and no looser: it
 * turns a token's array into text, its values in brackets separated by one space each
 * (`["triage","admin"]` becomes `"[triage admin]"`, `["admin"]` becomes `"[admin]"`); a claim that
 * is a single string in the token arrives as that string (`"admin"`). Only those two forms are
 * read. JSON text (`'["admin"]'`), comma-separated text and anything that is not text give no
 * roles, so a value can never be read as two: `"employee admin"` as one string is no role, and
 * `"[employee admin]"` is two only because that is how the array of two arrives. (An array whose
 * one value holds a space, `["employee admin"]`, would arrive as the same text; Entra ID's app
 * role values cannot contain spaces, and the development issuer only signs known roles.) Every
 * caller is an employee.
 */
export function parseRoles(claim: unknown): Role[] {
  let values: string[] = [];
  if (typeof claim === 'string') {
    values = claim.startsWith('[') && claim.endsWith(']') ? claim.slice(1, -1).split(' ') : [claim];
  }
  const roles = new Set<Role>(['employee']);
  for (const value of values) {
    if ((ROLES as readonly string[]).includes(value)) roles.add(value as Role);
  }
  return [...roles];
}

/**
 * The caller's e-mail address: the `email` claim, or Entra ID's `preferred_username` or `upn`
 * when they hold an address (Entra ID leaves `email` out unless the tenant adds it).
 */
function emailOf(claims: Record<string, unknown> | undefined): string | undefined {
  for (const claim of ['email', 'preferred_username', 'upn']) {
    const value = claims?.[claim];
    if (typeof value === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return value;
  }
  return undefined;
}

import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { ROLES, type Caller, type Role } from '../domain/roles.ts';
import { UnauthorizedError } from './errors.ts';

/**
 * The caller, from the claims that API Gateway's JWT authorizer verified and put in the event
 * (the local runtime plays that authorizer and fills the same place).
 *
 * API Gateway hands array claims over as text, `"[triage employee]"`; a plain array, a JSON
 * array and space- or comma-separated text are read too. Unknown roles are ignored.
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

export function parseRoles(claim: unknown): Role[] {
  let values: unknown[] = [];
  if (Array.isArray(claim)) {
    values = claim;
  } else if (typeof claim === 'string') {
    const text = claim.trim();
    if (text.startsWith('[') && text.includes('"')) {
      try {
        const parsed: unknown = JSON.parse(text);
        values = Array.isArray(parsed) ? parsed : [];
      } catch {
        values = [];
      }
    } else {
      values = text.replace(/^\[|\]$/g, '').split(/[\s,]+/);
    }
  }
  const roles = new Set<Role>(['employee']);
  for (const value of values) {
    if (typeof value === 'string' && (ROLES as readonly string[]).includes(value)) roles.add(value as Role);
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

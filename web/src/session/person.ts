/**
 * Who is signed in, as the pages need it to show the right menu and pages: the subject, the name
 * and the roles. The roles are read from the `roles` claim of the ID token's profile (the local
 * provider puts them there) and of the access token (where Entra ID puts the API's app roles);
 * the pages only decide what to show with them: the API decides what each person may do.
 */
import type { Role } from '../../../shared/domain/roles.ts';
import { ROLES } from '../../../shared/domain/roles.ts';
import { currentUser } from './session.ts';

export interface SignedInPerson {
  sub: string;
  name?: string;
  roles: Role[];
}

/** The roles a claim names, as the API reads an array or a single value; everybody is an employee. */
export function rolesOfClaims(...claims: unknown[]): Role[] {
  const named = new Set<string>(['employee']);
  for (const claim of claims) {
    const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(' ') : [];
    for (const value of values) if (typeof value === 'string') named.add(value);
  }
  return ROLES.filter((role) => named.has(role));
}

/** The claims of a JWT's payload, unverified (the API verifies it); none when it is not one. */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (payload === undefined) return {};
  try {
    const json = atob(payload.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(json, (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The signed-in person, or undefined when nobody is. */
export async function signedInPerson(): Promise<SignedInPerson | undefined> {
  const user = await currentUser();
  if (user === null) return undefined;
  const profile = user.profile as Record<string, unknown>;
  const name = typeof profile['name'] === 'string' ? profile['name'] : undefined;
  return {
    sub: user.profile.sub,
    ...(name === undefined ? {} : { name }),
    roles: rolesOfClaims(profile['roles'], jwtClaims(user.access_token)['roles']),
  };
}

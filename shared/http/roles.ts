import type { Caller, Role } from '../domain/roles.ts';
import { ForbiddenError } from './errors.ts';

/** Refuses the request (403) unless the caller has one of the roles. */
export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!roles.some((role) => caller.roles.includes(role))) {
    throw new ForbiddenError({
      da: 'Din rolle giver ikke adgang til dette.',
      en: 'Your role does not give access to this.',
    });
  }
}

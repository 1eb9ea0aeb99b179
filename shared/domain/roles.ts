/** Roles come from a claim in the caller's access token; what each may do: docs/concepts.md, "Roles" (and docs/deploying.md, "The app roles"). */
export const ROLES = ['employee', 'triage', 'director', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The authenticated person behind a request. Everyone authenticated is an employee. */
export interface Caller {
  sub: string;
  name?: string;
  /** Where the person gets e-mail about their ideas, when the token says. */
  email?: string;
  roles: readonly Role[];
}

/** The caller as the audit trail and the idea name them: subject and name, never the address. */
export function personOf(caller: Caller): { sub: string; name?: string } {
  return { sub: caller.sub, ...(caller.name === undefined ? {} : { name: caller.name }) };
}

/** Triage work is open to the digitalisation team and to the system owner. */
export function isTriage(caller: Caller): boolean {
  return caller.roles.includes('triage') || caller.roles.includes('admin');
}

/** Roles come from a claim in the caller's access token (see ../shared/DESIGN.md, "Roles"). */
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

/** Triage work is open to the digitalisation team and to the system owner. */
export function isTriage(caller: Caller): boolean {
  return caller.roles.includes('triage') || caller.roles.includes('admin');
}

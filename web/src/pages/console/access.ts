/**
 * What the console shows each role, by the API's access table (docs/api.md): triage and admin
 * work in the inbox and on ideas; a director reads the pipeline's figures but no idea; anybody
 * else has no console. Pure: the pages show with it, the API decides.
 */
import type { Role } from '../../../../shared/domain/roles.ts';

export type ConsoleAccess = 'triage' | 'director' | 'none';

export function consoleAccess(roles: readonly Role[]): ConsoleAccess {
  if (roles.includes('triage') || roles.includes('admin')) return 'triage';
  if (roles.includes('director')) return 'director';
  return 'none';
}

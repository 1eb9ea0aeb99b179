/**
 * What each console page shows each role, by the API's access table (docs/api.md): the one place
 * the pages decide it, for the pages' gate (./ConsoleOnly.tsx) and the header's menu alike. Pure:
 * the pages show with it, the API decides what anybody may do.
 */
import type { Role } from '../../../../shared/domain/roles.ts';

export type ConsolePage = 'home' | 'idea' | 'strategy' | 'gates';

/** All the page has (`full`), or only what the role may read (`read`); undefined: not the page for them. */
export type PageAccess = 'full' | 'read';

const ACCESS: Record<ConsolePage, Partial<Record<Role, PageAccess>>> = {
  // The inbox for the team and the system owner; a director reads the pipeline's figures, no idea.
  home: { triage: 'full', admin: 'full', director: 'read' },
  idea: { triage: 'full', admin: 'full' },
  // The team reads the strategy and its versions and re-scores; only the system owner changes it.
  strategy: { admin: 'full', triage: 'read' },
  gates: { admin: 'full', triage: 'read', director: 'read' },
};

/** The most any of the person's roles gives them on the page. */
export function pageAccess(roles: readonly Role[], page: ConsolePage): PageAccess | undefined {
  const given = roles.map((role) => ACCESS[page][role]);
  return given.includes('full') ? 'full' : given.includes('read') ? 'read' : undefined;
}

/** The console's pages the header's menu may link; an idea is reached from the inbox. */
export type MenuPage = Exclude<ConsolePage, 'idea'>;

/**
 * The console's pages the header's menu links for a person: the console for whoever has one, the
 * strategy for those who work with it (the team reads it and re-scores from it), the gate
 * checklists for everybody who decides at the gates or keeps them (only the system owner edits).
 */
export function menuPages(roles: readonly Role[]): MenuPage[] {
  const pages: MenuPage[] = [];
  if (pageAccess(roles, 'home') !== undefined) pages.push('home');
  if (pageAccess(roles, 'strategy') !== undefined) pages.push('strategy');
  if (pageAccess(roles, 'gates') !== undefined) pages.push('gates');
  return pages;
}

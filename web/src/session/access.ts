/**
 * Which role sees which page, by the API's access table (docs/api.md): the one place the pages
 * decide it, for the console's door (pages/console/ConsoleOnly.tsx), the pipeline's
 * (pages/pipeline/PipelineOnly.tsx) and the header's menu alike. Pure and small, as the header
 * imports it into the first download: the pages show with it, the API decides what anybody may do.
 */
import type { Role } from '../../../shared/domain/roles.ts';

export type ConsolePage = 'home' | 'idea' | 'strategy' | 'gates';

/** All the page has (`full`), or only what the role may read (`read`); undefined: not the page for them. */
export type PageAccess = 'full' | 'read';

/** What the pipeline's pages give beyond reading them: deciding at gates, and the team's (editing pilots, opening the ideas behind them). */
interface PipelineGives {
  decide: boolean;
  team: boolean;
}

/** What each role gets of each page; a page left out is not for the role. */
const ACCESS: Record<Role, Partial<Record<ConsolePage, PageAccess>> & { pipeline?: PipelineGives }> = {
  employee: {},
  // The pipeline's figures and the gates' checklists to read, and the gates to decide at: no idea, no pilot edited.
  director: { home: 'read', gates: 'read', pipeline: { decide: true, team: false } },
  // The inbox and the ideas; the strategy read and re-scored from; the checklists read; the pilots edited and decided.
  triage: { home: 'full', idea: 'full', strategy: 'read', gates: 'read', pipeline: { decide: true, team: true } },
  // The system owner keeps the strategy and the checklists and edits pilots, without deciding at a gate.
  admin: { home: 'full', idea: 'full', strategy: 'full', gates: 'full', pipeline: { decide: false, team: true } },
};

/** The most any of the person's roles gives them on the console's page. */
export function pageAccess(roles: readonly Role[], page: ConsolePage): PageAccess | undefined {
  const given = roles.map((role) => ACCESS[role][page]);
  return given.includes('full') ? 'full' : given.includes('read') ? 'read' : undefined;
}

/** What the pipeline's pages give a person: reading them, deciding at gates, and the team's part. */
export interface PipelineAccess extends PipelineGives {
  read: boolean;
}

/** The most any of the person's roles gives them in the pipeline. */
export function pipelineAccess(roles: readonly Role[]): PipelineAccess {
  const given = roles.flatMap((role) => ACCESS[role].pipeline ?? []);
  return { read: given.length > 0, decide: given.some((gives) => gives.decide), team: given.some((gives) => gives.team) };
}

/** The pages the header's menu may link; an idea is reached from the inbox, a pilot from the board. */
export type MenuPage = Exclude<ConsolePage, 'idea'> | 'pipeline';

/**
 * The pages the header's menu links for a person, in the menu's order: the console for whoever
 * has one, the strategy for those who work with it (the team reads it and re-scores from it), the
 * gate checklists for everybody who decides at the gates or keeps them (only the system owner
 * edits), and the pipeline for whoever reads it.
 */
export function menuPages(roles: readonly Role[]): MenuPage[] {
  const pages: MenuPage[] = (['home', 'strategy', 'gates'] as const).filter((page) => pageAccess(roles, page) !== undefined);
  return pipelineAccess(roles).read ? [...pages, 'pipeline'] : pages;
}

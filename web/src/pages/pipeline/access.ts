/**
 * Who gets the pipeline's pages, pure and small (the header's menu imports it into the first
 * download): the pages only choose what to show with it; the API decides what anybody may do.
 */
import type { Role } from '../../../../shared/domain/roles.ts';

/**
 * What the pipeline's pages give a person, by the API's access table (docs/api.md): the team and
 * the directors read everything and decide at gates; the team and the system owner edit pilots
 * and read the ideas behind them (a director does neither); anybody else has none.
 */
export interface PipelineAccess {
  read: boolean;
  decide: boolean;
  /** Edit pilots and open the ideas behind them in the console. */
  team: boolean;
}

export function pipelineAccess(roles: readonly Role[]): PipelineAccess {
  const decide = roles.includes('triage') || roles.includes('director');
  const team = roles.includes('triage') || roles.includes('admin');
  return { read: decide || team, decide, team };
}

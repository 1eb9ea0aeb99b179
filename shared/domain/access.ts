import type { Idea } from './idea.ts';
import { isTriage, type Caller } from './roles.ts';

/**
 * How much of an idea a caller may see:
 * - `staff`: the triage team sees everything, including who submitted a non-anonymous idea;
 * - `submitter`: the submitter (by identity, or by follow-up token for an anonymous idea) sees
 *   the idea and its status messages, but no other person's identity;
 * - `none`: everybody else, who is told the idea does not exist.
 */
export type IdeaView = 'staff' | 'submitter' | 'none';

export function ideaViewFor(idea: Idea, caller: Caller, followUpTokenMatches: boolean): IdeaView {
  if (isTriage(caller)) return 'staff';
  if (idea.submitter !== undefined && idea.submitter.sub === caller.sub) return 'submitter';
  if (idea.anonymous && followUpTokenMatches) return 'submitter';
  return 'none';
}

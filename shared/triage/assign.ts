import type { Clock } from '../domain/clock.ts';
import type { Idea, StaffMember } from '../domain/idea.ts';
import { RefusedError } from '../domain/refusals.ts';
import { personOf, type Caller } from '../domain/roles.ts';
import { matchesVersion, type VersionMatch } from '../domain/versions.ts';
import { type IdeaStore } from '../store/ports.ts';

/**
 * Gives an idea to a member of the digitalisation team, or takes it back (`assignee` null), at
 * the version read, if it satisfies the caller's `If-Match`; audited as an `assignment` event that only staff see.
 */
export async function assignIdea(
  deps: { store: Pick<IdeaStore, 'getIdea' | 'transition'>; clock: Clock },
  request: { ideaId: string; ifMatch: VersionMatch; assignee: StaffMember | null; caller: Caller },
): Promise<Idea> {
  const { store } = deps;
  const idea = await store.getIdea(request.ideaId);
  if (idea === undefined) throw new RefusedError({ kind: 'idea-not-found' });
  if (!matchesVersion(request.ifMatch, idea.version)) throw new RefusedError({ kind: 'stale-version' });
  const who = request.assignee === null ? 'nobody' : request.assignee.name ?? request.assignee.sub;
  return await store.transition({
    idea,
    to: idea.status,
    change: 'assignment',
    actor: { kind: 'staff', ...personOf(request.caller) },
    at: deps.clock.now().toISOString(),
    reason: `assigned to ${who}`,
    set: { assignee: request.assignee ?? undefined },
  });
}

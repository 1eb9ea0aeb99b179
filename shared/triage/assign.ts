import type { Idea, StaffMember } from '../domain/idea.ts';
import { personOf, type Caller } from '../domain/roles.ts';
import { NotFoundError, PreconditionFailedError } from '../http/errors.ts';
import { matchesVersion, type VersionMatch } from '../http/preconditions.ts';
import { VersionConflictError, type IdeaStore } from '../store/ports.ts';

/**
 * Gives an idea to a member of the digitalisation team, or takes it back (`assignee` null), at
 * the version read, if it satisfies the caller's `If-Match`; audited as an `assignment` event that only staff see.
 */
export async function assignIdea(
  store: IdeaStore,
  request: { ideaId: string; ifMatch: VersionMatch; assignee: StaffMember | null; caller: Caller; at: string },
): Promise<Idea> {
  const idea = await store.getIdea(request.ideaId);
  if (idea === undefined) throw new NotFoundError({ da: 'Der er ingen idé med det id.', en: 'There is no idea with that id.' });
  if (!matchesVersion(request.ifMatch, idea.version)) throw new PreconditionFailedError();
  const who = request.assignee === null ? 'nobody' : request.assignee.name ?? request.assignee.sub;
  try {
    return await store.transition({
      idea,
      to: idea.status,
      change: 'assignment',
      actor: { kind: 'staff', ...personOf(request.caller) },
      at: request.at,
      reason: `assigned to ${who}`,
      set: { assignee: request.assignee ?? undefined },
    });
  } catch (error) {
    if (error instanceof VersionConflictError) throw new PreconditionFailedError();
    throw error;
  }
}

import type { Actor, Idea } from '../domain/idea.ts';
import { RefusedError } from '../domain/refusals.ts';
import type { Caller } from '../domain/roles.ts';
import { followUpTokenMatches } from '../intake/submit.ts';
import type { IdeaStore } from '../store/ports.ts';

/**
 * The idea, when the caller is its submitter: by identity, or by the follow-up token for an
 * anonymous idea. Anybody else is told it does not exist (404), so ids cannot be probed.
 */
export async function ownIdea(store: Pick<IdeaStore, 'getIdea'>, ideaId: string, caller: Caller, followUpToken: string | undefined): Promise<Idea> {
  const idea = await store.getIdea(ideaId);
  const own = idea !== undefined && (idea.submitter?.sub === caller.sub || (idea.anonymous && followUpTokenMatches(idea, followUpToken)));
  if (!own) throw new RefusedError({ kind: 'own-idea-not-found' });
  return idea;
}

/** The submitter as the audit trail names them: nobody, for an anonymous idea. */
export function submitterActor(idea: Idea): Actor {
  if (idea.submitter === undefined) return { kind: 'submitter' };
  // The address stays on the idea; the audit trail names the person, not where they get mail.
  return { kind: 'submitter', sub: idea.submitter.sub, ...(idea.submitter.name === undefined ? {} : { name: idea.submitter.name }) };
}

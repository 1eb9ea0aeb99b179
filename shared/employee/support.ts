import type { Clock } from '../domain/clock.ts';
import { acceptsSupport } from '../domain/decisions.ts';
import { RefusedError } from '../domain/refusals.ts';
import type { Caller } from '../domain/roles.ts';
import type { KeySource } from '../secret.ts';
import type { ConversationStore, IdeaStore } from '../store/ports.ts';
import { supporterHash } from '../triage/merge.ts';
import type { UsageLimiter } from '../usage-limits.ts';

/**
 * An employee supports an idea ("me too"), once: a second support changes nothing. The supporter
 * is stored as a keyed hash of their subject (supporterHash), so nobody — not even triage — can see who supports what.
 *
 * Each support that reaches the write counts against the person's `support` limit per hour
 * (shared/usage-limits.ts); over it, 429 and nothing is stored or counted.
 */
export async function supportIdea(
  deps: {
    store: Pick<IdeaStore, 'getIdea'>;
    conversation: Pick<ConversationStore, 'addSupporter' | 'getSupportCount'>;
    keys: KeySource;
    limiter: Pick<UsageLimiter, 'require'>;
    clock: Clock;
  },
  request: { ideaId: string; caller: Caller },
): Promise<{ added: boolean; supportCount: number }> {
  const { conversation } = deps;
  const idea = await deps.store.getIdea(request.ideaId);
  if (idea === undefined || idea.status === 'submitted') throw new RefusedError({ kind: 'idea-not-found' });
  if (!acceptsSupport(idea.status)) throw new RefusedError({ kind: 'support-closed', status: idea.status });
  await deps.limiter.require(request.caller.sub, 'support');
  const added = await conversation.addSupporter(idea.id, supporterHash(await deps.keys(), request.caller.sub), deps.clock.now().toISOString());
  return { added, supportCount: await conversation.getSupportCount(idea.id) };
}

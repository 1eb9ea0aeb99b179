import type { Clock } from '../domain/clock.ts';
import type { BackgroundWorkStore, ConversationStore, IdeaStore } from '../store/ports.ts';
import { logger } from '../logger.ts';
import type { DeploymentKeys, KeySource } from '../secret.ts';

/**
 * A supporter as the table keeps them: an HMAC-SHA-256 of their subject under the deployment
 * secret's supporter key, never the subject itself. Keyed, so that the subjects stored in
 * plaintext elsewhere (on ideas that are not anonymous) cannot be hashed to find who supports
 * what: that takes the secret, which only the functions that make supporters can read.
 */
export function supporterHash(keys: DeploymentKeys, sub: string): string {
  return keys.hex('supporter', sub);
}

/** What carrying a merge's supporters over reads and writes. */
export interface MergeDependencies {
  store: Pick<IdeaStore, 'getIdea'>;
  conversation: Pick<ConversationStore, 'listSupporters' | 'addSupporter'>;
  work: Pick<BackgroundWorkStore, 'completeMerge'>;
  /** The deployment keys: the merged idea's submitter is carried over as a supporter hash. */
  keys: KeySource;
  clock: Clock;
}

/**
 * Carries a merged idea's supporters, and its submitter, over to the idea it was merged into,
 * each once, then marks the merge done. Idempotent: run right after the merge, and again by the
 * sweeper for a merge left unfinished (the function died half way).
 */
export async function carrySupportersOver(
  deps: MergeDependencies,
  merge: { ideaId: string; into: string },
): Promise<number> {
  const { conversation } = deps;
  const merged = await deps.store.getIdea(merge.ideaId);
  const hashes = new Set(await conversation.listSupporters(merge.ideaId));
  if (merged?.submitter !== undefined) hashes.add(supporterHash(await deps.keys(), merged.submitter.sub));
  let added = 0;
  const at = deps.clock.now().toISOString();
  for (const hash of hashes) if (await conversation.addSupporter(merge.into, hash, at)) added++;
  await deps.work.completeMerge(merge.ideaId);
  logger.info('Supporters carried over', { ideaId: merge.ideaId, into: merge.into, supporters: hashes.size, added });
  return added;
}

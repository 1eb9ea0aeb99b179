import { createHash } from 'node:crypto';
import type { IdeaStore } from '../store/ideas.ts';
import { logger } from '../logger.ts';

/** A supporter as the table keeps them: a hash of their subject, never the subject itself. */
export function supporterHash(sub: string): string {
  return createHash('sha256').update(`spire-supporter:${sub}`, 'utf8').digest('hex');
}

/**
 * Carries a merged idea's supporters, and its submitter, over to the idea it was merged into,
 * each once, then marks the merge done. Idempotent: run right after the merge, and again by the
 * sweeper for a merge left unfinished (the function died half way).
 */
export async function carrySupportersOver(store: IdeaStore, merge: { ideaId: string; into: string }, now: () => Date = () => new Date()): Promise<number> {
  const merged = await store.getIdea(merge.ideaId);
  const hashes = new Set(await store.listSupporters(merge.ideaId));
  if (merged?.submitter !== undefined) hashes.add(supporterHash(merged.submitter.sub));
  let added = 0;
  const at = now().toISOString();
  for (const hash of hashes) if (await store.addSupporter(merge.into, hash, at)) added++;
  await store.completeMerge(merge.ideaId);
  logger.info('Supporters carried over', { ideaId: merge.ideaId, into: merge.into, supporters: hashes.size, added });
  return added;
}

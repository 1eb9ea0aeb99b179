import type { DuplicateFingerprint } from '../domain/duplicates/fingerprint.ts';
import { candidateIds, rankDuplicates } from '../domain/duplicates/candidates.ts';
import { DUPLICATE_INDEX } from '../domain/duplicates/parameters.ts';
import type { Idea } from '../domain/idea.ts';
import type { IdeaStore, SimilarityIndex } from '../store/ports.ts';

export interface DuplicateDependencies {
  store: Pick<IdeaStore, 'getIdeas'>;
  index: Pick<SimilarityIndex, 'lookup'>;
}

/**
 * The stored ideas most like a text: the ideas sharing its bands in the duplicate index, read
 * back in one BatchGet and ranked by their shingles, at most five above the threshold, most
 * similar first. Costs a bounded number of reads whatever the number of stored ideas.
 */
export async function findSimilarIdeas(deps: DuplicateDependencies, fingerprint: DuplicateFingerprint, selfId?: string): Promise<{ idea: Idea; similarity: number }[]> {
  if (fingerprint.bands.length === 0) return [];
  const hits = await deps.index.lookup(fingerprint.bands, DUPLICATE_INDEX.maxCandidatesPerBand);
  const ids = candidateIds(hits, selfId);
  if (ids.length === 0) return [];
  const ideas = new Map((await deps.store.getIdeas(ids)).map((idea) => [idea.id, idea]));
  const ranked = rankDuplicates(
    fingerprint.shingles,
    [...ideas.values()].map((idea) => ({ ideaId: idea.id, shingles: idea.shingles ?? [] })),
    selfId,
  );
  return ranked.flatMap(({ ideaId, similarity }) => {
    const idea = ideas.get(ideaId);
    return idea === undefined ? [] : [{ idea, similarity: Math.round(similarity * 1000) / 1000 }];
  });
}

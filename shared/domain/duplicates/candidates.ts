import { DUPLICATE_INDEX } from './parameters.ts';
import { jaccard } from './similarity.ts';

/** A stored idea as the duplicate index reads it back: its id and its shingles. */
export interface IndexedIdea {
  ideaId: string;
  shingles: readonly string[];
}

/** A likely duplicate: an existing idea and how similar it is, 0..1 (weighted Jaccard). */
export interface DuplicateCandidate {
  ideaId: string;
  similarity: number;
}

/**
 * The ids whose shingles to read back, from the idea ids each band's reads returned: each once,
 * in first-seen order, without the idea itself (an idea filed before its own lookup, e.g. on a
 * redelivered message, must not find itself). At most bands × maxCandidatesPerBand ids.
 */
export function candidateIds(hitsPerBand: readonly (readonly string[])[], selfId?: string): string[] {
  const ids = new Set<string>();
  for (const hits of hitsPerBand) {
    for (const id of hits) {
      if (id !== selfId) {
        ids.add(id);
      }
    }
  }
  return [...ids];
}

/**
 * The likely duplicates of an idea among the candidates its bands led to: at most
 * `maxResults`, each with similarity ≥ `threshold` (both in DUPLICATE_INDEX), most similar first,
 * ties by id so the answer is stable. The idea itself is never its own duplicate.
 */
export function rankDuplicates(shingles: readonly string[], candidates: readonly IndexedIdea[], selfId?: string): DuplicateCandidate[] {
  const ranked = new Map<string, DuplicateCandidate>();
  for (const candidate of candidates) {
    if (candidate.ideaId === selfId || ranked.has(candidate.ideaId)) {
      continue;
    }
    const similarity = jaccard(shingles, candidate.shingles);
    if (similarity >= DUPLICATE_INDEX.threshold) {
      ranked.set(candidate.ideaId, { ideaId: candidate.ideaId, similarity });
    }
  }
  return [...ranked.values()].sort(bestFirst).slice(0, DUPLICATE_INDEX.maxResults);
}

function bestFirst(a: DuplicateCandidate, b: DuplicateCandidate): number {
  return b.similarity - a.similarity || (a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0);
}

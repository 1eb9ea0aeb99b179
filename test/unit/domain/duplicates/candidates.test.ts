import { describe, expect, it } from 'vitest';
import { candidateIds, rankDuplicates, type IndexedIdea } from '../../../../shared/domain/duplicates/candidates.ts';
import { DUPLICATE_INDEX } from '../../../../shared/domain/duplicates/parameters.ts';

/** An idea sharing `shared` of its 10 shingles with QUERY: Jaccard shared / (20 − shared). */
function ideaSharing(ideaId: string, shared: number): IndexedIdea {
  const own = Array.from({ length: 10 - shared }, (_, i) => `${ideaId}-own-${i}`);
  return { ideaId, shingles: [...QUERY.slice(0, shared), ...own] };
}

const QUERY = Array.from({ length: 10 }, (_, i) => `term-${i}`);

describe('candidateIds', () => {
  it('reads each id once, in first-seen order, without the idea itself', () => {
    // Act
    const ids = candidateIds([['idea-1', 'self', 'idea-2'], ['idea-2', 'idea-3'], [], ['self', 'idea-1']], 'self');

    // Assess
    expect(ids).toEqual(['idea-1', 'idea-2', 'idea-3']);
  });
});

describe('rankDuplicates', () => {
  it('returns at most five, most similar first, all above the threshold', () => {
    // Prepare
    const candidates = [3, 9, 5, 8, 4, 7, 6, 2, 1].map((shared) => ideaSharing(`shares-${shared}`, shared));

    // Act
    const ranked = rankDuplicates(QUERY, candidates);

    // Assess
    expect(ranked.map((candidate) => candidate.ideaId)).toEqual(['shares-9', 'shares-8', 'shares-7', 'shares-6', 'shares-5']);
    expect(ranked.map((candidate) => candidate.similarity)).toEqual([9 / 11, 8 / 12, 7 / 13, 6 / 14, 5 / 15]);
    expect(ranked).toHaveLength(DUPLICATE_INDEX.maxResults);
  });

  it.each([
    ['just below the threshold', 2, []],
    ['just above the threshold', 3, ['shares-3']],
  ])('leaves out ideas under the threshold: %s', (_case, shared, expected) => {
    // Prepare: Jaccard 2/18 ≈ 0.11 is under the threshold, 3/17 ≈ 0.18 is over it.
    const candidates = [ideaSharing(`shares-${shared}`, shared)];

    // Act
    const ranked = rankDuplicates(QUERY, candidates);

    // Assess
    expect(ranked.map((candidate) => candidate.ideaId)).toEqual(expected);
  });

  it('never offers an idea as its own duplicate, and lists a candidate read twice once', () => {
    // Prepare
    const candidates = [{ ideaId: 'self', shingles: QUERY }, ideaSharing('other', 8), ideaSharing('other', 8)];

    // Act
    const ranked = rankDuplicates(QUERY, candidates, 'self');

    // Assess
    expect(ranked).toEqual([{ ideaId: 'other', similarity: 8 / 12 }]);
  });

  it('orders equally similar ideas by id, so the answer is stable', () => {
    // Prepare
    const candidates = [ideaSharing('idea-c', 6), ideaSharing('idea-a', 6), ideaSharing('idea-b', 6)];

    // Act
    const ranked = rankDuplicates(QUERY, candidates);

    // Assess
    expect(ranked.map((candidate) => candidate.ideaId)).toEqual(['idea-a', 'idea-b', 'idea-c']);
  });

  it('finds nothing for an empty text, nor among candidates without shingles', () => {
    // Act
    const forEmpty = rankDuplicates([], [ideaSharing('idea-1', 9)]);
    const amongEmpty = rankDuplicates(QUERY, [{ ideaId: 'idea-1', shingles: [] }]);
    const withoutCandidates = rankDuplicates(QUERY, []);

    // Assess
    expect(forEmpty).toEqual([]);
    expect(amongEmpty).toEqual([]);
    expect(withoutCandidates).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { estimatedJaccard, jaccard } from '../../../../shared/domain/duplicates/similarity.ts';

describe('jaccard', () => {
  it.each([
    ['identical sets', ['a', 'b', 'c'], ['a', 'b', 'c'], 1],
    ['disjoint sets', ['a', 'b'], ['c', 'd'], 0],
    ['one shared of three', ['a', 'b'], ['b', 'c'], 1 / 3],
    ['a subset', ['a', 'b'], ['a', 'b', 'c', 'd'], 0.5],
    ['one empty set', [], ['a'], 0],
    ['two empty sets', [], [], 0],
  ])('measures |A ∩ B| / |A ∪ B|: %s', (_case, a, b, expected) => {
    // Act
    const similarity = jaccard(new Set(a), new Set(b));

    // Assess
    expect(similarity).toBeCloseTo(expected, 10);
  });
});

describe('estimatedJaccard', () => {
  it.each([
    ['identical signatures', [1, 2, 3, 4], [1, 2, 3, 4], 1],
    ['no agreeing position', [1, 2, 3, 4], [5, 6, 7, 8], 0],
    ['half the positions agreeing', [1, 2, 3, 4], [1, 9, 3, 9], 0.5],
  ])('is the share of agreeing positions: %s', (_case, a, b, expected) => {
    // Act
    const similarity = estimatedJaccard(a, b);

    // Assess
    expect(similarity).toBe(expected);
  });

  it('finds nothing similar to an empty text, not even another empty text', () => {
    // Act
    const withEmpty = estimatedJaccard([], [1, 2, 3]);
    const bothEmpty = estimatedJaccard([], []);

    // Assess
    expect(withEmpty).toBe(0);
    expect(bothEmpty).toBe(0);
  });

  it('refuses signatures of different lengths, which come from different index parameters', () => {
    // Act
    const compare = () => estimatedJaccard([1, 2, 3], [1, 2]);

    // Assess
    expect(compare).toThrow(RangeError);
  });
});

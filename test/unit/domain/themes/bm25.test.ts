import { describe, expect, it } from 'vitest';
import { bagOf, idf, termScore } from '../../../../shared/domain/themes/bm25.ts';

describe('idf', () => {
  it('weighs a term fewer documents have more, and stays positive', () => {
    // Act
    const weights = [1, 2, 3, 4].map((withTerm) => idf(4, withTerm));

    // Assess
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(Math.min(...weights)).toBeGreaterThan(0);
  });
});

describe('termScore', () => {
  it('grows with the term’s count in a document, less and less', () => {
    // Act
    const [one, two, three] = [1, 2, 3].map((count) => termScore(1, 1, count, 1));

    // Assess
    expect(two! - one!).toBeGreaterThan(three! - two!);
    expect(three).toBeGreaterThan(two!);
  });

  it('counts a term less in a longer document', () => {
    // Act
    const short = termScore(1, 1, 1, 0.5);
    const long = termScore(1, 1, 1, 2);

    // Assess
    expect(short).toBeGreaterThan(long);
  });
});

describe('bagOf', () => {
  it('adds up the weights of each term and of the whole', () => {
    // Act
    const bag = bagOf([['robot', 2], ['data', 1], ['robot', 0.5]]);

    // Assess
    expect(Object.fromEntries(bag.counts)).toEqual({ robot: 2.5, data: 1 });
    expect(bag.length).toBe(3.5);
  });
});

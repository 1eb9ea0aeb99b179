import { describe, expect, it } from 'vitest';
import { ideaShingles } from '../../../../shared/domain/duplicates/shingles.ts';
import { jaccard } from '../../../../shared/domain/duplicates/similarity.ts';

describe('ideaShingles', () => {
  it('keeps each term once, sorted, and each title term once more, marked', () => {
    // Act
    const shingles = ideaShingles(['vikar', 'booking'], ['ring', 'vikar', 'morg', 'vikar']);

    // Assess
    expect(shingles).toEqual(['booking', 'morg', 'ring', 't:booking', 't:vikar', 'vikar']);
  });

  it('makes a term both titles share count twice', () => {
    // Prepare
    const left = ideaShingles(['vægt'], ['tast', 'nexus']);
    const sameTermInTitle = ideaShingles(['vægt'], ['journal', 'nexus']);
    const sameTermInDescription = ideaShingles(['måling'], ['vægt', 'journal', 'nexus']);

    // Act
    const titlesShareIt = jaccard(left, sameTermInTitle);
    const onlyOneTitleHasIt = jaccard(left, sameTermInDescription);

    // Assess
    expect(titlesShareIt).toBeCloseTo(3 / 5, 10);
    expect(onlyOneTitleHasIt).toBeCloseTo(2 / 7, 10);
  });

  it('gives an empty text no shingles', () => {
    // Act
    const shingles = ideaShingles([], []);

    // Assess
    expect(shingles).toEqual([]);
  });
});

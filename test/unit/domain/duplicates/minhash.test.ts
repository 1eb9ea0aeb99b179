import { describe, expect, it } from 'vitest';
import { minhashSignature, permutationSeed } from '../../../../shared/domain/duplicates/minhash.ts';
import { estimatedJaccard, jaccard } from '../../../../shared/domain/duplicates/similarity.ts';

/** Two sets with `shared` common terms and `onlyEach` terms of their own: Jaccard shared / (shared + 2 × onlyEach). */
function overlappingSets(shared: number, onlyEach: number, name = 'term'): [string[], string[]] {
  const common = Array.from({ length: shared }, (_, i) => `${name}-shared-${i}`);
  const left = Array.from({ length: onlyEach }, (_, i) => `${name}-left-${i}`);
  const right = Array.from({ length: onlyEach }, (_, i) => `${name}-right-${i}`);
  return [
    [...common, ...left],
    [...common, ...right],
  ];
}

describe('minhashSignature', () => {
  it('gives the same values on every machine: pinned against an independent MurmurHash3 implementation', () => {
    // Act
    const signature = minhashSignature(['borg', 'hjemmeplej', 'medicin', 'nexus'], 4);

    // Assess
    expect(signature).toEqual([295963150, 841498122, 2861276519, 33381366]);
  });

  it('depends only on the set: not on order or repeats', () => {
    // Prepare
    const terms = ['vikar', 'lærer', 'syg', 'ring', 'morgen'];

    // Act
    const first = minhashSignature(terms, 64);
    const reordered = minhashSignature([...terms].reverse(), 64);
    const repeated = minhashSignature([...terms, 'vikar', 'vikar', 'syg'], 64);

    // Assess
    expect(reordered).toEqual(first);
    expect(repeated).toEqual(first);
  });

  it('has one value per permutation, each an unsigned 32-bit integer', () => {
    // Act
    const signature = minhashSignature(['fravær', 'aula', 'elev'], 48);

    // Assess
    expect(signature).toHaveLength(48);
    for (const value of signature) {
      expect(Number.isInteger(value) && value >= 0 && value <= 0xffffffff).toBe(true);
    }
  });

  it('leaves an empty set without a signature, so an empty text is neither filed nor found', () => {
    // Act
    const signature = minhashSignature([], 48);

    // Assess
    expect(signature).toEqual([]);
  });

  it.each([
    ['0.2', 20, 40, 0.2],
    ['0.5', 50, 25, 0.5],
    ['0.8', 80, 10, 0.8],
  ])('estimates a true Jaccard of %s within 0.1 from 128 permutations', (_case, shared, onlyEach, expected) => {
    // Prepare
    const [left, right] = overlappingSets(shared, onlyEach);

    // Act
    const estimate = estimatedJaccard(minhashSignature(left, 128), minhashSignature(right, 128));

    // Assess
    expect(jaccard(left, right)).toBeCloseTo(expected, 10);
    expect(Math.abs(estimate - expected)).toBeLessThan(0.1);
  });

  it('is unbiased: over 30 set pairs of Jaccard 0.5 the estimates average within 0.02 of it', () => {
    // Prepare
    const pairs = Array.from({ length: 30 }, (_, i) => overlappingSets(30, 15, `pair${i}`));

    // Act
    const estimates = pairs.map(([left, right]) => estimatedJaccard(minhashSignature(left, 128), minhashSignature(right, 128)));
    const mean = estimates.reduce((sum, estimate) => sum + estimate, 0) / estimates.length;

    // Assess
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });
});

describe('permutationSeed', () => {
  it('gives every permutation its own fixed seed', () => {
    // Act
    const seeds = Array.from({ length: 1000 }, (_, i) => permutationSeed(i));

    // Assess
    expect(seeds.slice(0, 3)).toEqual([0x9e3779b9, 0x3c6ef372, 0xdaa66d2b]);
    expect(new Set(seeds).size).toBe(1000);
  });
});

import { murmur3Bytes } from './murmur3.ts';

const encoder = new TextEncoder();

/**
 * A MinHash signature: for each of `permutations` seeded hash functions, the smallest hash of
 * any shingle in the set. Two sets agree at one position with probability equal to their
 * Jaccard similarity, so the share of agreeing positions estimates it.
 *
 * Each "permutation" is MurmurHash3 with its own fixed seed (see {@link permutationSeed}), so the
 * signature depends only on the set: not on order, repeats, process or machine.
 * An empty set has an empty signature: there is nothing to sample, and an empty text must
 * neither be indexed nor look like a duplicate of another empty text.
 */
export function minhashSignature(shingles: Iterable<string>, permutations: number): number[] {
  const distinct = new Set(shingles);
  if (distinct.size === 0) {
    return [];
  }
  const encoded = [...distinct].map((shingle) => encoder.encode(shingle));
  return Array.from({ length: permutations }, (_, i) => {
    const seed = permutationSeed(i);
    let smallest = 0xffffffff;
    for (const bytes of encoded) {
      smallest = Math.min(smallest, murmur3Bytes(bytes, seed));
    }
    return smallest;
  });
}

/**
 * The seed of hash function `i`: i + 1 times the 32-bit golden ratio, a fixed sequence of
 * well-spread seeds. Changing it changes every band key and sort value in the table.
 */
export function permutationSeed(i: number): number {
  return Math.imul(i + 1, 0x9e3779b9) >>> 0;
}

/**
 * Jaccard similarity |A ∩ B| / |A ∪ B| of two shingle lists, taken as sets; 0 when both are
 * empty, so an empty text resembles nothing. Over ideaShingles() this is the weighted Jaccard
 * of two ideas' texts, the similarity a duplicate candidate is ranked by.
 */
export function jaccard(a: Iterable<string>, b: Iterable<string>): number {
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const item of left) {
    if (right.has(item)) {
      shared++;
    }
  }
  const union = left.size + right.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Jaccard similarity estimated from two MinHash signatures: the share of positions where they
 * agree. Each position agrees with probability J, which is what makes a band of `rows`
 * positions collide with probability J^rows (see lsh.ts); the unit tests check that property.
 * 0 when either signature is empty.
 */
export function estimatedJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) {
    return 0;
  }
  if (a.length !== b.length) {
    throw new RangeError(`Signatures of ${a.length} and ${b.length} values cannot be compared`);
  }
  let agree = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) {
      agree++;
    }
  }
  return agree / a.length;
}

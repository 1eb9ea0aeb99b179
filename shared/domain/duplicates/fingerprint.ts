import { bandEntries, type BandEntry } from './lsh.ts';
import { minhashSignature } from './minhash.ts';
import { DUPLICATE_INDEX } from './parameters.ts';
import { ideaShingles } from './shingles.ts';

/** What the duplicate index needs from one idea. */
export interface DuplicateFingerprint {
  /** Kept with the idea; read back to rank it when it is a candidate for another idea. */
  shingles: string[];
  /** The idea is filed under each band, and a lookup reads each; empty for a text without terms. */
  bands: BandEntry[];
}

/**
 * The shingles and bands of an idea from its analysed title and description (the terms
 * analyze() gives each). The MinHash signature behind the bands is not kept: with one row per
 * band it is too short to estimate similarity well, so candidates are ranked by their shingles.
 */
export function duplicateFingerprint(titleTerms: readonly string[], descriptionTerms: readonly string[]): DuplicateFingerprint {
  const shingles = ideaShingles(titleTerms, descriptionTerms);
  const signature = minhashSignature(shingles, DUPLICATE_INDEX.permutations);
  return { shingles, bands: bandEntries(signature, DUPLICATE_INDEX.bands, DUPLICATE_INDEX.rows) };
}

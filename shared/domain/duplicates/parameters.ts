const bands = 24;
const rows = 1;

/**
 * The duplicate index: how ideas are filed, looked up and judged. Stored band keys and sort
 * values depend on every field but `threshold` and `maxResults`; change any other and bump
 * `version`, and re-index the stored ideas.
 *
 * Filing an idea (one transaction with the idea item: `bands` band items, 24 + 1 ≤ 100 items):
 * for each band entry, an item with partition key `entry.key` and sort key `<entry.sort>#<idea id>`,
 * and the idea's shingles kept where a BatchGet by idea id finds them.
 *
 * Looking up (the reads are bounded whatever the number of stored ideas):
 * - for each band: Query partition `entry.key`, sort key ≥ `entry.sort`, ascending, Limit
 *   `maxCandidatesPerBand`; only when that returns fewer items than the Limit (the band ran out
 *   above our value), a second Query for the rest from the start of the band: sort key < `entry.sort`,
 *   ascending, Limit the items still missing;
 * - candidateIds() over what came back, then one BatchGetItem of their shingles, then rankDuplicates().
 * At most 2 × bands = 48 Queries of at most 4 items each, and 1 BatchGetItem of at most
 * bands × maxCandidatesPerBand = 96 ideas (under BatchGetItem's 100), see lookupReadBound().
 * An idea looked up after it was filed (a redelivered message) finds itself in each band, and
 * takes one of the band's places; candidateIds() drops it.
 *
 * The choices, measured on test/fixtures/duplicate-pairs.json (36 duplicate pairs, 37 pairs on
 * related topics that are not; `npm run eval:duplicates`) with the shingles of shingles.ts:
 * - `threshold` 0.165 (weighted Jaccard): duplicates described by different people in their own
 *   words share few words, so the useful threshold is low. Precision/recall went 0.76/0.89 at
 *   0.14, 0.78/0.86 at 0.15, 0.82/0.86 at 0.165, 0.81/0.81 at 0.17, 0.87/0.75 at 0.18, 0.93/0.72
 *   at 0.19: 0.165 is the best balance (the issue asks for both ≥ 0.8), but one shared term moves
 *   a pair's similarity by about 0.02, so every threshold here is decided by a few pairs.
 * - `rows` 1: at that threshold two rows per band would meet a duplicate with probability
 *   1 − (1 − 0.165²)^24 ≈ 48 %; one row gives 1 − (1 − 0.165)^24 ≈ 99 %.
 * - The sort value: with one row, a band key is in effect one sampled term, and a common term's
 *   band holds a large share of all ideas, far more than a bounded Query reads. Reading each band
 *   from our own sort value puts the ideas that agree on two MinHash values first, so that a close
 *   duplicate is found at any size. In a simulation that hid each of the 31 duplicate pairs above
 *   the threshold among N synthetic ideas built from the fixture's words and a Zipf tail, the
 *   partner was read for 31/31 pairs at N = 1,000, 27 at 10,000 and 24 at 100,000, against 29, 17
 *   and 5 when each band was read newest first with the same Limit.
 * - `bands` 24 × `maxCandidatesPerBand` 4: in that simulation more bands did better than deeper
 *   bands (20 × 5 and 30 × 3 were within a pair of 24 × 4); 24 × 4 = 96 candidates keeps the
 *   BatchGet to one request and the filing transaction small.
 * - `maxResults` 5: the "up to five candidates".
 */
export const DUPLICATE_INDEX = {
  version: 1,
  bands,
  rows,
  /** MinHash values per idea: `rows` for each band's key, and one more for each band's sort value. */
  permutations: bands * (rows + 1),
  threshold: 0.165,
  maxCandidatesPerBand: 4,
  maxResults: 5,
} as const;

/** DynamoDB's BatchGetItem reads at most 100 items per request. */
export const BATCH_GET_MAX_ITEMS = 100;

/** The most a lookup reads, whatever the number of stored ideas. */
export interface LookupReadBound {
  /** Queries, each with a Limit of maxCandidatesPerBand: one per band, and a second for a band that ran out. */
  queries: number;
  /** Ideas whose shingles are read back. */
  items: number;
  /** BatchGetItem requests needed for those items. */
  batchGets: number;
}

export function lookupReadBound(): LookupReadBound {
  const items = DUPLICATE_INDEX.bands * DUPLICATE_INDEX.maxCandidatesPerBand;
  return { queries: 2 * DUPLICATE_INDEX.bands, items, batchGets: Math.ceil(items / BATCH_GET_MAX_ITEMS) };
}

/**
 * Okapi BM25 over a handful of documents (a strategy's themes), with the query's own term
 * frequencies saturated as well (BM25's k3), so a word repeated in an idea counts, but less and less.
 * See Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond" (2009).
 */

export const K1 = 1.2;
/** Themes differ in length on purpose (rich keyword lists); normalise for it only half-way. */
export const B = 0.5;
export const K3 = 1.2;

/** Term frequencies of one document, and their sum. */
export interface Bag {
  readonly counts: ReadonlyMap<string, number>;
  readonly length: number;
}

export function bagOf(weighted: Iterable<readonly [term: string, weight: number]>): Bag {
  const counts = new Map<string, number>();
  let length = 0;
  for (const [term, weight] of weighted) {
    counts.set(term, (counts.get(term) ?? 0) + weight);
    length += weight;
  }
  return { counts, length };
}

/** BM25's inverse document frequency; always positive, small for a term every document has. */
export function idf(documents: number, withTerm: number): number {
  return Math.log(1 + (documents - withTerm + 0.5) / (withTerm + 0.5));
}

/** How much one query term adds to a document's score. */
export function termScore(idfValue: number, queryCount: number, documentCount: number, lengthRatio: number): number {
  const documentPart = (documentCount * (K1 + 1)) / (documentCount + K1 * (1 - B + B * lengthRatio));
  const queryPart = (queryCount * (K3 + 1)) / (queryCount + K3);
  return idfValue * documentPart * queryPart;
}

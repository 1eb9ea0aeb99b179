/**
 * Duplicate detection on the labelled pairs in test/fixtures/duplicate-pairs.json:
 * `npx node test/eval/duplicates.ts` (npm run eval:duplicates).
 *
 * For each pair, idea a is indexed and idea b is looked up through the path the store takes
 * (see DUPLICATE_INDEX): b's bands are read (at most maxCandidatesPerBand ids each), the ids
 * found are read back with their shingles, and rankDuplicates() decides. The pair is judged a
 * duplicate when a comes back. Prints precision, recall, F1, the confusion counts, every misjudged pair with its
 * similarity, how precision and recall move with the threshold, and the reads a lookup costs.
 */
import { candidateIds, rankDuplicates, type DuplicateCandidate } from '../../shared/domain/duplicates/candidates.ts';
import type { DuplicateFingerprint } from '../../shared/domain/duplicates/fingerprint.ts';
import { ideaFingerprint, type IdeaText } from '../../shared/domain/duplicates/idea-fingerprint.ts';
import { DUPLICATE_INDEX, lookupReadBound } from '../../shared/domain/duplicates/parameters.ts';
import { jaccard } from '../../shared/domain/duplicates/similarity.ts';
import { LANGUAGES, type Language } from '../../shared/domain/idea.ts';
import fixture from '../fixtures/duplicate-pairs.json' with { type: 'json' };

export interface LabelledPair {
  a: IdeaText;
  b: IdeaText;
  duplicate: boolean;
  note: string;
}

export interface PairVerdict {
  pair: LabelledPair;
  /** Weighted Jaccard of a and b, whether or not the index brought a to b's lookup. */
  similarity: number;
  /** Band keys a and b share: 0 means the lookup never reads a. */
  sharedBands: number;
  judgedDuplicate: boolean;
}

export interface Evaluation {
  verdicts: PairVerdict[];
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The labelled pairs, with their languages checked. */
export function labelledPairs(): LabelledPair[] {
  return fixture.map((pair) => ({ ...pair, a: ideaText(pair.a), b: ideaText(pair.b) }));
}

function ideaText(text: { language: string; title: string; description: string }): IdeaText {
  if (!isLanguage(text.language)) {
    throw new Error(`Unknown language "${text.language}" in duplicate-pairs.json (${text.title})`);
  }
  return { ...text, language: text.language };
}

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The table as DUPLICATE_INDEX describes it, in memory: band key → sort keys `<sort>#<idea id>`
 * in ascending order, and idea id → shingles. A lookup reads each band as the store does: from
 * its own sort value up, Limit maxCandidatesPerBand, and from the start of the band for the rest
 * when that ran out.
 */
export class InMemoryDuplicateIndex {
  readonly #bands = new Map<string, string[]>();
  readonly #shingles = new Map<string, readonly string[]>();

  add(ideaId: string, fingerprint: DuplicateFingerprint): void {
    this.#shingles.set(ideaId, fingerprint.shingles);
    for (const band of fingerprint.bands) {
      const sortKeys = [...(this.#bands.get(band.key) ?? []), `${band.sort}#${ideaId}`].sort();
      this.#bands.set(band.key, sortKeys);
    }
  }

  lookup(fingerprint: DuplicateFingerprint, selfId?: string): DuplicateCandidate[] {
    const limit = DUPLICATE_INDEX.maxCandidatesPerBand;
    const hitsPerBand = fingerprint.bands.map((band) => {
      const sortKeys = this.#bands.get(band.key) ?? [];
      const fromOwnValue = sortKeys.filter((sortKey) => sortKey >= band.sort).slice(0, limit);
      const fromStart = fromOwnValue.length < limit ? sortKeys.filter((sortKey) => sortKey < band.sort).slice(0, limit - fromOwnValue.length) : [];
      return [...fromOwnValue, ...fromStart].map((sortKey) => sortKey.slice(sortKey.indexOf('#') + 1));
    });
    const candidates = candidateIds(hitsPerBand, selfId).map((ideaId) => ({ ideaId, shingles: this.#shingles.get(ideaId) ?? [] }));
    return rankDuplicates(fingerprint.shingles, candidates, selfId);
  }
}

/** Judges every pair: index a alone, look up b, and see whether a comes back. */
export function evaluateDuplicatePairs(pairs: readonly LabelledPair[] = labelledPairs()): Evaluation {
  const verdicts = pairs.map((pair): PairVerdict => {
    const a = ideaFingerprint(pair.a);
    const b = ideaFingerprint(pair.b);
    const index = new InMemoryDuplicateIndex();
    index.add('a', a);
    const found = index.lookup(b, 'b');
    return {
      pair,
      similarity: jaccard(a.shingles, b.shingles),
      sharedBands: a.bands.filter((band) => b.bands.some((other) => other.key === band.key)).length,
      judgedDuplicate: found.some((candidate) => candidate.ideaId === 'a'),
    };
  });
  return summarise(verdicts);
}

function summarise(verdicts: PairVerdict[]): Evaluation {
  const count = (duplicate: boolean, judged: boolean) =>
    verdicts.filter((verdict) => verdict.pair.duplicate === duplicate && verdict.judgedDuplicate === judged).length;
  const truePositives = count(true, true);
  const falsePositives = count(false, true);
  const falseNegatives = count(true, false);
  const trueNegatives = count(false, false);
  const precision = truePositives / Math.max(1, truePositives + falsePositives);
  const recall = truePositives / Math.max(1, truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { verdicts, truePositives, falsePositives, falseNegatives, trueNegatives, precision, recall, f1 };
}

function print(evaluation: Evaluation): void {
  const { verdicts } = evaluation;
  const duplicates = verdicts.filter((verdict) => verdict.pair.duplicate).length;
  const bound = lookupReadBound();
  const percent = (value: number) => `${(100 * value).toFixed(1)} %`;
  const lines = [
    `Duplicate detection: ${verdicts.length} labelled pairs (${duplicates} duplicates, ${verdicts.length - duplicates} not)`,
    `index: ${DUPLICATE_INDEX.bands} bands × ${DUPLICATE_INDEX.rows} row(s), threshold ${DUPLICATE_INDEX.threshold}, ` +
      `at most ${DUPLICATE_INDEX.maxCandidatesPerBand} candidates per band, at most ${DUPLICATE_INDEX.maxResults} results`,
    '',
    `precision  ${evaluation.precision.toFixed(3)}`,
    `recall     ${evaluation.recall.toFixed(3)}`,
    `F1         ${evaluation.f1.toFixed(3)}`,
    '',
    '                    judged duplicate   judged not',
    `  duplicate         ${String(evaluation.truePositives).padStart(16)}   ${String(evaluation.falseNegatives).padStart(10)}`,
    `  not duplicate     ${String(evaluation.falsePositives).padStart(16)}   ${String(evaluation.trueNegatives).padStart(10)}`,
    '',
    'Misjudged pairs (similarity, shared bands):',
    ...verdicts
      .filter((verdict) => verdict.pair.duplicate !== verdict.judgedDuplicate)
      .sort((x, y) => y.similarity - x.similarity)
      .map((verdict) => {
        const kind = verdict.pair.duplicate ? 'missed duplicate  ' : 'false duplicate   ';
        return `  ${kind}${verdict.similarity.toFixed(3)}  ${String(verdict.sharedBands).padStart(2)}  ${verdict.pair.a.title} | ${verdict.pair.b.title}  (${verdict.pair.note})`;
      }),
    '',
    'Threshold sweep, the same pairs judged at other thresholds (a shared band means the lookup read a):',
    '  threshold  precision  recall',
    ...[0.13, 0.15, DUPLICATE_INDEX.threshold, 0.18, 0.2, 0.25].map((threshold) => {
      const judged = (verdict: PairVerdict) => verdict.sharedBands > 0 && verdict.similarity >= threshold;
      const tp = verdicts.filter((verdict) => verdict.pair.duplicate && judged(verdict)).length;
      const fp = verdicts.filter((verdict) => !verdict.pair.duplicate && judged(verdict)).length;
      const marker = threshold === DUPLICATE_INDEX.threshold ? '  ← DUPLICATE_INDEX.threshold' : '';
      return `  ${threshold.toFixed(3)}      ${(tp / Math.max(1, tp + fp)).toFixed(3)}      ${(tp / duplicates).toFixed(3)}${marker}`;
    }),
    '',
    'Band collision: a pair with weighted Jaccard J shares a band with probability 1 − (1 − J^rows)^bands:',
    '  ' +
      [0.1, 0.15, 0.2, 0.3, 0.5]
        .map((j) => `J ${j}: ${percent(1 - (1 - j ** DUPLICATE_INDEX.rows) ** DUPLICATE_INDEX.bands)}`)
        .join('   '),
    '',
    `Reads per lookup, whatever the number of stored ideas: at most ${bound.queries} Queries (Limit ${DUPLICATE_INDEX.maxCandidatesPerBand} each; ` +
      `one per band, a second for a band that ran out) + ${bound.batchGets} BatchGetItem of at most ${bound.items} ideas' shingles`,
  ];
  console.log(lines.join('\n'));
}

if (import.meta.main) {
  print(evaluateDuplicatePairs());
}

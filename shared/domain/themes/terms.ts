/**
 * The terms theme alignment counts, with weights: the stems of a text (shared/domain/text), the
 * parts of Danish compounds at half weight (a part is weaker evidence than the word), and the
 * pairs of neighbouring words, so that a phrase such as "route planning" is matched as a phrase
 * and not only as "route" and "planning".
 */
import type { Language } from '../idea.ts';
import { analyzeTerms } from '../text/analyze.ts';
import type { Vocabulary } from '../text/compounds.ts';

export const PART_WEIGHT = 0.5;

export interface WeightedTerm {
  /** A stem, or two stems joined by a space. */
  key: string;
  weight: number;
  /** The words as a person reads them. */
  surface: string;
}

/** The words of a text, their compound parts and their neighbouring pairs, in order. */
export function weightedTerms(text: string, language: Language, vocabulary: Vocabulary, weight = 1): WeightedTerm[] {
  const result: WeightedTerm[] = [];
  let previous: { stem: string; surface: string } | undefined;
  for (const term of analyzeTerms(text, language, { vocabulary })) {
    if (term.part) {
      // A part is explained by the word it is part of: "journalnotatet" matched, not "notatet".
      result.push({ key: term.stem, weight: weight * PART_WEIGHT, surface: previous?.surface ?? term.surface });
      continue;
    }
    result.push({ key: term.stem, weight, surface: term.surface });
    if (previous) result.push({ key: `${previous.stem} ${term.stem}`, weight, surface: `${previous.surface} ${term.surface}` });
    previous = term;
  }
  return result;
}

/** Whether a term is a pair of words. */
export function isPhrase(term: WeightedTerm): boolean {
  return term.key.includes(' ');
}

/** A query's terms with their summed weights and how the first occurrence was written, from texts of different weight (a title counting twice, say). */
export function queryTerms(parts: readonly { text: string; weight: number }[], language: Language, vocabulary: Vocabulary): Map<string, { count: number; surface: string }> {
  const terms = new Map<string, { count: number; surface: string }>();
  for (const part of parts) {
    for (const term of weightedTerms(part.text, language, vocabulary, part.weight)) {
      const known = terms.get(term.key);
      if (known) known.count += term.weight;
      else terms.set(term.key, { count: term.weight, surface: term.surface });
    }
  }
  return terms;
}

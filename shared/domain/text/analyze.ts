/**
 * The text pipeline: normalise → tokenize → drop stop words → stem, with the parts of Danish
 * compounds added after the compound. Theme alignment and duplicate detection both read text
 * through it, so the same words meet in both.
 */
import type { Language } from '../idea.ts';
import { baseVocabulary, compoundParts, type Vocabulary } from './compounds.ts';
import { stem } from './stem.ts';
import { isStopWord } from './stop-words.ts';
import { tokenize } from './tokenize.ts';

export interface Term {
  stem: string;
  /** The word (or, for a compound part, the part of the word) as a person reads it. */
  surface: string;
  /** A part of a Danish compound, added after the whole word. */
  part: boolean;
}

export interface AnalyzeOptions {
  /** The words Danish compounds are split into; baseVocabulary() when absent. */
  vocabulary?: Vocabulary;
}

/** What comes after an apostrophe is an ending, not a word: citizen's, sms'er. */
function withoutEnding(normal: string): string {
  const apostrophe = normal.indexOf("'");
  return apostrophe < 0 ? normal : normal.slice(0, apostrophe);
}

/** The terms of a text, in order, duplicates kept, with their readable forms. */
export function analyzeTerms(text: string, language: Language, options: AnalyzeOptions = {}): Term[] {
  const vocabulary = options.vocabulary ?? baseVocabulary();
  const terms: Term[] = [];
  for (const token of tokenize(text)) {
    if (!token.acronym && isStopWord(token.normal, language)) continue;
    const word = withoutEnding(token.normal);
    if (word.length < 2 || (!token.acronym && isStopWord(word, language))) continue;
    const whole = stem(word, language);
    terms.push({ stem: whole, surface: withoutEnding(token.surface), part: false });
    if (language !== 'da') continue;
    for (const part of compoundParts(word, vocabulary)) {
      const stemmed = stem(part, language);
      if (stemmed !== whole && !isStopWord(part, language)) terms.push({ stem: stemmed, surface: part, part: true });
    }
  }
  return terms;
}

/**
 * The normalised, stop-word-free, stemmed tokens of a text in order (duplicates kept), each
 * Danish compound followed by the stems of its known parts: "journalnotaterne" gives
 * journalnotat, journal, notat.
 */
export function analyze(text: string, language: Language, options: AnalyzeOptions = {}): string[] {
  return analyzeTerms(text, language, options).map((term) => term.stem);
}

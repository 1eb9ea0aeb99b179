/**
 * A word's stem, so that inflected forms meet: borgerne → borg, journalnotater → journalnotat,
 * citizens → citizen. Danish uses the Snowball Danish stemmer (@orama/stemmers); English uses
 * Martin Porter's stemmer (the `stemmer` package), since Orama's English one cuts -tion words
 * short (prediction → predic, but predict → predict). Expects a normalised word.
 */
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as english } from 'stemmer';
import type { Language } from '../idea.ts';

const STEMMERS: Record<Language, (word: string) => string> = { da: danish, en: english };

/** Stems are cached: a municipality's vocabulary is small and the same words come back all day. */
const CACHE_LIMIT = 50_000;
const caches: Record<Language, Map<string, string>> = { da: new Map(), en: new Map() };

export function stem(word: string, language: Language): string {
  const cache = caches[language];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    stemmed = STEMMERS[language](word);
    cache.set(word, stemmed);
  }
  return stemmed;
}

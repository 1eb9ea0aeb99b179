/**
 * A strategy's themes prepared for matching, per language: each theme's name, keywords and
 * description analysed into one bag of weighted terms (terms.ts), and how many themes share each
 * term. Built once per strategy and kept, since every idea the intake worker handles is matched
 * against the same themes. Themes are data: an index never sees a changed array, only a new one.
 */
import type { Language } from '../idea.ts';
import type { Theme } from '../strategy/strategy.ts';
import { baseVocabulary, extendVocabulary, type Vocabulary } from '../text/compounds.ts';
import { isStopWord } from '../text/stop-words.ts';
import { tokenize } from '../text/tokenize.ts';
import { bagOf, idf, type Bag } from './bm25.ts';
import { isPhrase, weightedTerms } from './terms.ts';

/**
 * Keywords are the strategy's chosen signals; the name and the description are prose, whose
 * every word ("use", "support", "see") would otherwise count as much as a keyword.
 */
const KEYWORD_WEIGHT = 2;
const NAME_WEIGHT = 1;
const DESCRIPTION_WEIGHT = 0.5;
/** A word of a phrase keyword alone: "route" of "route planning" says little by itself. */
const PHRASE_WORD_FACTOR = 0.25;

export interface ThemeIndex {
  /** The base vocabulary plus every Danish word of the themes, for splitting compounds. */
  vocabulary: Vocabulary;
  themes: { id: string; bag: Bag }[];
  idf: ReadonlyMap<string, number>;
  averageLength: number;
}

/** Compounds are split into the themes' names and keywords, not into every word of their prose. */
function danishWords(themes: readonly Theme[]): string[] {
  const texts = themes.flatMap((theme) => [theme.name.da, ...theme.keywords.da]);
  return texts.flatMap((text) => tokenize(text).map((token) => token.normal)).filter((word) => !isStopWord(word, 'da'));
}

function build(themes: readonly Theme[], language: Language): ThemeIndex {
  const vocabulary = extendVocabulary(baseVocabulary(), danishWords(themes));
  const weighted = (text: string, weight: number) =>
    weightedTerms(text, language, vocabulary, weight).map((term) => [term.key, term.weight] as const);
  const keyword = (text: string) => {
    const terms = weightedTerms(text, language, vocabulary, KEYWORD_WEIGHT);
    const phrase = terms.some(isPhrase);
    return terms.map((term) => [term.key, phrase && !isPhrase(term) ? term.weight * PHRASE_WORD_FACTOR : term.weight] as const);
  };
  const bags = themes.map((theme) => ({
    id: theme.id,
    bag: bagOf([
      ...weighted(theme.name[language], NAME_WEIGHT),
      ...theme.keywords[language].flatMap(keyword),
      ...weighted(theme.description[language], DESCRIPTION_WEIGHT),
    ]),
  }));
  const withTerm = new Map<string, number>();
  for (const { bag } of bags) for (const term of bag.counts.keys()) withTerm.set(term, (withTerm.get(term) ?? 0) + 1);
  const idfs = new Map([...withTerm].map(([term, count]) => [term, idf(bags.length, count)]));
  const averageLength = bags.reduce((sum, { bag }) => sum + bag.length, 0) / Math.max(bags.length, 1);
  return { vocabulary, themes: bags, idf: idfs, averageLength };
}

/** The same themes come back as the same array (fast) or as an equal copy (one JSON.stringify). */
const byArray = new WeakMap<readonly Theme[], Map<Language, ThemeIndex>>();
const byContent = new Map<string, Map<Language, ThemeIndex>>();
const CONTENT_CACHE_LIMIT = 8;

function indexesFor(themes: readonly Theme[]): Map<Language, ThemeIndex> {
  let indexes = byArray.get(themes);
  if (indexes) return indexes;
  const key = JSON.stringify(themes);
  indexes = byContent.get(key);
  if (!indexes) {
    indexes = new Map();
    if (byContent.size >= CONTENT_CACHE_LIMIT) byContent.clear();
    byContent.set(key, indexes);
  }
  byArray.set(themes, indexes);
  return indexes;
}

export function themeIndex(themes: readonly Theme[], language: Language): ThemeIndex {
  const indexes = indexesFor(themes);
  let index = indexes.get(language);
  if (!index) {
    index = build(themes, language);
    indexes.set(language, index);
  }
  return index;
}

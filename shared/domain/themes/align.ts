/**
 * Theme alignment: how well an idea matches each theme of the strategy, from 0 to 1, with the
 * idea's words that made the match, so a person can see why. Pure and deterministic.
 *
 * The idea (title counted twice, then description) is a BM25 query against each theme's name,
 * keywords and description in the idea's language (theme-index.ts). The BM25 sum is evidence
 * without an upper bound; 1 − e^(−s/SCALE) maps it to 0..1 without changing the order: one
 * keyword of a single theme gives about 0.3, an idea plainly about the theme 0.6–0.9.
 */
import type { Language } from '../idea.ts';
import type { Theme } from '../strategy/strategy.ts';
import { termScore } from './bm25.ts';
import { queryTerms } from './terms.ts';
import { themeIndex } from './theme-index.ts';

export interface ThemeScore {
  themeId: string;
  /** 0..1 */
  score: number;
  /** The idea's words (as written, lower case; a phrase when two words matched together), most important first. */
  matchedTerms: string[];
}

/** A title states what the idea is about; its words count twice. */
const TITLE_WEIGHT = 2;
const SCALE = 6;

export function alignThemes(idea: { title: string; description: string }, language: Language, themes: readonly Theme[]): ThemeScore[] {
  const index = themeIndex(themes, language);
  const query = queryTerms([{ text: idea.title, weight: TITLE_WEIGHT }, { text: idea.description, weight: 1 }], language, index.vocabulary);
  const scores = index.themes.map(({ id, bag }) => {
    const contributions = new Map<string, number>();
    let total = 0;
    for (const [stemmed, { count, surface }] of query) {
      const inTheme = bag.counts.get(stemmed);
      if (!inTheme) continue;
      const contribution = termScore(index.idf.get(stemmed) ?? 0, count, inTheme, bag.length / index.averageLength);
      total += contribution;
      // A compound and its parts read as one word: explain the word once.
      contributions.set(surface, (contributions.get(surface) ?? 0) + contribution);
    }
    const matchedTerms = [...contributions].sort((a, b) => b[1] - a[1]).map(([surface]) => surface);
    return { themeId: id, score: 1 - Math.exp(-total / SCALE), matchedTerms };
  });
  // Array.prototype.sort is stable: equal scores keep the themes' order.
  return scores.sort((a, b) => b.score - a.score);
}

/**
 * Theme alignment against the labelled ideas in test/fixtures/theme-ideas.json, with the shipped
 * default strategy: accuracy of the top theme, per language, a confusion table and the misses.
 *
 *   node test/eval/themes.ts      (npm run eval:themes)
 */
import ideas from '../fixtures/theme-ideas.json' with { type: 'json' };
import type { Language } from '../../shared/domain/idea.ts';
import { DEFAULT_STRATEGY } from '../../shared/domain/strategy/default-strategy.ts';
import { alignThemes, type ThemeScore } from '../../shared/domain/themes/align.ts';

interface LabelledIdea {
  id: string;
  language: Language;
  title: string;
  description: string;
  theme: string;
}

const themeIds = DEFAULT_STRATEGY.themes.map((theme) => theme.id);
const results = (ideas as LabelledIdea[]).map((idea) => {
  const scores = alignThemes(idea, idea.language, DEFAULT_STRATEGY.themes);
  return { idea, scores, predicted: scores[0]?.themeId ?? '(none)' };
});

/** The quality bar; below it the run exits with 1. */
const REQUIRED_ACCURACY = 0.8;

const hits = (subset: typeof results) => subset.filter((r) => r.predicted === r.idea.theme).length;
const accuracy = (subset: typeof results) =>
  `${(hits(subset) / Math.max(subset.length, 1)).toFixed(3)} (${hits(subset)}/${subset.length})`;

console.log(`Theme alignment, ${DEFAULT_STRATEGY.name.en}, ${results.length} labelled ideas\n`);
console.log(`accuracy (top theme = label): ${accuracy(results)}, required ${REQUIRED_ACCURACY}`);
for (const language of ['da', 'en'] as const) {
  console.log(`  ${language}: ${accuracy(results.filter((r) => r.idea.language === language))}`);
}

const short = (id: string) => id.slice(0, 12);
const width = 14;
console.log('\nconfusion (rows: label, columns: predicted)');
console.log(''.padEnd(width + 2) + themeIds.map((id) => short(id).padStart(width)).join(''));
for (const label of themeIds) {
  const row = themeIds.map((predicted) =>
    String(results.filter((r) => r.idea.theme === label && r.predicted === predicted).length).padStart(width));
  console.log(`  ${short(label).padEnd(width)}${row.join('')}`);
}

const format = (scores: ThemeScore[]) =>
  scores.map((s) => `${short(s.themeId)} ${s.score.toFixed(2)} [${s.matchedTerms.slice(0, 4).join(', ')}]`).join('; ');
const misses = results.filter((r) => r.predicted !== r.idea.theme);
console.log(`\nmisclassified (${misses.length})`);
for (const { idea, scores } of misses) {
  console.log(`  ${idea.id} (${idea.language}) "${idea.title}": label ${idea.theme}\n    ${format(scores)}`);
}

if (hits(results) / results.length < REQUIRED_ACCURACY) process.exitCode = 1;

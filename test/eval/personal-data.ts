/**
 * The personal-data detector against the labelled sentences in test/fixtures/personal-data.json:
 * per kind the true positives, false positives and false negatives, precision and recall, for
 * every sentence and for round 3 alone (written and labelled last, never tuned on), then every
 * miss. Exact spans: a finding counts only with the label's kind, start and end.
 *
 *   node test/eval/personal-data.ts      (npm run eval:personal-data)
 */
import fixture from '../fixtures/personal-data.json' with { type: 'json' };
import { PERSONAL_DATA_KINDS } from '../../shared/domain/personal-data.ts';
import { FLOORS, precision, recall, score, type Counts, type LabelledText } from './personal-data-score.ts';

const sentences = fixture as LabelledText[];

const ratio = (value: number) => value.toFixed(3);
const row = (name: string, counts: Counts) =>
  `  ${name.padEnd(8)}${String(counts.truePositives).padStart(5)}${String(counts.falsePositives).padStart(5)}${String(counts.falseNegatives).padStart(5)}` +
  `${ratio(precision(counts)).padStart(11)}${ratio(recall(counts)).padStart(8)}`;

function report(title: string, subset: LabelledText[]) {
  const result = score(subset);
  const negatives = subset.filter((item) => item.spans.length === 0).length;
  console.log(`${title}: ${result.sentences} sentences (${negatives} without personal data), ${result.labels} labelled spans`);
  console.log(`  ${'kind'.padEnd(8)}${'TP'.padStart(5)}${'FP'.padStart(5)}${'FN'.padStart(5)}${'precision'.padStart(11)}${'recall'.padStart(8)}`);
  for (const kind of PERSONAL_DATA_KINDS) console.log(row(kind, result.perKind[kind]));
  console.log(row('all', result.all));
  console.log('');
  return result;
}

const all = report('All sentences', sentences);
report('Round 3 only (written last, never tuned on)', sentences.filter((item) => item.round === 3));

console.log(`misses (${all.misses.length})`);
for (const miss of all.misses) console.log(`  ${miss.id.padEnd(12)} ${miss.kind.padEnd(7)} ${miss.error.padEnd(15)} "${miss.span}"`);

const below = (['all', ...PERSONAL_DATA_KINDS] as const).filter((kind) => {
  const counts = kind === 'all' ? all.all : all.perKind[kind];
  return precision(counts) < FLOORS[kind].precision || recall(counts) < FLOORS[kind].recall;
});
if (below.length > 0) {
  console.log(`\nbelow the floors (test/eval/personal-data-score.ts): ${below.join(', ')}`);
  process.exitCode = 1;
}

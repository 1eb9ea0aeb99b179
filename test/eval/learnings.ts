/**
 * Resemblance to stopped pilots on the labelled ideas in test/fixtures/stopped-pilots.json, the
 * figures RESEMBLANCE_MIN_SCORE is calibrated on:
 *
 *   node test/eval/learnings.ts      (npm run eval:learnings)
 *
 * Each idea is ranked against the six stopped pilots as triage ranks it (resemblanceQuery).
 * Prints, per same-topic idea, its score for its own pilot and whether that pilot ranks first;
 * per unrelated idea and per idea that only shares a setting with a stopped pilot, its best score
 * and pilot; and how many ideas the threshold (and 0.5 for comparison) lets through. Exits with 1
 * when a same-topic idea misses the threshold or does not rank its own pilot first.
 */
import { RESEMBLANCE_MIN_SCORE, resemblanceQuery, searchLearnings, type Learning, type LearningMatch } from '../../shared/domain/learnings.ts';
import fixture from '../fixtures/stopped-pilots.json' with { type: 'json' };

interface Idea {
  title: string;
  description: string;
}

interface SameTopicIdea extends Idea {
  pilotId: string;
}

const stopped = fixture.stoppedPilots as Learning[];
const sameTopic: SameTopicIdea[] = fixture.sameTopic;
const unrelated: Idea[] = fixture.unrelated;
const sharesSetting: Idea[] = fixture.sharesSetting;

/** A lower threshold, to show what 0.65 buys over it. */
const LOW_THRESHOLD = 0.5;

const rank = (idea: Idea): LearningMatch[] => searchLearnings(stopped, resemblanceQuery(idea), { limit: 10 });
const score = (value: number | undefined) => (value ?? 0).toFixed(3);

console.log(`Resemblance to stopped pilots, ${stopped.length} stopped pilots, threshold ${RESEMBLANCE_MIN_SCORE}\n`);

console.log(`same topic (${sameTopic.length}): score for its own pilot, and whether it ranks first`);
const own = sameTopic.map((idea) => {
  const matches = rank(idea);
  const match = matches.find((entry) => entry.learning.pilotId === idea.pilotId);
  const first = matches[0]?.learning.pilotId === idea.pilotId;
  const reaches = (match?.score ?? 0) >= RESEMBLANCE_MIN_SCORE;
  const flags = [first ? 'first' : `NOT FIRST (${matches[0]?.learning.pilotId ?? 'none'} ${score(matches[0]?.score)})`, ...(reaches ? [] : ['BELOW THRESHOLD'])];
  console.log(`  ${score(match?.score)}  ${idea.pilotId.padEnd(10)} ${flags.join(', ').padEnd(9)}  "${idea.title}"`);
  return { score: match?.score ?? 0, first, reaches };
});
const ownScores = own.map((entry) => entry.score);
console.log(`  min ${score(Math.min(...ownScores))}, max ${score(Math.max(...ownScores))}`);

function best(label: string, ideas: Idea[]): number[] {
  console.log(`\n${label} (${ideas.length}): best score and pilot`);
  return ideas.map((idea) => {
    const [top] = rank(idea);
    const mark = (top?.score ?? 0) >= RESEMBLANCE_MIN_SCORE ? '  FLAGGED' : '';
    console.log(`  ${score(top?.score)}  ${(top?.learning.pilotId ?? '(none)').padEnd(10)} "${idea.title}" [${top?.matchedTerms.slice(0, 5).join(', ') ?? ''}]${mark}`);
    return top?.score ?? 0;
  });
}
const unrelatedBest = best('unrelated', unrelated);
const sharesSettingBest = best('shares the setting with a stopped pilot', sharesSetting);
const others = [...unrelatedBest, ...sharesSettingBest];
const flaggedAt = (threshold: number, scores: number[]) => scores.filter((value) => value >= threshold).length;

console.log('\nsummary');
console.log(`  same topic reaching ${RESEMBLANCE_MIN_SCORE}: ${own.filter((entry) => entry.reaches).length}/${own.length}, own pilot first: ${own.filter((entry) => entry.first).length}/${own.length}`);
for (const threshold of [LOW_THRESHOLD, RESEMBLANCE_MIN_SCORE]) {
  console.log(
    `  unrelated + shares setting flagged at ${threshold}: ${flaggedAt(threshold, others)}/${others.length}` +
      ` (unrelated ${flaggedAt(threshold, unrelatedBest)}/${unrelatedBest.length}, shares setting ${flaggedAt(threshold, sharesSettingBest)}/${sharesSettingBest.length})`,
  );
}

if (own.some((entry) => !entry.reaches || !entry.first)) process.exitCode = 1;

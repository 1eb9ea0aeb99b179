/**
 * Searching what stopped and realised pilots learned, with the text handling theme scoring uses
 * (shared/domain/text: Danish and English stems, compound parts, word pairs) and BM25 ranking
 * (shared/domain/themes/bm25.ts) over the pilots' title, description and learnings. The same
 * ranking tells triage that a new idea resembles a pilot that was stopped. Pure.
 */
import type { Language } from './idea.ts';
import type { Pilot, PilotStage } from './pilot.ts';
import { baseVocabulary } from './text/compounds.ts';
import { bagOf, idf, termScore, type Bag } from './themes/bm25.ts';
import { queryTerms, weightedTerms } from './themes/terms.ts';

/** What the search reads of a stopped or realised pilot. */
export interface Learning {
  pilotId: string;
  title: string;
  description: string;
  learnings: string;
  language: Language;
  stage: Extract<PilotStage, 'stopped' | 'realised'>;
  department: string;
  themes: string[];
  /** When the pilot was stopped or realised. */
  at: string;
}

/** The learning a pilot leaves, once it is stopped or realised with learnings written. */
export function learningOf(pilot: Pilot): Learning | undefined {
  if ((pilot.stage !== 'stopped' && pilot.stage !== 'realised') || pilot.learnings === undefined) return undefined;
  return {
    pilotId: pilot.id,
    title: pilot.title,
    description: pilot.description,
    learnings: pilot.learnings,
    language: pilot.language,
    stage: pilot.stage,
    department: pilot.department,
    themes: pilot.themes,
    at: pilot.stageEnteredAt,
  };
}

export interface LearningMatch {
  learning: Learning;
  /** 0..1: how strongly the text's words are evidence for this pilot. */
  score: number;
  /** The query's words that matched, most important first. */
  matchedTerms: string[];
}

/** Titles say what a pilot was about; their words count twice, as in theme alignment. */
const TITLE_WEIGHT = 2;
/** A municipality has few stopped pilots; idf is computed as if there were at least this many, so one shared word in a tiny collection still counts. */
const MIN_COLLECTION = 10;
/** Maps the BM25 sum to 0..1 as theme alignment does (shared/domain/themes/align.ts). */
const SCALE = 6;
/**
 * A new idea resembles a stopped pilot from this score: between what ideas on a stopped pilot's
 * topic score and what unrelated ideas sharing everyday words score, on the labelled fixture
 * test/fixtures/stopped-pilots.json (`npm run eval:learnings` prints both).
 */
export const RESEMBLANCE_MIN_SCORE = 0.65;
export const RESEMBLING_PILOTS_PER_IDEA = 3;

/** Bags by learning: the intake worker ranks every idea of a batch against the same learnings (read once a batch), so each is analysed once. */
const bags = new WeakMap<Learning, Bag>();

function documentBag(learning: Learning): Bag {
  const known = bags.get(learning);
  if (known !== undefined) return known;
  const terms = (text: string, weight: number) => weightedTerms(text, learning.language, baseVocabulary(), weight).map((term) => [term.key, term.weight] as const);
  const bag = bagOf([...terms(learning.title, TITLE_WEIGHT), ...terms(learning.description, 1), ...terms(learning.learnings, 1)]);
  bags.set(learning, bag);
  return bag;
}

/**
 * Ranks the learnings against a text, best first, leaving out those with no word in common.
 * The text is read in each pilot's own language, so a Danish query meets Danish pilots stem by
 * stem and an English one English pilots.
 */
export function searchLearnings(learnings: readonly Learning[], text: string, options: { limit: number; minScore?: number }): LearningMatch[] {
  const documentBags = learnings.map((learning) => ({ learning, bag: documentBag(learning) }));
  const withTerm = new Map<string, number>();
  for (const { bag } of documentBags) for (const term of bag.counts.keys()) withTerm.set(term, (withTerm.get(term) ?? 0) + 1);
  const documents = Math.max(documentBags.length, MIN_COLLECTION);
  const averageLength = documentBags.reduce((sum, { bag }) => sum + bag.length, 0) / Math.max(documentBags.length, 1);
  const queries = new Map<Language, ReturnType<typeof queryTerms>>();
  const matches: LearningMatch[] = [];
  for (const { learning, bag } of documentBags) {
    let query = queries.get(learning.language);
    if (query === undefined) {
      query = queryTerms([{ text, weight: 1 }], learning.language, baseVocabulary());
      queries.set(learning.language, query);
    }
    let total = 0;
    const contributions = new Map<string, number>();
    for (const [key, { count, surface }] of query) {
      const inDocument = bag.counts.get(key);
      if (!inDocument) continue;
      const contribution = termScore(idf(documents, withTerm.get(key) ?? 0), count, inDocument, bag.length / averageLength);
      total += contribution;
      contributions.set(surface, (contributions.get(surface) ?? 0) + contribution);
    }
    if (total === 0) continue;
    const score = Math.round((1 - Math.exp(-total / SCALE)) * 1000) / 1000;
    if (score < (options.minScore ?? 0)) continue;
    matches.push({ learning, score, matchedTerms: [...contributions].sort((a, b) => b[1] - a[1]).map(([surface]) => surface) });
  }
  return matches.sort((a, b) => b.score - a.score || a.learning.pilotId.localeCompare(b.learning.pilotId)).slice(0, options.limit);
}

/** What a new idea is compared with stopped pilots by: its title twice (it says what the idea is about), then its description. */
export function resemblanceQuery(idea: { title: string; description: string }): string {
  return `${idea.title}\n${idea.title}\n${idea.description}`;
}

/** The stopped pilots a new idea resembles, most similar first. */
export function resemblingStoppedPilots(idea: { title: string; description: string }, learnings: readonly Learning[]): LearningMatch[] {
  const stopped = learnings.filter((learning) => learning.stage === 'stopped');
  return searchLearnings(stopped, resemblanceQuery(idea), { limit: RESEMBLING_PILOTS_PER_IDEA, minScore: RESEMBLANCE_MIN_SCORE });
}

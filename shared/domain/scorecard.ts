/**
 * The scorecard and the priority score. Pure.
 *
 * Triage scores each criterion of the strategy 0–4. The priority score is absolute: it depends
 * only on this idea's scores and the weights of the strategy version it was scored with, never
 * on other ideas, so it does not move when other ideas arrive:
 *
 *     priority = 100 × Σ (value / 4 × weight) / Σ weight
 *
 * and every criterion's share (its points) is shown, so a person can see why.
 */
import type { Criterion } from './strategy/strategy.ts';

export const SCORE_MAX = 4;

export type ScoreSource = 'triage' | 'suggested';

export interface CriterionScore {
  value: number;
  /** `suggested`: pre-filled from theme alignment or friction hours and not yet confirmed by a person. */
  source: ScoreSource;
}

export interface PriorityLine {
  criterionId: string;
  value: number | null;
  weight: number;
  /** This criterion's share of the 0–100 priority. */
  points: number;
  source: ScoreSource | 'unscored';
}

export interface Priority {
  /** 0–100, one decimal. Unscored criteria count as 0 until scored. */
  score: number;
  complete: boolean;
  lines: PriorityLine[];
}

export function priorityOf(scores: Readonly<Record<string, CriterionScore>>, criteria: readonly Pick<Criterion, 'id' | 'weight'>[]): Priority {
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const lines = criteria.map((criterion): PriorityLine => {
    const score = scores[criterion.id];
    const points = score === undefined || totalWeight === 0 ? 0 : (100 * (score.value / SCORE_MAX) * criterion.weight) / totalWeight;
    return {
      criterionId: criterion.id,
      value: score?.value ?? null,
      weight: criterion.weight,
      points: round1(points),
      source: score?.source ?? 'unscored',
    };
  });
  const exact = criteria.reduce((sum, criterion) => {
    const score = scores[criterion.id];
    return score === undefined || totalWeight === 0 ? sum : sum + (100 * (score.value / SCORE_MAX) * criterion.weight) / totalWeight;
  }, 0);
  return { score: round1(exact), complete: criteria.every((criterion) => scores[criterion.id] !== undefined), lines };
}

/**
 * Benefit suggested from the friction estimate: 0 under 20 hours a year, then 1 from 20 h,
 * 2 from 100 h, 3 from 400 h and 4 from 1,500 h (about one full-time position).
 */
export function suggestedBenefit(frictionHoursPerYear: number): number {
  if (frictionHoursPerYear >= 1500) return 4;
  if (frictionHoursPerYear >= 400) return 3;
  if (frictionHoursPerYear >= 100) return 2;
  if (frictionHoursPerYear >= 20) return 1;
  return 0;
}

/**
 * Strategic fit suggested from the best theme alignment (0–1; a typical well-aligned idea scores
 * 0.6–0.9, see shared/domain/themes/align.ts): 4 from 0.85, 3 from 0.65, 2 from 0.45, 1 from 0.25.
 */
export function suggestedStrategicFit(bestThemeScore: number): number {
  if (bestThemeScore >= 0.85) return 4;
  if (bestThemeScore >= 0.65) return 3;
  if (bestThemeScore >= 0.45) return 2;
  if (bestThemeScore >= 0.25) return 1;
  return 0;
}

/**
 * What the idea itself suggests: strategic fit from theme alignment, benefit from friction hours.
 * Without friction hours (an idea, or friction whose figures the submitter did not know) benefit
 * gets no suggestion: unknown hours are not 0 hours, so the criterion stays unscored, and the
 * priority incomplete, until triage scores it.
 */
export function suggestedScores(idea: { themeAlignment?: { scores: { score: number }[] }; frictionHoursPerYear?: number }): Record<string, number> {
  const suggestions: Record<string, number> = {};
  const best = idea.themeAlignment?.scores[0]?.score;
  if (best !== undefined) suggestions[STRATEGIC_FIT] = suggestedStrategicFit(best);
  if (idea.frictionHoursPerYear !== undefined) suggestions[BENEFIT] = suggestedBenefit(idea.frictionHoursPerYear);
  return suggestions;
}

/** The criteria that can be suggested; a strategy without them simply gets no suggestion. */
export const STRATEGIC_FIT = 'strategic_fit';
export const BENEFIT = 'benefit';

/**
 * The scores of one scorecard: what triage gave wins; a criterion triage left out keeps its
 * suggestion. Only the strategy's criteria count.
 */
export function mergeScores(criteria: readonly Criterion[], given: Readonly<Record<string, number>>, suggestions: Readonly<Record<string, number>>): Record<string, CriterionScore> {
  const scores: Record<string, CriterionScore> = {};
  for (const { id } of criteria) {
    const mine = given[id];
    const suggested = suggestions[id];
    if (mine !== undefined) scores[id] = { value: mine, source: 'triage' };
    else if (suggested !== undefined) scores[id] = { value: suggested, source: 'suggested' };
  }
  return scores;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

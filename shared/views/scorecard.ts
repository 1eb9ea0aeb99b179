import type { Idea, Language } from '../domain/idea.ts';
import { SCORE_MAX, type Priority } from '../domain/scorecard.ts';
import type { Strategy } from '../domain/strategy/strategy.ts';

/**
 * The priority score explained criterion by criterion: the value given (or suggested), what that
 * step of the scale means, the weight, and the points it adds — value / 4 × weight / Σ weights × 100.
 */
export function priorityExplanation(idea: Idea, priority: Priority, strategy: Strategy, language: Language) {
  const totalWeight = strategy.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  return {
    ideaId: idea.id,
    strategyVersion: strategy.version,
    priority: priority.score,
    complete: priority.complete,
    formula: `Σ (value / ${SCORE_MAX} × weight) / ${totalWeight} × 100`,
    criteria: priority.lines.map((line) => {
      const criterion = strategy.criteria.find((candidate) => candidate.id === line.criterionId);
      return {
        id: line.criterionId,
        name: criterion?.name[language] ?? line.criterionId,
        value: line.value,
        meaning: line.value === null ? null : (criterion?.scale[line.value]?.[language] ?? null),
        source: line.source,
        weight: line.weight,
        points: line.points,
      };
    }),
  };
}

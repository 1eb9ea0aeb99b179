import { describe, expect, it } from 'vitest';
import { mergeScores, priorityOf, suggestedBenefit, suggestedScores, suggestedStrategicFit, type CriterionScore } from '../../../shared/domain/scorecard.ts';
import { aFrictionIdeaWithoutFigures } from '../support/ideas.ts';
import { aStrategy } from '../support/strategy.ts';

// strategic_fit weighs 3, benefit 1 in the test strategy.
const criteria = aStrategy().criteria;
const triage = (value: number): CriterionScore => ({ value, source: 'triage' });

describe('priorityOf', () => {
  it('gives 100 when every criterion has the top score and 0 when every one has 0', () => {
    expect(priorityOf({ strategic_fit: triage(4), benefit: triage(4) }, criteria).score).toBe(100);
    expect(priorityOf({ strategic_fit: triage(0), benefit: triage(0) }, criteria).score).toBe(0);
  });

  it('weighs each criterion by its weight: 100 × Σ(value/4 × weight) / Σ weight', () => {
    // Act
    const priority = priorityOf({ strategic_fit: triage(2), benefit: triage(4) }, criteria);

    // Assess: (2/4 × 3 + 4/4 × 1) / 4 × 100 = 62.5
    expect(priority.score).toBe(62.5);
    expect(priority.lines).toEqual([
      { criterionId: 'strategic_fit', value: 2, weight: 3, points: 37.5, source: 'triage' },
      { criterionId: 'benefit', value: 4, weight: 1, points: 25, source: 'triage' },
    ]);
    expect(priority.complete).toBe(true);
  });

  it('counts an unscored criterion as 0 and says the scorecard is incomplete', () => {
    // Act
    const priority = priorityOf({ benefit: { value: 4, source: 'suggested' } }, criteria);

    // Assess
    expect(priority.score).toBe(25);
    expect(priority.complete).toBe(false);
    expect(priority.lines[0]).toEqual({ criterionId: 'strategic_fit', value: null, weight: 3, points: 0, source: 'unscored' });
    expect(priority.lines[1]?.source).toBe('suggested');
  });

  it('is absolute: the same scores give the same priority whatever else exists', () => {
    const scores = { strategic_fit: triage(3), benefit: triage(1) };

    expect(priorityOf(scores, criteria)).toEqual(priorityOf({ ...scores }, [...criteria]));
  });

  it('ignores scores for criteria the strategy does not have', () => {
    expect(priorityOf({ strategic_fit: triage(4), benefit: triage(4), retired: triage(0) }, criteria).score).toBe(100);
  });
});

describe('suggestedBenefit', () => {
  it.each([
    [0, 0],
    [19.9, 0],
    [20, 1],
    [99, 1],
    [100, 2],
    [399, 2],
    [400, 3],
    [1499, 3],
    [1500, 4],
    [20_000, 4],
  ])('suggests %d hours a year → %d', (hours, expected) => {
    expect(suggestedBenefit(hours)).toBe(expected);
  });
});

describe('suggestedStrategicFit', () => {
  it.each([
    [0, 0],
    [0.24, 0],
    [0.25, 1],
    [0.45, 2],
    [0.65, 3],
    [0.85, 4],
    [1, 4],
  ])('suggests a best theme score of %d → %d', (score, expected) => {
    expect(suggestedStrategicFit(score)).toBe(expected);
  });
});

describe('suggestedScores', () => {
  it('suggests strategic fit from the best theme and benefit from friction hours', () => {
    const suggestions = suggestedScores({ themeAlignment: { scores: [{ score: 0.7 }, { score: 0.2 }] }, frictionHoursPerYear: 920 });

    expect(suggestions).toEqual({ strategic_fit: 3, benefit: 3 });
  });

  it('suggests nothing for an idea without alignment or friction', () => {
    expect(suggestedScores({})).toEqual({});
  });

  it('suggests no benefit, not benefit 0, for friction whose figures are unknown', () => {
    const suggestions = suggestedScores(aFrictionIdeaWithoutFigures({ themeAlignment: { strategyVersion: 1, scores: [{ themeId: 'automatisering', score: 0.7, matchedTerms: [] }] } }));

    expect(suggestions).toEqual({ strategic_fit: 3 });
  });

  it('suggests benefit 0 for friction known to cost under 20 hours a year, which unknown figures are not', () => {
    expect(suggestedScores({ frictionHoursPerYear: 12 })).toEqual({ benefit: 0 });
  });
});

describe('mergeScores', () => {
  it('lets triage’s score win over a suggestion, keeps suggestions for the rest, and drops unknown criteria', () => {
    // Act
    const scores = mergeScores(criteria, { benefit: 1, unknown: 4 }, { strategic_fit: 3, benefit: 4 });

    // Assess
    expect(scores).toEqual({ strategic_fit: { value: 3, source: 'suggested' }, benefit: { value: 1, source: 'triage' } });
  });
});

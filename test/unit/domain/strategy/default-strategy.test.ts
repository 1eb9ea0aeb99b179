import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../shared/domain/idea.ts';
import { DEFAULT_STRATEGY } from '../../../../shared/domain/strategy/default-strategy.ts';
import { analyze } from '../../../../shared/domain/text/analyze.ts';
import { StrategyInput } from '../../../../shared/schemas/strategy.ts';

const texts = [
  DEFAULT_STRATEGY.name,
  ...DEFAULT_STRATEGY.themes.flatMap((theme) => [theme.name, theme.description]),
  ...DEFAULT_STRATEGY.criteria.flatMap((criterion) => [criterion.name, ...criterion.scale]),
];

describe('DEFAULT_STRATEGY', () => {
  it('has the four themes of the design', () => {
    // Act
    const ids = DEFAULT_STRATEGY.themes.map((theme) => theme.id);

    // Assess
    expect(ids).toEqual(['automatisering', 'dataunderstoettelse', 'teknologianvendelse', 'organisatorisk_sammenhaeng']);
  });

  it('names the themes with the Danish letters', () => {
    // Act
    const names = DEFAULT_STRATEGY.themes.map((theme) => theme.name.da);

    // Assess
    expect(names).toEqual(['Automatisering', 'Dataunderstøttelse', 'Teknologianvendelse', 'Organisatorisk sammenhæng']);
  });

  it('has the five criteria of the design', () => {
    // Act
    const ids = DEFAULT_STRATEGY.criteria.map((criterion) => criterion.id);

    // Assess
    expect(ids).toEqual(['strategic_fit', 'benefit', 'feasibility', 'risk_compliance', 'reach']);
  });

  it.each([
    ['themes', DEFAULT_STRATEGY.themes.map((theme) => theme.weight)],
    ['criteria', DEFAULT_STRATEGY.criteria.map((criterion) => criterion.weight)],
  ])('gives its %s non-negative weights with a positive sum', (_what, weights) => {
    // Act
    const sum = weights.reduce((total, weight) => total + weight, 0);

    // Assess
    expect(Math.min(...weights)).toBeGreaterThanOrEqual(0);
    expect(sum).toBeGreaterThan(0);
  });

  it('says every text in Danish and in English', () => {
    for (const text of texts) {
      for (const language of LANGUAGES) {
        // Assess
        expect(text[language].trim()).not.toBe('');
      }
    }
  });

  it('gives every criterion a scale of five steps', () => {
    // Act
    const lengths = DEFAULT_STRATEGY.criteria.map((criterion) => criterion.scale.length);

    // Assess
    expect(lengths).toEqual([5, 5, 5, 5, 5]);
  });

  it('has keywords in both languages for every theme, each of them matchable', () => {
    for (const theme of DEFAULT_STRATEGY.themes) {
      for (const language of LANGUAGES) {
        // Act
        const unmatchable = theme.keywords[language].filter((keyword) => analyze(keyword, language).length === 0);

        // Assess
        expect(theme.keywords[language].length).toBeGreaterThanOrEqual(40);
        expect(unmatchable).toEqual([]);
      }
    }
  });

  it('lists no keyword twice in a theme', () => {
    for (const theme of DEFAULT_STRATEGY.themes) {
      for (const language of LANGUAGES) {
        // Act
        const keywords = theme.keywords[language].map((keyword) => keyword.toLowerCase());

        // Assess
        expect(new Set(keywords).size).toBe(keywords.length);
      }
    }
  });

  it('is a strategy an admin could have written', () => {
    // Act
    const result = StrategyInput.safeParse(DEFAULT_STRATEGY);

    // Assess
    expect(result.error).toBeUndefined();
  });
});

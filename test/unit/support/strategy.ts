import type { Criterion, StrategyContent } from '../../../shared/domain/strategy/strategy.ts';

const scale: Criterion['scale'] = [
  { da: 'Ingen', en: 'None' },
  { da: 'Lidt', en: 'A little' },
  { da: 'Noget', en: 'Some' },
  { da: 'Meget', en: 'Much' },
  { da: 'Rigtig meget', en: 'Very much' },
];

/** A small, valid strategy for tests; the shipped default is tested on its own. */
export function aStrategy(overrides: Partial<StrategyContent> = {}): StrategyContent {
  return {
    name: { da: 'Digitaliseringsstrategi for Ærø', en: 'Digital strategy for Ærø' },
    period: { from: '2026-01-01', to: '2029-12-31' },
    themes: [
      {
        id: 'automatisering',
        name: { da: 'Automatisering', en: 'Automation' },
        description: { da: 'Færre manuelle trin.', en: 'Fewer manual steps.' },
        keywords: { da: ['robot', 'dobbeltindtastning'], en: ['robot', 'double entry'] },
        weight: 2,
      },
      {
        id: 'dataunderstoettelse',
        name: { da: 'Dataunderstøttelse', en: 'Data support' },
        description: { da: 'Beslutninger på data.', en: 'Decisions on data.' },
        keywords: { da: ['data', 'overblik'], en: ['data', 'overview'] },
        weight: 1,
      },
    ],
    criteria: [
      { id: 'strategic_fit', name: { da: 'Strategisk match', en: 'Strategic fit' }, weight: 3, scale },
      { id: 'benefit', name: { da: 'Gevinst', en: 'Benefit' }, weight: 1, scale },
    ],
    ...overrides,
  };
}

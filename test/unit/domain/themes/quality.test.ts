import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/domain/idea.ts';
import { DEFAULT_STRATEGY } from '../../../../shared/domain/strategy/default-strategy.ts';
import { alignThemes } from '../../../../shared/domain/themes/align.ts';
import ideas from '../../../fixtures/theme-ideas.json' with { type: 'json' };

/** The quality bar; `node test/eval/themes.ts` shows the confusion table and the misses. */
const REQUIRED_ACCURACY = 0.8;

describe('theme alignment on the labelled ideas', () => {
  it(`puts the labelled theme on top for at least ${REQUIRED_ACCURACY * 100}% of them`, () => {
    // Act
    const hits = ideas.filter((idea) => alignThemes(idea, idea.language as Language, DEFAULT_STRATEGY.themes)[0]?.themeId === idea.theme);

    // Assess
    expect(hits.length / ideas.length).toBeGreaterThanOrEqual(REQUIRED_ACCURACY);
  });

  it('has at least 40 ideas, a third of them in English, for every theme', () => {
    // Act
    const english = ideas.filter((idea) => idea.language === 'en').length;
    const labels = new Set(ideas.map((idea) => idea.theme));

    // Assess
    expect(ideas.length).toBeGreaterThanOrEqual(40);
    expect(english * 3).toBeGreaterThanOrEqual(ideas.length);
    expect([...labels].sort()).toEqual(DEFAULT_STRATEGY.themes.map((theme) => theme.id).sort());
  });
});

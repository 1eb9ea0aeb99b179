import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/domain/idea.ts';
import { DEFAULT_STRATEGY } from '../../../../shared/domain/strategy/default-strategy.ts';
import type { Theme } from '../../../../shared/domain/strategy/strategy.ts';
import { alignThemes } from '../../../../shared/domain/themes/align.ts';
import ideas from '../../../fixtures/theme-ideas.json' with { type: 'json' };

const themes = DEFAULT_STRATEGY.themes;

function aTheme(id: string, keywords: { da: string[]; en: string[] }): Theme {
  return { id, name: { da: id, en: id }, description: { da: 'Tema.', en: 'Theme.' }, keywords, weight: 1 };
}

const small: Theme[] = [
  aTheme('journaler', { da: ['journal', 'notat'], en: ['case notes'] }),
  aTheme('robotter', { da: ['robot'], en: ['robot'] }),
  aTheme('data', { da: ['statistik'], en: ['statistics'] }),
];

describe('alignThemes', () => {
  it('gives one score per theme, each from 0 to 1', () => {
    for (const idea of ideas) {
      // Act
      const scores = alignThemes(idea, idea.language as Language, themes);

      // Assess
      expect(scores.map((score) => score.themeId).sort()).toEqual(themes.map((theme) => theme.id).sort());
      for (const { score } of scores) {
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }
    }
  });

  it('sorts the themes by score, highest first', () => {
    // Act
    const scores = alignThemes({ title: 'Robot', description: 'En robot til journalnotater og statistik over robotter.' }, 'da', small);

    // Assess
    expect(scores.map((score) => score.themeId)).toEqual(['robotter', 'journaler', 'data']);
    expect(scores.map((score) => score.score)).toEqual([...scores.map((score) => score.score)].sort((a, b) => b - a));
  });

  it('keeps the themes in their order when the scores are equal', () => {
    // Act
    const scores = alignThemes({ title: 'Kaffe', description: 'Bedre kaffe i kantinen.' }, 'da', small);

    // Assess
    expect(scores).toEqual([
      { themeId: 'journaler', score: 0, matchedTerms: [] },
      { themeId: 'robotter', score: 0, matchedTerms: [] },
      { themeId: 'data', score: 0, matchedTerms: [] },
    ]);
  });

  it('explains a score with the idea’s own words, as written', () => {
    // Act
    const [top] = alignThemes({ title: 'Robotterne', description: 'Robotterne står stille.' }, 'da', small);

    // Assess
    expect(top).toMatchObject({ themeId: 'robotter', matchedTerms: ['robotterne'] });
  });

  it('lets a Danish compound meet the theme words it is made of', () => {
    // Act
    const [top] = alignThemes({ title: 'Journalnotaterne', description: 'Vi skriver journalnotaterne om aftenen.' }, 'da', small);

    // Assess
    expect(top).toMatchObject({ themeId: 'journaler', matchedTerms: ['journalnotaterne'] });
  });

  it('puts the matched word that weighs most first', () => {
    // Prepare
    const theme = aTheme('automatisering', { da: ['dobbeltindtastning', 'robot', 'automatisk'], en: [] });

    // Act
    const [top] = alignThemes(
      { title: 'Dobbeltindtastning', description: 'Dobbeltindtastning hver dag; en robot kunne gøre det automatisk.' },
      'da',
      [theme, aTheme('andet', { da: ['robot'], en: [] })],
    );

    // Assess
    expect(top?.matchedTerms[0]).toBe('dobbeltindtastning');
  });

  it('matches an English idea against the English keywords', () => {
    // Act
    const [top] = alignThemes({ title: 'Statistics', description: 'We want monthly statistics on waiting lists.' }, 'en', small);

    // Assess
    expect(top).toMatchObject({ themeId: 'data', matchedTerms: ['statistics'] });
  });

  it('scores an idea with more evidence for a theme higher', () => {
    // Act
    const [one] = alignThemes({ title: 'Robot', description: 'Kan det gøres?' }, 'da', small);
    const [more] = alignThemes({ title: 'Robot', description: 'En robot, flere robotter, robotten kører.' }, 'da', small);

    // Assess
    expect(more?.score).toBeGreaterThan(one?.score ?? 1);
  });

  it('gives the same answer every time, also for an equal copy of the themes', () => {
    // Prepare
    const idea = { title: 'Dobbeltindtastning af besøgstider', description: 'Vi skriver det samme i to systemer hver dag.' };

    // Act
    const first = alignThemes(idea, 'da', themes);
    const again = alignThemes(idea, 'da', themes);
    const copy = alignThemes(idea, 'da', structuredClone(themes));

    // Assess
    expect(again).toEqual(first);
    expect(copy).toEqual(first);
  });

  it('gives nothing when there are no themes', () => {
    // Act
    const scores = alignThemes({ title: 'Robot', description: 'En robot.' }, 'da', []);

    // Assess
    expect(scores).toEqual([]);
  });
});

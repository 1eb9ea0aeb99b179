import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/domain/idea.ts';
import { normalise } from '../../../../shared/domain/text/normalise.ts';
import { isStopWord, STOP_WORDS } from '../../../../shared/domain/text/stop-words.ts';

describe('isStopWord', () => {
  it.each<[Language, string]>([
    ['da', 'og'],
    ['da', 'på'],
    ['da', 'være'],
    ['da', 'kan'],
    ['da', 'gerne'],
    ['en', 'the'],
    ['en', 'and'],
    ['en', "doesn't"],
    ['en', 'also'],
    ['en', 'using'],
  ])('in %s, "%s" is a stop word', (language, word) => {
    // Act
    const actual = isStopWord(word, language);

    // Assess
    expect(actual).toBe(true);
  });

  it.each<[Language, string]>([
    ['da', 'borger'],
    ['da', 'journal'],
    ['da', 'it'],
    ['da', 'data'],
    ['en', 'citizen'],
    ['en', 'data'],
    ['en', 'time'],
  ])('in %s, "%s" is a content word', (language, word) => {
    // Act
    const actual = isStopWord(word, language);

    // Assess
    expect(actual).toBe(false);
  });

  it.each<Language>(['da', 'en'])('has the %s stop words as normalise() gives them, as words are looked up', (language) => {
    // Act
    const unnormalised = [...STOP_WORDS[language]].filter((word) => normalise(word) !== word);

    // Assess
    expect(unnormalised).toEqual([]);
  });

  it('folds accents before looking a word up: "ét" is "et"', () => {
    // Act
    const actual = isStopWord(normalise('ét'), 'da');

    // Assess
    expect(actual).toBe(true);
  });

  it('keeps each language to its own list', () => {
    // Act
    const englishInDanish = isStopWord('the', 'da');
    const danishInEnglish = isStopWord('og', 'en');

    // Assess
    expect([englishInDanish, danishInEnglish]).toEqual([false, false]);
  });
});

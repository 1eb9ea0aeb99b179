import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/domain/idea.ts';
import { stem } from '../../../../shared/domain/text/stem.ts';

describe('stem', () => {
  // Expected stems are those of the reference Snowball Danish stemmer and of Porter's stemmer.
  it.each<[Language, string, string]>([
    ['da', 'borgerne', 'borg'],
    ['da', 'journalnotater', 'journalnotat'],
    ['da', 'ældreplejen', 'ældreplej'],
    ['da', 'skolerne', 'skol'],
    ['da', 'vagtplaner', 'vagtplan'],
    ['da', 'overblikket', 'overblik'],
    ['da', 'medarbejderne', 'medarbejd'],
    ['da', 'løsningerne', 'løsning'],
    ['en', 'citizens', 'citizen'],
    ['en', 'running', 'run'],
    ['en', 'caresses', 'caress'],
    ['en', 'ponies', 'poni'],
    ['en', 'relational', 'relat'],
    ['en', 'conditional', 'condit'],
    ['en', 'automation', 'autom'],
    ['en', 'prediction', 'predict'],
  ])('in %s stems "%s" to "%s"', (language, word, expected) => {
    // Act
    const actual = stem(word, language);

    // Assess
    expect(actual).toBe(expected);
  });

  it.each<[Language, string[]]>([
    ['da', ['vagtplan', 'vagtplanen', 'vagtplaner', 'vagtplanerne']],
    ['da', ['notat', 'notater', 'notaterne']],
    ['en', ['predict', 'prediction', 'predictions']],
    ['en', ['schedule', 'scheduled', 'scheduling']],
  ])('in %s brings %j to one stem', (language, words) => {
    // Act
    const stems = new Set(words.map((word) => stem(word, language)));

    // Assess
    expect(stems.size).toBe(1);
  });
});

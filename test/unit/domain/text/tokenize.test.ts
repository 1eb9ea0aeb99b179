import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../shared/domain/text/tokenize.ts';

const normals = (text: string) => tokenize(text).map((token) => token.normal);

describe('tokenize', () => {
  it.each<[string, string, string[]]>([
    ['splits on spaces and punctuation', 'Vagtplan, journal; notat.', ['vagtplan', 'journal', 'notat']],
    ['splits on hyphens', 'SD-løn og it-system', ['sd', 'løn', 'og', 'it', 'system']],
    ['keeps apostrophes inside a word', "The citizen's form doesn't work", ['the', "citizen's", 'form', "doesn't", 'work']],
    ['drops numbers and single letters', 'Vi bruger 3 systemer i 2026', ['vi', 'bruger', 'systemer']],
    ['keeps words with digits and letters', 'Brug 3D-print og 4G', ['brug', '3d', 'print', 'og', '4g']],
    ['gives nothing for an empty text', '', []],
  ])('%s', (_behaviour, text, expected) => {
    // Act
    const actual = normals(text);

    // Assess
    expect(actual).toEqual(expected);
  });

  it('keeps the written form beside the normalised one', () => {
    // Act
    const [token] = tokenize('Idé');

    // Assess
    expect(token).toEqual({ surface: 'idé', normal: 'ide', acronym: false });
  });

  it('marks words in capitals as abbreviations', () => {
    // Act
    const acronyms = tokenize('The IT team and AI').filter((token) => token.acronym).map((token) => token.normal);

    // Assess
    expect(acronyms).toEqual(['it', 'ai']);
  });

  it('does not take a text written all in capitals for abbreviations', () => {
    // Act
    const acronyms = tokenize('IT IS BROKEN').filter((token) => token.acronym);

    // Assess
    expect(acronyms).toEqual([]);
  });
});

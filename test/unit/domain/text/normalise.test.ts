import { describe, expect, it } from 'vitest';
import { normalise } from '../../../../shared/domain/text/normalise.ts';

describe('normalise', () => {
  it.each<[string, string, string]>([
    ['lower-cases', 'Borgerservice', 'borgerservice'],
    ['keeps æ, ø and å as letters', 'ÆLDREPLEJE, Øvelse, Åbningstid', 'ældrepleje, øvelse, åbningstid'],
    ['composes an å typed as a and a ring (NFC)', 'a\u030Abningstid', 'åbningstid'],
    ['folds é to e', 'Idé', 'ide'],
    ['folds other accents the same way', 'café naïve Müller Göteborg señor', 'cafe naive muller goteborg senor'],
    ['folds ß to ss', 'Straße', 'strasse'],
    ['makes typographic apostrophes plain', 'citizen’s', "citizen's"],
    ['leaves "aa" alone', 'Aabenraa dataadgang', 'aabenraa dataadgang'],
  ])('%s', (_behaviour, text, expected) => {
    // Act
    const actual = normalise(text);

    // Assess
    expect(actual).toBe(expected);
  });

  it('gives a decomposed and a composed text the same result', () => {
    // Prepare
    const composed = 'Plejehjem på Ærø, idé';
    const decomposed = composed.normalize('NFD');

    // Act
    const results = [normalise(composed), normalise(decomposed)];

    // Assess
    expect(results[0]).toBe(results[1]);
  });
});

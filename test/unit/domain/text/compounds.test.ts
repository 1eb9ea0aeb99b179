import { describe, expect, it } from 'vitest';
import { baseVocabulary, compoundParts, extendVocabulary, vocabularyOf } from '../../../../shared/domain/text/compounds.ts';

describe('compoundParts', () => {
  it.each<[string, string, string[]]>([
    ['two known words', 'journalnotat', ['journal', 'notat']],
    ['an inflected last part', 'journalnotaterne', ['journal', 'notaterne']],
    ['the linking letter -s-', 'sagsbehandling', ['sag', 'behandling']],
    ['a first part that drops its -e', 'arbejdspladsen', ['arbejd', 'pladsen']],
    ['compounds inside compounds', 'borgerservicemedarbejder', ['borger', 'service', 'medarbejder']],
    ['the known first part of a word whose rest is unknown', 'robotstøvsugere', ['robot']],
  ])('splits %s: %s', (_behaviour, word, expected) => {
    // Act
    const parts = compoundParts(word);

    // Assess
    expect(parts).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a word that starts with a function word', 'medarbejderne'],
    ['a plural', 'systemerne'],
    ['a short word', 'bilen'],
    ['a word made of no known words', 'automatisering'],
    ['a word whose ending only looks like a short known word', 'leverandører'],
  ])('leaves %s whole: %s', (_behaviour, word) => {
    // Act
    const parts = compoundParts(word);

    // Assess
    expect(parts).toEqual([]);
  });

  it('splits into the words of an extended vocabulary', () => {
    // Prepare
    const vocabulary = extendVocabulary(baseVocabulary(), ['Hjemmepleje', 'Nøglebokse']);

    // Act
    const parts = compoundParts('hjemmeplejenøgleboksene', vocabulary);

    // Assess
    expect(parts).toEqual(['hjemmepleje', 'hjemme', 'pleje', 'nøgleboksene', 'nøgle']);
  });

  it('ignores words shorter than three letters in a vocabulary', () => {
    // Act
    const vocabulary = vocabularyOf(['it', 'ad', 'bil']);

    // Assess
    expect([...vocabulary.words]).toEqual(['bil']);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze, analyzeTerms } from '../../../../shared/domain/text/analyze.ts';

describe('analyze', () => {
  it('gives the stems of the content words in order, duplicates kept', () => {
    // Act
    const tokens = analyze('Borgerne ringer og borgerne skriver til os', 'da');

    // Assess
    expect(tokens).toEqual(['borg', 'ring', 'borg', 'skriv']);
  });

  it('makes journalnotat meet journal and notat', () => {
    // Prepare
    const [journal] = analyze('journal', 'da');
    const [notat] = analyze('notat', 'da');

    // Act
    const tokens = analyze('Journalnotaterne', 'da');

    // Assess
    expect(tokens).toEqual(['journalnotat', journal, notat]);
  });

  it('adds compound parts after the compound itself', () => {
    // Act
    const tokens = analyze('Dobbeltindtastning i vagtplanen', 'da');

    // Assess
    expect(tokens).toEqual(['dobbeltindtastning', 'dobbelt', 'indtastning', 'vagtplan', 'vagt', 'plan']);
  });

  it('does not split English words', () => {
    // Act
    const tokens = analyze('Teamleader workload', 'en');

    // Assess
    expect(tokens).toEqual(['teamlead', 'workload']);
  });

  it.each<[string, string, string]>([
    ['case', 'ÆLDREPLEJEN', 'ældreplejen'],
    ['accents', 'Idé', 'ide'],
    ['Unicode composition', 'a\u030Abningstid', 'åbningstid'],
  ])('ignores differences of %s', (_difference, one, other) => {
    // Act
    const results = [analyze(one, 'da'), analyze(other, 'da')];

    // Assess
    expect(results[0]).toEqual(results[1]);
  });

  it('keeps an abbreviation that is also a stop word', () => {
    // Act
    const tokens = analyze('The IT system is down and it is slow', 'en');

    // Assess
    expect(tokens).toEqual(['it', 'system', 'slow']);
  });

  it('drops the ending after an apostrophe', () => {
    // Act
    const tokens = analyze("The citizen's forms", 'en');

    // Assess
    expect(tokens).toEqual(['citizen', 'form']);
  });

  it('gives nothing for a text of stop words only', () => {
    // Act
    const tokens = analyze('Det er nu, og det kan vi godt', 'da');

    // Assess
    expect(tokens).toEqual([]);
  });
});

describe('analyzeTerms', () => {
  it('keeps the readable form of each word and marks compound parts', () => {
    // Act
    const terms = analyzeTerms('Journalnotatet', 'da');

    // Assess
    expect(terms).toEqual([
      { stem: 'journalnotat', surface: 'journalnotatet', part: false },
      { stem: 'journal', surface: 'journal', part: true },
      { stem: 'notat', surface: 'notatet', part: true },
    ]);
  });
});

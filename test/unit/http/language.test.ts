import { describe, expect, it } from 'vitest';
import { explicitLanguage, negotiateLanguage } from '../../../shared/http/language.ts';

describe('explicitLanguage', () => {
  it.each([
    ['da', 'da'],
    ['en', 'en'],
    ['da-DK', 'da'],
    ['en-GB', 'en'],
    ['EN-gb', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['da-DK,da;q=0.9,en-US;q=0.8,en;q=0.7', 'da'],
    ['en-US,en;q=0.9,da;q=0.8', 'en'],
    ['en;q=0.8,da;q=0.9', 'da'],
    ['da;q=0.5, en;q=0.9', 'en'],
    ['en;q=0.8, da', 'da'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['sv, en;q=0.3', 'en'],
    ['en;q=abc, da;q=0.1', 'da'],
    ['en;Q=0.2, da;Q=0.4', 'da'],
    ['da;q=0.7, en;q=0.7', 'da'],
  ] as const)('reads %j as %s', (header, expected) => {
    // Act
    const language = explicitLanguage(header);

    // Assess
    expect(language).toBe(expected);
  });

  it.each(['nb', 'nb-NO', 'nn-NO', 'no', 'nb-NO,nb;q=0.9,en;q=0.8'])('gives a Norwegian reader (%s) Danish', (header) => {
    // Act
    const language = explicitLanguage(header);

    // Assess
    expect(language).toBe('da');
  });

  it.each([undefined, '', '*', 'de-DE,fr;q=0.9', 'en;q=0', 'sv-SE, de;q=0.5'])('names no language for %j', (header) => {
    // Act
    const language = explicitLanguage(header);

    // Assess
    expect(language).toBeUndefined();
  });

  it('skips a language the caller refuses with q=0', () => {
    // Act
    const language = explicitLanguage('en;q=0, da;q=0.1');

    // Assess
    expect(language).toBe('da');
  });
});

describe('negotiateLanguage', () => {
  it.each([undefined, '', '*', 'de-DE', 'fr;q=0.9, sv;q=0.8'])('defaults to Danish for %j', (header) => {
    // Act
    const language = negotiateLanguage(header);

    // Assess
    expect(language).toBe('da');
  });

  it.each([
    ['en', 'en'],
    ['en-GB,da;q=0.5', 'en'],
    ['da,en;q=0.9', 'da'],
    ['nb-NO', 'da'],
  ] as const)('follows an explicit preference: %j → %s', (header, expected) => {
    // Act
    const language = negotiateLanguage(header);

    // Assess
    expect(language).toBe(expected);
  });
});

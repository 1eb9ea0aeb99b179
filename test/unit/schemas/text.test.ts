import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../shared/http/validation.ts';
import { humanText, identifierText } from '../../../shared/schemas/text.ts';

const text = humanText(3, 10);

describe('humanText', () => {
  it('stores an å typed as a + ring (U+030A) as the one letter å (NFC)', () => {
    // Act
    const value = text.parse('Bla\u030A bog');

    // Assess
    expect(value).toBe('Blå bog');
    expect(value).toHaveLength(7);
  });

  it.each([
    ['Å', 'A\u030A'],
    ['å', 'a\u030A'],
    ['é', 'e\u0301'],
  ])('composes %s typed as letter + combining mark', (letter, typed) => {
    // Act
    const value = text.parse(`${typed}bc`);

    // Assess
    expect(value).toBe(`${letter}bc`);
  });

  it('counts letters after composing them, so decomposed Danish text is not refused as too long', () => {
    // Prepare: ten letters, twenty code units before NFC
    const decomposed = 'a\u030A'.repeat(10);

    // Act
    const value = text.parse(decomposed);

    // Assess
    expect(decomposed).toHaveLength(20);
    expect(value).toBe('å'.repeat(10));
  });

  it('removes control characters but keeps line breaks and tabs', () => {
    // Act
    const value = humanText(1, 100).parse('Første\u0000 linje\u0007\nAnden\tlinje\u001B');

    // Assess
    expect(value).toBe('Første linje\nAnden\tlinje');
  });

  it('trims surrounding white space', () => {
    // Act
    const value = text.parse('  \n Bøvl \t ');

    // Assess
    expect(value).toBe('Bøvl');
  });

  it.each(['  ab  ', '\u0000\u0000ab', '\n\n\n'])('does not count white space or control characters toward the minimum (%j)', (input) => {
    // Act
    const result = text.safeParse(input);

    // Assess
    expect(result.success).toBe(false);
  });

  it.each([
    ['æøåæøåæøåæ', true],
    ['æøåæøåæøåæø', false],
  ])('takes up to the maximum of letters: %j accepted? %s', (input, accepted) => {
    // Act
    const result = text.safeParse(input);

    // Assess
    expect(result.success).toBe(accepted);
  });

  it('refuses what is not text', () => {
    // Act
    const result = text.safeParse(1234);

    // Assess
    expect(result.success).toBe(false);
  });
});

describe('text that is not well-formed Unicode', () => {
  it.each([
    ['a lone high surrogate at the end', 'IT\ud800'],
    ['a lone low surrogate at the start', '\udc00Bøvl'],
    ['a pair in the wrong order', 'Bø\ude00\ud83dvl'],
    ['a high surrogate followed by a letter', 'Bø\ud83dvl'],
  ])('refuses %s, once, with a message in Danish and English and no length complaint', (_case, input) => {
    // Act
    const result = humanText(3, 4).safeParse(input);

    // Assess
    expect(result.success).toBe(false);
    const issues = result.error?.issues ?? [];
    expect(fieldErrors(issues, 'da')).toEqual([{ pointer: '', detail: 'Teksten indeholder et ugyldigt tegn (ikke gyldig Unicode)' }]);
    expect(fieldErrors(issues, 'en')).toEqual([{ pointer: '', detail: 'The text contains an invalid character (not well-formed Unicode)' }]);
  });

  it('takes characters outside the Basic Multilingual Plane, written as surrogate pairs', () => {
    // Act
    const value = text.parse('Bøvl 😀');

    // Assess
    expect(value).toBe('Bøvl 😀');
  });

  it('refuses a lone surrogate in an identifier, and takes one trimmed but not normalised', () => {
    // Act
    const refused = identifierText(1, 128).safeParse('tove\ud800');
    const taken = identifierText(1, 128).parse('  a\u030Ase ');

    // Assess
    expect(refused.success).toBe(false);
    expect(taken).toBe('a\u030Ase');
  });
});

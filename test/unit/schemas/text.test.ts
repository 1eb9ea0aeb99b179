import { describe, expect, it } from 'vitest';
import { humanText } from '../../../shared/schemas/text.ts';

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

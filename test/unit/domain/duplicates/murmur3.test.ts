import { describe, expect, it } from 'vitest';
import { murmur3 } from '../../../../shared/domain/duplicates/murmur3.ts';

describe('murmur3', () => {
  it.each([
    ['the empty string', '', 0, 0],
    ['the empty string with seed 1', '', 1, 0x514e28b7],
    ['"foo"', 'foo', 0, 4138058784],
    ['"hello"', 'hello', 0, 613153351],
    ['the quick brown fox', 'The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
  ])('gives the published MurmurHash3 x86 32-bit value for %s', (_case, text, seed, expected) => {
    // Act
    const hash = murmur3(text, seed);

    // Assess
    expect(hash).toBe(expected);
  });

  it.each([
    ['æøå, 6 bytes: one block and a 2-byte tail', 'æøå', 0, 267646803],
    ['a Danish word with a seed, 11 bytes: a 3-byte tail', 'hjemmepleje', 42, 1482996838],
  ])('hashes the UTF-8 bytes of %s as the reference implementation does', (_case, text, seed, expected) => {
    // Act
    const hash = murmur3(text, seed);

    // Assess
    expect(hash).toBe(expected);
  });

  it('returns an unsigned 32-bit integer', () => {
    // Act
    const hashes = ['a', 'ab', 'abc', 'abcd', 'abcde', 'borgerservice'].map((text) => murmur3(text, 0xffffffff));

    // Assess
    for (const hash of hashes) {
      expect(Number.isInteger(hash)).toBe(true);
      expect(hash).toBeGreaterThanOrEqual(0);
      expect(hash).toBeLessThanOrEqual(0xffffffff);
    }
  });
});

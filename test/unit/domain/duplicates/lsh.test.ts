import { describe, expect, it } from 'vitest';
import { bandEntries } from '../../../../shared/domain/duplicates/lsh.ts';
import { minhashSignature } from '../../../../shared/domain/duplicates/minhash.ts';

const BANDS = 24;
const ROWS = 1;

function entriesOf(terms: readonly string[]) {
  return bandEntries(minhashSignature(terms, BANDS * (ROWS + 1)), BANDS, ROWS);
}

function sharedKeys(left: readonly string[], right: readonly string[]): number {
  const rightKeys = new Set(entriesOf(right).map((entry) => entry.key));
  return entriesOf(left).filter((entry) => rightKeys.has(entry.key)).length;
}

/** A set of 20 terms, and one with `changed` of them replaced: Jaccard (20 − changed) / (20 + changed). */
function nearlyTheSame(changed: number, name: string): [string[], string[]] {
  const terms = Array.from({ length: 20 }, (_, i) => `${name}-${i}`);
  return [terms, [...terms.slice(changed), ...Array.from({ length: changed }, (_, i) => `${name}-other-${i}`)]];
}

describe('bandEntries', () => {
  it('gives the same keys and sort values on every machine: pinned against an independent implementation', () => {
    // Prepare
    const signature = minhashSignature(['borg', 'hjemmeplej', 'medicin', 'nexus'], 6);

    // Act
    const entries = bandEntries(signature, 3, 1);

    // Assess
    expect(entries).toEqual([
      { key: 'b00:e862b846', sort: '01fd5bf6' },
      { key: 'b01:1b7070db', sort: '2539cf6f' },
      { key: 'b02:8a5e6bb4', sort: '6981aff0' },
    ]);
  });

  it('gives one short printable key per band, numbered in order, fit for a partition key', () => {
    // Act
    const entries = entriesOf(['tolk', 'bestil', 'sagsbehandl', 'møde']);

    // Assess
    expect(entries).toHaveLength(BANDS);
    entries.forEach((entry, band) => {
      expect(entry.key).toMatch(new RegExp(`^b${String(band).padStart(2, '0')}:[0-9a-f]{8}$`));
      expect(entry.sort).toMatch(/^[0-9a-f]{8}$/);
    });
  });

  it('gives identical sets identical bands', () => {
    // Act
    const first = entriesOf(['kørebog', 'papir', 'bil', 'regneark']);
    const second = entriesOf(['regneark', 'bil', 'papir', 'kørebog', 'bil']);

    // Assess
    expect(second).toEqual(first);
  });

  it.each(Array.from({ length: 10 }, (_, i) => [`pair ${i}`, `near${i}`]))(
    'lets nearly identical sets (Jaccard 0.82) share a band: %s',
    (_case, name) => {
      // Prepare
      const [left, right] = nearlyTheSame(2, name);

      // Act
      const shared = sharedKeys(left, right);

      // Assess
      expect(shared).toBeGreaterThan(0);
    },
  );

  it('shares about J × bands keys between sets of Jaccard J: 0.5 over 20 pairs', () => {
    // Prepare
    const pairs = Array.from({ length: 20 }, (_, i) => {
      const common = Array.from({ length: 10 }, (_, j) => `half${i}-common-${j}`);
      return [
        [...common, 'a1', 'a2', 'a3', 'a4', 'a5'].map((term) => `${i}-${term}`),
        [...common, 'b1', 'b2', 'b3', 'b4', 'b5'].map((term) => `${i}-${term}`),
      ] as const;
    });

    // Act
    const meanShare = pairs.reduce((sum, [left, right]) => sum + sharedKeys(left, right) / BANDS, 0) / pairs.length;

    // Assess
    expect(Math.abs(meanShare - 0.5)).toBeLessThan(0.05);
  });

  it('keeps sets without a common term apart', () => {
    // Act
    const shared = sharedKeys(['fravær', 'elev', 'aula', 'lærer'], ['faktura', 'ordre', 'robot', 'bogholderi']);

    // Assess
    expect(shared).toBe(0);
  });

  it('files nothing for an empty signature', () => {
    // Act
    const entries = bandEntries([], BANDS, ROWS);

    // Assess
    expect(entries).toEqual([]);
  });

  it('refuses a signature too short for its bands, rows and sort values', () => {
    // Act
    const cut = () => bandEntries([1, 2, 3], 2, 1);

    // Assess
    expect(cut).toThrow(RangeError);
  });
});

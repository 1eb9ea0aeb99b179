import { describe, expect, it } from 'vitest';
import { duplicateFingerprint } from '../../../../shared/domain/duplicates/fingerprint.ts';
import { ideaFingerprint } from '../../../../shared/domain/duplicates/idea-fingerprint.ts';
import { DUPLICATE_INDEX } from '../../../../shared/domain/duplicates/parameters.ts';

describe('duplicateFingerprint', () => {
  it('files an idea under one band per DUPLICATE_INDEX band, with its shingles', () => {
    // Act
    const fingerprint = duplicateFingerprint(['medicin', 'nexus'], ['giv', 'medicin', 'borg', 'papir', 'nexus']);

    // Assess
    expect(fingerprint.shingles).toEqual(['borg', 'giv', 'medicin', 'nexus', 'papir', 't:medicin', 't:nexus']);
    expect(fingerprint.bands).toHaveLength(DUPLICATE_INDEX.bands);
    expect(fingerprint.bands[0]?.key).toMatch(/^b00:[0-9a-f]{8}$/);
  });

  it('neither files nor looks up a text without terms', () => {
    // Act
    const fingerprint = duplicateFingerprint([], []);

    // Assess
    expect(fingerprint).toEqual({ shingles: [], bands: [] });
  });

  it('still files a text of a single term, which can only meet texts that are nearly just that term', () => {
    // Act
    const fingerprint = duplicateFingerprint(['nexus'], []);

    // Assess
    expect(fingerprint.shingles).toEqual(['nexus', 't:nexus']);
    expect(fingerprint.bands).toHaveLength(DUPLICATE_INDEX.bands);
  });
});

describe('ideaFingerprint', () => {
  it('gives the same fingerprint for the same idea, however it is capitalised and punctuated', () => {
    // Prepare
    const idea = { language: 'da', title: 'Kørebog i kommunens biler', description: 'Vi fører kørebog på papir.' } as const;
    const typedOnAPhone = { language: 'da', title: 'kørebog i kommunens biler', description: 'vi fører kørebog på papir' } as const;

    // Act
    const first = ideaFingerprint(idea);
    const second = ideaFingerprint(typedOnAPhone);

    // Assess
    expect(second).toEqual(first);
    expect(first.bands).toHaveLength(DUPLICATE_INDEX.bands);
  });

  it('neither files nor looks up a text of stop words only', () => {
    // Act
    const fingerprint = ideaFingerprint({ language: 'da', title: 'Og så', description: 'det er den og de' });

    // Assess
    expect(fingerprint).toEqual({ shingles: [], bands: [] });
  });
});

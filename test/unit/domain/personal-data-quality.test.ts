import { describe, expect, it } from 'vitest';
import { PERSONAL_DATA_KINDS } from '../../../shared/domain/personal-data.ts';
import { FLOORS, precision, recall, score, type LabelledText } from '../../eval/personal-data-score.ts';
import fixture from '../../fixtures/personal-data.json' with { type: 'json' };

/** `npm run eval:personal-data` prints the same figures, per kind, with every miss. */
const sentences = fixture as LabelledText[];
const result = score(sentences);

describe('personal-data detection on the labelled sentences', () => {
  it.each(['all', ...PERSONAL_DATA_KINDS] as const)('keeps precision and recall for %s at or above the measured floors', (kind) => {
    // Act
    const counts = kind === 'all' ? result.all : result.perKind[kind];

    // Assess
    expect(precision(counts)).toBeGreaterThanOrEqual(FLOORS[kind].precision);
    expect(recall(counts)).toBeGreaterThanOrEqual(FLOORS[kind].recall);
  });

  it('has at least 150 sentences, most without personal data, some in English, and every kind labelled', () => {
    // Act
    const negatives = sentences.filter((item) => item.spans.length === 0).length;
    const english = sentences.filter((item) => item.language === 'en').length;
    const kinds = new Set(sentences.flatMap((item) => item.spans.map((span) => span.kind)));

    // Assess
    expect(sentences.length).toBeGreaterThanOrEqual(150);
    expect(negatives * 2).toBeGreaterThan(sentences.length);
    expect(english).toBeGreaterThanOrEqual(10);
    expect([...kinds].sort()).toEqual([...PERSONAL_DATA_KINDS].sort());
  });

  it('labels every span with text that occurs exactly once in its sentence, under a unique id', () => {
    // Act, Assess: score() throws on a label that is missing or ambiguous.
    expect(() => score(sentences)).not.toThrow();
    expect(new Set(sentences.map((item) => item.id)).size).toBe(sentences.length);
  });
});

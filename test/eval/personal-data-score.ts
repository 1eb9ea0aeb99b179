/**
 * Scores the personal-data detector (shared/domain/personal-data.ts) on the labelled sentences of
 * test/fixtures/personal-data.json: per kind, the findings that match a label exactly (same kind,
 * same start and end), those that match none (false positives) and the labels no finding matches
 * (false negatives). Used by `npm run eval:personal-data` (test/eval/personal-data.ts), which
 * prints them, and by test/unit/domain/personal-data-quality.test.ts, which keeps them above a floor.
 */
import { findPersonalData, PERSONAL_DATA_KINDS, type PersonalDataKind } from '../../shared/domain/personal-data.ts';

export interface LabelledText {
  id: string;
  language: 'da' | 'en';
  text: string;
  /** Each piece of personal data in `text`, by its kind and its exact text (which occurs once in `text`). */
  spans: { kind: PersonalDataKind; text: string }[];
  /**
   * When the sentence was written: 1, the sentences the detector was developed on; 2, written and
   * labelled before the detector saw them, then used once to correct it (docs/personal-data-detection.md
   * gives their first-run figures); 3, written and labelled last and never tuned on.
   */
  round: 1 | 2 | 3;
}

/**
 * The figures measured on the whole fixture (`npm run eval:personal-data`), rounded down to two
 * decimals: test/unit/domain/personal-data-quality.test.ts fails, and the eval exits with 1, when
 * a change takes any kind below them. Raise them when the detector gets better.
 */
export const FLOORS: Record<PersonalDataKind | 'all', { precision: number; recall: number }> = {
  cpr: { precision: 1, recall: 1 },
  email: { precision: 1, recall: 1 },
  phone: { precision: 0.95, recall: 0.97 },
  health: { precision: 1, recall: 0.89 },
  all: { precision: 0.98, recall: 0.96 },
};

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Miss {
  id: string;
  kind: PersonalDataKind;
  /** `false-positive`: found but not labelled; `false-negative`: labelled but not found. */
  error: 'false-positive' | 'false-negative';
  /** The text of the span, for the person reading the evaluation (the fixture is made up). */
  span: string;
}

export interface Score {
  sentences: number;
  labels: number;
  perKind: Record<PersonalDataKind, Counts>;
  all: Counts;
  misses: Miss[];
}

export function score(fixture: readonly LabelledText[]): Score {
  const perKind = Object.fromEntries(PERSONAL_DATA_KINDS.map((kind) => [kind, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }])) as Record<PersonalDataKind, Counts>;
  const misses: Miss[] = [];
  for (const item of fixture) {
    const labels = item.spans.map((span) => {
      const start = item.text.indexOf(span.text);
      if (start < 0 || item.text.indexOf(span.text, start + 1) >= 0) throw new Error(`${item.id}: "${span.text}" must occur exactly once in the text`);
      return { kind: span.kind, start, end: start + span.text.length };
    });
    const found = findPersonalData(item.text);
    for (const finding of found) {
      const hit = labels.some((label) => label.kind === finding.kind && label.start === finding.start && label.end === finding.end);
      if (hit) perKind[finding.kind].truePositives++;
      else {
        perKind[finding.kind].falsePositives++;
        misses.push({ id: item.id, kind: finding.kind, error: 'false-positive', span: item.text.slice(finding.start, finding.end) });
      }
    }
    for (const label of labels) {
      if (!found.some((finding) => finding.kind === label.kind && finding.start === label.start && finding.end === label.end)) {
        perKind[label.kind].falseNegatives++;
        misses.push({ id: item.id, kind: label.kind, error: 'false-negative', span: item.text.slice(label.start, label.end) });
      }
    }
  }
  const all = Object.values(perKind).reduce(
    (sum, counts) => ({
      truePositives: sum.truePositives + counts.truePositives,
      falsePositives: sum.falsePositives + counts.falsePositives,
      falseNegatives: sum.falseNegatives + counts.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  return { sentences: fixture.length, labels: fixture.reduce((sum, item) => sum + item.spans.length, 0), perKind, all, misses };
}

/** Of what was found, the share that is personal data; 1 when nothing was found. */
export function precision(counts: Counts): number {
  const found = counts.truePositives + counts.falsePositives;
  return found === 0 ? 1 : counts.truePositives / found;
}

/** Of the personal data there is, the share that was found; 1 when there is none. */
export function recall(counts: Counts): number {
  const labelled = counts.truePositives + counts.falseNegatives;
  return labelled === 0 ? 1 : counts.truePositives / labelled;
}

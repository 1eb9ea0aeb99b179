/**
 * The municipality's strategy: versioned data, not code. Themes are what ideas are matched
 * against (theme alignment); criteria are what triage scores each idea on (the scorecard).
 * An idea records the strategy version it was scored with.
 */
import type { Language } from '../idea.ts';

export type Text = Record<Language, string>;

export interface Theme {
  /** Stable id, lower case, e.g. `automatisering`. */
  id: string;
  name: Text;
  description: Text;
  /** Words and phrases that signal the theme, per language; matched after stemming. */
  keywords: Record<Language, string[]>;
  /** Relative importance in the strategy; non-negative. */
  weight: number;
}

/** One step of a criterion's 0–4 scale, with what it means. */
export type ScaleStep = Text;

export interface Criterion {
  /** Stable id, e.g. `strategic_fit`. */
  id: string;
  name: Text;
  /** Relative weight in the priority score; non-negative, and the weights of a strategy sum to more than 0. */
  weight: number;
  /** Exactly five steps: the meaning of 0, 1, 2, 3 and 4. */
  scale: [ScaleStep, ScaleStep, ScaleStep, ScaleStep, ScaleStep];
}

/** What an admin writes; the version and its metadata are added when it is stored. */
export interface StrategyContent {
  name: Text;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  period: { from: string; to: string };
  themes: Theme[];
  criteria: Criterion[];
}

export interface Strategy extends StrategyContent {
  /** 1, 2, 3, … every replacement creates the next version; old versions stay readable. */
  version: number;
  createdAt: string;
  /** Who stored this version; the shipped default has `system`. */
  createdBy: string;
}

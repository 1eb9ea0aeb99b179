import type { Language } from '../idea.ts';
import { analyze } from '../text/analyze.ts';
import { duplicateFingerprint, type DuplicateFingerprint } from './fingerprint.ts';

/** The text of an idea as duplicate detection reads it. */
export interface IdeaText {
  title: string;
  description: string;
  language: Language;
}

/**
 * The duplicate fingerprint of an idea's text: title and description analysed apart, so the
 * title's terms can weigh twice. The intake worker, `GET /ideas/similar` and the evaluation all
 * come through here, so an idea is indexed and looked up the same way everywhere.
 */
export function ideaFingerprint(text: IdeaText): DuplicateFingerprint {
  return duplicateFingerprint(analyze(text.title, text.language), analyze(text.description, text.language));
}

/**
 * The parts of a text to highlight: where the words that matched a theme occur. The API gives the
 * idea's own words as written, lower case (`matchedTerms`, shared/domain/themes/align.ts), a phrase
 * when two words matched together, and the part of a compound when only the part matched; so
 * every case-insensitive occurrence is marked, inside a longer word too. Pure.
 */
export interface Segment {
  text: string;
  marked: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const words = [...new Set(terms.map((term) => term.trim()).filter((term) => term.length > 1))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return [{ text, marked: false }];
  // A phrase may be split over any whitespace in the text.
  const pattern = new RegExp(words.map((word) => word.split(/\s+/).map(escapeRegExp).join('\\s+')).join('|'), 'giu');
  const segments: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: match[0], marked: true });
    at = start + match[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

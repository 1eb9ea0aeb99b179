/**
 * Words of a text, in order. A word is a run of letters and digits, with apostrophes inside it
 * (don't, citizen's); hyphens and everything else separate words, so "it-system" is "it" and
 * "system" and a Danish compound written with a hyphen falls apart into its parts.
 */
import { normalise } from './normalise.ts';

export interface Token {
  /** The word as written, in lower case (NFC): what a person reads in an explanation. */
  surface: string;
  /** The word after normalise(): what stop words, stemming and compounds work on. */
  normal: string;
  /** Written in capitals (IT, AI, SMS), and not in a text of several words all in capitals: an abbreviation, never a stop word. */
  acronym: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const HAS_LETTER = /\p{L}/u;

export function tokenize(text: string): Token[] {
  const nfc = text.normalize('NFC');
  const words = [...nfc.matchAll(WORD)].map(([word]) => word);
  const shouted = words.length > 1 && nfc === nfc.toUpperCase();
  const tokens: Token[] = [];
  for (const word of words) {
    // Numbers say how much, not what about; a single letter says nothing.
    if (word.length < 2 || !HAS_LETTER.test(word)) continue;
    const acronym = !shouted && word.length <= 5 && word === word.toUpperCase() && word !== word.toLowerCase();
    tokens.push({ surface: word.toLowerCase(), normal: normalise(word), acronym });
  }
  return tokens;
}

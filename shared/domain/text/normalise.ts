/**
 * One spelling for every way a word can be typed: Unicode NFC, lower case, the Danish letters
 * æ, ø and å kept as letters of their own, every other accent folded away (é → e, ü → u, ö → o),
 * and typographic apostrophes made plain.
 *
 * "aa" is deliberately left alone: it is å only in old spellings of names (Aarhus, Aabenraa),
 * and turning it into å would break compounds where two a's meet (dataadgang).
 */

const DANISH_LETTERS = new Set(['æ', 'ø', 'å']);

/** Letters outside ASCII and æøå, which lose their accents. */
const FOLDABLE = /[^\p{ASCII}æøå]/gu;
const MARKS = /\p{M}/gu;

function fold(letter: string): string {
  if (DANISH_LETTERS.has(letter)) return letter;
  return letter === 'ß' ? 'ss' : letter.normalize('NFD').replace(MARKS, '');
}

export function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[’‘`´]/gu, "'").replace(FOLDABLE, fold);
}

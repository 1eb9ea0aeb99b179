/**
 * Danish compounds: "journalnotat" is a journal and a notat, and a text about one should meet a
 * text about the other. A long word is split into known words, allowing the linking letters -s-
 * and -e- between parts (sag-s-behandling, jul-e-frokost) and a dropped final -e
 * (arbejd(e)-s-plads). The last part may be inflected (journal + notaterne), so it is matched as
 * a known word with an ending, or by its stem. Parts are split again, so borgerservicemedarbejder
 * gives borgerservice, borger, service and medarbejder. When only the start or the end of a long
 * word is known, that much is still found: robotstøvsugere gives robot.
 */
import { DANISH_BASE_WORDS } from './danish-words.ts';
import { normalise } from './normalise.ts';
import { stem } from './stem.ts';

/** The words compounds are split into: normalised dictionary forms and their Danish stems. */
export interface Vocabulary {
  readonly words: ReadonlySet<string>;
  readonly stems: ReadonlySet<string>;
}

const MIN_PART = 3;
/** A stem this short (led, tal) matches too many word endings to count as the end of a compound. */
const MIN_FINAL_STEM = 4;
const MIN_COMPOUND = 2 * MIN_PART;
const LINKING_LETTERS = new Set(['s', 'e']);
/** The endings a Danish noun or verb takes after its dictionary form (skole-rne, plads-en, plan-er). */
const ENDINGS = ['e', 'en', 'ene', 'ens', 'er', 'ere', 'erne', 'ernes', 'es', 'et', 'ets', 'n', 'ne', 'nes', 'ns', 'r', 'rne', 's', 't'];

/** A vocabulary of the given words (normalised; shorter than three letters ignored). */
export function vocabularyOf(words: Iterable<string>): Vocabulary {
  const normal = new Set<string>();
  for (const word of words) {
    const n = normalise(word);
    if (n.length >= MIN_PART) normal.add(n);
  }
  return { words: normal, stems: new Set([...normal].map((word) => stem(word, 'da'))) };
}

let base: Vocabulary | undefined;

/**
 * The built-in vocabulary: Danish municipal words (danish-words.ts). Made on first use, as
 * stemming every word takes milliseconds that a function which never reads text should not
 * spend at its cold start.
 */
export function baseVocabulary(): Vocabulary {
  base ??= vocabularyOf(DANISH_BASE_WORDS);
  return base;
}

/** The built-in vocabulary with more words, e.g. those of a strategy's themes. */
export function extendVocabulary(base: Vocabulary, words: Iterable<string>): Vocabulary {
  const more = vocabularyOf(words);
  return { words: new Set([...base.words, ...more.words]), stems: new Set([...base.stems, ...more.stems]) };
}

function isLeadingPart(part: string, vocabulary: Vocabulary): boolean {
  return vocabulary.words.has(part) || (part.length > MIN_PART && vocabulary.words.has(`${part}e`));
}

function isFinalPart(part: string, vocabulary: Vocabulary): boolean {
  if (vocabulary.words.has(part)) return true;
  for (const ending of ENDINGS) {
    const base = part.slice(0, -ending.length);
    if (part.endsWith(ending) && base.length >= MIN_PART && vocabulary.words.has(base)) return true;
  }
  const stemmed = stem(part, 'da');
  return stemmed.length >= MIN_FINAL_STEM && vocabulary.stems.has(stemmed);
}

interface Segmentation {
  parts: string[];
  linkers: number;
}

function better(a: Segmentation, b: Segmentation | undefined): boolean {
  if (!b) return true;
  if (a.parts.length !== b.parts.length) return a.parts.length < b.parts.length;
  if (a.linkers !== b.linkers) return a.linkers < b.linkers;
  // Prefer the longer first part: ældre|pleje over a shorter, rarer reading.
  return (a.parts[0]?.length ?? 0) > (b.parts[0]?.length ?? 0);
}

/**
 * The parts of a normalised word: the fewest known words that make it up, with the fewest linking
 * letters; [] when the word is not a compound of known words.
 */
function segment(word: string, vocabulary: Vocabulary): string[] {
  const n = word.length;
  // best[i]: the best way to read word[i..] as a sequence of parts, the last one final.
  const best: (Segmentation | undefined)[] = new Array(n + 1);
  for (let i = n - MIN_PART; i >= 0; i--) {
    let found: Segmentation | undefined;
    if (i > 0 && isFinalPart(word.slice(i), vocabulary)) found = { parts: [word.slice(i)], linkers: 0 };
    for (let j = i + MIN_PART; j <= n - MIN_PART; j++) {
      const part = word.slice(i, j);
      if (!isLeadingPart(part, vocabulary)) continue;
      const candidates: [number, number][] = [[j, 0]];
      if (LINKING_LETTERS.has(word.charAt(j))) candidates.push([j + 1, 1]);
      for (const [next, linker] of candidates) {
        const rest = best[next];
        if (!rest) continue;
        const candidate = { parts: [part, ...rest.parts], linkers: rest.linkers + linker };
        if (better(candidate, found)) found = candidate;
      }
    }
    best[i] = found;
  }
  const whole = best[0];
  return whole && whole.parts.length > 1 ? whole.parts : knownEnds(word, vocabulary);
}

/** A lone modifier or head this long is rarely a coincidence (robot|støvsugere, skrald|e|spande). */
const MIN_LONE_PART = 5;

/** A known word of at least five letters, possibly with an ending: the head of a compound. */
function isLoneHead(part: string, vocabulary: Vocabulary): boolean {
  if (vocabulary.words.has(part)) return part.length >= MIN_LONE_PART;
  return ENDINGS.some((ending) => {
    const base = part.slice(0, -ending.length);
    return part.endsWith(ending) && base.length >= MIN_LONE_PART && vocabulary.words.has(base);
  });
}

/**
 * When not every part is known: a known modifier at the start before at least five more letters,
 * and a known head at the end after at least four, each a word of at least five letters.
 */
function knownEnds(word: string, vocabulary: Vocabulary): string[] {
  const n = word.length;
  let modifier: string | undefined;
  for (let j = n - MIN_LONE_PART; j >= MIN_LONE_PART && !modifier; j--) {
    if (vocabulary.words.has(word.slice(0, j))) modifier = word.slice(0, j);
  }
  let head: string | undefined;
  for (let i = MIN_PART + 1; i <= n - MIN_LONE_PART && !head; i++) {
    if (isLoneHead(word.slice(i), vocabulary)) head = word.slice(i);
  }
  return [modifier, head].filter((part) => part !== undefined);
}

const CACHE_LIMIT = 20_000;
const caches = new WeakMap<Vocabulary, Map<string, readonly string[]>>();

/**
 * Every known word inside a normalised Danish word, outermost first (borgerservicemedarbejder →
 * borgerservice, borger, service, medarbejder); [] when no known word is found in it.
 */
export function compoundParts(word: string, vocabulary: Vocabulary = baseVocabulary()): readonly string[] {
  if (word.length < MIN_COMPOUND) return [];
  let cache = caches.get(vocabulary);
  if (!cache) {
    cache = new Map();
    caches.set(vocabulary, cache);
  }
  let parts = cache.get(word);
  if (parts === undefined) {
    parts = segment(word, vocabulary).flatMap((part) => [part, ...compoundParts(part, vocabulary)]);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, parts);
  }
  return parts;
}

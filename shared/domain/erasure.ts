/**
 * Pseudonymising one person in stored data: the rule of the GDPR erasure (`POST /me/erase`) and
 * of the retention job (docs/privacy.md). Pure: no I/O, no AWS.
 *
 * A person is found by their traces: their subject, every name and e-mail address they have
 * been stored under, and the keyed hashes their items are kept under (a supporter's hash, say).
 * Whatever holds a trace is rewritten:
 *
 * - a reference to the person (an object whose `sub` is theirs: a submitter, an actor, an
 *   assignee, a comment's author, a pilot's owner) keeps its place under the pseudonym, without
 *   `name` or `email`;
 * - the subject and the hashes, wherever else they appear (in an index key, say), become the pseudonym;
 * - a name or e-mail address inside text is replaced by {@link REDACTED}.
 *
 * The pseudonym is random and kept nowhere with the subject, so nothing links it back to the
 * person; it is one value for all of a person's items, so a history still reads "the same
 * person asked, then answered".
 */

/** What identifies one person in stored data. */
export interface PersonTraces {
  sub: string;
  /** Names the person has been stored under; names shorter than {@link MIN_NAME_LENGTH} are replaced only where they stand as a person's name, never inside text. */
  names: readonly string[];
  emails: readonly string[];
  /** Keyed hashes of the person (shared/secret.ts): kept as parts of keys, never as text. */
  hashes: readonly string[];
}

/** What a name or e-mail address inside text becomes: language-neutral, as stored text is read in Danish and English. */
export const REDACTED = '[…]';

/** Shorter names would match inside ordinary words. */
export const MIN_NAME_LENGTH = 3;

const PSEUDONYM_PREFIX = 'erased-';

/** A new pseudonym: random, so it links to nobody. */
export function newPseudonym(random: () => string = () => crypto.randomUUID()): string {
  return `${PSEUDONYM_PREFIX}${random()}`;
}

/** Whether a subject or hash is a pseudonym an erasure left. */
export function isPseudonym(value: string): boolean {
  return value.startsWith(PSEUDONYM_PREFIX);
}

/**
 * The person's traces with every name and address their stored references carry (a submitter's
 * name, an actor's name, a submitter's e-mail), so text that names them under a name the token no
 * longer carries is found too.
 */
export function learnTraces(traces: PersonTraces, value: unknown): PersonTraces {
  const names = new Set(traces.names);
  const emails = new Set(traces.emails);
  walk(value, (node) => {
    if (node['sub'] !== traces.sub) return;
    if (typeof node['name'] === 'string' && node['name'].trim() !== '') names.add(node['name']);
    if (typeof node['email'] === 'string' && node['email'].trim() !== '') emails.add(node['email']);
  });
  return { ...traces, names: [...names], emails: [...emails] };
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) for (const element of value) walk(element, visit);
  else if (value !== null && typeof value === 'object') {
    visit(value as Record<string, unknown>);
    for (const child of Object.values(value)) walk(child, visit);
  }
}

/** The value with the person pseudonymised (see the module's comment); an equal value when it holds no trace. */
export function pseudonymised<T>(value: T, traces: PersonTraces, pseudonym: string): T {
  const replace = textReplacer(traces, pseudonym);
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return replace(node);
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    const person = record['sub'] === traces.sub;
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(record)) {
      if (person && (key === 'name' || key === 'email')) continue;
      result[key] = visit(child);
    }
    return result;
  };
  return visit(value) as T;
}

/**
 * The replacer of one person's traces under one pseudonym, made once: an erasure pseudonymises
 * every item of the table with the same traces (a page's worth at a time), and building its
 * patterns per item would be most of the work.
 */
const replacers = new WeakMap<PersonTraces, { pseudonym: string; replace: (text: string) => string }>();

function textReplacer(traces: PersonTraces, pseudonym: string): (text: string) => string {
  const cached = replacers.get(traces);
  if (cached?.pseudonym === pseudonym) return cached.replace;
  const replace = buildReplacer(traces, pseudonym);
  replacers.set(traces, { pseudonym, replace });
  return replace;
}

function buildReplacer(traces: PersonTraces, pseudonym: string): (text: string) => string {
  const identifiers = [traces.sub, ...traces.hashes].filter((identifier) => identifier !== '');
  // An identifier is replaced where it stands whole (`SUBMITTER#<sub>`), never inside a longer one.
  const identifierPattern =
    identifiers.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${identifiers.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');
  const words = [...traces.emails, ...traces.names.filter((name) => name.trim().length >= MIN_NAME_LENGTH)].map((word) => word.trim().normalize('NFC'));
  const wordPattern =
    words.length === 0
      ? undefined
      : new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => {
    let result = identifierPattern === undefined ? text : text.replace(identifierPattern, pseudonym);
    if (wordPattern !== undefined) {
      const normalised = result.normalize('NFC');
      const replaced = normalised.replace(wordPattern, REDACTED);
      if (replaced !== normalised) result = replaced;
    }
    return result;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

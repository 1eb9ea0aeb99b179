import type { Language } from '../domain/idea.ts';
import { matchesVersion, type VersionMatch } from '../domain/versions.ts';
import type { HttpEvent } from './handler.ts';
import { PreconditionFailedError, PreconditionRequiredError, ValidationError } from './errors.ts';

/** The ETag of something versioned: its version number, quoted. Always strong. */
export function etag(version: number): string {
  return `"${version}"`;
}


/**
 * The caller's `If-Match`. A change without it is refused (428), so two people editing at once
 * can never silently overwrite each other; a value that is not `*` or a list of entity tags is a
 * client fault, 400 on `/if-match` (a 412 would tell the client to fetch and retry, with the same
 * broken header). Well-formed tags that match nothing come back as an empty list, and 412 once
 * compared.
 */
export function ifMatch(event: HttpEvent, language: Language): VersionMatch {
  const header = event.headers['if-match'];
  if (header === undefined) throw new PreconditionRequiredError();
  const parsed = parseIfMatch(header);
  if (parsed === 'empty') throw new PreconditionRequiredError();
  if (parsed === 'malformed') {
    throw new ValidationError([
      {
        pointer: '/if-match',
        detail: language === 'da' ? 'Skal være * eller en eller flere ETags som "3", adskilt af komma' : 'Must be * or one or more ETags such as "3", separated by commas',
      },
    ]);
  }
  return parsed;
}

/**
 * RFC 9110's `If-Match = "*" / #entity-tag`, with `entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE`
 * and `etagc = %x21 / %x23-7E / obs-text`. A comma may stand inside a tag, so the list is scanned,
 * not split. Empty list elements are ignored as §5.6.1 asks; a value with no tag at all is treated
 * as no `If-Match`. Returns the versions named by strong tags in this API's own form.
 */
export function parseIfMatch(value: string): VersionMatch | 'empty' | 'malformed' {
  const text = value.replace(/^[ \t]+|[ \t]+$/g, '');
  if (text === '*') return '*';
  const versions: number[] = [];
  let tags = 0;
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === ',' || char === ' ' || char === '\t') {
      at += 1;
      continue;
    }
    const weak = text.startsWith('W/', at);
    const open = weak ? at + 2 : at;
    if (text[open] !== '"') return 'malformed';
    const close = text.indexOf('"', open + 1);
    if (close === -1) return 'malformed';
    const opaque = text.slice(open + 1, close);
    if (!/^[\x21\x23-\x7e\x80-\xff]*$/.test(opaque)) return 'malformed';
    at = close + 1;
    // Between two tags only optional whitespace and the comma.
    const rest = /^[ \t]*(?:,|$)/.exec(text.slice(at));
    if (rest === null) return 'malformed';
    tags += 1;
    if (!weak && /^(?:0|[1-9][0-9]{0,14})$/.test(opaque)) versions.push(Number(opaque));
  }
  return tags === 0 ? 'empty' : versions;
}

/**
 * The version to write over, for a store that takes one number and conditions its write on it:
 * the one version `If-Match` lists, without a read; for `*` or several tags, the current version
 * (read with `current`) if `If-Match` accepts it. Otherwise 412.
 */
export async function versionToReplace(match: VersionMatch, current: () => Promise<number>): Promise<number> {
  if (match !== '*' && match.length === 0) throw new PreconditionFailedError();
  if (match !== '*' && match.length === 1) return match[0] as number;
  const version = await current();
  if (!matchesVersion(match, version)) throw new PreconditionFailedError();
  return version;
}

/**
 * No link in the repository's Markdown is dead. Every Markdown file (README.md, docs/, and any
 * other outside node_modules, .git and the generated folders) is read; every relative link,
 * `[text](path)`, `[text](path#anchor)`, `[text](#anchor)`, an image or a reference definition
 * (`[name]: path`), must lead to a file or folder inside the repository, and its anchor to a
 * heading of the target (GitHub's slugs). Links to public URLs (https, http, mailto) are not
 * fetched: the tests run without the internet. Links inside code (fenced blocks, `spans`) are
 * text, not links.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
/** Folders that are not the repository's own writing: dependencies, git, and what tools generate. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'cdk.out', '.spire', 'coverage', '.vitest']);
/** Links that leave the repository on purpose: public URLs. */
const PUBLIC_URL = /^(https?:\/\/|mailto:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** GitHub's line anchors on a file that is not Markdown: `#L12` or `#L12-L20`. */
const LINE_ANCHOR = /^L\d+(-L\d+)?$/;

export interface Link {
  line: number;
  text: string;
  target: string;
}

export interface DeadLink {
  file: string;
  line: number;
  link: string;
  why: string;
}

/** Every Markdown file of the repository, as paths relative to its root ('/' between folders). */
export function markdownFiles(root: string = ROOT): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(join(folder, entry.name));
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        found.push(relative(root, join(folder, entry.name)).split(sep).join('/'));
      }
    }
  };
  walk(root);
  return found.sort();
}

/** The lines of a Markdown text with fenced code blocks blanked out (their line numbers kept). */
function proseLines(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split(/\r?\n/).map((line) => {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined) {
      if (opening?.[1] !== undefined) {
        fence = opening[1];
        return '';
      }
      return line;
    }
    if (opening?.[1] !== undefined && opening[1][0] === fence[0] && opening[1].length >= fence.length && line.trim() === opening[1]) fence = undefined;
    return '';
  });
}

/** A line with the text of its code spans blanked out, so `[a](b)` written as code is no link. */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (span) => ' '.repeat(span.length));
}

/** The links of a Markdown text: inline links and images, and reference definitions. */
export function linksOf(markdown: string): Link[] {
  const links: Link[] = [];
  proseLines(markdown).forEach((raw, index) => {
    const line = withoutCodeSpans(raw);
    const inline = /!?\[((?:[^[\]]|\[[^\]]*\])*)\]\(\s*(<[^>]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
    for (const match of line.matchAll(inline)) {
      links.push({ line: index + 1, text: raw.slice(match.index, match.index + match[0].length), target: unbracketed(match[2] ?? '') });
    }
    const definition = /^ {0,3}\[([^\]]+)\]:\s*(<[^>]*>|\S+)/.exec(line);
    if (definition !== null) links.push({ line: index + 1, text: raw.trim(), target: unbracketed(definition[2] ?? '') });
  });
  return links;
}

function unbracketed(target: string): string {
  return target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target;
}

/**
 * GitHub's anchor for a heading's text: the text as rendered (no code ticks, emphasis, links or
 * HTML), in lower case, without punctuation (letters of every alphabet, æ, ø and å among them,
 * digits, `_` and `-` stay), each space a `-`.
 */
export function slugOf(heading: string): string {
  const rendered = heading
    .replace(/!?\[((?:[^[\]]|\[[^\]]*\])*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .split(/(`+[^`]*`+)/)
    .map((part) => (part.startsWith('`') ? part.replace(/^`+|`+$/g, '') : part.replace(/\*+|~~/g, '').replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1')))
    .join('');
  return rendered
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown text offers: its headings' slugs (a repeated one gets -1, -2, …) and `<a id>`/`<a name>`. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const add = (slug: string): void => {
    const times = seen.get(slug) ?? 0;
    seen.set(slug, times + 1);
    anchors.add(times === 0 ? slug : `${slug}-${times}`);
  };
  const lines = proseLines(markdown);
  lines.forEach((line, index) => {
    const atx = /^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(line);
    if (atx !== null) {
      add(slugOf(atx[1] ?? ''));
    } else {
      const next = lines[index + 1] ?? '';
      const paragraph = line.trim() !== '' && !/^\s*([#|>*+-]|\d+\.|`)/.test(line);
      if (paragraph && /^ {0,3}(=+|-+)\s*$/.test(next)) add(slugOf(line));
    }
    for (const html of line.matchAll(/<a\s+[^>]*(?:id|name)\s*=\s*["']([^"']+)["']/gi)) anchors.add(html[1] ?? '');
  });
  return anchors;
}

/** What is wrong with each link of `file` (a path relative to `root`); nothing when all lead somewhere. */
export function deadLinks(file: string, root: string = ROOT): DeadLink[] {
  const markdown = readFileSync(join(root, file), 'utf8');
  const dead: DeadLink[] = [];
  for (const link of linksOf(markdown)) {
    const why = whyDead(link.target, file, markdown, root);
    if (why !== undefined) dead.push({ file, line: link.line, link: link.text, why });
  }
  return dead;
}

function whyDead(target: string, file: string, markdown: string, root: string): string | undefined {
  if (target === '') return 'the link has no target';
  if (PUBLIC_URL.test(target)) return undefined;
  if (ANY_SCHEME.test(target)) return `"${target}" is neither a path in the repository nor a public URL (https://…)`;
  if (target.startsWith('//')) return `"${target}" has no scheme; write the public URL with https://`;
  if (target.startsWith('/')) return `"${target}" is absolute; write the path relative to ${file}`;

  const hash = target.indexOf('#');
  const pathPart = hash === -1 ? target : target.slice(0, hash);
  const anchor = hash === -1 ? undefined : decoded(target.slice(hash + 1));
  if (pathPart === '') return anchor === undefined || anchorsOf(markdown).has(anchor) ? undefined : `no heading in ${file} has the anchor #${anchor}`;

  const pathText = decoded(pathPart.replace(/\?.*$/, ''));
  const absolute = resolve(root, dirname(file), pathText);
  const inside = relative(root, absolute);
  if (inside === '..' || inside.startsWith(`..${sep}`) || resolve(root, inside) !== absolute) return `${pathPart} leads outside the repository`;
  const shown = inside.split(sep).join('/') || '.';
  if (!existsSync(absolute)) return `${shown} does not exist`;
  if (anchor === undefined) return undefined;
  if (statSync(absolute).isDirectory()) return `${shown} is a folder, which has no anchor #${anchor}`;
  if (extname(absolute).toLowerCase() !== '.md') return LINE_ANCHOR.test(anchor) ? undefined : `${shown} is not Markdown, so it has no heading #${anchor}`;
  return anchorsOf(readFileSync(absolute, 'utf8')).has(anchor) ? undefined : `no heading in ${shown} has the anchor #${anchor}`;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

describe('links in the Markdown files', () => {
  const files = markdownFiles();

  it('finds the README and the docs', () => {
    // Assess
    expect(files).toContain('README.md');
    expect(files.filter((file) => file.startsWith('docs/')).length).toBeGreaterThan(0);
  });

  it.each(files)('%s: every relative link leads to a file in the repository and a heading there', (file) => {
    // Act
    const dead = deadLinks(file);

    // Assess
    expect(dead.map((link) => `${link.file}:${link.line}: ${link.link} — ${link.why}`)).toEqual([]);
  });

  it("lists every page of docs/ in the README's Documentation section", () => {
    // Prepare
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = /^## Documentation\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1] ?? '';

    // Act
    const listed = new Set(linksOf(section).map((link) => link.target.split('#')[0]));
    const missing = files.filter((file) => file.startsWith('docs/') && !listed.has(file));

    // Assess
    expect(section, 'README.md has a "## Documentation" section').not.toBe('');
    expect(missing, 'docs/ pages without a line in the README\'s "Documentation" list').toEqual([]);
  });
});

describe('slugOf', () => {
  it.each([
    ['Quick start', 'quick-start'],
    ['Finding a request\'s log lines', 'finding-a-requests-log-lines'],
    ['7. Try a token (optional)', '7-try-a-token-optional'],
    ['Access: `GET /me/export`', 'access-get-meexport'],
    ['Grants, enforced on a laptop', 'grants-enforced-on-a-laptop'],
    ['Ældreplejen, Ærø og små skoler', 'ældreplejen-ærø-og-små-skoler'],
    ['The **stage**-gates and `stage_limit`', 'the-stage-gates-and-stage_limit'],
    ['Cursors [RFC](https://example.org/)', 'cursors-rfc'],
  ])('makes "%s" into #%s, as GitHub does', (heading, slug) => {
    // Act, Assess
    expect(slugOf(heading)).toBe(slug);
  });
});

describe('the link checker', () => {
  const markdown = [
    '# Spire',
    '',
    '## Quick start',
    '## Quick start',
    'Fine: [start](#quick-start), [again](#quick-start-1), [the API](https://example.org/api).',
    'Dead: [nowhere](#slow-start) and ![image](missing.png).',
    '',
    '```sh',
    'echo "[not a link](missing.md)"',
    '```',
    '`[nor this](missing.md)`',
    '[ref]: elsewhere.md',
  ].join('\n');

  it('reads inline links, images and reference definitions, and skips code', () => {
    // Act
    const links = linksOf(markdown);

    // Assess
    expect(links.map((link) => [link.line, link.target])).toEqual([
      [5, '#quick-start'],
      [5, '#quick-start-1'],
      [5, 'https://example.org/api'],
      [6, '#slow-start'],
      [6, 'missing.png'],
      [12, 'elsewhere.md'],
    ]);
  });

  it('numbers repeated headings as GitHub does', () => {
    // Act, Assess
    expect([...anchorsOf(markdown)]).toEqual(['spire', 'quick-start', 'quick-start-1']);
  });

  it('names the file, the line, the link and why, for a missing file, a missing anchor and a path out of the repository', () => {
    // Prepare: README.md's real neighbours, and links that cannot work
    const broken = [
      '[gone](docs/no-such-file.md)',
      '[no heading](README.md#no-such-heading)',
      '[outside](../shared/DESIGN.md)',
      '[not here](#nowhere)',
      '[absolute](/docs/api.md)',
      '[local file](file:///etc/passwd)',
      '[folder anchor](docs#x)',
    ];

    // Act
    const why = broken.map((link) => whyDead(linksOf(link)[0]?.target ?? '', 'README.md', link, ROOT));

    // Assess
    expect(why).toEqual([
      'docs/no-such-file.md does not exist',
      'no heading in README.md has the anchor #no-such-heading',
      '../shared/DESIGN.md leads outside the repository',
      'no heading in README.md has the anchor #nowhere',
      '"/docs/api.md" is absolute; write the path relative to README.md',
      '"file:///etc/passwd" is neither a path in the repository nor a public URL (https://…)',
      'docs is a folder, which has no anchor #x',
    ]);
  });

  it('accepts links to folders, to files that are not Markdown, and line anchors on code', () => {
    // Prepare
    const fine = ['[docs](docs/)', '[the description](infra/system.ts)', '[a line](infra/system.ts#L1)', '[the README](README.md#quick-start)'];

    // Act
    const why = fine.map((link) => whyDead(linksOf(link)[0]?.target ?? '', 'README.md', link, ROOT));

    // Assess
    expect(why).toEqual([undefined, undefined, undefined, undefined]);
  });
});

/**
 * The submit page's weight on a phone: the JavaScript and CSS its first visit transfers (the entry
 * of web/index.html, its static imports and their CSS, gzip-compressed as CloudFront sends them)
 * stays within 100 KB, and carries none of the console's texts. The pages other than the submit
 * page load later (lazy routes), so they are not counted. Read from the manifest of the build the
 * web project's global setup made.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { da } from '../../web/src/i18n/da.ts';
import { en } from '../../web/src/i18n/en.ts';
import { consoleDa } from '../../web/src/pages/console/texts/da.ts';
import { consoleEn } from '../../web/src/pages/console/texts/en.ts';

const DIST = new URL('../../web/dist/', import.meta.url);
const BUDGET_BYTES = 100 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** The files a first visit of the entry loads: the entry, its static imports (transitively) and their CSS. */
function firstVisitFiles(manifest: Record<string, ManifestChunk>, entry: string): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (chunk === undefined || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  return [...files];
}

/** Every plain text of a dictionary (functions left out: their words are split by placeholders). */
function plainTexts(texts: object): string[] {
  return Object.values(texts).flatMap((value: unknown) => (typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? plainTexts(value) : []));
}

function readManifest(): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(new URL('.vite/manifest.json', DIST), 'utf8')) as Record<string, ManifestChunk>;
}

describe('the submit page’s size', () => {
  it('transfers at most 100 KB of JavaScript and CSS, gzip-compressed, on the first visit', () => {
    // Arrange
    const files = firstVisitFiles(readManifest(), 'index.html');

    // Act
    const sizes = Object.fromEntries(files.map((file) => [file, gzipSync(readFileSync(new URL(file, DIST)), { level: 9 }).length]));
    const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);

    // Assess
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    expect(files.some((file) => file.endsWith('.css'))).toBe(true);
    const kind = (ending: string) => files.filter((file) => file.endsWith(ending)).reduce((sum, file) => sum + (sizes[file] as number), 0);
    console.log(
      `The submit page's first visit: ${(total / 1024).toFixed(1)} KB gzip, JavaScript ${(kind('.js') / 1024).toFixed(1)} KB, CSS ${(kind('.css') / 1024).toFixed(1)} KB (${files.map((file) => `${file} ${((sizes[file] as number) / 1024).toFixed(1)} KB`).join(', ')})`,
    );
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('carries none of the console’s texts on the first visit: they load with the console’s pages', () => {
    // Arrange: the console's phrases that the frame's dictionaries do not also have (a single
    // word such as "none" may be code's own string)
    const frame = new Set([...plainTexts(da), ...plainTexts(en)]);
    const consoleOnly = [...plainTexts(consoleDa), ...plainTexts(consoleEn)].filter((text) => text.includes(' ') && !frame.has(text));
    const scripts = firstVisitFiles(readManifest(), 'index.html').filter((file) => file.endsWith('.js'));
    const code = scripts.map((file) => readFileSync(new URL(file, DIST), 'utf8')).join('\n');

    // Assess
    expect(consoleOnly.length).toBeGreaterThan(100);
    // A text is in the code as a string literal of its own, in whichever quotes the build chose.
    expect(consoleOnly.filter((text) => ['"', "'", '`'].some((quote) => code.includes(`${quote}${text}${quote}`)))).toEqual([]);
  });
});

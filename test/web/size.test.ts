/**
 * The submit page's weight on a phone: the JavaScript and CSS its first visit transfers (the entry
 * of web/index.html, its static imports and their CSS, gzip-compressed as CloudFront sends them)
 * stays within 100 KB. The pages other than the submit page load later (lazy routes), so they are
 * not counted. Read from the manifest of the build the web project's global setup made.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

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

describe('the submit page’s size', () => {
  it('transfers at most 100 KB of JavaScript and CSS, gzip-compressed, on the first visit', () => {
    // Arrange
    const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', DIST), 'utf8')) as Record<string, ManifestChunk>;
    const files = firstVisitFiles(manifest, 'index.html');

    // Act
    const sizes = Object.fromEntries(files.map((file) => [file, gzipSync(readFileSync(new URL(file, DIST)), { level: 9 }).length]));
    const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);

    // Assess
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    expect(files.some((file) => file.endsWith('.css'))).toBe(true);
    console.log(`The submit page's first visit: ${(total / 1024).toFixed(1)} KB gzip (${files.join(', ')})`);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});

/**
 * The store calls DynamoDB one way for each kind of call: every read of more than one page goes
 * through partition.ts's paging loop, every transaction through writeTransaction (transactions.ts,
 * which tries a conflicted one again), and an error of the SDK is told by its class, not its name.
 * This reads the sources, so a new hand-written loop or transaction fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const STORE = join(ROOT, 'shared', 'store');

/** The TypeScript files of a folder and its subfolders, relative to the repository. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name).slice(ROOT.length + 1));
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('the DynamoDB calls of shared/store', () => {
  it('sends a TransactWriteCommand only from writeTransaction', () => {
    const writers = sources(STORE).filter((file) => read(file).includes('TransactWriteCommand('));

    expect(writers).toEqual(['shared/store/transactions.ts']);
  });

  it('reads on from where a page ended (ExclusiveStartKey) in a loop only in partition.ts', () => {
    const loops = sources(STORE).filter((file) => {
      const text = read(file);
      return text.includes('ExclusiveStartKey') && /\bdo\s*\{|\bwhile\s*\(/.test(text);
    });

    expect(loops).toEqual(['shared/store/partition.ts']);
  });

  it('tells an error of the SDK by its class, never by its name, anywhere in shared/', () => {
    const byName = sources(join(ROOT, 'shared')).filter((file) => /['"`][A-Za-z]+Exception['"`]/.test(read(file)));

    expect(byName).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The handler tests speak of the table in entities (test/unit/support/table.ts) and the store's
 * entity declarations (shared/store/entities.ts), never in its layout: the layout is pinned to
 * literals only in the store's own tests (test/unit/store/), so changing it changes those and
 * entities.ts, not every handler test. This test reads every handler test file and fails on a line that spells the layout.
 */

const DIRECTORY = import.meta.dirname;

/** Handler test files still to convert; none are left. A file named here is skipped. */
const STILL_TO_CONVERT: readonly string[] = [];

const LAYOUT: readonly { what: string; pattern: RegExp }[] = [
  {
    what: 'a key or key prefix written out (use the entity declarations of shared/store/entities.ts)',
    // A text that starts with a partition or sort-key prefix (`'IDEA#…'`, `` `PILOTS#…` ``) or is one of the fixed keys (`'META'`).
    pattern:
      /(['"`])(?:IDEA|IDEMPOTENCY|STATUS|SUBMITTER|SUPPORTS|SUPPORTER|SUPPORTERS|COMMENT|EVENT|GATE|GATES|PENDING|NOTIFICATION|PILOT|PILOTS|INBOX|REVISIT|LEARNINGS|PIPELINE|SHARD|SETTINGS|STRATEGY|VERSION|RESCORE|JOB|SIMILAR|MAIL_SUPPRESSION|USAGE|ERASURE|RETENTION|MERGE|META|DEV_OUTBOX)(?:#|\1)/,
  },
  {
    what: 'a key attribute or index named (use TABLE of shared/store/table.ts, or the helpers of test/unit/support/table.ts)',
    pattern: /\b(?:PK|SK|GSI[12](?:PK|SK)?)\b/,
  },
];

/** Every line of a handler test that spells the table's layout, as `file:line: what`. */
function layoutLines(file: string): string[] {
  const found: string[] = [];
  readFileSync(join(DIRECTORY, file), 'utf8')
    .split('\n')
    .forEach((line, index) => {
      for (const { what, pattern } of LAYOUT) if (pattern.test(line)) found.push(`${file}:${index + 1}: ${what}\n    ${line.trim()}`);
    });
  return found;
}

const files = readdirSync(DIRECTORY).filter((file) => file.endsWith('.test.ts') && file !== 'no-table-layout.test.ts');

describe('the handler tests and the table layout', () => {
  it('finds the handler test files', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.filter((file) => !STILL_TO_CONVERT.includes(file)))('%s spells no key, key prefix or key attribute of the table', (file) => {
    expect(layoutLines(file)).toEqual([]);
  });

  it('knows the layout when it sees it', () => {
    const spelled = [
      "ddbMock.on(GetCommand, { Key: { PK: `IDEA#${IDEA_ID}`, SK: 'META' } })",
      "expect(keys).toContain('PILOTS#pilot#s=in_stage');",
      "{ ':pk': 'INBOX#in_triage#s=priority' }",
      "expect(digest).toMatchObject({ GSI1PK: 'PENDING#notification' });",
      "IndexName: 'GSI2',",
      "String(item.Put?.Item?.['SK']).startsWith('GATE#')",
    ];
    for (const line of spelled) expect(LAYOUT.some(({ pattern }) => pattern.test(line)), line).toBe(true);
    const entities = ["givenIdeas(ddbMock, anIdeaInTriage());", "expect(theQuery()).toMatchObject({ ExpressionAttributeValues: { ':pk': inboxEntryEntity.list({ status: 'in_triage' }, 'priority').partition } });", "it('counts the submit under USAGE# and the keyed hash of the caller')"];
    for (const line of entities) expect(LAYOUT.some(({ pattern }) => pattern.test(line)), line).toBe(false);
  });
});

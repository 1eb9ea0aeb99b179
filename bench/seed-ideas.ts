/**
 * Ideas written straight into the table with the store's own item declaration (ideaEntity), in
 * BatchWriteItem calls: 10,000 ideas in seconds, where 10,000 submits through intake would take
 * many minutes. For the re-scoring benchmark and test, and the sweeper's test. The undecided
 * ideas' texts are the labelled municipal ideas of test/fixtures/theme-ideas.json, so theme
 * alignment does real work on them.
 */
import { readFileSync } from 'node:fs';
import { BatchWriteCommand, type BatchWriteCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Idea, IdeaStatus } from '../shared/domain/idea.ts';
import { ideaEntity } from '../shared/store/entities.ts';
import { DEPARTMENTS, pickFrom } from './ideas.ts';
import { random } from './random.ts';

const TEXTS = JSON.parse(readFileSync(new URL('../test/fixtures/theme-ideas.json', import.meta.url), 'utf8')) as { language: 'da' | 'en'; title: string; description: string }[];

/** DynamoDB takes at most 25 items in one BatchWriteItem. */
const BATCH_WRITE_LIMIT = 25;

/**
 * Idea number `n`, undecided (8 in 10 in triage, 1 waiting for an answer, 1 parked), aligned and
 * scored against strategy version `strategyVersion`, with a score triage gave.
 */
export function undecidedIdea(n: number, strategyVersion: number): Idea {
  const next = random(n + 1);
  const text = TEXTS[n % TEXTS.length] as (typeof TEXTS)[number];
  const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  const status: IdeaStatus = n % 10 === 8 ? 'needs_info' : n % 10 === 9 ? 'parked' : 'in_triage';
  const by = { sub: 'tove', name: 'Tove Ågård' };
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    kind: next() < 0.5 ? 'idea' : 'friction',
    title: `${text.title} (${n})`,
    description: text.description,
    department: pickFrom(next, DEPARTMENTS),
    language: text.language,
    anonymous: true,
    status,
    createdAt: at,
    statusChangedAt: at,
    updatedAt: at,
    version: 2,
    requeueCount: 0,
    themeAlignment: { strategyVersion, scores: [{ themeId: 'automatisering', score: 0.5, matchedTerms: [] }] },
    scorecard: { strategyVersion, scores: { reach: { value: 2, source: 'triage' } }, priority: 10, complete: false, scoredAt: at, scoredBy: by.sub },
    ...(status === 'needs_info' ? { decision: { kind: 'needs_info', at, by, message: 'Hvor mange er berørt?' } } : {}),
    ...(status === 'parked' ? { decision: { kind: 'park', at, by, revisitOn: '2027-06-01' } } : {}),
  };
}

/** Writes the ideas' items (not their history or inbox entries: re-scoring writes those), four batches at a time. */
export async function seedIdeas(client: DynamoDBDocumentClient, tableName: string, ideas: readonly Idea[]): Promise<void> {
  await seedItems(client, tableName, ideas.map(ideaEntity.toItem));
}

/** Writes the items as they are, in BatchWriteItem calls, four batches at a time. */
export async function seedItems(client: DynamoDBDocumentClient, tableName: string, items: readonly Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let start = 0; start < items.length; start += BATCH_WRITE_LIMIT) batches.push(items.slice(start, start + BATCH_WRITE_LIMIT));
  const write = async (batch: readonly Record<string, unknown>[]) => {
    let requests: BatchWriteCommandOutput['UnprocessedItems'] = { [tableName]: batch.map((item) => ({ PutRequest: { Item: item } })) };
    while (requests !== undefined && (requests[tableName]?.length ?? 0) > 0) {
      const result: BatchWriteCommandOutput = await client.send(new BatchWriteCommand({ RequestItems: requests }));
      requests = result.UnprocessedItems;
    }
  };
  const workers = Array.from({ length: 4 }, async () => {
    for (let batch = batches.shift(); batch !== undefined; batch = batches.shift()) await write(batch);
  });
  await Promise.all(workers);
}

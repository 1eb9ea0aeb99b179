/**
 * Synthetic ideas in triage, for the benchmarks that read inboxes: each with its theme alignment
 * and a priority. `putInTriage` submits and admits them through the real store
 * (shared/store/ideas.ts), which writes their history, inbox entries and pipeline counters in the
 * same transactions as the intake worker's admission (bench/inbox.ts); `writeInTriage` writes the
 * same ideas as admitted, with their inbox entries and counters but no history, in batches:
 * 10,000 in well under a minute where the transactions take many (bench/console-inbox.ts).
 */
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Idea } from '../shared/domain/idea.ts';
import { contributionChange, ideaContribution } from '../shared/domain/pipeline.ts';
import { derivedItems } from '../shared/store/derived-items.ts';
import { ideaEntity } from '../shared/store/entities.ts';
import type { DynamoIdeaStore } from '../shared/store/ideas.ts';
import type { Transition } from '../shared/store/ports.ts';
import { counterUpdates } from '../shared/store/pipeline.ts';
import { syntheticIdea } from './ideas.ts';
import { random } from './random.ts';
import { seedItems } from './seed-ideas.ts';

/** The default strategy's themes, which the ideas are aligned with in a random order. */
export const THEMES = ['automatisering', 'dataunderstoettelse', 'teknologianvendelse', 'organisatorisk_sammenhaeng'];

/** Idea number `n` as submitted, and what its admission to triage sets. */
function admission(n: number): { idea: Idea; set: NonNullable<Transition['set']> } {
  const next = random(n + 1);
  const idea = syntheticIdea(n, next);
  const themes = [...THEMES].sort(() => next() - 0.5);
  return {
    idea,
    set: {
      themeAlignment: { strategyVersion: 1, scores: themes.map((themeId, rank) => ({ themeId, score: Math.max(0, 0.9 - rank * 0.3 - next() * 0.1), matchedTerms: [] })) },
      scorecard: { strategyVersion: 1, scores: {}, priority: Math.round(next() * 1000) / 10, complete: false, scoredAt: idea.createdAt },
    },
  };
}

/** Submits and admits ideas number 0 to `size` − 1 through the store, `inFlight` at a time. */
export async function putInTriage(store: DynamoIdeaStore, size: number, inFlight = 8): Promise<void> {
  const running = new Set<Promise<void>>();
  for (let n = 0; n < size; n++) {
    const { idea, set } = admission(n);
    const task = (async () => {
      await store.submit(idea, { ideaId: idea.id, version: 1, at: idea.createdAt, to: 'submitted', actor: { kind: 'submitter' } });
      await store.transition({ idea, to: 'in_triage', actor: { kind: 'system' }, at: idea.createdAt, set });
    })().then(() => {
      running.delete(task);
    });
    running.add(task);
    if (running.size >= inFlight) await Promise.race(running);
  }
  await Promise.all(running);
}

/** Writes ideas number 0 to `size` − 1 as admitted: each idea with its inbox entries, and the pipeline counters (the console's tab counts) once. */
export async function writeInTriage(client: DynamoDBDocumentClient, tableName: string, size: number): Promise<void> {
  const ideas = Array.from({ length: size }, (_, n): Idea => {
    const { idea, set } = admission(n);
    return { ...idea, ...set, status: 'in_triage', version: 2 };
  });
  await seedItems(client, tableName, ideas.flatMap((idea) => [ideaEntity.toItem(idea), ...derivedItems(idea)]));
  const counters = counterUpdates(tableName, ideas.map((idea) => ({ id: idea.id, change: contributionChange(undefined, ideaContribution(idea)) })));
  for (const { Update } of counters) await client.send(new UpdateCommand(Update));
}

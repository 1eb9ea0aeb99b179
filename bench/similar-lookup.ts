/**
 * Duplicate lookup benchmark: files N synthetic ideas in the duplicate index on DynamoDB Local,
 * then runs the real lookup (findSimilarIdeas: DynamoSimilarityIndex + DynamoIdeaStore) and
 * counts every DynamoDB read it makes, to show that a lookup's cost does not grow with N.
 *
 * Usage: npm run bench:duplicates -- [sizes=1000,100000] [lookups=200]
 */
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

import { random } from './random.ts';

process.env['POWERTOOLS_LOG_LEVEL'] ??= 'ERROR';
const { startEmulators, LOCAL_AWS } = await import('../infra/local/emulators.ts');
const { ensureTable } = await import('../infra/local/resources.ts');
const { ideaFingerprint } = await import('../shared/domain/duplicates/idea-fingerprint.ts');
const { DUPLICATE_INDEX, lookupReadBound } = await import('../shared/domain/duplicates/parameters.ts');
const { findSimilarIdeas } = await import('../shared/intake/duplicates.ts');
const { DynamoIdeaStore } = await import('../shared/store/ideas.ts');
const { DynamoSimilarityIndex } = await import('../shared/store/similarity-index.ts');
const { ideaEntity, similarityBandEntity } = await import('../shared/store/entities.ts');

const sizes = (process.argv[2] ?? '1000,100000').split(',').map(Number);
const lookups = Number(process.argv[3] ?? 200);

// Vocabulary: the words of the labelled fixtures, most frequent first, drawn with a Zipf-like skew.
const texts: string[] = [];
for (const idea of JSON.parse(readFileSync('test/fixtures/theme-ideas.json', 'utf8')) as { title: string; description: string }[]) texts.push(idea.title, idea.description);
for (const pair of JSON.parse(readFileSync('test/fixtures/duplicate-pairs.json', 'utf8')) as { a: { title: string; description: string }; b: { title: string; description: string } }[]) {
  texts.push(pair.a.title, pair.a.description, pair.b.title, pair.b.description);
}
const counts = new Map<string, number>();
for (const word of texts.join(' ').toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
const vocabulary = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);

function sentence(next: () => number, words: number): string {
  return Array.from({ length: words }, () => vocabulary[Math.floor(vocabulary.length * next() ** 2.5)]).join(' ');
}

interface SyntheticIdea {
  id: string;
  title: string;
  description: string;
}

function syntheticIdea(n: number): SyntheticIdea {
  const next = random(n + 1);
  return { id: `bench-${String(n).padStart(7, '0')}`, title: sentence(next, 6), description: sentence(next, 30 + Math.floor(next() * 30)) };
}

/** The same idea in other words: a third of the description's words dropped and the title reordered. */
function paraphrase(idea: SyntheticIdea, seed: number): SyntheticIdea {
  const next = random(seed);
  const words = idea.description.split(' ').filter(() => next() > 0.33);
  return { id: `query-${seed}`, title: idea.title.split(' ').reverse().join(' '), description: words.join(' ') };
}

// Count every read the lookup makes, at the client.
const reads = { queries: 0, queryItems: 0, batchGets: 0, batchGetKeys: 0 };
function countReads(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const input = args.input as { RequestItems?: Record<string, { Keys?: unknown[] }> };
      const output = result.output as { Items?: unknown[] };
      if (context.commandName === 'QueryCommand') {
        reads.queries++;
        reads.queryItems += output.Items?.length ?? 0;
      } else if (context.commandName === 'BatchGetItemCommand') {
        reads.batchGets++;
        reads.batchGetKeys += Object.values(input.RequestItems ?? {}).reduce((sum, request) => sum + (request.Keys?.length ?? 0), 0);
      }
      return result;
    },
    { step: 'initialize', name: 'countReads' },
  );
}

const emulators = await startEmulators();
const bound = lookupReadBound();
console.log(`duplicate lookup benchmark, DynamoDB Local on this machine; index: ${DUPLICATE_INDEX.bands} bands, ≤ ${DUPLICATE_INDEX.maxCandidatesPerBand} per band`);
console.log(`bound per lookup: ≤ ${bound.queries} Queries, ≤ ${bound.items} ideas read back in ≤ ${bound.batchGets} BatchGetItem`);
try {
  for (const size of sizes) {
    const tableName = `bench-similar-${size}`;
    const raw = new DynamoDBClient({ endpoint: emulators.dynamodbEndpoint, region: LOCAL_AWS.region, credentials: LOCAL_AWS });
    await ensureTable(raw, tableName);
    const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });

    // Load: each idea item (with its shingles) and its band items, 25 to a request, 8 requests in flight.
    const started = performance.now();
    let pending: Record<string, unknown>[] = [];
    const inFlight = new Set<Promise<void>>();
    const flush = async (items: Record<string, unknown>[]) => {
      let unprocessed: { PutRequest: { Item: Record<string, unknown> } }[] | undefined = items.map((Item) => ({ PutRequest: { Item } }));
      while (unprocessed !== undefined && unprocessed.length > 0) {
        const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: unprocessed } }));
        unprocessed = result.UnprocessedItems?.[tableName] as typeof unprocessed;
      }
    };
    let written = 0;
    for (let n = 0; n < size; n++) {
      const idea = syntheticIdea(n);
      const fingerprint = ideaFingerprint({ ...idea, language: 'da' });
      pending.push({ ...ideaEntity.key(idea.id), type: ideaEntity.type, id: idea.id, title: idea.title, status: 'in_triage', shingles: fingerprint.shingles });
      for (const band of fingerprint.bands) pending.push(similarityBandEntity.toItem({ band, ideaId: idea.id }));
      while (pending.length >= 25) {
        const batch = pending.slice(0, 25);
        pending = pending.slice(25);
        const task: Promise<void> = flush(batch).then(() => {
          inFlight.delete(task);
        });
        inFlight.add(task);
        written += batch.length;
        if (inFlight.size >= 8) await Promise.race(inFlight);
      }
      if ((n + 1) % 10_000 === 0) {
        const seconds = (performance.now() - started) / 1000;
        console.log(`  loading ${size}: ${n + 1} ideas, ${written} items, ${(written / seconds).toFixed(0)} items/s`);
      }
    }
    await flush(pending);
    await Promise.all(inFlight);
    const loadSeconds = (performance.now() - started) / 1000;

    // Look up: half paraphrases of stored ideas (their original should come back), half new texts.
    countReads(raw);
    const deps = { store: new DynamoIdeaStore(client, tableName), index: new DynamoSimilarityIndex(client, tableName) };
    const perLookup: { queries: number; items: number; batchGets: number; keys: number; ms: number }[] = [];
    let planted = 0;
    let found = 0;
    for (let q = 0; q < lookups; q++) {
      const original = syntheticIdea(Math.floor(random(q + 7)() * size));
      const text = q % 2 === 0 ? paraphrase(original, q) : { ...syntheticIdea(size + 1_000_000 + q), id: `new-${q}` };
      Object.assign(reads, { queries: 0, queryItems: 0, batchGets: 0, batchGetKeys: 0 });
      const begin = performance.now();
      const similar = await findSimilarIdeas(deps, ideaFingerprint({ ...text, language: 'da' }));
      perLookup.push({ queries: reads.queries, items: reads.queryItems, batchGets: reads.batchGets, keys: reads.batchGetKeys, ms: performance.now() - begin });
      if (q % 2 === 0) {
        planted++;
        if (similar.some(({ idea }) => idea.id === original.id)) found++;
      }
    }
    const max = (field: 'queries' | 'items' | 'batchGets' | 'keys') => Math.max(...perLookup.map((lookup) => lookup[field]));
    const mean = (field: 'queries' | 'keys') => (perLookup.reduce((sum, lookup) => sum + lookup[field], 0) / perLookup.length).toFixed(1);
    const latencies = perLookup.map((lookup) => lookup.ms).sort((a, b) => a - b);
    const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
    console.log(`${size.toLocaleString('en')} stored ideas (loaded ${written + pending.length} items in ${loadSeconds.toFixed(0)} s):`);
    console.log(`  per lookup: Queries mean ${mean('queries')}, max ${max('queries')} (bound ${bound.queries}); items from Queries max ${max('items')}`);
    console.log(`              BatchGetItem max ${max('batchGets')} (bound ${bound.batchGets}), ideas read back mean ${mean('keys')}, max ${max('keys')} (bound ${bound.items})`);
    console.log(`  latency on DynamoDB Local: p50 ${percentile(50)} ms, p95 ${percentile(95)} ms`);
    console.log(`  planted paraphrases found in the top ${DUPLICATE_INDEX.maxResults}: ${found}/${planted}`);
    raw.destroy();
  }
} finally {
  await emulators.stop();
}

/**
 * Inbox benchmark: puts N ideas in triage through the real store on DynamoDB Local (each write
 * keeps the idea's inbox entries), then reads 200 inbox pages with random status, filters and
 * order through the real listInbox, counting at the client every Query, the items DynamoDB
 * evaluated (ScannedCount) and returned, to show that a page costs one Query of exactly its rows
 * whatever N is. It also prints what one change of status writes.
 *
 * Usage: npm run bench:inbox -- [sizes=1000,10000] [pages=200]
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InboxList, InboxSort } from '../shared/domain/inbox.ts';
import type { StoreCursor } from '../shared/store/ports.ts';

import { DEPARTMENTS, pickFrom } from './ideas.ts';
import { random } from './random.ts';
import { putInTriage, THEMES } from './triage-ideas.ts';

process.env['POWERTOOLS_LOG_LEVEL'] ??= 'ERROR';
const { startEmulators, LOCAL_AWS } = await import('../infra/local/emulators.ts');
const { ensureTable } = await import('../infra/local/resources.ts');
const { DynamoIdeaStore } = await import('../shared/store/ideas.ts');
const { departmentKey } = await import('../shared/domain/inbox.ts');

const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const pages = Number(process.argv[3] ?? 200);

const counted = { queries: 0, scanned: 0, returned: 0, largestTransaction: 0 };
function countCalls(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'QueryCommand') {
        const output = result.output as { ScannedCount?: number; Count?: number };
        counted.queries++;
        counted.scanned += output.ScannedCount ?? 0;
        counted.returned += output.Count ?? 0;
      } else if (context.commandName === 'TransactWriteItemsCommand') {
        counted.largestTransaction = Math.max(counted.largestTransaction, (args.input as { TransactItems?: unknown[] }).TransactItems?.length ?? 0);
      }
      return result;
    },
    { step: 'initialize', name: 'countCalls' },
  );
}

const emulators = await startEmulators();
console.log('inbox benchmark, DynamoDB Local on this machine');
try {
  for (const size of sizes) {
    const tableName = `bench-inbox-${size}`;
    const raw = new DynamoDBClient({ endpoint: emulators.dynamodbEndpoint, region: LOCAL_AWS.region, credentials: LOCAL_AWS });
    await ensureTable(raw, tableName);
    countCalls(raw);
    const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
    const store = new DynamoIdeaStore(client, tableName);

    // Load: submit, then admit to triage with themes and a priority; 8 ideas in flight.
    const started = performance.now();
    counted.largestTransaction = 0;
    await putInTriage(store, size);
    const loadSeconds = (performance.now() - started) / 1000;

    // Read: random lists, filters and orders, the first page and the next two.
    const perPage: { queries: number; scanned: number; returned: number; ms: number }[] = [];
    const next = random(4242);
    for (let p = 0; p < pages; p++) {
      const list: InboxList = { status: 'in_triage' };
      if (next() < 0.5) list.kind = next() < 0.5 ? 'idea' : 'friction';
      if (next() < 0.5) list.department = departmentKey(pickFrom(next, DEPARTMENTS));
      if (next() < 0.5) list.theme = pickFrom(next, THEMES);
      const sort: InboxSort = next() < 0.5 ? 'priority' : 'age';
      let cursor: StoreCursor | undefined;
      for (let page = 0; page < 3; page++) {
        Object.assign(counted, { queries: 0, scanned: 0, returned: 0 });
        const begin = performance.now();
        const result = await store.listInbox(list, sort, 25, cursor);
        perPage.push({ queries: counted.queries, scanned: counted.scanned, returned: counted.returned, ms: performance.now() - begin });
        cursor = result.nextCursor;
        if (cursor === undefined) break;
      }
    }
    const max = (field: 'queries' | 'scanned' | 'returned') => Math.max(...perPage.map((page) => page[field]));
    const wasted = perPage.reduce((sum, page) => sum + (page.scanned - page.returned), 0);
    const latencies = perPage.map((page) => page.ms).sort((a, b) => a - b);
    const percentile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor((q / 100) * latencies.length))]?.toFixed(1);
    console.log(`${size.toLocaleString('en')} ideas in triage (loaded in ${loadSeconds.toFixed(0)} s; the largest admission transaction wrote ${counted.largestTransaction} items: idea, event, inbox entries, counter shard):`);
    console.log(`  ${perPage.length} pages of 25: Queries per page max ${max('queries')}; items evaluated per page max ${max('scanned')}, returned max ${max('returned')}; evaluated but not returned: ${wasted}`);
    console.log(`  latency on DynamoDB Local: p50 ${percentile(50)} ms, p95 ${percentile(95)} ms`);
    raw.destroy();
  }
} finally {
  await emulators.stop();
}

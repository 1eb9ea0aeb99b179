/**
 * Pipeline benchmark: puts N ideas in triage through the real store on DynamoDB Local, accepts
 * every tenth (a pilot each) and moves the pilots through random gate decisions, 8 writes in
 * flight so transactions meet on the counter shards. Then it reads the directors' summary 50
 * times, counting at the client every request and the items returned, to show the summary's
 * cost does not grow with N; and it checks the counters against a full recount of the table.
 *
 * Usage: npm run bench:pipeline -- [sizes=1000,10000]
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { GateRequest } from '../shared/domain/gates.ts';
import type { Idea } from '../shared/domain/idea.ts';
import type { Pilot } from '../shared/domain/pilot.ts';

import { syntheticIdea } from './ideas.ts';
import { random } from './random.ts';

process.env['POWERTOOLS_LOG_LEVEL'] ??= 'ERROR';
const { startEmulators, LOCAL_AWS } = await import('../infra/local/emulators.ts');
const { ensureTable } = await import('../infra/local/resources.ts');
const { DynamoIdeaStore } = await import('../shared/store/ideas.ts');
const { DynamoPilotStore } = await import('../shared/store/pilots.ts');
const { DynamoPipelineStore } = await import('../shared/store/pipeline.ts');
const { DEFAULT_GATES, decideGate, gateAt } = await import('../shared/domain/gates.ts');
const { pilotAfter } = await import('../shared/domain/pilot.ts');
const { recount } = await import('../shared/domain/pipeline.ts');

const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);

const THEMES = ['automatisering', 'dataunderstoettelse', 'teknologianvendelse'];
const STAFF = { sub: 'bench-triage', name: 'Bænk Åge' };
const LEARNINGS = 'Borgerne foretrak telefonen frem for appen. Vi lærte at inddrage dem tidligere i forløbet.';
const counted = { requests: 0, returned: 0, conflicts: 0, largestTransaction: 0 };
function countCalls(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      counted.requests++;
      if (context.commandName === 'TransactWriteItemsCommand') {
        counted.largestTransaction = Math.max(counted.largestTransaction, (args.input as { TransactItems?: unknown[] }).TransactItems?.length ?? 0);
      }
      try {
        const result = await next(args);
        const output = result.output as { Count?: number; Item?: unknown };
        counted.returned += output.Count ?? (output.Item === undefined ? 0 : 1);
        return result;
      } catch (error) {
        if (String((error as Error).message).includes('TransactionConflict')) counted.conflicts++;
        throw error;
      }
    },
    { step: 'initialize', name: 'countCalls' },
  );
}

/** A random decision: mostly go, sometimes hold, recycle or stop. */
function gateRequest(next: () => number): GateRequest {
  const roll = next();
  if (roll < 0.6) return { decision: 'go', reason: 'Klar', checklist: {} };
  if (roll < 0.75) return { decision: 'hold', reason: 'Vent', revisitOn: '2027-06-01', checklist: {} };
  if (roll < 0.9) return { decision: 'recycle', reason: 'Igen', mustChange: 'Mere test', checklist: {} };
  return { decision: 'stop', reason: 'Ikke nok gevinst', learnings: LEARNINGS, checklist: {} };
}

/** Every item of the gate the pilot stands at answered yes, so go is never blocked. */
function withAllYes(request: GateRequest, pilot: Pilot): GateRequest {
  const gate = gateAt(pilot.stage);
  if (gate === undefined) return request;
  return { ...request, checklist: Object.fromEntries(DEFAULT_GATES.gates[gate].map((item) => [item.id, true])) };
}

const emulators = await startEmulators();
console.log('pipeline benchmark, DynamoDB Local on this machine');
try {
  for (const size of sizes) {
    const tableName = `bench-pipeline-${size}`;
    const raw = new DynamoDBClient({ endpoint: emulators.dynamodbEndpoint, region: LOCAL_AWS.region, credentials: LOCAL_AWS });
    await ensureTable(raw, tableName);
    countCalls(raw);
    const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
    const ideas = new DynamoIdeaStore(client, tableName);
    const pilots = new DynamoPilotStore(client, tableName);
    const pipeline = new DynamoPipelineStore(client, tableName);
    Object.assign(counted, { conflicts: 0, largestTransaction: 0 });

    const started = performance.now();
    const inFlight = new Set<Promise<void>>();
    let gateDecisions = 0;
    for (let n = 0; n < size; n++) {
      const next = random(n + 1);
      const idea = syntheticIdea(n, next);
      const task = (async () => {
        await ideas.submit(idea, { ideaId: idea.id, version: 1, at: idea.createdAt, to: 'submitted', actor: { kind: 'system' } });
        const inTriage = await ideas.transition({
          idea,
          to: 'in_triage',
          actor: { kind: 'system' },
          at: idea.createdAt,
          set: { themeAlignment: { strategyVersion: 1, scores: [...THEMES].sort(() => next() - 0.5).map((themeId, rank) => ({ themeId, score: 0.9 - rank * 0.3, matchedTerms: [] })) } },
        });
        if (n % 10 !== 0) return;
        const at = new Date(Date.parse(idea.createdAt) + 3_600_000).toISOString();
        let pilot: Pilot = {
          id: `11111111-0000-4000-8000-${String(n).padStart(12, '0')}`,
          title: idea.title,
          description: idea.description,
          language: 'da',
          ideaIds: [idea.id],
          kind: 'idea',
          department: idea.department,
          themes: THEMES.slice(0, 2),
          stage: 'sprint',
          stageEnteredAt: at,
          reachedStages: ['sprint'],
          artefacts: [],
          hypothesis: { expectedHoursPerYear: Math.round(next() * 500), successMeasure: 'Timer sparet', baseline: 'Målt i januar', successThreshold: '100 timer' },
          createdAt: at,
          createdBy: STAFF,
          updatedAt: at,
          version: 1,
        };
        await ideas.transition({ idea: inTriage, to: 'accepted', actor: { kind: 'staff', ...STAFF }, at }, pilots.creation(pilot));
        for (let step = 0; step < 4; step++) {
          const outcome = decideGate(pilot, withAllYes(gateRequest(next), pilot), { settings: DEFAULT_GATES, by: STAFF, role: 'triage', at });
          if (!outcome.ok) break;
          const after = pilotAfter(pilot, { at, set: outcome.pilot });
          await pilots.save({ before: pilot, after, gate: outcome.record, event: { pilotId: pilot.id, version: after.version, at, by: STAFF, change: 'gate', from: pilot.stage, to: after.stage } });
          gateDecisions++;
          pilot = after;
        }
      })().then(() => {
        inFlight.delete(task);
      });
      inFlight.add(task);
      if (inFlight.size >= 8) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const loadSeconds = (performance.now() - started) / 1000;
    const conflicts = counted.conflicts;

    const perRead: { requests: number; returned: number; ms: number }[] = [];
    for (let read = 0; read < 50; read++) {
      Object.assign(counted, { requests: 0, returned: 0 });
      const begin = performance.now();
      await Promise.all([pipeline.totals(), ideas.listByStatus('in_triage', 1), pilots.gateSettings()]);
      perRead.push({ requests: counted.requests, returned: counted.returned, ms: performance.now() - begin });
    }
    const latencies = perRead.map((read) => read.ms).sort((a, b) => a - b);
    const percentile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor((q / 100) * latencies.length))]?.toFixed(1);

    // The proof: the maintained counters equal a recount of every idea and pilot in the table.
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start !== undefined);
    const expected = recount(items.filter((item) => item['type'] === 'idea') as unknown as Idea[], items.filter((item) => item['type'] === 'pilot').map((item) => item['pilot'] as Pilot));
    const totals = await pipeline.totals();
    const equal = JSON.stringify(Object.entries(expected.counters).sort()) === JSON.stringify(Object.entries(totals.counters).sort()) &&
      JSON.stringify(Object.entries(expected.entries).sort()) === JSON.stringify(Object.entries(totals.entries).sort());

    console.log(`${size.toLocaleString('en')} ideas, ${Math.ceil(size / 10).toLocaleString('en')} pilots, ${gateDecisions.toLocaleString('en')} gate decisions (loaded in ${loadSeconds.toFixed(0)} s; ${conflicts} transaction conflicts on counter shards, retried; largest transaction ${counted.largestTransaction} items):`);
    console.log(`  summary reads: requests max ${Math.max(...perRead.map((read) => read.requests))}, items returned max ${Math.max(...perRead.map((read) => read.returned))}; p50 ${percentile(50)} ms, p95 ${percentile(95)} ms on DynamoDB Local`);
    console.log(`  counters equal a full recount of the table: ${equal ? 'yes' : 'NO'}`);
    if (!equal) process.exitCode = 1;
    raw.destroy();
  }
} finally {
  await emulators.stop();
}

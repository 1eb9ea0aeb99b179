/**
 * Re-scoring benchmark: N undecided ideas (default 10,000) re-scored to completion through the
 * local runtime, with Lambda's recursive loop detection emulated (infra/local/recursion.ts).
 * Seeds the ideas at strategy version 1 straight into the table, stores version 2 through the
 * API, then times POST /console/strategy/rescore (the fan-out of the ideas' ids, which must fit
 * the start function's timeout) and the workers until the job's pages are all done, and checks
 * that every idea is at version 2.
 *
 * Usage: npm run bench:rescore -- [ideas=10000]
 */
import type { Strategy } from '../shared/domain/strategy/strategy.ts';
import type { StoreCursor } from '../shared/store/ports.ts';
import type { RescoreProgress } from '../shared/domain/rescore.ts';
import { seedIdeas, undecidedIdea } from './seed-ideas.ts';

process.env['POWERTOOLS_LOG_LEVEL'] ??= 'ERROR';
const { startBenchRuntime } = await import('./local-runtime.ts');
const { FUNCTIONS } = await import('../infra/system.ts');
const { DynamoRescoreJobStore } = await import('../shared/store/rescore-jobs.ts');
const { DynamoIdeaStore } = await import('../shared/store/ideas.ts');
const { RESCORE_STATUSES } = await import('../shared/domain/rescore.ts');

const size = Number(process.argv[2] ?? 10_000);

const { runtime, client, stop } = await startBenchRuntime('rescore');
console.log(`re-scoring benchmark: ${size.toLocaleString('en')} undecided ideas, local runtime on DynamoDB Local and the SQS emulator`);
try {
  let started = performance.now();
  await seedIdeas(client, runtime.tableName, Array.from({ length: size }, (_, n) => undecidedIdea(n, 1)));
  console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const { token } = await runtime.issuer.issue({ sub: 'ulla', roles: ['admin'] });
  const call = (method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) =>
    fetch(`${runtime.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  const current = await call('GET', '/console/strategy');
  const { version: _version, createdAt: _createdAt, createdBy: _createdBy, ...content } = (await current.json()) as Strategy;
  const replaced = await call('PUT', '/console/strategy', { body: content, headers: { 'if-match': current.headers.get('etag') ?? '' } });
  if (replaced.status !== 200) throw new Error(`PUT /console/strategy answered ${replaced.status}`);

  started = performance.now();
  const response = await call('POST', '/console/strategy/rescore');
  const fanOutMs = performance.now() - started;
  if (response.status !== 202) throw new Error(`POST /console/strategy/rescore answered ${response.status}: ${await response.text()}`);
  const progress = (await response.json()) as RescoreProgress;
  console.log(`  POST /console/strategy/rescore (fan-out): ${(fanOutMs / 1000).toFixed(2)} s for ${progress.ideasQueued.toLocaleString('en')} ideas in ${progress.pagesQueued} messages; start function timeout ${FUNCTIONS.startRescore.timeoutSeconds} s`);

  const jobs = new DynamoRescoreJobStore(client, runtime.tableName);
  for (;;) {
    const job = await jobs.get(progress.jobId);
    if (job !== undefined && job.pagesDone >= job.pagesQueued) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const workSeconds = (performance.now() - started) / 1000;
  console.log(`  every page done ${workSeconds.toFixed(1)} s after the start: ${(size / workSeconds).toFixed(0)} ideas/s with one local worker at a time`);

  const store = new DynamoIdeaStore(client, runtime.tableName);
  let atNewVersion = 0;
  let total = 0;
  for (const status of RESCORE_STATUSES) {
    let cursor: StoreCursor | undefined;
    do {
      const page = await store.listByStatus(status, 500, cursor);
      total += page.items.length;
      atNewVersion += page.items.filter((idea) => idea.themeAlignment?.strategyVersion === 2).length;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }
  console.log(`  ideas at the new strategy version: ${atNewVersion.toLocaleString('en')} of ${total.toLocaleString('en')}`);
  if (atNewVersion !== size) process.exitCode = 1;
} finally {
  await stop();
}

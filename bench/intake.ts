/**
 * Intake benchmark: submits ideas through the local runtime's HTTP API with a few concurrent
 * clients and reports the submit latency (stored in DynamoDB Local, queued on the SQS
 * emulator) and how long until every idea reached `in_triage` through the worker.
 *
 * The figures describe this machine and the emulators, not AWS; they are for comparing one
 * change with the next. Usage: npm run bench -- [ideas=300] [concurrency=8]
 */
// The functions log each admitted idea; the figures are what this prints. The logger reads its
// level when first loaded, so it is set before the runtime (and the functions) are imported.
process.env['POWERTOOLS_LOG_LEVEL'] ??= 'ERROR';
const { startEmulators } = await import('../infra/local/emulators.ts');
const { startRuntime } = await import('../infra/local/runtime.ts');

const ideas = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 8);


const emulators = await startEmulators();
const runtime = await startRuntime({
  dynamodbEndpoint: emulators.dynamodbEndpoint,
  sqsEndpoint: emulators.sqsEndpoint,
  port: 0,
  tableName: 'spire-bench',
  queuePrefix: 'bench-',
  schedules: false,
  // One person submitting as fast as the clients can is what the per-person limit (20 an hour by
  // default) exists to stop; the benchmark measures the intake path, so it lifts the limit.
  environment: { SPIRE_SUBMIT_LIMIT_PER_HOUR: '100000' },
});
const { token } = await runtime.issuer.issue({ sub: 'bench', name: 'Bænk Ærløse', roles: ['employee', 'triage'] });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

async function submit(n: number): Promise<{ id: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${runtime.url}/api/ideas`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      kind: 'friction',
      title: `Dobbeltindtastning nr. ${n}`,
      description: 'Vi skriver de samme borgeroplysninger i tre systemer; det tager tid fra kerneopgaven på plejecentret.',
      department: 'Ældreplejen',
      frequency: 3,
      frequencyUnit: 'day',
      minutesEach: 4,
      peopleAffected: 20,
    }),
  });
  if (response.status !== 202) throw new Error(`submit ${n}: HTTP ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  return { id, ms: performance.now() - started };
}

// Warm-up: the first calls load modules and open connections.
for (let n = 0; n < 10; n++) await submit(-n);

const startedAll = performance.now();
const results: { id: string; ms: number }[] = [];
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < ideas) results.push(await submit(next++));
  }),
);
const submitSeconds = (performance.now() - startedAll) / 1000;

const pending = new Set(results.map((result) => result.id));
while (pending.size > 0) {
  for (const id of [...pending].slice(0, 50)) {
    const response = await fetch(`${runtime.url}/api/ideas/${id}`, { headers });
    const idea = (await response.json()) as { status: string };
    if (idea.status === 'in_triage') pending.delete(id);
  }
  if ((performance.now() - startedAll) / 1000 > 300) throw new Error(`${pending.size} ideas never reached in_triage`);
}
const triageSeconds = (performance.now() - startedAll) / 1000;

const latencies = results.map((result) => result.ms).sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
console.log(`intake benchmark: ${ideas} ideas, ${concurrency} concurrent clients, local runtime on DynamoDB Local + fauxqs`);
console.log(`  submit latency (202, stored and queued): p50 ${percentile(50)} ms, p95 ${percentile(95)} ms, p99 ${percentile(99)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`);
console.log(`  submit throughput: ${(ideas / submitSeconds).toFixed(1)} ideas/s`);
console.log(`  all ${ideas} in_triage after ${triageSeconds.toFixed(1)} s`);
console.log(`  runtime process memory: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);

await runtime.stop();
await emulators.stop();

/**
 * Erasure benchmark: how long `POST /me/erase` takes to be done on a table of N ideas (default
 * 10,000), through the local runtime on DynamoDB Local. The erasure worker reads the whole table
 * until a read finds nothing left (shared/privacy/erase.ts), so its time grows with the table,
 * and with how many items name the person.
 *
 * Two erasures on the same table: an employee who submitted 5 of the ideas (the reads dominate),
 * then the member of staff who scored every idea and decided one in five (every idea is rewritten).
 *
 * Usage: npm run bench:erasure -- [ideas=10000]
 */
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { seedIdeas, undecidedIdea } from './seed-ideas.ts';

process.env['POWERTOOLS_LOG_LEVEL'] ??= 'ERROR';
const { startBenchRuntime } = await import('./local-runtime.ts');

const size = Number(process.argv[2] ?? 10_000);
const ANNA = { sub: '7f3c9a2e-5b1d-4e8a-9c6f-0d2b4a8e1f35', name: 'Anna Sørensen', email: 'anna.sorensen@kommune.example' };
/** The member of staff undecidedIdea names: she scored every idea and asked or parked one in five. */
const TOVE = { sub: 'tove', name: 'Tove Ågård' };

const { runtime, client, stop } = await startBenchRuntime('erasure');

/** Items in the table, and how many of them hold one of the texts. */
async function census(traces: readonly string[]): Promise<{ items: number; naming: number }> {
  let items = 0;
  let naming = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await client.send(new ScanCommand({ TableName: runtime.tableName, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      items++;
      const text = JSON.stringify(item);
      if (traces.some((trace) => text.includes(trace))) naming++;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return { items, naming };
}

async function erase(person: { sub: string; name: string; email?: string }, traces: readonly string[]): Promise<void> {
  const before = await census(traces);
  const { token } = await runtime.issuer.issue({ sub: person.sub, roles: ['employee'], name: person.name, ...(person.email === undefined ? {} : { email: person.email }) });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const started = performance.now();
  const response = await fetch(`${runtime.url}/api/me/erase`, { method: 'POST', headers, body: JSON.stringify({ confirm: true }) });
  if (response.status !== 202) throw new Error(`POST /me/erase answered ${response.status}: ${await response.text()}`);
  const location = response.headers.get('location') as string;
  let erasure: Record<string, unknown>;
  for (;;) {
    erasure = (await (await fetch(`${runtime.url}${location}`, { headers })).json()) as Record<string, unknown>;
    if (erasure['status'] === 'done') break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const seconds = (performance.now() - started) / 1000;
  const after = await census(traces);
  console.log(
    `  ${person.name}: ${before.naming.toLocaleString('en')} of ${before.items.toLocaleString('en')} items named them; done in ${seconds.toFixed(1)} s ` +
      `(${String(erasure['passes'])} reads of the table, ${String(erasure['ideas'])} ideas and ${String(erasure['rewritten'])} other items rewritten, ${String(erasure['deleted'])} deleted); ` +
      `items naming them after: ${after.naming}`,
  );
  if (after.naming !== 0) process.exitCode = 1;
}

console.log(`erasure benchmark: ${size.toLocaleString('en')} ideas, local runtime on DynamoDB Local and the SQS emulator`);
try {
  const ideas = Array.from({ length: size }, (_, n) => undecidedIdea(n, 1)).map((idea, n) =>
    n < 5 ? { ...idea, anonymous: false, submitter: { sub: ANNA.sub, name: ANNA.name, email: ANNA.email } } : idea,
  );
  const started = performance.now();
  await seedIdeas(client, runtime.tableName, ideas);
  console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await erase(ANNA, [ANNA.sub, ANNA.name, ANNA.email]);
  await erase(TOVE, [`"${TOVE.sub}"`, TOVE.name]);
} finally {
  await stop();
}

/**
 * `npm run faults -- [submits] [seed]`: the fault test (test/integration/faults.test.ts) with as
 * many submits as asked (1,000 unless told) and a seed (random unless told, and printed so that
 * a run can be repeated). It prints the counts: submitted, 202s, 5xx, retried, admitted,
 * duplicates, the faults injected, the kill, the time.
 */
import { spawnSync } from 'node:child_process';

const submits = process.argv[2] ?? '1000';
const seed = process.argv[3] ?? String(Math.floor(Math.random() * 2 ** 31));
if (!/^\d+$/.test(submits) || !/^-?\d+$/.test(seed)) {
  process.stderr.write('usage: npm run faults -- [submits] [seed]\n');
  process.exit(2);
}
process.stdout.write(`Fault test: ${submits} submits, seed ${seed}\n`);
const result = spawnSync('vitest', ['run', '--project', 'integration', 'test/integration/faults.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FAULT_SUBMITS: submits, FAULT_SEED: seed },
});
process.stdout.write(`Seed ${seed} (again: npm run faults -- ${submits} ${seed})\n`);
process.exit(result.status ?? 1);

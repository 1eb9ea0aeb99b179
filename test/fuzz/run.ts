/**
 * `npm run fuzz -- [runs] [seed]`: the fuzzing of every route (test/integration/fuzz.test.ts) with
 * as many cases a route as asked (10,000 unless told) and a seed (random unless told, and printed
 * so that a failure can be replayed).
 */
import { spawnSync } from 'node:child_process';

const runs = process.argv[2] ?? '10000';
const seed = process.argv[3] ?? String(Math.floor(Math.random() * 2 ** 31));
if (!/^\d+$/.test(runs) || !/^-?\d+$/.test(seed)) {
  process.stderr.write('usage: npm run fuzz -- [runs] [seed]\n');
  process.exit(2);
}
process.stdout.write(`Fuzzing every route: ${runs} cases a route, seed ${seed}\n`);
const result = spawnSync('vitest', ['run', '--project', 'integration', 'test/integration/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
process.stdout.write(`Seed ${seed} (replay: npm run fuzz -- ${runs} ${seed})\n`);
process.exit(result.status ?? 1);

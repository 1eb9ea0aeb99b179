/**
 * Function size and cold start. Bundles every function of infra/system.ts with the stack's own
 * bundling options (BUNDLING in infra/constructs/spire-function.ts, through esbuildOptions, which
 * test/infra/stack.test.ts holds byte for byte to what CDK builds) and prints each bundle's size.
 * Then it measures the cold start of submitIdea, getIdea and intakeWorker beside reference
 * bundles that only create the same AWS SDK clients, in one run, and prints the ratios.
 *
 * A cold start here is one fresh `node` process (this Node, 24) that imports the bundle, which
 * builds the handler, and calls nothing. The process gets a Lambda-like environment: the
 * function's own variables (functionEnvironment, with dummy names), region eu-north-1, dummy
 * credentials, AWS_EXECUTION_ENV and LAMBDA_TASK_ROOT (so Powertools and the X-Ray SDK start as
 * they do in Lambda, tracing on), and NODE_OPTIONS as the stack sets it. Nothing reaches the
 * network. The child reads `performance.now()` and `process.cpuUsage()` around
 * `await import(bundle)`:
 *
 * - `import`: the wall time the bundle takes to load and build its handler, the part the code
 *   decides; the ratios that decide acceptance are of this;
 * - `CPU`: the CPU time of the same (all threads), less shaken by other work on the machine;
 * - `process`: from the process's start to the handler being ready, Node's own start included,
 *   nearer Lambda's "Init Duration" (which also includes the Lambda runtime's own start).
 *
 * Each figure is the median of `runs` processes (default 21), the bundles taking turns, so a busy
 * moment on the machine falls on all of them alike. Beside each function:
 *
 * - `sdk`: a reference bundle that only creates the same SDK clients (a document client for the
 *   table, an SQS client per queue, with shared/aws/clients.ts's settings), straight from the
 *   SDK; the acceptance ratio, at most 1.3, is the function's import over this one's;
 * - `sdk+tracer`: the same clients made by shared/aws/clients.ts, each captured by the
 *   Powertools Tracer (which loads the X-Ray SDK), so only the function's own code differs;
 * - `without Tracer`: the function built with the Tracer replaced by a no-op, to show what the
 *   Tracer costs (not deployable; for comparison only);
 * - the function with the other source-map setting, for the price of --enable-source-maps.
 *
 * The figures describe this machine, not Lambda's arm64; they are for comparing bundles with each
 * other and one change with the next.
 *
 * Usage: npm run bench:cold-start -- [runs=21]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { BUNDLING, LOAD_SOURCE_MAPS, esbuildOptions } from '../infra/constructs/spire-function.ts';
import { FUNCTIONS, QUEUES, SETTINGS, functionEnvironment, type FunctionName, type QueueName, type SettingName } from '../infra/system.ts';
import { CLIENT_TIMEOUTS } from '../shared/aws/clients.ts';

const runs = Number(process.argv[2] ?? 21);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a whole number ≥ 1, got ${process.argv[2]}`);

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MEASURED: readonly FunctionName[] = ['submitIdea', 'getIdea', 'intakeWorker'];
const LIMIT_KB = 400;
const REGION = 'eu-north-1';
const out = mkdtempSync(join(tmpdir(), 'spire-cold-start-'));

// ---- Bundles -------------------------------------------------------------------------------

interface Bundle {
  name: string;
  file: string;
  bytes: number;
  metafile: Metafile;
}

async function bundle(name: string, options: BuildOptions): Promise<Bundle> {
  // The metafile is only a report of what went in; the bundle is the same with or without it.
  const result = await build({ ...options, metafile: true, logLevel: 'warning' });
  const file = options.outfile as string;
  return { name, file, bytes: statSync(file).size, metafile: result.metafile };
}

/** A function's bundle, as deployed, or with `plugins` added (the comparison without the Tracer). */
function bundleFunction(name: FunctionName, variant = '', plugins: Plugin[] = []): Promise<Bundle> {
  return bundle(`${name}${variant}`, { ...esbuildOptions(join(ROOT, FUNCTIONS[name].entry), join(out, `${name}${variant}`, 'index.mjs')), plugins });
}

/** A bundle built from source text with the stack's options, as if it were a function's entry. */
function bundleSource(name: string, source: string): Promise<Bundle> {
  const { entryPoints: _entry, ...options } = esbuildOptions(join(ROOT, `${name}.ts`), join(out, name, 'index.mjs'));
  return bundle(name, { ...options, stdin: { contents: source, resolveDir: ROOT, sourcefile: `${name}.ts`, loader: 'ts' } });
}

/** Powertools Tracer as a no-op: the functions as they would be without it. */
const withoutTracer: Plugin = {
  name: 'without-tracer',
  setup(build) {
    build.onResolve({ filter: /^@aws-lambda-powertools\/tracer(\/middleware)?$/ }, (args) => ({ path: args.path, namespace: 'without-tracer' }));
    build.onLoad({ filter: /.*/, namespace: 'without-tracer' }, (args) => ({
      contents: args.path.endsWith('/middleware')
        ? 'export const captureLambdaHandler = () => ({ before: () => undefined });'
        : 'export class Tracer { captureAWSv3Client(client) { return client; } isTracingEnabled() { return false; } }',
      loader: 'js',
    }));
  },
};

/** The SDK clients a function's description implies: one document client for the table, one SQS client per queue, one SES client for mail. */
function clientsOf(name: FunctionName): { table: boolean; queues: readonly QueueName[]; mail: boolean } {
  const fn = FUNCTIONS[name];
  return { table: fn.table !== undefined, queues: fn.sendsTo ?? [], mail: fn.sendsMail === true };
}

/** Reference: only the same SDK clients, made straight from the SDK with the settings of shared/aws/clients.ts. */
function sdkReference(name: FunctionName): string {
  const { table, queues, mail } = clientsOf(name);
  return [
    table ? "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';" : '',
    queues.length > 0 ? "import { SQSClient } from '@aws-sdk/client-sqs';" : '',
    mail ? "import { SESv2Client } from '@aws-sdk/client-sesv2';" : '',
    `const requestHandler = { connectionTimeout: ${CLIENT_TIMEOUTS.connectionTimeoutMs}, requestTimeout: ${CLIENT_TIMEOUTS.requestTimeoutMs} };`,
    'const clients: unknown[] = [];',
    table ? 'clients.push(DynamoDBDocumentClient.from(new DynamoDBClient({ requestHandler }), { marshallOptions: { removeUndefinedValues: true } }));' : '',
    ...queues.map(() => 'clients.push(new SQSClient({ requestHandler }));'),
    mail ? 'clients.push(new SESv2Client({ requestHandler }));' : '',
    'export const handler = async () => clients.length;',
  ].join('\n');
}

/** Reference: the same clients made by shared/aws/clients.ts, so each is captured by the Powertools Tracer. */
function tracedReference(name: FunctionName): string {
  const { table, queues, mail } = clientsOf(name);
  return [
    "import { createDocumentClient, createSesClient, createSqsClient } from './shared/aws/clients.ts';",
    'const clients: unknown[] = [];',
    table ? 'clients.push(createDocumentClient());' : '',
    ...queues.map(() => 'clients.push(createSqsClient());'),
    mail ? 'clients.push(createSesClient());' : '',
    'export const handler = async () => clients.length;',
  ].join('\n');
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** The packages (or source folders) a bundle's bytes come from, largest first. */
function composition(b: Bundle, top: number): string {
  const bytes = new Map<string, number>();
  for (const output of Object.values(b.metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const at = path.lastIndexOf('node_modules/');
      const parts = (at < 0 ? path : path.slice(at + 'node_modules/'.length)).split('/');
      const key = at < 0 ? parts.slice(0, parts.length > 2 ? 2 : 1).join('/') : parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] as string);
      bytes.set(key, (bytes.get(key) ?? 0) + input.bytesInOutput);
    }
  }
  return [...bytes]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, size]) => `${key} ${kb(size)}`)
    .join(', ');
}

function sizeSummary(bundles: readonly Bundle[]): string {
  const sizes = bundles.map((b) => b.bytes);
  const largest = bundles.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return `median ${kb(median(sizes))} KB, max ${kb(largest.bytes)} KB (${largest.name}); ${sizes.filter((size) => size > LIMIT_KB * 1024).length} of ${sizes.length} over ${LIMIT_KB} KB`;
}

const names = Object.keys(FUNCTIONS) as FunctionName[];
const deployed = await Promise.all(names.map((name) => bundleFunction(name)));
const untraced = await Promise.all(names.map((name) => bundleFunction(name, ' without Tracer', [withoutTracer])));
const empty = await bundleSource('empty', 'export const handler = async () => undefined;');
const sdk = new Map<FunctionName, Bundle>();
const sdkTracer = new Map<FunctionName, Bundle>();
for (const name of MEASURED) {
  sdk.set(name, await bundleSource(`${name}-sdk`, sdkReference(name)));
  sdkTracer.set(name, await bundleSource(`${name}-sdk-tracer`, tracedReference(name)));
}

console.log(`Function bundles: index.mjs as deployed (esbuild, ${BUNDLING.format}, ${BUNDLING.target}, minified), and the source map beside it, not loaded`);
for (const b of [...deployed].sort((a, c) => a.bytes - c.bytes)) {
  console.log(`  ${b.name.padEnd(22)} ${kb(b.bytes).padStart(7)} KB   map ${kb(statSync(`${b.file}.map`).size).padStart(6)} KB`);
}
console.log(`  ${sizeSummary(deployed)}`);
const largest = deployed.reduce((a, b) => (b.bytes > a.bytes ? b : a));
console.log(`  ${largest.name} is made of (KB): ${composition(largest, 14)}`);
console.log(`  without the Tracer (comparison only): ${sizeSummary(untraced)}`);
for (const name of MEASURED) {
  console.log(`  reference bundles of ${name}: sdk ${kb((sdk.get(name) as Bundle).bytes)} KB, sdk+tracer ${kb((sdkTracer.get(name) as Bundle).bytes)} KB`);
}

// ---- Cold starts ---------------------------------------------------------------------------

const SETTING_VALUES: Partial<Record<SettingName, string>> = {
  mailSender: 'spire@kommune.example',
  triageTeamEmail: 'digitalisering@kommune.example',
  triageServiceLevelDays: '14',
  submitLimitPerHour: '20',
  supportLimitPerHour: '120',
  similarLimitPerHour: '300',
};
const settings = Object.fromEntries((Object.keys(SETTINGS) as SettingName[]).map((setting) => [setting, SETTING_VALUES[setting] ?? 'bench'])) as Record<SettingName, string>;
const queueUrls = Object.fromEntries((Object.keys(QUEUES) as QueueName[]).map((queue) => [queue, `https://sqs.${REGION}.amazonaws.com/123456789012/spire-${queue}`])) as Record<QueueName, string>;

/** The environment Lambda gives the function (dummy values), with source maps loaded as the stack decides, or not. */
function lambdaEnvironment(name: FunctionName, b: Bundle, sourceMaps: boolean): NodeJS.ProcessEnv {
  const fn = FUNCTIONS[name];
  return {
    PATH: process.env['PATH'],
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    AWS_REGION: REGION,
    AWS_DEFAULT_REGION: REGION,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_LAMBDA_FUNCTION_NAME: `spire-${name}`,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    LAMBDA_TASK_ROOT: join(b.file, '..'),
    _HANDLER: 'index.handler',
    AWS_ACCESS_KEY_ID: 'ASIABENCHBENCHBENCH0',
    AWS_SECRET_ACCESS_KEY: 'bench-secret',
    AWS_SESSION_TOKEN: 'bench-session',
    ...functionEnvironment(fn, { tableName: 'spire', queueUrls, settings, secretArn: `arn:aws:secretsmanager:${REGION}:123456789012:secret:spire-deployment-secret-AbCdEf` }),
    ...(sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
  };
}

/** The child: the handler must be there, or the figure would be of a broken bundle. */
const CHILD = `
const before = performance.now();
const cpu = process.cpuUsage();
const module = await import(process.argv[1]);
const after = performance.now();
const used = process.cpuUsage(cpu);
if (typeof module.handler !== 'function') throw new Error('no handler in ' + process.argv[1]);
process.stdout.write('\\n' + JSON.stringify({ before, after, cpu: (used.user + used.system) / 1000 }));
`;

type Measure = 'import' | 'cpu' | 'process';
interface Target {
  label: string;
  bundle: Bundle;
  env: NodeJS.ProcessEnv;
  measures: Record<Measure, number[]>;
}

function target(label: string, b: Bundle, name: FunctionName, sourceMaps = LOAD_SOURCE_MAPS): Target {
  return { label, bundle: b, env: lambdaEnvironment(name, b, sourceMaps), measures: { import: [], cpu: [], process: [] } };
}

const bundleOf = (bundles: readonly Bundle[], name: string): Bundle => bundles.find((b) => b.name === name) as Bundle;
const groups = MEASURED.map((name) => ({
  name,
  function: target(name, bundleOf(deployed, name), name),
  sdk: target('  reference: sdk', sdk.get(name) as Bundle, name),
  sdkTracer: target('  reference: sdk+tracer', sdkTracer.get(name) as Bundle, name),
  untraced: target(`  ${name} without Tracer`, bundleOf(untraced, `${name} without Tracer`), name),
  sourceMaps: target(`  ${name} ${LOAD_SOURCE_MAPS ? 'without' : 'with'} --enable-source-maps`, bundleOf(deployed, name), name, !LOAD_SOURCE_MAPS),
}));
const baseline = target('node, empty bundle', empty, 'getIdea');
const targets = [baseline, ...groups.flatMap((group) => [group.function, group.sdk, group.sdkTracer, group.untraced, group.sourceMaps])];

function coldStart(t: Target): void {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, pathToFileURL(t.bundle.file).href], { env: t.env, encoding: 'utf8' });
  const { before, after, cpu } = JSON.parse(output.slice(output.lastIndexOf('\n') + 1)) as { before: number; after: number; cpu: number };
  t.measures.process.push(after);
  t.measures.import.push(after - before);
  t.measures.cpu.push(cpu);
}

console.log(`\nCold start: median of ${runs} fresh processes each (node ${process.version}); functions ${LOAD_SOURCE_MAPS ? 'load' : 'do not load'} source maps`);
for (const t of targets) coldStart(t); // one round unmeasured, so every bundle is in the file cache alike
for (let run = 0; run < runs; run++) {
  // Each round in another order, so no bundle always follows the same one.
  for (let i = 0; i < targets.length; i++) coldStart(targets[(i + run) % targets.length] as Target);
}

const ms = (t: Target, measure: Measure): number => median(t.measures[measure]);
const row = (cells: readonly string[]): string => `  ${(cells[0] as string).padEnd(46)}${cells.slice(1).map((cell) => cell.padStart(12)).join('')}`;
console.log(row(['', 'bundle', 'import', 'CPU', 'process']));
for (const t of targets) console.log(row([t.label, `${kb(t.bundle.bytes)} KB`, `${ms(t, 'import').toFixed(1)} ms`, `${ms(t, 'cpu').toFixed(1)} ms`, `${ms(t, 'process').toFixed(1)} ms`]));

console.log(`\nRatios of the medians (acceptance: function ÷ sdk, import, at most 1.3)`);
console.log(row(['', 'import', 'CPU', 'process']));
const ratio = (a: Target, b: Target, measure: Measure): string => `${(ms(a, measure) / ms(b, measure)).toFixed(2)}×`;
for (const group of groups) {
  for (const [label, a, b] of [
    [`${group.name} ÷ sdk`, group.function, group.sdk],
    [`${group.name} ÷ sdk+tracer`, group.function, group.sdkTracer],
    [`${group.name} without Tracer ÷ sdk`, group.untraced, group.sdk],
  ] as const) {
    console.log(row([label, ratio(a, b, 'import'), ratio(a, b, 'cpu'), ratio(a, b, 'process')]));
  }
}
const sourceMapCosts = groups.map((group) => {
  const [withMaps, withoutMaps] = LOAD_SOURCE_MAPS ? [group.function, group.sourceMaps] : [group.sourceMaps, group.function];
  const extra = ms(withMaps, 'import') - ms(withoutMaps, 'import');
  return `${group.name} ${extra >= 0 ? '+' : ''}${extra.toFixed(1)} ms (${((ms(withMaps, 'import') / ms(withoutMaps, 'import') - 1) * 100).toFixed(0)} %)`;
});
console.log(`--enable-source-maps ${LOAD_SOURCE_MAPS ? 'costs' : 'would cost'} at import: ${sourceMapCosts.join(', ')}`);

rmSync(out, { recursive: true, force: true });

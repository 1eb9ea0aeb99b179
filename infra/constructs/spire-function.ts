/**
 * The one kind of Lambda function Spire deploys. Every function in the system description
 * (infra/system.ts) becomes a SpireFunction, so runtime, architecture, logging, tracing and
 * bundling are decided here, once.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { BuildOptions } from 'esbuild';
import type { FunctionDescription } from '../system.ts';

/** The repository root: entries in the system description are relative to it. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * How long Spire keeps its logs (function logs and API access logs). Long enough to look into
 * last month's incident, short enough that logs do not become a second, unmanaged data store.
 */
export const LOG_RETENTION = RetentionDays.ONE_MONTH;

/**
 * The bundle is ESM; CommonJS dependencies bundled into it still call `require`, which ESM
 * does not define, so the banner recreates it.
 */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * How every function is bundled: what NodejsFunction gets, and what bench/cold-start.ts builds
 * (through esbuildOptions below), so the sizes and cold starts it prints are of what deploys.
 * Measured with `npm run bench:cold-start`; the figures are in docs/performance.md ("Function size and
 * cold start").
 */
export const BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  // index.mjs.map ships beside the bundle, for decoding a stack trace's positions offline
  // (docs/performance.md, "Function size and cold start"); the function does not load it (LOAD_SOURCE_MAPS).
  sourceMap: true,
  // The map only needs the mappings; embedding every source file would double the bundle.
  sourcesContent: false,
  // A bundled, minified SDK client starts faster than the one in the Lambda runtime.
  bundleAwsSDK: true,
  banner: ESM_REQUIRE_BANNER,
  // An optional peer of middy 7 that only its DurableContext entry imports, and Spire does not use it.
  // External, so a middy release that imports it from the main entry cannot break the bundle (middyjs/middy#1548).
  externalModules: ['@aws/durable-execution-sdk-js'],
  // Options NodejsFunction has no property for go to esbuild's command line as they are.
  esbuildArgs: {
    // Licence comments stay in node_modules; they are no use to the function.
    '--legal-comments': 'none',
    // æ, ø and å (messages, the strategy, Danish word lists) as UTF-8, not as \u escapes.
    // (NodejsFunction's own `charset` property never reaches esbuild in aws-cdk-lib 2.276.)
    '--charset': 'utf8',
    // In Lambda the credentials are in the environment: see shared/aws/lambda-credentials.ts.
    '--alias': [`@aws-sdk/credential-provider-node=${join(REPO_ROOT, 'shared/aws/lambda-credentials.ts')}`],
  },
} as const satisfies BundlingOptions;

/**
 * Whether functions run with NODE_OPTIONS=--enable-source-maps, so stack traces in the logs name
 * TypeScript files and lines. They do not: Node then reads and parses the bundle's map as it
 * loads it, which `npm run bench:cold-start` measured at 8–9 ms of a 70–75 ms import (+11 to
 * +13 %, 11–13 ms of CPU) for submitIdea, getIdea and the intake worker, on every cold start, to
 * help only when something fails. The map still ships with each function, to decode a trace's
 * positions when one is needed (docs/performance.md, "Function size and cold start").
 */
export const LOAD_SOURCE_MAPS = false;

/** The BUNDLING properties esbuildOptions translates; any other one would be bundled differently by the bench than by CDK. */
const TRANSLATED = new Set(['format', 'target', 'mainFields', 'minify', 'sourceMap', 'sourcesContent', 'bundleAwsSDK', 'banner', 'externalModules', 'esbuildArgs']);
const TRANSLATED_ARGS = new Set(['--legal-comments', '--charset', '--alias']);

/**
 * BUNDLING as esbuild's own options, the way aws-cdk-lib's NodejsFunction turns it into an
 * esbuild command line (`esbuild --bundle <entry> --platform=node --outfile=…/index.mjs …`).
 * test/infra/stack.test.ts checks that a bundle built with these is byte for byte the one CDK
 * builds, so they cannot drift apart.
 */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  const untranslated = [...Object.keys(BUNDLING).filter((key) => !TRANSLATED.has(key)), ...Object.keys(BUNDLING.esbuildArgs).filter((key) => !TRANSLATED_ARGS.has(key))];
  if (untranslated.length > 0) throw new Error(`esbuildOptions does not translate ${untranslated.join(', ')} yet`);
  const args: Record<string, string | readonly string[]> = BUNDLING.esbuildArgs;
  const legalComments = args['--legal-comments'] as BuildOptions['legalComments'];
  const charset = args['--charset'] as BuildOptions['charset'];
  const aliases = (args['--alias'] ?? []) as readonly string[];
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    outfile,
    format: BUNDLING.format,
    target: BUNDLING.target,
    mainFields: [...BUNDLING.mainFields],
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    sourcesContent: BUNDLING.sourcesContent,
    // With bundleAwsSDK, only externalModules stay outside the bundle.
    external: [...BUNDLING.externalModules],
    banner: { js: BUNDLING.banner },
    ...(legalComments === undefined ? {} : { legalComments }),
    ...(charset === undefined ? {} : { charset }),
    ...(aliases.length === 0 ? {} : { alias: Object.fromEntries(aliases.map((alias) => alias.split('=') as [string, string])) }),
  };
}

export interface SpireFunctionProps {
  /** The function as the system description states it. */
  description: FunctionDescription;
  /** Environment variables beyond the defaults: the resources the function is wired to. */
  environment: Record<string, string>;
}

/**
 * A Node.js 24 function on arm64 with X-Ray tracing, its own log group with a retention, and a
 * role that may write only to that log group (instead of the AWS managed basic execution
 * policy, which may write to every log group in the account). Grants for the table and queues
 * are added by the stack, from the description.
 */
export class SpireFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: SpireFunctionProps) {
    const { description, environment } = props;
    const logGroup = new LogGroup(scope, `${id}LogGroup`, {
      retention: LOG_RETENTION,
      // The logs expire within LOG_RETENTION anyway; an orphaned log group after the stack is gone helps nobody.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${description.entry}`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: join(REPO_ROOT, description.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      description: description.description,
      timeout: Duration.seconds(description.timeoutSeconds),
      memorySize: description.memoryMb,
      ...(description.reservedConcurrency === undefined ? {} : { reservedConcurrentExecutions: description.reservedConcurrency }),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: { ...environment, ...(LOAD_SOURCE_MAPS ? { NODE_OPTIONS: '--enable-source-maps' } : {}) },
      bundling: BUNDLING,
    });

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    });
  }
}

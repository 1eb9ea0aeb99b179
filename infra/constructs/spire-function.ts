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
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
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
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      logGroup,
      role,
      environment: {
        ...environment,
        // Stack traces in the logs point at the TypeScript source, not the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        // The map only needs the mappings; embedding every source file would double the bundle.
        sourcesContent: false,
        // A bundled, minified SDK client starts faster than the one in the Lambda runtime.
        bundleAwsSDK: true,
        banner: ESM_REQUIRE_BANNER,
        // An optional peer of middy 7 that only its DurableContext entry imports, and Spire does not use it.
        // External, so a middy release that imports it from the main entry cannot break the bundle (middyjs/middy#1548).
        externalModules: ['@aws/durable-execution-sdk-js'],
      },
    });

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    });
  }
}

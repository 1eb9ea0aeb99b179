/**
 * The app as `cdk synth` builds it, bundling included: cdk-nag's AWS Solutions rules pass, every
 * acknowledgment is one of the known, explained ones, and every function bundles.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations, type CfnElement } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type SpireApp } from '../../infra/app.ts';
import { CONTEXT } from '../../infra/stack.ts';
import { SYSTEM, type FunctionName } from '../../infra/system.ts';
import { CDK_JSON_CONTEXT, CONFIGURED, PAGES_FIXTURE, WITHOUT_BUNDLING } from './context.ts';

const SETTINGS = { ...CONFIGURED, [CONTEXT.jwtAudience]: 'api://spire-test' };

interface ValidationReport {
  pluginReports: { pluginName: string; conclusion: string; violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[] }[];
}

const functionNames = Object.keys(SYSTEM.functions) as FunctionName[];

let outdir: string;
let spire: SpireApp;
let report: ValidationReport;
let template: { Resources: Record<string, { Properties: { Code?: { S3Key?: string } } }> };

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'spire-cdk-'));
  spire = createApp({ pagesDirectory: PAGES_FIXTURE, outdir, context: { ...CDK_JSON_CONTEXT, ...SETTINGS } });
  // Under vitest, synth throws with the full report when a validation plugin reports an error.
  const assembly = spire.app.synth();
  report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as ValidationReport;
  template = assembly.getStackByName(spire.stack.stackName).template as typeof template;
});

afterAll(() => {
  rmSync(outdir, { recursive: true, force: true });
});

describe('cdk-nag', () => {
  it('finds no unacknowledged AWS Solutions errors or warnings, and nothing else warns either', () => {
    const findings = report.pluginReports.flatMap((plugin) =>
      plugin.violations.map((violation) => `${plugin.pluginName}: ${violation.severity} ${violation.ruleName} at ${violation.violatingConstructs.map((c) => c.constructPath).join(', ')}`),
    );

    expect(findings).toEqual([]);
  });

  it('acknowledges only the explained findings: the X-Ray wildcard, public routes, the unencrypted SES events topic, the deployment secret never rotated, and the pages’ hosting', () => {
    const acknowledged = collectAcknowledgments(spire.app).map(({ path, id }) => `${path} ${id}`);
    const { web } = spire.stack;
    const expected = [
      ...functionNames.map((name) => `${spire.stack.functions[name].role!.node.path} AwsSolutions-IAM5[Resource::*]`),
      ...SYSTEM.routes.filter((route) => route.auth === 'none').map((route) => `${spire.stack.stackName}/HttpApi/${route.method}${route.path.replaceAll('/', '--')} AwsSolutions-APIG4`),
      `${spire.stack.mail.eventsTopic.node.path} AwsSolutions-SNS2`,
      `${spire.stack.secret.node.path} AwsSolutions-SMG4`,
      // No geo restriction, no WAF (us-east-1 only), no access logs (viewer IPs), the default certificate (no custom domain).
      ...['CFR1', 'CFR2', 'CFR3', 'CFR4'].map((rule) => `${web.distribution.node.path} AwsSolutions-${rule}`),
      // The bucket's server access logs would only show CloudFront reading public files.
      `${web.bucket.node.path} AwsSolutions-S1`,
      // The deployment writes and prunes any object of the pages' bucket, and of no other.
      `${web.deploymentRole.node.path} AwsSolutions-IAM5[Resource::<${logicalId(web.bucket)}.Arn>/*]`,
      // The runtime of aws-cdk-lib's own BucketDeployment function.
      `${spire.stack.stackName}/${spire.stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))?.node.id} AwsSolutions-L1`,
    ];

    expect(acknowledged.sort()).toEqual(expected.sort());
    for (const { reason } of collectAcknowledgments(spire.app)) expect(reason.length).toBeGreaterThan(40);
  });

  it('fails synth on a finding nobody acknowledged', () => {
    // Prepare
    const { app, stack } = createApp({ pagesDirectory: PAGES_FIXTURE, context: { ...CDK_JSON_CONTEXT, ...SETTINGS, ...WITHOUT_BUNDLING } });
    new Queue(stack, 'PlainQueue');

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).toThrow(/AwsSolutions-SQS4/);
  });

  it('checks SNS topics too, so the clean report covers the operations alarm topic (TLS-only, encrypted)', () => {
    // Prepare
    const { app, stack } = createApp({ pagesDirectory: PAGES_FIXTURE, context: { ...CDK_JSON_CONTEXT, ...SETTINGS, ...WITHOUT_BUNDLING } });
    new Topic(stack, 'PlainTopic');

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).toThrow(/AwsSolutions-SNS3/);
  });
});

describe('bundling', () => {
  it.each(functionNames)('%s bundles into one ESM file with the createRequire banner and a source map', (name) => {
    const bundle = readFileSync(join(assetDirectory(name), 'index.mjs'), 'utf8');

    expect(bundle.startsWith("import { createRequire } from 'module'; const require = createRequire(import.meta.url);")).toBe(true);
    expect(existsSync(join(assetDirectory(name), 'index.mjs.map'))).toBe(true);
  });

  it.each(functionNames)('%s carries its own AWS SDK instead of importing the runtime’s', (name) => {
    const bundle = readFileSync(join(assetDirectory(name), 'index.mjs'), 'utf8');

    expect(bundle).not.toMatch(/from\s*["']@aws-sdk\//);
  });
});

/** The staged asset directory of a function's code, from the S3 key in the synthesized template. */
function assetDirectory(name: FunctionName): string {
  const s3Key = template.Resources[logicalId(spire.stack.functions[name])]?.Properties.Code?.S3Key;
  if (s3Key === undefined) throw new Error(`No code asset for ${name}`);
  return join(outdir, `asset.${s3Key.replace(/\.zip$/, '')}`);
}

function logicalId(construct: IConstruct): string {
  return spire.stack.resolve(spire.stack.getLogicalId(construct.node.defaultChild as CfnElement)) as string;
}

/** Every `Validations.of(...).acknowledge(...)` in the app, with the construct it was made on. */
function collectAcknowledgments(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

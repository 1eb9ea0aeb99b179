/**
 * Environments: `-c env=dev|test|prod` names the stack and its resources, two environments live
 * side by side in one account, production is protected from deletion and refuses to synthesise
 * with placeholder settings.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../infra/app.ts';
import { CONTEXT, SettingsError, type EnvironmentName } from '../../infra/settings.ts';
import { CDK_JSON_CONTEXT, CONFIGURED, PAGES_FIXTURE, WITHOUT_BUNDLING } from './context.ts';

/** Real settings; bundling skipped (test/infra/nag.test.ts bundles). */
const SETTINGS: Record<string, unknown> = { ...CDK_JSON_CONTEXT, ...WITHOUT_BUNDLING, ...CONFIGURED };

/**
 * The property that holds the physical name of each resource type whose names must be unique in
 * an account and region (CloudFront's: in the account), as a path of property names. Absent,
 * CloudFormation generates a name from the stack's.
 */
const NAME_PROPERTIES: Record<string, string> = {
  'AWS::S3::Bucket': 'BucketName',
  'AWS::CloudFront::Function': 'Name',
  'AWS::CloudFront::ResponseHeadersPolicy': 'ResponseHeadersPolicyConfig.Name',
  'AWS::CloudFront::OriginAccessControl': 'OriginAccessControlConfig.Name',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::CloudWatch::Alarm': 'AlarmName',
  'AWS::CloudWatch::Dashboard': 'DashboardName',
  'AWS::Events::Rule': 'Name',
  'AWS::KMS::Alias': 'AliasName',
  'AWS::SES::ConfigurationSet': 'Name',
  'AWS::SES::EmailIdentity': 'EmailIdentity',
};

/** Every physical name the environment's template sets, as `<type> <name>`; a name that is not plain text is shown as its JSON. */
function physicalNames(environment: EnvironmentName, context: Record<string, unknown> = {}): string[] {
  const { stack } = createApp({ pagesDirectory: PAGES_FIXTURE, environment, context: { ...SETTINGS, ...context } });
  const { Resources } = Template.fromStack(stack).toJSON() as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
  return Object.values(Resources).flatMap((resource) => {
    const path = NAME_PROPERTIES[resource.Type]?.split('.');
    const name = path?.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], resource.Properties);
    return name === undefined ? [] : [`${resource.Type} ${typeof name === 'string' ? name : JSON.stringify(name)}`];
  });
}

describe('the stack of each environment', () => {
  it.each([
    ['dev', 'Spire-dev'],
    ['test', 'Spire-test'],
    ['prod', 'Spire-prod'],
  ] as const)('%s is the stack %s', (environment, stackName) => {
    const { stack } = createApp({ pagesDirectory: PAGES_FIXTURE, environment, context: SETTINGS });

    expect(stack.stackName).toBe(stackName);
    expect(stack.environmentName).toBe(environment);
    expect(stack.tags.tagValues()).toEqual({ 'spire:environment': environment });
  });

  it('is the one -c env=test names', () => {
    expect(createApp({ pagesDirectory: PAGES_FIXTURE, context: { ...SETTINGS, env: 'test' } }).stack.stackName).toBe('Spire-test');
  });

  it('is dev when no environment is named', () => {
    expect(createApp({ pagesDirectory: PAGES_FIXTURE, context: SETTINGS }).stack.stackName).toBe('Spire-dev');
  });

  it('is refused for an environment that is not dev, test or prod', () => {
    expect(() => createApp({ pagesDirectory: PAGES_FIXTURE, context: { ...SETTINGS, env: 'production' } })).toThrow(/Context env must be one of dev, test, prod/);
  });

  it.each([
    ['prod', true],
    ['test', false],
    ['dev', false],
  ] as const)('%s has termination protection: %s', (environment, on) => {
    expect(createApp({ pagesDirectory: PAGES_FIXTURE, environment, context: SETTINGS }).stack.terminationProtection).toBe(on);
  });
});

describe('two environments in one account', () => {
  it('set no physical name but from their own stack name, bar the SES identity of the sender’s domain', () => {
    const names = physicalNames('test');

    expect(names.filter((name) => !name.includes('Spire-test'))).toEqual(['AWS::SES::EmailIdentity kommune.example']);
  });

  it('share no physical name once the second uses the first one’s SES identity (spire:createMailIdentity false)', () => {
    const dev = physicalNames('dev');
    const test = new Set(physicalNames('test', { [CONTEXT.createMailIdentity]: 'false' }));

    expect(dev.filter((name) => test.has(name))).toEqual([]);
  });

  it('share no physical name when they send from different domains', () => {
    const prod = physicalNames('prod');
    const test = new Set(physicalNames('test', { [CONTEXT.mailSender]: 'idebanken@test.kommune.example' }));

    expect(prod.filter((name) => test.has(name))).toEqual([]);
  });
});

describe('settings at synth', () => {
  it('fails a production synth with the placeholders of cdk.json, one line for each setting to set', () => {
    let error: unknown;
    try {
      createApp({ pagesDirectory: PAGES_FIXTURE, environment: 'prod', context: { ...CDK_JSON_CONTEXT, ...WITHOUT_BUNDLING } });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).problems.map((line) => line.slice(0, line.indexOf(': ')))).toEqual([
      CONTEXT.jwtIssuer,
      CONTEXT.jwtAudience,
      CONTEXT.mailSender,
      CONTEXT.triageTeamEmail,
      CONTEXT.operationsEmail,
      CONTEXT.webClientId,
      CONTEXT.webScope,
    ]);
  });

  it('fails a production synth with the settings missing altogether', () => {
    const context = Object.fromEntries(Object.entries(SETTINGS).filter(([key]) => !key.startsWith('spire:')));

    expect(() => createApp({ pagesDirectory: PAGES_FIXTURE, environment: 'prod', context })).toThrow(/spire:jwtIssuer: missing[\s\S]*spire:jwtAudience: missing[\s\S]*spire:mailSender: missing[\s\S]*spire:operationsEmail: missing/);
  });

  it('lets a test synth through with the placeholders', () => {
    expect(createApp({ pagesDirectory: PAGES_FIXTURE, environment: 'test', context: { ...CDK_JSON_CONTEXT, ...WITHOUT_BUNDLING } }).stack.stackName).toBe('Spire-test');
  });
});

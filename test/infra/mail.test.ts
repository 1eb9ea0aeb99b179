/**
 * E-mail in the stack (infra/constructs/mail.ts): the sender's domain as an SES identity with
 * Easy DKIM, the configuration set every e-mail is sent with, and the way back for bounces and
 * complaints: event destination → SNS topic → the mail events queue → the mail feedback function.
 */
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DKIM_OUTPUTS } from '../../infra/constructs/mail.ts';
import { CONTEXT } from '../../infra/settings.ts';
import { SpireStack } from '../../infra/stack.ts';
import { SYSTEM } from '../../infra/system.ts';
import { ENV } from '../../shared/config.ts';
import { CDK_JSON_CONTEXT, CONFIGURED, PAGES_FIXTURE, WITHOUT_BUNDLING } from './context.ts';

const SETTINGS: Record<string, unknown> = { ...CDK_JSON_CONTEXT, ...WITHOUT_BUNDLING, ...CONFIGURED, [CONTEXT.mailSender]: 'idebanken@ideer.kommune.example' };

type Resource = { Type: string; Properties: Record<string, unknown> };

function synth(context: Record<string, unknown> = {}): { stack: SpireStack; template: Template } {
  const stack = new SpireStack(new App({ context: { ...SETTINGS, ...context } }), 'Spire-test', { environment: 'test', pagesDirectory: PAGES_FIXTURE });
  return { stack, template: Template.fromStack(stack) };
}

let stack: SpireStack;
let template: Template;

beforeAll(() => {
  ({ stack, template } = synth());
});

const logicalId = (construct: IConstruct) => stack.resolve(stack.getLogicalId(construct.node.defaultChild as CfnElement)) as string;

describe('the sending identity', () => {
  it('is the sender’s domain, signed with Easy DKIM (2048-bit keys)', () => {
    template.resourceCountIs('AWS::SES::EmailIdentity', 1);
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'ideer.kommune.example',
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
    });
  });

  it('outputs the three DKIM CNAME records to publish in the domain’s DNS, and the domain', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    const identity = logicalId(stack.mail.identity!);

    expect(outputs['MailIdentityDomain']?.Value).toBe('ideer.kommune.example');
    DKIM_OUTPUTS.forEach(({ name, value }, index) => {
      expect(outputs[name]?.Value).toEqual({ 'Fn::GetAtt': [identity, `DkimDNSTokenName${index + 1}`] });
      expect(outputs[value]?.Value).toEqual({ 'Fn::GetAtt': [identity, `DkimDNSTokenValue${index + 1}`] });
    });
  });

  it('is left to another stack with spire:createMailIdentity false, which changes nothing else about e-mail', () => {
    const { template: sharing } = synth({ [CONTEXT.createMailIdentity]: 'false' });
    const outputs = sharing.toJSON().Outputs as Record<string, unknown>;

    sharing.resourceCountIs('AWS::SES::EmailIdentity', 0);
    expect(Object.keys(outputs).filter((id) => id.startsWith('MailDkim') || id === 'MailIdentityDomain')).toEqual([]);
    sharing.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    sharing.resourceCountIs('AWS::SES::ConfigurationSetEventDestination', 1);
  });
});

describe('the configuration set', () => {
  it('requires TLS, keeps reputation metrics and has SES suppress bounced and complaining addresses too', () => {
    template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: Match.absent(),
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('is the one the notify worker sends with', () => {
    const variables = (template.toJSON().Resources as Record<string, Resource>)[logicalId(stack.functions.notifyWorker)]?.Properties.Environment as { Variables: Record<string, unknown> };

    expect(variables.Variables[ENV.mailConfigurationSet]).toEqual({ Ref: logicalId(stack.mail.configurationSet) });
  });

  it('publishes bounces and complaints, and nothing else, to the mail events topic', () => {
    template.resourceCountIs('AWS::SES::ConfigurationSetEventDestination', 1);
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: logicalId(stack.mail.configurationSet) },
      EventDestination: { Enabled: true, MatchingEventTypes: ['bounce', 'complaint'], SnsDestination: { TopicARN: { Ref: logicalId(stack.mail.eventsTopic) } } },
    });
  });
});

describe('the mail events topic', () => {
  it('takes publications from SES for this account’s configuration set only, and only over TLS', () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: logicalId(stack.mail.eventsTopic) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sns:Publish',
            Principal: { Service: 'ses.amazonaws.com' },
            Condition: {
              StringEquals: {
                'AWS:SourceAccount': { Ref: 'AWS::AccountId' },
                'AWS:SourceArn': Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([':configuration-set/', { Ref: logicalId(stack.mail.configurationSet) }])] }),
              },
            },
          }),
        ]),
      },
    });
  });

  it('delivers to the mail events queue in SNS’s envelope (not raw), which the mail feedback function parses', () => {
    template.resourcePropertiesCountIs('AWS::SNS::Subscription', { TopicArn: { Ref: logicalId(stack.mail.eventsTopic) } }, 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      TopicArn: { Ref: logicalId(stack.mail.eventsTopic) },
      Protocol: 'sqs',
      Endpoint: { 'Fn::GetAtt': [logicalId(stack.queues.mailEvents), 'Arn'] },
      RawMessageDelivery: false,
    });
  });

  it('may send to the mail events queue, and no other topic may', () => {
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: logicalId(stack.queues.mailEvents) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Principal: { Service: 'sns.amazonaws.com' },
            Condition: { ArnEquals: { 'aws:SourceArn': { Ref: logicalId(stack.mail.eventsTopic) } } },
          }),
        ]),
      },
    });
  });
});

describe('the mail events queue', () => {
  it('has its dead-letter queue, as every queue does', () => {
    const queue = (template.toJSON().Resources as Record<string, Resource>)[logicalId(stack.queues.mailEvents)];

    expect(queue?.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(stack.queues.mailEvents.deadLetterQueue!.queue), 'Arn'] },
      maxReceiveCount: SYSTEM.queues.mailEvents.maxReceiveCount,
    });
  });

  it('is consumed by the mail feedback function, which may write the table', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(stack.functions.mailFeedback) },
      EventSourceArn: { 'Fn::GetAtt': [logicalId(stack.queues.mailEvents), 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter(
      (policy) => JSON.stringify((policy as Resource).Properties.Roles) === JSON.stringify([{ Ref: logicalId(stack.functions.mailFeedback.role!) }]),
    );
    expect(JSON.stringify(policies)).toContain('dynamodb:PutItem');
    expect(JSON.stringify(policies)).not.toContain('ses:');
  });
});

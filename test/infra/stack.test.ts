/**
 * The CDK stack against the system description: every property here is computed from
 * infra/system.ts, so the stack and the description cannot drift apart unnoticed.
 * Bundling is skipped (context aws:cdk:bundling-stacks); test/infra/nag.test.ts bundles for real.
 */
import { readFileSync } from 'node:fs';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { App, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT, SpireStack } from '../../infra/stack.ts';
import { functionEnvironment, SYSTEM, type FunctionName, type QueueName } from '../../infra/system.ts';
import { ENV } from '../../shared/config.ts';

const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> })
  .context;
const ISSUER = 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0';
const AUDIENCE = 'api://spire-test';
const ROLES_CLAIM = 'spire_roles';

/**
 * The stack with the context of cdk.json, without bundling, and without cdk-nag, so each test
 * here names the property that broke (test/infra/nag.test.ts runs cdk-nag on the whole app).
 */
function synth(context: Record<string, unknown> = {}): SpireStack {
  const app = new App({ context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context } });
  return new SpireStack(app, 'Spire');
}

const functionNames = Object.keys(SYSTEM.functions) as FunctionName[];
const queueNames = Object.keys(SYSTEM.queues) as QueueName[];
const httpFunctions = new Set(SYSTEM.routes.map((route) => route.function));

let stack: SpireStack;
let template: Template;
type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
let resources: Record<string, Resource>;

beforeAll(() => {
  stack = synth({ [CONTEXT.jwtIssuer]: ISSUER, [CONTEXT.jwtAudience]: AUDIENCE, [CONTEXT.rolesClaim]: ROLES_CLAIM });
  template = Template.fromStack(stack);
  resources = (template.toJSON() as { Resources: Record<string, Resource> }).Resources;
});

/** The logical id of a construct's CloudFormation resource. */
function logicalId(construct: IConstruct): string {
  return stack.resolve(stack.getLogicalId(construct.node.defaultChild as CfnElement)) as string;
}

function resourceOf(construct: IConstruct): Resource {
  const resource = resources[logicalId(construct)];
  if (resource === undefined) throw new Error(`No resource for ${construct.node.path}`);
  return resource;
}

/** Every IAM action granted to a function's role, with the resources it is granted on. */
function grantedActions(name: FunctionName): { action: string; resource: unknown }[] {
  const roleId = logicalId(stack.functions[name].role!);
  const policies = Object.values(resources).filter(
    (resource) => resource.Type === 'AWS::IAM::Policy' && JSON.stringify(resource.Properties.Roles) === JSON.stringify([{ Ref: roleId }]),
  );
  type Statement = { Action: string | string[]; Resource: unknown };
  return policies.flatMap((policy) =>
    (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.flatMap((statement) =>
      [statement.Action].flat().map((action) => ({ action, resource: statement.Resource })),
    ),
  );
}

describe('table', () => {
  it('is keyed by string PK and SK and billed per request', () => {
    const table = resourceOf(stack.table);

    expect(table.Properties).toMatchObject({
      KeySchema: [
        { AttributeName: SYSTEM.table.partitionKey, KeyType: 'HASH' },
        { AttributeName: SYSTEM.table.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
    const attributes = table.Properties.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
    expect(attributes.every((attribute) => attribute.AttributeType === 'S')).toBe(true);
  });

  it('has point-in-time recovery, deletion protection, and is retained when the stack is deleted or replaced', () => {
    const table = resourceOf(stack.table);

    expect(table.Properties).toMatchObject({
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('has exactly the indexes of TABLE.indexes, with string keys and all attributes projected', () => {
    const table = resourceOf(stack.table);
    const expected = Object.values(SYSTEM.table.indexes).map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    }));

    expect(table.Properties.GlobalSecondaryIndexes).toEqual(expected);
    const stringAttributes = (table.Properties.AttributeDefinitions as { AttributeName: string }[]).map((a) => a.AttributeName);
    for (const index of Object.values(SYSTEM.table.indexes)) {
      expect(stringAttributes).toEqual(expect.arrayContaining([index.partitionKey, index.sortKey]));
    }
  });

  it('expires items by the time-to-live attribute of TABLE', () => {
    expect(resourceOf(stack.table).Properties.TimeToLiveSpecification).toEqual({
      AttributeName: SYSTEM.table.timeToLiveAttribute,
      Enabled: true,
    });
  });
});

describe('queues', () => {
  it.each(queueNames)('%s moves a message to its dead-letter queue after maxReceiveCount receives', (name) => {
    const queue = stack.queues[name];
    const deadLetterQueue = queue.deadLetterQueue!.queue;

    expect(resourceOf(queue).Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(deadLetterQueue), 'Arn'] },
      maxReceiveCount: SYSTEM.queues[name].maxReceiveCount,
    });
  });

  it.each(queueNames)('%s and its dead-letter queue keep messages for the described retention', (name) => {
    const description = SYSTEM.queues[name];
    const queue = stack.queues[name];

    expect(resourceOf(queue).Properties.MessageRetentionPeriod).toBe(description.retentionDays * 86_400);
    expect(resourceOf(queue.deadLetterQueue!.queue).Properties.MessageRetentionPeriod).toBe(description.deadLetterRetentionDays * 86_400);
  });

  it('hides a received message for at least six times its consumer’s timeout, on every consumed queue', () => {
    const consumers = functionNames.filter((name) => SYSTEM.functions[name].consumes !== undefined);
    expect(consumers.length).toBeGreaterThan(0);

    for (const name of consumers) {
      const consumer = SYSTEM.functions[name];
      const queueName = consumer.consumes!.queue;
      const visibilityTimeout = resourceOf(stack.queues[queueName]).Properties.VisibilityTimeout;

      expect(visibilityTimeout, `${queueName} consumed by ${name}`).toBe(SYSTEM.queues[queueName].visibilityTimeoutSeconds);
      expect(visibilityTimeout as number, `${queueName} consumed by ${name}`).toBeGreaterThanOrEqual(6 * consumer.timeoutSeconds);
    }
  });

  it('refuses requests without TLS and encrypts messages at rest, on every queue and dead-letter queue', () => {
    const allQueues = queueNames.flatMap((name) => [stack.queues[name], stack.queues[name].deadLetterQueue!.queue]);

    for (const queue of allQueues) {
      expect(resourceOf(queue).Properties.SqsManagedSseEnabled).toBe(true);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: logicalId(queue) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it.each(queueNames)('%s raises an alarm as soon as a message reaches its dead-letter queue', (name) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(stack.queues[name].deadLetterQueue!.queue), 'QueueName'] } }],
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
    });
  });
});

describe('functions', () => {
  it('creates exactly one Lambda function per function description', () => {
    template.resourceCountIs('AWS::Lambda::Function', functionNames.length);
  });

  it.each(functionNames)('%s runs Node.js 24 on arm64 with active tracing and handler "handler"', (name) => {
    expect(resourceOf(stack.functions[name]).Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Handler: 'index.handler',
    });
  });

  it.each(functionNames)('%s has the described timeout, memory and description', (name) => {
    const description = SYSTEM.functions[name];

    expect(resourceOf(stack.functions[name]).Properties).toMatchObject({
      Timeout: description.timeoutSeconds,
      MemorySize: description.memoryMb,
      Description: description.description,
    });
  });

  it.each(functionNames)('%s logs to its own log group, which expires its logs', (name) => {
    const loggingConfig = resourceOf(stack.functions[name]).Properties.LoggingConfig as { LogGroup: { Ref: string } };
    const logGroup = resources[loggingConfig.LogGroup.Ref];

    expect(logGroup?.Type).toBe('AWS::Logs::LogGroup');
    expect(logGroup?.Properties.RetentionInDays).toBeGreaterThan(0);
    expect(grantedActions(name)).toEqual(
      expect.arrayContaining([{ action: 'logs:PutLogEvents', resource: { 'Fn::GetAtt': [loggingConfig.LogGroup.Ref, 'Arn'] } }]),
    );
  });

  it.each(functionNames)('%s gets the table name and queue URLs only of the resources it is wired to', (name) => {
    const description = SYSTEM.functions[name];
    const wired = functionEnvironment(description, {
      tableName: { Ref: logicalId(stack.table) } as unknown as string,
      queueUrls: Object.fromEntries(queueNames.map((queue) => [queue, { Ref: logicalId(stack.queues[queue]) }])) as unknown as Record<QueueName, string>,
    });

    expect(resourceOf(stack.functions[name]).Properties.Environment).toEqual({
      Variables: {
        ...wired,
        ...(httpFunctions.has(name) ? { [ENV.rolesClaim]: ROLES_CLAIM } : {}),
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
  });

  it.each(functionNames)('%s may use the table only as described: not at all, read, or read and write', (name) => {
    const access = SYSTEM.functions[name].table;
    const tableActions = grantedActions(name).filter((grant) => grant.action.startsWith('dynamodb:'));

    if (access === undefined) expect(tableActions).toEqual([]);
    else expect(tableActions.map((grant) => grant.action)).toContain('dynamodb:Query');
    const writes = tableActions.filter((grant) => /:(Put|Update|Delete|BatchWrite)/.test(grant.action));
    expect(writes.length > 0).toBe(access === 'readWrite');
  });

  it.each(functionNames)('%s may never Scan the table: every read is a GetItem or a Query', (name) => {
    const actions = grantedActions(name).map((grant) => grant.action);

    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((action) => action.startsWith('dynamodb:') && action.includes('*'))).toEqual([]);
  });

  it.each(functionNames)('%s may send only to the queues it is described to send to', (name) => {
    const sendsTo = SYSTEM.functions[name].sendsTo ?? [];
    const sendTargets = grantedActions(name)
      .filter((grant) => grant.action === 'sqs:SendMessage')
      .map((grant) => grant.resource);

    expect(sendTargets).toEqual(sendsTo.map((queue) => ({ 'Fn::GetAtt': [logicalId(stack.queues[queue]), 'Arn'] })));
  });

  it.each(functionNames.filter((name) => SYSTEM.functions[name].consumes !== undefined))(
    '%s consumes its queue in batches and reports batch item failures',
    (name) => {
      const consumes = SYSTEM.functions[name].consumes!;

      template.resourcePropertiesCountIs('AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: logicalId(stack.functions[name]) } }, 1);
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalId(stack.functions[name]) },
        EventSourceArn: { 'Fn::GetAtt': [logicalId(stack.queues[consumes.queue]), 'Arn'] },
        BatchSize: consumes.batchSize,
        MaximumBatchingWindowInSeconds: consumes.maxBatchingWindowSeconds,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    },
  );

  it('has no event source mapping beyond the described consumers', () => {
    const consumers = functionNames.filter((name) => SYSTEM.functions[name].consumes !== undefined);

    template.resourceCountIs('AWS::Lambda::EventSourceMapping', consumers.length);
  });

  it.each(functionNames.filter((name) => SYSTEM.functions[name].schedule !== undefined))('%s runs on its described rate', (name) => {
    const { everyMinutes } = SYSTEM.functions[name].schedule!;

    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: `rate(${everyMinutes} minute${everyMinutes === 1 ? '' : 's'})`,
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack.functions[name]), 'Arn'] } })],
    });
  });

  it('has no schedule beyond the described ones', () => {
    const scheduled = functionNames.filter((name) => SYSTEM.functions[name].schedule !== undefined);

    template.resourceCountIs('AWS::Events::Rule', scheduled.length);
  });
});

describe('HTTP API', () => {
  const authorizerId = () => logicalId(stack.api.node.findChild('JwtAuthorizer'));

  it('has exactly the routes of ROUTES, so the local runtime’s /dev routes are never deployed', () => {
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => (route as Resource).Properties.RouteKey,
    );

    expect(routeKeys.sort()).toEqual(SYSTEM.routes.map((route) => `${route.method} ${route.path}`).sort());
    expect(routeKeys.some((key) => String(key).includes(' /dev'))).toBe(false);
  });

  it.each(SYSTEM.routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s requires a valid access token unless its auth is none',
    (routeKey, route) => {
      const expected =
        route.auth === 'jwt' ? { AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId() } } : { AuthorizationType: 'NONE', AuthorizerId: Match.absent() };

      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey, ...expected });
    },
  );

  it.each(SYSTEM.routes.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s invokes its function with API Gateway v2 events',
    (routeKey, route) => {
      const routeResource = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }))[0] as Resource;
      const target = routeResource.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
      const integration = resources[target['Fn::Join'][1][1].Ref];

      expect(integration?.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': [logicalId(stack.functions[route.function]), 'Arn'] },
        PayloadFormatVersion: '2.0',
      });
    },
  );

  it('trusts access tokens from the issuer and audience set in context', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: ISSUER, Audience: [AUDIENCE] },
    });
  });

  it('throttles the default stage and writes access logs to a log group that expires them', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as Resource;
    const { DestinationArn } = stage.Properties.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string, string] } };

    expect(stage.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) },
    });
    expect(resources[DestinationArn['Fn::GetAtt'][0]]?.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('keeps the caller’s IP address and identity out of the access logs, so anonymous ideas stay anonymous', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as Resource;
    const { Format } = stage.Properties.AccessLogSettings as { Format: string };

    expect(Object.keys(JSON.parse(Format) as object)).toContain('requestId');
    expect(Format).not.toMatch(/sourceIp|claims|principalId|\$context\.identity/);
  });
});

describe('outputs and context', () => {
  it('outputs the API URL, table name and every queue URL', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;

    expect(outputs.ApiUrl?.Value).toBeDefined();
    expect(outputs.TableName?.Value).toEqual({ Ref: logicalId(stack.table) });
    for (const name of queueNames) {
      const values = Object.values(outputs).map((output) => output.Value);
      expect(values).toContainEqual({ Ref: logicalId(stack.queues[name]) });
      expect(values).toContainEqual({ Ref: logicalId(stack.queues[name].deadLetterQueue!.queue) });
    }
    expect(outputs.JwtIssuer?.Value).toBe(ISSUER);
    expect(outputs.JwtAudience?.Value).toBe(AUDIENCE);
  });

  it('warns at synth while the issuer is still the placeholder from cdk.json', () => {
    const unconfigured = synth();

    Annotations.fromStack(unconfigured).hasWarning('/Spire', Match.stringLikeRegexp('will reject every token'));
  });

  it('synthesizes without warnings once the issuer is set', () => {
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  it('fails synth, naming the context key, when the issuer is not an https URL', () => {
    expect(() => synth({ [CONTEXT.jwtIssuer]: 'login.microsoftonline.com/tenant' })).toThrow(CONTEXT.jwtIssuer);
  });

  it('fails synth, naming the context key, when the audience is missing', () => {
    expect(() => synth({ [CONTEXT.jwtIssuer]: ISSUER, [CONTEXT.jwtAudience]: undefined })).toThrow(CONTEXT.jwtAudience);
  });
});

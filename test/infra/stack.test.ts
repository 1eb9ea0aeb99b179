/**
 * The CDK stack against the system description: every property here is computed from
 * infra/system.ts, so the stack and the description cannot drift apart unnoticed.
 * Bundling is skipped (context aws:cdk:bundling-stacks); test/infra/nag.test.ts bundles for real,
 * and "bundling" at the end bundles one function to hold the benchmark's esbuild options to CDK's.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptions, LOAD_SOURCE_MAPS, SpireFunction } from '../../infra/constructs/spire-function.ts';
import { CONTEXT, SpireStack } from '../../infra/stack.ts';
import { functionEnvironment, grantsOf, SETTINGS, SYSTEM, type FunctionName, type QueueName, type SettingName } from '../../infra/system.ts';
import { ENV } from '../../shared/config.ts';
import { API_STAGE_NAME } from '../../shared/http/base-path.ts';
import { CDK_JSON_CONTEXT, PAGES_FIXTURE } from './context.ts';

const ISSUER = 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0';
const AUDIENCE = 'api://spire-test';
const ROLES_CLAIM = 'spire_roles';
const MAIL_SENDER = 'idebanken@kommune.example';
const TEAM_EMAIL = 'digitalisering@kommune.example';
const SERVICE_LEVEL_DAYS = '10';
const OPERATIONS_EMAIL = 'drift@kommune.example';
/** Per-person limits other than the defaults, so the test sees that context reaches the functions. */
const LIMITS = { submit: '25', support: '150', similar: '400' } as const;
/** A retention period other than the default, for the same reason. */
const RETENTION_DAYS = '400';
/** Every setting as the configured stack hands it to the functions (the configuration set's name is CloudFormation's). */
const settingValues = (): Record<SettingName, string> => ({
  mailSender: MAIL_SENDER,
  mailConfigurationSet: { Ref: logicalId(stack.mail.configurationSet) } as unknown as string,
  triageTeamEmail: TEAM_EMAIL,
  triageServiceLevelDays: SERVICE_LEVEL_DAYS,
  submitLimitPerHour: LIMITS.submit,
  supportLimitPerHour: LIMITS.support,
  similarLimitPerHour: LIMITS.similar,
  retentionDays: RETENTION_DAYS,
});
const CONFIGURED = {
  [CONTEXT.jwtIssuer]: ISSUER,
  [CONTEXT.jwtAudience]: AUDIENCE,
  [CONTEXT.rolesClaim]: ROLES_CLAIM,
  [CONTEXT.mailSender]: MAIL_SENDER,
  [CONTEXT.triageTeamEmail]: TEAM_EMAIL,
  [CONTEXT.triageServiceLevelDays]: SERVICE_LEVEL_DAYS,
  [CONTEXT.operationsEmail]: OPERATIONS_EMAIL,
  [CONTEXT.submitLimitPerHour]: LIMITS.submit,
  [CONTEXT.supportLimitPerHour]: LIMITS.support,
  [CONTEXT.similarLimitPerHour]: LIMITS.similar,
  [CONTEXT.retentionDays]: RETENTION_DAYS,
  [CONTEXT.webClientId]: '0a1b2c3d-4e5f-4061-8a7b-9c0d1e2f3a4b',
  [CONTEXT.webScope]: 'openid profile offline_access api://spire-test/Spire.Access',
};

/**
 * The stack with the context of cdk.json, without bundling, and without cdk-nag, so each test
 * here names the property that broke (test/infra/nag.test.ts runs cdk-nag on the whole app).
 */
function synth(context: Record<string, unknown> = {}): SpireStack {
  const app = new App({ context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context } });
  return new SpireStack(app, 'Spire', { pagesDirectory: PAGES_FIXTURE });
}

const functionNames = Object.keys(SYSTEM.functions) as FunctionName[];
const queueNames = Object.keys(SYSTEM.queues) as QueueName[];
const httpFunctions = new Set(SYSTEM.routes.map((route) => route.function));

let stack: SpireStack;
let template: Template;
type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
let resources: Record<string, Resource>;

beforeAll(() => {
  stack = synth(CONFIGURED);
  template = Template.fromStack(stack);
  resources = (template.toJSON() as { Resources: Record<string, Resource> }).Resources;
});

/** The logical id of a construct's CloudFormation resource. */
function logicalId(construct: IConstruct): string {
  return stack.resolve(stack.getLogicalId(construct.node.defaultChild as CfnElement)) as string;
}

/** EventBridge's rate expression for a number of minutes, in the largest whole unit, as CDK writes it. */
function rateExpression(minutes: number): string {
  const [value, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return `rate(${value} ${unit}${value === 1 ? '' : 's'})`;
}

function resourceOf(construct: IConstruct): Resource {
  const resource = resources[logicalId(construct)];
  if (resource === undefined) throw new Error(`No resource for ${construct.node.path}`);
  return resource;
}

/** Every IAM action granted to a function's role, once per resource it is granted on, with the statement's condition when it has one. */
function grantedActions(name: FunctionName): { action: string; resource: unknown; condition?: unknown }[] {
  const roleId = logicalId(stack.functions[name].role!);
  const policies = Object.values(resources).filter(
    (resource) => resource.Type === 'AWS::IAM::Policy' && JSON.stringify(resource.Properties.Roles) === JSON.stringify([{ Ref: roleId }]),
  );
  type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
  return policies.flatMap((policy) =>
    (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.flatMap((statement) =>
      // With @aws-cdk/aws-iam:minimizePolicies, grants of one action on several resources share a statement.
      [statement.Action]
        .flat()
        .flatMap((action) => [statement.Resource].flat().map((resource) => ({ action, resource, ...(statement.Condition === undefined ? {} : { condition: statement.Condition }) }))),
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

  it.each(queueNames)('%s raises an alarm as soon as new messages reach its dead-letter queue, not merely while it holds some', (name) => {
    const alarm = resourceOf(stack.operations.alarms.deadLetters[name]).Properties;
    const metrics = alarm.Metrics as { Id: string; Expression?: string; ReturnData: boolean; MetricStat?: { Metric: Record<string, unknown>; Stat: string; Period: number } }[];

    expect(alarm).toMatchObject({ ComparisonOperator: 'GreaterThanThreshold', Threshold: 0, DatapointsToAlarm: 1 });
    // The increase of the visible messages from one minute to the next, a late minute carried over, no point before the first read as empty.
    expect(metrics.find((metric) => metric.ReturnData)?.Expression).toBe('DIFF(FILL(FILL(visible, REPEAT), 0))');
    expect(metrics.find((metric) => metric.Id === 'visible')?.MetricStat).toEqual({
      Metric: {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(stack.queues[name].deadLetterQueue!.queue), 'QueueName'] } }],
      },
      Stat: 'Maximum',
      Period: 60,
    });
  });
});

describe('functions', () => {
  it('creates exactly one Lambda function per function description, besides aws-cdk-lib’s that writes the pages at deploy', () => {
    const described = new Set(functionNames.map((name) => logicalId(stack.functions[name])));
    const others = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) => !described.has(id));

    template.resourceCountIs('AWS::Lambda::Function', functionNames.length + 1);
    expect(others.map(([, resource]) => (resource as Resource).Properties.Role)).toEqual([{ 'Fn::GetAtt': [logicalId(stack.web.deploymentRole), 'Arn'] }]);
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

  it.each(functionNames)('%s gets the table name, queue URLs and settings only of the resources it is wired to', (name) => {
    const description = SYSTEM.functions[name];
    const wired = functionEnvironment(description, {
      tableName: { Ref: logicalId(stack.table) } as unknown as string,
      queueUrls: Object.fromEntries(queueNames.map((queue) => [queue, { Ref: logicalId(stack.queues[queue]) }])) as unknown as Record<QueueName, string>,
      settings: settingValues(),
      secretArn: { Ref: logicalId(stack.secret) } as unknown as string,
    });

    expect(resourceOf(stack.functions[name]).Properties.Environment).toEqual({
      Variables: {
        ...wired,
        ...(httpFunctions.has(name) ? { [ENV.rolesClaim]: ROLES_CLAIM } : {}),
      },
    });
  });

  it.each(functionNames)('%s does not load source maps at its cold start (no NODE_OPTIONS=--enable-source-maps)', (name) => {
    const variables = (resourceOf(stack.functions[name]).Properties.Environment as { Variables: Record<string, unknown> }).Variables;

    expect(LOAD_SOURCE_MAPS).toBe(false);
    expect(variables['NODE_OPTIONS']).toBeUndefined();
  });

  it.each(functionNames)('%s is granted exactly the table, index, queue, e-mail and secret actions of its description (grantsOf)', (name) => {
    const described = grantsOf(SYSTEM.functions[name]).flatMap((grant) =>
      stack.arnsOf(grant.resource).flatMap((arn) => grant.actions.map((action) => `${action} ${JSON.stringify(stack.resolve(arn))}`)),
    );
    const consumed = SYSTEM.functions[name].consumes?.queue;
    const granted = grantedActions(name)
      .filter((grant) => /^(dynamodb|sqs|ses|secretsmanager):/.test(grant.action))
      // Receiving from and deleting in a consumed queue is the event source's grant, not the function's code.
      .filter((grant) => consumed === undefined || JSON.stringify(grant.resource) !== JSON.stringify({ 'Fn::GetAtt': [logicalId(stack.queues[consumed]), 'Arn'] }))
      .map((grant) => `${grant.action} ${JSON.stringify(grant.resource)}`);

    expect(granted.toSorted()).toEqual(described.toSorted());
  });

  it.each(functionNames)('%s may write the table only when described readWrite, and read-only functions get read actions only (but for counting usage on USAGE# keys)', (name) => {
    const table = SYSTEM.functions[name].table;
    const writes = grantedActions(name).filter((grant) => /^dynamodb:(Put|Update|Delete|BatchWrite|ConditionCheck)/.test(grant.action));

    expect(writes.filter((grant) => grant.condition === undefined).length > 0).toBe(table?.access === 'readWrite');
    expect(writes.filter((grant) => grant.condition !== undefined)).toEqual(
      table?.access === 'read' && table.countsUsage === true
        ? [{ action: 'dynamodb:UpdateItem', resource: { 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] }, condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USAGE#*'] } } }]
        : [],
    );
  });

  it('lets findSimilar, whose table access is read-only, update nothing but the per-person counts: UpdateItem only where dynamodb:LeadingKeys are USAGE#*', () => {
    const roleId = logicalId(stack.functions.findSimilar.role!);

    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: roleId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Action: 'dynamodb:UpdateItem',
            Resource: { 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] },
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USAGE#*'] } },
          },
        ]),
      },
    });
    expect(grantedActions('findSimilar').filter((grant) => grant.action !== 'dynamodb:UpdateItem' && /^dynamodb:/.test(grant.action)).map((grant) => grant.action).toSorted()).toEqual(
      ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'],
    );
  });

  it.each(functionNames)('%s may query an index only when its description names it, and then only that index', (name) => {
    const queries = SYSTEM.functions[name].table?.queries ?? [];
    const indexResources = grantedActions(name)
      .map((grant) => JSON.stringify(grant.resource))
      .filter((resource) => resource.includes('/index/'));

    expect(indexResources.some((resource) => resource.includes('/index/*'))).toBe(false);
    expect(indexResources.map((resource) => /\/index\/(\w+)/.exec(resource)?.[1]).toSorted()).toEqual(queries.map((index) => SYSTEM.table.indexes[index].name).toSorted());
  });

  it('lets the intake worker write the similarity index in batches (BatchWriteItem), which no other function may', () => {
    const batchWriters = functionNames.filter((name) => grantedActions(name).some((grant) => grant.action === 'dynamodb:BatchWriteItem'));

    expect(batchWriters).toEqual(['intakeWorker']);
  });

  it.each(functionNames)('%s is granted no sqs:GetQueueAttributes or sqs:GetQueueUrl beyond its event source', (name) => {
    const consumed = SYSTEM.functions[name].consumes?.queue;
    const lookups = grantedActions(name).filter(
      (grant) =>
        /^sqs:GetQueue(Attributes|Url)$/.test(grant.action) &&
        (consumed === undefined || JSON.stringify(grant.resource) !== JSON.stringify({ 'Fn::GetAtt': [logicalId(stack.queues[consumed]), 'Arn'] })),
    );

    expect(lookups).toEqual([]);
  });

  it.each(functionNames.filter((name) => name !== 'erasureWorker'))('%s may never Scan the table: every read is a GetItem or a Query', (name) => {
    const actions = grantedActions(name).map((grant) => grant.action);

    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((action) => action.startsWith('dynamodb:') && action.includes('*'))).toEqual([]);
  });

  it('lets the erasure worker alone Scan the table, and only the table, not an index: it must find a person wherever they are named', () => {
    const scans = functionNames.flatMap((name) => grantedActions(name).filter((grant) => grant.action === 'dynamodb:Scan').map((grant) => ({ name, resource: grant.resource })));

    expect(scans).toEqual([{ name: 'erasureWorker', resource: { 'Fn::GetAtt': [logicalId(stack.table), 'Arn'] } }]);
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
        ScalingConfig: { MaximumConcurrency: consumes.maxConcurrency },
      });
    },
  );

  it.each(functionNames)('%s has the reserved concurrency its description states, or none', (name) => {
    const reserved = SYSTEM.functions[name].reservedConcurrency;

    expect(resourceOf(stack.functions[name]).Properties.ReservedConcurrentExecutions).toBe(reserved);
  });

  it('answers every route before API Gateway’s 30 s integration limit, so a slow call ends in the function’s own log', () => {
    const slow = SYSTEM.routes.filter((route) => SYSTEM.functions[route.function].timeoutSeconds >= 30).map((route) => `${route.method} ${route.path}`);

    expect(slow).toEqual([]);
  });

  it('has no event source mapping beyond the described consumers', () => {
    const consumers = functionNames.filter((name) => SYSTEM.functions[name].consumes !== undefined);

    template.resourceCountIs('AWS::Lambda::EventSourceMapping', consumers.length);
  });

  it.each(functionNames.filter((name) => SYSTEM.functions[name].schedule !== undefined))('%s runs on its described rate', (name) => {
    const { everyMinutes } = SYSTEM.functions[name].schedule!;

    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: rateExpression(everyMinutes),
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack.functions[name]), 'Arn'] } })],
    });
  });

  it('has no schedule beyond the described ones', () => {
    const scheduled = functionNames.filter((name) => SYSTEM.functions[name].schedule !== undefined);

    template.resourceCountIs('AWS::Events::Rule', scheduled.length);
  });

  it('brings parked ideas back every hour and sends the overdue digest once a day', () => {
    for (const [name, expression] of [['revisitParked', 'rate(1 hour)'], ['triageDigest', 'rate(1 day)']] as const) {
      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: expression,
        State: 'ENABLED',
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(stack.functions[name]), 'Arn'] } })],
      });
    }
  });

  it.each(functionNames)('%s gets each deployment setting exactly when it declares it or sends e-mail', (name) => {
    const description = SYSTEM.functions[name];
    const variables = (resourceOf(stack.functions[name]).Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    const declared = new Set<SettingName>([...(description.sendsMail === true ? (['mailSender', 'mailConfigurationSet'] as const) : []), ...(description.settings ?? [])]);

    for (const setting of Object.keys(SETTINGS) as SettingName[]) {
      expect(variables[SETTINGS[setting]], `${SETTINGS[setting]} of ${name}`).toEqual(declared.has(setting) ? settingValues()[setting] : undefined);
    }
  });

  it('hands the settings from context to the functions that read them', () => {
    const variables = (name: FunctionName) => (resourceOf(stack.functions[name]).Properties.Environment as { Variables: Record<string, unknown> }).Variables;

    expect(variables('notifyWorker')).toMatchObject({ [ENV.mailSender]: MAIL_SENDER });
    expect(variables('triageDigest')).toMatchObject({ [ENV.triageTeamEmail]: TEAM_EMAIL, [ENV.triageServiceLevelDays]: SERVICE_LEVEL_DAYS });
    expect(variables('getInbox')).toMatchObject({ [ENV.triageServiceLevelDays]: SERVICE_LEVEL_DAYS });
    expect(variables('getConsoleIdea')).toMatchObject({ [ENV.triageServiceLevelDays]: SERVICE_LEVEL_DAYS });
    expect(variables('submitIdea')).toMatchObject({ [ENV.submitLimitPerHour]: LIMITS.submit });
    expect(variables('supportIdea')).toMatchObject({ [ENV.supportLimitPerHour]: LIMITS.support });
    expect(variables('findSimilar')).toMatchObject({ [ENV.similarLimitPerHour]: LIMITS.similar });
  });

  it('defaults the per-person limits to 20 submits, 120 supports and 300 similar-idea lookups an hour', () => {
    const { [CONTEXT.submitLimitPerHour]: _submit, [CONTEXT.supportLimitPerHour]: _support, [CONTEXT.similarLimitPerHour]: _similar, ...withoutLimits } = CONFIGURED;
    const defaulted = synth({ ...withoutLimits, [CONTEXT.submitLimitPerHour]: undefined, [CONTEXT.supportLimitPerHour]: undefined, [CONTEXT.similarLimitPerHour]: undefined });
    const variables = (name: FunctionName) =>
      ((Template.fromStack(defaulted).toJSON() as { Resources: Record<string, Resource> }).Resources[
        defaulted.resolve(defaulted.getLogicalId(defaulted.functions[name].node.defaultChild as CfnElement)) as string
      ]?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;

    expect(variables('submitIdea')[ENV.submitLimitPerHour]).toBe('20');
    expect(variables('supportIdea')[ENV.supportLimitPerHour]).toBe('120');
    expect(variables('findSimilar')[ENV.similarLimitPerHour]).toBe('300');
  });

  it('defaults the triage service level to 14 days', () => {
    const { [CONTEXT.triageServiceLevelDays]: _days, ...withoutDays } = CONFIGURED;
    const defaulted = synth({ ...withoutDays, [CONTEXT.triageServiceLevelDays]: undefined });
    const variables = (Template.fromStack(defaulted).toJSON() as { Resources: Record<string, Resource> }).Resources[
      defaulted.resolve(defaulted.getLogicalId(defaulted.functions.getInbox.node.defaultChild as CfnElement)) as string
    ]?.Properties.Environment as { Variables: Record<string, unknown> };

    expect(variables.Variables[ENV.triageServiceLevelDays]).toBe('14');
  });
});

describe('the deployment secret', () => {
  const secretGrants = (name: FunctionName) => grantedActions(name).filter((grant) => grant.action.startsWith('secretsmanager:'));
  const readers = functionNames.filter((name) => SYSTEM.functions[name].secret === true);

  it('is a Secrets Manager secret whose 64 letters and digits CloudFormation generates, kept when the stack is deleted or replaced', () => {
    const secret = resourceOf(stack.secret);

    expect(secret.Type).toBe('AWS::SecretsManager::Secret');
    expect(secret.Properties['GenerateSecretString']).toEqual({ PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false });
    expect(secret.Properties).not.toHaveProperty('SecretString');
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(secret.UpdateReplacePolicy).toBe('Retain');
    template.resourceCountIs('AWS::SecretsManager::RotationSchedule', 0);
  });

  it('is read by the functions that sign cursors, hash supporters and keep idempotency records, and by no other', () => {
    expect(readers.toSorted()).toEqual(
      [
        'findSimilar', 'getConsoleIdea', 'getIdea', 'getInbox', 'listComments', 'listMyIdeas', 'listPipelinePilots', 'listStrategyVersions', 'postDecision', 'submitIdea', 'supportIdea', 'sweeper',
        // Supporter and usage hashes to find a person's items, and the erasure's requester hash.
        'exportMyData', 'requestErasure', 'getErasure', 'erasureWorker',
      ].toSorted(),
    );
  });

  it.each(readers)('%s may read only that secret’s value, and gets its ARN', (name) => {
    expect(secretGrants(name)).toEqual([{ action: 'secretsmanager:GetSecretValue', resource: { Ref: logicalId(stack.secret) } }]);
    expect((resourceOf(stack.functions[name]).Properties.Environment as { Variables: Record<string, unknown> }).Variables[ENV.secretArn]).toEqual({ Ref: logicalId(stack.secret) });
  });

  it.each(functionNames.filter((name) => SYSTEM.functions[name].secret !== true))('%s may not read it, and does not know it', (name) => {
    expect(secretGrants(name)).toEqual([]);
    expect((resourceOf(stack.functions[name]).Properties.Environment as { Variables: Record<string, unknown> }).Variables).not.toHaveProperty(ENV.secretArn);
  });
});

describe('e-mail', () => {
  const sesGrants = (name: FunctionName) => grantedActions(name).filter((grant) => grant.action.startsWith('ses:'));
  const identityArn = (identity: string) => ({
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:identity/${identity}`]],
  });

  it('lets the notify worker send e-mail only from the sender’s identity and its domain’s, with the stack’s configuration set, never from any identity', () => {
    const grants = sesGrants('notifyWorker');
    const configurationSetArn = {
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':configuration-set/', { Ref: logicalId(stack.mail.configurationSet) }]],
    };

    expect(grants.map((grant) => grant.action)).toEqual(['ses:SendEmail', 'ses:SendEmail', 'ses:SendEmail']);
    expect(grants.map((grant) => grant.resource)).toEqual(expect.arrayContaining([identityArn(MAIL_SENDER), identityArn('kommune.example'), configurationSetArn]));
    expect(JSON.stringify(grants)).not.toContain('*');
  });

  it.each(functionNames.filter((name) => SYSTEM.functions[name].sendsMail !== true))('%s may not send e-mail', (name) => {
    expect(sesGrants(name)).toEqual([]);
  });

  it('grants no SES action on a wildcard anywhere in the stack', () => {
    const statements = Object.values(resources)
      .filter((resource) => resource.Type === 'AWS::IAM::Policy')
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement)
      .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('ses:')));

    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect([statement.Action].flat()).toEqual(['ses:SendEmail']);
      expect(JSON.stringify(statement.Resource)).not.toMatch(/\*/);
    }
  });

  it('follows the configured sender', () => {
    const other = synth({ ...CONFIGURED, [CONTEXT.mailSender]: 'noreply@ideer.aarhus.example' });
    const policies = Object.values((Template.fromStack(other).toJSON() as { Resources: Record<string, Resource> }).Resources).filter((resource) => resource.Type === 'AWS::IAM::Policy');

    expect(JSON.stringify(policies)).toContain(':identity/noreply@ideer.aarhus.example');
    expect(JSON.stringify(policies)).toContain(':identity/ideer.aarhus.example');
    expect(JSON.stringify(policies)).not.toContain(MAIL_SENDER);
  });
});

describe('the triage console', () => {
  const consoleFunctions: FunctionName[] = [
    'getInbox',
    'getConsoleIdea',
    'postDecision',
    'putAssignee',
    'postComment',
    'postAnswer',
    'supportIdea',
    'withdrawIdea',
    'notifyWorker',
    'revisitParked',
    'triageDigest',
  ];
  const consoleRoutes = [
    ['GET /console/inbox', 'getInbox'],
    ['GET /console/ideas/{id}', 'getConsoleIdea'],
    ['POST /console/ideas/{id}/decisions', 'postDecision'],
    ['PUT /console/ideas/{id}/assignee', 'putAssignee'],
    ['POST /console/ideas/{id}/comments', 'postComment'],
    ['POST /ideas/{id}/answers', 'postAnswer'],
    ['POST /ideas/{id}/support', 'supportIdea'],
    ['POST /ideas/{id}/withdraw', 'withdrawIdea'],
  ] as const;

  it.each(consoleFunctions)('deploys %s as a function of its own', (name) => {
    expect(resourceOf(stack.functions[name]).Type).toBe('AWS::Lambda::Function');
  });

  it.each(consoleRoutes)('routes %s to %s, behind the JWT authorizer', (routeKey, name) => {
    const route = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }))[0] as Resource | undefined;
    const target = route?.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };

    expect(route?.Properties).toMatchObject({ AuthorizationType: 'JWT' });
    expect(resources[target['Fn::Join'][1][1].Ref]?.Properties).toMatchObject({ IntegrationUri: { 'Fn::GetAtt': [logicalId(stack.functions[name]), 'Arn'] } });
  });

  it('has the notify queue with its dead-letter queue and alarm, consumed by the notify worker', () => {
    const notify = stack.queues.notify;
    const deadLetterQueue = notify.deadLetterQueue!.queue;

    expect(resourceOf(notify).Properties.RedrivePolicy).toMatchObject({ deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(deadLetterQueue), 'Arn'] } });
    expect(JSON.stringify(resourceOf(stack.operations.alarms.deadLetters.notify).Properties.Metrics)).toContain(JSON.stringify({ 'Fn::GetAtt': [logicalId(deadLetterQueue), 'QueueName'] }));
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(stack.functions.notifyWorker) },
      EventSourceArn: { 'Fn::GetAtt': [logicalId(notify), 'Arn'] },
    });
  });

  it('lets every function that stores an e-mail, the intake worker and the sweeper among them, send to the notify queue', () => {
    const notifyArn = { 'Fn::GetAtt': [logicalId(stack.queues.notify), 'Arn'] };
    const senders = functionNames.filter((name) => grantedActions(name).some((grant) => grant.action === 'sqs:SendMessage' && JSON.stringify(grant.resource) === JSON.stringify(notifyArn)));

    expect(senders.sort()).toEqual(['intakeWorker', 'postAnswer', 'postComment', 'postDecision', 'revisitParked', 'sweeper', 'triageDigest', 'withdrawIdea'].sort());
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

  it('serves the routes on the one stage named for the API’s path (api), throttled, with access logs in a log group that expires them', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as Resource;
    const { DestinationArn } = stage.Properties.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string, string] } };

    expect(stage.Properties).toMatchObject({
      StageName: API_STAGE_NAME,
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) },
    });
    expect(resources[DestinationArn['Fn::GetAtt'][0]]?.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('keeps the caller’s IP address and identity out of the access logs, so anonymous ideas stay anonymous', () => {
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as Resource;
    const { Format } = stage.Properties.AccessLogSettings as { Format: string };

    // The key the function's log lines carry the same id under (shared/http/handler.ts), so one query finds both.
    expect(JSON.parse(Format) as object).toMatchObject({ correlation_id: '$context.requestId' });
    expect(Format).not.toMatch(/sourceIp|claims|principalId|\$context\.identity/);
  });
});

describe('operations', () => {
  type AlarmProperties = { AlarmActions?: unknown[]; OKActions?: unknown[]; Metrics?: { Expression?: string; MetricStat?: { Metric: Record<string, unknown>; Stat: string } }[] } & Record<string, unknown>;
  const topicRef = () => ({ Ref: logicalId(stack.operations.topic) });
  const alarmsOf = () => Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => (alarm as Resource).Properties as AlarmProperties);
  const alarmOf = (construct: IConstruct) => resourceOf(construct).Properties as AlarmProperties;
  /** The metrics an alarm reads, as `namespace metric`, whether it reads one metric or a math expression over several. */
  const metricsOf = (alarm: AlarmProperties) =>
    alarm.Metrics === undefined ? [`${String(alarm.Namespace)} ${String(alarm.MetricName)}`] : alarm.Metrics.flatMap((m) => (m.MetricStat === undefined ? [] : [`${String(m.MetricStat.Metric.Namespace)} ${String(m.MetricStat.Metric.MetricName)}`]));

  it('e-mails the operations address from an SNS topic encrypted with its own rotating key', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: OPERATIONS_EMAIL, TopicArn: topicRef() });
    const topic = resourceOf(stack.operations.topic).Properties;
    const keyId = (topic.KmsMasterKeyId as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];

    expect(resources[keyId]?.Type).toBe('AWS::KMS::Key');
    expect(resources[keyId]?.Properties.EnableKeyRotation).toBe(true);
    // CloudWatch cannot publish to a topic under the AWS managed key: the key lets it, for this account only.
    expect(resources[keyId]?.Properties.KeyPolicy).toMatchObject({
      Statement: expect.arrayContaining([
        expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } }),
      ]),
    });
  });

  it('takes publishing over TLS only, and lets only this account’s CloudWatch alarms publish', () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [topicRef()],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'cloudwatch.amazonaws.com' }, Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }) }),
        ]),
      },
    });
  });

  it('tells the topic when every alarm goes off and when it is over, so a second incident is noticed', () => {
    const alarms = alarmsOf();

    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions, String(alarm.AlarmName)).toEqual([topicRef()]);
      expect(alarm.OKActions, String(alarm.AlarmName)).toEqual([topicRef()]);
    }
  });

  it('has every kind of alarm, each pointing at its section of docs/operations.md', () => {
    const { alarms } = stack.operations;
    const kinds: [string, AlarmProperties[], string[]][] = [
      ['dead letters', queueNames.map((name) => alarmOf(alarms.deadLetters[name])), ['AWS/SQS ApproximateNumberOfMessagesVisible']],
      ['function errors', functionNames.map((name) => alarmOf(alarms.functionErrors[name])), ['AWS/Lambda Errors']],
      ['function throttles', functionNames.map((name) => alarmOf(alarms.functionThrottles[name])), ['AWS/Lambda Throttles']],
      ['API 5xx rate', [alarmOf(alarms.api5xxRate)], ['AWS/ApiGateway 5xx', 'AWS/ApiGateway Count']],
      ['oldest intake message', [alarmOf(alarms.intakeOldestMessage)], ['AWS/SQS ApproximateAgeOfOldestMessage']],
      ['ideas waiting in submitted', [alarmOf(alarms.ideasWaitingInSubmitted)], ['Spire IdeasWaitingInSubmitted']],
      ['SES bounce rate', [alarmOf(alarms.sesBounceRate)], ['AWS/SES Reputation.BounceRate']],
      ['SES complaint rate', [alarmOf(alarms.sesComplaintRate)], ['AWS/SES Reputation.ComplaintRate']],
    ];
    const docs = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8');

    for (const [kind, kindAlarms, metrics] of kinds) {
      for (const alarm of kindAlarms) {
        expect(metricsOf(alarm), kind).toEqual(metrics);
        const anchor = /docs\/operations\.md#([a-z0-9-]+)/.exec(String(alarm.AlarmDescription))?.[1];
        expect(anchor, kind).toBeDefined();
        // GitHub's anchor of a heading: its words in lower case, joined by '-'.
        expect(docs, `${kind}: a heading for #${anchor}`).toMatch(new RegExp(`^#+ ${anchor!.replaceAll('-', ' ')}$`, 'mi'));
      }
    }
    expect(alarmsOf()).toHaveLength(kinds.reduce((total, [, kindAlarms]) => total + kindAlarms.length, 0));
  });

  it('alarms on the API’s share of 5xx answers in its stage, not on their number', () => {
    const alarm = alarmOf(stack.operations.alarms.api5xxRate);
    const expression = alarm.Metrics?.find((metric) => metric.Expression !== undefined)?.Expression;

    expect(expression).toBe('100 * FILL(errors, 0) / requests');
    expect(alarm.Threshold).toBe(5);
    for (const metric of alarm.Metrics!.filter((m) => m.MetricStat !== undefined)) {
      expect(metric.MetricStat!.Metric.Dimensions).toEqual([
        { Name: 'ApiId', Value: { Ref: logicalId(stack.api) } },
        { Name: 'Stage', Value: API_STAGE_NAME },
      ]);
    }
  });

  it('alarms when the oldest intake message is older than a message being retried can be', () => {
    const { visibilityTimeoutSeconds, maxReceiveCount } = SYSTEM.queues.intake;

    expect(alarmOf(stack.operations.alarms.intakeOldestMessage)).toMatchObject({
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(stack.queues.intake), 'QueueName'] } }],
      Threshold: visibilityTimeoutSeconds * maxReceiveCount,
    });
  });

  it('alarms on SES bounces and complaints before AWS would review the account (5 % and 0.1 %)', () => {
    expect(alarmOf(stack.operations.alarms.sesBounceRate).Threshold).toBeLessThan(0.05);
    expect(alarmOf(stack.operations.alarms.sesComplaintRate).Threshold).toBeLessThan(0.001);
  });

  it('reads the ideas waiting in submitted from the Spire namespace, with the service dimension the functions write', () => {
    expect(alarmOf(stack.operations.alarms.ideasWaitingInSubmitted)).toMatchObject({
      Namespace: 'Spire',
      MetricName: 'IdeasWaitingInSubmitted',
      Dimensions: [{ Name: 'service', Value: 'spire' }],
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
    });
  });

  it('has a dashboard of intake, the triage backlog, errors and latency, dead letters and e-mail', () => {
    const dashboard = resourceOf(stack.operations.dashboard).Properties;
    const body = JSON.stringify(stack.resolve(dashboard.DashboardBody));

    for (const metric of [
      '"Spire","IdeasSubmitted"',
      '"Spire","IdeasAdmitted"',
      '"Spire","IdeasInTriage"',
      '"Spire","IdeasWaitingInSubmitted"',
      '"Spire","TriageDecisions"',
      '"Spire","GateDecisions"',
      '"Spire","NotificationsSent"',
      '"Spire","NotificationsFailed"',
      '"AWS/SQS","ApproximateNumberOfMessagesVisible"',
      '"AWS/SQS","ApproximateAgeOfOldestMessage"',
      '"AWS/ApiGateway","4xx"',
      '"AWS/ApiGateway","5xx"',
      '"AWS/ApiGateway","Latency"',
      '"AWS/Lambda","Errors"',
      '"AWS/Lambda","Throttles"',
      '"AWS/Lambda","Duration"',
      '"AWS/SES","Reputation.BounceRate"',
    ]) {
      expect(body.replaceAll('\\', ''), metric).toContain(metric);
    }
    expect(body).toMatch(/p50/);
    expect(body).toMatch(/p95/);
    expect(template.toJSON().Outputs.OperationsDashboardUrl).toBeDefined();
  });

  it.each(functionNames)('%s writes its metrics as EMF through its log group, so it holds no cloudwatch:PutMetricData', (name) => {
    expect(grantedActions(name).map((grant) => grant.action)).not.toContain('cloudwatch:PutMetricData');
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
      // docs/operations.md redrives a dead-letter queue by its ARN, read from this output.
      expect(outputs[`${name.charAt(0).toUpperCase()}${name.slice(1)}DeadLetterQueueArn`]?.Value).toEqual({ 'Fn::GetAtt': [logicalId(stack.queues[name].deadLetterQueue!.queue), 'Arn'] });
    }
    expect(outputs.JwtIssuer?.Value).toBe(ISSUER);
    expect(outputs.JwtAudience?.Value).toBe(AUDIENCE);
  });

  it('warns at synth while the issuer is still the placeholder from cdk.json', () => {
    const unconfigured = synth();

    Annotations.fromStack(unconfigured).hasWarning('/Spire', Match.stringLikeRegexp('will reject every token'));
  });

  it.each([
    [CONTEXT.mailSender, 'mail-sender-not-configured.invalid'],
    [CONTEXT.triageTeamEmail, 'triage-team-not-configured.invalid'],
    [CONTEXT.operationsEmail, 'operations-email-not-configured.invalid'],
  ])('warns at synth while %s is still the placeholder from cdk.json', (key, placeholder) => {
    const unconfigured = synth({ ...CONFIGURED, [key]: CDK_JSON_CONTEXT[key] });

    expect(String(CDK_JSON_CONTEXT[key])).toContain(placeholder);
    Annotations.fromStack(unconfigured).hasWarning('/Spire', Match.stringLikeRegexp(`Context ${key} is the placeholder`));
  });

  it('synthesizes without warnings once the issuer and the e-mail addresses are set', () => {
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  it.each([
    [CONTEXT.mailSender, 'idebanken'],
    [CONTEXT.mailSender, undefined],
    [CONTEXT.triageTeamEmail, 'digitalisering@kommune'],
    [CONTEXT.triageServiceLevelDays, '0'],
    [CONTEXT.triageServiceLevelDays, 'two weeks'],
    [CONTEXT.operationsEmail, 'drift'],
    [CONTEXT.operationsEmail, undefined],
  ])('fails synth, naming the context key, when %s is %j', (key, value) => {
    expect(() => synth({ ...CONFIGURED, [key]: value })).toThrow(key);
  });

  it('fails synth, naming the context key, when the issuer is not an https URL', () => {
    expect(() => synth({ [CONTEXT.jwtIssuer]: 'login.microsoftonline.com/tenant' })).toThrow(CONTEXT.jwtIssuer);
  });

  it('fails synth, naming the context key, when the audience is missing', () => {
    expect(() => synth({ [CONTEXT.jwtIssuer]: ISSUER, [CONTEXT.jwtAudience]: undefined })).toThrow(CONTEXT.jwtAudience);
  });
});

describe('bundling', () => {
  it('builds a function exactly as esbuildOptions does, so npm run bench:cold-start measures what deploys', async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'spire-bundling-'));
    try {
      // One function, bundled by NodejsFunction for real (the stack above skips bundling).
      const app = new App({ outdir });
      new SpireFunction(new Stack(app, 'Bundling'), 'GetIdea', { description: SYSTEM.functions.getIdea, environment: {} });
      const assets = readdirSync(outdir).filter((entry) => existsSync(join(outdir, entry, 'index.mjs')));
      expect(assets).toHaveLength(1);

      const entry = fileURLToPath(new URL(`../../${SYSTEM.functions.getIdea.entry}`, import.meta.url));
      const built = await build({ ...esbuildOptions(entry, join(outdir, 'bench', 'index.mjs')), write: false, logLevel: 'silent' });
      const bench = built.outputFiles.find((file) => file.path.endsWith('index.mjs'));

      expect(bench?.text).toBe(readFileSync(join(outdir, assets[0] as string, 'index.mjs'), 'utf8'));
      expect(existsSync(join(outdir, assets[0] as string, 'index.mjs.map'))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

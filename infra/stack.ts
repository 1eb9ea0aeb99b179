/**
 * The AWS deployment of Spire, built from the system description (infra/system.ts): the table,
 * the queues with their dead-letter queues, one function per description with exactly the
 * grants, event sources and schedules it states, and the HTTP API with its routes. Nothing here
 * names a route, queue or function on its own; a new one is added to the description.
 */
import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { AttributeType, BillingMode, ProjectionType, Table, type CfnTable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ENV } from '../shared/config.ts';
import { LOG_RETENTION, SpireFunction } from './constructs/spire-function.ts';
import {
  functionEnvironment,
  SYSTEM,
  type FunctionDescription,
  type FunctionName,
  type QueueDescription,
  type QueueName,
  type ResourceNames,
  type SettingName,
} from './system.ts';

/**
 * CDK context keys that configure a municipality's deployment (cdk.json, or `cdk synth -c key=value`).
 *
 * The issuer and audience are those of the municipality's identity provider; for Entra ID the
 * issuer is `https://login.microsoftonline.com/<tenant id>/v2.0` and the audience the API's
 * application ID URI or client id. cdk.json ships a placeholder issuer on the reserved `.invalid`
 * domain, which synthesizes but can never issue a token: an unconfigured deployment rejects every
 * call instead of trusting anyone, and synth warns about it.
 */
export const CONTEXT = {
  jwtIssuer: 'spire:jwtIssuer',
  jwtAudience: 'spire:jwtAudience',
  /** The access-token claim that carries the caller's roles. */
  rolesClaim: 'spire:rolesClaim',
  /** The From address of Spire's e-mails: an address (or an address at a domain) verified in Amazon SES. */
  mailSender: 'spire:mailSender',
  /** The digitalisation team's shared address: the daily digest of overdue ideas goes there. */
  triageTeamEmail: 'spire:triageTeamEmail',
  /** Days an idea may wait in triage before it is overdue (default 14). */
  triageServiceLevelDays: 'spire:triageServiceLevelDays',
} as const;

const DEFAULT_ROLES_CLAIM = 'roles';

/**
 * Requests per second the API accepts, steady and in bursts: far above what a municipality's
 * staff submit, low enough that a runaway client cannot run up the Lambda and DynamoDB bill.
 */
const API_THROTTLE = { rateLimit: 50, burstLimit: 100 };

/**
 * What each level of table access in the description allows. Narrower than the CDK's
 * grantReadData/grantReadWriteData: no Scan (every read is a GetItem or a Query) and no batch
 * writes. A transaction needs the permissions of the actions inside it, hence ConditionCheckItem.
 */
const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  readWrite: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
} as const;

/**
 * One line of JSON per request. Deliberately without the caller's IP address and token subject:
 * with them, anyone who can read the logs could tie an anonymous idea to the person who sent it.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
);

interface AuthSettings {
  jwtIssuer: string;
  jwtAudience: string;
  rolesClaim: string;
}

export class SpireStack extends Stack {
  readonly table: Table;
  readonly queues: Record<QueueName, Queue>;
  readonly functions: Record<FunctionName, SpireFunction>;
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const auth = readAuthSettings(this);

    this.table = createTable(this);
    this.queues = mapRecord(SYSTEM.queues, (description, name) => createQueue(this, name, description));

    const settings = readSettings(this);
    const resources: ResourceNames = {
      tableName: this.table.tableName,
      queueUrls: mapRecord(this.queues, (queue) => queue.queueUrl),
      settings,
    };
    const httpFunctions = new Set(SYSTEM.routes.map((route) => route.function));
    this.functions = mapRecord(SYSTEM.functions, (description, name) => {
      const environment = functionEnvironment(description, resources);
      if (httpFunctions.has(name)) environment[ENV.rolesClaim] = auth.rolesClaim;
      const fn = new SpireFunction(this, pascalCase(name), { description, environment });
      this.wireFunction(name, fn, description, settings);
      return fn;
    });

    this.api = this.createApi(auth);

    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'The Spire DynamoDB table' });
    for (const [name, queue] of entries(this.queues)) {
      new CfnOutput(this, `${pascalCase(name)}QueueUrl`, { value: queue.queueUrl, description: `The ${name} queue` });
      new CfnOutput(this, `${pascalCase(name)}DeadLetterQueueUrl`, {
        value: queue.deadLetterQueue!.queue.queueUrl,
        description: `The ${name} dead-letter queue: messages that failed every attempt`,
      });
    }
    new CfnOutput(this, 'JwtIssuer', {
      value: auth.jwtIssuer,
      description: `Issuer the API accepts access tokens from (context ${CONTEXT.jwtIssuer}); must be the municipality's identity provider`,
    });
    new CfnOutput(this, 'JwtAudience', {
      value: auth.jwtAudience,
      description: `Audience the API's access tokens must carry (context ${CONTEXT.jwtAudience})`,
    });
  }

  /** The grants, event source and schedule the description states for one function. */
  private wireFunction(name: FunctionName, fn: SpireFunction, description: FunctionDescription, settings: Record<SettingName, string>): void {
    if (description.table !== undefined) {
      this.table.grant(fn, ...TABLE_ACTIONS[description.table]);
      const tableLogicalId = this.resolve((this.table.node.defaultChild as CfnTable).logicalId) as string;
      Validations.of(fn.role!).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
        reason: "Table grants cover <table>/index/* so Query can use the table's global secondary indexes (TABLE.indexes); the wildcard spans only this table's indexes.",
      });
    }
    for (const queue of description.sendsTo ?? []) this.queues[queue].grantSendMessages(fn);
    if (description.sendsMail === true) {
      // Only from the configured sender: its own identity, or that of its domain when the domain is what SES verified.
      const sender = settings.mailSender;
      const identities = [sender, sender.slice(sender.indexOf('@') + 1)].map((identity) =>
        Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
      );
      fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: identities }));
    }
    if (description.consumes !== undefined) {
      const { queue, batchSize, maxBatchingWindowSeconds } = description.consumes;
      fn.addEventSource(
        new SqsEventSource(this.queues[queue], {
          batchSize,
          maxBatchingWindow: Duration.seconds(maxBatchingWindowSeconds),
          reportBatchItemFailures: true,
        }),
      );
    }
    if (description.schedule !== undefined) {
      new Rule(this, `${pascalCase(name)}Schedule`, {
        description: `Invokes ${description.entry} at rate(${description.schedule.everyMinutes} min)`,
        schedule: Schedule.rate(Duration.minutes(description.schedule.everyMinutes)),
        targets: [new LambdaFunction(fn)],
      });
    }
  }

  /** The HTTP API: one route per route description, JWT-authorized unless the route is public. */
  private createApi(auth: AuthSettings): HttpApi {
    const api = new HttpApi(this, 'HttpApi', {
      description: 'Spire: the idea pipeline API',
      // The default stage is created below, with access logging and throttling.
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'HttpApiAccessLogs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    const stage = new HttpStage(this, 'HttpApiDefaultStage', {
      httpApi: api,
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    const jwtAuthorizer = new HttpJwtAuthorizer('JwtAuthorizer', auth.jwtIssuer, { jwtAudience: [auth.jwtAudience] });
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of SYSTEM.routes) {
      let integration = integrations.get(route.function);
      if (integration === undefined) {
        integration = new HttpLambdaIntegration(`${pascalCase(route.function)}Integration`, this.functions[route.function]);
        integrations.set(route.function, integration);
      }
      const authorizer: IHttpRouteAuthorizer = route.auth === 'jwt' ? jwtAuthorizer : new HttpNoneAuthorizer();
      const [httpRoute] = api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration, authorizer });
      if (route.auth === 'none') {
        Validations.of(httpRoute!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is declared public (auth 'none') in infra/system.ts: it must answer without a token, so it returns nothing that needs one.`,
        });
      }
    }

    new CfnOutput(this, 'ApiUrl', { value: stage.url, description: 'Base URL of the Spire HTTP API' });
    return api;
  }
}

/** The deployment settings the functions read, from context; warns while the e-mail addresses are placeholders. */
function readSettings(scope: Construct): Record<SettingName, string> {
  const mailSender = requireEmailContext(scope, CONTEXT.mailSender);
  const triageTeamEmail = requireEmailContext(scope, CONTEXT.triageTeamEmail);
  const days = String((scope.node.tryGetContext(CONTEXT.triageServiceLevelDays) as string | number | undefined) ?? '14');
  if (!/^\d{1,3}$/.test(days) || Number(days) < 1) throw new Error(`Context ${CONTEXT.triageServiceLevelDays} must be a whole number of days from 1, got "${days}"`);
  return { mailTransport: 'ses', mailSender, triageTeamEmail, triageServiceLevelDays: days };
}

function requireEmailContext(scope: Construct, key: string): string {
  const value = requireContext(scope, key);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) throw new Error(`Context ${key} must be an e-mail address, got "${value}"`);
  if (value.endsWith('.invalid')) {
    Annotations.of(scope).addWarningV2(
      `${key}NotConfigured`,
      `Context ${key} is the placeholder ${value}: set it to a real address (cdk.json or -c) before e-mail can be sent.`,
    );
  }
  return value;
}

/** The issuer, audience and roles claim from context; fails synth with the key to set when one is missing. */
function readAuthSettings(scope: Construct): AuthSettings {
  const jwtIssuer = requireContext(scope, CONTEXT.jwtIssuer);
  const issuerUrl = URL.parse(jwtIssuer);
  if (issuerUrl?.protocol !== 'https:') {
    throw new Error(`Context ${CONTEXT.jwtIssuer} must be the https URL of the identity provider's issuer, got "${jwtIssuer}"`);
  }
  if (issuerUrl.hostname.endsWith('.invalid')) {
    Annotations.of(scope).addWarningV2(
      'spire:jwtIssuerNotConfigured',
      `Context ${CONTEXT.jwtIssuer} is the placeholder ${jwtIssuer}: the deployed API will reject every token. ` +
        `Set ${CONTEXT.jwtIssuer} and ${CONTEXT.jwtAudience} to the municipality's identity provider (cdk.json or -c).`,
    );
  }
  return {
    jwtIssuer,
    jwtAudience: requireContext(scope, CONTEXT.jwtAudience),
    rolesClaim: (scope.node.tryGetContext(CONTEXT.rolesClaim) as string | undefined) ?? DEFAULT_ROLES_CLAIM,
  };
}

function requireContext(scope: Construct, key: string): string {
  const value: unknown = scope.node.tryGetContext(key);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`Missing CDK context ${key}: set it in cdk.json or pass -c ${key}=<value>`);
  }
  return value;
}

/** The table from TABLE: string keys, every index projecting all attributes, retained and recoverable. */
function createTable(scope: Construct): Table {
  const { partitionKey, sortKey, timeToLiveAttribute, indexes } = SYSTEM.table;
  const table = new Table(scope, 'Table', {
    partitionKey: { name: partitionKey, type: AttributeType.STRING },
    sortKey: { name: sortKey, type: AttributeType.STRING },
    billingMode: BillingMode.PAY_PER_REQUEST,
    timeToLiveAttribute,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    // The ideas, their history and their learnings outlive any one deployment of the stack.
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const index of Object.values(indexes)) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
      sortKey: { name: index.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
  }
  return table;
}

/** A queue and its dead-letter queue, both TLS-only and encrypted, with an alarm on the dead letters. */
function createQueue(scope: Construct, name: QueueName, description: QueueDescription): Queue {
  const id = pascalCase(name);
  const deadLetterQueue = new Queue(scope, `${id}DeadLetterQueue`, {
    retentionPeriod: Duration.days(description.deadLetterRetentionDays),
    enforceSSL: true,
    encryption: QueueEncryption.SQS_MANAGED,
  });
  deadLetterQueue
    .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' })
    .createAlarm(scope, `${id}DeadLetterAlarm`, {
      alarmDescription: `Messages in the ${name} dead-letter queue: they failed ${description.maxReceiveCount} times and need a person`,
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  return new Queue(scope, `${id}Queue`, {
    visibilityTimeout: Duration.seconds(description.visibilityTimeoutSeconds),
    retentionPeriod: Duration.days(description.retentionDays),
    deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: description.maxReceiveCount },
    enforceSSL: true,
    encryption: QueueEncryption.SQS_MANAGED,
  });
}

/** `intakeWorker` → `IntakeWorker`: construct ids from the description's names. */
function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function entries<K extends string, V>(record: Record<K, V>): [K, V][] {
  return Object.entries(record) as [K, V][];
}

function mapRecord<K extends string, V, R>(record: Record<K, V>, map: (value: V, key: K) => R): Record<K, R> {
  return Object.fromEntries(entries(record).map(([key, value]) => [key, map(value, key)])) as Record<K, R>;
}

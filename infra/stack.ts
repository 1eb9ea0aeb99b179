/**
 * The AWS deployment of Spire, built from the system description (infra/system.ts): the table,
 * the queues with their dead-letter queues, one function per description with exactly the
 * grants, event sources and schedules it states, and the HTTP API with its routes. Nothing here
 * names a route, queue or function on its own; a new one is added to the description. In front
 * of it all, one CloudFront origin serves the web pages and, under /api, the API
 * (infra/constructs/web-hosting.ts).
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
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
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ENV } from '../shared/config.ts';
import { API_BASE_PATH, API_STAGE_NAME } from '../shared/http/base-path.ts';
import type { WebConfig } from '../shared/web-config.ts';
import { Mail } from './constructs/mail.ts';
import { Operations } from './constructs/operations.ts';
import { LOG_RETENTION, SpireFunction } from './constructs/spire-function.ts';
import { WebHosting } from './constructs/web-hosting.ts';
import {
  functionEnvironment,
  grantsOf,
  SYSTEM,
  type GrantResource,
  type FunctionDescription,
  type FunctionName,
  type QueueDescription,
  type QueueName,
  type ResourceNames,
  type SettingName,
} from './system.ts';
import { CONTEXT, DEFAULT_ENVIRONMENT, readSettings, type EnvironmentName, type Settings } from './settings.ts';
import { entries, mapRecord, pascalCase } from './records.ts';

/** The context keys of the settings (infra/settings.ts, where they are read and validated). */
export { CONTEXT };

/**
 * Requests per second the API accepts, steady and in bursts: far above what a municipality's
 * staff submit, low enough that a runaway client cannot run up the Lambda and DynamoDB bill.
 * It is for the whole stage, so one person could still use it up: the per-person limits
 * (shared/usage-limits.ts, the settings `spire:*LimitPerHour`) keep any one person's submits,
 * supports and similar-idea lookups to their share, and this stays for floods.
 */
const API_THROTTLE = { rateLimit: 50, burstLimit: 100 };

/**
 * One line of JSON per request. Deliberately without the caller's IP address and token subject:
 * with them, anyone who can read the logs could tie an anonymous idea to the person who sent it.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    // The key the functions' log lines carry the same id under (shared/http/handler.ts): one Logs Insights query finds both.
    correlation_id: '$context.requestId',
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

export interface SpireStackProps extends StackProps {
  /** The environment the stack is (infra/settings.ts): `prod` refuses placeholder settings. Default `dev`. */
  environment?: EnvironmentName;
  /** The folder of the built web pages, with their index.html (infra/app.ts: web/dist, which `npm run build:web` writes). */
  pagesDirectory: string;
}

export class SpireStack extends Stack {
  readonly table: Table;
  readonly queues: Record<QueueName, Queue>;
  readonly functions: Record<FunctionName, SpireFunction>;
  readonly api: HttpApi;
  /** The API's one stage, API_STAGE_NAME: CloudFront forwards /api/… to it unchanged, and API Gateway strips the stage. */
  readonly apiStage: HttpStage;
  /** The pages' bucket and the distribution that serves pages and API on one origin. */
  readonly web: WebHosting;
  /** The alarm topic, the alarms and the dashboard. */
  readonly operations: Operations;
  /** The settings the functions read (SETTINGS in infra/system.ts). */
  readonly settings: Record<SettingName, string>;
  /** dev, test or prod (Stack's own `environment` is its account and region). */
  readonly environmentName: EnvironmentName;
  /** The deployment's settings, from context, validated (infra/settings.ts). */
  readonly configuration: Settings;
  /** The SES identity, configuration set and bounce and complaint events. */
  readonly mail: Mail;
  /** The deployment secret: the keys of cursor signatures, supporter hashes, idempotency keys and follow-up tokens (shared/secret.ts). */
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: SpireStackProps) {
    const { environment = DEFAULT_ENVIRONMENT, pagesDirectory, ...stackProps } = props;
    super(scope, id, stackProps);
    this.environmentName = environment;
    const configuration = readSettings(this, environment);
    this.configuration = configuration;

    this.table = createTable(this);
    this.secret = createDeploymentSecret(this);
    this.queues = mapRecord(SYSTEM.queues, (description, name) => createQueue(this, name, description));
    this.mail = new Mail(this, 'Mail', { domain: configuration.mailDomain, createIdentity: configuration.createMailIdentity, eventsQueue: this.queues.mailEvents });

    const settings: Record<SettingName, string> = {
      mailSender: configuration.mailSender,
      mailConfigurationSet: this.mail.configurationSet.configurationSetName,
      triageTeamEmail: configuration.triageTeamEmail,
      triageServiceLevelDays: String(configuration.triageServiceLevelDays),
      submitLimitPerHour: String(configuration.submitLimitPerHour),
      supportLimitPerHour: String(configuration.supportLimitPerHour),
      similarLimitPerHour: String(configuration.similarLimitPerHour),
      retentionDays: String(configuration.retentionDays),
    };
    this.settings = settings;
    const resources: ResourceNames = {
      tableName: this.table.tableName,
      queueUrls: mapRecord(this.queues, (queue) => queue.queueUrl),
      settings,
      secretArn: this.secret.secretArn,
    };
    const httpFunctions = new Set(SYSTEM.routes.map((route) => route.function));
    this.functions = mapRecord(SYSTEM.functions, (description, name) => {
      const environment = functionEnvironment(description, resources);
      if (httpFunctions.has(name)) environment[ENV.rolesClaim] = configuration.rolesClaim;
      const fn = new SpireFunction(this, pascalCase(name), { description, environment });
      this.wireFunction(name, fn, description);
      return fn;
    });

    [this.api, this.apiStage] = this.createApi(configuration);
    this.web = new WebHosting(this, 'Web', {
      pagesDirectory,
      api: this.api,
      config: webConfig(configuration),
      identityProviderOrigin: new URL(configuration.jwtIssuer).origin,
      webAclArn: configuration.webAclArn,
    });
    this.operations = new Operations(this, 'Operations', {
      operationsEmail: configuration.operationsEmail,
      functions: this.functions,
      queues: this.queues,
      api: this.api,
      apiStage: this.apiStage,
    });

    new CfnOutput(this, 'PagesUrl', { value: this.web.url, description: "The Spire pages. The pages' app registration takes <PagesUrl>signed-in and <PagesUrl> as redirect URIs (docs/deploying.md)" });
    new CfnOutput(this, 'ApiUrl', { value: `${this.web.url}${API_BASE_PATH.slice(1)}/`, description: "Base URL of the Spire API, on the pages' origin (CloudFront)" });
    new CfnOutput(this, 'PagesDistributionId', { value: this.web.distribution.distributionId, description: 'The CloudFront distribution of the pages and the API, for invalidating its cache by hand' });
    new CfnOutput(this, 'ApiStageUrl', { value: this.apiStage.url, description: 'The API stage straight from API Gateway, past CloudFront: for telling the two apart when something fails' });

    new CfnOutput(this, 'TableName', { value: this.table.tableName, description: 'The Spire DynamoDB table' });
    for (const [name, queue] of entries(this.queues)) {
      new CfnOutput(this, `${pascalCase(name)}QueueUrl`, { value: queue.queueUrl, description: `The ${name} queue` });
      new CfnOutput(this, `${pascalCase(name)}DeadLetterQueueUrl`, {
        value: queue.deadLetterQueue!.queue.queueUrl,
        description: `The ${name} dead-letter queue: messages that failed every attempt`,
      });
    }
    new CfnOutput(this, 'JwtIssuer', {
      value: configuration.jwtIssuer,
      description: `Issuer the API accepts access tokens from (context ${CONTEXT.jwtIssuer}); must be the municipality's identity provider`,
    });
    new CfnOutput(this, 'JwtAudience', {
      value: configuration.jwtAudience,
      description: `Audience the API's access tokens must carry (context ${CONTEXT.jwtAudience})`,
    });
  }

  /** The grants, event source and schedule the description states for one function. */
  private wireFunction(name: FunctionName, fn: SpireFunction, description: FunctionDescription): void {
    for (const grant of grantsOf(description)) {
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: [...grant.actions],
          resources: this.arnsOf(grant.resource),
          // Only items whose partition key starts with a prefix (a reader counting per-person limits: USAGE#…).
          ...(grant.leadingKeyPrefixes === undefined
            ? {}
            : { conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': grant.leadingKeyPrefixes.map((prefix) => `${prefix}*`) } } }),
        }),
      );
    }
    if (description.consumes !== undefined) {
      const { queue, batchSize, maxBatchingWindowSeconds, maxConcurrency } = description.consumes;
      fn.addEventSource(
        new SqsEventSource(this.queues[queue], {
          batchSize,
          maxBatchingWindow: Duration.seconds(maxBatchingWindowSeconds),
          maxConcurrency,
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

  /** The ARNs of a resource a grant names. */
  arnsOf(resource: GrantResource): string[] {
    switch (resource.kind) {
      case 'table':
        return [this.table.tableArn];
      case 'index':
        return [`${this.table.tableArn}/index/${SYSTEM.table.indexes[resource.index].name}`];
      case 'queue':
        return [this.queues[resource.queue].queueArn];
      case 'mailIdentity': {
        // Only from the configured sender: its own identity, or that of its domain when the domain is what SES verified.
        const sender = this.settings.mailSender;
        return [sender, sender.slice(sender.indexOf('@') + 1)].map((identity) => this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }));
      }
      case 'mailConfigurationSet':
        // SendEmail with a configuration set is authorised on the configuration set as well as on the identity.
        return [this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.mail.configurationSet.configurationSetName })];
      case 'secret':
        return [this.secret.secretArn];
    }
  }

  /** The HTTP API and its stage: one route per route description, JWT-authorized unless the route is public. */
  private createApi(auth: Pick<Settings, 'jwtIssuer' | 'jwtAudience'>): [HttpApi, HttpStage] {
    const api = new HttpApi(this, 'HttpApi', {
      description: 'Spire: the idea pipeline API',
      // The one stage is created below, named for the path the API has on the pages' origin, with access logging and throttling.
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'HttpApiAccessLogs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    const stage = new HttpStage(this, 'HttpApiStage', {
      httpApi: api,
      stageName: API_STAGE_NAME,
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
    return [api, stage];
  }
}

/** What the pages read at start (`/config.json`): sign-in at the API's issuer with the pages' own client, and the form's choices. */
function webConfig(configuration: Settings): WebConfig {
  return {
    oidc: { authority: configuration.jwtIssuer, clientId: configuration.webClientId, scope: configuration.webScope },
    departments: configuration.departments,
    triageServiceLevelDays: configuration.triageServiceLevelDays,
  };
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

/**
 * The deployment secret: 64 random letters and digits that CloudFormation generates when the
 * stack is created; nobody types, sees or copies it. Retained with the table, since the supporter
 * hashes in the table are made with it. Not rotated (see the acknowledgment below and docs/architecture.md, "The deployment secret").
 */
function createDeploymentSecret(scope: Construct): Secret {
  const secret = new Secret(scope, 'DeploymentSecret', {
    // Left as first deployed: the secret must never change, not even its description. Its "README" section is now docs/architecture.md, "The deployment secret".
    description: 'Spire: the key of signed cursors, supporter hashes, idempotency keys and follow-up tokens. Never rotate or replace it (README, "The deployment secret").',
    generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      'The secret is a key of keyed hashes stored in the table, not a credential to another system: every supporter is kept as an HMAC of their subject under it. ' +
      'A new value would make every stored supporter hash unmatched, so people could support an idea again, and would invalidate the cursors in use and the idempotency records of the last 24 hours. ' +
      'Rotating it would mean re-keying every supporter item, which needs the old subjects the table deliberately does not keep. Only the functions that need it may read it.',
  });
  return secret;
}

/** A queue and its dead-letter queue, both TLS-only and encrypted (the alarm on new dead letters is in infra/constructs/operations.ts). */
function createQueue(scope: Construct, name: QueueName, description: QueueDescription): Queue {
  const id = pascalCase(name);
  const deadLetterQueue = new Queue(scope, `${id}DeadLetterQueue`, {
    retentionPeriod: Duration.days(description.deadLetterRetentionDays),
    enforceSSL: true,
    encryption: QueueEncryption.SQS_MANAGED,
  });
  return new Queue(scope, `${id}Queue`, {
    visibilityTimeout: Duration.seconds(description.visibilityTimeoutSeconds),
    retentionPeriod: Duration.days(description.retentionDays),
    deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: description.maxReceiveCount },
    enforceSSL: true,
    encryption: QueueEncryption.SQS_MANAGED,
  });
}

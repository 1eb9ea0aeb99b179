/**
 * IAM on a laptop. DynamoDB Local and the SQS emulator accept every call, so a grant missing
 * from infra/system.ts would pass every local test and fail in AWS. The local runtime therefore
 * checks every AWS call a function makes against that function's grants (`grantsOf`, the same
 * list the CDK stack turns into its IAM policy) and refuses what they do not allow, the way IAM
 * refuses it, with an error that names the function, the action and the resource.
 *
 * The check is SDK middleware on every client the functions make (shared/aws/clients.ts); the
 * function making a call is known from the invocation it runs in (./invocation.ts).
 */
import { decorateEveryClient, type AwsService, type ClientDecorator } from '../../shared/aws/clients.ts';
import { logger } from '../../shared/logger.ts';
import { TABLE } from '../../shared/store/table.ts';
import { FUNCTIONS, grantsOf, SYSTEM, type FunctionName, type Grant, type GrantResource, type QueueName } from '../system.ts';
import { currentInvocation } from './invocation.ts';
import { addInitializeStep } from './middleware.ts';

/** One action on one resource, as IAM evaluates a call: `dynamodb:PutItem` on `table/spire`. */
export interface Permission {
  action: string;
  resource: string;
  /**
   * The partition key values of the items the call touches, as IAM's `dynamodb:LeadingKeys`
   * sees them; set for the calls on single items (and the items of a transaction).
   */
  leadingKeys?: readonly string[];
}

/** The physical names the local runtime gave the described resources. */
export interface LocalResourceNames {
  tableName: string;
  /** Each queue's URL, by name. */
  queueUrls: Record<QueueName, string>;
  mailSender: string;
  /** The SES configuration set e-mail is sent with. */
  mailConfigurationSet: string;
  /** The ARN the local runtime gave the deployment secret (./secrets.ts). */
  secretArn: string;
}

/** What IAM says when a call is not allowed; the message names the function, the action, the resource and where grants live. */
export class AccessDeniedError extends Error {
  override name = 'AccessDeniedException';
  readonly functionName: FunctionName;
  readonly permission: Permission;

  constructor(functionName: FunctionName, permission: Permission, onlyPrefixes?: readonly string[]) {
    super(
      onlyPrefixes === undefined
        ? `${functionName} is not authorized to perform ${permission.action} on ${permission.resource}: ` +
            `no grant in infra/system.ts allows it (FUNCTIONS.${functionName}), so AWS would refuse it too`
        : `${functionName} is not authorized to perform ${permission.action} on ${permission.resource} for the partition key ${JSON.stringify(permission.leadingKeys ?? [])}: ` +
            `its grant in infra/system.ts (FUNCTIONS.${functionName}) allows it only on keys starting with ${onlyPrefixes.join(' or ')}, so AWS would refuse it too`,
    );
    this.functionName = functionName;
    this.permission = permission;
  }
}

/** A refused call, kept so that a test can fail on a refusal that the function itself caught and logged. */
export interface Denial {
  functionName: FunctionName;
  permission: Permission;
}

/** The resource names a grant covers, in the local runtime's terms. */
export function resourcesOf(resource: GrantResource, names: LocalResourceNames): string[] {
  // Every kind of resource is named: a new kind that is not fails to compile here.
  switch (resource.kind) {
    case 'table':
      return [`table/${names.tableName}`];
    case 'index':
      return [`table/${names.tableName}/index/${SYSTEM.table.indexes[resource.index].name}`];
    case 'queue':
      return [`queue/${queueName(names.queueUrls[resource.queue])}`];
    case 'mailIdentity':
      return [`identity/${names.mailSender}`, `identity/${names.mailSender.slice(names.mailSender.indexOf('@') + 1)}`];
    case 'mailConfigurationSet':
      return [`configuration-set/${names.mailConfigurationSet}`];
    case 'secret':
      return [`secret/${names.secretArn}`];
  }
}

/** The permissions IAM checks for one SDK command, from its name and input. */
export function permissionsFor(service: AwsService, commandName: string, input: Record<string, unknown>): Permission[] {
  const operation = commandName.replace(/Command$/, '');
  if (service === 'dynamodb') return dynamodbPermissions(operation, input);
  if (service === 'sqs') {
    // SendMessageBatch is authorized as sqs:SendMessage, for each message in the batch.
    const action = operation === 'SendMessageBatch' ? 'SendMessage' : operation;
    return [{ action: `sqs:${action}`, resource: `queue/${queueName(String(input['QueueUrl']))}` }];
  }
  // Secrets Manager: authorized on the secret the call names (Spire always names it by its ARN).
  if (service === 'secretsmanager') return [{ action: `secretsmanager:${operation}`, resource: `secret/${String(input['SecretId'])}` }];
  // SES v2: SendEmail is authorized on the identity it sends from, and on the configuration set it names.
  const from = String(input['FromEmailAddress'] ?? '');
  const sender = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const configurationSet = input['ConfigurationSetName'];
  return [
    { action: `ses:${operation}`, resource: `identity/${sender}` },
    ...(configurationSet === undefined ? [] : [{ action: `ses:${operation}`, resource: `configuration-set/${String(configurationSet)}` }]),
  ];
}

/**
 * The partition key of the item a request names (its `Key`, or the `Item` it puts), as text; the
 * document client's plain values and the low-level client's `{ S: … }` alike.
 */
function partitionKeyOf(request: { Key?: unknown; Item?: unknown }): string | undefined {
  const key = (request.Key ?? request.Item) as Record<string, unknown> | undefined;
  const value = key?.[TABLE.partitionKey];
  if (typeof value === 'string') return value;
  const marshalled = (value as { S?: unknown } | undefined)?.S;
  return typeof marshalled === 'string' ? marshalled : undefined;
}

/** The permission's leading keys, when the request names its item. */
function withLeadingKey(permission: Permission, request: { Key?: unknown; Item?: unknown }): Permission {
  const key = partitionKeyOf(request);
  return key === undefined ? permission : { ...permission, leadingKeys: [key] };
}

function dynamodbPermissions(operation: string, input: Record<string, unknown>): Permission[] {
  const table = (name: unknown, index?: unknown) => `table/${String(name)}${index === undefined ? '' : `/index/${String(index)}`}`;
  switch (operation) {
    case 'TransactWriteItems': {
      // A transaction is authorized as the actions inside it.
      const items = (input['TransactItems'] ?? []) as Record<string, { TableName?: string; Key?: unknown; Item?: unknown }>[];
      const actions: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' };
      return items.flatMap((item) =>
        Object.entries(item).map(([kind, request]) => withLeadingKey({ action: `dynamodb:${actions[kind] ?? kind}`, resource: table(request.TableName) }, request)),
      );
    }
    case 'TransactGetItems': {
      const items = (input['TransactItems'] ?? []) as { Get?: { TableName?: string } }[];
      return items.map((item) => ({ action: 'dynamodb:GetItem', resource: table(item.Get?.TableName) }));
    }
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.keys((input['RequestItems'] ?? {}) as Record<string, unknown>).map((name) => ({ action: `dynamodb:${operation}`, resource: table(name) }));
    case 'GetItem':
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return [withLeadingKey({ action: `dynamodb:${operation}`, resource: table(input['TableName']) }, input)];
    default:
      return [{ action: `dynamodb:${operation}`, resource: table(input['TableName'], input['IndexName']) }];
  }
}

/** IAM's `ForAllValues:StringLike` on `dynamodb:LeadingKeys` with `<prefix>*`: every key the call touches starts with one of the prefixes (and a call whose keys are not known here is refused). */
function leadingKeysAllowed(permission: Permission, prefixes: readonly string[]): boolean {
  const keys = permission.leadingKeys;
  return keys !== undefined && keys.length > 0 && keys.every((key) => prefixes.some((prefix) => key.startsWith(prefix)));
}

/** A queue's name from its URL: the last segment of the path, as in `…/000000000000/spire-intake`. */
function queueName(url: string): string {
  return new URL(url).pathname.split('/').filter(Boolean).pop() ?? url;
}

/**
 * The grants of every function, in the local runtime's resource names, and the calls it has
 * refused and allowed so far. `grants` replaces the description's grants (tests use it to show
 * that a missing grant is caught).
 */
export class GrantChecker {
  readonly denials: Denial[] = [];
  /** Every permission a function has used, as `function action resource`. */
  readonly used = new Set<string>();
  /**
   * Per function, `action resource` → the conditions it is granted under: `undefined` for a grant
   * without one, else the partition key prefixes the grant is limited to.
   */
  private readonly allowed: Map<FunctionName, Map<string, (readonly string[] | undefined)[]>>;

  constructor(names: LocalResourceNames, grants: (name: FunctionName) => readonly Grant[] = (name) => grantsOf(FUNCTIONS[name])) {
    this.allowed = new Map(
      (Object.keys(FUNCTIONS) as FunctionName[]).map((name) => {
        const allowed = new Map<string, (readonly string[] | undefined)[]>();
        for (const grant of grants(name)) {
          for (const resource of resourcesOf(grant.resource, names)) {
            for (const action of grant.actions) {
              const key = `${action} ${resource}`;
              allowed.set(key, [...(allowed.get(key) ?? []), grant.leadingKeyPrefixes]);
            }
          }
        }
        return [name, allowed];
      }),
    );
  }

  /** Throws AccessDeniedError unless the function's grants allow every permission (on the keys it names, where a grant is limited to some). */
  authorize(functionName: FunctionName, permissions: readonly Permission[]): void {
    const allowed = this.allowed.get(functionName);
    for (const permission of permissions) {
      const key = `${permission.action} ${permission.resource}`;
      const conditions = allowed?.get(key) ?? [];
      if (!conditions.some((prefixes) => prefixes === undefined || leadingKeysAllowed(permission, prefixes))) {
        this.denials.push({ functionName, permission });
        const limitedTo = conditions.flatMap((prefixes) => prefixes ?? []);
        const error = new AccessDeniedError(functionName, permission, conditions.length === 0 ? undefined : limitedTo);
        logger.error('AWS call refused by the function’s grants', { function: functionName, action: permission.action, resource: permission.resource });
        throw error;
      }
      this.used.add(`${functionName} ${key}`);
    }
  }
}

/**
 * The middleware every client gets: a call made inside an invocation is checked against the
 * grants of the invocation's function by the checker that invocation carries. Calls outside an
 * invocation (the runtime creating its table, keeping and reading the outbox) are the runtime's own.
 */
const checkGrants: ClientDecorator = (client, service) => {
  addInitializeStep(client, 'spireLocalGrantCheck', 'high', (next, context) => async (args) => {
    const invocation = currentInvocation.getStore();
    if (invocation?.grants !== undefined) invocation.grants.authorize(invocation.functionName, permissionsFor(service, String(context.commandName), args.input));
    return next(args);
  });
};

/** Installs the grant check on every AWS client made from now on; the runtime calls it before it loads the handlers. */
export function enforceGrantsOnEveryClient(): void {
  decorateEveryClient(checkGrants);
}

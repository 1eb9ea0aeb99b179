/**
 * The AWS SDK clients every function uses, made in one place so that each has the same
 * timeouts and the same middleware. The endpoints come from the standard AWS SDK settings
 * (AWS_ENDPOINT_URL_DYNAMODB and AWS_ENDPOINT_URL_SQS locally), so no code knows where it runs.
 * (Secrets Manager and SES have no emulator: the local runtime answers their one call each,
 * GetSecretValue and SendEmail, in the client's middleware, after the grant check;
 * infra/local/secrets.ts and infra/local/ses.ts.)
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tracer } from '../tracer.ts';

/**
 * How long a call may wait. Without these the SDK waits for a dead connection until the
 * function's own timeout, so one slow socket would cost a whole invocation instead of a retry.
 */
export const CLIENT_TIMEOUTS = {
  /** Time to open the TCP/TLS connection. */
  connectionTimeoutMs: 1_000,
  /** Time for the whole answer once the request is sent; DynamoDB and SQS answer in milliseconds. */
  requestTimeoutMs: 5_000,
} as const;

/** The services Spire's functions call. */
export type AwsService = 'dynamodb' | 'sqs' | 'sesv2' | 'secretsmanager';

type AnyClient = DynamoDBClient | SQSClient | SESv2Client | SecretsManagerClient;

/**
 * Called on every client as it is made. Production registers none; the local runtime registers
 * the grant check (infra/local/grants.ts), so a call the function's grants do not allow fails
 * on a laptop the way IAM makes it fail in AWS.
 */
export type ClientDecorator = (client: AnyClient, service: AwsService) => void;

const decorators: ClientDecorator[] = [];

/** Adds a decorator for the clients made from now on (the local runtime, before it loads the handlers). */
export function decorateEveryClient(decorator: ClientDecorator): void {
  if (!decorators.includes(decorator)) decorators.push(decorator);
}

/** Every client is traced (a subsegment per call, in Lambda only; see shared/tracer.ts), then decorated. */
function made<C extends AnyClient>(client: C, service: AwsService): C {
  tracer.captureAWSv3Client(client);
  for (const decorate of decorators) decorate(client, service);
  return client;
}

const requestHandler = {
  connectionTimeout: CLIENT_TIMEOUTS.connectionTimeoutMs,
  requestTimeout: CLIENT_TIMEOUTS.requestTimeoutMs,
};

/** A DynamoDB document client: undefined attributes are left out of items, not refused. */
export function createDocumentClient(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(made(new DynamoDBClient({ requestHandler }), 'dynamodb'), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

export function createSqsClient(): SQSClient {
  return made(new SQSClient({ requestHandler }), 'sqs');
}

export function createSesClient(): SESv2Client {
  return made(new SESv2Client({ requestHandler }), 'sesv2');
}

/** For the deployment secret only (shared/secret.ts), which is read once per container. */
export function createSecretsClient(): SecretsManagerClient {
  return made(new SecretsManagerClient({ requestHandler }), 'secretsmanager');
}

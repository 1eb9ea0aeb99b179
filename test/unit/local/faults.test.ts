import { Readable } from 'node:stream';
import { GetItemCommand, ProvisionedThroughputExceededException, ThrottlingException, TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendMessageBatchCommand, SendMessageCommand, SQSServiceException } from '@aws-sdk/client-sqs';
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FaultInjector, faultSettingsFromText, injectFaultsOnEveryClient, type FaultSettings } from '../../../infra/local/faults.ts';
import { AccessDeniedError, enforceGrantsOnEveryClient, GrantChecker, type LocalResourceNames } from '../../../infra/local/grants.ts';
import { currentInvocation } from '../../../infra/local/invocation.ts';
import { QUEUES, type FunctionName, type QueueName } from '../../../infra/system.ts';
import { createDocumentClient, createSqsClient } from '../../../shared/aws/clients.ts';
import { conditionFailedAt, conflicted } from '../../../shared/store/transactions.ts';

const QUEUE_URL = 'http://127.0.0.1:4566/000000000000/spire-intake';
const NAMES: LocalResourceNames = {
  tableName: 'spire',
  queueUrls: Object.fromEntries(Object.keys(QUEUES).map((name) => [name, `http://127.0.0.1:4566/000000000000/spire-${name}`])) as Record<QueueName, string>,
  mailSender: 'spire@kommune.example',
  mailConfigurationSet: 'spire-mail',
  secretArn: 'arn:aws:secretsmanager:eu-north-1:000000000000:secret:spire-deployment-secret-local',
};

beforeAll(() => {
  // The clients sign their requests before the (fake) HTTP handler sees them.
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
  vi.stubEnv('AWS_ENDPOINT_URL_SQS', 'http://127.0.0.1:4566');
  enforceGrantsOnEveryClient();
  injectFaultsOnEveryClient();
});

afterAll(() => {
  vi.unstubAllEnvs();
  // The grant check and the faults stay on every client shared/aws/clients.ts makes while its module
  // lives; the unit project shares modules between files, so the next file here loads its own.
  vi.resetModules();
});

/** Replaces a client's HTTP handler with one that answers every request with `status` and `body`, and keeps the requests it was sent. */
function answeringHttp<C>(client: C, status = 200, body = '{}'): { requests: unknown[]; client: C } {
  const requests: unknown[] = [];
  (client as unknown as { config: { requestHandler: unknown } }).config.requestHandler = {
    handle: async (request: unknown) => {
      requests.push(request);
      return { response: { statusCode: status, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: Readable.from([Buffer.from(body)]) } };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
  };
  return { requests, client };
}

function inInvocation<T>(faults: FaultInjector | undefined, work: () => Promise<T>, functionName: FunctionName = 'intakeWorker', grants?: GrantChecker): Promise<T> {
  return currentInvocation.run({ functionName, ...(faults === undefined ? {} : { faults }), ...(grants === undefined ? {} : { grants }) }, work);
}

const always = (settings: Partial<FaultSettings>) => new FaultInjector({ seed: 1, ...settings });

describe('the fault injector’s decisions', () => {
  it('fails SQS sends and throttles DynamoDB writes at the given rates, the same for the same seed', () => {
    // Prepare
    const injector = new FaultInjector({ seed: 20_261_206, sqsSendFailureRate: 0.2, dynamodbWriteThrottleRate: 0.1 });
    const again = new FaultInjector({ seed: 20_261_206, sqsSendFailureRate: 0.2, dynamodbWriteThrottleRate: 0.1 });

    // Act
    const decisions = Array.from({ length: 20_000 }, (_, n) => injector.decide(n % 2 === 0 ? 'sqs' : 'dynamodb', n % 2 === 0 ? 'SendMessageBatch' : 'TransactWriteItems'));
    const replayed = Array.from({ length: 20_000 }, (_, n) => again.decide(n % 2 === 0 ? 'sqs' : 'dynamodb', n % 2 === 0 ? 'SendMessageBatch' : 'TransactWriteItems'));

    // Assess
    const { counts } = injector;
    expect(counts.sqsSends).toBe(10_000);
    expect(counts.dynamodbWrites).toBe(10_000);
    expect((counts.sqsSendsRefused + counts.sqsSendsAnswerLost) / counts.sqsSends).toBeCloseTo(0.2, 1);
    expect(counts.sqsSendsRefused / (counts.sqsSendsRefused + counts.sqsSendsAnswerLost)).toBeCloseTo(0.5, 1);
    expect(counts.dynamodbWritesThrottled / counts.dynamodbWrites).toBeCloseTo(0.1, 1);
    expect(replayed).toEqual(decisions);
    expect(decisions.filter(Boolean).length).toBe(counts.sqsSendsRefused + counts.sqsSendsAnswerLost + counts.dynamodbWritesThrottled);
  });

  it('never fails a read, a receive or a delete of a message, whatever the rates', () => {
    const injector = always({ sqsSendFailureRate: 1, dynamodbWriteThrottleRate: 1 });

    for (const operation of ['GetItem', 'Query', 'BatchGetItem', 'TransactGetItems']) expect(injector.decide('dynamodb', operation)).toBeUndefined();
    for (const operation of ['ReceiveMessage', 'DeleteMessage', 'DeleteMessageBatch', 'GetQueueAttributes']) expect(injector.decide('sqs', operation)).toBeUndefined();
    expect(injector.decide('secretsmanager', 'GetSecretValue')).toBeUndefined();
    expect(injector.counts).toMatchObject({ sqsSends: 0, dynamodbWrites: 0 });
  });

  it('is off at rate 0', () => {
    const injector = new FaultInjector({ seed: 3 });

    expect(Array.from({ length: 1000 }, () => injector.decide('sqs', 'SendMessage') ?? injector.decide('dynamodb', 'PutItem')).filter(Boolean)).toEqual([]);
  });

  it('refuses rates outside 0 to 1', () => {
    expect(() => new FaultInjector({ seed: 1, sqsSendFailureRate: 1.5 })).toThrow();
    expect(() => new FaultInjector({ seed: 1, dynamodbWriteThrottleRate: -0.1 })).toThrow();
  });
});

describe('SQS sends through a client made by shared/aws/clients.ts', () => {
  it('fail as SQS’s 500 InternalFailure before anything is sent, reaching the caller without the SDK retrying', async () => {
    // Prepare: the injector refuses every send (its second draw decides refused or answer lost; seed 1 refuses first).
    const injector = always({ sqsSendFailureRate: 1 });
    const { client, requests } = answeringHttp(createSqsClient());
    const refusing = (): Promise<unknown> => inInvocation(injector, () => client.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: '{}' })));
    let error: unknown;
    while (injector.counts.sqsSendsRefused === 0) {
      requests.length = 0;
      error = await refusing().then(() => undefined, (caught: unknown) => caught);
    }

    // Assess
    expect(error).toBeInstanceOf(SQSServiceException);
    expect(error).toMatchObject({ name: 'InternalFailure', $fault: 'server', $metadata: { httpStatusCode: 500 } });
    expect(requests).toHaveLength(0);
  });

  it('lose the answer of a batch that was sent: the queue got it once, the caller a connection reset', async () => {
    // Prepare
    const injector = always({ sqsSendFailureRate: 1 });
    const { client, requests } = answeringHttp(createSqsClient());
    const send = (): Promise<unknown> => inInvocation(injector, () => client.send(new SendMessageBatchCommand({ QueueUrl: QUEUE_URL, Entries: [{ Id: '0', MessageBody: '{}' }] })));
    let error: unknown;
    while (injector.counts.sqsSendsAnswerLost === 0) {
      requests.length = 0;
      error = await send().then(() => undefined, (caught: unknown) => caught);
    }

    // Assess: sent once, not retried by the SDK.
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expect(requests).toHaveLength(1);
  });

  it('go through outside an invocation, and in an invocation without faults', async () => {
    const { client, requests } = answeringHttp(createSqsClient());

    const batch = () => new SendMessageBatchCommand({ QueueUrl: QUEUE_URL, Entries: [{ Id: '0', MessageBody: '{}' }] });

    await expect(client.send(batch())).resolves.toBeDefined();
    await expect(inInvocation(undefined, () => client.send(batch()))).resolves.toBeDefined();
    expect(requests).toHaveLength(2);
  });

  it('would be retried by the SDK if SQS answered 500 itself, which is why the fault is made outside the retries', async () => {
    // Prepare: no injector; the "service" answers 500 every time.
    const { client, requests } = answeringHttp(createSqsClient(), 500, '{"__type":"InternalFailure","message":"We encountered an internal error."}');

    // Act
    const error = await client.send(new SendMessageCommand({ QueueUrl: QUEUE_URL, MessageBody: '{}' })).catch((caught: unknown) => caught);

    // Assess: three attempts by the SDK; at a 20 % failure rate per attempt only 0.8 % of calls would reach Spire's code.
    expect(error).toMatchObject({ name: 'InternalFailure', $metadata: { attempts: 3 } });
    expect(requests).toHaveLength(3);
  }, 10_000);
});

describe('DynamoDB writes through a client made by shared/aws/clients.ts', () => {
  const KEY = { PK: 'IDEA#1', SK: 'META' };

  it.each([
    ['PutItem', () => new PutCommand({ TableName: 'spire', Item: KEY })],
    ['UpdateItem', () => new UpdateCommand({ TableName: 'spire', Key: KEY, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': 1 } })],
    ['DeleteItem', () => new DeleteCommand({ TableName: 'spire', Key: KEY })],
    ['BatchWriteItem', () => new BatchWriteCommand({ RequestItems: { spire: [{ PutRequest: { Item: KEY } }] } })],
  ])('throttle %s with nothing sent, as ProvisionedThroughputExceededException or ThrottlingException', async (_operation, command) => {
    // Prepare
    const injector = always({ dynamodbWriteThrottleRate: 1 });
    const { client, requests } = answeringHttp(createDocumentClient());

    // Act
    const errors = await Promise.all(Array.from({ length: 20 }, () => inInvocation(injector, () => client.send(command() as PutCommand)).catch((caught: unknown) => caught)));

    // Assess
    expect(requests).toHaveLength(0);
    for (const error of errors) expect(error instanceof ProvisionedThroughputExceededException || error instanceof ThrottlingException).toBe(true);
    expect(errors.some((error) => error instanceof ThrottlingException)).toBe(true);
    expect(errors.some((error) => error instanceof ProvisionedThroughputExceededException)).toBe(true);
    expect(errors[0]).toMatchObject({ $fault: 'client', $metadata: { httpStatusCode: 400 } });
  });

  it('cancel a transaction as DynamoDB cancels a throttled one: TransactionCanceledException with a ThrottlingError, not a conflict or a failed condition', async () => {
    // Prepare
    const injector = always({ dynamodbWriteThrottleRate: 1 });
    const { client, requests } = answeringHttp(createDocumentClient());
    const transaction = new TransactWriteCommand({
      TransactItems: [{ Put: { TableName: 'spire', Item: KEY, ConditionExpression: 'attribute_not_exists(PK)' } }, { Put: { TableName: 'spire', Item: { PK: 'IDEA#1', SK: 'EVENT#000001' } } }],
    });

    // Act
    const error = await inInvocation(injector, () => client.send(transaction)).catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons?.map((reason) => reason.Code)).toEqual(['ThrottlingError', 'None']);
    expect(conflicted(error)).toBe(false);
    expect(conditionFailedAt(error, 0)).toBe(false);
    expect(requests).toHaveLength(0);
  });

  it('read without faults at any rate', async () => {
    const injector = always({ dynamodbWriteThrottleRate: 1, sqsSendFailureRate: 1 });
    const { client, requests } = answeringHttp(createDocumentClient());

    await expect(inInvocation(injector, () => client.send(new GetCommand({ TableName: 'spire', Key: KEY })))).resolves.toBeDefined();
    await expect(inInvocation(injector, () => client.send(new QueryCommand({ TableName: 'spire', KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': 'x' } })))).resolves.toBeDefined();
    expect(requests).toHaveLength(2);
  });

  it('are refused by the grant check before any fault, as IAM authorizes a call before it is throttled', async () => {
    // Prepare
    const injector = always({ dynamodbWriteThrottleRate: 1 });
    const { client } = answeringHttp(createDocumentClient());

    // Act
    const write = inInvocation(injector, () => client.send(new PutCommand({ TableName: 'spire', Item: KEY })), 'getIdea', new GrantChecker(NAMES));

    // Assess
    await expect(write).rejects.toThrow(AccessDeniedError);
    expect(injector.counts.dynamodbWrites).toBe(0);
  });

  it('go through on a plain DynamoDB client outside an invocation', async () => {
    const { client, requests } = answeringHttp(createDocumentClient());

    await expect((client as unknown as DynamoDBClient).send(new GetItemCommand({ TableName: 'spire', Key: { PK: { S: 'a' }, SK: { S: 'b' } } }))).resolves.toBeDefined();
    await expect(client.send(new PutCommand({ TableName: 'spire', Item: KEY }))).resolves.toBeDefined();
    expect(requests).toHaveLength(2);
  });
});

describe('SPIRE_LOCAL_FAULTS', () => {
  it('reads the rates and the seed', () => {
    expect(faultSettingsFromText('sqs=0.2,dynamodb=0.1,seed=7')).toEqual({ seed: 7, sqsSendFailureRate: 0.2, dynamodbWriteThrottleRate: 0.1 });
    expect(faultSettingsFromText(' sqs = 0.5 ', () => 42)).toEqual({ seed: 42, sqsSendFailureRate: 0.5, dynamodbWriteThrottleRate: 0 });
  });

  it('is off when unset or empty', () => {
    expect(faultSettingsFromText(undefined)).toBeUndefined();
    expect(faultSettingsFromText('  ')).toBeUndefined();
  });

  it('says what is wrong with a bad value', () => {
    expect(() => faultSettingsFromText('sqs=20%')).toThrow(/SPIRE_LOCAL_FAULTS: "sqs=20%" is not sqs=<rate>/);
    expect(() => faultSettingsFromText('sqs=2')).toThrow(/SPIRE_LOCAL_FAULTS: .*sqsSendFailureRate/s);
  });
});

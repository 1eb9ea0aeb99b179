import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { AccessDeniedError, enforceGrantsOnEveryClient, GrantChecker, permissionsFor, type LocalResourceNames } from '../../../infra/local/grants.ts';
import { currentInvocation } from '../../../infra/local/invocation.ts';
import { FUNCTIONS, grantsOf, type FunctionName } from '../../../infra/system.ts';
import { createDocumentClient, createSesClient } from '../../../shared/aws/clients.ts';
import { SesMailer } from '../../../shared/notify/mailer.ts';

const NAMES: LocalResourceNames = {
  tableName: 'spire',
  queueUrls: {
    intake: 'http://127.0.0.1:4566/000000000000/spire-intake',
    rescore: 'http://127.0.0.1:4566/000000000000/spire-rescore',
    notify: 'http://127.0.0.1:4566/000000000000/spire-notify',
    mailEvents: 'http://127.0.0.1:4566/000000000000/spire-mailEvents',
  },
  mailSender: 'spire@kommune.example',
  mailConfigurationSet: 'spire-mail',
  secretArn: 'arn:aws:secretsmanager:eu-north-1:000000000000:secret:spire-deployment-secret-local',
};

/** A client whose calls stop after the grant check, answering `output` instead of reaching any network. */
function answering<C extends { middlewareStack: unknown }>(client: C, output: object = {}): C {
  (client.middlewareStack as { add(m: unknown, o: object): void }).add(() => async () => ({ output: { ...output, $metadata: {} } }), { step: 'initialize', priority: 'low', name: 'testAnswer' });
  return client;
}

function inInvocation<T>(functionName: FunctionName, grants: GrantChecker, work: () => Promise<T>): Promise<T> {
  return currentInvocation.run({ functionName, grants }, work);
}

describe('the IAM permissions of an SDK command', () => {
  it('names the item action and the table of a single-item call', () => {
    expect(permissionsFor('dynamodb', 'PutItemCommand', { TableName: 'spire' })).toEqual([{ action: 'dynamodb:PutItem', resource: 'table/spire' }]);
  });

  it('names the index a Query reads, not the table', () => {
    expect(permissionsFor('dynamodb', 'QueryCommand', { TableName: 'spire', IndexName: 'GSI1' })).toEqual([{ action: 'dynamodb:Query', resource: 'table/spire/index/GSI1' }]);
  });

  it('authorizes a transaction as each action inside it', () => {
    const input = { TransactItems: [{ Put: { TableName: 'spire' } }, { Update: { TableName: 'spire' } }, { Delete: { TableName: 'spire' } }, { ConditionCheck: { TableName: 'spire' } }] };

    expect(permissionsFor('dynamodb', 'TransactWriteItemsCommand', input).map((permission) => permission.action)).toEqual([
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:ConditionCheckItem',
    ]);
  });

  it('authorizes a batch write as BatchWriteItem on each table it names', () => {
    expect(permissionsFor('dynamodb', 'BatchWriteItemCommand', { RequestItems: { spire: [] } })).toEqual([{ action: 'dynamodb:BatchWriteItem', resource: 'table/spire' }]);
  });

  it('authorizes SendMessageBatch as sqs:SendMessage on the queue of the URL', () => {
    expect(permissionsFor('sqs', 'SendMessageBatchCommand', { QueueUrl: NAMES.queueUrls.intake })).toEqual([{ action: 'sqs:SendMessage', resource: 'queue/spire-intake' }]);
  });

  it('authorizes reading a secret as secretsmanager:GetSecretValue on the secret it names', () => {
    expect(permissionsFor('secretsmanager', 'GetSecretValueCommand', { SecretId: NAMES.secretArn })).toEqual([{ action: 'secretsmanager:GetSecretValue', resource: `secret/${NAMES.secretArn}` }]);
  });

  it('authorizes an SES e-mail on the sender identity and on its configuration set', () => {
    expect(permissionsFor('sesv2', 'SendEmailCommand', { FromEmailAddress: 'Spire <spire@kommune.example>', ConfigurationSetName: 'spire-mail' })).toEqual([
      { action: 'ses:SendEmail', resource: 'identity/spire@kommune.example' },
      { action: 'ses:SendEmail', resource: 'configuration-set/spire-mail' },
    ]);
  });
});

describe('the grant checker', () => {
  it('allows what a function’s description grants', () => {
    const checker = new GrantChecker(NAMES);

    expect(() => checker.authorize('intakeWorker', [{ action: 'dynamodb:BatchWriteItem', resource: 'table/spire' }])).not.toThrow();
    expect(() => checker.authorize('listMyIdeas', [{ action: 'dynamodb:Query', resource: 'table/spire/index/GSI2' }])).not.toThrow();
    expect(checker.used).toContain('intakeWorker dynamodb:BatchWriteItem table/spire');
  });

  it('refuses a write to a read-only function, naming the function, action and resource, and keeps the refusal', () => {
    const checker = new GrantChecker(NAMES);

    expect(() => checker.authorize('getIdea', [{ action: 'dynamodb:PutItem', resource: 'table/spire' }])).toThrow(
      /^getIdea is not authorized to perform dynamodb:PutItem on table\/spire: no grant in infra\/system\.ts allows it/,
    );
    expect(checker.denials).toEqual([{ functionName: 'getIdea', permission: { action: 'dynamodb:PutItem', resource: 'table/spire' } }]);
  });

  it('refuses an index the function’s description does not name', () => {
    const checker = new GrantChecker(NAMES);

    expect(() => checker.authorize('listMyIdeas', [{ action: 'dynamodb:Query', resource: 'table/spire/index/GSI1' }])).toThrow(AccessDeniedError);
  });

  it('refuses a queue the function does not send to, and another table', () => {
    const checker = new GrantChecker(NAMES);

    expect(() => checker.authorize('submitIdea', [{ action: 'sqs:SendMessage', resource: 'queue/spire-notify' }])).toThrow(AccessDeniedError);
    expect(() => checker.authorize('submitIdea', [{ action: 'dynamodb:GetItem', resource: 'table/someone-else' }])).toThrow(AccessDeniedError);
  });

  it('lets only the functions described with the secret read it', () => {
    const checker = new GrantChecker(NAMES);
    const read = { action: 'secretsmanager:GetSecretValue', resource: `secret/${NAMES.secretArn}` };

    expect(() => checker.authorize('supportIdea', [read])).not.toThrow();
    expect(() => checker.authorize('listMyIdeas', [read])).not.toThrow();
    expect(() => checker.authorize('getIdea', [read])).toThrow(/^getIdea is not authorized to perform secretsmanager:GetSecretValue on secret\/arn:aws:secretsmanager:/);
    expect(() => checker.authorize('supportIdea', [{ ...read, resource: 'secret/arn:aws:secretsmanager:eu-north-1:000000000000:secret:another' }])).toThrow(AccessDeniedError);
  });

  it('never allows a Scan, whatever the function', () => {
    const checker = new GrantChecker(NAMES);

    for (const name of Object.keys(FUNCTIONS) as FunctionName[]) {
      expect(() => checker.authorize(name, [{ action: 'dynamodb:Scan', resource: 'table/spire' }])).toThrow(AccessDeniedError);
    }
  });
});

describe('clients made by shared/aws/clients.ts, with the local runtime’s check installed', () => {
  enforceGrantsOnEveryClient();

  it('refuse a call outside the invoking function’s grants before it is sent', async () => {
    const client = createDocumentClient();
    answering(client as unknown as { middlewareStack: unknown });
    const checker = new GrantChecker(NAMES);

    const write = inInvocation('getIdea', checker, () => client.send(new PutCommand({ TableName: 'spire', Item: { PK: 'IDEA#1', SK: 'META' } })));

    await expect(write).rejects.toThrow(AccessDeniedError);
    await expect(inInvocation('getIdea', checker, () => client.send(new QueryCommand({ TableName: 'spire', KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': 'x' } })))).resolves.toBeDefined();
  });

  it('check every action of a transaction written through the document client', async () => {
    const client = answering(createDocumentClient() as unknown as { middlewareStack: unknown }) as unknown as ReturnType<typeof createDocumentClient>;
    const checker = new GrantChecker(NAMES, (name) => (name === 'postDecision' ? [{ actions: ['dynamodb:PutItem'], resource: { kind: 'table' } }] : grantsOf(FUNCTIONS[name])));

    const transaction = new TransactWriteCommand({
      TransactItems: [{ Put: { TableName: 'spire', Item: { PK: 'a', SK: 'b' } } }, { ConditionCheck: { TableName: 'spire', Key: { PK: 'c', SK: 'd' }, ConditionExpression: 'attribute_exists(PK)' } }],
    });

    await expect(inInvocation('postDecision', checker, () => client.send(transaction))).rejects.toThrow(/postDecision is not authorized to perform dynamodb:ConditionCheckItem/);
  });

  it('let the runtime’s own calls, outside any invocation, through', async () => {
    const client = createDocumentClient();
    answering(client as unknown as { middlewareStack: unknown });

    await expect(client.send(new PutCommand({ TableName: 'spire', Item: { PK: 'a', SK: 'b' } }))).resolves.toBeDefined();
  });

  it('let the notify worker send an SES e-mail from the sender with the configuration set, and nobody else', async () => {
    const checker = new GrantChecker(NAMES);
    const mailer = new SesMailer(answering(createSesClient(), { MessageId: 'm-1' }), NAMES.mailSender, NAMES.mailConfigurationSet);
    const mail = { id: 'n-1', to: 'anna@kommune.example', subject: 'Din idé er modtaget', text: 'Tak for din idé om æbler, øl og ål.', language: 'da' };

    await expect(inInvocation('notifyWorker', checker, () => mailer.send(mail))).resolves.toBeUndefined();
    await expect(inInvocation('triageDigest', checker, () => mailer.send(mail))).rejects.toThrow(/triageDigest is not authorized to perform ses:SendEmail on identity\/spire@kommune\.example/);
  });

  it('refuse a plain DynamoDB client’s GetItem for a function without table access', async () => {
    const document = createDocumentClient();
    answering(document as unknown as { middlewareStack: unknown });
    const checker = new GrantChecker(NAMES);

    await expect(inInvocation('health', checker, () => (document as unknown as DynamoDBClient).send(new GetItemCommand({ TableName: 'spire', Key: { PK: { S: 'a' }, SK: { S: 'b' } } })))).rejects.toThrow(
      /health is not authorized to perform dynamodb:GetItem on table\/spire/,
    );
  });
});

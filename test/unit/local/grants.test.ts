import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it, vi } from 'vitest';
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
    erasure: 'http://127.0.0.1:4566/000000000000/spire-erasure',
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

afterAll(() => {
  // The grant check stays on every client shared/aws/clients.ts makes while its module lives; the
  // unit project shares modules between files, so the next file here loads its own.
  vi.resetModules();
});

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
    expect(() => checker.authorize('getPilot', [read])).toThrow(/^getPilot is not authorized to perform secretsmanager:GetSecretValue on secret\/arn:aws:secretsmanager:/);
    expect(() => checker.authorize('supportIdea', [{ ...read, resource: 'secret/arn:aws:secretsmanager:eu-north-1:000000000000:secret:another' }])).toThrow(AccessDeniedError);
  });

  it('allows a Scan of the table to the erasure worker alone, and of an index to nobody', () => {
    const checker = new GrantChecker(NAMES);

    for (const name of (Object.keys(FUNCTIONS) as FunctionName[]).filter((fn) => fn !== 'erasureWorker')) {
      expect(() => checker.authorize(name, [{ action: 'dynamodb:Scan', resource: 'table/spire' }]), name).toThrow(AccessDeniedError);
    }
    expect(() => checker.authorize('erasureWorker', [{ action: 'dynamodb:Scan', resource: 'table/spire' }])).not.toThrow();
    expect(() => checker.authorize('erasureWorker', [{ action: 'dynamodb:Scan', resource: 'table/spire/index/GSI2' }])).toThrow(AccessDeniedError);
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

describe('a grant limited to partition keys (countsUsage: dynamodb:LeadingKeys)', () => {
  const usageKey = { PK: `USAGE#${'a'.repeat(64)}`, SK: 'similar#2026-01-08T08:00:00Z' };

  it('names the partition key of a single-item call, plain or marshalled, and of each item of a transaction', () => {
    expect(permissionsFor('dynamodb', 'UpdateItemCommand', { TableName: 'spire', Key: usageKey })).toEqual([{ action: 'dynamodb:UpdateItem', resource: 'table/spire', leadingKeys: [usageKey.PK] }]);
    expect(permissionsFor('dynamodb', 'UpdateItemCommand', { TableName: 'spire', Key: { PK: { S: usageKey.PK }, SK: { S: usageKey.SK } } })).toEqual([
      { action: 'dynamodb:UpdateItem', resource: 'table/spire', leadingKeys: [usageKey.PK] },
    ]);
    expect(permissionsFor('dynamodb', 'PutItemCommand', { TableName: 'spire', Item: { PK: 'IDEA#1', SK: 'META' } })).toEqual([{ action: 'dynamodb:PutItem', resource: 'table/spire', leadingKeys: ['IDEA#1'] }]);
    expect(
      permissionsFor('dynamodb', 'TransactWriteItemsCommand', { TransactItems: [{ Update: { TableName: 'spire', Key: { PK: 'IDEA#1', SK: 'SUPPORTERS' } } }] }),
    ).toEqual([{ action: 'dynamodb:UpdateItem', resource: 'table/spire', leadingKeys: ['IDEA#1'] }]);
  });

  it('lets findSimilar, whose table access is read-only, update a per-person count (a USAGE# key)', () => {
    const checker = new GrantChecker(NAMES);

    expect(() => checker.authorize('findSimilar', [{ action: 'dynamodb:UpdateItem', resource: 'table/spire', leadingKeys: [usageKey.PK] }])).not.toThrow();
    expect(checker.denials).toEqual([]);
  });

  it('refuses findSimilar an UpdateItem on any other key, naming the key and the prefix it is limited to', () => {
    const checker = new GrantChecker(NAMES);
    const update = { action: 'dynamodb:UpdateItem', resource: 'table/spire', leadingKeys: ['IDEA#0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'] };

    expect(() => checker.authorize('findSimilar', [update])).toThrow(
      /^findSimilar is not authorized to perform dynamodb:UpdateItem on table\/spire for the partition key \["IDEA#0b1c2d3e-[^"]+"\]: its grant in infra\/system\.ts \(FUNCTIONS\.findSimilar\) allows it only on keys starting with USAGE#/,
    );
    expect(checker.denials).toEqual([{ functionName: 'findSimilar', permission: update }]);
  });

  it('refuses findSimilar an UpdateItem whose key it cannot see, a key that only contains the prefix, and every other write even on a USAGE# key', () => {
    const checker = new GrantChecker(NAMES);

    expect(() => checker.authorize('findSimilar', [{ action: 'dynamodb:UpdateItem', resource: 'table/spire' }])).toThrow(AccessDeniedError);
    expect(() => checker.authorize('findSimilar', [{ action: 'dynamodb:UpdateItem', resource: 'table/spire', leadingKeys: ['IDEA#USAGE#x'] }])).toThrow(AccessDeniedError);
    for (const action of ['dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
      expect(() => checker.authorize('findSimilar', [{ action, resource: 'table/spire', leadingKeys: [usageKey.PK] }])).toThrow(/no grant in infra\/system\.ts allows it/);
    }
  });

  it('leaves a readWrite function that counts usage (submitIdea) free to write any key, as its grant without a condition allows', () => {
    const checker = new GrantChecker(NAMES);

    expect(() => checker.authorize('submitIdea', [{ action: 'dynamodb:UpdateItem', resource: 'table/spire', leadingKeys: ['PIPELINE'] }])).not.toThrow();
    expect(() => checker.authorize('submitIdea', [{ action: 'dynamodb:UpdateItem', resource: 'table/spire', leadingKeys: [usageKey.PK] }])).not.toThrow();
  });

  it('refuses, through the document client, findSimilar’s UpdateItem outside USAGE# before it is sent, and lets the count through', async () => {
    const client = answering(createDocumentClient() as unknown as { middlewareStack: unknown }) as unknown as ReturnType<typeof createDocumentClient>;
    const checker = new GrantChecker(NAMES);
    const update = (Key: Record<string, string>) => new UpdateCommand({ TableName: 'spire', Key, UpdateExpression: 'ADD #count :one', ExpressionAttributeNames: { '#count': 'count' }, ExpressionAttributeValues: { ':one': 1 } });

    await expect(inInvocation('findSimilar', checker, () => client.send(update(usageKey)))).resolves.toBeDefined();
    await expect(inInvocation('findSimilar', checker, () => client.send(update({ PK: 'IDEA#1', SK: 'SUPPORTERS' })))).rejects.toThrow(
      /findSimilar is not authorized to perform dynamodb:UpdateItem on table\/spire for the partition key \["IDEA#1"\]/,
    );
  });
});

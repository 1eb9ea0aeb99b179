import 'aws-sdk-client-mock-vitest/extend';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll } from 'vitest';

/**
 * The unit project runs its files one after another in the same worker, without isolation
 * (vitest.config.ts), so whatever one file leaves in place the next one finds. `mockClient(X)`
 * replaces `X.prototype.send` with a stub that stays until it is restored (its `reset()` only
 * forgets the answers): a file that calls real clients (test/unit/local/) would otherwise get
 * `undefined` back from every send. So after every file, every client class Spire makes
 * (shared/aws/clients.ts) gets its real `send` back: `mockClient` first restores a stub still in
 * place, and restoring the new one leaves the original method. A test that mocks another client
 * class adds it here.
 */
afterAll(() => {
  mockClient(DynamoDBClient).restore();
  mockClient(DynamoDBDocumentClient).restore();
  mockClient(SQSClient).restore();
  mockClient(SESv2Client).restore();
  mockClient(SecretsManagerClient).restore();
});

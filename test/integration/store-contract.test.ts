/**
 * The store contract (test/contract/) against the DynamoDB adapters (shared/store/) on DynamoDB
 * Local: every case gets a table of its own, made as the local runtime makes one
 * (infra/local/resources.ts), so no case sees another's items. test/unit/store/contract.test.ts
 * runs the same cases against the in-memory fakes.
 */
import { randomBytes } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { LOCAL_AWS } from '../../infra/local/emulators.ts';
import { ensureTable } from '../../infra/local/resources.ts';
import { DynamoBackgroundWorkStore } from '../../shared/store/background-work.ts';
import { DynamoConversationStore } from '../../shared/store/conversation.ts';
import { DynamoIdeaStore } from '../../shared/store/ideas.ts';
import { DynamoNotificationStore } from '../../shared/store/notifications.ts';
import { DynamoPilotStore } from '../../shared/store/pilots.ts';
import { DynamoPipelineStore } from '../../shared/store/pipeline.ts';
import { DynamoRescoreJobStore } from '../../shared/store/rescore-jobs.ts';
import { DynamoSimilarityIndex } from '../../shared/store/similarity-index.ts';
import { DynamoStrategyStore } from '../../shared/store/strategy.ts';
import { DynamoMailSuppressionStore } from '../../shared/store/suppressions.ts';
import { DynamoUsageCounterStore } from '../../shared/store/usage-limits.ts';
import { storeContract } from '../contract/store.contract.ts';
import { FIRST_STRATEGY, type ContractStores } from '../contract/support.ts';
import { InMemoryNotificationStore } from '../unit/support/fakes.ts';

const run = randomBytes(4).toString('hex');
const tables: string[] = [];
let dynamodb: DynamoDBClient;
let client: DynamoDBDocumentClient;

beforeAll(() => {
  dynamodb = new DynamoDBClient({ region: LOCAL_AWS.region, credentials: LOCAL_AWS, endpoint: inject('dynamodbEndpoint') });
  // As the functions' client (shared/aws/clients.ts): undefined attributes are left out, not refused.
  client = DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
});

afterAll(async () => {
  for (const table of tables) await dynamodb.send(new DeleteTableCommand({ TableName: table }));
  client.destroy();
});

/** A fresh table, and every adapter on it. */
async function makeAdapters(): Promise<ContractStores> {
  const tableName = `spire-contract-${run}-${tables.length}`;
  await ensureTable(dynamodb, tableName);
  tables.push(tableName);
  return {
    ideas: new DynamoIdeaStore(client, tableName),
    conversation: new DynamoConversationStore(client, tableName),
    work: new DynamoBackgroundWorkStore(client, tableName),
    pilots: new DynamoPilotStore(client, tableName),
    pipeline: new DynamoPipelineStore(client, tableName),
    notifications: new DynamoNotificationStore(client, tableName),
    strategy: new DynamoStrategyStore(client, tableName, FIRST_STRATEGY, 'readWrite'),
    suppressions: new DynamoMailSuppressionStore(client, tableName),
    rescoreJobs: new DynamoRescoreJobStore(client, tableName),
    similarity: new DynamoSimilarityIndex(client, tableName),
    usage: new DynamoUsageCounterStore(client, tableName),
    // A part the in-memory fakes made: not one of the adapters', so refused.
    foreignPart: (notification) => new InMemoryNotificationStore().creation(notification),
  };
}

describe('the store contract, against the DynamoDB adapters on DynamoDB Local', () => {
  storeContract(makeAdapters);
});

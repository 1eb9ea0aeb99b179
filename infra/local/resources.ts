/**
 * Creates the table and queues of infra/system.ts in the emulators, the way the CDK stack
 * creates them in AWS. Safe to run on every start: what exists is kept, with its data.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, SetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { QUEUES, SYSTEM, type QueueName } from '../system.ts';

export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const table = SYSTEM.table;
  const indexes = Object.values(table.indexes);
  const attributes = new Set<string>([table.partitionKey, table.sortKey, ...indexes.flatMap((index) => [index.partitionKey, index.sortKey])]);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: table.partitionKey, KeyType: 'HASH' },
        { AttributeName: table.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
    }),
  );
}

export interface LocalQueue {
  url: string;
  deadLetterUrl: string;
}

export interface QueueOptions {
  /** The emulator's address; queue URLs are given on it, as the SDK sends to a queue URL's own host. */
  endpoint: string;
  /** Prefix of every queue name, so several runtimes can share one emulator. */
  prefix: string;
  /** Shorter visibility timeouts make retries and dead-lettering observable in tests. */
  visibilityTimeoutSeconds?: number;
}

/** Creates each described queue with its dead-letter queue and redrive policy. */
export async function ensureQueues(client: SQSClient, options: QueueOptions): Promise<Record<QueueName, LocalQueue>> {
  const result = {} as Record<QueueName, LocalQueue>;
  for (const [name, queue] of Object.entries(QUEUES) as [QueueName, (typeof QUEUES)[QueueName]][]) {
    const deadLetterUrl = await createOrUpdateQueue(client, options.endpoint, `${options.prefix}${name}-dlq`, {
      MessageRetentionPeriod: String(queue.deadLetterRetentionDays * 86_400),
    });
    const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: deadLetterUrl, AttributeNames: ['QueueArn'] }));
    const attributes = {
      VisibilityTimeout: String(options.visibilityTimeoutSeconds ?? queue.visibilityTimeoutSeconds),
      MessageRetentionPeriod: String(queue.retentionDays * 86_400),
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes?.['QueueArn'], maxReceiveCount: queue.maxReceiveCount }),
    };
    const url = await createOrUpdateQueue(client, options.endpoint, `${options.prefix}${name}`, attributes);
    result[name] = { url, deadLetterUrl };
  }
  return result;
}

/** Creates a queue, or gives a queue kept from an earlier run today's attributes. */
async function createOrUpdateQueue(client: SQSClient, endpoint: string, name: string, attributes: Record<string, string>): Promise<string> {
  const created = await client.send(new CreateQueueCommand({ QueueName: name }));
  // The emulator names its queues `http://sqs.<region>.localhost:<port>/…`, a host that does not
  // resolve everywhere; the same path on the emulator's own address reaches the same queue.
  const url = new URL(new URL(created.QueueUrl as string).pathname, endpoint).toString();
  await client.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }));
  return url;
}

/**
 * The single DynamoDB table: its key schema and indexes. The CDK stack and the local runtime
 * both create the table from this description (via infra/system.ts), and ./entities.ts declares
 * every key that goes into it.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface IndexDescription {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** What the index is for, in one line. */
  purpose: string;
}

export const TABLE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Items with this attribute (epoch seconds) are deleted by DynamoDB's time to live. */
  timeToLiveAttribute: 'expiresAt',
  indexes: {
    byStatus: {
      name: 'GSI1',
      partitionKey: 'GSI1PK',
      sortKey: 'GSI1SK',
      purpose: 'ideas by status, oldest change first (sweeper; service level); work still pending (PENDING#merge, PENDING#notification)',
    },
    bySubmitter: {
      name: 'GSI2',
      partitionKey: 'GSI2PK',
      sortKey: 'GSI2SK',
      purpose: "a submitter's own ideas, newest first (sparse: anonymous ideas have no entry)",
    },
  },
} as const satisfies {
  partitionKey: string;
  sortKey: string;
  timeToLiveAttribute: string;
  indexes: Record<string, IndexDescription>;
};

/** What every DynamoDB adapter is built on: the document client and the table's name. */
export abstract class TableAdapter {
  protected readonly client: DynamoDBDocumentClient;
  protected readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }
}

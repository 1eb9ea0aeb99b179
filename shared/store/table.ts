/**
 * The single DynamoDB table: its key schema and indexes. The CDK stack and the local runtime
 * both create the table from this description (via infra/system.ts), and ./keys.ts builds
 * every key that goes into it.
 */
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

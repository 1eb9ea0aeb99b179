import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { pendingPartition } from './keys.ts';
import { TABLE } from './table.ts';

/**
 * Items of work still pending (merges, notifications) created before `before`, oldest first: one
 * Query of their list in the status index, which holds them only while they are pending.
 */
export async function queryPending(
  client: DynamoDBDocumentClient,
  tableName: string,
  kind: 'merge' | 'notification',
  before: string,
  limit: number,
): Promise<Record<string, unknown>[]> {
  const index = TABLE.indexes.byStatus;
  const result = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: index.name,
      KeyConditionExpression: '#pk = :pk AND #sk < :before',
      ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
      ExpressionAttributeValues: { ':pk': pendingPartition(kind), ':before': before },
      Limit: limit,
    }),
  );
  return result.Items ?? [];
}

/**
 * The development outbox: every e-mail the local runtime's SES accepted (./ses.ts), kept in the
 * runtime's table so that a developer and the tests can read exactly what a submitter or the team
 * would receive. GET /api/dev/outbox lists it (./dev-routes.ts). It exists only on a laptop: in
 * AWS, SES delivers the e-mail and Spire keeps no copy.
 *
 * Its items share the table with Spire's own, in a partition no production key starts with
 * (shared/store/entities.ts lists the table's layout):
 *
 * | item               | PK           | SK              |
 * |--------------------|--------------|-----------------|
 * | development outbox | `DEV_OUTBOX` | `<sent at>#<id>` |
 *
 * The runtime writes and reads them with its own DynamoDB client, outside any function's
 * invocation, so no function needs a grant for them.
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** An e-mail as the development outbox keeps it, and as GET /dev/outbox lists it. */
export interface OutboxMessage {
  /** The notification's id (the message's `notification` tag). */
  id: string;
  to: string;
  subject: string;
  text: string;
  /** The language the e-mail is written in (its Content-Language header). */
  language: string;
  /** When SES accepted it. */
  sentAt: string;
}

const DEV_OUTBOX_PARTITION = 'DEV_OUTBOX';

/** The key of one e-mail in the outbox: sorted by the moment it was sent. */
export const devOutboxKey = (sentAt: string, id: string) => ({ PK: DEV_OUTBOX_PARTITION, SK: `${sentAt}#${id}` });

/** The outbox in the local runtime's table. */
export class DevOutbox {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async record(message: OutboxMessage): Promise<void> {
    const { id, to, subject, text, language, sentAt } = message;
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...devOutboxKey(sentAt, id), type: 'outbox', id, to, subject, text, language, sentAt } }));
  }

  /** The newest messages first. */
  async list(limit: number): Promise<OutboxMessage[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': DEV_OUTBOX_PARTITION },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(({ id, to, subject, text, language, sentAt }) => ({ id, to, subject, text, language, sentAt }) as OutboxMessage);
  }
}

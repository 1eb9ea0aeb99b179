import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { normaliseMailAddress, type MailSuppression } from '../domain/mail-suppression.ts';
import { mailSuppressionKey } from './keys.ts';
import type { MailSuppressionStore } from './ports.ts';

const SUPPRESSION_FIELDS = ['address', 'reason', 'detail', 'at', 'feedbackId', 'notificationId'] as const;

/** The addresses SES reported undeliverable, one item each (see ./keys.ts): the DynamoDB adapter of MailSuppressionStore (./ports.ts). */
export class DynamoMailSuppressionStore implements MailSuppressionStore {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.client = client;
    this.tableName = tableName;
  }

  async suppress(suppression: MailSuppression): Promise<boolean> {
    const item = { ...mailSuppressionKey(suppression.address), type: 'mail-suppression', ...suppression, address: normaliseMailAddress(suppression.address) };
    try {
      // SQS delivers at least once and SES may report an address twice: the first report stands.
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async find(address: string): Promise<MailSuppression | undefined> {
    // Eventually consistent: a report that arrives a second before the next e-mail may miss it, and SES's own suppression list catches that one.
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: mailSuppressionKey(address) }));
    if (result.Item === undefined) return undefined;
    const suppression: Record<string, unknown> = {};
    for (const field of SUPPRESSION_FIELDS) if (result.Item[field] !== undefined) suppression[field] = result.Item[field];
    return suppression as unknown as MailSuppression;
  }
}

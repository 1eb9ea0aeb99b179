import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { MailSuppression } from '../domain/mail-suppression.ts';
import { mailSuppressionEntity } from './entities.ts';
import type { MailSuppressionStore } from './ports.ts';
import { TableAdapter } from './table.ts';

/** The addresses SES reported undeliverable, one item each (./entities.ts): the DynamoDB adapter of MailSuppressionStore (./ports.ts). */
export class DynamoMailSuppressionStore extends TableAdapter implements MailSuppressionStore {
  async suppress(suppression: MailSuppression): Promise<boolean> {
    const item = mailSuppressionEntity.toItem(suppression);
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
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: mailSuppressionEntity.key(address) }));
    return result.Item === undefined ? undefined : mailSuppressionEntity.fromItem(result.Item);
  }
}

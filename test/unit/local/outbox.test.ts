import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { devOutboxKey, DevOutbox, type OutboxMessage } from '../../../infra/local/outbox.ts';

const TABLE_NAME = 'spire-local';
const SENT_AT = '2026-01-05T08:31:04.000Z';
const NOTIFICATION_ID = '0b7c9d7e-3f0a-4f5e-9a51-6d1c2b3a4e5f.v2';

const ddbMock = mockClient(DynamoDBDocumentClient);
const outbox = new DevOutbox(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME);

afterEach(() => {
  ddbMock.reset();
});

const message: OutboxMessage = {
  id: NOTIFICATION_ID,
  to: 'birthe@spire.localhost',
  subject: 'Nyt om din idé: Færre dobbeltregistreringer på plejecentret',
  text: 'Hej Birthe Sørensen,\n\nDigitaliseringsteamet har fået din idé og vurderer den.',
  language: 'da',
  sentAt: SENT_AT,
};

describe('the development outbox', () => {
  it('keys an e-mail in its own partition, by the moment it was sent', () => {
    expect(devOutboxKey(SENT_AT, 'abc.v2')).toEqual({ PK: 'DEV_OUTBOX', SK: `${SENT_AT}#abc.v2` });
  });

  it('keeps a delivered e-mail in its own partition, in the order it was sent', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});

    // Act
    await outbox.record(message);

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(PutCommand, {
      TableName: TABLE_NAME,
      Item: { PK: 'DEV_OUTBOX', SK: `${SENT_AT}#${NOTIFICATION_ID}`, type: 'outbox', ...message },
    });
  });

  it('lists the newest e-mails first, with only what the e-mail said', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [{ PK: 'DEV_OUTBOX', SK: `${SENT_AT}#${NOTIFICATION_ID}`, type: 'outbox', ...message }] });

    // Act
    const messages = await outbox.list(20);

    // Assess
    expect(messages).toEqual([message]);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(QueryCommand, {
      TableName: TABLE_NAME,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': 'DEV_OUTBOX' },
      ScanIndexForward: false,
      Limit: 20,
    });
  });
});

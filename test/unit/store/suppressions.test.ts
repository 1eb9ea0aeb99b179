import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailSuppression } from '../../../shared/domain/mail-suppression.ts';
import { DynamoMailSuppressionStore } from '../../../shared/store/suppressions.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const store = new DynamoMailSuppressionStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME);

const BOUNCED: MailSuppression = {
  address: 'birthe.sorensen@kommune.example',
  reason: 'bounce',
  detail: 'General',
  at: '2026-01-05T08:31:04.669Z',
  feedbackId: '010001951f3c8a11-feedback',
  notificationId: 'idea-1.v2',
};

afterEach(() => {
  ddbMock.reset();
});

describe('DynamoMailSuppressionStore.suppress', () => {
  it('writes one item keyed on the normalised address, only if the address is not suppressed yet', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});

    // Act
    const created = await store.suppress({ ...BOUNCED, address: ' Birthe.Sorensen@Kommune.Example' });

    // Assess
    expect(created).toBe(true);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(PutCommand, {
      TableName: TABLE_NAME,
      Item: { PK: 'MAIL_SUPPRESSION#birthe.sorensen@kommune.example', SK: 'META', type: 'mail-suppression', ...BOUNCED },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  });

  it('keeps the first report when the address was suppressed before', async () => {
    // Prepare
    ddbMock.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const created = await store.suppress(BOUNCED);

    // Assess
    expect(created).toBe(false);
  });

  it('lets other errors through, so the event is retried', async () => {
    // Prepare
    ddbMock.on(PutCommand).rejects(new Error('network down'));

    // Act
    const result = store.suppress(BOUNCED);

    // Assess
    await expect(result).rejects.toThrow('network down');
  });
});

describe('DynamoMailSuppressionStore.find', () => {
  it('reads the item of the address in any case, and returns only the suppression’s fields', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: { PK: 'MAIL_SUPPRESSION#birthe.sorensen@kommune.example', SK: 'META', type: 'mail-suppression', ...BOUNCED } });

    // Act
    const found = await store.find('BIRTHE.SORENSEN@kommune.example');

    // Assess
    expect(found).toEqual(BOUNCED);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(GetCommand, { TableName: TABLE_NAME, Key: { PK: 'MAIL_SUPPRESSION#birthe.sorensen@kommune.example', SK: 'META' } });
  });

  it('returns undefined for an address that may be mailed', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});

    // Act
    const found = await store.find('anna@kommune.example');

    // Assess
    expect(found).toBeUndefined();
  });
});

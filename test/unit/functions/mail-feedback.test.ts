import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/mail-feedback.ts';
import { bounceEvent, complaintEvent, snsEnvelope } from '../../fixtures/ses-events.ts';
import { mailSuppressionEntity } from '../../../shared/store/entities.ts';
import { lambdaContext, sqsEvent, sqsRecord } from '../support/lambda.ts';
import { CREATE_ONLY } from '../support/table.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);

beforeEach(() => {
  ddbMock.on(PutCommand).resolves({});
});

afterEach(() => {
  ddbMock.reset();
});

describe('mail-feedback', () => {
  it('marks the address of a permanent bounce undeliverable in the table', async () => {
    // Act
    const result = await handler(sqsEvent(sqsRecord('msg-1', snsEnvelope(bounceEvent({ to: 'Birthe.Sorensen@kommune.example', notificationId: 'idea-1.v2' })))), lambdaContext('spire-mail-feedback'));

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(PutCommand, {
      TableName: 'spire-unit',
      Item: expect.objectContaining({
        ...mailSuppressionEntity.key('birthe.sorensen@kommune.example'),
        address: 'birthe.sorensen@kommune.example',
        reason: 'bounce',
        detail: 'General',
        notificationId: 'idea-1.v2',
      }),
      ConditionExpression: CREATE_ONLY,
    });
  });

  it('marks the address of a complaint undeliverable', async () => {
    // Act
    await handler(sqsEvent(sqsRecord('msg-1', snsEnvelope(complaintEvent({ to: 'anna@kommune.example' })))), lambdaContext());

    // Assess
    expect(ddbMock).toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ ...mailSuppressionEntity.key('anna@kommune.example'), reason: 'complaint' }) });
  });

  it('writes nothing for a transient bounce', async () => {
    // Act
    const result = await handler(sqsEvent(sqsRecord('msg-1', snsEnvelope(bounceEvent({ to: 'anna@kommune.example', bounceType: 'Transient', bounceSubType: 'MailboxFull' })))), lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('succeeds when the address was marked before: SQS and SES may both repeat themselves', async () => {
    // Prepare
    ddbMock.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const result = await handler(sqsEvent(sqsRecord('msg-1', snsEnvelope(bounceEvent({ to: 'anna@kommune.example' })))), lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
  });

  it('fails only the record that cannot be parsed, and the one the table refused, so they are retried and then dead-lettered', async () => {
    // Prepare
    ddbMock.on(PutCommand, { Item: mailSuppressionEntity.key('bent@kommune.example') }).rejects(new Error('ProvisionedThroughputExceededException'));

    // Act
    const result = await handler(
      sqsEvent(
        sqsRecord('msg-good', snsEnvelope(bounceEvent({ to: 'anna@kommune.example' }))),
        sqsRecord('msg-bad', JSON.stringify(bounceEvent({ to: 'carl@kommune.example' }))),
        sqsRecord('msg-refused', snsEnvelope(complaintEvent({ to: 'bent@kommune.example' }))),
      ),
      lambdaContext(),
    );

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-bad' }, { itemIdentifier: 'msg-refused' }] });
    expect(ddbMock).toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining(mailSuppressionEntity.key('anna@kommune.example')) });
  });
});

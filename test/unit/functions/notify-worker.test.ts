import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../../functions/notify-worker.ts';
import { notificationEntity } from '../../../shared/store/entities.ts';
import type { StoredNotification } from '../../../shared/store/ports.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { aNotification, IDEA_ID, SUBMITTER_EMAIL } from '../support/ideas.ts';
import { lambdaContext, sqsEvent, sqsRecord } from '../support/lambda.ts';
import { givenNotification, givenSuppression } from '../support/table.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);
const sesMock = mockClient(SESv2Client);

const NOW = '2026-01-05T08:31:04.000Z';
const NOTIFICATION_ID = `${IDEA_ID}.v2`;

let sideEffects: string[];

const message = (notificationId: string) => JSON.stringify({ notificationId });

/** Taking a notification off the status index's list of pending work. */
const OFF_THE_PENDING_LIST = `REMOVE ${TABLE.indexes.byStatus.partitionKey}, ${TABLE.indexes.byStatus.sortKey}`;

function stored(notification: StoredNotification, extra: Partial<StoredNotification> = {}) {
  givenNotification(ddbMock, notification, extra);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  sideEffects = [];
  ddbMock.on(GetCommand).resolves({});
  ddbMock.on(UpdateCommand).callsFake(() => {
    sideEffects.push('markSent');
    return {};
  });
  sesMock.on(SendEmailCommand).callsFake(() => {
    sideEffects.push('send');
    return { MessageId: '0100018c-example' };
  });
  stored(aNotification());
});

afterEach(() => {
  vi.useRealTimers();
  ddbMock.reset();
  sesMock.reset();
});

describe('notify-worker', () => {
  it('e-mails the stored notification by SES from the configured sender, in UTF-8', async () => {
    // Act
    const result = await handler(sqsEvent(sqsRecord('msg-1', message(NOTIFICATION_ID))), lambdaContext('spire-notify-worker'));

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(sesMock).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    expect(sesMock.commandCalls(SendEmailCommand)[0]?.args[0].input).toMatchObject({
      FromEmailAddress: 'spire@kommune.example',
      ConfigurationSetName: 'spire-unit-mail',
      Destination: { ToAddresses: [SUBMITTER_EMAIL] },
      Content: {
        Simple: {
          Subject: { Data: 'Nyt om din idé: Færre dobbeltregistreringer på plejecentret', Charset: 'UTF-8' },
          Body: { Text: { Data: aNotification().text, Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('marks the notification sent, and only after SES took it', async () => {
    // Act
    await handler(sqsEvent(sqsRecord('msg-1', message(NOTIFICATION_ID))), lambdaContext());

    // Assess
    expect(sideEffects).toEqual(['send', 'markSent']);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, {
      Key: notificationEntity.key(NOTIFICATION_ID),
      UpdateExpression: `SET sentAt = :at ${OFF_THE_PENDING_LIST}`,
      ExpressionAttributeValues: { ':at': NOW },
    });
  });

  it('sends a notification marked sent before no second time: SQS delivers at least once', async () => {
    // Prepare
    stored(aNotification(), { sentAt: '2026-01-05T08:31:02.000Z' });

    // Act
    const result = await handler(sqsEvent(sqsRecord('msg-1', message(NOTIFICATION_ID))), lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(sesMock).not.toHaveReceivedAnyCommand();
    expect(ddbMock).not.toHaveReceivedCommand(UpdateCommand);
  });

  it('does not mail an address SES reported undeliverable, and marks the notification not sent for that reason', async () => {
    // Prepare
    givenSuppression(ddbMock, { address: SUBMITTER_EMAIL.toLowerCase(), reason: 'bounce', detail: 'General', at: NOW, feedbackId: 'feedback-1' });

    // Act
    const result = await handler(sqsEvent(sqsRecord('msg-1', message(NOTIFICATION_ID))), lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(sesMock).not.toHaveReceivedAnyCommand();
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, {
      Key: notificationEntity.key(NOTIFICATION_ID),
      UpdateExpression: `SET notSentAt = :at, notSentReason = :reason ${OFF_THE_PENDING_LIST}`,
      ExpressionAttributeValues: { ':at': NOW, ':reason': 'address-bounced' },
    });
  });

  it('drops a message for a notification that is not stored, without failing it', async () => {
    // Act
    const result = await handler(sqsEvent(sqsRecord('msg-1', message('gone.v9'))), lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(sesMock).not.toHaveReceivedAnyCommand();
  });

  it('fails only the record SES refused, leaving it pending, so it is retried and then dead-lettered', async () => {
    // Prepare
    stored(aNotification({ id: `${IDEA_ID}.v3` }));
    sesMock
      .on(SendEmailCommand, { Destination: { ToAddresses: [SUBMITTER_EMAIL] }, EmailTags: [{ Name: 'notification', Value: `${IDEA_ID}.v3` }] })
      .rejects(Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' }));

    // Act
    const result = await handler(sqsEvent(sqsRecord('msg-1', message(NOTIFICATION_ID)), sqsRecord('msg-2', message(`${IDEA_ID}.v3`))), lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-2' }] });
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, { Key: notificationEntity.key(NOTIFICATION_ID) });
  });

  it.each([
    ['not JSON', '{"notificationId": '],
    ['no notification id', '{}'],
    ['extra fields', JSON.stringify({ notificationId: NOTIFICATION_ID, to: 'someone@example.com' })],
    ['an empty id', JSON.stringify({ notificationId: '' })],
  ])('fails a message that is %s, and sends nothing for it', async (_case, body) => {
    // Act
    const result = await handler(sqsEvent(sqsRecord('msg-bad', body)), lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-bad' }] });
    expect(sesMock).not.toHaveReceivedAnyCommand();
  });
});

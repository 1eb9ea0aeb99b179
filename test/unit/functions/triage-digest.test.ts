import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../../functions/triage-digest.ts';
import { ideaEntity, notificationEntity } from '../../../shared/store/entities.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { anIdeaInTriage, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';
import { lambdaContext, scheduledEvent } from '../support/lambda.ts';
import { CREATE_ONLY, itemOf } from '../support/table.ts';

const STATUS_INDEX = TABLE.indexes.byStatus;
/** On the status index's list of pending notifications, where the sweeper finds what was never sent. */
const PENDING = { [STATUS_INDEX.partitionKey]: notificationEntity.pendingBefore(new Date().toISOString()).partition };

const ddbMock = mockClient(DynamoDBDocumentClient);
const sqsMock = mockClient(SQSClient);

/** 07:00 in Copenhagen on 20 January 2026: 15 days after the test ideas reached triage. */
const NOW = '2026-01-20T06:00:00.000Z';
/** 14 days, the default service level, before NOW. */
const OVERDUE_BEFORE = '2026-01-06T06:00:00.000Z';
const NOTIFY_QUEUE_URL = 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-notify';
const TEAM = 'digitalisering@kommune.example';

let sideEffects: string[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  sideEffects = [];
  ddbMock.on(QueryCommand).resolves({ Items: [] });
  ddbMock.on(PutCommand).callsFake(() => {
    sideEffects.push('store');
    return {};
  });
  sqsMock.on(SendMessageBatchCommand).callsFake(() => {
    sideEffects.push('queue');
    return { Successful: [{ Id: '0', MessageId: 'm-1', MD5OfMessageBody: 'x' }], Failed: [] };
  });
});

afterEach(() => {
  vi.useRealTimers();
  ddbMock.reset();
  sqsMock.reset();
});

const overdue = [anIdeaInTriage(), anIdeaInTriage({ id: OTHER_IDEA_ID, title: 'Bøvl med nøglebokse', department: 'Teknik og miljø', statusChangedAt: '2026-01-02T06:00:00.000Z' })];

function storedDigest(): Record<string, unknown> {
  const calls = ddbMock.commandCalls(PutCommand);
  expect(calls).toHaveLength(1);
  return calls[0]?.args[0].input.Item ?? {};
}

describe('triage-digest', () => {
  it('reads only the overdue end of the in_triage list of the status index', async () => {
    // Act
    await handler(scheduledEvent(), lambdaContext('spire-triage-digest'));

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(QueryCommand, {
      IndexName: STATUS_INDEX.name,
      KeyConditionExpression: '#pk = :pk AND #sk < :sk',
      ExpressionAttributeValues: { ':pk': ideaEntity.inStatus('in_triage').partition, ':sk': OVERDUE_BEFORE },
      Limit: 200,
    });
  });

  it('stores one digest of the day for the team’s address, in Danish, then queues it', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: overdue.map(itemOf.idea) });

    // Act
    const report = await handler(scheduledEvent(), lambdaContext());

    // Assess
    expect(report).toEqual({ overdue: 2, notificationId: 'digest.2026-01-20' });
    const digest = storedDigest();
    expect(digest).toMatchObject({
      ...notificationEntity.key('digest.2026-01-20'),
      ...PENDING,
      type: 'notification',
      kind: 'triage-digest',
      to: TEAM,
      language: 'da',
      subject: '2 idéer har ventet mere end 14 dage på en vurdering',
    });
    expect(digest['text']).toContain(`- Færre dobbeltregistreringer på plejecentret (Ældre og sundhed): 14,9 dage — ${IDEA_ID}`);
    expect(digest['text']).toContain(`- Bøvl med nøglebokse (Teknik og miljø): 18 dage — ${OTHER_IDEA_ID}`);
    expect(ddbMock.commandCalls(PutCommand)[0]?.args[0].input.ConditionExpression).toBe(CREATE_ONLY);
    expect(sideEffects).toEqual(['store', 'queue']);
    expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageBatchCommand, {
      QueueUrl: NOTIFY_QUEUE_URL,
      Entries: [{ Id: '0', MessageBody: JSON.stringify({ notificationId: 'digest.2026-01-20' }) }],
    });
  });

  it('names the day of the digest as it is in Copenhagen', async () => {
    // Prepare: 00:30 on 21 January in Copenhagen is still 20 January in UTC.
    vi.setSystemTime(new Date('2026-01-20T23:30:00.000Z'));
    ddbMock.on(QueryCommand).resolves({ Items: [itemOf.idea(overdue[0]!)] });

    // Act
    const report = await handler(scheduledEvent(), lambdaContext());

    // Assess
    expect(report).toEqual({ overdue: 1, notificationId: 'digest.2026-01-21' });
    expect(storedDigest()['subject']).toBe('1 idé har ventet mere end 14 dage på en vurdering');
  });

  it('stores no second digest on a second run the same day, and queues the one stored', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: overdue.map(itemOf.idea) });
    ddbMock.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const report = await handler(scheduledEvent(), lambdaContext());

    // Assess
    expect(report).toEqual({ overdue: 2, notificationId: 'digest.2026-01-20' });
    expect(sqsMock).toHaveReceivedCommandTimes(SendMessageBatchCommand, 1);
  });

  it('sends nothing on a day nothing is overdue', async () => {
    // Act
    const report = await handler(scheduledEvent(), lambdaContext());

    // Assess
    expect(report).toEqual({ overdue: 0 });
    expect(ddbMock).not.toHaveReceivedCommand(PutCommand);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('still reports the digest when the queue is down: it stays pending for the sweeper', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: overdue.map(itemOf.idea) });
    sqsMock.on(SendMessageBatchCommand).rejects(new Error('connect ETIMEDOUT'));

    // Act
    const report = await handler(scheduledEvent(), lambdaContext());

    // Assess
    expect(report).toEqual({ overdue: 2, notificationId: 'digest.2026-01-20' });
    expect(storedDigest()).toMatchObject(PENDING);
  });
});

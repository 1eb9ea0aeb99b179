import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../../functions/sweeper.ts';
import type { Idea } from '../../../shared/domain/idea.ts';
import { ideaEntity, mergeEntity, notificationEntity, supporterEntity } from '../../../shared/store/entities.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { anIdea, anIdeaInTriage, aNotification, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';
import { lambdaContext, scheduledEvent } from '../support/lambda.ts';
import { mockDeploymentSecret } from '../support/secret.ts';
import { givenIdeas, givenQuery, givenSupporters, itemOf, keyOf, partitionOf, queryValues, transactions } from '../support/table.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);
const sqsMock = mockClient(SQSClient);
mockDeploymentSecret();

const NOW = new Date('2026-01-05T12:00:00.000Z');
/** Two minutes before NOW: work older than this is left over, not still in progress. */
const CUT_OFF = '2026-01-05T11:58:00.000Z';
const INTAKE_QUEUE_URL = 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-intake';
const NOTIFY_QUEUE_URL = 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-notify';

/** The ideas stuck in submitted, as the status index lists them. */
function stuck(...ideas: Idea[]) {
  givenQuery(ddbMock, ideaEntity.inStatus('submitted', { below: CUT_OFF }), ideas.map(itemOf.idea));
}

/** The status index's list of the notifications, or the merges, pending since before the cut-off. */
const pendingList = (kind: 'notification' | 'merge') => (kind === 'notification' ? notificationEntity : mergeEntity).pendingBefore(CUT_OFF);

/** Notifications and merges still pending, as the status index lists them. */
function pending(kind: 'notification' | 'merge', ...items: Record<string, unknown>[]) {
  givenQuery(ddbMock, pendingList(kind), items);
}

function pendingNotification(id: string, requeues?: number): Record<string, unknown> {
  return itemOf.notification(aNotification({ id }), requeues === undefined ? {} : { requeues });
}

/** A merge of IDEA_ID into OTHER_IDEA_ID, left pending. */
const pendingMerge = () => itemOf.merge(IDEA_ID, OTHER_IDEA_ID, '2026-01-05T11:00:00.000Z');

const noWork = { notificationsRequeued: 0, notificationsAbandoned: 0, mergesFinished: 0 };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  ddbMock.on(QueryCommand).resolves({ Items: [] });
  ddbMock.on(UpdateCommand).resolves({});
  sqsMock.on(SendMessageBatchCommand).resolves({ Failed: [] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  // A test that loaded the sweeper afresh under its own SPIRE_SWEEPER_BATCH_LIMIT leaves no module of it behind.
  vi.resetModules();
  ddbMock.reset();
  sqsMock.reset();
});

describe('sweeper', () => {
  it('looks for ideas in submitted for longer than two minutes, by default', async () => {
    // Act
    await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: TABLE.indexes.byStatus.name,
      KeyConditionExpression: '#pk = :pk AND #sk < :sk',
      ExpressionAttributeValues: { ':pk': ideaEntity.inStatus('submitted').partition, ':sk': '2026-01-05T11:58:00.000Z' },
      Limit: 500,
    });
  });

  it('re-queues stuck ideas, counts the re-queues, and reports what it did', async () => {
    // Prepare
    stuck(anIdea(), anIdea({ id: OTHER_IDEA_ID, requeueCount: 1 }));

    // Act
    const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(report).toEqual({ found: 2, requeued: 2, givenUp: 0, failed: 0, ...noWork });
    expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageBatchCommand, {
      QueueUrl: INTAKE_QUEUE_URL,
      Entries: [
        { Id: '0', MessageBody: JSON.stringify({ ideaId: IDEA_ID }) },
        { Id: '1', MessageBody: JSON.stringify({ ideaId: OTHER_IDEA_ID }) },
      ],
    });
    expect(ddbMock).toHaveReceivedCommandTimes(UpdateCommand, 2);
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, { Key: ideaEntity.key(OTHER_IDEA_ID), ExpressionAttributeValues: { ':next': 2, ':status': 'submitted', ':version': 1 } });
  });

  it('gives up on an idea after five re-queues, by default', async () => {
    // Prepare
    stuck(anIdea({ requeueCount: 5 }), anIdea({ id: OTHER_IDEA_ID, requeueCount: 4 }));

    // Act
    const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(report).toEqual({ found: 2, requeued: 1, givenUp: 1, failed: 0, ...noWork });
    expect(sqsMock).toHaveReceivedCommandWith(SendMessageBatchCommand, { Entries: [{ Id: '0', MessageBody: JSON.stringify({ ideaId: OTHER_IDEA_ID }) }] });
    const [idea, event] = transactions(ddbMock)[0] ?? [];
    expect(idea?.Put).toMatchObject({
      Item: { id: IDEA_ID, status: 'submitted', version: 2, intakeAbandonedAt: NOW.toISOString(), [TABLE.indexes.byStatus.partitionKey]: ideaEntity.statusList(anIdea({ intakeAbandonedAt: NOW.toISOString() })) },
      ConditionExpression: '#version = :expected AND #status = :from',
    });
    expect(event?.Put?.Item).toMatchObject({ change: 'intake_abandoned', actor: { kind: 'system' } });
  });

  it('reads as many stuck ideas in one run as SPIRE_SWEEPER_BATCH_LIMIT says', async () => {
    // Prepare
    vi.stubEnv('SPIRE_SWEEPER_BATCH_LIMIT', '20');
    vi.resetModules();
    const { handler: limited } = await import('../../../functions/sweeper.ts');

    // Act
    await limited(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { ExpressionAttributeValues: queryValues(ideaEntity.inStatus('submitted', { below: CUT_OFF })), Limit: 20 });
  });

  it('reports sends SQS refused, and does not count them', async () => {
    // Prepare
    stuck(anIdea(), anIdea({ id: OTHER_IDEA_ID }));
    sqsMock.on(SendMessageBatchCommand).resolves({ Failed: [{ Id: '0', SenderFault: false, Code: 'ServiceUnavailable' }] });

    // Act
    const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(report).toEqual({ found: 2, requeued: 1, failed: 1, givenUp: 0, ...noWork });
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, { Key: ideaEntity.key(OTHER_IDEA_ID) });
  });

  it('sends nothing when nothing is stuck or pending', async () => {
    // Act
    const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(report).toEqual({ found: 0, requeued: 0, givenUp: 0, failed: 0, ...noWork });
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  describe('pending work', () => {
    it('looks for notifications and merges pending for longer than two minutes, each with one Query of its list', async () => {
      // Act
      await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

      // Assess
      for (const kind of ['notification', 'merge'] as const) {
        expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
          IndexName: TABLE.indexes.byStatus.name,
          KeyConditionExpression: '#pk = :pk AND #sk < :sk',
          ExpressionAttributeValues: { ':pk': pendingList(kind).partition, ':sk': CUT_OFF },
          Limit: 500,
        });
      }
      // The fourth reads the pipeline counters, for the triage backlog metric (test/unit/metrics.test.ts).
      expect(ddbMock).toHaveReceivedCommandTimes(QueryCommand, 4);
    });

    it('queues notifications never delivered again on the notify queue, and counts each re-queue', async () => {
      // Prepare
      pending('notification', pendingNotification(`${IDEA_ID}.v2`), pendingNotification(`${OTHER_IDEA_ID}.v3`, 1));

      // Act
      const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

      // Assess
      expect(report).toMatchObject({ notificationsRequeued: 2, notificationsAbandoned: 0 });
      expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageBatchCommand, {
        QueueUrl: NOTIFY_QUEUE_URL,
        Entries: [
          { Id: '0', MessageBody: JSON.stringify({ notificationId: `${IDEA_ID}.v2` }) },
          { Id: '1', MessageBody: JSON.stringify({ notificationId: `${OTHER_IDEA_ID}.v3` }) },
        ],
      });
      expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, { Key: notificationEntity.key(`${IDEA_ID}.v2`), UpdateExpression: 'ADD requeues :one' });
      expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, { Key: notificationEntity.key(`${OTHER_IDEA_ID}.v3`), UpdateExpression: 'ADD requeues :one' });
    });

    it('does not count a notification SQS refused as re-queued', async () => {
      // Prepare
      pending('notification', pendingNotification(`${IDEA_ID}.v2`), pendingNotification(`${OTHER_IDEA_ID}.v3`));
      sqsMock.on(SendMessageBatchCommand, { QueueUrl: NOTIFY_QUEUE_URL }).resolves({ Failed: [{ Id: '1', SenderFault: false, Code: 'ServiceUnavailable' }] });

      // Act
      const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

      // Assess
      expect(report).toMatchObject({ notificationsRequeued: 1 });
      expect(ddbMock).toHaveReceivedCommandTimes(UpdateCommand, 1);
      expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, { Key: notificationEntity.key(`${IDEA_ID}.v2`) });
    });

    it('gives up on a notification after five re-queues, by default, taking it off the pending list', async () => {
      // Prepare
      pending('notification', pendingNotification(`${IDEA_ID}.v2`, 5), pendingNotification(`${OTHER_IDEA_ID}.v3`, 4));

      // Act
      const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

      // Assess
      expect(report).toMatchObject({ notificationsRequeued: 1, notificationsAbandoned: 1 });
      expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageBatchCommand, { Entries: [{ Id: '0', MessageBody: JSON.stringify({ notificationId: `${OTHER_IDEA_ID}.v3` }) }] });
      expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, {
        Key: notificationEntity.key(`${IDEA_ID}.v2`),
        UpdateExpression: `SET abandonedAt = :at REMOVE ${TABLE.indexes.byStatus.partitionKey}, ${TABLE.indexes.byStatus.sortKey}`,
        ExpressionAttributeValues: { ':at': NOW.toISOString() },
      });
    });

    it('keeps notifications pending and still finishes merges when the notify queue cannot be reached', async () => {
      // Prepare
      pending('notification', pendingNotification(`${IDEA_ID}.v2`));
      pending('merge', pendingMerge());
      sqsMock.on(SendMessageBatchCommand, { QueueUrl: NOTIFY_QUEUE_URL }).rejects(new Error('connect ETIMEDOUT'));
      ddbMock.on(GetCommand).resolves({});
      ddbMock.on(DeleteCommand).resolves({});

      // Act
      const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

      // Assess
      expect(report).toMatchObject({ notificationsRequeued: 0, mergesFinished: 1 });
      expect(ddbMock).not.toHaveReceivedCommand(UpdateCommand);
      expect(ddbMock).toHaveReceivedCommandWith(DeleteCommand, { Key: mergeEntity.key(IDEA_ID) });
    });

    it('still finishes merges when the intake queue cannot be reached, and then reports the failure', async () => {
      // Prepare
      stuck(anIdea({ status: 'submitted', createdAt: '2026-01-05T11:00:00.000Z', statusChangedAt: '2026-01-05T11:00:00.000Z' }));
      pending('merge', pendingMerge());
      sqsMock.on(SendMessageBatchCommand, { QueueUrl: INTAKE_QUEUE_URL }).rejects(new Error('connect ETIMEDOUT'));
      ddbMock.on(GetCommand).resolves({});
      ddbMock.on(DeleteCommand).resolves({});

      // Act
      const run = handler(scheduledEvent(), lambdaContext('spire-sweeper'));

      // Assess
      await expect(run).rejects.toThrow('connect ETIMEDOUT');
      expect(ddbMock).toHaveReceivedCommandWith(DeleteCommand, { Key: mergeEntity.key(IDEA_ID) });
    });

    it('finishes a merge left half done: carries the merged idea’s supporters and submitter over, then marks it done', async () => {
      // Prepare
      pending('merge', pendingMerge());
      givenSupporters(ddbMock, IDEA_ID, ['a'.repeat(64)]);
      givenIdeas(ddbMock, anIdeaInTriage({ status: 'duplicate', version: 3 }));
      ddbMock.on(TransactWriteCommand).resolves({});
      ddbMock.on(DeleteCommand).resolves({});

      // Act
      const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

      // Assess
      expect(report).toMatchObject({ mergesFinished: 1 });
      const supporters = ddbMock.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems?.[0]?.Put?.Item);
      expect(supporters).toHaveLength(2);
      expect(supporters.every((item) => partitionOf(item) === ideaEntity.wholePartition(OTHER_IDEA_ID).partition)).toBe(true);
      expect(supporters.map(keyOf)).toContainEqual(supporterEntity.key(OTHER_IDEA_ID, 'a'.repeat(64)));
      expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(DeleteCommand, { Key: mergeEntity.key(IDEA_ID) });
    });
  });
});

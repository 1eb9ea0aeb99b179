import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../../functions/sweeper.ts';
import { anIdea, IDEA_ID, ideaItem, OTHER_IDEA_ID } from '../support/ideas.ts';
import { lambdaContext, scheduledEvent } from '../support/lambda.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);
const sqsMock = mockClient(SQSClient);

const NOW = new Date('2026-01-05T12:00:00.000Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  ddbMock.on(UpdateCommand).resolves({});
  sqsMock.on(SendMessageBatchCommand).resolves({ Failed: [] });
});

afterEach(() => {
  vi.useRealTimers();
  ddbMock.reset();
  sqsMock.reset();
});

describe('sweeper', () => {
  it('looks for ideas in submitted for longer than two minutes, by default', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI1',
      ExpressionAttributeValues: { ':pk': 'STATUS#submitted', ':before': '2026-01-05T11:58:00.000Z' },
      Limit: 500,
    });
  });

  it('re-queues stuck ideas, counts the re-queues, and reports what it did', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [ideaItem(anIdea()), ideaItem(anIdea({ id: OTHER_IDEA_ID, requeueCount: 1 }))] });

    // Act
    const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(report).toEqual({ found: 2, requeued: 2, givenUp: 0, failed: 0 });
    expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageBatchCommand, {
      Entries: [
        { Id: '0', MessageBody: JSON.stringify({ ideaId: IDEA_ID }) },
        { Id: '1', MessageBody: JSON.stringify({ ideaId: OTHER_IDEA_ID }) },
      ],
    });
    expect(ddbMock).toHaveReceivedCommandTimes(UpdateCommand, 2);
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, { Key: { PK: `IDEA#${OTHER_IDEA_ID}`, SK: 'META' }, ExpressionAttributeValues: { ':next': 2, ':status': 'submitted', ':version': 1 } });
  });

  it('gives up on an idea after five re-queues, by default', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [ideaItem(anIdea({ requeueCount: 5 })), ideaItem(anIdea({ id: OTHER_IDEA_ID, requeueCount: 4 }))] });

    // Act
    const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(report).toEqual({ found: 2, requeued: 1, givenUp: 1, failed: 0 });
    expect(sqsMock).toHaveReceivedCommandWith(SendMessageBatchCommand, { Entries: [{ Id: '0', MessageBody: JSON.stringify({ ideaId: OTHER_IDEA_ID }) }] });
  });

  it('reports sends SQS refused, and does not count them', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [ideaItem(anIdea()), ideaItem(anIdea({ id: OTHER_IDEA_ID }))] });
    sqsMock.on(SendMessageBatchCommand).resolves({ Failed: [{ Id: '0', SenderFault: false, Code: 'ServiceUnavailable' }] });

    // Act
    const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(report).toEqual({ found: 2, requeued: 1, failed: 1, givenUp: 0 });
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, { Key: { PK: `IDEA#${OTHER_IDEA_ID}`, SK: 'META' } });
  });

  it('sends nothing when nothing is stuck', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    const report = await handler(scheduledEvent(), lambdaContext('spire-sweeper'));

    // Assess
    expect(report).toEqual({ found: 0, requeued: 0, givenUp: 0, failed: 0 });
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });
});

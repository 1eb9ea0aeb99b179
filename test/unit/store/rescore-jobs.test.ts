import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoRescoreJobStore } from '../../../shared/store/rescore-jobs.ts';
import { rescoreProgress } from '../../../shared/domain/rescore.ts';

const TABLE_NAME = 'spire-unit';
const JOB_ID = '20261122T100000000Z-0000abcd';
const KEY = { PK: 'RESCORE', SK: `JOB#${JOB_ID}` };
const AT = '2026-11-22T10:00:00.000Z';
const ddbMock = mockClient(DynamoDBDocumentClient);
const store = new DynamoRescoreJobStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), TABLE_NAME);

afterEach(() => {
  ddbMock.reset();
});

describe('DynamoRescoreJobStore', () => {
  it('creates a job once, with nothing queued', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});

    // Act
    await store.create({ id: JOB_ID, strategyVersion: 3, startedAt: AT, startedBy: 'ulla' });

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(PutCommand, {
      TableName: TABLE_NAME,
      Item: { ...KEY, type: 'rescore-job', id: JOB_ID, strategyVersion: 3, startedAt: AT, startedBy: 'ulla', pagesQueued: 0, ideasQueued: 0 },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  });

  it('adds what was queued to the counts, and marks pages done as a set, so a page done twice counts once', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    await store.addQueued(JOB_ID, 10, 250);
    await store.markPageDone(JOB_ID, 4);

    // Assess
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, { Key: KEY, UpdateExpression: 'ADD pagesQueued :pages, ideasQueued :ideas', ExpressionAttributeValues: { ':pages': 10, ':ideas': 250 } });
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, { Key: KEY, UpdateExpression: 'ADD donePages :page', ExpressionAttributeValues: { ':page': new Set([4]) } });
  });

  it('keeps the first moment a job was found superseded', async () => {
    ddbMock.on(UpdateCommand).resolves({});

    await store.markSuperseded(JOB_ID, AT);

    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, { Key: KEY, UpdateExpression: 'SET supersededAt = if_not_exists(supersededAt, :at)', ExpressionAttributeValues: { ':at': AT } });
  });

  it('reads a job with the number of its pages done', async () => {
    // Prepare
    ddbMock.on(GetCommand, { Key: KEY }).resolves({
      Item: { ...KEY, type: 'rescore-job', id: JOB_ID, strategyVersion: 3, startedAt: AT, startedBy: 'ulla', pagesQueued: 3, ideasQueued: 60, queuedAt: AT, donePages: new Set([0, 2]) },
    });

    // Act
    const job = await store.get(JOB_ID);

    // Assess
    expect(job).toEqual({ id: JOB_ID, strategyVersion: 3, startedAt: AT, startedBy: 'ulla', pagesQueued: 3, ideasQueued: 60, queuedAt: AT, pagesDone: 2 });
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, { ConsistentRead: true });
    expect(rescoreProgress(job as NonNullable<typeof job>).status).toBe('running');
  });
});

describe('rescoreProgress', () => {
  const job = { id: JOB_ID, strategyVersion: 3, startedAt: AT, startedBy: 'ulla', pagesQueued: 2, ideasQueued: 40, pagesDone: 0 };

  it('is queueing until every page is queued, running until every page is done, then done', () => {
    expect(rescoreProgress({ ...job, pagesDone: 2 }).status).toBe('queueing');
    expect(rescoreProgress({ ...job, queuedAt: AT, pagesDone: 1 }).status).toBe('running');
    expect(rescoreProgress({ ...job, queuedAt: AT, pagesDone: 2 }).status).toBe('done');
  });

  it('is superseded once a worker found a newer strategy version', () => {
    expect(rescoreProgress({ ...job, queuedAt: AT, supersededAt: AT }).status).toBe('superseded');
  });
});

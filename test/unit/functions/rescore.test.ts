import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler as rescoreWorker } from '../../../functions/rescore-worker.ts';
import { handler as getRescoreProgress } from '../../../functions/get-rescore-progress.ts';
import { handler as startRescore } from '../../../functions/start-rescore.ts';
import { ideaEntity, rescoreJobEntity } from '../../../shared/store/entities.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { anIdea, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';
import { bodyOf, directorClaims, employeeClaims, httpEvent, lambdaContext, sqsEvent, sqsRecord, triageClaims } from '../support/lambda.ts';
import { aStrategy } from '../support/strategy.ts';
import { givenStrategies, itemOf } from '../support/table.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);
const sqsMock = mockClient(SQSClient);
const adminClaims = employeeClaims('a1-admin', { roles: '[admin]' });
const strategy = { ...aStrategy(), version: 2, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'admin' };
const STATUS_INDEX = TABLE.indexes.byStatus;
const JOB_ID = '20261122T100000000Z-0000abcd';

beforeEach(() => {
  ddbMock.on(QueryCommand, { IndexName: STATUS_INDEX.name }).resolves({ Items: [] });
  givenStrategies(ddbMock, strategy);
  ddbMock.on(TransactWriteCommand).resolves({});
  ddbMock.on(PutCommand).resolves({});
  ddbMock.on(UpdateCommand).resolves({});
  sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [] });
});

afterEach(() => {
  ddbMock.reset();
  sqsMock.reset();
});

describe('POST /console/strategy/rescore (start-rescore)', () => {
  it('queues the ids of the undecided ideas and answers 202 with the job’s progress', async () => {
    // Prepare
    ddbMock.on(QueryCommand, { IndexName: STATUS_INDEX.name, ExpressionAttributeValues: { ':pk': ideaEntity.inStatus('in_triage').partition } }).resolves({ Items: [{ id: IDEA_ID }] });
    ddbMock.on(QueryCommand, { IndexName: STATUS_INDEX.name, ExpressionAttributeValues: { ':pk': ideaEntity.inStatus('parked').partition } }).resolves({ Items: [{ id: OTHER_IDEA_ID }] });

    // Act
    const response = await startRescore(httpEvent({ method: 'POST', path: '/console/strategy/rescore', claims: adminClaims }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(202);
    const body = bodyOf(response);
    expect(body).toEqual({ jobId: body['jobId'], strategyVersion: 2, status: 'running', pagesQueued: 1, ideasQueued: 2, pagesDone: 0, statuses: ['in_triage', 'needs_info', 'parked'] });
    const entries = sqsMock.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.Entries ?? [];
    expect(entries.map((entry) => JSON.parse(entry.MessageBody as string))).toEqual([{ jobId: body['jobId'], strategyVersion: 2, page: 0, ideaIds: [IDEA_ID, OTHER_IDEA_ID] }]);
    // The ids alone (and the keys a cursor is made of).
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: STATUS_INDEX.name,
      ProjectionExpression: expect.stringMatching(/^#p0(, #p\d+)*$/),
      ExpressionAttributeNames: expect.objectContaining({ '#pk': STATUS_INDEX.partitionKey, '#p0': 'id' }),
    });
    expect(ddbMock).toHaveReceivedCommandWith(PutCommand, { Item: expect.objectContaining({ ...rescoreJobEntity.key(String(body['jobId'])), strategyVersion: 2, startedBy: 'a1-admin' }) });
  });

  it('names where the job’s progress is followed in Location', async () => {
    const response = await startRescore(httpEvent({ method: 'POST', path: '/console/strategy/rescore', claims: adminClaims }), lambdaContext());

    expect(response.statusCode).toBe(202);
    expect(response.headers?.['location']).toBe(`/api/console/strategy/rescore/${String(bodyOf(response)['jobId'])}`);
  });

  it('refuses an employee with 403 and queues nothing', async () => {
    const response = await startRescore(httpEvent({ method: 'POST', path: '/console/strategy/rescore', claims: employeeClaims() }), lambdaContext());

    expect(response.statusCode).toBe(403);
    expect(sqsMock).not.toHaveReceivedCommand(SendMessageBatchCommand);
    expect(ddbMock).not.toHaveReceivedCommand(PutCommand);
  });
});

describe('GET /console/strategy/rescore/{jobId} (get-rescore-progress)', () => {
  // As the job is stored once its pages are queued: created, then counted up.
  const jobItem = { ...rescoreJobEntity.toItem({ id: JOB_ID, strategyVersion: 2, startedAt: '2026-11-22T10:00:00.000Z', startedBy: 'a1-admin' }), pagesQueued: 3, ideasQueued: 61 };

  function progressOf(jobId: string, claims = adminClaims) {
    return getRescoreProgress(httpEvent({ method: 'GET', route: '/console/strategy/rescore/{jobId}', path: `/console/strategy/rescore/${jobId}`, pathParameters: { jobId }, claims }), lambdaContext());
  }

  it('answers a running job’s progress, read consistently from its one item', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: { ...jobItem, queuedAt: '2026-11-22T10:00:01.000Z', donePages: new Set([0, 2]) } });

    // Act
    const response = await progressOf(JOB_ID, triageClaims());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ jobId: JOB_ID, strategyVersion: 2, status: 'running', pagesQueued: 3, ideasQueued: 61, pagesDone: 2, statuses: ['in_triage', 'needs_info', 'parked'] });
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, { Key: rescoreJobEntity.key(JOB_ID), ConsistentRead: true });
  });

  it('answers `done` once every page queued is done', async () => {
    ddbMock.on(GetCommand).resolves({ Item: { ...jobItem, queuedAt: '2026-11-22T10:00:01.000Z', donePages: new Set([0, 1, 2]) } });

    const response = await progressOf(JOB_ID);

    expect(bodyOf(response)).toMatchObject({ status: 'done', pagesQueued: 3, pagesDone: 3 });
  });

  it('answers 404 not-found for a job that does not exist', async () => {
    ddbMock.on(GetCommand).resolves({});

    const response = await progressOf(JOB_ID);

    expect(response.statusCode).toBe(404);
    expect(bodyOf(response)['type']).toBe('/api/problems/not-found');
  });

  it.each(['not-a-job', '20261122T100000000Z-0000ABCD', `${JOB_ID}x`])('refuses the malformed id %s with 400 on /jobId, without reading', async (jobId) => {
    const response = await progressOf(jobId);

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)['errors']).toEqual([expect.objectContaining({ pointer: '/jobId' })]);
    expect(ddbMock).not.toHaveReceivedCommand(GetCommand);
  });

  it.each([
    ['an employee', employeeClaims()],
    ['a director', directorClaims()],
  ])('refuses %s with 403, without reading', async (_who, claims) => {
    const response = await progressOf(JOB_ID, claims);

    expect(response.statusCode).toBe(403);
    expect(ddbMock).not.toHaveReceivedCommand(GetCommand);
  });
});

describe('rescore-worker', () => {
  it('re-scores the ideas of its message, marks the page done and fails only a malformed message', async () => {
    // Prepare
    const idea = anIdea({ status: 'in_triage', version: 2, themeAlignment: { strategyVersion: 1, scores: [] } });
    ddbMock.on(BatchGetCommand).resolves({ Responses: { 'spire-unit': [itemOf.idea(idea)] } });
    const good = JSON.stringify({ jobId: JOB_ID, strategyVersion: 2, page: 7, ideaIds: [IDEA_ID] });
    const event = sqsEvent(sqsRecord('good', good), sqsRecord('bad', '{"strategyVersion":2,"status":"in_triage"}'));

    // Act
    const result = await rescoreWorker(event, lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad' }] });
    expect(ddbMock).toHaveReceivedCommandWith(BatchGetCommand, { RequestItems: { 'spire-unit': { Keys: [ideaEntity.key(IDEA_ID)] } } });
    const written = ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put?.Item;
    expect(written).toMatchObject({ id: IDEA_ID, version: 3, themeAlignment: { strategyVersion: 2 } });
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, { Key: rescoreJobEntity.key(JOB_ID), UpdateExpression: 'ADD donePages :page', ExpressionAttributeValues: { ':page': new Set([7]) } });
  });

  it('sends nothing to any queue, so no chain of its own invocations can form', async () => {
    // Prepare
    ddbMock.on(BatchGetCommand).resolves({ Responses: { 'spire-unit': [] } });
    const event = sqsEvent(sqsRecord('m-1', JSON.stringify({ jobId: JOB_ID, strategyVersion: 2, page: 0, ideaIds: [IDEA_ID] })));

    // Act
    await rescoreWorker(event, lambdaContext());

    // Assess
    expect(sqsMock).not.toHaveReceivedCommand(SendMessageBatchCommand);
    expect(sqsMock).not.toHaveReceivedCommand(SendMessageCommand);
  });
});

import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler as rescoreWorker } from '../../../functions/rescore-worker.ts';
import { handler as startRescore } from '../../../functions/start-rescore.ts';
import { anIdea, IDEA_ID, ideaItem } from '../support/ideas.ts';
import { bodyOf, employeeClaims, httpEvent, lambdaContext, sqsEvent, sqsRecord } from '../support/lambda.ts';
import { aStrategy } from '../support/strategy.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);
const sqsMock = mockClient(SQSClient);
const adminClaims = employeeClaims('a1-admin', { roles: '[admin]' });
const strategyItem = { PK: 'STRATEGY', SK: 'VERSION#000002', ...aStrategy(), version: 2, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'admin' };

beforeEach(() => {
  ddbMock.on(QueryCommand, { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)' }).resolves({ Items: [strategyItem] });
  ddbMock.on(TransactWriteCommand).resolves({});
  sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [] });
});

afterEach(() => {
  ddbMock.reset();
  sqsMock.reset();
});

describe('POST /console/strategy/rescore (start-rescore)', () => {
  it('queues one job per undecided status and answers 202', async () => {
    // Act
    const response = await startRescore(httpEvent({ method: 'POST', path: '/console/strategy/rescore', claims: adminClaims }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(202);
    expect(bodyOf(response)).toEqual({ strategyVersion: 2, statuses: ['in_triage', 'needs_info', 'parked'], status: 'queued' });
    const entries = sqsMock.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.Entries ?? [];
    expect(entries.map((entry) => JSON.parse(entry.MessageBody as string))).toEqual([
      { strategyVersion: 2, status: 'in_triage' },
      { strategyVersion: 2, status: 'needs_info' },
      { strategyVersion: 2, status: 'parked' },
    ]);
  });

  it('refuses an employee with 403 and queues nothing', async () => {
    const response = await startRescore(httpEvent({ method: 'POST', path: '/console/strategy/rescore', claims: employeeClaims() }), lambdaContext());

    expect(response.statusCode).toBe(403);
    expect(sqsMock).not.toHaveReceivedCommand(SendMessageBatchCommand);
  });
});

describe('rescore-worker', () => {
  it('re-scores the page and fails only a malformed message', async () => {
    // Prepare
    const idea = anIdea({ status: 'in_triage', version: 2, themeAlignment: { strategyVersion: 1, scores: [] } });
    ddbMock.on(QueryCommand, { IndexName: 'GSI1' }).resolves({ Items: [ideaItem(idea)] });
    const event = sqsEvent(sqsRecord('good', JSON.stringify({ strategyVersion: 2, status: 'in_triage' })), sqsRecord('bad', '{"strategyVersion":0}'));

    // Act
    const result = await rescoreWorker(event, lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad' }] });
    const written = ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put?.Item;
    expect(written).toMatchObject({ id: IDEA_ID, version: 3, themeAlignment: { strategyVersion: 2 } });
  });
});

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as erasureWorker } from '../../../functions/erasure-worker.ts';
import { handler as exportMyData } from '../../../functions/export-my-data.ts';
import { handler as getErasure } from '../../../functions/get-erasure.ts';
import { handler as requestErasure } from '../../../functions/request-erasure.ts';
import { handler as retention } from '../../../functions/retention.ts';
import { supporterHash } from '../../../shared/triage/merge.ts';
import { erasureEntity, ideaEntity, notificationEntity, supporterEntity } from '../../../shared/store/entities.ts';
import type { StoredNotification } from '../../../shared/store/ports.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { aComment, anIdeaInTriage, IDEA_ID, SUBMITTER_EMAIL, SUBMITTER_SUB } from '../support/ideas.ts';
import { bodyOf, employeeClaims, jsonPost, lambdaContext, problemOf, routeEvent, scheduledEvent, sqsEvent, sqsRecord } from '../support/lambda.ts';
import { mockDeploymentSecret, TEST_KEYS } from '../support/secret.ts';
import { givenPartition, itemOf, keyOf, partitionOf } from '../support/table.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);
const sqsMock = mockClient(SQSClient);
mockDeploymentSecret();

afterEach(() => {
  ddbMock.reset();
  sqsMock.reset();
});

const ERASURE_ID = '0b6e2f4a-9c1d-4e8b-a7f3-5d2c8e1b4a96';
const ERASURE_QUEUE_URL = 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-erasure';
const claims = employeeClaims(SUBMITTER_SUB, { email: SUBMITTER_EMAIL });

describe('GET /me/export (export-my-data)', () => {
  it('answers the caller’s ideas, support and e-mails as a JSON download, reading by their subject and supporter hash only', async () => {
    // Prepare
    const idea = anIdeaInTriage({ submitter: { sub: SUBMITTER_SUB, name: 'Birthe Sørensen', email: SUBMITTER_EMAIL } });
    const bySubmitter = TABLE.indexes.bySubmitter.name;
    ddbMock.on(QueryCommand, { IndexName: bySubmitter, ExpressionAttributeValues: { ':pk': ideaEntity.bySubmitter(SUBMITTER_SUB).partition } }).resolves({ Items: [itemOf.idea(idea)] });
    ddbMock.on(QueryCommand, { IndexName: bySubmitter, ExpressionAttributeValues: { ':pk': supporterEntity.bySupporter(supporterHash(TEST_KEYS, SUBMITTER_SUB)).partition } }).resolves({ Items: [] });
    givenPartition(ddbMock, ideaEntity.wholePartition(IDEA_ID).partition, [itemOf.idea(idea)]);
    // The e-mail as the table holds it: its keys and index keys are not the person's data.
    const mail = { id: `${IDEA_ID}.v2`, kind: 'idea-status', to: SUBMITTER_EMAIL, subject: 'Nyt om din idé', text: 'Hej Birthe Sørensen', createdAt: '2026-01-05T09:00:00.000Z' } as StoredNotification;
    ddbMock.on(BatchGetCommand).resolves({ Responses: { 'spire-unit': [itemOf.notification(mail)] } });

    // Act
    const response = await exportMyData(routeEvent('GET', '/me/export', { claims }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect((response.headers as Record<string, string>)['content-disposition']).toMatch(/^attachment; filename="spire-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = bodyOf(response);
    expect(body['person']).toEqual({ sub: SUBMITTER_SUB, name: 'Birthe Sørensen', email: SUBMITTER_EMAIL });
    expect(body['ideas']).toEqual([expect.objectContaining({ id: IDEA_ID, submitter: { sub: SUBMITTER_SUB, name: 'Birthe Sørensen', email: SUBMITTER_EMAIL } })]);
    expect(body['notifications']).toEqual([{ id: `${IDEA_ID}.v2`, kind: 'idea-status', to: SUBMITTER_EMAIL, subject: 'Nyt om din idé', text: 'Hej Birthe Sørensen', createdAt: '2026-01-05T09:00:00.000Z' }]);
    expect(ddbMock).toHaveReceivedCommandWith(BatchGetCommand, { RequestItems: { 'spire-unit': { Keys: [notificationEntity.key(`${IDEA_ID}.v1`), notificationEntity.key(`${IDEA_ID}.v2`)], ConsistentRead: true } } });
    expect(ddbMock).not.toHaveReceivedCommand(ScanCommand);
  });

  it('refuses a caller without a token', async () => {
    // Act
    const response = await exportMyData(routeEvent('GET', '/me/export', { claims: null }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(401);
    expect(ddbMock.calls()).toHaveLength(0);
  });
});

describe('POST /me/erase (request-erasure)', () => {
  it('records the erasure without the caller’s subject, queues it with the subject, and answers 202 with where to follow it', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});
    sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [{ Id: '0', MessageId: 'm', MD5OfMessageBody: 'x' }] });

    // Act
    const response = await requestErasure(jsonPost('/me/erase', { confirm: true }, {}, claims), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(202);
    const body = bodyOf(response);
    expect(body).toEqual({ id: expect.any(String), requestedAt: expect.any(String), status: 'pending' });
    expect((response.headers as Record<string, string>)['location']).toBe(`/api/me/erasures/${String(body['id'])}`);
    const record = ddbMock.commandCalls(PutCommand)[0]?.args[0].input.Item ?? {};
    expect(JSON.stringify(record)).not.toContain(SUBMITTER_SUB);
    expect(record['requesterHash']).toBe(TEST_KEYS.hex('erasure', SUBMITTER_SUB));
    expect(sqsMock).toHaveReceivedCommandWith(SendMessageBatchCommand, { QueueUrl: ERASURE_QUEUE_URL });
    const message = JSON.parse(sqsMock.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.Entries?.[0]?.MessageBody ?? '{}') as Record<string, unknown>;
    expect(message).toEqual({ erasureId: body['id'], sub: SUBMITTER_SUB, names: ['Birthe Sørensen'], emails: [SUBMITTER_EMAIL] });
  });

  it.each([
    ['no confirmation', {}],
    ['a confirmation that is not true', { confirm: 'ja' }],
    ['anything more', { confirm: true, also: 1 }],
  ])('refuses %s with 400, and records and queues nothing', async (_case, body) => {
    // Act
    const response = await requestErasure(jsonPost('/me/erase', body, {}, claims), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(problemOf(response)['type']).toMatch(/validation$/);
    expect(ddbMock.calls()).toHaveLength(0);
    expect(sqsMock.calls()).toHaveLength(0);
  });

  it('answers 500 when the erasure cannot be queued, so the caller knows to ask again', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});
    sqsMock.on(SendMessageBatchCommand).rejects(new Error('connect ETIMEDOUT'));

    // Act
    const response = await requestErasure(jsonPost('/me/erase', { confirm: true }, {}, claims), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(500);
  });
});

describe('GET /me/erasures/{id} (get-erasure)', () => {
  const record = erasureEntity.toItem({
    id: ERASURE_ID,
    requesterHash: TEST_KEYS.hex('erasure', SUBMITTER_SUB),
    requestedAt: '2026-01-05T09:00:00.000Z',
    status: 'done',
    passes: 2,
    rewritten: 7,
    deleted: 1,
    ideas: 1,
    completedAt: '2026-01-05T09:00:03.000Z',
  });

  it('shows the person who asked its progress, without the hash that ties it to them', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: record });

    // Act
    const response = await getErasure(routeEvent('GET', '/me/erasures/{id}', { params: { id: ERASURE_ID }, claims }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ id: ERASURE_ID, requestedAt: '2026-01-05T09:00:00.000Z', status: 'done', passes: 2, rewritten: 7, deleted: 1, ideas: 1, completedAt: '2026-01-05T09:00:03.000Z' });
  });

  it('tells anybody else that it does not exist', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: record });

    // Act
    const response = await getErasure(routeEvent('GET', '/me/erasures/{id}', { params: { id: ERASURE_ID }, claims: employeeClaims('someone-else') }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(404);
  });

  it('refuses an id that is not a UUID with 400, before reading anything', async () => {
    // Act
    const response = await getErasure(routeEvent('GET', '/me/erasures/{id}', { params: { id: partitionOf(erasureEntity.key('x')) }, claims }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(ddbMock.calls()).toHaveLength(0);
  });
});

describe('erasure worker', () => {
  const message = { erasureId: ERASURE_ID, sub: SUBMITTER_SUB, names: ['Birthe Sørensen'], emails: [SUBMITTER_EMAIL] };

  it('rewrites what names the person, reads the table again until nothing does, and completes the record', async () => {
    // Prepare: one comment names her; after the rewrite, the table holds nothing of her.
    const comment = itemOf.comment(aComment({ id: 'c1', at: '2026-01-05T09:00:00.000Z', text: 'Ring til Birthe Sørensen' }));
    ddbMock.on(ScanCommand).resolvesOnce({ Items: [comment] }).resolves({ Items: [] });
    ddbMock.on(UpdateCommand).resolves({});

    // Act
    const result = await erasureWorker(sqsEvent(sqsRecord('m1', JSON.stringify(message))), lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, {
      Key: keyOf(comment),
      UpdateExpression: 'SET #a0 = :now0',
      ConditionExpression: '#a0 = :was0',
      ExpressionAttributeValues: { ':was0': 'Ring til Birthe Sørensen', ':now0': 'Ring til […]' },
    });
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, { Key: erasureEntity.key(ERASURE_ID), ExpressionAttributeValues: expect.objectContaining({ ':done': 'done', ':passes': 2, ':rewritten': 1 }) });
    expect(ddbMock).toHaveReceivedCommandTimes(ScanCommand, 2);
  });

  it('reports the message failed, so it is retried, when the table keeps naming the person', async () => {
    // Prepare: every read finds her again (a rewrite that never lands).
    ddbMock.on(ScanCommand).resolves({ Items: [{ ...keyOf(itemOf.comment(aComment())), text: 'Birthe Sørensen' }] });
    ddbMock.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const result = await erasureWorker(sqsEvent(sqsRecord('m1', JSON.stringify(message))), lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm1' }] });
    expect(ddbMock).toHaveReceivedCommandTimes(ScanCommand, 5);
  });
});

describe('retention (scheduled)', () => {
  it('reads each ended status from where the last run stopped, up to a year ago', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    const result = await retention(scheduledEvent(), lambdaContext());

    // Assess
    expect(result).toEqual({ ideas: 0, items: 0 });
    const queries = ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input.ExpressionAttributeValues?.[':pk']);
    expect(queries).toEqual((['declined', 'withdrawn', 'redirected', 'duplicate'] as const).map((status) => ideaEntity.inStatus(status).partition));
    const before = String(ddbMock.commandCalls(QueryCommand)[0]?.args[0].input.ExpressionAttributeValues?.[':sk']);
    expect(Date.now() - Date.parse(before)).toBeGreaterThan(364 * 86_400_000);
  });
});

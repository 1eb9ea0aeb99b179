import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/put-scorecard.ts';
import { anIdea, IDEA_ID } from '../support/ideas.ts';
import { itemOf } from '../support/table.ts';
import { bodyOf, directorClaims, employeeClaims, httpEvent, lambdaContext, problemOf, triageClaims } from '../support/lambda.ts';
import { aStrategy } from '../support/strategy.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);

beforeEach(() => {
  ddbMock.on(GetCommand).resolves({ Item: itemOf.idea(anIdea({ status: 'in_triage', version: 2 })) });
  ddbMock.on(QueryCommand).resolves({ Items: [{ ...aStrategy(), version: 5, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system' }] });
  ddbMock.on(TransactWriteCommand).resolves({});
});

afterEach(() => {
  ddbMock.reset();
});

function put(body: unknown, headers: Record<string, string> = { 'if-match': '"2"' }, claims = triageClaims()) {
  return handler(
    httpEvent({
      method: 'PUT',
      route: '/console/ideas/{id}/scorecard',
      path: `/console/ideas/${IDEA_ID}/scorecard`,
      pathParameters: { id: IDEA_ID },
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      claims,
    }),
    lambdaContext(),
  );
}

describe('PUT /console/ideas/{id}/scorecard (put-scorecard)', () => {
  it('answers the priority explained per criterion in Danish, with the new ETag', async () => {
    // Act
    const response = await put({ scores: { strategic_fit: 2, benefit: 4 } });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"3"');
    expect(bodyOf(response)).toMatchObject({
      ideaId: IDEA_ID,
      strategyVersion: 5,
      priority: 62.5,
      complete: true,
      criteria: [
        { id: 'strategic_fit', name: 'Strategisk match', value: 2, meaning: 'Noget', source: 'triage', weight: 3, points: 37.5 },
        { id: 'benefit', name: 'Gevinst', value: 4, meaning: 'Rigtig meget', source: 'triage', weight: 1, points: 25 },
      ],
    });
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
  });

  it.each<[unknown, string]>([
    [{ scores: { benefit: 5 } }, 'a score above 4'],
    [{ scores: { benefit: 1.5 } }, 'a fractional score'],
    [{ scores: {}, note: 'x' }, 'an unknown field'],
  ])('refuses %j (%s) with 400 and writes nothing', async (body) => {
    const response = await put(body);

    expect(response.statusCode).toBe(400);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses an employee with 403 and a stale ETag with 412', async () => {
    const employee = await put({ scores: { benefit: 1 } }, { 'if-match': '"2"' }, employeeClaims());
    const stale = await put({ scores: { benefit: 1 } }, { 'if-match': '"1"' });

    expect(employee.statusCode).toBe(403);
    expect(stale.statusCode).toBe(412);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses a director with 403 problem+json: scoring is triage’s, and writes nothing', async () => {
    // Act
    const response = await put({ scores: { benefit: 1 } }, { 'if-match': '"2"' }, directorClaims());

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

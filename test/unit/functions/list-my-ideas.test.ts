import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/list-my-ideas.ts';
import { encodeCursor } from '../../../shared/store/cursor.ts';
import { ideaEntity } from '../../../shared/store/entities.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { anIdea, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_SUB } from '../support/ideas.ts';
import { bodyOf, employeeClaims, httpEvent, lambdaContext } from '../support/lambda.ts';
import { mockDeploymentSecret, sealed } from '../support/secret.ts';
import { EMPTY_KEY, indexKeyOf, itemOf } from '../support/table.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);
mockDeploymentSecret();

afterEach(() => {
  ddbMock.reset();
});

const BY_SUBMITTER = TABLE.indexes.bySubmitter;
const partition = ideaEntity.bySubmitter(SUBMITTER_SUB).partition;
/** Where a page ending with the test idea stops, in the submitter's list. */
const lastKey = indexKeyOf(itemOf.idea(anIdea()), BY_SUBMITTER);

function listMine(query?: Record<string, string>, headers: Record<string, string> = {}) {
  return handler(
    httpEvent({ method: 'GET', path: '/ideas/mine', headers, claims: employeeClaims(SUBMITTER_SUB), ...(query === undefined ? {} : { queryStringParameters: query }) }),
    lambdaContext(),
  );
}

describe('GET /ideas/mine (list-my-ideas)', () => {
  it('lists the caller’s ideas, newest first, with a cursor to the next page', async () => {
    // Prepare
    const newer = anIdea({ id: OTHER_IDEA_ID, title: 'Én indgang for pårørende', createdAt: '2026-01-06T10:00:00.000Z' });
    ddbMock.on(QueryCommand).resolves({ Items: [itemOf.idea(newer), itemOf.idea(anIdea())], LastEvaluatedKey: lastKey });

    // Act
    const response = await listMine({ limit: '2' });

    // Assess
    expect(response.statusCode).toBe(200);
    const body = bodyOf(response);
    expect(body).toEqual({
      items: [
        expect.objectContaining({ id: OTHER_IDEA_ID, title: 'Én indgang for pårørende', status: 'submitted' }),
        expect.objectContaining({ id: IDEA_ID, title: 'Færre dobbeltregistreringer på plejecentret' }),
      ],
      nextCursor: await sealed(encodeCursor(lastKey)),
    });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: BY_SUBMITTER.name,
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      // A page of 2, and one idea more to tell whether more follow.
      Limit: 2 + 1,
    });
  });

  it('shows each row with a status message in the caller’s language, and no identities', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [itemOf.idea(anIdea())] });

    // Act
    const response = await listMine(undefined, { 'accept-language': 'en' });

    // Assess
    expect(bodyOf(response)).toEqual({
      items: [
        {
          id: IDEA_ID,
          kind: 'idea',
          title: 'Færre dobbeltregistreringer på plejecentret',
          status: 'submitted',
          statusMessage: 'Thank you! We have received and stored your idea. The digitalisation team will have it shortly.',
          submittedAt: '2026-01-05T08:30:00.000Z',
          statusChangedAt: '2026-01-05T08:30:00.000Z',
        },
      ],
    });
  });

  it('uses pages of 20 unless asked otherwise', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    await listMine();

    // Assess
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { Limit: 20 + 1 });
  });

  it('continues from the cursor the previous page returned', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    const response = await listMine({ cursor: await sealed(encodeCursor(lastKey)) });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ items: [] });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { ExclusiveStartKey: lastKey });
  });

  it.each<[string, () => Promise<string>]>([
    ['a cursor that is not one', async () => 'bm90LWEtY3Vyc29y'],
    ['another person’s cursor, sealed by the server', () => sealed(encodeCursor(indexKeyOf(itemOf.idea(anIdea({ submitter: { sub: 'someone-else', name: 'Nogen Andre' } })), BY_SUBMITTER)))],
    ['a cursor of this list the server did not seal', async () => encodeCursor(lastKey) as string],
    ['a crafted cursor with empty key values', async () => encodeCursor({ ...EMPTY_KEY, [BY_SUBMITTER.partitionKey]: partition, [BY_SUBMITTER.sortKey]: '' }) as string],
    ['a sealed cursor with its key changed', async () => (await sealed(encodeCursor(lastKey))).replace(/^./, (c) => (c === 'e' ? 'f' : 'e'))],
  ])('refuses %s with 400 invalid-cursor, without querying', async (_case, make) => {
    // Act
    const response = await listMine({ cursor: await make() });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.headers?.['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(bodyOf(response)).toEqual({
      type: '/api/problems/invalid-cursor',
      title: 'Ugyldig cursor',
      status: 400,
      detail: 'Brug den cursor, som den forrige side gav.',
    });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it.each([
    [{ limit: '0' }, '/limit'],
    [{ limit: '51' }, '/limit'],
    [{ sort: 'title' }, '/sort'],
  ])('refuses the query %j with 400 naming the parameter', async (query, pointer) => {
    // Act
    const response = await listMine(query);

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)['errors']).toEqual([expect.objectContaining({ pointer })]);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

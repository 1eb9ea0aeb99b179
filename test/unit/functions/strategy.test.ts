import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as getStrategy } from '../../../functions/get-strategy.ts';
import { handler as getStrategyVersion } from '../../../functions/get-strategy-version.ts';
import { handler as listStrategyVersions } from '../../../functions/list-strategy-versions.ts';
import { handler as putStrategy } from '../../../functions/put-strategy.ts';
import type { Strategy } from '../../../shared/domain/strategy/strategy.ts';
import { encodeCursor } from '../../../shared/store/cursor.ts';
import { inboxEntryEntity, strategyEntity } from '../../../shared/store/entities.ts';
import { bodyOf, directorClaims, employeeClaims, httpEvent, lambdaContext, triageClaims } from '../support/lambda.ts';
import { mockDeploymentSecret, sealed } from '../support/secret.ts';
import { aStrategy } from '../support/strategy.ts';
import { itemOf, keyFor, queryValues } from '../support/table.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);
const adminClaims = employeeClaims('a1-admin', { name: 'Åse Admin', roles: '[admin]' });
mockDeploymentSecret();

afterEach(() => {
  ddbMock.reset();
});

function stored(version: number): Strategy {
  return { ...aStrategy(), version, createdAt: '2026-11-01T10:00:00.000Z', createdBy: 'system' };
}

function put(body: unknown, headers: Record<string, string>, claims = adminClaims) {
  return putStrategy(
    httpEvent({ method: 'PUT', path: '/console/strategy', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), claims }),
    lambdaContext(),
  );
}

describe('GET /console/strategy (get-strategy)', () => {
  it('answers triage with the current version and its ETag', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [itemOf.strategy(stored(3))] });

    // Act
    const response = await getStrategy(httpEvent({ method: 'GET', path: '/console/strategy', claims: triageClaims() }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"3"');
    expect(bodyOf(response)['themes']).toEqual(aStrategy().themes);
  });

  it('refuses an employee with 403 without reading', async () => {
    // Act
    const response = await getStrategy(httpEvent({ method: 'GET', path: '/console/strategy', claims: employeeClaims() }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(403);
    expect(ddbMock).not.toHaveReceivedCommand(QueryCommand);
  });
});

describe('GET /console/strategy/versions/{n} (get-strategy-version)', () => {
  it('answers an earlier version', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: itemOf.strategy(stored(2)) });

    // Act
    const response = await getStrategyVersion(
      httpEvent({ method: 'GET', path: '/console/strategy/versions/2', pathParameters: { n: '2' }, claims: adminClaims }),
      lambdaContext(),
    );

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)['version']).toBe(2);
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, { Key: strategyEntity.key(2) });
  });

  it('answers 404 for a version that does not exist', async () => {
    ddbMock.on(GetCommand).resolves({});

    const response = await getStrategyVersion(
      httpEvent({ method: 'GET', path: '/console/strategy/versions/7', pathParameters: { n: '7' }, claims: adminClaims }),
      lambdaContext(),
    );

    expect(response.statusCode).toBe(404);
  });
});

describe('GET /console/strategy/versions (list-strategy-versions)', () => {
  const lastKey = strategyEntity.key(2);
  const item = itemOf.strategy;

  function list(query?: Record<string, string>, claims = adminClaims) {
    return listStrategyVersions(
      httpEvent({ method: 'GET', path: '/console/strategy/versions', claims, ...(query === undefined ? {} : { queryStringParameters: query }) }),
      lambdaContext(),
    );
  }

  it('lists the versions newest first, each summed up, with a sealed cursor to the next page', async () => {
    // Prepare
    const three = { ...stored(3), createdBy: 'a1-admin', themes: [] };
    ddbMock.on(QueryCommand).resolves({ Items: [item(three), item(stored(2))], LastEvaluatedKey: lastKey });

    // Act
    const response = await list({ limit: '2' }, triageClaims());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({
      items: [
        { version: 3, createdAt: '2026-11-01T10:00:00.000Z', createdBy: 'a1-admin', name: aStrategy().name, period: aStrategy().period, themeCount: 0, criterionCount: aStrategy().criteria.length },
        { version: 2, createdAt: '2026-11-01T10:00:00.000Z', createdBy: 'system', name: aStrategy().name, period: aStrategy().period, themeCount: aStrategy().themes.length, criterionCount: aStrategy().criteria.length },
      ],
      nextCursor: await sealed(encodeCursor(lastKey)),
    });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
      ExpressionAttributeValues: queryValues(strategyEntity.versions()),
      ScanIndexForward: false,
      ConsistentRead: true,
      // A page of 2, and one version more to tell whether more follow.
      Limit: 2 + 1,
    });
  });

  it('continues from the cursor the previous page returned, in pages of 20 unless asked otherwise', async () => {
    ddbMock.on(QueryCommand).resolves({ Items: [item(stored(1))] });

    const response = await list({ cursor: await sealed(encodeCursor(lastKey)) });

    expect(bodyOf(response)).toEqual({ items: [expect.objectContaining({ version: 1 })] });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { ExclusiveStartKey: lastKey, Limit: 20 + 1 });
  });

  it('lists the shipped default as version 1 on a fresh installation, without storing it', async () => {
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    const response = await list();

    expect(bodyOf(response)).toEqual({ items: [expect.objectContaining({ version: 1, createdBy: 'system', themeCount: 4, criterionCount: 5 })] });
    expect(ddbMock).not.toHaveReceivedCommand(PutCommand);
  });

  it.each<[string, () => Promise<string>]>([
    ['a cursor the server did not seal', async () => encodeCursor(lastKey) as string],
    ['a sealed cursor of another list', () => sealed(encodeCursor(keyFor.in(inboxEntryEntity.list({ status: 'in_triage' }, 'priority'), 'x')))],
  ])('refuses %s with 400 invalid-cursor, without querying', async (_case, make) => {
    const response = await list({ cursor: await make() });

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)['type']).toBe('/api/problems/invalid-cursor');
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it.each([{ limit: '0' }, { limit: '51' }])('refuses the query %j with 400 on /limit, without querying', async (query) => {
    const response = await list(query);

    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)['errors']).toEqual([expect.objectContaining({ pointer: '/limit' })]);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it.each([
    ['an employee', employeeClaims()],
    ['a director', directorClaims()],
  ])('refuses %s with 403, without querying', async (_who, claims) => {
    const response = await list(undefined, claims);

    expect(response.statusCode).toBe(403);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

describe('PUT /console/strategy (put-strategy)', () => {
  it('stores the next version for an admin whose If-Match is current', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [stored(1)] });
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    const response = await put(aStrategy(), { 'if-match': '"1"' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"2"');
    expect(bodyOf(response)).toMatchObject({ version: 2, createdBy: 'a1-admin' });
  });

  it.each([
    [{}, 428],
    [{ 'if-match': '"0"' }, 412],
    [{ 'if-match': 'W/"1"' }, 412],
    [{ 'if-match': '"0", "2"' }, 412],
    [{ 'if-match': 'version-1' }, 400],
  ])('refuses headers %j with %d and writes nothing', async (headers, status) => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [stored(1)] });

    // Act
    const response = await put(aStrategy(), headers);

    // Assess
    expect(response.statusCode).toBe(status);
    expect(response.headers?.['content-type']).toContain('application/problem+json');
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it.each(['*', '"0", "1"'])('stores the next version when If-Match is %s and the current version satisfies it', async (ifMatch) => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [stored(1)] });
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    const response = await put(aStrategy(), { 'if-match': ifMatch });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"2"');
  });

  it('refuses triage with 403: only admins replace the strategy', async () => {
    const response = await put(aStrategy(), { 'if-match': '"1"' }, triageClaims());

    expect(response.statusCode).toBe(403);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses an invalid strategy with 400 and per-field errors', async () => {
    // Act
    const response = await put({ ...aStrategy(), themes: [] }, { 'if-match': '"1"', 'accept-language': 'en' });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)['errors']).toEqual([{ pointer: '/themes', detail: 'Must be at least 1' }]);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });
});

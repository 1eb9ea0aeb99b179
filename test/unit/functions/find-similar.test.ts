import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/find-similar.ts';
import { usageEntity } from '../../../shared/store/entities.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { bodyOf, employeeClaims, lambdaContext, problemOf, routeEvent } from '../support/lambda.ts';
import { mockDeploymentSecret, TEST_KEYS } from '../support/secret.ts';

const NOW = '2026-01-08T08:46:30.000Z';
const SUB = 'c3d4e5f6-care-worker';

const { ddbMock } = mockTableAndNotifyQueue({ now: NOW });
mockDeploymentSecret();

beforeEach(() => {
  // No idea shares a band with the text: the lookup finds nothing.
  ddbMock.on(QueryCommand).resolves({ Items: [] });
  ddbMock.on(BatchGetCommand).resolves({ Responses: { 'spire-unit': [] } });
});

function lookUp(query: Record<string, string> = { title: 'Dobbeltindtastning', text: 'Vi taster borgerdata ind i tre systemer.' }, headers: Record<string, string> = {}) {
  return handler(routeEvent('GET', '/ideas/similar', { query, claims: employeeClaims(SUB), headers }), lambdaContext('spire-find-similar'));
}

const limitReached = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('GET /ideas/similar (find-similar) and the per-person limit', () => {
  it('counts each lookup under USAGE# and the keyed hash of the caller, with the limit of its setting (300 an hour by default)', async () => {
    // Act
    const response = await lookUp();

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ items: [] });
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(UpdateCommand, {
      TableName: 'spire-unit',
      Key: usageEntity.key(TEST_KEYS.hex('usage', SUB), 'similar', '2026-01-08T08:00:00Z'),
      UpdateExpression: 'SET #type = :type, #expiresAt = :expiresAt ADD #count :one',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeNames: { '#type': 'type', '#count': 'count', '#expiresAt': 'expiresAt' },
      ExpressionAttributeValues: { ':type': 'usage', ':expiresAt': Date.parse('2026-01-08T09:00:00Z') / 1000, ':one': 1, ':limit': 300 },
    });
    expect(JSON.stringify(ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input)).not.toContain(SUB);
  });

  it('answers 429 with Retry-After to the end of the hour past the limit, and looks nothing up', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(limitReached());

    // Act
    const response = await lookUp();

    // Assess
    expect(response.statusCode).toBe(429);
    expect(response.headers).toMatchObject({ 'retry-after': '810' });
    expect(problemOf(response)).toMatchObject({
      type: '/api/problems/too-many-requests',
      title: 'Du har nået grænsen for nu',
      detail: 'Du kan højst søge efter lignende idéer 300 gange i timen. Prøv igen om 14 minutter.',
      retryAfterSeconds: 810,
    });
    expect(ddbMock).not.toHaveReceivedCommand(QueryCommand);
    expect(ddbMock).not.toHaveReceivedCommand(BatchGetCommand);
  });

  it('does not count a lookup refused for its query', async () => {
    // Act
    const response = await lookUp({});

    // Assess
    expect(response.statusCode).toBe(400);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('writes nothing but the count: no PutItem, DeleteItem or transaction', async () => {
    // Act
    await lookUp();

    // Assess
    const writes = ddbMock.calls().map((call) => call.args[0].constructor.name).filter((name) => !['QueryCommand', 'BatchGetCommand', 'GetCommand'].includes(name));
    expect(writes).toEqual(['UpdateCommand']);
  });
});

import { createHash } from 'node:crypto';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/support-idea.ts';
import type { Idea } from '../../../shared/domain/idea.ts';
import { supportCountEntity, supporterEntity, usageEntity } from '../../../shared/store/entities.ts';
import { supporterHash } from '../../../shared/triage/merge.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { anIdea, anIdeaInTriage, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';
import { bodyOf, employeeClaims, lambdaContext, problemOf, routeEvent, transactionCanceled } from '../support/lambda.ts';
import { mockDeploymentSecret, TEST_KEYS, TEST_SECRET_ARN } from '../support/secret.ts';
import { itemOf, keyOf, sortKeyOf, transactions } from '../support/table.ts';

const NOW = '2026-01-07T14:00:00.000Z';
const COLLEAGUE_SUB = 'a4b5c6d7-colleague';

const { ddbMock, stored: storedIdea } = mockTableAndNotifyQueue({ now: NOW });
const secretsMock = mockDeploymentSecret();

function stored(idea: Idea, supporters: number) {
  storedIdea(idea);
  ddbMock.on(GetCommand, { Key: supportCountEntity.key(idea.id) }).resolves({ Item: itemOf.supportCount(idea.id, supporters) });
}

beforeEach(() => {
  stored(anIdeaInTriage(), 4);
});

function support(options: { sub?: string; id?: string } = {}) {
  return handler(
    routeEvent('POST', '/ideas/{id}/support', { params: { id: options.id ?? IDEA_ID }, claims: employeeClaims(options.sub ?? COLLEAGUE_SUB) }),
    lambdaContext('spire-support-idea'),
  );
}

describe('POST /ideas/{id}/support (support-idea)', () => {
  it('counts a colleague’s first support with 201 and the new count', async () => {
    // Act
    const response = await support();

    // Assess
    expect(response.statusCode).toBe(201);
    expect(bodyOf(response)).toEqual({ id: IDEA_ID, supported: true, supportCount: 4 });
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
  });

  it('stores the supporter as a hash, never their subject', async () => {
    // Act
    await support();

    // Assess
    const transaction = ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input;
    const supporter = transaction?.TransactItems?.[0]?.Put?.Item;
    expect(supporterHash(TEST_KEYS, COLLEAGUE_SUB)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyOf(supporter)).toEqual(supporterEntity.key(IDEA_ID, supporterHash(TEST_KEYS, COLLEAGUE_SUB)));
    expect(supporter).toMatchObject({ at: NOW });
    expect(JSON.stringify(transaction)).not.toContain(COLLEAGUE_SUB);
  });

  it('keys the hash with the deployment secret, so a dictionary of subjects does not reverse it, and reads the secret once per container', async () => {
    // Act
    await support();
    await support({ sub: 'b5c6d7e8-another' });

    // Assess
    const supporter = transactions(ddbMock)[0]?.[0]?.Put?.Item;
    expect(keyOf(supporter)).toEqual(supporterEntity.key(IDEA_ID, supporterHash(TEST_KEYS, COLLEAGUE_SUB)));
    for (const unkeyed of [`spire-supporter:${COLLEAGUE_SUB}`, COLLEAGUE_SUB]) expect(sortKeyOf(supporter)).not.toContain(createHash('sha256').update(unkeyed).digest('hex'));
    expect(secretsMock.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input)).toEqual([{ SecretId: TEST_SECRET_ARN }]);
  });

  it('answers 200 and changes nothing when the same person supports again', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejects(transactionCanceled('ConditionalCheckFailed', 'None'));

    // Act
    const response = await support();

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ id: IDEA_ID, supported: true, supportCount: 4 });
  });

  it('counts each person once: two people give two different supporter items', async () => {
    // Act
    await support({ sub: COLLEAGUE_SUB });
    await support({ sub: 'b2c3d4e5-another' });

    // Assess
    const keys = transactions(ddbMock).map((items) => sortKeyOf(items[0]?.Put?.Item));
    expect(new Set(keys).size).toBe(2);
  });

  it.each([
    ['an idea that does not exist', OTHER_IDEA_ID],
    ['an idea still in submitted, not yet seen by anyone', IDEA_ID],
  ])('answers 404 for %s', async (_case, id) => {
    // Prepare
    stored(anIdea(), 0);

    // Act
    const response = await support({ id });

    // Assess
    expect(response.statusCode).toBe(404);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it.each(['declined', 'duplicate', 'redirected', 'withdrawn'] as const)('answers 409 for an idea that is %s', async (status) => {
    // Prepare
    stored(anIdeaInTriage({ status, version: 3 }), 4);

    // Act
    const response = await support();

    // Assess
    expect(response.statusCode).toBe(409);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/invalid-transition', ideaStatus: status });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses an id that is not a UUID with 400, without reading', async () => {
    // Act
    const response = await support({ id: 'idé-1' });

    // Assess
    expect(response.statusCode).toBe(400);
    expect((problemOf(response)['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(['/id']);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

describe('POST /ideas/{id}/support past the person’s limit', () => {
  const limitReached = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

  it('counts the support under USAGE# and the keyed hash of the caller, before it writes the supporter', async () => {
    // Act
    await support();

    // Assess
    expect(ddbMock).toHaveReceivedCommandWith(UpdateCommand, {
      Key: usageEntity.key(TEST_KEYS.hex('usage', COLLEAGUE_SUB), 'support', '2026-01-07T14:00:00Z'),
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeValues: expect.objectContaining({ ':limit': 120 }),
    });
    expect(JSON.stringify(ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input)).not.toContain(COLLEAGUE_SUB);
  });

  it('answers 429 with Retry-After until the hour ends, in Danish, and stores no supporter', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(limitReached());

    // Act
    const response = await support();

    // Assess
    expect(response.statusCode).toBe(429);
    expect(response.headers).toMatchObject({ 'retry-after': '3600', 'content-type': 'application/problem+json; charset=utf-8' });
    expect(problemOf(response)).toMatchObject({
      type: '/api/problems/too-many-requests',
      detail: 'Du kan højst støtte idéer 120 gange i timen. Prøv igen om 60 minutter.',
      retryAfterSeconds: 3600,
    });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });
});

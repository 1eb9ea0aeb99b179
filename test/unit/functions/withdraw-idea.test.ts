import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/withdraw-idea.ts';
import { hashToken } from '../../../shared/intake/submit.ts';
import { notificationEntity, revisitEntity } from '../../../shared/store/entities.ts';
import { aDecision, anAnonymousIdea, anIdea, anIdeaInTriage, aParkedIdea, IDEA_ID, SUBMITTER_SUB } from '../support/ideas.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { bodyOf, employeeClaims, lambdaContext, problemOf, routeEvent, type Claims } from '../support/lambda.ts';

const NOW = '2026-01-07T14:00:00.000Z';
const NOTIFY_QUEUE_URL = 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-notify';
const TOKEN = 'dGhlLW9uZS1zZWNyZXQtdGhhdC1sZXRzLXlvdS1mb2xsb3ctdXA';

const { ddbMock, sqsMock, sideEffects, stored } = mockTableAndNotifyQueue({ now: NOW, seed: () => [anIdeaInTriage()] });

function withdraw(body?: unknown, options: { claims?: Claims; headers?: Record<string, string> } = {}) {
  return handler(
    routeEvent('POST', '/ideas/{id}/withdraw', {
      params: { id: IDEA_ID },
      ...(body === undefined ? {} : { body }),
      ...(options.headers === undefined ? {} : { headers: options.headers }),
      claims: options.claims ?? employeeClaims(SUBMITTER_SUB),
    }),
    lambdaContext('spire-withdraw-idea'),
  );
}

function transactionItems(): Record<string, unknown>[] {
  const calls = ddbMock.commandCalls(TransactWriteCommand);
  expect(calls).toHaveLength(1);
  return (calls[0]?.args[0].input.TransactItems ?? []).map((item) => item.Put?.Item ?? {});
}

describe('POST /ideas/{id}/withdraw (withdraw-idea)', () => {
  it('withdraws the submitter’s idea with their reason and answers its summary', async () => {
    // Act
    const response = await withdraw({ reason: 'Vi har fundet en løsning i afdelingen.' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ id: IDEA_ID, status: 'withdrawn', statusMessage: 'Du har trukket din idé tilbage.', statusChangedAt: NOW });
    const [idea, event] = transactionItems();
    expect(idea).toMatchObject({ status: 'withdrawn', version: 3 });
    expect(event).toMatchObject({ from: 'in_triage', to: 'withdrawn', reason: 'Vi har fundet en løsning i afdelingen.', actor: { kind: 'submitter', sub: SUBMITTER_SUB } });
  });

  it.each<[string, unknown, Record<string, string>]>([
    ['no body at all', undefined, {}],
    ['an empty JSON object', {}, {}],
    ['a plain HTML form', 'reason=Ikke+aktuel+l%C3%A6ngere', { 'content-type': 'application/x-www-form-urlencoded' }],
  ])('withdraws with %s', async (_case, body, headers) => {
    // Act
    const response = await withdraw(body, { headers });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(transactionItems()[0]).toMatchObject({ status: 'withdrawn' });
  });

  it('takes the reason from a form with its Danish letters intact', async () => {
    // Act
    await withdraw('reason=Ikke+aktuel+l%C3%A6ngere', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });

    // Assess
    expect(transactionItems()[1]).toMatchObject({ reason: 'Ikke aktuel længere' });
  });

  it('withdraws a parked idea and takes it off the revisit list', async () => {
    // Prepare
    stored(aParkedIdea('2026-03-02'));

    // Act
    const response = await withdraw();

    // Assess
    expect(response.statusCode).toBe(200);
    const deletes = ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.flatMap((item) => (item.Delete === undefined ? [] : [item.Delete.Key])) ?? [];
    expect(deletes).toContainEqual(revisitEntity.key('2026-03-02', IDEA_ID));
  });

  it('queues the e-mail confirming the withdrawal, after the transaction', async () => {
    // Act
    await withdraw();

    // Assess
    expect(transactionItems()).toContainEqual(expect.objectContaining({ ...notificationEntity.key(`${IDEA_ID}.v3`), type: 'notification' }));
    expect(sideEffects).toEqual(['transaction', 'queue']);
    expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageBatchCommand, {
      QueueUrl: NOTIFY_QUEUE_URL,
      Entries: [{ Id: '0', MessageBody: JSON.stringify({ notificationId: `${IDEA_ID}.v3` }) }],
    });
  });

  it('still answers 200 when the e-mail cannot be queued', async () => {
    // Prepare
    sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: '0', SenderFault: false, Code: 'ServiceUnavailable' }] });

    // Act
    const response = await withdraw();

    // Assess
    expect(response.statusCode).toBe(200);
  });

  it.each([
    ['accepted', anIdeaInTriage({ status: 'accepted', version: 3, decision: aDecision('accept') })],
    ['declined', anIdeaInTriage({ status: 'declined', version: 3, decision: aDecision('decline', { reasonCode: 'no_capacity', message: 'Ikke nu.' }) })],
    ['withdrawn', anIdeaInTriage({ status: 'withdrawn', version: 3 })],
  ])('answers 409 for an idea that is %s, with nothing allowed', async (status, idea) => {
    // Prepare
    stored(idea);

    // Act
    const response = await withdraw();

    // Assess
    expect(response.statusCode).toBe(409);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/invalid-transition', ideaStatus: status, allowed: [] });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('lets the submitter withdraw an idea triage has not seen yet', async () => {
    // Prepare
    stored(anIdea());

    // Act
    const response = await withdraw();

    // Assess
    expect(response.statusCode).toBe(200);
    expect(transactionItems()[1]).toMatchObject({ from: 'submitted', to: 'withdrawn' });
  });

  it('tells another employee the idea does not exist (404)', async () => {
    // Act
    const response = await withdraw(undefined, { claims: employeeClaims('a4b5c6d7-colleague') });

    // Assess
    expect(response.statusCode).toBe(404);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('lets the holder of the follow-up token withdraw an anonymous idea, e-mailing nobody', async () => {
    // Prepare
    stored(anAnonymousIdea(hashToken(TOKEN), { status: 'in_triage', version: 2 }));

    // Act
    const response = await withdraw(undefined, { claims: employeeClaims('whoever'), headers: { 'x-follow-up-token': TOKEN } });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(transactionItems().some((item) => item['type'] === 'notification')).toBe(false);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it.each<[string, unknown, string[]]>([
    ['an empty reason', { reason: '' }, ['/reason']],
    ['a reason of 1,001 characters', { reason: 'ø'.repeat(1001) }, ['/reason']],
    ['an unknown field', { because: 'Ikke aktuel' }, ['/because']],
  ])('refuses %s with 400, pointing at the field, and writes nothing', async (_case, body, pointers) => {
    // Act
    const response = await withdraw(body);

    // Assess
    expect(response.statusCode).toBe(400);
    expect((problemOf(response)['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(pointers);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

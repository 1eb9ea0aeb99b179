import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/post-answer.ts';
import { hashToken } from '../../../shared/intake/submit.ts';
import { ideaEventEntity, notificationEntity } from '../../../shared/store/entities.ts';
import { anAnonymousIdea, anIdeaInTriage, anIdeaNeedingInfo, IDEA_ID, SUBMITTER_SUB } from '../support/ideas.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { bodyOf, employeeClaims, lambdaContext, problemOf, routeEvent, transactionCanceled, triageClaims, type Claims } from '../support/lambda.ts';

const NOW = '2026-01-07T14:00:00.000Z';
const NOTIFY_QUEUE_URL = 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-notify';
const TOKEN = 'dGhlLW9uZS1zZWNyZXQtdGhhdC1sZXRzLXlvdS1mb2xsb3ctdXA';
const ANSWER = 'Cura, Nexus og et regneark på fællesdrevet.';

const { ddbMock, sqsMock, sideEffects, stored } = mockTableAndNotifyQueue({ now: NOW, seed: () => [anIdeaNeedingInfo()] });

function answer(body: unknown, options: { claims?: Claims; headers?: Record<string, string> } = {}) {
  return handler(
    routeEvent('POST', '/ideas/{id}/answers', {
      params: { id: IDEA_ID },
      body,
      ...(options.headers === undefined ? {} : { headers: options.headers }),
      claims: options.claims ?? employeeClaims(SUBMITTER_SUB),
    }),
    lambdaContext('spire-post-answer'),
  );
}

function transactions() {
  return ddbMock.commandCalls(TransactWriteCommand).map((call) => (call.args[0].input.TransactItems ?? []).map((item) => item.Put?.Item ?? {}));
}

describe('POST /ideas/{id}/answers (post-answer)', () => {
  it('takes the submitter’s answer and sends the idea back to triage, answering its summary', async () => {
    // Act
    const response = await answer({ answer: ANSWER });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({
      id: IDEA_ID,
      kind: 'idea',
      title: 'Færre dobbeltregistreringer på plejecentret',
      status: 'in_triage',
      statusMessage: 'Digitaliseringsteamet har fået din idé og vurderer den. Du får besked, når der er nyt.',
      submittedAt: anIdeaNeedingInfo().createdAt,
      statusChangedAt: NOW,
    });
  });

  it('writes the answer on the history event, drops the question, and only from needs_info at the version read', async () => {
    // Act
    await answer({ answer: ANSWER });

    // Assess
    const [items] = transactions();
    expect(ddbMock.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Put?.ExpressionAttributeValues).toEqual({ ':expected': 3, ':from': 'needs_info' });
    expect(items?.[0]).toMatchObject({ status: 'in_triage', version: 4 });
    expect(items?.[0]?.['decision']).toBeUndefined();
    expect(items?.[1]).toMatchObject({ ...ideaEventEntity.key(IDEA_ID, 4), from: 'needs_info', to: 'in_triage', answer: ANSWER, actor: { kind: 'submitter', sub: SUBMITTER_SUB } });
  });

  it('reads the answer from a plain HTML form too', async () => {
    // Act
    const response = await answer(new URLSearchParams({ answer: ANSWER }).toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(transactions()[0]?.[1]).toMatchObject({ answer: ANSWER });
  });

  it('queues the e-mail telling the submitter the team has the idea again, after the transaction', async () => {
    // Act
    await answer({ answer: ANSWER });

    // Assess
    expect(transactions()[0]).toContainEqual(expect.objectContaining({ ...notificationEntity.key(`${IDEA_ID}.v4`), type: 'notification' }));
    expect(sideEffects).toEqual(['transaction', 'queue']);
    expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageBatchCommand, {
      QueueUrl: NOTIFY_QUEUE_URL,
      Entries: [{ Id: '0', MessageBody: JSON.stringify({ notificationId: `${IDEA_ID}.v4` }) }],
    });
  });

  it('still answers 200 when the e-mail cannot be queued', async () => {
    // Prepare
    sqsMock.on(SendMessageBatchCommand).rejects(new Error('connect ETIMEDOUT'));

    // Act
    const response = await answer({ answer: ANSWER });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(transactions()).toHaveLength(1);
  });

  it('judges the answer again on the idea as it now is when triage changed it at the same moment', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejectsOnce(transactionCanceled('ConditionalCheckFailed', 'None')).resolves({});

    // Act
    const response = await answer({ answer: ANSWER });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
    expect(ddbMock).toHaveReceivedCommandTimes(GetCommand, 2);
  });

  it('answers 412 when the idea keeps changing under the answer', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejects(transactionCanceled('ConditionalCheckFailed', 'None'));

    // Act
    const response = await answer({ answer: ANSWER });

    // Assess
    expect(response.statusCode).toBe(412);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-failed' });
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('answers 409 when the idea is not waiting for an answer', async () => {
    // Prepare
    stored(anIdeaInTriage());

    // Act
    const response = await answer({ answer: ANSWER });

    // Assess
    expect(response.statusCode).toBe(409);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/invalid-transition', ideaStatus: 'in_triage', allowed: [] });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it.each<[string, Claims]>([
    ['another employee', employeeClaims('a4b5c6d7-colleague')],
    ['triage', triageClaims()],
  ])('tells %s the idea does not exist (404): only its submitter answers', async (_case, claims) => {
    // Act
    const response = await answer({ answer: ANSWER }, { claims });

    // Assess
    expect(response.statusCode).toBe(404);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  describe('an anonymous idea', () => {
    beforeEach(() => {
      stored(anAnonymousIdea(hashToken(TOKEN), { status: 'needs_info', version: 3 }));
    });

    it('takes the answer from whoever sends the follow-up token, and e-mails nobody', async () => {
      // Act
      const response = await answer({ answer: ANSWER }, { claims: employeeClaims('whoever'), headers: { 'x-follow-up-token': TOKEN } });

      // Assess
      expect(response.statusCode).toBe(200);
      expect(transactions()[0]?.[1]).toMatchObject({ answer: ANSWER, actor: { kind: 'submitter' } });
      expect(transactions()[0]?.some((item) => item['type'] === 'notification')).toBe(false);
      expect(sqsMock).not.toHaveReceivedAnyCommand();
    });

    it('stays hidden (404) without the token', async () => {
      // Act
      const response = await answer({ answer: ANSWER }, { claims: employeeClaims('whoever') });

      // Assess
      expect(response.statusCode).toBe(404);
      expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    });
  });

  it.each<[string, unknown, string[]]>([
    ['no answer', {}, ['/answer']],
    ['an empty answer', { answer: '' }, ['/answer']],
    ['an answer that is not text', { answer: 3 }, ['/answer']],
    ['an unknown field', { answer: ANSWER, question: 'Hvilke systemer?' }, ['/question']],
  ])('refuses %s with 400, pointing at the field, and writes nothing', async (_case, body, pointers) => {
    // Act
    const response = await answer(body);

    // Assess
    expect(response.statusCode).toBe(400);
    expect((problemOf(response)['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(pointers);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

describe('POST /ideas/{id}/answers with personal data in the answer', () => {
  const WITH_PHONE = 'Det er Økonomi; ring til Åse på 23 45 67 89, hun ved mere.';

  it('takes the answer with 200 and warns with personalData naming /answer and the span', async () => {
    // Act
    const response = await answer({ answer: WITH_PHONE });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ id: IDEA_ID, status: 'in_triage', personalData: [{ pointer: '/answer', kind: 'phone', start: 32, end: 43 }] });
  });

  it('stores the answer as written on the history event', async () => {
    // Act
    await answer({ answer: WITH_PHONE });

    // Assess
    const [items] = transactions();
    expect(items?.[1]).toMatchObject({ ...ideaEventEntity.key(IDEA_ID, 4), answer: WITH_PHONE });
  });

  it('warns about an answer sent as a form the same way', async () => {
    // Act
    const response = await answer(new URLSearchParams({ answer: WITH_PHONE }).toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)['personalData']).toEqual([{ pointer: '/answer', kind: 'phone', start: 32, end: 43 }]);
  });

  it('leaves personalData out when nothing was found', async () => {
    // Act
    const response = await answer({ answer: ANSWER });

    // Assess
    expect(bodyOf(response)).not.toHaveProperty('personalData');
  });
});

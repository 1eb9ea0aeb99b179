import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/post-comment.ts';
import type { Comment } from '../../../shared/domain/notification.ts';
import { notificationEntity } from '../../../shared/store/entities.ts';
import { anAnonymousIdea, anIdeaInTriage, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_EMAIL, TRIAGE } from '../support/ideas.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { itemOf } from '../support/table.ts';
import { bodyOf, employeeClaims, lambdaContext, problemOf, routeEvent, triageClaims, type Claims } from '../support/lambda.ts';

const NOW = '2026-01-06T09:15:00.000Z';
const NOTIFY_QUEUE_URL = 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-notify';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const { ddbMock, sqsMock, sideEffects, stored } = mockTableAndNotifyQueue({ now: NOW, seed: () => [anIdeaInTriage()] });

function comment(body: unknown, options: { claims?: Claims; id?: string } = {}) {
  return handler(
    routeEvent('POST', '/console/ideas/{id}/comments', { params: { id: options.id ?? IDEA_ID }, body, claims: options.claims ?? triageClaims() }),
    lambdaContext('spire-post-comment'),
  );
}

function writtenItems(): Record<string, unknown>[] {
  const calls = ddbMock.commandCalls(TransactWriteCommand);
  expect(calls).toHaveLength(1);
  return (calls[0]?.args[0].input.TransactItems ?? []).map((item) => item.Put?.Item ?? {});
}

describe('POST /console/ideas/{id}/comments (post-comment)', () => {
  it('stores an internal comment by default and answers 201 with it, telling nobody', async () => {
    // Act
    const response = await comment({ text: 'Ligner noget fra Sundhed – spørg Jens.' });

    // Assess
    expect(response.statusCode).toBe(201);
    const body = bodyOf(response);
    expect(body).toEqual({
      id: expect.stringMatching(UUID),
      ideaId: IDEA_ID,
      at: NOW,
      author: { sub: TRIAGE.sub, name: 'Søren Ærø' },
      visibility: 'internal',
      text: 'Ligner noget fra Sundhed – spørg Jens.',
    });
    expect(writtenItems()).toEqual([itemOf.comment(body as unknown as Comment)]);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('writes a comment to the submitter together with its e-mail, then queues the e-mail', async () => {
    // Act
    const response = await comment({ text: 'Tak for idéen! Hvilke tre systemer er det?', visibility: 'submitter' });

    // Assess
    expect(response.statusCode).toBe(201);
    const id = String(bodyOf(response)['id']);
    const [stored, notification] = writtenItems();
    expect(stored).toMatchObject({ type: 'comment', visibility: 'submitter' });
    expect(notification).toMatchObject({
      ...notificationEntity.key(`${IDEA_ID}.c${id}`),
      type: 'notification',
      kind: 'idea-comment',
      to: SUBMITTER_EMAIL,
      text: expect.stringContaining('Tak for idéen! Hvilke tre systemer er det?'),
    });
    expect(sideEffects).toEqual(['transaction', 'queue']);
    expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageBatchCommand, {
      QueueUrl: NOTIFY_QUEUE_URL,
      Entries: [{ Id: '0', MessageBody: JSON.stringify({ notificationId: `${IDEA_ID}.c${id}` }) }],
    });
  });

  it('still answers 201 when the e-mail cannot be queued: the comment and its e-mail are stored', async () => {
    // Prepare
    sqsMock.on(SendMessageBatchCommand).rejects(new Error('connect ETIMEDOUT'));

    // Act
    const response = await comment({ text: 'Vi vender tilbage i næste uge.', visibility: 'submitter' });

    // Assess
    expect(response.statusCode).toBe(201);
    expect(writtenItems()).toHaveLength(2);
  });

  it('stores a comment to an anonymous submitter without e-mail: they read it with their token', async () => {
    // Prepare
    stored(anAnonymousIdea('c'.repeat(64), { status: 'in_triage', version: 2 }));

    // Act
    const response = await comment({ text: 'Vi vender tilbage i næste uge.', visibility: 'submitter' });

    // Assess
    expect(response.statusCode).toBe(201);
    expect(writtenItems()).toHaveLength(1);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('refuses a comment to the submitter of a withdrawn idea with 400 on /visibility, writing nothing', async () => {
    // Prepare
    stored(anIdeaInTriage({ status: 'withdrawn', version: 3 }));

    // Act
    const response = await comment({ text: 'Ærgerligt!', visibility: 'submitter' });

    // Assess
    expect(response.statusCode).toBe(400);
    expect((problemOf(response)['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(['/visibility']);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('needs no If-Match: comments are only ever added', async () => {
    // Act
    const response = await comment({ text: 'Enig.' });

    // Assess
    expect(response.statusCode).toBe(201);
  });

  it('answers 404 for an idea that does not exist', async () => {
    // Act
    const response = await comment({ text: 'Hvor blev den af?' }, { id: OTHER_IDEA_ID });

    // Assess
    expect(response.statusCode).toBe(404);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it.each<[string, unknown, string[]]>([
    ['no text', {}, ['/text']],
    ['an empty text', { text: '' }, ['/text']],
    ['a text of 4,001 characters', { text: 'æ'.repeat(4001) }, ['/text']],
    ['an unknown visibility', { text: 'Hej', visibility: 'public' }, ['/visibility']],
    ['an unknown field', { text: 'Hej', author: 'Jens' }, ['/author']],
  ])('refuses %s with 400, pointing at the field, and writes nothing', async (_case, body, pointers) => {
    // Act
    const response = await comment(body);

    // Assess
    expect(response.statusCode).toBe(400);
    expect((problemOf(response)['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(pointers);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('refuses a plain employee with 403 problem+json, without reading or writing', async () => {
    // Act
    const response = await comment({ text: 'Må jeg kommentere?' }, { claims: employeeClaims() });

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

describe('POST /console/ideas/{id}/comments: personal data', () => {
  const CPR_TEXT = 'Borgeren har CPR 010203-1234, se journalen.';

  it('refuses an internal comment holding a CPR number with 422 personal-data, naming the field and span, and writes nothing', async () => {
    // Act
    const response = await comment({ text: CPR_TEXT });

    // Assess
    expect(response.statusCode).toBe(422);
    expect(response.headers).toMatchObject({ 'content-language': 'da', 'cache-control': 'no-store' });
    expect(problemOf(response)).toEqual({
      type: '/api/problems/personal-data',
      title: 'Teksten ser ud til at indeholde personoplysninger',
      status: 422,
      detail: expect.stringContaining('confirmPersonalData: true'),
      findings: [{ pointer: '/text', kind: 'cpr', start: 17, end: 28 }],
    });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('never repeats the text it found in the problem document', async () => {
    // Act
    const response = await comment({ text: 'Skriv til jens.hansen@gmail.com eller ring 23 45 67 89.', visibility: 'submitter' });

    // Assess
    expect(response.statusCode).toBe(422);
    expect(response.body).not.toContain('jens.hansen');
    expect(response.body).not.toContain('23 45 67 89');
    expect((problemOf(response)['findings'] as { kind: string }[]).map((finding) => finding.kind)).toEqual(['email', 'phone']);
  });

  it('refuses a comment to the submitter in English when the caller prefers it, with æøå intact in the offsets', async () => {
    // Act
    const response = await handler(
      routeEvent('POST', '/console/ideas/{id}/comments', {
        params: { id: IDEA_ID },
        body: { text: 'Åse på Ærø: ring på 23456789.', visibility: 'submitter' },
        headers: { 'accept-language': 'en' },
        claims: triageClaims(),
      }),
      lambdaContext('spire-post-comment'),
    );

    // Assess
    expect(response.statusCode).toBe(422);
    expect(problemOf(response)).toMatchObject({
      title: 'The text seems to contain personal data',
      detail: expect.stringContaining('confirmPersonalData: true'),
      findings: [{ pointer: '/text', kind: 'phone', start: 20, end: 28 }],
    });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('stores a confirmed comment as given, without keeping the confirmation on the comment', async () => {
    // Act
    const response = await comment({ text: CPR_TEXT, confirmPersonalData: true });

    // Assess
    expect(response.statusCode).toBe(201);
    const body = bodyOf(response);
    expect(body['text']).toBe(CPR_TEXT);
    expect(body).not.toHaveProperty('confirmPersonalData');
    expect(writtenItems()).toEqual([expect.objectContaining({ type: 'comment', text: CPR_TEXT })]);
    expect(writtenItems()[0]).not.toHaveProperty('confirmPersonalData');
  });

  it('still refuses when confirmPersonalData is false', async () => {
    // Act
    const response = await comment({ text: CPR_TEXT, confirmPersonalData: false });

    // Assess
    expect(response.statusCode).toBe(422);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses confirmPersonalData that is not true or false with 400 on the field', async () => {
    // Act
    const response = await comment({ text: CPR_TEXT, confirmPersonalData: 'ja' });

    // Assess
    expect(response.statusCode).toBe(400);
    expect((problemOf(response)['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(['/confirmPersonalData']);
  });

  it('answers 404 for an idea that does not exist before it looks for personal data', async () => {
    // Act
    const response = await comment({ text: CPR_TEXT }, { id: OTHER_IDEA_ID });

    // Assess
    expect(response.statusCode).toBe(404);
  });
});

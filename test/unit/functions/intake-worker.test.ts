import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../../functions/intake-worker.ts';
import { DEFAULT_STRATEGY } from '../../../shared/domain/strategy/default-strategy.ts';
import { logger } from '../../../shared/logger.ts';
import { inboxEntryEntity } from '../../../shared/store/entities.ts';
import { aFrictionIdea, anIdea, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';
import { lambdaContext, sqsEvent, sqsRecord } from '../support/lambda.ts';
import { givenIdeas, givenStrategies, partitionOf, putsIn, transactions } from '../support/table.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);

const message = (ideaId: string) => JSON.stringify({ ideaId });

beforeEach(() => {
  ddbMock.on(GetCommand).resolves({});
  givenIdeas(ddbMock, aFrictionIdea());
  ddbMock.on(TransactWriteCommand).resolves({});
  // The duplicate index is empty; the strategy is at version 4.
  ddbMock.on(QueryCommand).resolves({ Items: [] });
  ddbMock.on(BatchWriteCommand).resolves({});
  givenStrategies(ddbMock, { ...DEFAULT_STRATEGY, version: 4, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'admin' });
});

afterEach(() => {
  ddbMock.reset();
  vi.restoreAllMocks();
});

/** The ideas the worker moved to triage, by the idea items it wrote. */
function admittedIdeas() {
  return ddbMock.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems?.[0]?.Put?.Item);
}

describe('intake-worker', () => {
  it('reports only the malformed record of a batch as failed, and admits the good one', async () => {
    // Prepare
    const event = sqsEvent(sqsRecord('msg-1', message(IDEA_ID)), sqsRecord('msg-2', '{"ideaId": "3f0c6a52-'));

    // Act
    const result = await handler(event, lambdaContext('spire-intake-worker'));

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-2' }] });
    expect(admittedIdeas()).toEqual([expect.objectContaining({ id: IDEA_ID, status: 'in_triage', frictionHoursPerYear: 1380, version: 2 })]);
  });

  it('stores the theme alignment with the strategy version it was computed against', async () => {
    // Act
    await handler(sqsEvent(sqsRecord('msg-1', message(IDEA_ID))), lambdaContext());

    // Assess
    const alignment = admittedIdeas()[0]?.['themeAlignment'] as { strategyVersion: number; scores: { themeId: string; score: number }[] };
    expect(alignment.strategyVersion).toBe(4);
    expect(alignment.scores.map((score) => score.themeId).sort()).toEqual(DEFAULT_STRATEGY.themes.map((theme) => theme.id).sort());
    expect(alignment.scores.every((score) => score.score >= 0 && score.score <= 1)).toBe(true);
  });

  it('reports no failures when every record is admitted', async () => {
    // Prepare
    const event = sqsEvent(sqsRecord('msg-1', message(IDEA_ID)));

    // Act
    const result = await handler(event, lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
  });

  it.each([
    ['an id that is not a UUID', message('idea-1')],
    ['extra fields', JSON.stringify({ ideaId: IDEA_ID, title: 'Bøvl' })],
    ['no idea id', '{}'],
    ['a JSON array', `[${message(IDEA_ID)}]`],
  ])('fails a message with %s', async (_case, body) => {
    // Prepare
    const event = sqsEvent(sqsRecord('msg-1', message(IDEA_ID)), sqsRecord('msg-bad', body));

    // Act
    const result = await handler(event, lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-bad' }] });
  });

  it('fails a message for an idea that is not stored, so it ends in the dead-letter queue', async () => {
    // Prepare
    const event = sqsEvent(sqsRecord('msg-1', message(OTHER_IDEA_ID)));

    // Act
    const result = await handler(event, lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-1' }] });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('reports a whole failed batch instead of throwing', async () => {
    // Prepare
    const event = sqsEvent(sqsRecord('msg-1', 'x'), sqsRecord('msg-2', 'y'));

    // Act
    const result = await handler(event, lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-1' }, { itemIdentifier: 'msg-2' }] });
  });

  it('fails only the record whose write DynamoDB refused', async () => {
    // Prepare
    givenIdeas(ddbMock, anIdea({ id: OTHER_IDEA_ID }));
    ddbMock.on(TransactWriteCommand).resolvesOnce({}).rejectsOnce(new Error('Throughput exceeds the current capacity'));
    const event = sqsEvent(sqsRecord('msg-1', message(IDEA_ID)), sqsRecord('msg-2', message(OTHER_IDEA_ID)));

    // Act
    const result = await handler(event, lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'msg-2' }] });
  });

  it('treats a repeated delivery for an idea already in triage as done, without writing', async () => {
    // Prepare
    givenIdeas(ddbMock, anIdea({ status: 'in_triage', version: 2 }));
    const event = sqsEvent(sqsRecord('msg-1', message(IDEA_ID)), sqsRecord('msg-1-again', message(IDEA_ID)));

    // Act
    const result = await handler(event, lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('logs every failed record with the idea id it names, its message id, its receive count and the error', async () => {
    // Prepare: one idea not stored, one message that is not an intake message but names an id, one that names none.
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const event = sqsEvent(
      sqsRecord('msg-1', message(IDEA_ID)),
      sqsRecord('msg-unknown', message(OTHER_IDEA_ID)),
      sqsRecord('msg-extra', JSON.stringify({ ideaId: 'idea-7', title: 'Bøvl' })),
      sqsRecord('msg-garbage', 'x'),
    );

    // Act
    const result = await handler(event, lambdaContext());

    // Assess
    // The records are worked on at once, so in no particular order.
    expect(result.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual(['msg-extra', 'msg-garbage', 'msg-unknown']);
    const logged = errors.mock.calls.filter(([text]) => String(text).startsWith('Intake message failed')).map(([, fields]) => fields as Record<string, unknown>);
    expect(logged).toHaveLength(3);
    expect(logged).toEqual(expect.arrayContaining([
      { ideaId: OTHER_IDEA_ID, messageId: 'msg-unknown', receiveCount: 1, error: expect.objectContaining({ name: 'UnknownIdeaError' }) },
      { ideaId: 'idea-7', messageId: 'msg-extra', receiveCount: 1, error: expect.any(Error) },
      { ideaId: undefined, messageId: 'msg-garbage', receiveCount: 1, error: expect.any(SyntaxError) },
    ]));
  });

  it('logs nothing as an error when every record is admitted', async () => {
    // Prepare
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    // Act
    await handler(sqsEvent(sqsRecord('msg-1', message(IDEA_ID))), lambdaContext());

    // Assess
    expect(errors).not.toHaveBeenCalled();
  });

  it('admits a stored idea whose department holds a lone surrogate (stored before such text was refused), instead of failing it on every delivery', async () => {
    // Prepare
    givenIdeas(ddbMock, aFrictionIdea({ department: 'IT\ud800' }));

    // Act
    const result = await handler(sqsEvent(sqsRecord('msg-1', message(IDEA_ID))), lambdaContext());

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    // Its entry in its department's list, the department keyed as well-formed text.
    expect(putsIn(transactions(ddbMock)[0] ?? []).map(partitionOf)).toContain(inboxEntryEntity.list({ status: 'in_triage', department: 'it\ufffd' }, 'priority').partition);
  });
});

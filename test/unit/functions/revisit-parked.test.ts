import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../../functions/revisit-parked.ts';
import type { Idea } from '../../../shared/domain/idea.ts';
import { ideaEntity, notificationEntity, revisitEntity } from '../../../shared/store/entities.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { anAnonymousIdea, anIdeaInTriage, aParkedIdea, aDecision, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';
import { lambdaContext, scheduledEvent, transactionCanceled } from '../support/lambda.ts';
import { givenIdeas } from '../support/table.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);
const sqsMock = mockClient(SQSClient);

/** 06:00 in Copenhagen on 2 March 2026. */
const NOW = '2026-03-02T05:00:00.000Z';
const NOTIFY_QUEUE_URL = 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-notify';

function stored(idea: Idea) {
  givenIdeas(ddbMock, idea);
}

/** An idea's entry in the list of ideas to revisit, on `day`. */
const revisitEntry = (day: string, ideaId: string) => revisitEntity.toItem({ ideaId, day });

/** The revisit entries due, as the list of ideas to revisit holds them. */
function due(...ideas: Idea[]) {
  ddbMock.on(QueryCommand).resolves({
    Items: ideas.map((idea) => revisitEntry(idea.decision?.revisitOn ?? '2026-03-02', idea.id)),
  });
  for (const idea of ideas) stored(idea);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
  ddbMock.on(QueryCommand).resolves({ Items: [] });
  ddbMock.on(GetCommand).resolves({});
  ddbMock.on(TransactWriteCommand).resolves({});
  sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [{ Id: '0', MessageId: 'm-1', MD5OfMessageBody: 'x' }], Failed: [] });
});

afterEach(() => {
  vi.useRealTimers();
  ddbMock.reset();
  sqsMock.reset();
});

function transactions() {
  return ddbMock.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems ?? []);
}

describe('revisit-parked', () => {
  it('reads only the revisit entries of days up to today, in one capped Query', async () => {
    // Act
    await handler(scheduledEvent(), lambdaContext('spire-revisit-parked'));

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(QueryCommand, {
      TableName: 'spire-unit',
      // Every entry up to the end of today: its day sorts before the day followed by a character above '#'.
      KeyConditionExpression: '#pk = :pk AND #sk < :sk',
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
      ExpressionAttributeValues: { ':pk': revisitEntity.dueBy('2026-03-02').partition, ':sk': '2026-03-02$' },
      Limit: 200,
    });
  });

  it('takes today as the day in Copenhagen, not in UTC', async () => {
    // Prepare: 00:30 on 2 March in Copenhagen is still 1 March in UTC.
    vi.setSystemTime(new Date('2026-03-01T23:30:00.000Z'));

    // Act
    await handler(scheduledEvent(), lambdaContext());

    // Assess
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { ExpressionAttributeValues: { ':pk': revisitEntity.dueBy('2026-03-02').partition, ':sk': '2026-03-02$' } });
  });

  it('brings a parked idea whose day has come back to triage, with its history event and the submitter’s e-mail', async () => {
    // Prepare
    due(aParkedIdea('2026-03-02'));

    // Act
    const report = await handler(scheduledEvent(), lambdaContext());

    // Assess
    expect(report).toEqual({ due: 1, revisited: 1 });
    const [items] = transactions();
    expect(items?.[0]?.Put).toMatchObject({
      Item: { ...ideaEntity.key(IDEA_ID), status: 'in_triage', version: 4, statusChangedAt: NOW },
      ExpressionAttributeValues: { ':expected': 3, ':from': 'parked' },
    });
    expect(items?.[0]?.Put?.Item?.['decision']).toBeUndefined();
    expect(items?.[1]?.Put?.Item).toMatchObject({ from: 'parked', to: 'in_triage', actor: { kind: 'system' }, reason: 'revisit day 2026-03-02 reached' });
    expect(items).toContainEqual({ Delete: { TableName: 'spire-unit', Key: revisitEntity.key('2026-03-02', IDEA_ID) } });
    expect(items?.map((item) => item.Put?.Item)).toContainEqual(expect.objectContaining({ ...notificationEntity.key(`${IDEA_ID}.v4`), type: 'notification' }));
    expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageBatchCommand, {
      QueueUrl: NOTIFY_QUEUE_URL,
      Entries: [{ Id: '0', MessageBody: JSON.stringify({ notificationId: `${IDEA_ID}.v4` }) }],
    });
  });

  it('brings back an idea whose day passed while the schedule did not run', async () => {
    // Prepare
    due(aParkedIdea('2026-02-27'));

    // Act
    const report = await handler(scheduledEvent(), lambdaContext());

    // Assess
    expect(report).toEqual({ due: 1, revisited: 1 });
  });

  it.each([
    ['was decided on meanwhile', anIdeaInTriage({ status: 'declined', version: 4, decision: aDecision('decline', { reasonCode: 'no_capacity', message: 'Ikke nu.' }) })],
    ['is back in triage already', anIdeaInTriage({ version: 4 })],
    ['was parked again for a later day', aParkedIdea('2026-06-01', { version: 5 })],
  ])('leaves an idea that %s as it is', async (_case, idea) => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [revisitEntry('2026-03-02', IDEA_ID)] });
    stored(idea);

    // Act
    const report = await handler(scheduledEvent(), lambdaContext());

    // Assess
    expect(report).toEqual({ due: 1, revisited: 0 });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('skips an idea somebody changed at the same moment and goes on with the others', async () => {
    // Prepare
    due(aParkedIdea('2026-03-01'), aParkedIdea('2026-03-02', { id: OTHER_IDEA_ID }));
    ddbMock.on(TransactWriteCommand).rejectsOnce(transactionCanceled('ConditionalCheckFailed', 'None')).resolves({});

    // Act
    const report = await handler(scheduledEvent(), lambdaContext());

    // Assess
    expect(report).toEqual({ due: 2, revisited: 1 });
    expect(queuedIds()).toEqual([`${OTHER_IDEA_ID}.v4`]);
  });

  it('brings back an anonymous idea without e-mail, and still counts it when the queue is down', async () => {
    // Prepare
    due(anAnonymousIdea('c'.repeat(64), { status: 'parked', version: 3, decision: aDecision('park', { revisitOn: '2026-03-02' }) }), aParkedIdea('2026-03-02', { id: OTHER_IDEA_ID }));
    sqsMock.on(SendMessageBatchCommand).rejects(new Error('connect ETIMEDOUT'));

    // Act
    const report = await handler(scheduledEvent(), lambdaContext());

    // Assess
    expect(report).toEqual({ due: 2, revisited: 2 });
    expect(transactions()[0]?.some((item) => item.Put?.Item?.['type'] === 'notification')).toBe(false);
    expect(queuedIds()).toEqual([`${OTHER_IDEA_ID}.v4`]);
  });
});

function queuedIds(): string[] {
  return sqsMock.commandCalls(SendMessageBatchCommand).flatMap((call) => (call.args[0].input.Entries ?? []).map((entry) => (JSON.parse(entry.MessageBody ?? '{}') as { notificationId: string }).notificationId));
}

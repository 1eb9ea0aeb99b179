import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/get-inbox.ts';
import { inboxRow, inboxSortValue } from '../../../shared/domain/inbox.ts';
import { encodeCursor } from '../../../shared/store/cursor.ts';
import { inboxEntryEntity } from '../../../shared/store/entities.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { ADMITTED_AT, aFrictionIdea, anIdeaInTriage, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';
import { adminClaims, bodyOf, employeeClaims, lambdaContext, problemOf, routeEvent, triageClaims, type Claims } from '../support/lambda.ts';
import { mockDeploymentSecret, sealed } from '../support/secret.ts';
import { EMPTY_KEY, itemOf, keyOf, WHOLE_PARTITION, keyFor } from '../support/table.ts';

/** 15 days after the test ideas reached triage: past the default service level of 14 days. */
const NOW = '2026-01-20T08:31:00.000Z';

const { ddbMock } = mockTableAndNotifyQueue({ now: NOW });
mockDeploymentSecret();

beforeEach(() => {
  ddbMock.on(QueryCommand).resolves({ Items: [] });
});

function inbox(query?: Record<string, string>, claims: Claims = triageClaims()) {
  return handler(routeEvent('GET', '/console/inbox', { ...(query === undefined ? {} : { query }), claims }), lambdaContext('spire-get-inbox'));
}

/** The one Query the page took, exactly as sent. */
function theQuery() {
  const calls = ddbMock.commandCalls(QueryCommand);
  expect(calls).toHaveLength(1);
  return calls[0]?.args[0].input;
}

const waiting = anIdeaInTriage();
const recent = anIdeaInTriage({ id: OTHER_IDEA_ID, statusChangedAt: '2026-01-19T08:31:00.000Z', assignee: { sub: 'f9b8a7c6-triage', name: 'Søren Ærø' } });

describe('GET /console/inbox (get-inbox)', () => {
  it('answers triage the first page of the in_triage list by priority, by default, from one Query of its entries', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [itemOf.inboxEntry(waiting, { status: 'in_triage' }, 'priority')] });

    // Act
    const response = await inbox();

    // Assess
    expect(response.statusCode).toBe(200);
    expect(theQuery()).toEqual({
      TableName: 'spire-unit',
      KeyConditionExpression: WHOLE_PARTITION,
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
      ExpressionAttributeValues: { ':pk': inboxEntryEntity.list({ status: 'in_triage' }, 'priority').partition },
      // A page of 25, and one entry more to tell whether more follow.
      Limit: 25 + 1,
    });
    expect(bodyOf(response)).toEqual({ status: 'in_triage', sort: 'priority', serviceLevelDays: 14, items: [{ ...inboxRow(waiting), daysInStatus: 15, overdue: true }] });
  });

  it('lists the ideas whose intake the sweeper gave up on under the submitted status', async () => {
    // Prepare
    const stuck = aFrictionIdea({ requeueCount: 5, version: 2, intakeAbandonedAt: ADMITTED_AT });
    ddbMock.on(QueryCommand).resolves({ Items: [itemOf.inboxEntry(stuck, { status: 'submitted' }, 'age')] });

    // Act
    const response = await inbox({ status: 'submitted', sort: 'age' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(theQuery()).toMatchObject({ ExpressionAttributeValues: { ':pk': inboxEntryEntity.list({ status: 'submitted' }, 'age').partition } });
    expect(bodyOf(response)).toMatchObject({ status: 'submitted', items: [{ id: IDEA_ID, status: 'submitted', overdue: false }] });
  });

  it('tells how long each idea has waited and which are overdue against the service level', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [waiting, recent].map((idea) => itemOf.inboxEntry(idea, { status: 'in_triage' }, 'age')) });

    // Act
    const response = await inbox({ sort: 'age' });

    // Assess
    const items = bodyOf(response)['items'] as { id: string; daysInStatus: number; overdue: boolean; assignee?: unknown }[];
    expect(items.map(({ id, daysInStatus, overdue }) => ({ id, daysInStatus, overdue }))).toEqual([
      { id: IDEA_ID, daysInStatus: 15, overdue: true },
      { id: OTHER_IDEA_ID, daysInStatus: 1, overdue: false },
    ]);
    expect(items[1]?.assignee).toEqual({ sub: 'f9b8a7c6-triage', name: 'Søren Ærø' });
  });

  it('reads exactly the list narrowed by status, kind, department (however it is typed) and theme, in the asked order and size', async () => {
    // Act
    const response = await inbox({ status: 'parked', kind: 'friction', department: '  Ældre   og Sundhed ', theme: 'automatisering', sort: 'age', limit: '10' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(theQuery()).toMatchObject({
      // The department as the lists are keyed: trimmed, its spaces collapsed, in lower case.
      ExpressionAttributeValues: { ':pk': inboxEntryEntity.list({ status: 'parked', kind: 'friction', department: 'ældre og sundhed', theme: 'automatisering' }, 'age').partition },
      Limit: 10 + 1,
    });
    expect(bodyOf(response)).toMatchObject({ status: 'parked', sort: 'age', items: [] });
  });

  it('reads the list of the ideas assigned to the caller with assignee=me, by the caller’s own subject', async () => {
    // Act
    const response = await inbox({ assignee: 'me', status: 'needs_info', sort: 'age' }, triageClaims('søren/ærø'));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(theQuery()).toMatchObject({ ExpressionAttributeValues: { ':pk': inboxEntryEntity.list({ status: 'needs_info', assignee: 'søren/ærø' }, 'age').partition } });
  });

  it('hands back the cursor of the next page and continues from it', async () => {
    // Prepare
    const entry = itemOf.inboxEntry(aFrictionIdea({ status: 'in_triage' }), { status: 'in_triage', kind: 'friction' }, 'priority');
    const lastKey = keyOf(entry);
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [entry], LastEvaluatedKey: lastKey })
      .resolves({ Items: [] });

    // Act
    const first = await inbox({ kind: 'friction', limit: '1' });
    const second = await inbox({ kind: 'friction', limit: '1', cursor: String(bodyOf(first)['nextCursor']) });

    // Assess
    expect(bodyOf(first)['nextCursor']).toBe(await sealed(encodeCursor(lastKey)));
    expect(second.statusCode).toBe(200);
    expect(bodyOf(second)).not.toHaveProperty('nextCursor');
    expect(ddbMock).toHaveReceivedNthCommandWith(QueryCommand, 2, { ExclusiveStartKey: lastKey });
  });

  it.each<[string, () => Promise<string>]>([
    ['the cursor of another list, sealed by the server', () => sealed(encodeCursor(keyFor.in(inboxEntryEntity.list({ status: 'declined' }, 'priority'), inboxSortValue(waiting, 'priority'))))],
    ['a cursor of this list the server did not seal', async () => encodeCursor(keyFor.in(inboxEntryEntity.list({ status: 'in_triage' }, 'priority'), inboxSortValue(waiting, 'priority'))) as string],
    ['a crafted cursor with empty key values', async () => encodeCursor(EMPTY_KEY) as string],
  ])('refuses %s with 400, without querying', async (_case, make) => {
    // Act
    const response = await inbox({ cursor: await make() });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/invalid-cursor' });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['an unknown status', { status: 'abandoned' }, ['/status']],
    ['an unknown kind', { kind: 'complaint' }, ['/kind']],
    ['an unknown order', { sort: 'title' }, ['/sort']],
    ['a page size of 0', { limit: '0' }, ['/limit']],
    ['a page size above 100', { limit: '101' }, ['/limit']],
    ['an unknown parameter', { colour: 'red' }, ['/colour']],
    ['an assignee other than me', { assignee: 'f9b8a7c6-triage' }, ['/assignee']],
    ['assignee=me with a kind', { assignee: 'me', kind: 'friction' }, ['/kind']],
    ['assignee=me with a department and a theme', { assignee: 'me', department: 'Ældreplejen', theme: 'automatisering' }, ['/department', '/theme']],
  ])('refuses %s with 400, pointing at the parameter, without querying', async (_case, query, pointers) => {
    // Act
    const response = await inbox(query);

    // Assess
    expect(response.statusCode).toBe(400);
    expect((problemOf(response)['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(pointers);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('refuses a plain employee with 403 problem+json, without querying', async () => {
    // Act
    const response = await inbox({}, employeeClaims());

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403, detail: 'Din rolle giver ikke adgang til dette.' });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('opens the inbox to an admin', async () => {
    // Act
    const response = await inbox({}, adminClaims());

    // Assess
    expect(response.statusCode).toBe(200);
  });
});

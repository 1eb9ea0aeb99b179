import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/list-pipeline-pilots.ts';
import { pilotRow } from '../../../shared/domain/pilot-lists.ts';
import { encodeCursor } from '../../../shared/store/cursor.ts';
import { inboxEntryEntity, pilotListEntryEntity } from '../../../shared/store/entities.ts';
import { TABLE } from '../../../shared/store/table.ts';
import type { PilotList } from '../../../shared/domain/pilot-lists.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { adminClaims, bodyOf, directorClaims, employeeClaims, lambdaContext, problemOf, routeEvent, triageClaims, type Claims } from '../support/lambda.ts';
import { aPilot, aPilotIn, OTHER_PILOT_ID } from '../support/pilots.ts';
import { mockDeploymentSecret, sealed } from '../support/secret.ts';
import { EMPTY_KEY, itemOf, keyOf, WHOLE_PARTITION, keyFor } from '../support/table.ts';

const NOW = '2026-02-01T09:00:00.000Z';

const { ddbMock } = mockTableAndNotifyQueue({ now: NOW });
mockDeploymentSecret();

beforeEach(() => {
  ddbMock.on(QueryCommand).resolves({ Items: [] });
});

function pilots(query?: Record<string, string>, claims: Claims = directorClaims()) {
  return handler(routeEvent('GET', '/pipeline/pilots', { ...(query === undefined ? {} : { query }), claims }), lambdaContext('spire-list-pipeline-pilots'));
}

/** The one Query the page took, exactly as sent. */
function theQuery() {
  const calls = ddbMock.commandCalls(QueryCommand);
  expect(calls).toHaveLength(1);
  return calls[0]?.args[0].input;
}

const sprint = aPilot({ owner: { sub: 'o1-owner', name: 'Åge Ødegård' } });
const inPilot = aPilotIn('pilot', '2026-01-20T09:00:00.000Z', { id: OTHER_PILOT_ID, title: 'Skærmbesøg i hjemmeplejen' });

describe('GET /pipeline/pilots (list-pipeline-pilots)', () => {
  it('answers a director the first page of all pilots, longest in their stage first, from one Query of the list’s entries', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({
      Items: [sprint, inPilot].map((pilot) => itemOf.pilotEntry(pilot, {}, 'in_stage')),
    });

    // Act
    const response = await pilots();

    // Assess
    expect(response.statusCode).toBe(200);
    expect(theQuery()).toEqual({
      TableName: 'spire-unit',
      KeyConditionExpression: WHOLE_PARTITION,
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
      ExpressionAttributeValues: { ':pk': pilotListEntryEntity.list({}, 'in_stage').partition },
      // A page of 25, and one entry more to tell whether more follow.
      Limit: 25 + 1,
    });
    expect(bodyOf(response)).toEqual({ sort: 'in_stage', items: [pilotRow(sprint), pilotRow(inPilot)] });
    expect(response.body).toContain('"name":"Åge Ødegård"');
    expect(response.body).toContain('"title":"Skærmbesøg i hjemmeplejen"');
  });

  it.each<[string, Record<string, string>, string, number]>([
    ['one stage', { stage: 'pilot' }, pilotListEntryEntity.list({ stage: 'pilot' }, 'in_stage').partition, 25],
    ['a theme, newest first', { theme: 'automatisering', sort: 'newest' }, pilotListEntryEntity.list({ theme: 'automatisering' }, 'newest').partition, 25],
    // The department as the lists are keyed: trimmed, its spaces collapsed, in lower case.
    ['a department however it is typed', { stage: 'sprint', department: '  Ældre   og Sundhed ', limit: '10' }, pilotListEntryEntity.list({ stage: 'sprint', department: 'ældre og sundhed' }, 'in_stage').partition, 10],
    ['an owner, most expected hours first', { owner: 'o1-owner', sort: 'expected_hours', limit: '100' }, pilotListEntryEntity.list({ owner: 'o1-owner' }, 'expected_hours').partition, 100],
    ['the pilots on hold, the earliest end of a hold first', { sort: 'hold_until', limit: '100' }, pilotListEntryEntity.list({ held: true } satisfies PilotList, 'hold_until').partition, 100],
  ])('reads exactly the list of %s', async (_case, query, partition, limit) => {
    // Act
    const response = await pilots(query);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(theQuery()).toMatchObject({ ExpressionAttributeValues: { ':pk': partition }, Limit: limit + 1 });
    expect(bodyOf(response)).toEqual({ sort: query['sort'] ?? 'in_stage', items: [] });
  });

  it('hands out a cursor for the next page and reads on from it', async () => {
    // Prepare
    const entry = itemOf.pilotEntry(inPilot, { stage: 'pilot' }, 'in_stage');
    const lastKey = keyOf(entry);
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [entry], LastEvaluatedKey: lastKey })
      .resolves({ Items: [] });

    // Act
    const first = await pilots({ stage: 'pilot', limit: '1' });
    const cursor = bodyOf(first)['nextCursor'];
    const second = await pilots({ stage: 'pilot', limit: '1', cursor: String(cursor) });

    // Assess
    expect(cursor).toBe(await sealed(encodeCursor(lastKey)));
    expect(second.statusCode).toBe(200);
    expect(bodyOf(second)).not.toHaveProperty('nextCursor');
    expect(ddbMock.commandCalls(QueryCommand)[1]?.args[0].input.ExclusiveStartKey).toEqual(lastKey);
  });

  it.each<[string, () => Promise<string>]>([
    ['a cursor from another list, sealed by the server', () => sealed(encodeCursor(keyFor.in(inboxEntryEntity.list({ status: 'in_triage' }, 'priority'), 'x')))],
    ['a cursor of this list the server did not seal', async () => encodeCursor(keyFor.in(pilotListEntryEntity.list({ stage: 'pilot' }, 'in_stage'), `2026-01-20T09:00:00.000Z#${OTHER_PILOT_ID}`)) as string],
    ['a crafted cursor with empty key values', async () => encodeCursor(EMPTY_KEY) as string],
  ])('refuses %s with 400 invalid-cursor', async (_case, make) => {
    // Act
    const response = await pilots({ stage: 'pilot', cursor: await make() });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/invalid-cursor' });
    expect(ddbMock).not.toHaveReceivedCommand(QueryCommand);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['two narrowings at once', { theme: 'automatisering', owner: 'o1-owner' }, ['']],
    ['an unknown stage', { stage: 'idea' }, ['/stage']],
    ['an unknown order', { sort: 'title' }, ['/sort']],
    ['a page size of 0', { limit: '0' }, ['/limit']],
    ['a page size above 100', { limit: '101' }, ['/limit']],
    ['an unknown parameter', { status: 'accepted' }, ['/status']],
    ['the pilots on hold of one stage', { sort: 'hold_until', stage: 'pilot' }, ['/stage']],
    ['the pilots on hold narrowed by theme and owner', { sort: 'hold_until', theme: 'automatisering', owner: 'o1-owner' }, ['', '/theme', '/owner']],
  ])('refuses %s with 400, pointing at the parameter, without reading', async (_case, query, pointers) => {
    // Act
    const response = await pilots(query);

    // Assess
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem).toMatchObject({ type: '/api/problems/validation', status: 400 });
    expect((problem['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(pointers);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it.each([
    ['triage', triageClaims()],
    ['an admin', adminClaims()],
  ])('lists the pilots for %s too', async (_case, claims) => {
    // Act
    const response = await pilots(undefined, claims);

    // Assess
    expect(response.statusCode).toBe(200);
  });

  it('refuses a plain employee with 403 problem+json, without reading', async () => {
    // Act
    const response = await pilots(undefined, employeeClaims());

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

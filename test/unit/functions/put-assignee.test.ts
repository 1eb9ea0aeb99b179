import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/put-assignee.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { anIdeaInTriage, IDEA_ID, TRIAGE } from '../support/ideas.ts';
import { bodyOf, employeeClaims, lambdaContext, problemOf, routeEvent, transactionCanceled, triageClaims, type Claims } from '../support/lambda.ts';

const NOW = '2026-01-06T09:15:00.000Z';
const METTE = { sub: 'b2c3d4e5-mette', name: 'Mette Holm' };

const { ddbMock, sqsMock, stored } = mockTableAndNotifyQueue({ now: NOW, seed: () => [anIdeaInTriage()] });

function assign(body: unknown, options: { ifMatch?: string | null; claims?: Claims } = {}) {
  const ifMatch = options.ifMatch === undefined ? '"2"' : options.ifMatch;
  return handler(
    routeEvent('PUT', '/console/ideas/{id}/assignee', {
      params: { id: IDEA_ID },
      body,
      headers: ifMatch === null ? {} : { 'if-match': ifMatch },
      claims: options.claims ?? triageClaims(),
    }),
    lambdaContext('spire-put-assignee'),
  );
}

function writtenItems(): Record<string, unknown>[] {
  const calls = ddbMock.commandCalls(TransactWriteCommand);
  expect(calls).toHaveLength(1);
  return (calls[0]?.args[0].input.TransactItems ?? []).flatMap((item) => (item.Put?.Item === undefined ? [] : [item.Put.Item]));
}

describe('PUT /console/ideas/{id}/assignee (put-assignee)', () => {
  it('gives the idea to a member of the team: answers the assignee and the new version as ETag', async () => {
    // Act
    const response = await assign({ assignee: METTE });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"3"');
    expect(bodyOf(response)).toEqual({ id: IDEA_ID, assignee: METTE, version: 3 });
  });

  it('keeps the status, audits who assigned it to whom, and shows the assignee in the inbox rows', async () => {
    // Act
    await assign({ assignee: METTE });

    // Assess
    const [idea, event, ...derived] = writtenItems();
    expect(idea).toMatchObject({ status: 'in_triage', statusChangedAt: anIdeaInTriage().statusChangedAt, assignee: METTE, version: 3 });
    expect(event).toMatchObject({ change: 'assignment', from: 'in_triage', to: 'in_triage', actor: { kind: 'staff', sub: TRIAGE.sub, name: 'Søren Ærø' }, reason: 'assigned to Mette Holm' });
    const rows = derived.filter((item) => item['type'] === 'inbox').map((item) => item['row']);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => (row as { assignee?: unknown }).assignee !== undefined)).toBe(true);
  });

  it('takes the idea back from its assignee with null', async () => {
    // Prepare
    stored(anIdeaInTriage({ assignee: METTE }));

    // Act
    const response = await assign({ assignee: null });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ id: IDEA_ID, assignee: null, version: 3 });
    const [idea, event] = writtenItems();
    expect(idea?.['assignee']).toBeUndefined();
    expect(event).toMatchObject({ change: 'assignment', reason: 'assigned to nobody' });
  });

  it('sends no e-mail: the submitter is not told who looks after their idea', async () => {
    // Act
    await assign({ assignee: METTE });

    // Assess
    expect(writtenItems().some((item) => item['type'] === 'notification')).toBe(false);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('requires If-Match with 428, without reading or writing', async () => {
    // Act
    const response = await assign({ assignee: METTE }, { ifMatch: null });

    // Assess
    expect(response.statusCode).toBe(428);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-required' });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('answers 412 for a stale ETag, writing nothing', async () => {
    // Act
    const response = await assign({ assignee: METTE }, { ifMatch: '"1"' });

    // Assess
    expect(response.statusCode).toBe(412);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers 412 when somebody changed the idea between the read and the write', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejects(transactionCanceled('ConditionalCheckFailed', 'None'));

    // Act
    const response = await assign({ assignee: METTE });

    // Assess
    expect(response.statusCode).toBe(412);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-failed' });
  });

  it.each<[string, unknown, string[]]>([
    ['no assignee field', {}, ['/assignee']],
    ['an assignee without a subject', { assignee: { name: 'Mette Holm' } }, ['/assignee/sub']],
    ['an empty subject', { assignee: { sub: '  ' } }, ['/assignee/sub']],
    ['an unknown field on the assignee', { assignee: { sub: METTE.sub, email: 'mette@kommune.example' } }, ['/assignee/email']],
    ['a subject that is not text', { assignee: { sub: 42 } }, ['/assignee/sub']],
  ])('refuses %s with 400, pointing at the field, and writes nothing', async (_case, body, pointers) => {
    // Act
    const response = await assign(body);

    // Assess
    expect(response.statusCode).toBe(400);
    expect((problemOf(response)['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(pointers);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses a plain employee with 403 problem+json, without reading or writing', async () => {
    // Act
    const response = await assign({ assignee: { sub: 'e7a1c2d3-employee' } }, { claims: employeeClaims() });

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

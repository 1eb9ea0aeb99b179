import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { DeleteCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/post-decision.ts';
import { ideaEntity, ideaEventEntity, mergeEntity, notificationEntity, pilotEntity, pilotEventEntity, pilotListEntryEntity, supporterEntity } from '../../../shared/store/entities.ts';
import { supporterHash } from '../../../shared/triage/merge.ts';
import { aDecision, anAnonymousIdea, anIdeaInTriage, aParkedIdea, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_SUB, TRIAGE } from '../support/ideas.ts';
import { adminClaims, bodyOf, employeeClaims, lambdaContext, problemOf, routeEvent, transactionCanceled, triageClaims, type Claims } from '../support/lambda.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { countersAdded, updatesOf } from '../support/pipeline.ts';
import { mockDeploymentSecret, TEST_KEYS } from '../support/secret.ts';
import { itemOf, keyOf, ofType, partitionOf, putAt, putsIn, transactions } from '../support/table.ts';

const NOW = '2026-01-06T09:15:00.000Z';
const NOTIFY_QUEUE_URL = 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-notify';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const { ddbMock, sqsMock, sideEffects, stored, transactionItems } = mockTableAndNotifyQueue({ now: NOW, seed: () => [anIdeaInTriage()] });
mockDeploymentSecret();

function decide(body: unknown, options: { ifMatch?: string | null; claims?: Claims; id?: string } = {}) {
  const ifMatch = options.ifMatch === undefined ? '"2"' : options.ifMatch;
  return handler(
    routeEvent('POST', '/console/ideas/{id}/decisions', {
      params: { id: options.id ?? IDEA_ID },
      body,
      headers: ifMatch === null ? {} : { 'if-match': ifMatch },
      claims: options.claims ?? triageClaims(),
    }),
    lambdaContext('spire-post-decision'),
  );
}


function putItems(): Record<string, unknown>[] {
  return putsIn(transactionItems());
}

describe('POST /console/ideas/{id}/decisions (post-decision)', () => {
  it('accepts an idea: answers its new status, version and ETag, and the pilot it became', async () => {
    // Act
    const response = await decide({ decision: 'accept', message: 'Vi starter en sprint i februar.' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"3"');
    const body = bodyOf(response);
    expect(body).toEqual({
      id: IDEA_ID,
      status: 'accepted',
      version: 3,
      decision: { kind: 'accept', at: NOW, by: { sub: TRIAGE.sub, name: 'Søren Ærø' }, message: 'Vi starter en sprint i februar.', pilotId: expect.stringMatching(UUID) },
      pilot: { id: (body['decision'] as { pilotId: string }).pilotId, stage: 'sprint' },
    });
  });

  it('writes the decision, its history event, the pilot with its history, list entries and counters, and the e-mail in one transaction at the version read', async () => {
    // Act
    await decide({ decision: 'accept' });

    // Assess
    const items = transactionItems();
    expect(items[0]?.Put).toMatchObject({
      Item: { ...ideaEntity.key(IDEA_ID), status: 'accepted', version: 3, decision: { kind: 'accept' } },
      ExpressionAttributeValues: { ':expected': 2, ':from': 'in_triage' },
    });
    expect(items[1]?.Put?.Item).toMatchObject({ ...ideaEventEntity.key(IDEA_ID, 3), from: 'in_triage', to: 'accepted', actor: { kind: 'staff', sub: TRIAGE.sub, name: 'Søren Ærø' }, decision: { kind: 'accept' } });
    const pilotId = (items[0]?.Put?.Item?.['decision'] as { pilotId: string }).pilotId;
    const puts = putItems();
    expect(puts).toContainEqual({
      ...pilotEntity.key(pilotId),
      type: 'pilot',
      version: 1,
      pilot: expect.objectContaining({ id: pilotId, stage: 'sprint', ideaIds: [IDEA_ID], title: 'Færre dobbeltregistreringer på plejecentret', createdAt: NOW }),
    });
    expect(puts).toContainEqual(expect.objectContaining({ ...pilotEventEntity.key(pilotId, 1), type: 'pilot-event', event: expect.objectContaining({ change: 'created', to: 'sprint' }) }));
    expect(ofType(puts, 'pilot-entry').map(partitionOf)).toContain(pilotListEntryEntity.list({ stage: 'sprint' }, 'in_stage').partition);
    expect(countersAdded(updatesOf(items))).toMatchObject({ 'ideas:status:in_triage': -1, 'ideas:accepted': 1, 'stage:sprint': 1, 'reached:sprint': 1 });
    expect(puts).toContainEqual(
      expect.objectContaining({ ...notificationEntity.key(`${IDEA_ID}.v3`), type: 'notification', to: 'birthe.sorensen@kommune.example', subject: expect.stringContaining('Færre dobbeltregistreringer') }),
    );
  });

  it('queues the e-mail to the submitter on the notify queue, after the transaction', async () => {
    // Act
    await decide({ decision: 'decline', reasonCode: 'already_solved', message: 'Det findes allerede i Cura.' });

    // Assess
    expect(sideEffects).toEqual(['transaction', 'queue']);
    expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageBatchCommand, {
      QueueUrl: NOTIFY_QUEUE_URL,
      Entries: [{ Id: '0', MessageBody: JSON.stringify({ notificationId: `${IDEA_ID}.v3` }) }],
    });
  });

  it.each([
    ['SQS cannot be reached', () => sqsMock.on(SendMessageBatchCommand).rejects(new Error('connect ETIMEDOUT'))],
    ['SQS refuses the message', () => sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: '0', SenderFault: false, Code: 'ServiceUnavailable' }] })],
  ])('still answers 200 when %s: the decision is stored and the sweeper queues the e-mail', async (_case, outage) => {
    // Prepare
    outage();

    // Act
    const response = await decide({ decision: 'redirect', to: 'it_support', message: 'Ring til IT-support på 1234.' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ status: 'redirected', version: 3 });
    expect(putItems()).toContainEqual(expect.objectContaining(notificationEntity.key(`${IDEA_ID}.v3`)));
  });

  it('parks an idea until a later day, filed for its revisit', async () => {
    // Act
    const response = await decide({ decision: 'park', revisitOn: '2026-03-02' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ status: 'parked', decision: { kind: 'park', revisitOn: '2026-03-02' } });
    expect(putItems()).toContainEqual(itemOf.revisit(aParkedIdea('2026-03-02')));
  });

  it('merges a duplicate into a live idea and carries its submitter’s support over', async () => {
    // Prepare
    stored(anIdeaInTriage({ id: OTHER_IDEA_ID, title: 'Én registrering i plejen' }));
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    ddbMock.on(DeleteCommand).resolves({});

    // Act
    const response = await decide({ decision: 'duplicate', into: OTHER_IDEA_ID });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ status: 'duplicate', decision: { kind: 'duplicate', mergedInto: OTHER_IDEA_ID } });
    const [decision, support] = transactions(ddbMock);
    expect(putAt(decision ?? [], mergeEntity.key(IDEA_ID))).toMatchObject({ into: OTHER_IDEA_ID });
    expect(keyOf(support?.[0]?.Put?.Item)).toEqual(supporterEntity.key(OTHER_IDEA_ID, supporterHash(TEST_KEYS, SUBMITTER_SUB)));
    expect(ddbMock).toHaveReceivedCommandWith(DeleteCommand, { Key: mergeEntity.key(IDEA_ID) });
  });

  it('lets an admin decide too', async () => {
    // Act
    const response = await decide({ decision: 'needs_info', question: 'Hvilke tre systemer drejer det sig om?' }, { claims: adminClaims() });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ status: 'needs_info', decision: { kind: 'needs_info', message: 'Hvilke tre systemer drejer det sig om?' } });
  });

  it('queues nothing for an anonymous idea: it has nobody to write to', async () => {
    // Prepare
    stored(anAnonymousIdea('c'.repeat(64), { status: 'in_triage', version: 2 }));

    // Act
    const response = await decide({ decision: 'accept' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(putItems().some((item) => item['type'] === 'notification')).toBe(false);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  describe('refusals', () => {
    it('refuses a plain employee with 403 problem+json, without reading or writing', async () => {
      // Act
      const response = await decide({ decision: 'accept' }, { claims: employeeClaims() });

      // Assess
      expect(response.statusCode).toBe(403);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
      expect(ddbMock).not.toHaveReceivedAnyCommand();
      expect(sqsMock).not.toHaveReceivedAnyCommand();
    });

    it('requires If-Match with 428, without reading or writing', async () => {
      // Act
      const response = await decide({ decision: 'accept' }, { ifMatch: null });

      // Assess
      expect(response.statusCode).toBe(428);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-required', status: 428 });
      expect(ddbMock).not.toHaveReceivedAnyCommand();
    });

    it.each([
      ['an older version', '"1"'],
      ['a newer version', '"3"'],
      ['the current version as a weak ETag', 'W/"2"'],
      ['the current version with leading zeros', '"000000002"'],
      ['a list without the current version', '"1", "3"'],
    ])('answers 412 for %s, writing and queueing nothing', async (_case, ifMatch) => {
      // Act
      const response = await decide({ decision: 'accept' }, { ifMatch });

      // Assess
      expect(response.statusCode).toBe(412);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-failed' });
      expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
      expect(sqsMock).not.toHaveReceivedAnyCommand();
    });

    it.each(['"1", "2"', '*'])('decides when If-Match is %s, which the current version satisfies, at the version read', async (ifMatch) => {
      // Act
      const response = await decide({ decision: 'accept' }, { ifMatch });

      // Assess
      expect(response.statusCode).toBe(200);
      expect(transactionItems()[0]?.Put).toMatchObject({ ExpressionAttributeValues: { ':expected': 2 } });
    });

    it('answers 400 on /if-match for an If-Match that is no ETag, without reading or writing', async () => {
      // Act
      const response = await decide({ decision: 'accept' }, { ifMatch: 'version-2' });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/validation', errors: [{ pointer: '/if-match' }] });
      expect(ddbMock).not.toHaveReceivedAnyCommand();
      expect(sqsMock).not.toHaveReceivedAnyCommand();
    });

    it('answers 412 when somebody changed the idea between the read and the write, and queues nothing', async () => {
      // Prepare
      ddbMock.on(TransactWriteCommand).rejects(transactionCanceled('ConditionalCheckFailed', 'None'));

      // Act
      const response = await decide({ decision: 'accept' });

      // Assess
      expect(response.statusCode).toBe(412);
      expect(sqsMock).not.toHaveReceivedAnyCommand();
    });

    it('answers 409 with the decisions the status allows when it does not allow this one', async () => {
      // Prepare
      stored(aParkedIdea('2026-03-02'));

      // Act
      const response = await decide({ decision: 'accept' }, { ifMatch: '"3"' });

      // Assess
      expect(response.statusCode).toBe(409);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/invalid-transition', status: 409, ideaStatus: 'parked', allowed: ['decline', 'duplicate'] });
      expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    });

    it('answers 409 with no decision allowed for an idea that is decided', async () => {
      // Prepare
      stored(anIdeaInTriage({ status: 'declined', version: 3, decision: aDecision('decline', { reasonCode: 'no_capacity', message: 'Ikke nu.' }) }));

      // Act
      const response = await decide({ decision: 'accept' }, { ifMatch: '"3"' });

      // Assess
      expect(response.statusCode).toBe(409);
      expect(problemOf(response)).toMatchObject({ ideaStatus: 'declined', allowed: [] });
    });

    it('answers 404 for an idea that does not exist', async () => {
      // Act
      const response = await decide({ decision: 'accept' }, { id: OTHER_IDEA_ID });

      // Assess
      expect(response.statusCode).toBe(404);
      expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    });

    it.each<[string, unknown, string[]]>([
      ['an unknown decision', { decision: 'maybe' }, ['/decision']],
      ['a question that is missing', { decision: 'needs_info' }, ['/question']],
      ['an unknown decline reason', { decision: 'decline', reasonCode: 'because', message: 'Nej.' }, ['/reasonCode']],
      ['a decline without a message', { decision: 'decline', reasonCode: 'no_capacity' }, ['/message']],
      ['a revisit day that has passed', { decision: 'park', revisitOn: '2026-01-06' }, ['/revisitOn']],
      ['a revisit day that is no date', { decision: 'park', revisitOn: 'næste forår' }, ['/revisitOn']],
      ['a merge target that is no id', { decision: 'duplicate', into: 'idé-7' }, ['/into']],
      ['an unknown redirect target', { decision: 'redirect', to: 'the_mayor', message: 'Spørg borgmesteren.' }, ['/to']],
      ['an unknown field', { decision: 'accept', pilotName: 'Plejeprojektet' }, ['/pilotName']],
    ])('refuses %s with 400, pointing at the field, and writes nothing', async (_case, body, pointers) => {
      // Act
      const response = await decide(body);

      // Assess
      expect(response.statusCode).toBe(400);
      const problem = problemOf(response);
      expect(problem['type']).toBe('/api/problems/validation');
      expect((problem['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(pointers);
      expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
      expect(sqsMock).not.toHaveReceivedAnyCommand();
    });

    it.each([
      ['itself', IDEA_ID, 'An idea cannot be merged into itself'],
      ['an idea that does not exist', '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', 'There is no idea with that id'],
    ])('refuses to merge an idea into %s with 400 on /into', async (_case, into, detail) => {
      // Act
      const response = await handler(
        routeEvent('POST', '/console/ideas/{id}/decisions', {
          params: { id: IDEA_ID },
          body: { decision: 'duplicate', into },
          headers: { 'if-match': '"2"', 'accept-language': 'en' },
          claims: triageClaims(),
        }),
        lambdaContext(),
      );

      // Assess
      expect(response.statusCode).toBe(400);
      expect(problemOf(response)['errors']).toEqual([{ pointer: '/into', detail }]);
      expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    });

    it('refuses to merge into an idea that is closed itself', async () => {
      // Prepare
      stored(anIdeaInTriage({ id: OTHER_IDEA_ID, status: 'withdrawn', version: 3 }));

      // Act
      const response = await decide({ decision: 'duplicate', into: OTHER_IDEA_ID });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(problemOf(response)['errors']).toEqual([{ pointer: '/into', detail: expect.stringContaining('withdrawn') }]);
      expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    });

    it('refuses a form body with 415: decisions are JSON', async () => {
      // Act
      const response = await handler(
        routeEvent('POST', '/console/ideas/{id}/decisions', {
          params: { id: IDEA_ID },
          body: 'decision=accept',
          headers: { 'if-match': '"2"', 'content-type': 'application/x-www-form-urlencoded' },
          claims: triageClaims(),
        }),
        lambdaContext(),
      );

      // Assess
      expect(response.statusCode).toBe(415);
      expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    });
  });
});

describe('POST /console/ideas/{id}/decisions: personal data', () => {
  const CPR_MESSAGE = 'Borgeren 010203-1234 er allerede hjulpet.';

  it('refuses a question holding an e-mail address with 422 personal-data on /question, and writes and queues nothing', async () => {
    // Act
    const response = await decide({ decision: 'needs_info', question: 'Må vi skrive til jens.hansen@gmail.com om det?' });

    // Assess
    expect(response.statusCode).toBe(422);
    expect(problemOf(response)).toEqual({
      type: '/api/problems/personal-data',
      title: 'Teksten ser ud til at indeholde personoplysninger',
      status: 422,
      detail: expect.stringContaining('confirmPersonalData: true'),
      findings: [{ pointer: '/question', kind: 'email', start: 17, end: 38 }],
    });
    expect(response.body).not.toContain('jens.hansen');
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it.each([
    ['accept', { decision: 'accept', message: CPR_MESSAGE }],
    ['park', { decision: 'park', revisitOn: '2026-09-01', message: CPR_MESSAGE }],
    ['decline', { decision: 'decline', reasonCode: 'already_solved', message: CPR_MESSAGE }],
    ['duplicate', { decision: 'duplicate', into: OTHER_IDEA_ID, message: CPR_MESSAGE }],
    ['redirect', { decision: 'redirect', to: 'it_support', message: CPR_MESSAGE }],
  ])('refuses the message of a %s decision when it holds a CPR number, writing nothing', async (_kind, body) => {
    // Prepare: the idea a duplicate is merged into.
    stored(anIdeaInTriage({ id: OTHER_IDEA_ID }));

    // Act
    const response = await decide(body);

    // Assess
    expect(response.statusCode).toBe(422);
    expect(problemOf(response)['findings']).toEqual([{ pointer: '/message', kind: 'cpr', start: 9, end: 20 }]);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('takes a confirmed decision and stores the message as given, in the decision and the e-mail, without the confirmation', async () => {
    // Act
    const response = await decide({ decision: 'decline', reasonCode: 'already_solved', message: CPR_MESSAGE, confirmPersonalData: true });

    // Assess
    expect(response.statusCode).toBe(200);
    const [ideaPut] = transactionItems();
    const decision = ideaPut?.Put?.Item?.['decision'] as Record<string, unknown>;
    expect(decision).toMatchObject({ kind: 'decline', message: CPR_MESSAGE });
    expect(decision).not.toHaveProperty('confirmPersonalData');
    expect(putItems()).toContainEqual(expect.objectContaining({ type: 'notification', text: expect.stringContaining(CPR_MESSAGE) }));
    expect(sqsMock).toHaveReceivedCommandTimes(SendMessageBatchCommand, 1);
  });

  it('answers 412 for a stale If-Match before it looks for personal data', async () => {
    // Act
    const response = await decide({ decision: 'needs_info', question: `Gælder det ${CPR_MESSAGE}` }, { ifMatch: '"1"' });

    // Assess
    expect(response.statusCode).toBe(412);
  });

  it('answers 409 for a decision the status does not allow before it looks for personal data', async () => {
    // Prepare
    stored(aParkedIdea('2026-03-02'));

    // Act
    const response = await decide({ decision: 'accept', message: CPR_MESSAGE }, { ifMatch: '"3"' });

    // Assess
    expect(response.statusCode).toBe(409);
  });

  it('does not look for personal data in a decision without free text', async () => {
    // Act
    const response = await decide({ decision: 'accept' });

    // Assess
    expect(response.statusCode).toBe(200);
  });
});

import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { gateRecordEntity, gateSettingsEntity, learningEntity, pilotEntity, pilotEventEntity, pilotListEntryEntity } from '../../../shared/store/entities.ts';
import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/post-gate.ts';
import { DEFAULT_GATES } from '../../../shared/domain/gates.ts';
import type { Pilot } from '../../../shared/domain/pilot.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { adminClaims, bodyOf, directorClaims, employeeClaims, lambdaContext, problemOf, routeEvent, transactionCanceled, triageClaims, type Claims } from '../support/lambda.ts';
import { aPilotReadyToStart, aPilotIn, aStoppedPilot, LEARNINGS, OTHER_PILOT_ID, PILOT_ID } from '../support/pilots.ts';
import { CREATE_ONLY, deletesIn, givenPilots, partitionOf, putsIn } from '../support/table.ts';

const NOW = '2026-02-01T09:00:00.000Z';
const ALL_YES = Object.fromEntries(DEFAULT_GATES.gates.pilot.map((item) => [item.id, true]));

const { ddbMock, transactionItems, expectNothingWritten } = mockTableAndNotifyQueue({ now: NOW });

function stored(pilot: Pilot) {
  givenPilots(ddbMock, pilot);
}

function decide(body: unknown, options: { ifMatch?: string | null; claims?: Claims; id?: string; language?: string } = {}) {
  const ifMatch = options.ifMatch === undefined ? '"1"' : options.ifMatch;
  return handler(
    routeEvent('POST', '/console/pilots/{id}/gates', {
      params: { id: options.id ?? PILOT_ID },
      body,
      headers: { ...(ifMatch === null ? {} : { 'if-match': ifMatch }), ...(options.language === undefined ? {} : { 'accept-language': options.language }) },
      claims: options.claims ?? triageClaims(),
    }),
    lambdaContext('spire-post-gate'),
  );
}



describe('POST /console/pilots/{id}/gates (post-gate)', () => {
  it('takes a go at the gate: answers the new stage, version, ETag and the gate record', async () => {
    // Prepare
    stored(aPilotReadyToStart());

    // Act
    const response = await decide({ decision: 'go', reason: 'Klar til afprøvning på Søbakken.', checklist: ALL_YES });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"2"');
    expect(bodyOf(response)).toEqual({
      id: PILOT_ID,
      stage: 'pilot',
      version: 2,
      gate: {
        decision: 'go',
        gate: 'pilot',
        from: 'sprint',
        to: 'pilot',
        at: NOW,
        by: { sub: 'f9b8a7c6-triage', name: 'Søren Ærø' },
        role: 'triage',
        reason: 'Klar til afprøvning på Søbakken.',
        checklist: DEFAULT_GATES.gates.pilot.map((item) => ({ ...item, answer: true })),
      },
    });
    expect(response.body).toContain('Søbakken');
  });

  it('writes the stage change, its history event, the gate record, the list entries and the counters in one transaction at the version read', async () => {
    // Prepare
    stored(aPilotReadyToStart());

    // Act
    await decide({ decision: 'go', reason: 'Klar til afprøvning.', checklist: ALL_YES });

    // Assess
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, { Key: pilotEntity.key(PILOT_ID), ConsistentRead: true });
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, { Key: gateSettingsEntity.key() });
    const items = transactionItems();
    expect(items[0]?.Put).toMatchObject({
      Item: { ...pilotEntity.key(PILOT_ID), version: 2, pilot: { stage: 'pilot', stageEnteredAt: NOW, reachedStages: ['sprint', 'pilot'] } },
      ConditionExpression: '#version = :expected',
      ExpressionAttributeValues: { ':expected': 1 },
    });
    expect(items[1]?.Put).toMatchObject({
      Item: { ...pilotEventEntity.key(PILOT_ID, 2), event: { change: 'gate', from: 'sprint', to: 'pilot', decision: 'go', reason: 'Klar til afprøvning.' } },
      ConditionExpression: CREATE_ONLY,
    });
    expect(items[2]?.Put?.Item).toMatchObject({ ...gateRecordEntity.key(PILOT_ID, 2), type: 'gate', pilotId: PILOT_ID, gate: { decision: 'go', role: 'triage' } });
    // The pilot enters the list of its new stage and leaves that of its old one.
    expect(putsIn(items).map(partitionOf)).toContain(pilotListEntryEntity.list({ stage: 'pilot' }, 'in_stage').partition);
    expect(deletesIn(items).map(partitionOf)).toContain(pilotListEntryEntity.list({ stage: 'sprint' }, 'in_stage').partition);
    const counters = items.flatMap((item) => (item.Update === undefined ? [] : [item.Update]));
    expect(counters).toHaveLength(1);
    expect(Object.values(counters[0]?.ExpressionAttributeNames ?? {})).toEqual(expect.arrayContaining(['c:stage:sprint', 'c:stage:pilot', 'c:reached:pilot']));
  });

  it('records a director’s decision in the director role', async () => {
    // Prepare
    stored(aPilotReadyToStart());

    // Act
    const response = await decide({ decision: 'go', reason: 'Ledelsen siger god for det.', checklist: ALL_YES }, { claims: directorClaims() });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)['gate']).toMatchObject({ role: 'director', by: { sub: 'd1-director', name: 'Dorte Øster' } });
    expect(transactionItems()[2]?.Put?.Item).toMatchObject({ gate: { role: 'director' } });
  });

  it('holds a pilot in its stage until a later day', async () => {
    // Prepare
    stored(aPilotIn('pilot'));

    // Act
    const response = await decide({ decision: 'hold', reason: 'Leverandøren er forsinket.', revisitOn: '2026-03-02' }, { ifMatch: '"2"' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toMatchObject({ stage: 'pilot', version: 3, gate: { decision: 'hold', revisitOn: '2026-03-02', checklist: [{ id: 'real-users', answer: false }] } });
    expect(transactionItems()[0]?.Put?.Item).toMatchObject({ pilot: { hold: { until: '2026-03-02', reason: 'Leverandøren er forsinket.' } } });
  });

  it('recycles a pilot one stage back with what must change', async () => {
    // Prepare
    stored(aPilotIn('evaluation'));

    // Act
    const response = await decide({ decision: 'recycle', reason: 'Målingen holder ikke.', mustChange: 'Mål i to uger mere på begge afdelinger.' }, { ifMatch: '"3"' });

    // Assess
    expect(bodyOf(response)).toMatchObject({ stage: 'pilot', version: 4, gate: { decision: 'recycle', from: 'evaluation', to: 'pilot', mustChange: 'Mål i to uger mere på begge afdelinger.' } });
  });

  it('stops a pilot with its learnings, which are written as a learning', async () => {
    // Prepare
    stored(aPilotIn('pilot'));

    // Act
    const response = await decide({ decision: 'stop', reason: 'Gevinsten udeblev.', learnings: LEARNINGS }, { ifMatch: '"2"', claims: directorClaims() });

    // Assess
    expect(bodyOf(response)).toMatchObject({ stage: 'stopped', version: 3, gate: { decision: 'stop', from: 'pilot', to: 'stopped', role: 'director' } });
    const puts = putsIn(transactionItems());
    expect(puts).toContainEqual({ ...learningEntity.key(PILOT_ID), type: 'learning', learning: expect.objectContaining({ stage: 'stopped', learnings: LEARNINGS }) });
  });

  describe('refusals', () => {
    it.each([
      ['a plain employee', employeeClaims()],
      ['an admin who is neither director nor triage', adminClaims()],
    ])('refuses %s with 403 problem+json, without reading or writing', async (_case, claims) => {
      // Act
      const response = await decide({ decision: 'go', reason: 'Klar.', checklist: ALL_YES }, { claims });

      // Assess
      expect(response.statusCode).toBe(403);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
      expect(ddbMock).not.toHaveReceivedAnyCommand();
    });

    it('requires If-Match with 428, without reading or writing', async () => {
      // Act
      const response = await decide({ decision: 'go', reason: 'Klar.', checklist: ALL_YES }, { ifMatch: null });

      // Assess
      expect(response.statusCode).toBe(428);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-required' });
      expect(ddbMock).not.toHaveReceivedAnyCommand();
    });

    it.each([
      ['an older version', '"0"'],
      ['a newer version', '"2"'],
      ['the current version as a weak ETag', 'W/"1"'],
    ])('answers 412 for %s, writing nothing', async (_case, ifMatch) => {
      // Prepare
      stored(aPilotReadyToStart());

      // Act
      const response = await decide({ decision: 'go', reason: 'Klar.', checklist: ALL_YES }, { ifMatch });

      // Assess
      expect(response.statusCode).toBe(412);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-failed' });
      expectNothingWritten();
    });

    it('answers 412 when somebody decided between the read and the write', async () => {
      // Prepare
      stored(aPilotReadyToStart());
      ddbMock.on(TransactWriteCommand).rejects(transactionCanceled('ConditionalCheckFailed', 'None', 'None'));

      // Act
      const response = await decide({ decision: 'go', reason: 'Klar.', checklist: ALL_YES });

      // Assess
      expect(response.statusCode).toBe(412);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-failed' });
    });

    it('answers 404 for a pilot that does not exist', async () => {
      // Act
      const response = await decide({ decision: 'go', reason: 'Klar.', checklist: ALL_YES }, { id: OTHER_PILOT_ID });

      // Assess
      expect(response.statusCode).toBe(404);
      expectNothingWritten();
    });

    it('answers 409 checklist-incomplete naming the required items not answered yes, in Danish', async () => {
      // Prepare
      stored(aPilotReadyToStart());

      // Act
      const response = await decide({ decision: 'go', reason: 'Klar.', checklist: { ...ALL_YES, 'architecture-fit': false } });

      // Assess
      expect(response.statusCode).toBe(409);
      expect(problemOf(response)).toMatchObject({
        type: '/api/problems/checklist-incomplete',
        status: 409,
        title: 'Tjeklisten er ikke opfyldt',
        detail: 'Før go skal disse punkter være besvaret ja: IT har vurderet arkitekturen.',
        missing: [{ id: 'architecture-fit', text: 'IT har vurderet arkitekturen' }],
      });
      expectNothingWritten();
    });

    it('names the missing items in English for a caller who prefers it', async () => {
      // Prepare
      stored(aPilotReadyToStart());

      // Act
      const response = await decide({ decision: 'go', reason: 'Ready.' }, { language: 'en' });

      // Assess
      expect(problemOf(response)).toMatchObject({
        title: 'The checklist is not met',
        missing: DEFAULT_GATES.gates.pilot.map((item) => ({ id: item.id, text: item.text.en })),
      });
    });

    it('answers 409 invalid-gate-decision with what the stage allows', async () => {
      // Prepare
      stored(aPilotReadyToStart());

      // Act
      const response = await decide({ decision: 'recycle', reason: 'Om igen.', mustChange: 'Det hele.' });

      // Assess
      expect(response.statusCode).toBe(409);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/invalid-gate-decision', status: 409, pilotStage: 'sprint', allowed: ['go', 'hold', 'stop'] });
      expectNothingWritten();
    });

    it('answers 409 with nothing allowed for a stopped pilot', async () => {
      // Prepare
      stored(aStoppedPilot('pilot'));

      // Act
      const response = await decide({ decision: 'go', reason: 'Videre.' }, { ifMatch: '"3"' });

      // Assess
      expect(problemOf(response)).toMatchObject({ pilotStage: 'stopped', allowed: [] });
      expectNothingWritten();
    });

    it('refuses an answer to an item the checklist does not have with 400 at its pointer', async () => {
      // Prepare
      stored(aPilotReadyToStart());

      // Act
      const response = await decide({ decision: 'go', reason: 'Klar.', checklist: { ...ALL_YES, 'budget-ok': true } });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/validation', errors: [{ pointer: '/checklist/budget-ok', detail: 'Punktet findes ikke på denne tjekliste' }] });
      expectNothingWritten();
    });

    it('refuses to stop with learnings of one sentence with 400 at /learnings', async () => {
      // Prepare
      stored(aPilotReadyToStart());

      // Act
      const response = await decide({ decision: 'stop', reason: 'Vi stopper.', learnings: 'Det virkede ikke.' });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(problemOf(response)).toMatchObject({ errors: [{ pointer: '/learnings' }] });
      expectNothingWritten();
    });

    it.each<[string, unknown, string[]]>([
      ['an unknown decision', { decision: 'maybe', reason: 'Tja.' }, ['/decision']],
      ['a reason that is missing', { decision: 'go', checklist: ALL_YES }, ['/reason']],
      ['a hold without a day', { decision: 'hold', reason: 'Vent.' }, ['/revisitOn']],
      ['a hold until today', { decision: 'hold', reason: 'Vent.', revisitOn: '2026-02-01' }, ['/revisitOn']],
      ['a recycle without what must change', { decision: 'recycle', reason: 'Om igen.' }, ['/mustChange']],
      ['a stop without learnings', { decision: 'stop', reason: 'Vi stopper.' }, ['/learnings']],
      ['a checklist answer that is not yes or no', { decision: 'go', reason: 'Klar.', checklist: { 'architecture-fit': 'ja' } }, ['/checklist/architecture-fit']],
      ['an unknown field', { decision: 'go', reason: 'Klar.', checklist: ALL_YES, nextStage: 'realised' }, ['/nextStage']],
    ])('refuses %s with 400, pointing at the field, and writes nothing', async (_case, body, pointers) => {
      // Prepare
      stored(aPilotReadyToStart());

      // Act
      const response = await decide(body);

      // Assess
      expect(response.statusCode).toBe(400);
      const problem = problemOf(response);
      expect(problem).toMatchObject({ type: '/api/problems/validation', status: 400 });
      expect((problem['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(pointers);
      expectNothingWritten();
    });
  });
});

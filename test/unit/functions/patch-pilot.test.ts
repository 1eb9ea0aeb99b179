import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/patch-pilot.ts';
import type { Pilot } from '../../../shared/domain/pilot.ts';
import { pilotEntity, pilotEventEntity, pilotListEntryEntity, pipelineShardEntity } from '../../../shared/store/entities.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { adminClaims, bodyOf, directorClaims, employeeClaims, lambdaContext, problemOf, routeEvent, transactionCanceled, triageClaims, type Claims } from '../support/lambda.ts';
import { aPilot, aStoppedPilot, OTHER_PILOT_ID, PILOT_ID } from '../support/pilots.ts';
import { CREATE_ONLY, givenPilots, ofType, partitionOf, putsIn } from '../support/table.ts';

const NOW = '2026-02-01T09:00:00.000Z';
const OWNER = { sub: 'o1-owner', name: 'Åge Ødegård' };
const HYPOTHESIS = {
  expectedHoursPerYear: 320,
  successMeasure: 'Minutter brugt på registrering pr. borger',
  baseline: '12 minutter pr. besøg',
  successThreshold: 'Under 5 minutter pr. besøg',
};

const { ddbMock, transactionItems, expectNothingWritten } = mockTableAndNotifyQueue({ now: NOW });

function stored(pilot: Pilot) {
  givenPilots(ddbMock, pilot);
}

function patch(body: unknown, options: { ifMatch?: string | null; claims?: Claims; id?: string; headers?: Record<string, string> } = {}) {
  const ifMatch = options.ifMatch === undefined ? '"1"' : options.ifMatch;
  return handler(
    routeEvent('PATCH', '/console/pilots/{id}', {
      params: { id: options.id ?? PILOT_ID },
      body,
      headers: { ...(ifMatch === null ? {} : { 'if-match': ifMatch }), ...options.headers },
      claims: options.claims ?? triageClaims(),
    }),
    lambdaContext('spire-patch-pilot'),
  );
}



describe('PATCH /console/pilots/{id} (patch-pilot)', () => {
  it('changes the fields sent and answers the pilot at its next version, with the new ETag', async () => {
    // Prepare
    stored(aPilot());

    // Act
    const response = await patch({ owner: OWNER, riskLevel: 'medium', hypothesis: HYPOTHESIS });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"2"');
    expect(bodyOf(response)).toEqual({ ...aPilot(), owner: OWNER, riskLevel: 'medium', hypothesis: HYPOTHESIS, updatedAt: NOW, version: 2 });
    expect(response.body).toContain('"name":"Åge Ødegård"');
  });

  it('writes the pilot, its edit event, its list entries and the expected hours in one transaction at the version read', async () => {
    // Prepare
    stored(aPilot());

    // Act
    await patch({ owner: OWNER, hypothesis: HYPOTHESIS });

    // Assess
    const items = transactionItems();
    expect(items[0]?.Put).toMatchObject({
      TableName: 'spire-unit',
      Item: { ...pilotEntity.key(PILOT_ID), type: 'pilot', version: 2, pilot: { owner: OWNER, hypothesis: HYPOTHESIS, version: 2 } },
      ConditionExpression: '#version = :expected',
      ExpressionAttributeValues: { ':expected': 1 },
    });
    expect(items[1]?.Put).toMatchObject({
      Item: { ...pilotEventEntity.key(PILOT_ID, 2), type: 'pilot-event', event: { change: 'edit', from: 'sprint', to: 'sprint', fields: ['owner', 'hypothesis'], by: { sub: 'f9b8a7c6-triage', name: 'Søren Ærø' } } },
      ConditionExpression: CREATE_ONLY,
    });
    const puts = putsIn(items);
    const ownersList = pilotListEntryEntity.list({ owner: 'o1-owner' }, 'expected_hours').partition;
    expect(ofType(puts, 'pilot-entry').filter((item) => partitionOf(item) === ownersList)).toEqual([expect.objectContaining({ row: expect.objectContaining({ expectedHoursPerYear: 320 }) })]);
    const counters = items.flatMap((item) => (item.Update === undefined ? [] : [item.Update]));
    expect(counters).toHaveLength(1);
    expect(partitionOf(counters[0]?.Key)).toBe(pipelineShardEntity.all().partition);
    expect(counters[0]).toMatchObject({ ExpressionAttributeNames: expect.objectContaining({ '#a0': 'c:hours:expected' }), ExpressionAttributeValues: expect.objectContaining({ ':v1': 320 }) });
    // An edit is no gate decision: no gate record.
    expect(ofType(puts, 'gate')).toEqual([]);
  });

  it('clears a field sent as null', async () => {
    // Prepare
    stored(aPilot({ riskLevel: 'high', cost: { oneOffDkk: 40_000 } }));

    // Act
    const response = await patch({ riskLevel: null });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).not.toHaveProperty('riskLevel');
    expect(bodyOf(response)['cost']).toEqual({ oneOffDkk: 40_000 });
    expect(transactionItems()[0]?.Put?.Item?.['pilot']).not.toHaveProperty('riskLevel');
  });

  it('writes nothing when the patch changes nothing, and answers the pilot with its ETag as it was', async () => {
    // Prepare
    stored(aPilot({ owner: OWNER }));

    // Act
    const response = await patch({ owner: OWNER, title: aPilot().title });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"1"');
    expect(bodyOf(response)['version']).toBe(1);
    expectNothingWritten();
  });

  it('lets an admin edit too', async () => {
    // Prepare
    stored(aPilot());

    // Act
    const response = await patch({ riskLevel: 'low' }, { claims: adminClaims() });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
  });

  describe('refusals', () => {
    it.each([
      ['a plain employee', employeeClaims()],
      ['a director', directorClaims()],
    ])('refuses %s with 403 problem+json, without reading or writing', async (_case, claims) => {
      // Act
      const response = await patch({ riskLevel: 'low' }, { claims });

      // Assess
      expect(response.statusCode).toBe(403);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
      expect(ddbMock).not.toHaveReceivedAnyCommand();
    });

    it('requires If-Match with 428, without reading or writing', async () => {
      // Act
      const response = await patch({ riskLevel: 'low' }, { ifMatch: null });

      // Assess
      expect(response.statusCode).toBe(428);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-required', status: 428 });
      expect(ddbMock).not.toHaveReceivedAnyCommand();
    });

    it.each([
      ['an older version', '"0"'],
      ['a newer version', '"2"'],
      ['the current version as a weak ETag', 'W/"1"'],
      ['the current version with a leading zero', '"01"'],
    ])('answers 412 for %s, writing nothing', async (_case, ifMatch) => {
      // Prepare
      stored(aPilot());

      // Act
      const response = await patch({ riskLevel: 'low' }, { ifMatch });

      // Assess
      expect(response.statusCode).toBe(412);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-failed', status: 412 });
      expectNothingWritten();
    });

    it('answers 400 on /if-match for an If-Match that is no ETag, without reading or writing', async () => {
      // Act
      const response = await patch({ riskLevel: 'low' }, { ifMatch: 'v1' });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/validation', errors: [{ pointer: '/if-match' }] });
      expect(ddbMock).not.toHaveReceivedAnyCommand();
    });

    it('answers 412 when somebody changed the pilot between the read and the write', async () => {
      // Prepare
      stored(aPilot());
      ddbMock.on(TransactWriteCommand).rejects(transactionCanceled('ConditionalCheckFailed', 'None'));

      // Act
      const response = await patch({ riskLevel: 'low' });

      // Assess
      expect(response.statusCode).toBe(412);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-failed' });
    });

    it('answers 404 for a pilot that does not exist', async () => {
      // Act
      const response = await patch({ riskLevel: 'low' }, { id: OTHER_PILOT_ID });

      // Assess
      expect(response.statusCode).toBe(404);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/not-found' });
      expectNothingWritten();
    });

    it('refuses to let a stopped pilot lose its learnings with 400 at /learnings', async () => {
      // Prepare
      stored(aStoppedPilot('pilot'));

      // Act
      const response = await patch({ learnings: null }, { ifMatch: '"3"' });

      // Assess
      expect(response.statusCode).toBe(400);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/validation', errors: [{ pointer: '/learnings', detail: 'En stoppet pilot skal have læring på mindst et par sætninger' }] });
      expectNothingWritten();
    });

    it.each<[string, unknown, string[]]>([
      ['an empty patch', {}, ['']],
      ['an unknown field', { riskLevel: 'low', stage: 'realised' }, ['/stage']],
      ['an unknown risk level', { riskLevel: 'extreme' }, ['/riskLevel']],
      ['negative expected hours', { hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: -5 } }, ['/hypothesis/expectedHoursPerYear']],
      ['fractional kroner', { cost: { oneOffDkk: 10.5 } }, ['/cost/oneOffDkk']],
      ['a javascript: link', { artefacts: [{ kind: 'prototype', title: 'Klikbar prototype', url: 'javascript:alert(1)' }] }, ['/artefacts/0/url']],
      ['an artefact with neither link nor text', { artefacts: [{ kind: 'storyboard', title: 'Storyboard' }] }, ['/artefacts/0']],
      ['an unknown artefact kind', { artefacts: [{ kind: 'video', title: 'Film', url: 'https://kommune.example/film' }] }, ['/artefacts/0/kind']],
      ['an owner without a sub', { owner: { name: 'Åge Ødegård' } }, ['/owner/sub']],
      ['an owner whose sub holds a lone surrogate (it once answered 500)', { owner: { sub: 'o1-owner\ud800', name: 'Åge Ødegård' } }, ['/owner/sub']],
      ['an artefact link holding a lone surrogate', { artefacts: [{ kind: 'prototype', title: 'Prototype', url: 'https://kommune.example/\udc00' }] }, ['/artefacts/0/url']],
      ['a measuring day that is no date', { results: { summary: 'Færre fejl.', measuredOn: '1. marts' } }, ['/results/measuredOn']],
    ])('refuses %s with 400, pointing at the field, and writes nothing', async (_case, body, pointers) => {
      // Prepare
      stored(aPilot());

      // Act
      const response = await patch(body);

      // Assess
      expect(response.statusCode).toBe(400);
      const problem = problemOf(response);
      expect(problem).toMatchObject({ type: '/api/problems/validation', status: 400 });
      expect((problem['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(pointers);
      expectNothingWritten();
    });

    it('refuses a body that is not JSON with 415, writing nothing', async () => {
      // Act
      const response = await patch('riskLevel=low', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });

      // Assess
      expect(response.statusCode).toBe(415);
      expect(problemOf(response)).toMatchObject({ type: '/api/problems/unsupported-media-type' });
      expectNothingWritten();
    });
  });
});

import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/get-pilot.ts';
import { DEFAULT_GATES, type StoredGateSettings } from '../../../shared/domain/gates.ts';
import type { GateRecord, Pilot, PilotEvent } from '../../../shared/domain/pilot.ts';
import { gateSettingsEntity, pilotEntity } from '../../../shared/store/entities.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { TRIAGE } from '../support/ideas.ts';
import { adminClaims, bodyOf, directorClaims, employeeClaims, lambdaContext, problemOf, routeEvent, triageClaims, type Claims } from '../support/lambda.ts';
import { ACCEPTED_AT, aPilot, aPilotIn, OTHER_PILOT_ID, PILOT_ID } from '../support/pilots.ts';
import { givenGateSettings, givenPilotRecord, WHOLE_PARTITION } from '../support/table.ts';

/** 20 days after the test pilot entered its sprint: past the default limit of 14. */
const NOW = '2026-02-01T09:00:00.000Z';

const { ddbMock } = mockTableAndNotifyQueue({ now: NOW });

beforeEach(() => {
  ddbMock.on(QueryCommand).resolves({ Items: [] });
});

const created: PilotEvent = { pilotId: PILOT_ID, version: 1, at: ACCEPTED_AT, by: { sub: TRIAGE.sub, name: 'Søren Ærø' }, change: 'created', from: 'sprint', to: 'sprint' };
const hold: GateRecord = {
  decision: 'hold',
  gate: 'pilot',
  from: 'sprint',
  to: 'sprint',
  at: '2026-01-20T09:00:00.000Z',
  by: { sub: 'd1-director', name: 'Dorte Øster' },
  role: 'director',
  reason: 'Vent på svar fra IT-arkitekten.',
  checklist: DEFAULT_GATES.gates.pilot.map((item) => ({ ...item, answer: item.id === 'gdpr-dpia-screening' })),
  revisitOn: '2026-02-15',
};
const holdEvent: PilotEvent = { pilotId: PILOT_ID, version: 2, at: hold.at, by: hold.by, change: 'gate', from: 'sprint', to: 'sprint', decision: 'hold', reason: hold.reason };

/** The pilot's partition as one Query reads it: the pilot, its history and its gate decisions. */
function storedPilot(pilot: Pilot, history: PilotEvent[] = [created], gates: { version: number; gate: GateRecord }[] = []) {
  givenPilotRecord(ddbMock, pilot, { history, gates });
}

function getPilot(options: { id?: string; claims?: Claims; language?: string } = {}) {
  return handler(
    routeEvent('GET', '/console/pilots/{id}', {
      params: { id: options.id ?? PILOT_ID },
      claims: options.claims ?? triageClaims(),
      ...(options.language === undefined ? {} : { headers: { 'accept-language': options.language } }),
    }),
    lambdaContext('spire-get-pilot'),
  );
}

describe('GET /console/pilots/{id} (get-pilot)', () => {
  it('shows triage the pilot with its history, gate decisions and the gate it stands at, with its version as ETag', async () => {
    // Prepare
    const pilot = aPilot({ version: 2, hold: { until: '2026-02-15', reason: hold.reason } });
    storedPilot(pilot, [created, holdEvent], [{ version: 2, gate: hold }]);

    // Act
    const response = await getPilot();

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"2"');
    expect(response.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(bodyOf(response)).toEqual({
      ...pilot,
      daysInStage: 20,
      overStageLimit: true,
      nextGate: {
        gate: 'pilot',
        decisions: ['go', 'hold', 'stop'],
        checklist: DEFAULT_GATES.gates.pilot.map((item) => ({ id: item.id, text: item.text.da, required: true })),
      },
      gates: [hold],
      history: [created, holdEvent],
    });
  });

  it('reads the pilot’s partition in one consistent Query and the gate settings with one Get', async () => {
    // Prepare
    storedPilot(aPilot());

    // Act
    await getPilot();

    // Assess
    expect(ddbMock).toHaveReceivedCommandTimes(QueryCommand, 1);
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      TableName: 'spire-unit',
      KeyConditionExpression: WHOLE_PARTITION,
      ExpressionAttributeValues: { ':pk': pilotEntity.wholePartition(PILOT_ID).partition },
      ConsistentRead: true,
    });
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(GetCommand, { TableName: 'spire-unit', Key: gateSettingsEntity.key(), ConsistentRead: true });
  });

  it('keeps æ, ø and å as they are in the JSON', async () => {
    // Prepare
    storedPilot(aPilot({ title: 'Søvnovervågning på Ærø plejecenter' }));

    // Act
    const response = await getPilot();

    // Assess
    expect(response.body).toContain('"title":"Søvnovervågning på Ærø plejecenter"');
    expect(response.body).toContain('"department":"Ældre og sundhed"');
    expect(bodyOf(response)['nextGate']).toMatchObject({ checklist: expect.arrayContaining([expect.objectContaining({ text: 'GDPR-/DPIA-screening er gennemført' })]) });
  });

  it('writes the checklist in English for a caller who prefers it', async () => {
    // Prepare
    storedPilot(aPilotIn('pilot', '2026-01-25T09:00:00.000Z'));

    // Act
    const response = await getPilot({ language: 'en-GB,en;q=0.9,da;q=0.5' });

    // Assess
    expect(bodyOf(response)).toMatchObject({
      daysInStage: 7,
      overStageLimit: false,
      nextGate: { gate: 'evaluation', decisions: ['go', 'hold', 'recycle', 'stop'], checklist: [{ id: 'real-users', text: 'The pilot ran with real users or citizens', required: false }] },
    });
  });

  it('asks the checklist and limits the admin has stored', async () => {
    // Prepare
    const settings: StoredGateSettings = {
      gates: { ...DEFAULT_GATES.gates, pilot: [{ id: 'budget', text: { da: 'Budgettet er godkendt af økonomi', en: 'Budget approved by finance' }, required: true }] },
      stageLimitDays: { ...DEFAULT_GATES.stageLimitDays, sprint: 30 },
      version: 3,
      updatedAt: '2026-01-10T09:00:00.000Z',
      updatedBy: 'a1-admin',
    };
    givenGateSettings(ddbMock, settings);
    storedPilot(aPilot());

    // Act
    const response = await getPilot();

    // Assess
    expect(bodyOf(response)).toMatchObject({ overStageLimit: false, nextGate: { checklist: [{ id: 'budget', text: 'Budgettet er godkendt af økonomi', required: true }] } });
  });

  it('shows a realised pilot at no gate', async () => {
    // Prepare
    storedPilot(aPilotIn('realised'));

    // Act
    const response = await getPilot();

    // Assess
    expect(bodyOf(response)).toMatchObject({ stage: 'realised', nextGate: null });
    expect(bodyOf(response)).not.toHaveProperty('overStageLimit');
  });

  it.each([
    ['a director', directorClaims()],
    ['an admin', adminClaims()],
  ])('shows %s the pilot too', async (_case, claims) => {
    // Prepare
    storedPilot(aPilot());

    // Act
    const response = await getPilot({ claims });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)['id']).toBe(PILOT_ID);
  });

  it('answers 404 problem+json for a pilot that does not exist', async () => {
    // Act
    const response = await getPilot({ id: OTHER_PILOT_ID });

    // Assess
    expect(response.statusCode).toBe(404);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/not-found', status: 404, detail: 'Der er ingen pilot med det id.' });
  });

  it('refuses an id that is not a UUID with 400, without reading', async () => {
    // Act
    const response = await getPilot({ id: 'pilot-1' });

    // Assess
    expect(response.statusCode).toBe(400);
    expect((problemOf(response)['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(['/id']);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('refuses a plain employee with 403 problem+json, without reading', async () => {
    // Act
    const response = await getPilot({ claims: employeeClaims() });

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

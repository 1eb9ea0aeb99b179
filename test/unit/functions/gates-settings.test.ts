import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler as getGates } from '../../../functions/get-gates.ts';
import { handler as putGates } from '../../../functions/put-gates.ts';
import { DEFAULT_GATES, type GateSettings, type StoredGateSettings } from '../../../shared/domain/gates.ts';
import { gateSettingsEntity } from '../../../shared/store/entities.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { CREATE_ONLY, givenGateSettings, itemOf } from '../support/table.ts';
import { adminClaims, bodyOf, directorClaims, employeeClaims, lambdaContext, problemOf, routeEvent, triageClaims, type Claims } from '../support/lambda.ts';

const NOW = '2026-02-01T09:00:00.000Z';
const SETTINGS_KEY = gateSettingsEntity.key();

const { ddbMock } = mockTableAndNotifyQueue({ now: NOW });

beforeEach(() => {
  ddbMock.on(PutCommand).resolves({});
});

/** The default settings with a Danish checklist item of the municipality's own before pilot. */
function ownSettings(): GateSettings {
  return {
    gates: {
      ...structuredClone(DEFAULT_GATES.gates),
      pilot: [...DEFAULT_GATES.gates.pilot, { id: 'medarbejderudvalg', text: { da: 'MED-udvalget er orienteret om forsøget på plejecentret', en: 'The works council has been told' }, required: true }],
    },
    stageLimitDays: { sprint: 21, pilot: 90, evaluation: 30, operations: 365 },
  };
}

function storedSettings(settings: StoredGateSettings) {
  givenGateSettings(ddbMock, settings);
}

function read(claims: Claims = adminClaims()) {
  return getGates(routeEvent('GET', '/console/gates', { claims }), lambdaContext('spire-get-gates'));
}

function replace(body: unknown, options: { ifMatch?: string | null; claims?: Claims } = {}) {
  const ifMatch = options.ifMatch === undefined ? '"0"' : options.ifMatch;
  return putGates(
    routeEvent('PUT', '/console/gates', { body, headers: ifMatch === null ? {} : { 'if-match': ifMatch }, claims: options.claims ?? adminClaims() }),
    lambdaContext('spire-put-gates'),
  );
}

describe('GET /console/gates (get-gates)', () => {
  it('answers the shipped defaults as version 0 while nothing is stored', async () => {
    // Act
    const response = await read();

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"0"');
    expect(bodyOf(response)).toEqual({ ...DEFAULT_GATES, version: 0, updatedAt: '', updatedBy: 'system' });
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(GetCommand, { TableName: 'spire-unit', Key: SETTINGS_KEY, ConsistentRead: true });
  });

  it('answers the stored settings with their version as ETag, keeping æ, ø and å', async () => {
    // Prepare
    storedSettings({ ...ownSettings(), version: 4, updatedAt: '2026-01-20T09:00:00.000Z', updatedBy: 'a1-admin' });

    // Act
    const response = await read();

    // Assess
    expect(response.headers?.['etag']).toBe('"4"');
    expect(bodyOf(response)).toMatchObject({ version: 4, stageLimitDays: { sprint: 21 } });
    expect(response.body).toContain('MED-udvalget er orienteret om forsøget på plejecentret');
  });

  it.each([
    ['triage', triageClaims()],
    ['a director', directorClaims()],
  ])('lets %s read them', async (_case, claims) => {
    // Act
    const response = await read(claims);

    // Assess
    expect(response.statusCode).toBe(200);
  });

  it('refuses a plain employee with 403 problem+json, without reading', async () => {
    // Act
    const response = await read(employeeClaims());

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

describe('PUT /console/gates (put-gates)', () => {
  it('stores the first settings of an installation as version 1, only if none are stored yet', async () => {
    // Act
    const response = await replace(ownSettings());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"1"');
    const stored = { ...ownSettings(), version: 1, updatedAt: NOW, updatedBy: 'a1-admin' };
    expect(bodyOf(response)).toEqual(stored);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(PutCommand, {
      TableName: 'spire-unit',
      Item: itemOf.gateSettings(stored),
      ConditionExpression: CREATE_ONLY,
    });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('replaces stored settings only while they are at the version read', async () => {
    // Act
    const response = await replace(ownSettings(), { ifMatch: '"4"' });

    // Assess
    expect(response.headers?.['etag']).toBe('"5"');
    expect(ddbMock).toHaveReceivedCommandWith(PutCommand, {
      Item: expect.objectContaining({ version: 5 }),
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':expected': 4 },
    });
  });

  it('answers 412 when somebody replaced them since they were read', async () => {
    // Prepare
    ddbMock.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));

    // Act
    const response = await replace(ownSettings(), { ifMatch: '"4"' });

    // Assess
    expect(response.statusCode).toBe(412);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-failed', status: 412 });
  });

  it.each(['*', '"3", "4"'])('replaces the settings at the version read when If-Match is %s and that version satisfies it', async (ifMatch) => {
    // Prepare
    storedSettings({ ...ownSettings(), version: 4, updatedAt: NOW, updatedBy: 'a1-admin' });

    // Act
    const response = await replace(ownSettings(), { ifMatch });

    // Assess
    expect(response.headers?.['etag']).toBe('"5"');
    expect(ddbMock).toHaveReceivedCommandWith(PutCommand, { ConditionExpression: '#version = :expected', ExpressionAttributeValues: { ':expected': 4 } });
  });

  it.each(['"2", "3"', 'W/"4"'])('answers 412 for If-Match %s, which the stored version does not satisfy strongly, writing nothing', async (ifMatch) => {
    // Prepare
    storedSettings({ ...ownSettings(), version: 4, updatedAt: NOW, updatedBy: 'a1-admin' });

    // Act
    const response = await replace(ownSettings(), { ifMatch });

    // Assess
    expect(response.statusCode).toBe(412);
    expect(ddbMock).not.toHaveReceivedCommand(PutCommand);
  });

  it('requires If-Match with 428, writing nothing', async () => {
    // Act
    const response = await replace(ownSettings(), { ifMatch: null });

    // Assess
    expect(response.statusCode).toBe(428);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/precondition-required' });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it.each([
    ['a plain employee', employeeClaims()],
    ['triage', triageClaims()],
    ['a director', directorClaims()],
  ])('refuses %s with 403 problem+json, writing nothing', async (_case, claims) => {
    // Act
    const response = await replace(ownSettings(), { claims });

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden' });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it.each<[string, () => unknown, string[]]>([
    ['a gate that is missing', () => ({ ...ownSettings(), gates: { pilot: [], evaluation: [], operations: [] } }), ['/gates/realised']],
    ['an unknown gate', () => ({ ...ownSettings(), gates: { ...ownSettings().gates, sprint: [] } }), ['/gates/sprint']],
    [
      'two items with the same id',
      () => ({ ...ownSettings(), gates: { ...ownSettings().gates, realised: [DEFAULT_GATES.gates.realised[0], DEFAULT_GATES.gates.realised[0]] } }),
      ['/gates/realised'],
    ],
    [
      'an item id with capitals and æ',
      () => ({ ...ownSettings(), gates: { ...ownSettings().gates, realised: [{ id: 'Gevinst-Målt', text: { da: 'Gevinsten er målt', en: 'Benefit measured' }, required: true }] } }),
      ['/gates/realised/0/id'],
    ],
    [
      'an item without English text',
      () => ({ ...ownSettings(), gates: { ...ownSettings().gates, realised: [{ id: 'gevinst', text: { da: 'Gevinsten er målt' }, required: true }] } }),
      ['/gates/realised/0/text/en'],
    ],
    ['a stage limit of 0 days', () => ({ ...ownSettings(), stageLimitDays: { ...ownSettings().stageLimitDays, sprint: 0 } }), ['/stageLimitDays/sprint']],
    ['a limit for a stage that ends no gate', () => ({ ...ownSettings(), stageLimitDays: { ...ownSettings().stageLimitDays, realised: 10 } }), ['/stageLimitDays/realised']],
  ])('refuses %s with 400, pointing at it, and writes nothing', async (_case, body, pointers) => {
    // Act
    const response = await replace(body());

    // Assess
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem).toMatchObject({ type: '/api/problems/validation', status: 400 });
    expect((problem['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(pointers);
    expect(ddbMock).not.toHaveReceivedCommand(PutCommand);
  });
});

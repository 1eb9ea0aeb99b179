import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/get-pipeline-summary.ts';
import { DEFAULT_GATES } from '../../../shared/domain/gates.ts';
import { gateSettingsEntity, ideaEntity, pipelineShardEntity, strategyEntity } from '../../../shared/store/entities.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { adminClaims, bodyOf, directorClaims, employeeClaims, lambdaContext, problemOf, routeEvent, triageClaims, type Claims } from '../support/lambda.ts';
import { OTHER_PILOT_ID, PILOT_ID } from '../support/pilots.ts';
import { aStrategy } from '../support/strategy.ts';
import { givenGateSettings, itemOf, WHOLE_PARTITION } from '../support/table.ts';

const NOW = '2026-02-01T09:00:00.000Z';
const DAY_S = 86_400;
const nowSeconds = Date.parse(NOW) / 1000;

const { ddbMock } = mockTableAndNotifyQueue({ now: NOW });

const STRATEGY_ITEM = itemOf.strategy({ ...aStrategy(), version: 2, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system' });
const STATUS_INDEX = TABLE.indexes.byStatus;

/**
 * Two counter shards, read over two pages: four ideas (two waiting in triage for 4 and 2 days,
 * two accepted), a pilot in sprint for 20 days and one in pilot for 10, with expected hours.
 */
const SHARD_0 = {
  ...pipelineShardEntity.key(0),
  type: 'pipeline-shard',
  'c:ideas': 3,
  'c:ideas:status:in_triage': 2,
  'c:ideas:status:accepted': 1,
  'c:ideas:accepted': 1,
  'c:triage:waitingSinceSeconds': nowSeconds - 4 * DAY_S + (nowSeconds - 2 * DAY_S),
  'c:stage:sprint': 1,
  'c:theme:automatisering:sprint': 1,
  'c:department:%C3%A6ldre%20og%20sundhed:sprint': 1,
  'c:reached:sprint': 1,
  'c:hours:expected': 320,
  [`e:since:sprint:${PILOT_ID}`]: '2026-01-12T09:00:00.000Z',
};
const SHARD_7 = {
  ...pipelineShardEntity.key(7),
  type: 'pipeline-shard',
  'c:ideas': 1,
  'c:ideas:status:accepted': 1,
  'c:ideas:accepted': 1,
  'c:stage:pilot': 1,
  'c:theme:dataunderstoettelse:pilot': 1,
  'c:department:%C3%A6ldre%20og%20sundhed:pilot': 1,
  'c:reached:sprint': 1,
  'c:reached:pilot': 1,
  'c:hours:expected': 100.25,
  [`e:since:pilot:${OTHER_PILOT_ID}`]: '2026-01-22T09:00:00.000Z',
};

beforeEach(() => {
  ddbMock.on(QueryCommand).resolves({ Items: [] });
  ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': strategyEntity.versions().partition } }).resolves({ Items: [STRATEGY_ITEM] });
  ddbMock
    .on(QueryCommand, { ExpressionAttributeValues: { ':pk': pipelineShardEntity.all().partition } })
    .resolvesOnce({ Items: [SHARD_0], LastEvaluatedKey: pipelineShardEntity.key(0) })
    .resolves({ Items: [SHARD_7] });
  ddbMock.on(QueryCommand, { IndexName: STATUS_INDEX.name }).resolves({ Items: [{ statusChangedAt: '2026-01-28T09:00:00.000Z' }] });
});

function summary(options: { claims?: Claims; language?: string } = {}) {
  return handler(
    routeEvent('GET', '/pipeline/summary', { claims: options.claims ?? directorClaims(), ...(options.language === undefined ? {} : { headers: { 'accept-language': options.language } }) }),
    lambdaContext('spire-get-pipeline-summary'),
  );
}

describe('GET /pipeline/summary (get-pipeline-summary)', () => {
  it('answers a director the pipeline from the summed counter shards, with theme names in Danish', async () => {
    // Act
    const response = await summary();

    // Assess
    expect(response.statusCode).toBe(200);
    const body = bodyOf(response);
    expect(body).toMatchObject({
      at: NOW,
      stages: { sprint: 1, pilot: 1, evaluation: 0, operations: 0, realised: 0, stopped: 0 },
      byTheme: {
        automatisering: { name: 'Automatisering', stages: { sprint: 1 } },
        dataunderstoettelse: { name: 'Dataunderstøttelse', stages: { pilot: 1 } },
      },
      byDepartment: { 'ældre og sundhed': { sprint: 1, pilot: 1 } },
      hours: { expectedPerYearInPipeline: 420.3, realisedPerYear: 0 },
      ideas: { total: 4, byStatus: { in_triage: 2, accepted: 2 } },
      triage: { waiting: 2, averageDaysWaiting: 3, oldestDaysWaiting: 4 },
    });
    expect(body['funnel']).toEqual([
      { step: 'submitted', count: 4, conversion: null },
      { step: 'accepted', count: 2, conversion: 0.5 },
      { step: 'sprint', count: 2, conversion: 1 },
      { step: 'pilot', count: 1, conversion: 0.5 },
      { step: 'evaluation', count: 0, conversion: 0 },
      { step: 'operations', count: 0, conversion: null },
      { step: 'realised', count: 0, conversion: null },
    ]);
    expect(body['stageTime']).toEqual([
      { stage: 'sprint', pilots: 1, medianDays: 20, limitDays: 14, overLimit: 1 },
      { stage: 'pilot', pilots: 1, medianDays: 10, limitDays: 120, overLimit: 0 },
      { stage: 'evaluation', pilots: 0, medianDays: null, limitDays: 45, overLimit: 0 },
      { stage: 'operations', pilots: 0, medianDays: null, limitDays: 365, overLimit: 0 },
    ]);
    expect(response.body).toContain('"name":"Dataunderstøttelse"');
    expect(response.body).toContain('"ældre og sundhed"');
  });

  it('reads the same few items whatever the size of the pipeline: the shards, the oldest idea in triage (the first of its status slice), the settings and the strategy', async () => {
    // Act
    await summary();

    // Assess
    const queries = ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(queries.filter((query) => query.ExpressionAttributeValues?.[':pk'] === pipelineShardEntity.all().partition)).toEqual([
      expect.objectContaining({ KeyConditionExpression: WHOLE_PARTITION, ConsistentRead: true, ExclusiveStartKey: undefined }),
      expect.objectContaining({ ExclusiveStartKey: pipelineShardEntity.key(0) }),
    ]);
    const oldestInTriage = queries.filter((query) => query.IndexName === STATUS_INDEX.name);
    expect(oldestInTriage).toEqual([
      expect.objectContaining({
        ExpressionAttributeNames: { '#pk': STATUS_INDEX.partitionKey },
        ExpressionAttributeValues: { ':pk': ideaEntity.inStatus('in_triage').partition },
        // A page of one idea, and one more to tell whether more follow.
        Limit: 1 + 1,
      }),
    ]);
    // Oldest change first: the index's own order, not reversed.
    expect(oldestInTriage[0]?.ScanIndexForward).not.toBe(false);
    expect(queries).toHaveLength(4);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(GetCommand, { Key: gateSettingsEntity.key() });
    expect(ddbMock).not.toHaveReceivedCommand(PutCommand);
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('names the themes in English and measures against the stored stage limits', async () => {
    // Prepare
    const settings = { ...DEFAULT_GATES, stageLimitDays: { ...DEFAULT_GATES.stageLimitDays, sprint: 30, pilot: 5 }, version: 2, updatedAt: NOW, updatedBy: 'a1-admin' };
    givenGateSettings(ddbMock, settings);

    // Act
    const response = await summary({ language: 'en' });

    // Assess
    const body = bodyOf(response);
    expect(body['byTheme']).toMatchObject({ automatisering: { name: 'Automation' }, dataunderstoettelse: { name: 'Data support' } });
    expect(body['stageTime']).toEqual(
      expect.arrayContaining([expect.objectContaining({ stage: 'sprint', limitDays: 30, overLimit: 0 }), expect.objectContaining({ stage: 'pilot', limitDays: 5, overLimit: 1 })]),
    );
  });

  it('answers an empty pipeline with zeros and no waiting time', async () => {
    // Prepare
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': pipelineShardEntity.all().partition } }).resolves({ Items: [] });
    ddbMock.on(QueryCommand, { IndexName: STATUS_INDEX.name }).resolves({ Items: [] });

    // Act
    const response = await summary();

    // Assess
    expect(bodyOf(response)).toMatchObject({
      stages: { sprint: 0, pilot: 0, evaluation: 0, operations: 0, realised: 0, stopped: 0 },
      byTheme: {},
      triage: { waiting: 0, averageDaysWaiting: null, oldestDaysWaiting: null },
    });
  });

  it.each([
    ['triage', triageClaims()],
    ['an admin', adminClaims()],
  ])('shows %s the summary too', async (_case, claims) => {
    // Act
    const response = await summary({ claims });

    // Assess
    expect(response.statusCode).toBe(200);
  });

  it('refuses a plain employee with 403 problem+json, without reading', async () => {
    // Act
    const response = await summary({ claims: employeeClaims() });

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

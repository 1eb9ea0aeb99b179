import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/export-pipeline.ts';
import type { Pilot } from '../../../shared/domain/pilot.ts';
import { pilotListEntryEntity } from '../../../shared/store/entities.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { adminClaims, directorClaims, employeeClaims, lambdaContext, problemOf, routeEvent, triageClaims, type Claims } from '../support/lambda.ts';
import { aPilot, aPilotIn, aStoppedPilot, OTHER_PILOT_ID, PILOT_ID } from '../support/pilots.ts';
import { itemOf, keyOf, WHOLE_PARTITION } from '../support/table.ts';

/** Half past midnight in Copenhagen on 1 February: still 31 January in UTC. */
const NOW = '2026-01-31T23:30:00.000Z';
const BOM = '\uFEFF';
const THIRD_PILOT_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';

const { ddbMock } = mockTableAndNotifyQueue({ now: NOW });

beforeEach(() => {
  ddbMock.on(QueryCommand).resolves({ Items: [] });
});

/** The pilot's entry in the list of all pilots, newest first. */
const entry = (pilot: Pilot) => itemOf.pilotEntry(pilot, {}, 'newest');
const NEWEST_FIRST = pilotListEntryEntity.list({}, 'newest').partition;

const first = aPilot({
  title: 'Færre dobbeltregistreringer; også om natten',
  owner: { sub: 'o1-owner', name: 'Åge Ødegård' },
  riskLevel: 'medium',
  hypothesis: { expectedHoursPerYear: 320, successMeasure: 'Minutter pr. borger', baseline: '12 minutter', successThreshold: 'Under 5 minutter' },
  cost: { oneOffDkk: 40_000, yearlyDkk: 12_500 },
  themes: ['automatisering', 'dataunderstoettelse'],
});
const second = aPilotIn('pilot', '2026-01-20T09:00:00.000Z', { id: OTHER_PILOT_ID, title: '=HYPERLINK("https://evil.example")', department: 'Børn og unge' });
const third = aStoppedPilot('sprint', { id: THIRD_PILOT_ID, title: 'Skærmbesøg "light" i hjemmeplejen' });

function exportCsv(options: { claims?: Claims; language?: string } = {}) {
  return handler(
    routeEvent('GET', '/pipeline/export.csv', { claims: options.claims ?? directorClaims(), ...(options.language === undefined ? {} : { headers: { 'accept-language': options.language } }) }),
    lambdaContext('spire-export-pipeline'),
  );
}

/** The lines of the body, without the BOM and the final line end. */
function linesOf(body: string | undefined): string[] {
  return (body ?? '').slice(1).split('\r\n').slice(0, -1);
}

describe('GET /pipeline/export.csv (export-pipeline)', () => {
  it('answers a CSV attachment for Danish Excel: UTF-8 with BOM, named by today’s Copenhagen date, not cached', async () => {
    // Act
    const response = await exportCsv();

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="spire-pipeline-2026-02-01.csv"',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    expect(response.body?.startsWith(BOM)).toBe(true);
    expect(response.isBase64Encoded).toBeFalsy();
  });

  it('heads the columns in Danish, semicolon-separated, with CRLF line ends', async () => {
    // Act
    const response = await exportCsv();

    // Assess
    expect(response.body).toBe(
      `${BOM}Id;Titel;Fase;I fasen siden;Afdeling;Temaer;Ejer;Risiko;Forventede timer pr. år;Realiserede timer pr. år;Engangsudgift (kr.);Årlig udgift (kr.);Afventer til;Idéer;Oprettet;Opdateret\r\n`,
    );
  });

  it('heads the columns in English for a caller who prefers it', async () => {
    // Act
    const response = await exportCsv({ language: 'en' });

    // Assess
    expect(linesOf(response.body)[0]).toBe(
      'Id;Title;Stage;In stage since;Department;Themes;Owner;Risk;Expected hours per year;Realised hours per year;One-off cost (DKK);Yearly cost (DKK);On hold until;Ideas;Created;Updated',
    );
  });

  it('reads every page of the newest-first list, 100 at a time, and writes one line per pilot in order', async () => {
    // Prepare
    const afterFirst = keyOf(entry(first));
    const afterSecond = keyOf(entry(second));
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [entry(first)], LastEvaluatedKey: afterFirst })
      .resolvesOnce({ Items: [entry(second)], LastEvaluatedKey: afterSecond })
      .resolves({ Items: [entry(third)] });

    // Act
    const response = await exportCsv();

    // Assess
    const queries = ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(queries).toEqual([
      // A page of 100, and one item more to tell whether more follow.
      { TableName: 'spire-unit', KeyConditionExpression: WHOLE_PARTITION, ExpressionAttributeNames: { '#pk': TABLE.partitionKey }, ExpressionAttributeValues: { ':pk': NEWEST_FIRST }, Limit: 100 + 1 },
      expect.objectContaining({ ExpressionAttributeValues: { ':pk': NEWEST_FIRST }, ExclusiveStartKey: afterFirst }),
      expect.objectContaining({ ExpressionAttributeValues: { ':pk': NEWEST_FIRST }, ExclusiveStartKey: afterSecond }),
    ]);
    const lines = linesOf(response.body);
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual([PILOT_ID, OTHER_PILOT_ID, THIRD_PILOT_ID]);
  });

  it('keeps æ, ø and å, quotes fields with semicolons and quotes, defuses formulas and writes numbers with a decimal comma', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [entry(first), entry(second), entry(third)] });

    // Act
    const response = await exportCsv();

    // Assess
    const [, one, two, three] = linesOf(response.body);
    expect(one).toBe(
      `${PILOT_ID};"Færre dobbeltregistreringer; også om natten";Designsprint;2026-01-12T09:00:00.000Z;Ældre og sundhed;automatisering, dataunderstoettelse;Åge Ødegård;Mellem;320;;40000;12500;;3f0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c0d;2026-01-12T09:00:00.000Z;2026-01-12T09:00:00.000Z`,
    );
    expect(two?.split(';').slice(0, 5)).toEqual([OTHER_PILOT_ID, `"'=HYPERLINK(""https://evil.example"")"`, 'Pilot', '2026-01-20T09:00:00.000Z', 'Børn og unge']);
    expect(three).toContain(';"Skærmbesøg ""light"" i hjemmeplejen";Stoppet;');
    expect(Buffer.from(response.body ?? '', 'utf8').includes(Buffer.from('Ødegård', 'utf8'))).toBe(true);
  });

  it.each([
    ['triage', triageClaims()],
    ['an admin', adminClaims()],
  ])('exports for %s too', async (_case, claims) => {
    // Act
    const response = await exportCsv({ claims });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('refuses a plain employee with 403 problem+json, without reading', async () => {
    // Act
    const response = await exportCsv({ claims: employeeClaims() });

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
    expect(response.headers).not.toHaveProperty('content-disposition');
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

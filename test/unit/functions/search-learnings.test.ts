import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/search-learnings.ts';
import { learningOf, type Learning } from '../../../shared/domain/learnings.ts';
import type { Pilot } from '../../../shared/domain/pilot.ts';
import { learningEntity } from '../../../shared/store/entities.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { adminClaims, bodyOf, directorClaims, employeeClaims, lambdaContext, problemOf, routeEvent, triageClaims, type Claims } from '../support/lambda.ts';
import { aPilotIn, aStoppedPilot, LEARNINGS, OTHER_PILOT_ID, PILOT_ID } from '../support/pilots.ts';
import { itemOf, WHOLE_PARTITION } from '../support/table.ts';

const NOW = '2026-03-10T09:00:00.000Z';
const THIRD_PILOT_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';

const { ddbMock } = mockTableAndNotifyQueue({ now: NOW });

function learning(pilot: Pilot): Learning {
  const found = learningOf(pilot);
  if (found === undefined) throw new Error(`Pilot ${pilot.id} leaves no learning`);
  return found;
}

/** Stopped in pilot: citizens would rather call than log in to the app. */
const app = learning(aStoppedPilot('pilot', { title: 'Borger-app til genbestilling af hjælpemidler', description: 'Borgerne skulle selv bestille hjælpemidler i en app.' }));
/** Realised: robots for the payroll. */
const robot = learning(
  aPilotIn('realised', '2026-03-01T09:00:00.000Z', {
    id: OTHER_PILOT_ID,
    title: 'Softwarerobot til lønrefusion',
    description: 'En robot henter sygedagpengerefusion fra Virk.',
    learnings: 'Robotten sparer lønkontoret to timer om dagen. Den går i stå, når Virk skifter skærmbilleder, så IT skal holde øje med den.',
  }),
);
/** Stopped in sprint, in English. */
const english = learning(
  aStoppedPilot('sprint', {
    id: THIRD_PILOT_ID,
    language: 'en',
    title: 'Chatbot for building permits',
    description: 'A chatbot answered questions about building permits.',
    learnings: 'The chatbot could not answer the questions people really asked. Citizens wanted a person to call when they were stuck.',
  }),
);

const item = (entry: Learning) => itemOf.learning(entry);

beforeEach(() => {
  ddbMock.on(QueryCommand).resolves({ Items: [item(app), item(robot), item(english)] });
});

function search(query: Record<string, string> | undefined, claims: Claims = directorClaims()) {
  return handler(routeEvent('GET', '/pipeline/learnings', { ...(query === undefined ? {} : { query }), claims }), lambdaContext('spire-search-learnings'));
}

describe('GET /pipeline/learnings (search-learnings)', () => {
  it('answers what the pilots learned, best match first, with the score and the words that matched', async () => {
    // Act
    const response = await search({ q: 'app til borgerne med login' });

    // Assess
    expect(response.statusCode).toBe(200);
    const body = bodyOf(response) as { q: string; items: (Learning & { score: number; matchedTerms: string[] })[] };
    expect(body.q).toBe('app til borgerne med login');
    expect(body.items[0]).toEqual({ ...app, score: expect.any(Number), matchedTerms: expect.arrayContaining(['app']) });
    expect(body.items[0]?.learnings).toBe(LEARNINGS);
    expect(body.items[0]?.score).toBeGreaterThan(0);
    expect(body.items[0]?.score).toBeLessThanOrEqual(1);
    expect(body.items.map((match) => match.pilotId)).not.toContain(OTHER_PILOT_ID);
    expect(response.body).toContain('"title":"Borger-app til genbestilling af hjælpemidler"');
  });

  it('finds a realised pilot too, by a Danish word with æ, ø or å', async () => {
    // Act
    const response = await search({ q: 'lønkontoret og refusion' });

    // Assess
    const items = bodyOf(response)['items'] as { pilotId: string; stage: string }[];
    expect(items.map((match) => match.pilotId)).toEqual([OTHER_PILOT_ID]);
    expect(items[0]?.stage).toBe('realised');
  });

  it('reads an English pilot in English', async () => {
    // Act
    const response = await search({ q: 'chatbots answering questions' });

    // Assess
    expect((bodyOf(response)['items'] as { pilotId: string }[]).map((match) => match.pilotId)).toEqual([THIRD_PILOT_ID]);
  });

  it('answers no items when nothing matches', async () => {
    // Act
    const response = await search({ q: 'parkering ved rådhuset' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ q: 'parkering ved rådhuset', items: [] });
  });

  it('reads every page of the learnings, 200 at a time, and answers at most `limit` matches', async () => {
    // Prepare
    const lastKey = learningEntity.key(PILOT_ID);
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [item(app)], LastEvaluatedKey: lastKey })
      .resolves({ Items: [item(english), item(robot)] });

    // Act
    const response = await search({ q: 'borgerne ville ringe til en person', limit: '1' });

    // Assess
    const queries = ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(queries).toEqual([
      { TableName: 'spire-unit', KeyConditionExpression: WHOLE_PARTITION, ExpressionAttributeNames: { '#pk': TABLE.partitionKey }, ExpressionAttributeValues: { ':pk': learningEntity.all().partition }, Limit: 200, ExclusiveStartKey: undefined },
      expect.objectContaining({ ExpressionAttributeValues: { ':pk': learningEntity.all().partition }, ExclusiveStartKey: lastKey }),
    ]);
    expect(bodyOf(response)['items']).toHaveLength(1);
  });

  it.each<[string, Record<string, string> | undefined, string[]]>([
    ['no query', undefined, ['/q']],
    ['a query of one letter', { q: 'å' }, ['/q']],
    ['a limit above 50', { q: 'app', limit: '51' }, ['/limit']],
    ['a limit that is no number', { q: 'app', limit: 'ti' }, ['/limit']],
    ['an unknown parameter', { q: 'app', stage: 'stopped' }, ['/stage']],
  ])('refuses %s with 400, pointing at the parameter, without reading', async (_case, query, pointers) => {
    // Act
    const response = await search(query);

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
  ])('searches for %s too', async (_case, claims) => {
    // Act
    const response = await search({ q: 'app' }, claims);

    // Assess
    expect(response.statusCode).toBe(200);
  });

  it('refuses a plain employee with 403 problem+json, without reading', async () => {
    // Act
    const response = await search({ q: 'app' }, employeeClaims());

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

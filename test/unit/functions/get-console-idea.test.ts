import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../../functions/get-console-idea.ts';
import type { Idea, IdeaEvent } from '../../../shared/domain/idea.ts';
import type { Comment } from '../../../shared/domain/notification.ts';
import { cursorSeal } from '../../../shared/store/cursor.ts';
import { commentEntity, ideaEntity, pilotEntity } from '../../../shared/store/entities.ts';
import { COMMENTS_PER_READ } from '../../../shared/store/ports.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { aComment, ADMITTED_AT, anIdeaInTriage, aParkedIdea, aSubmittedEvent, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_SUB } from '../support/ideas.ts';
import { bodyOf, directorClaims, employeeClaims, lambdaContext, problemOf, routeEvent, triageClaims, type Claims } from '../support/lambda.ts';
import { aStoppedPilot, LEARNINGS, OTHER_PILOT_ID, PILOT_ID } from '../support/pilots.ts';
import { mockDeploymentSecret, testKeys } from '../support/secret.ts';
import { givenIdeaRecord, givenPilots, itemOf, partitionOf } from '../support/table.ts';

const NOW = '2026-01-08T08:31:00.000Z';
const THIRD_IDEA_ID = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';

const { ddbMock } = mockTableAndNotifyQueue({ now: NOW });
mockDeploymentSecret();

beforeEach(() => {
  ddbMock.on(BatchGetCommand).resolves({ Responses: { 'spire-unit': [] } });
});

const internal = aComment({ text: 'Ligner noget fra Sundhed.' });
const toSubmitter = aComment({ id: 'c0ffee00-0000-4000-8000-000000000002', at: '2026-01-07T10:00:00.000Z', visibility: 'submitter', text: 'Tak, vi kigger på det.' });

/** The idea's partition: the idea, its history and its comments; and its supporter count. */
function stored(idea: Idea, history: IdeaEvent[] = [aSubmittedEvent(idea)], supporters = 0, comments: Comment[] = [internal, toSubmitter]) {
  givenIdeaRecord(ddbMock, idea, { history, comments, ...(supporters === 0 ? {} : { supportCount: supporters }) });
}

function getConsoleIdea(options: { id?: string; claims?: Claims } = {}) {
  return handler(routeEvent('GET', '/console/ideas/{id}', { params: { id: options.id ?? IDEA_ID }, claims: options.claims ?? triageClaims() }), lambdaContext('spire-get-console-idea'));
}

describe('GET /console/ideas/{id} (get-console-idea)', () => {
  it('shows triage the whole idea: submitter, scores, comments, history, support, and its version as ETag', async () => {
    // Prepare
    const idea = anIdeaInTriage();
    stored(idea, [aSubmittedEvent(idea), { ideaId: IDEA_ID, version: 2, at: ADMITTED_AT, from: 'submitted', to: 'in_triage', actor: { kind: 'system' } }], 4);

    // Act
    const response = await getConsoleIdea();

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['etag']).toBe('"2"');
    const body = bodyOf(response);
    expect(body).toMatchObject({
      id: IDEA_ID,
      status: 'in_triage',
      version: 2,
      submitter: { sub: SUBMITTER_SUB, name: 'Birthe Sørensen' },
      scorecard: { priority: 40 },
      themeAlignment: { strategyVersion: 1 },
      supportCount: 4,
      comments: [internal, toSubmitter],
      daysInStatus: 3,
      overdue: false,
    });
    expect(body['history']).toEqual([expect.objectContaining({ status: 'submitted' }), expect.objectContaining({ from: 'submitted', status: 'in_triage', actor: { kind: 'system' } })]);
  });

  it('returns at most COMMENTS_PER_READ comments, oldest first, and a signed commentsCursor to read on', async () => {
    // Prepare
    const idea = anIdeaInTriage();
    const many = Array.from({ length: COMMENTS_PER_READ + 1 }, (_, n) => aComment({ id: `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`, at: `2026-01-07T10:${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000Z` }));
    stored(idea, [aSubmittedEvent(idea)], 0, many);

    // Act
    const response = await getConsoleIdea();

    // Assess
    const body = bodyOf(response);
    expect(body['comments']).toEqual(many.slice(0, COMMENTS_PER_READ));
    const last = many[COMMENTS_PER_READ - 1]!;
    const opened = await cursorSeal(testKeys).open(String(body['commentsCursor']));
    expect(JSON.parse(Buffer.from(String(opened), 'base64url').toString('utf8'))).toEqual(commentEntity.key(IDEA_ID, last.at, last.id));
  });

  it('gives no commentsCursor when every comment fits on the page', async () => {
    // Prepare
    stored(anIdeaInTriage());

    // Act
    const response = await getConsoleIdea();

    // Assess
    expect(bodyOf(response)).not.toHaveProperty('commentsCursor');
  });

  it('lists the decisions the idea’s status allows', async () => {
    // Prepare
    stored(aParkedIdea('2026-03-02'));

    // Act
    const response = await getConsoleIdea();

    // Assess
    expect(bodyOf(response)['allowedDecisions']).toEqual(['decline', 'duplicate']);
  });

  it('names the likely duplicates with their titles and statuses, read in one batch, leaving out those gone', async () => {
    // Prepare
    stored(anIdeaInTriage({ duplicateCandidates: [{ ideaId: OTHER_IDEA_ID, similarity: 0.82 }, { ideaId: THIRD_IDEA_ID, similarity: 0.61 }] }));
    ddbMock.on(BatchGetCommand).resolves({ Responses: { 'spire-unit': [itemOf.idea(anIdeaInTriage({ id: OTHER_IDEA_ID, title: 'Én registrering i plejen', status: 'accepted', department: 'Sundhed' }))] } });

    // Act
    const response = await getConsoleIdea();

    // Assess
    expect(bodyOf(response)['duplicateCandidates']).toEqual([{ ideaId: OTHER_IDEA_ID, similarity: 0.82, title: 'Én registrering i plejen', status: 'accepted', department: 'Sundhed' }]);
    expect(ddbMock).toHaveReceivedCommandTimes(BatchGetCommand, 1);
    expect(ddbMock.commandCalls(BatchGetCommand)[0]?.args[0].input.RequestItems?.['spire-unit']?.Keys).toEqual([
      ideaEntity.key(OTHER_IDEA_ID),
      ideaEntity.key(THIRD_IDEA_ID),
    ]);
  });

  it('reads no other idea when there are no likely duplicates', async () => {
    // Prepare
    stored(anIdeaInTriage());

    // Act
    const response = await getConsoleIdea();

    // Assess
    expect(bodyOf(response)['duplicateCandidates']).toEqual([]);
    expect(ddbMock).not.toHaveReceivedCommand(BatchGetCommand);
  });

  it('shows the stopped pilots the idea resembles with what they learned, leaving out those gone', async () => {
    // Prepare
    stored(anIdeaInTriage({ resemblingPilots: [{ pilotId: PILOT_ID, score: 0.74 }, { pilotId: OTHER_PILOT_ID, score: 0.52 }] }));
    const stopped = aStoppedPilot('pilot', { title: 'Tablets til nattevagten på Ærø', department: 'Hjemmeplejen' });
    givenPilots(ddbMock, stopped);

    // Act
    const response = await getConsoleIdea();

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)['resemblingPilots']).toEqual([
      { pilotId: PILOT_ID, score: 0.74, title: 'Tablets til nattevagten på Ærø', stage: 'stopped', department: 'Hjemmeplejen', learnings: LEARNINGS },
    ]);
    expect(response.body).toContain('"title":"Tablets til nattevagten på Ærø"');
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, { Key: pilotEntity.key(PILOT_ID) });
    expect(ddbMock).toHaveReceivedCommandWith(GetCommand, { Key: pilotEntity.key(OTHER_PILOT_ID) });
  });

  it('reads no pilot when the idea resembles none', async () => {
    // Prepare
    stored(anIdeaInTriage());

    // Act
    const response = await getConsoleIdea();

    // Assess
    expect(bodyOf(response)['resemblingPilots']).toEqual([]);
    const partitions = ddbMock.commandCalls(GetCommand).map((call) => partitionOf(call.args[0].input.Key));
    // No Get of any pilot's partition.
    expect(partitions.filter((partition) => partition.startsWith(pilotEntity.wholePartition('').partition))).toEqual([]);
  });

  it('marks an idea overdue once it has waited in triage past the service level', async () => {
    // Prepare
    vi.setSystemTime(new Date('2026-01-19T08:32:00.000Z'));
    stored(anIdeaInTriage());

    // Act
    const response = await getConsoleIdea();

    // Assess
    expect(bodyOf(response)).toMatchObject({ daysInStatus: 14, overdue: true });
  });

  it('answers 404 problem+json for an idea that does not exist', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    ddbMock.on(GetCommand).resolves({});

    // Act
    const response = await getConsoleIdea();

    // Assess
    expect(response.statusCode).toBe(404);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/not-found' });
  });

  it('refuses an id that is not a UUID with 400, without reading', async () => {
    // Act
    const response = await getConsoleIdea({ id: 'idé-1' });

    // Assess
    expect(response.statusCode).toBe(400);
    expect((problemOf(response)['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(['/id']);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('refuses a director with 403 problem+json: the idea console is triage’s, without reading', async () => {
    // Act
    const response = await getConsoleIdea({ claims: directorClaims() });

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('refuses a plain employee with 403 problem+json, even the idea’s own submitter, without reading', async () => {
    // Act
    const response = await getConsoleIdea({ claims: employeeClaims(SUBMITTER_SUB) });

    // Assess
    expect(response.statusCode).toBe(403);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/forbidden', status: 403 });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

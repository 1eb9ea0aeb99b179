import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/list-comments.ts';
import type { Idea } from '../../../shared/domain/idea.ts';
import type { Comment } from '../../../shared/domain/notification.ts';
import { hashToken } from '../../../shared/intake/submit.ts';
import { encodeCursor } from '../../../shared/store/cursor.ts';
import { commentEntity, ideaEventEntity } from '../../../shared/store/entities.ts';
import { COMMENTS_PER_READ } from '../../../shared/store/ports.ts';
import { mockTableAndNotifyQueue } from '../support/handler-mocks.ts';
import { aComment, anAnonymousIdea, anIdeaInTriage, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_SUB } from '../support/ideas.ts';
import { bodyOf, directorClaims, employeeClaims, lambdaContext, problemOf, routeEvent, triageClaims, type Claims } from '../support/lambda.ts';
import { mockDeploymentSecret, sealed } from '../support/secret.ts';
import { itemOf, queryValues } from '../support/table.ts';

const NOW = '2026-01-08T08:31:00.000Z';
const TOKEN = 'dGhlLW9uZS1zZWNyZXQtdGhhdC1sZXRzLXlvdS1mb2xsb3ctdXA';

const { ddbMock, stored } = mockTableAndNotifyQueue({ now: NOW });
mockDeploymentSecret();

/** The n-th comment, a minute after the one before; every third is to the submitter. */
function nthComment(n: number): Comment {
  return aComment({
    id: `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`,
    at: new Date(Date.parse('2026-01-07T10:00:00.000Z') + n * 60_000).toISOString(),
    visibility: n % 3 === 0 ? 'submitter' : 'internal',
    text: `Kommentar nr. ${n} om æbler og ål`,
  });
}

const cursorAfter = (comment: Comment) => encodeCursor(commentEntity.key(IDEA_ID, comment.at, comment.id));

/** The idea, and what the comments Query answers. */
function withComments(idea: Idea, comments: Comment[]) {
  stored(idea);
  ddbMock.on(QueryCommand).resolves({ Items: comments.map(itemOf.comment) });
}

function listComments(options: { claims?: Claims; query?: Record<string, string>; headers?: Record<string, string>; id?: string } = {}) {
  return handler(
    routeEvent('GET', '/ideas/{id}/comments', {
      params: { id: options.id ?? IDEA_ID },
      claims: options.claims ?? triageClaims(),
      ...(options.query === undefined ? {} : { query: options.query }),
      ...(options.headers === undefined ? {} : { headers: options.headers }),
    }),
    lambdaContext('spire-list-comments'),
  );
}

describe('GET /ideas/{id}/comments (list-comments)', () => {
  it('gives triage the page after the cursor, every comment with author and visibility, and the cursor of the next', async () => {
    // Prepare
    const comments = Array.from({ length: COMMENTS_PER_READ + 1 }, (_, n) => nthComment(n + 50));
    withComments(anIdeaInTriage(), comments);

    // Act
    const response = await listComments({ query: { cursor: await sealed(cursorAfter(nthComment(49))) } });

    // Assess
    expect(response.statusCode).toBe(200);
    const body = bodyOf(response);
    expect(body['items']).toEqual(comments.slice(0, COMMENTS_PER_READ));
    expect(body['nextCursor']).toBe(await sealed(cursorAfter(comments[COMMENTS_PER_READ - 1]!)));
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
      ExpressionAttributeValues: queryValues(commentEntity.ofIdea(IDEA_ID)),
      Limit: COMMENTS_PER_READ + 1,
      ExclusiveStartKey: commentEntity.key(IDEA_ID, nthComment(49).at, nthComment(49).id),
    });
  });

  it('starts at the oldest comment without a cursor, and gives no cursor after the last page', async () => {
    // Prepare
    const comments = [nthComment(0), nthComment(1)];
    withComments(anIdeaInTriage(), comments);

    // Act
    const response = await listComments();

    // Assess
    expect(bodyOf(response)).toEqual({ items: comments });
    expect(ddbMock.commandCalls(QueryCommand)[0]?.args[0].input.ExclusiveStartKey).toBeUndefined();
  });

  it('gives the submitter only the comments written to them, as the messages of their page, never the internal ones', async () => {
    // Prepare
    const comments = Array.from({ length: 6 }, (_, n) => nthComment(n));
    withComments(anIdeaInTriage(), comments);

    // Act
    const response = await listComments({ claims: employeeClaims(SUBMITTER_SUB) });

    // Assess
    expect(bodyOf(response)['items']).toEqual([
      { id: nthComment(0).id, at: nthComment(0).at, kind: 'comment', text: `Besked fra digitaliseringsteamet:\n\n${nthComment(0).text}` },
      { id: nthComment(3).id, at: nthComment(3).at, kind: 'comment', text: `Besked fra digitaliseringsteamet:\n\n${nthComment(3).text}` },
    ]);
    expect(response.body).not.toContain('Kommentar nr. 1 ');
    expect(response.body).not.toContain('author');
  });

  it('opens an anonymous idea’s comments to whoever holds its follow-up token', async () => {
    // Prepare
    withComments(anAnonymousIdea(hashToken(TOKEN), { status: 'in_triage' }), [nthComment(0)]);

    // Act
    const withToken = await listComments({ claims: employeeClaims('somebody'), headers: { 'x-follow-up-token': TOKEN } });
    const without = await listComments({ claims: employeeClaims('somebody') });

    // Assess
    expect(withToken.statusCode).toBe(200);
    expect(without.statusCode).toBe(404);
  });

  it.each([
    ['another employee', employeeClaims('another-employee')],
    ['a director', directorClaims()],
  ])('tells %s the idea does not exist, reading no comment', async (_who, claims) => {
    // Prepare
    withComments(anIdeaInTriage(), [nthComment(0)]);

    // Act
    const response = await listComments({ claims });

    // Assess
    expect(response.statusCode).toBe(404);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/not-found' });
    expect(ddbMock).not.toHaveReceivedCommand(QueryCommand);
  });

  it('answers 404 for an idea that does not exist', async () => {
    // Act
    const response = await listComments({ id: OTHER_IDEA_ID });

    // Assess
    expect(response.statusCode).toBe(404);
  });

  it.each([
    ['not signed', async () => String(cursorAfter(nthComment(0)))],
    ['changed after signing', async () => `${String(cursorAfter(nthComment(1)))}.${(await sealed(cursorAfter(nthComment(0)))).split('.').pop()}`],
    ['of another idea', async () => sealed(encodeCursor(commentEntity.key(OTHER_IDEA_ID, nthComment(0).at, nthComment(0).id)))],
    ['of another list of the idea’s partition', async () => sealed(encodeCursor(ideaEventEntity.key(IDEA_ID, 2)))],
  ])('refuses a cursor %s with 400 invalid-cursor, reading no comment', async (_case, cursorOf) => {
    // Prepare
    withComments(anIdeaInTriage(), [nthComment(0)]);

    // Act
    const response = await listComments({ query: { cursor: await cursorOf() } });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(problemOf(response)).toMatchObject({ type: '/api/problems/invalid-cursor' });
    expect(ddbMock).not.toHaveReceivedCommand(QueryCommand);
  });

  it('refuses a query parameter it does not know with 400', async () => {
    // Act
    const response = await listComments({ query: { limit: '500' } });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(ddbMock).not.toHaveReceivedCommand(GetCommand);
  });
});

import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/get-idea.ts';
import type { Idea, IdeaEvent } from '../../../shared/domain/idea.ts';
import { hashToken } from '../../../shared/intake/submit.ts';
import { encodeCursor } from '../../../shared/store/cursor.ts';
import { commentEntity, ideaEntity } from '../../../shared/store/entities.ts';
import { COMMENTS_PER_READ } from '../../../shared/store/ports.ts';
import { TABLE } from '../../../shared/store/table.ts';
import type { Comment } from '../../../shared/domain/notification.ts';
import { aComment, aDecision, anAnonymousIdea, anIdea, anIdeaInTriage, aSubmittedEvent, IDEA_ID, OTHER_IDEA_ID, SUBMITTER_SUB } from '../support/ideas.ts';
import { bodyOf, employeeClaims, httpEvent, lambdaContext, triageClaims, type Claims } from '../support/lambda.ts';
import { mockDeploymentSecret, sealed } from '../support/secret.ts';
import { givenIdeaRecord, givenIdeas, queryValues } from '../support/table.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);
mockDeploymentSecret();

afterEach(() => {
  ddbMock.reset();
});

const TOKEN = 'dGhlLW9uZS1zZWNyZXQtdGhhdC1sZXRzLXlvdS1mb2xsb3ctdXA';

/** The idea's partition as the store reads it: the idea and its history in one Query, its comments in another. */
function stored(idea: Idea, history: IdeaEvent[] = [aSubmittedEvent(idea)], comments: Comment[] = [], supportCount?: number) {
  // Nobody supports the idea unless a test says so; no other idea is stored.
  ddbMock.on(GetCommand).resolves({});
  givenIdeaRecord(ddbMock, idea, { history, comments, ...(supportCount === undefined ? {} : { supportCount }) });
}

/** The idea's history: its partition from its events up to its supporters, the idea's own item among them. */
const HISTORY_QUERY = '#pk = :pk AND #sk BETWEEN :lo AND :hi';
/** A page of the idea's comments. */
const COMMENTS_QUERY = '#pk = :pk AND begins_with(#sk, :sk)';

function getIdea(options: { claims?: Claims | null; headers?: Record<string, string>; id?: string } = {}) {
  const id = options.id ?? IDEA_ID;
  return handler(
    httpEvent({
      method: 'GET',
      route: '/ideas/{id}',
      path: `/ideas/${id}`,
      pathParameters: { id },
      ...(options.headers === undefined ? {} : { headers: options.headers }),
      ...(options.claims === undefined ? {} : { claims: options.claims }),
    }),
    lambdaContext(),
  );
}

const triaged = anIdea({ status: 'in_triage', version: 2, statusChangedAt: '2026-01-05T08:31:00.000Z' });
const triagedHistory: IdeaEvent[] = [
  aSubmittedEvent(triaged),
  { ideaId: IDEA_ID, version: 2, at: '2026-01-05T08:31:00.000Z', from: 'submitted', to: 'in_triage', actor: { kind: 'system' } },
];

describe('GET /ideas/{id} (get-idea)', () => {
  it('shows the submitter their own idea with status, history and an ETag, without identities', async () => {
    // Prepare
    stored(triaged, triagedHistory);

    // Act
    const response = await getIdea({ claims: employeeClaims(SUBMITTER_SUB) });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({ etag: '"2"', 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    const body = bodyOf(response);
    expect(body).toMatchObject({
      id: IDEA_ID,
      title: 'Færre dobbeltregistreringer på plejecentret',
      status: 'in_triage',
      statusMessage: 'Digitaliseringsteamet har fået din idé og vurderer den. Du får besked, når der er nyt.',
    });
    expect(body['history']).toEqual([
      { at: triaged.createdAt, status: 'submitted', message: expect.any(String) },
      { at: '2026-01-05T08:31:00.000Z', from: 'submitted', status: 'in_triage', message: expect.any(String) },
    ]);
    expect(body).not.toHaveProperty('submitter');
    expect(response.body).not.toContain(SUBMITTER_SUB);
    expect(response.body).not.toContain('Birthe');
  });

  it('reads the idea and its history in one consistent query of its partition, and its first page of comments in another', async () => {
    // Prepare
    stored(triaged, triagedHistory);

    // Act
    await getIdea({ claims: employeeClaims(SUBMITTER_SUB) });

    // Assess
    expect(ddbMock).toHaveReceivedCommandTimes(QueryCommand, 2);
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      TableName: 'spire-unit',
      KeyConditionExpression: HISTORY_QUERY,
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
      ExpressionAttributeValues: queryValues(ideaEntity.withHistory(IDEA_ID)),
      ConsistentRead: true,
    });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, {
      KeyConditionExpression: COMMENTS_QUERY,
      ExpressionAttributeValues: queryValues(commentEntity.ofIdea(IDEA_ID)),
      Limit: COMMENTS_PER_READ + 1,
      ConsistentRead: true,
    });
  });

  it('shows triage who submitted the idea, who did what, and the version', async () => {
    // Prepare
    stored(triaged, triagedHistory);

    // Act
    const response = await getIdea({ claims: triageClaims() });

    // Assess
    expect(response.statusCode).toBe(200);
    const body = bodyOf(response);
    expect(body).toMatchObject({ submitter: { sub: SUBMITTER_SUB, name: 'Birthe Sørensen' }, version: 2 });
    expect(body['history']).toEqual([expect.objectContaining({ actor: { kind: 'submitter', sub: SUBMITTER_SUB, name: 'Birthe Sørensen' } }), expect.objectContaining({ actor: { kind: 'system' } })]);
  });

  it('tells another employee the idea does not exist, exactly as for a missing idea', async () => {
    // Prepare
    stored(triaged, triagedHistory);
    const hidden = await getIdea({ claims: employeeClaims('another-employee') });
    ddbMock.reset();
    ddbMock.on(QueryCommand).resolves({ Items: [] });
    ddbMock.on(GetCommand).resolves({});

    // Act
    const missing = await getIdea({ claims: employeeClaims('another-employee') });

    // Assess
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    expect(bodyOf(hidden)).toEqual({
      type: '/api/problems/not-found',
      title: 'Findes ikke',
      status: 404,
      detail: 'Der er ingen idé med det id, som du har adgang til.',
    });
  });

  describe('an anonymous idea', () => {
    const anonymous = anAnonymousIdea(hashToken(TOKEN));

    it('opens to whoever sends the right X-Follow-Up-Token, in the submitter view', async () => {
      // Prepare
      stored(anonymous);

      // Act
      const response = await getIdea({ claims: employeeClaims('whoever'), headers: { 'x-follow-up-token': TOKEN } });

      // Assess
      expect(response.statusCode).toBe(200);
      expect(bodyOf(response)).toMatchObject({ id: IDEA_ID, anonymous: true, status: 'submitted' });
      expect(bodyOf(response)).not.toHaveProperty('version');
      expect(response.body).not.toContain(hashToken(TOKEN));
    });

    it.each([
      ['no token', {}],
      ['a wrong token', { 'x-follow-up-token': 'not-the-token' }],
      ['the token’s hash', { 'x-follow-up-token': hashToken(TOKEN) }],
      ['an empty token', { 'x-follow-up-token': '' }],
    ])('stays hidden with %s', async (_case, headers) => {
      // Prepare
      stored(anonymous);

      // Act
      const response = await getIdea({ claims: employeeClaims('whoever'), headers });

      // Assess
      expect(response.statusCode).toBe(404);
    });

    it('shows triage the idea but nobody behind it', async () => {
      // Prepare
      stored(anonymous);

      // Act
      const response = await getIdea({ claims: triageClaims() });

      // Assess
      expect(response.statusCode).toBe(200);
      expect(bodyOf(response)).not.toHaveProperty('submitter');
    });
  });

  it('writes status messages in the idea’s language when the caller names none', async () => {
    // Prepare
    stored(anIdea({ language: 'en' }));

    // Act
    const response = await getIdea({ claims: employeeClaims(SUBMITTER_SUB) });

    // Assess
    expect(bodyOf(response)['statusMessage']).toBe('Thank you! We have received and stored your idea. The digitalisation team will have it shortly.');
  });

  it('writes status messages in the language the caller asks for', async () => {
    // Prepare
    stored(anIdea({ language: 'en' }));

    // Act
    const response = await getIdea({ claims: employeeClaims(SUBMITTER_SUB), headers: { 'accept-language': 'da-DK' } });

    // Assess
    expect(bodyOf(response)['statusMessage']).toBe('Tak! Vi har modtaget din idé, og den er gemt. Digitaliseringsteamet får den om lidt.');
  });

  it('gives an ETag that follows the idea’s version', async () => {
    // Prepare
    stored(anIdea({ status: 'declined', version: 7 }));

    // Act
    const response = await getIdea({ claims: employeeClaims(SUBMITTER_SUB) });

    // Assess
    expect(response.headers?.['etag']).toBe('"7"');
  });

  describe('comments, support and merges', () => {
    const internal = aComment({ text: 'Ligner noget fra Sundhed.' });
    const toSubmitter = aComment({ id: 'c0ffee00-0000-4000-8000-000000000002', at: '2026-01-07T10:00:00.000Z', visibility: 'submitter', text: 'Hvilke tre systemer er det?' });
    const comments = [internal, toSubmitter];

    it('shows the submitter the comments written to them, never the internal ones', async () => {
      // Prepare
      stored(triaged, triagedHistory, comments);

      // Act
      const response = await getIdea({ claims: employeeClaims(SUBMITTER_SUB) });

      // Assess
      expect(response.body).toContain('Hvilke tre systemer er det?');
      expect(response.body).not.toContain('Ligner noget fra Sundhed.');
      expect(bodyOf(response)['messages']).toContainEqual(expect.objectContaining({ kind: 'comment', at: toSubmitter.at }));
    });

    it('shows triage every comment', async () => {
      // Prepare
      stored(triaged, triagedHistory, comments);

      // Act
      const response = await getIdea({ claims: triageClaims() });

      // Assess
      expect(bodyOf(response)['comments']).toEqual([internal, toSubmitter]);
    });

    it('shows the submitter the comments to them among the first COMMENTS_PER_READ only, with a signed commentsCursor to read on', async () => {
      // Prepare: 51 comments, every other one internal.
      const many = Array.from({ length: COMMENTS_PER_READ + 1 }, (_, n) =>
        aComment({ id: `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`, at: `2026-01-07T10:${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000Z`, visibility: n % 2 === 0 ? 'submitter' : 'internal', text: `Besked nr. ${n}` }),
      );
      stored(triaged, triagedHistory, many);

      // Act
      const response = await getIdea({ claims: employeeClaims(SUBMITTER_SUB) });

      // Assess
      const body = bodyOf(response);
      const commentMessages = (body['messages'] as { kind: string; text: string }[]).filter((message) => message.kind === 'comment');
      expect(commentMessages.map((message) => message.text.split('\n').at(-1))).toEqual(
        many.slice(0, COMMENTS_PER_READ).filter((comment) => comment.visibility === 'submitter').map((comment) => comment.text),
      );
      const last = many[COMMENTS_PER_READ - 1]!;
      expect(body['commentsCursor']).toBe(await sealed(encodeCursor(commentEntity.key(IDEA_ID, last.at, last.id))));
    });

    it('tells how many people support the idea, from its count item', async () => {
      // Prepare
      stored(triaged, triagedHistory, [], 7);

      // Act
      const response = await getIdea({ claims: employeeClaims(SUBMITTER_SUB) });

      // Assess
      expect(bodyOf(response)['supportCount']).toBe(7);
    });

    it('points the submitter of a merged idea at the idea it now lives on, by its title and status label only, never what triage wrote to that idea’s submitter', async () => {
      // Prepare: the surviving idea waits for its own submitter's answer to a question holding a CPR number.
      stored(anIdeaInTriage({ status: 'duplicate', version: 3, decision: aDecision('duplicate', { mergedInto: OTHER_IDEA_ID }) }));
      const survivor = anIdeaInTriage({ id: OTHER_IDEA_ID, title: 'Én registrering i plejen', status: 'needs_info', decision: aDecision('needs_info', { message: 'Er det borgeren med CPR 010190-1234?' }) });
      givenIdeas(ddbMock, survivor);

      // Act
      const response = await getIdea({ claims: employeeClaims(SUBMITTER_SUB) });

      // Assess
      expect(bodyOf(response)['mergedInto']).toEqual({ id: OTHER_IDEA_ID, title: 'Én registrering i plejen', status: 'needs_info', statusLabel: 'Afventer flere oplysninger' });
      expect(response.body).not.toContain('010190-1234');
      expect(response.body).not.toContain('spørgsmål til dig');
    });
  });

  it('refuses an id that is not a UUID with 400, without reading the table', async () => {
    // Act
    const response = await getIdea({ id: 'idé-1', headers: { 'accept-language': 'en' } });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)['errors']).toEqual([{ pointer: '/id', detail: 'Must be a valid uuid' }]);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('refuses a caller without a verified token with 401', async () => {
    // Act
    const response = await getIdea({ claims: null });

    // Assess
    expect(response.statusCode).toBe(401);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });
});

import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../../functions/submit-idea.ts';
import { usageWindowAt, usageWindowLabel } from '../../../shared/domain/usage-limits.ts';
import { hashToken } from '../../../shared/intake/submit.ts';
import { ideaEntity, ideaEventEntity, usageEntity } from '../../../shared/store/entities.ts';
import { TABLE } from '../../../shared/store/table.ts';
import { bodyOf, formPost, httpEvent, jsonPost, lambdaContext, REQUEST_ID } from '../support/lambda.ts';
import { mockDeploymentSecret, TEST_KEYS } from '../support/secret.ts';

const ddbMock = mockClient(DynamoDBDocumentClient);
const sqsMock = mockClient(SQSClient);
mockDeploymentSecret();

const QUEUE_URL = 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-intake';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const idea = {
  kind: 'idea',
  title: 'Færre dobbeltregistreringer på plejecentret',
  description: 'Vi skriver de samme borgeroplysninger i tre systemer. Det tager tid fra omsorgen.',
  department: 'Ældre og sundhed',
};

beforeEach(() => {
  ddbMock.on(TransactWriteCommand).resolves({});
  sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [{ Id: '0', MessageId: 'm-1', MD5OfMessageBody: 'x' }], Failed: [] });
});

afterEach(() => {
  ddbMock.reset();
  sqsMock.reset();
});

/** A JSON POST, base64-encoded as API Gateway may send it, with `bytes` in place of the one `#` in the JSON text. */
function jsonBytesPost(body: object, bytes: number[]) {
  const [before = '', after = ''] = JSON.stringify(body).split('#');
  const raw = Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from(bytes), Buffer.from(after, 'utf8')]);
  return httpEvent({ method: 'POST', path: '/ideas', headers: { 'content-type': 'application/json' }, body: raw.toString('base64'), isBase64Encoded: true });
}

/** The items of the one transaction the submit wrote: idea, first event and, with a key, the idempotency record. */
function writtenItems() {
  const calls = ddbMock.commandCalls(TransactWriteCommand);
  expect(calls).toHaveLength(1);
  return (calls[0]?.args[0].input.TransactItems ?? []).map((item) => item.Put?.Item ?? {});
}

describe('POST /ideas (submit-idea)', () => {
  it('accepts a JSON idea with 202, its location and its id', async () => {
    // Prepare
    const event = jsonPost('/ideas', idea);

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(202);
    const body = bodyOf(response);
    expect(body).toEqual({ id: expect.stringMatching(UUID), status: 'submitted' });
    expect(response.headers).toMatchObject({ location: `/api/ideas/${String(body['id'])}`, 'content-type': 'application/json; charset=utf-8' });
    expect(response.headers).not.toHaveProperty('idempotent-replayed');
  });

  it('stores the idea with its Danish text intact and the caller as submitter, then queues it', async () => {
    // Prepare
    const event = jsonPost('/ideas', idea);

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    const id = String(bodyOf(response)['id']);
    const [ideaItem, eventItem] = writtenItems();
    expect(ideaItem).toMatchObject({
      ...ideaEntity.key(id),
      ...idea,
      anonymous: false,
      language: 'da',
      status: 'submitted',
      submitter: { sub: 'e7a1c2d3-employee', name: 'Birthe Sørensen' },
    });
    expect(eventItem).toMatchObject({ ...ideaEventEntity.key(id, 1), to: 'submitted' });
    expect(sqsMock).toHaveReceivedCommandExactlyOnceWith(SendMessageBatchCommand, {
      QueueUrl: QUEUE_URL,
      Entries: [{ Id: '0', MessageBody: JSON.stringify({ ideaId: id }) }],
    });
  });

  it('stores a title typed with a combining ring as the letter å (NFC)', async () => {
    // Prepare
    const event = jsonPost('/ideas', { ...idea, title: 'Sma\u030A skridt, stor forskel' });

    // Act
    await handler(event, lambdaContext());

    // Assess
    expect(writtenItems()[0]?.['title']).toBe('Små skridt, stor forskel');
  });

  it('accepts an anonymous friction sent as a base64-encoded HTML form, with Danish text and a decimal comma', async () => {
    // Prepare
    const event = formPost('/ideas', {
      kind: 'friction',
      title: 'Nøglebøvl på Åbrinken',
      description: 'Vi låner nøgler hos hinanden, fordi nøgleskabet står på første sal.',
      department: 'Hjemmeplejen Øst',
      frequency: '4',
      frequencyUnit: 'day',
      minutesEach: '2,5',
      peopleAffected: '18',
      anonymous: 'on',
      language: '',
    });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(202);
    const body = bodyOf(response);
    expect(body).toEqual({ id: expect.stringMatching(UUID), status: 'submitted', followUpToken: expect.any(String) });
    const [ideaItem, eventItem] = writtenItems();
    expect(ideaItem).toMatchObject({
      kind: 'friction',
      title: 'Nøglebøvl på Åbrinken',
      department: 'Hjemmeplejen Øst',
      friction: { frequency: 4, frequencyUnit: 'day', minutesEach: 2.5, peopleAffected: 18 },
      anonymous: true,
      language: 'da',
      followUpTokenHash: hashToken(String(body['followUpToken'])),
    });
    expect(ideaItem).not.toHaveProperty('submitter');
    // Nor is it on any submitter's list.
    expect(ideaItem).not.toHaveProperty(TABLE.indexes.bySubmitter.partitionKey);
    expect(eventItem?.['actor']).toEqual({ kind: 'submitter' });
  });

  it('accepts bøvl sent as a phone form with "I do not know the figures" ticked, and stores it without figures', async () => {
    // Prepare
    const event = formPost('/ideas', {
      kind: 'friction',
      title: 'Nøglerne til medicinskabet bliver væk',
      description: 'Om morgenen leder vi efter nøglerne til medicinskabet på Åbrinken.',
      department: 'Hjemmeplejen Øst',
      frequency: '',
      minutesEach: '',
      peopleAffected: '',
      figuresUnknown: 'on',
    });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(202);
    const [ideaItem] = writtenItems();
    expect(ideaItem).toMatchObject({ kind: 'friction', title: 'Nøglerne til medicinskabet bliver væk', department: 'Hjemmeplejen Øst', figuresUnknown: true });
    expect(ideaItem).not.toHaveProperty('friction');
    expect(ideaItem).not.toHaveProperty('frictionHoursPerYear');
    expect(sqsMock).toHaveReceivedCommandTimes(SendMessageBatchCommand, 1);
  });

  it('refuses figures sent with figuresUnknown: true with 400 on /figuresUnknown, and writes nothing', async () => {
    // Prepare
    const event = jsonPost('/ideas', { ...idea, kind: 'friction', figuresUnknown: true, frequency: 4, frequencyUnit: 'day' });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)['errors']).toEqual([{ pointer: '/figuresUnknown', detail: 'Udelad tallene (frequency, frequencyUnit), eller fjern figuresUnknown' }]);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('refuses invalid fields with 400 problem+json listing each field in Danish, and writes nothing', async () => {
    // Prepare
    const event = jsonPost('/ideas', { kind: 'idea', title: 'Øv', department: 'IT', farve: 'blå' });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(response.headers).toMatchObject({ 'content-type': 'application/problem+json; charset=utf-8', 'content-language': 'da' });
    expect(bodyOf(response)).toEqual({
      type: '/api/problems/validation',
      title: 'Nogle felter er ikke udfyldt rigtigt',
      status: 400,
      detail: 'Ret felterne nedenfor og prøv igen.',
      errors: [
        { pointer: '/title', detail: 'Skal være mindst 3 tegn' },
        { pointer: '/description', detail: 'Skal udfyldes' },
        { pointer: '/farve', detail: 'Ukendt felt: farve' },
      ],
    });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('words the field errors in English when the caller prefers English', async () => {
    // Prepare
    const event = jsonPost('/ideas', { ...idea, title: 'Øv' }, { 'accept-language': 'en-GB,en;q=0.9' });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.headers?.['content-language']).toBe('en');
    expect(bodyOf(response)).toMatchObject({
      title: 'Some fields are not filled in correctly',
      errors: [{ pointer: '/title', detail: 'Must be at least 3 characters' }],
    });
  });

  it('validates a form with the same messages as JSON', async () => {
    // Prepare
    const event = formPost('/ideas', { kind: 'friction', title: 'Bøvl', description: 'Det tager alt for lang tid.', department: 'IT', frequency: 'tre' });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    const missing = 'Skal udfyldes – eller udelad alle fire tal og send figuresUnknown: true, hvis de ikke kendes';
    expect(bodyOf(response)['errors']).toEqual([
      { pointer: '/frequency', detail: 'Skal være et tal' },
      { pointer: '/frequencyUnit', detail: missing },
      { pointer: '/minutesEach', detail: missing },
      { pointer: '/peopleAffected', detail: missing },
    ]);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it.each([
    ['a lone surrogate as a JSON escape', () => jsonPost('/ideas', { ...idea, department: 'IT\ud800' })],
    ['JSON whose bytes are not UTF-8 (ED A0 80, a surrogate encoded as if it were a character)', () => jsonBytesPost({ ...idea, department: 'IT#' }, [0xed, 0xa0, 0x80])],
    ['a form field percent-encoding bytes that are not UTF-8', () => formPost('/ideas', `kind=idea&title=${encodeURIComponent(idea.title)}&description=${encodeURIComponent(idea.description)}&department=IT%ED%A0%80`)],
  ])('refuses a department that is not well-formed Unicode (%s) with 400 on the field, and writes nothing', async (_case, event) => {
    // Act
    const response = await handler(event(), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)['errors']).toEqual([{ pointer: '/department', detail: 'Teksten indeholder et ugyldigt tegn (ikke gyldig Unicode)' }]);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('refuses a body that is not JSON or a form with 415', async () => {
    // Prepare
    const event = jsonPost('/ideas', idea, { 'content-type': 'text/plain' });

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(415);
    expect(bodyOf(response)['type']).toBe('/api/problems/unsupported-media-type');
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('refuses malformed JSON with 400', async () => {
    // Prepare
    const event = { ...jsonPost('/ideas', idea), body: '{"kind": "idea",' };

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(bodyOf(response)).toMatchObject({ type: '/api/problems/malformed-body', detail: 'Indholdet er ikke gyldig JSON.' });
  });

  it('refuses a caller without a verified token with 401, and writes nothing', async () => {
    // Prepare
    const event = jsonPost('/ideas', idea, {}, null);

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(401);
    expect(response.headers).toMatchObject({ 'www-authenticate': 'Bearer', 'content-type': 'application/problem+json; charset=utf-8' });
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('still answers 202 when the queue cannot be reached, because the idea is stored', async () => {
    // Prepare
    sqsMock.on(SendMessageBatchCommand).rejects(new Error('connect ETIMEDOUT'));
    const event = jsonPost('/ideas', idea);

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(202);
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
  });

  it('answers 500 naming the request id, without details, when the idea cannot be stored', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejects(new Error('Requested resource not found: Table: spire-unit not found'));
    const event = jsonPost('/ideas', idea);

    // Act
    const response = await handler(event, lambdaContext());

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain(REQUEST_ID);
    expect(response.body).not.toContain('spire-unit');
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  describe('with an Idempotency-Key', () => {
    const headers = { 'idempotency-key': '5d3c2b1a-retry-key' };

    /** Sends the request once, successfully, and returns its answer and the idempotency record it wrote. */
    async function firstSubmit(body: unknown) {
      const response = await handler(jsonPost('/ideas', body, headers), lambdaContext());
      const record = writtenItems()[2];
      ddbMock.reset();
      sqsMock.resetHistory();
      return { response, record };
    }

    /** From now on DynamoDB finds the key's record: the transaction fails on item 3, the record can be read. */
    function keyAlreadyUsed(record: Record<string, unknown> | undefined) {
      ddbMock.on(TransactWriteCommand).rejects(
        new TransactionCanceledException({
          message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, None, ConditionalCheckFailed]',
          $metadata: {},
          CancellationReasons: [{ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }],
        }),
      );
      ddbMock.on(GetCommand).resolves({ Item: record });
    }

    it('answers a retry with the first id and an Idempotent-Replayed header, without queuing again', async () => {
      // Prepare
      const first = await firstSubmit(idea);
      keyAlreadyUsed(first.record);

      // Act
      const retry = await handler(jsonPost('/ideas', idea, headers), lambdaContext());

      // Assess
      expect(retry.statusCode).toBe(202);
      expect(bodyOf(retry)).toEqual(bodyOf(first.response));
      expect(retry.headers).toMatchObject({ 'idempotent-replayed': 'true', location: first.response.headers?.['location'] });
      expect(sqsMock).not.toHaveReceivedAnyCommand();
    });

    it('hands an anonymous retry the same follow-up token, which no item it wrote holds', async () => {
      // Prepare
      const first = await firstSubmit({ ...idea, anonymous: true });
      keyAlreadyUsed(first.record);

      // Act
      const retry = await handler(jsonPost('/ideas', { ...idea, anonymous: true }, headers), lambdaContext());

      // Assess
      const token = String(bodyOf(first.response)['followUpToken']);
      expect(bodyOf(retry)['followUpToken']).toEqual(token);
      expect(bodyOf(retry)['id']).toEqual(bodyOf(first.response)['id']);
      expect(first.record).not.toHaveProperty('followUpToken');
      expect(JSON.stringify(first.record)).not.toContain(token);
    });

    it('recognises a retry sent as a form after a JSON attempt', async () => {
      // Prepare
      const first = await firstSubmit({ ...idea, anonymous: false, language: 'da' });
      keyAlreadyUsed(first.record);

      // Act
      const retry = await handler(formPost('/ideas', { ...idea }, headers), lambdaContext());

      // Assess
      expect(retry.statusCode).toBe(202);
      expect(bodyOf(retry)['id']).toEqual(bodyOf(first.response)['id']);
    });

    it('refuses the same key with a different idea with 422', async () => {
      // Prepare
      const first = await firstSubmit(idea);
      keyAlreadyUsed(first.record);

      // Act
      const response = await handler(jsonPost('/ideas', { ...idea, title: 'En anden idé' }, headers), lambdaContext());

      // Assess
      expect(response.statusCode).toBe(422);
      expect(bodyOf(response)).toMatchObject({ type: '/api/problems/idempotency-key-reused', detail: 'Brug en ny Idempotency-Key til en ny idé.' });
    });

    it.each([
      ['da', 'Har ikke det forventede format'],
      ['en', 'Does not have the expected format'],
    ])('refuses a malformed key with 400 in %s and writes nothing', async (language, detail) => {
      // Act
      const response = await handler(jsonPost('/ideas', idea, { 'idempotency-key': 'nøgle med mellemrum', 'accept-language': language }), lambdaContext());

      // Assess
      expect(response.statusCode).toBe(400);
      expect(bodyOf(response)['errors']).toEqual([{ pointer: '/idempotency-key', detail }]);
      expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    });

    it('refuses a key holding a lone surrogate with 400 and writes nothing', async () => {
      // Act
      const response = await handler(jsonPost('/ideas', idea, { 'idempotency-key': 'retry-\ud800' }), lambdaContext());

      // Assess
      expect(response.statusCode).toBe(400);
      expect(bodyOf(response)['errors']).toEqual([{ pointer: '/idempotency-key', detail: 'Har ikke det forventede format' }]);
      expect(ddbMock).not.toHaveReceivedAnyCommand();
    });
  });
});

describe('POST /ideas past the person’s limit of submits an hour', () => {
  const SUB = 'e7a1c2d3-employee';
  const limitReached = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

  it('counts the submit under USAGE# and the keyed hash of the caller, never their subject, with the limit of its setting', async () => {
    // Act
    const before = new Date();
    await handler(jsonPost('/ideas', idea), lambdaContext());
    const after = new Date();

    // Assess: the count of this hour's window (the hour the request came in, should it have turned meanwhile).
    const update = ddbMock.commandCalls(UpdateCommand)[0]?.args[0].input;
    expect([before, after].map((at) => usageEntity.key(TEST_KEYS.hex('usage', SUB), 'submit', usageWindowLabel(usageWindowAt(at))))).toContainEqual(update?.Key);
    expect(update?.ExpressionAttributeValues).toMatchObject({ ':limit': 20 });
    expect(JSON.stringify(update)).not.toContain(SUB);
  });

  it('answers 429 with Retry-After in seconds and a problem document, and stores and queues nothing', async () => {
    // Prepare
    ddbMock.on(UpdateCommand).rejects(limitReached());

    // Act
    const response = await handler(jsonPost('/ideas', idea, { 'accept-language': 'en' }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(429);
    const retryAfter = Number(response.headers?.['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3600).toBe(true);
    expect(response.headers).toMatchObject({ 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store' });
    expect(bodyOf(response)).toMatchObject({
      type: '/api/problems/too-many-requests',
      title: 'You have reached the limit for now',
      status: 429,
      detail: expect.stringMatching(/^You can submit ideas at most 20 times an hour\. Try again in \d+ (minutes?|seconds?)\.$/),
      limit: 20,
      retryAfterSeconds: retryAfter,
    });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('answers a retry with the same Idempotency-Key as a retry, 202, even at the limit', async () => {
    // Prepare
    const headers = { 'idempotency-key': '5d3c2b1a-retry-key' };
    const first = await handler(jsonPost('/ideas', idea, headers), lambdaContext());
    const record = writtenItems()[2];
    ddbMock.reset();
    sqsMock.resetHistory();
    ddbMock.on(UpdateCommand).rejects(limitReached());
    ddbMock.on(GetCommand).resolves({ Item: record });

    // Act
    const retry = await handler(jsonPost('/ideas', idea, headers), lambdaContext());

    // Assess
    expect(retry.statusCode).toBe(202);
    expect(bodyOf(retry)).toEqual(bodyOf(first));
    expect(retry.headers).toMatchObject({ 'idempotent-replayed': 'true' });
    expect(ddbMock).not.toHaveReceivedCommand(TransactWriteCommand);
    expect(sqsMock).not.toHaveReceivedAnyCommand();
  });

  it('does not count a submit refused for its fields', async () => {
    // Act
    const response = await handler(jsonPost('/ideas', { ...idea, title: 'x' }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(400);
    expect(ddbMock).not.toHaveReceivedCommand(UpdateCommand);
  });
});

/** POST /ideas warns about personal data in the idea's text, and takes the idea all the same (docs/personal-data-detection.md). */
const DESCRIPTION = 'Borgeren med CPR 010203-1234 får sin medicin registreret tre gange i Nexus og Cura.';

function storedIdea(): Record<string, unknown> {
  const calls = ddbMock.commandCalls(TransactWriteCommand);
  expect(calls).toHaveLength(1);
  return calls[0]?.args[0].input.TransactItems?.[0]?.Put?.Item ?? {};
}

describe('POST /ideas with personal data in its text (submit-idea)', () => {
  it('accepts the idea with 202 and warns with personalData naming the field, kind and span', async () => {
    // Act
    const response = await handler(jsonPost('/ideas', { ...idea, description: DESCRIPTION }), lambdaContext());

    // Assess
    expect(response.statusCode).toBe(202);
    expect(bodyOf(response)).toEqual({
      id: expect.stringMatching(UUID),
      status: 'submitted',
      personalData: [{ pointer: '/description', kind: 'cpr', start: 17, end: 28 }],
    });
  });

  it('stores and queues the idea with its text as written', async () => {
    // Act
    await handler(jsonPost('/ideas', { ...idea, description: DESCRIPTION }), lambdaContext());

    // Assess
    expect(storedIdea()).toMatchObject({ description: DESCRIPTION, status: 'submitted' });
    expect(sqsMock).toHaveReceivedCommandTimes(SendMessageBatchCommand, 1);
  });

  it('warns about every free-text field: the title, the description and the department, in that order', async () => {
    // Act
    const response = await handler(
      jsonPost('/ideas', { ...idea, title: 'Ring til Åse på 23 45 67 89', description: 'Skriv til åse.holm@gmail.com, hun ved det.', department: 'Team 2345 6789' }),
      lambdaContext(),
    );

    // Assess
    expect(bodyOf(response)['personalData']).toEqual([
      { pointer: '/title', kind: 'phone', start: 16, end: 27 },
      { pointer: '/description', kind: 'email', start: 10, end: 28 },
      { pointer: '/department', kind: 'phone', start: 5, end: 14 },
    ]);
  });

  it('leaves personalData out when nothing was found', async () => {
    // Act
    const response = await handler(jsonPost('/ideas', idea), lambdaContext());

    // Assess
    expect(bodyOf(response)).not.toHaveProperty('personalData');
  });

  it('warns about an anonymous idea sent as a form the same way, next to its follow-up token', async () => {
    // Act
    const response = await handler(
      formPost('/ideas', { ...idea, description: 'Jens Hansen har demens og kan ikke låse døren op for hjemmeplejen.', anonymous: 'on' }),
      lambdaContext(),
    );

    // Assess
    expect(response.statusCode).toBe(202);
    expect(bodyOf(response)).toEqual({
      id: expect.stringMatching(UUID),
      status: 'submitted',
      followUpToken: expect.any(String),
      personalData: [{ pointer: '/description', kind: 'health', start: 0, end: 22 }],
    });
  });

  it('gives offsets into the text as stored: after the leading white space is trimmed', async () => {
    // Act
    const response = await handler(jsonPost('/ideas', { ...idea, description: '   Hendes mail er birthe@kommune.dk, skriv til hende.' }), lambdaContext());

    // Assess
    const [finding] = bodyOf(response)['personalData'] as { start: number; end: number }[];
    expect((storedIdea()['description'] as string).slice(finding?.start, finding?.end)).toBe('birthe@kommune.dk');
  });
});

import { describe, expect, it } from 'vitest';
import {
  ForbiddenError,
  HttpError,
  IdempotencyKeyReusedError,
  InvalidCursorError,
  MethodNotAllowedError,
  InvalidTransitionError,
  MalformedBodyError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  PreconditionRequiredError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../../shared/http/errors.ts';
import { internalErrorResponse, PROBLEM_CONTENT_TYPE, problemResponse } from '../../../shared/http/problem.ts';
import { bodyOf } from '../support/lambda.ts';

const detail = { da: 'Noget gik galt med æ, ø og å.', en: 'Something went wrong.' };

const everyError: [HttpError, number, string][] = [
  [new ValidationError([]), 400, 'validation'],
  [new MalformedBodyError(detail), 400, 'malformed-body'],
  [new InvalidCursorError(), 400, 'invalid-cursor'],
  [new UnauthorizedError(), 401, 'unauthorized'],
  [new ForbiddenError(detail), 403, 'forbidden'],
  [new NotFoundError(detail), 404, 'not-found'],
  [new InvalidTransitionError('declined', [], detail), 409, 'invalid-transition'],
  [new PreconditionFailedError(), 412, 'precondition-failed'],
  [new PreconditionRequiredError(), 428, 'precondition-required'],
  [new PayloadTooLargeError(detail), 413, 'payload-too-large'],
  [new UnsupportedMediaTypeError(detail), 415, 'unsupported-media-type'],
  [new MethodNotAllowedError('PUT', ['GET']), 405, 'method-not-allowed'],
  [new IdempotencyKeyReusedError(detail), 422, 'idempotency-key-reused'],
];

describe('problemResponse', () => {
  it.each(everyError)('answers %s with its status, as application/problem+json', (error, status, type) => {
    // Act
    const response = problemResponse(error, 'da');

    // Assess
    expect(response.statusCode).toBe(status);
    expect(response.headers).toMatchObject({ 'content-type': 'application/problem+json; charset=utf-8', 'content-language': 'da' });
    expect(bodyOf(response)).toMatchObject({ type: `/api/problems/${type}`, status });
  });

  it.each(everyError)('titles %s differently in Danish and English', (error) => {
    // Act
    const da = bodyOf(problemResponse(error, 'da'));
    const en = bodyOf(problemResponse(error, 'en'));

    // Assess
    expect(da['title']).toBe(error.title.da);
    expect(en['title']).toBe(error.title.en);
    expect(da['title']).not.toBe(en['title']);
  });

  it('carries title and detail in Danish, with æ, ø and å intact', () => {
    // Prepare
    const error = new PayloadTooLargeError(detail);

    // Act
    const response = problemResponse(error, 'da');

    // Assess
    expect(JSON.parse(response.body ?? '')).toEqual({
      type: '/api/problems/payload-too-large',
      title: 'Forespørgslen er for stor',
      status: 413,
      detail: 'Noget gik galt med æ, ø og å.',
    });
  });

  it('carries title and detail in English', () => {
    // Prepare
    const error = new NotFoundError({ da: 'Ingen idé.', en: 'No idea.' });

    // Act
    const response = problemResponse(error, 'en');

    // Assess
    expect(response.headers?.['content-language']).toBe('en');
    expect(bodyOf(response)).toEqual({ type: '/api/problems/not-found', title: 'Not found', status: 404, detail: 'No idea.' });
  });

  it('leaves out detail when the error has none', () => {
    // Prepare
    const error = new ForbiddenError();

    // Act
    const body = bodyOf(problemResponse(error, 'en'));

    // Assess
    expect(body).not.toHaveProperty('detail');
  });

  it('names the instance when given one', () => {
    // Prepare
    const error = new ForbiddenError();

    // Act
    const body = bodyOf(problemResponse(error, 'en', '/ideas/123'));

    // Assess
    expect(body['instance']).toBe('/ideas/123');
  });

  it('lists per-field errors of a ValidationError as the errors member', () => {
    // Prepare
    const errors = [
      { pointer: '/title', detail: 'Skal være mindst 3 tegn' },
      { pointer: '/department', detail: 'Skal udfyldes' },
    ];

    // Act
    const body = bodyOf(problemResponse(new ValidationError(errors), 'da'));

    // Assess
    expect(body).toEqual({
      type: '/api/problems/validation',
      title: 'Nogle felter er ikke udfyldt rigtigt',
      status: 400,
      detail: 'Ret felterne nedenfor og prøv igen.',
      errors,
    });
  });

  it('adds the error’s own headers, such as WWW-Authenticate on 401', () => {
    // Act
    const response = problemResponse(new UnauthorizedError(), 'en');

    // Assess
    expect(response.headers).toMatchObject({ 'www-authenticate': 'Bearer', 'content-type': PROBLEM_CONTENT_TYPE });
  });
});

describe('problemResponse for an invalid transition', () => {
  const transitionDetail = {
    da: 'En idé i status parked kan ikke få afgørelsen accept. Mulige afgørelser: decline, duplicate.',
    en: 'An idea in status parked cannot get the decision accept. Possible decisions: decline, duplicate.',
  };

  it('answers 409 with the idea’s status and what that status allows', () => {
    // Prepare
    const error = new InvalidTransitionError('parked', ['decline', 'duplicate'], transitionDetail);

    // Act
    const response = problemResponse(error, 'da');

    // Assess
    expect(response.statusCode).toBe(409);
    expect(bodyOf(response)).toEqual({
      type: '/api/problems/invalid-transition',
      title: 'Det kan ikke lade sig gøre i idéens nuværende status',
      status: 409,
      detail: transitionDetail.da,
      ideaStatus: 'parked',
      allowed: ['decline', 'duplicate'],
    });
  });

  it('keeps the HTTP status as the problem’s status, the idea’s status under its own name', () => {
    // Prepare
    const error = new InvalidTransitionError('accepted', [], transitionDetail);

    // Act
    const body = bodyOf(problemResponse(error, 'en'));

    // Assess
    expect(body['status']).toBe(409);
    expect(body['ideaStatus']).toBe('accepted');
    expect(body['allowed']).toEqual([]);
  });

  it('gives the detail in English', () => {
    // Prepare
    const error = new InvalidTransitionError('parked', ['decline', 'duplicate'], transitionDetail);

    // Act
    const body = bodyOf(problemResponse(error, 'en'));

    // Assess
    expect(body).toMatchObject({ title: 'Not possible in the idea’s current status', detail: transitionDetail.en });
  });
});

describe('problemResponse for preconditions', () => {
  it('asks the caller to fetch the latest version when If-Match names an older one', () => {
    // Act
    const body = bodyOf(problemResponse(new PreconditionFailedError(), 'da'));

    // Assess
    expect(body).toEqual({
      type: '/api/problems/precondition-failed',
      title: 'Nogen har ændret det imens',
      status: 412,
      detail: 'Hent den nyeste udgave og prøv igen.',
    });
  });

  it('asks the caller to send If-Match when it is missing', () => {
    // Act
    const body = bodyOf(problemResponse(new PreconditionRequiredError(), 'en'));

    // Assess
    expect(body).toEqual({ type: '/api/problems/precondition-required', title: 'If-Match is missing', status: 428, detail: 'Send the ETag you read in If-Match.' });
  });
});

describe('internalErrorResponse', () => {
  it.each([
    ['da', 'Der skete en fejl hos os', 'Prøv igen om lidt. Oplys fejl-id req-1, hvis det bliver ved.'],
    ['en', 'Something went wrong on our side', 'Please try again shortly. Quote error id req-1 if it persists.'],
  ] as const)('answers 500 in %s, naming only the request id', (language, title, text) => {
    // Act
    const response = internalErrorResponse(language, 'req-1');

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.headers).toEqual({ 'content-type': PROBLEM_CONTENT_TYPE, 'content-language': language, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    expect(bodyOf(response)).toEqual({ type: '/api/problems/internal', title, status: 500, detail: text });
  });
});

describe('headers of every problem', () => {
  it.each(everyError)('forbids caching and sniffing of %s', (error) => {
    // Act
    const response = problemResponse(error, 'da');

    // Assess
    expect(response.headers).toMatchObject({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  });

  it('keeps the headers the error asks for beside them', () => {
    // Act
    const response = problemResponse(new MethodNotAllowedError('DELETE', ['GET', 'POST']), 'en');

    // Assess
    expect(response.statusCode).toBe(405);
    expect(response.headers).toMatchObject({ allow: 'GET, POST', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    expect(bodyOf(response)).toMatchObject({ type: '/api/problems/method-not-allowed', allowed: ['GET', 'POST'] });
  });
});

describe('HttpError', () => {
  it('uses the English detail as the error message, for the logs', () => {
    // Act
    const error = new NotFoundError({ da: 'Findes ikke her.', en: 'Not here.' });

    // Assess
    expect(error.message).toBe('Not here.');
    expect(error).toBeInstanceOf(Error);
  });

  it('defaults the 401 detail to asking for a valid token', () => {
    // Act
    const error = new UnauthorizedError();

    // Assess
    expect(error.detailText).toEqual({ da: 'Send et gyldigt adgangstoken.', en: 'Send a valid access token.' });
  });
});

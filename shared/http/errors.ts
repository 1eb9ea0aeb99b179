import type { Language } from '../domain/idea.ts';
import type { FieldFinding } from '../domain/personal-data.ts';
import { PROBLEM_TYPES, PROBLEM_TYPE_PREFIX, type ProblemTypeName } from './problem-types.ts';

/**
 * Errors a caller may see. Each is an HTTP 4xx with a problem type and a message in Danish and
 * English; the one place that turns them into `application/problem+json` is ./problem.ts.
 * Anything else that is thrown is a 5xx whose details stay in the logs.
 */
export interface FieldError {
  /** JSON Pointer (RFC 6901) to the offending field, e.g. `/title`. */
  pointer: string;
  detail: string;
}

type Text = Record<Language, string>;

export abstract class HttpError extends Error {
  abstract readonly status: number;
  /** Short, stable identifier (a name in ./problem-types.ts); the problem `type` is built from it. */
  abstract readonly type: ProblemTypeName;
  abstract readonly title: Readonly<Text>;
  readonly detailText: Text | undefined;
  readonly headers: Record<string, string>;

  constructor(detail?: Text, headers: Record<string, string> = {}) {
    super(detail?.en ?? new.target.name);
    this.detailText = detail;
    this.headers = headers;
  }

  /** Extra members of the problem document (RFC 9457 extensions). */
  extensions(): Record<string, unknown> {
    return {};
  }
}

export class ValidationError extends HttpError {
  override name = 'ValidationError';
  readonly status = PROBLEM_TYPES['validation'].status;
  readonly type = 'validation';
  readonly title = PROBLEM_TYPES['validation'].title;
  readonly errors: FieldError[];

  constructor(errors: FieldError[], detail?: Text) {
    super(detail ?? { da: 'Ret felterne nedenfor og prøv igen.', en: 'Correct the fields below and try again.' });
    this.errors = errors;
  }

  override extensions(): Record<string, unknown> {
    return { errors: this.errors };
  }
}

export class MalformedBodyError extends HttpError {
  override name = 'MalformedBodyError';
  readonly status = PROBLEM_TYPES['malformed-body'].status;
  readonly type = 'malformed-body';
  readonly title = PROBLEM_TYPES['malformed-body'].title;
}

export class InvalidCursorError extends HttpError {
  override name = 'InvalidCursorError';
  readonly status = PROBLEM_TYPES['invalid-cursor'].status;
  readonly type = 'invalid-cursor';
  readonly title = PROBLEM_TYPES['invalid-cursor'].title;

  constructor() {
    super({ da: 'Brug den cursor, som den forrige side gav.', en: 'Use the cursor the previous page returned.' });
  }
}

export class UnauthorizedError extends HttpError {
  override name = 'UnauthorizedError';
  readonly status = PROBLEM_TYPES['unauthorized'].status;
  readonly type = 'unauthorized';
  readonly title = PROBLEM_TYPES['unauthorized'].title;

  constructor(detail?: Text) {
    super(detail ?? { da: 'Send et gyldigt adgangstoken.', en: 'Send a valid access token.' }, { 'www-authenticate': 'Bearer' });
  }
}

export class ForbiddenError extends HttpError {
  override name = 'ForbiddenError';
  readonly status = PROBLEM_TYPES['forbidden'].status;
  readonly type = 'forbidden';
  readonly title = PROBLEM_TYPES['forbidden'].title;
}

export class NotFoundError extends HttpError {
  override name = 'NotFoundError';
  readonly status = PROBLEM_TYPES['not-found'].status;
  readonly type = 'not-found';
  readonly title = PROBLEM_TYPES['not-found'].title;
}

/**
 * The path exists but not with this method; `Allow` lists the methods it has (RFC 9110 §15.5.6).
 * Only the local runtime answers this: in AWS, API Gateway answers a method no route has with its
 * own 404 before any function runs (docs/api.md, "Refused before any function runs").
 */
export class MethodNotAllowedError extends HttpError {
  override name = 'MethodNotAllowedError';
  readonly status = PROBLEM_TYPES['method-not-allowed'].status;
  readonly type = 'method-not-allowed';
  readonly title = PROBLEM_TYPES['method-not-allowed'].title;
  readonly allowed: readonly string[];

  constructor(method: string, allowed: readonly string[]) {
    super(
      { da: `${method} kan ikke bruges her; brug ${allowed.join(', ')}.`, en: `${method} cannot be used here; use ${allowed.join(', ')}.` },
      { allow: allowed.join(', ') },
    );
    this.allowed = allowed;
  }

  override extensions(): Record<string, unknown> {
    return { allowed: this.allowed };
  }
}

/** The resource changed since the caller read it: its `If-Match` names an older version. */
export class PreconditionFailedError extends HttpError {
  override name = 'PreconditionFailedError';
  readonly status = PROBLEM_TYPES['precondition-failed'].status;
  readonly type = 'precondition-failed';
  readonly title = PROBLEM_TYPES['precondition-failed'].title;

  constructor(detail?: Text) {
    super(detail ?? { da: 'Hent den nyeste udgave og prøv igen.', en: 'Fetch the latest version and try again.' });
  }
}

/**
 * The idea's status does not allow what was asked (a decision, an answer, a withdrawal); the
 * problem document lists what its status does allow.
 */
export class InvalidTransitionError extends HttpError {
  override name = 'InvalidTransitionError';
  readonly status = PROBLEM_TYPES['invalid-transition'].status;
  readonly type = 'invalid-transition';
  readonly title = PROBLEM_TYPES['invalid-transition'].title;
  readonly currentStatus: string;
  readonly allowed: readonly string[];

  constructor(currentStatus: string, allowed: readonly string[], detail: Text) {
    super(detail);
    this.currentStatus = currentStatus;
    this.allowed = allowed;
  }

  override extensions(): Record<string, unknown> {
    return { ideaStatus: this.currentStatus, allowed: this.allowed };
  }
}

/** The pilot's stage does not allow the gate decision; the problem document lists what it does allow. */
export class InvalidGateDecisionError extends HttpError {
  override name = 'InvalidGateDecisionError';
  readonly status = PROBLEM_TYPES['invalid-gate-decision'].status;
  readonly type = 'invalid-gate-decision';
  readonly title = PROBLEM_TYPES['invalid-gate-decision'].title;
  readonly stage: string;
  readonly allowed: readonly string[];

  constructor(stage: string, allowed: readonly string[], detail: Text) {
    super(detail);
    this.stage = stage;
    this.allowed = allowed;
  }

  override extensions(): Record<string, unknown> {
    return { pilotStage: this.stage, allowed: this.allowed };
  }
}

/** `go` was asked while required checklist items are not answered yes; the problem document lists them. */
export class ChecklistIncompleteError extends HttpError {
  override name = 'ChecklistIncompleteError';
  readonly status = PROBLEM_TYPES['checklist-incomplete'].status;
  readonly type = 'checklist-incomplete';
  readonly title = PROBLEM_TYPES['checklist-incomplete'].title;
  readonly missing: readonly { id: string; text: string }[];

  constructor(missing: readonly { id: string; text: string }[], detail: Text) {
    super(detail);
    this.missing = missing;
  }

  override extensions(): Record<string, unknown> {
    return { missing: this.missing };
  }
}

/** `go` into `pilot` was asked for a pilot whose hypothesis is not written yet. */
export class HypothesisMissingError extends HttpError {
  override name = 'HypothesisMissingError';
  readonly status = PROBLEM_TYPES['hypothesis-missing'].status;
  readonly type = 'hypothesis-missing';
  readonly title = PROBLEM_TYPES['hypothesis-missing'].title;
}

/** A change was sent without `If-Match`, so it could silently overwrite somebody else's. */
export class PreconditionRequiredError extends HttpError {
  override name = 'PreconditionRequiredError';
  readonly status = PROBLEM_TYPES['precondition-required'].status;
  readonly type = 'precondition-required';
  readonly title = PROBLEM_TYPES['precondition-required'].title;

  constructor() {
    super({ da: 'Send den ETag, du læste, i If-Match.', en: 'Send the ETag you read in If-Match.' });
  }
}

export class PayloadTooLargeError extends HttpError {
  override name = 'PayloadTooLargeError';
  readonly status = PROBLEM_TYPES['payload-too-large'].status;
  readonly type = 'payload-too-large';
  readonly title = PROBLEM_TYPES['payload-too-large'].title;
}

export class UnsupportedMediaTypeError extends HttpError {
  override name = 'UnsupportedMediaTypeError';
  readonly status = PROBLEM_TYPES['unsupported-media-type'].status;
  readonly type = 'unsupported-media-type';
  readonly title = PROBLEM_TYPES['unsupported-media-type'].title;
}

/** The same `Idempotency-Key` was sent before with a different request (IETF idempotency-key draft). */
export class IdempotencyKeyReusedError extends HttpError {
  override name = 'IdempotencyKeyReusedError';
  readonly status = PROBLEM_TYPES['idempotency-key-reused'].status;
  readonly type = 'idempotency-key-reused';
  readonly title = PROBLEM_TYPES['idempotency-key-reused'].title;
}

/**
 * The caller has used up one of their per-person limits (shared/domain/usage-limits.ts) for the
 * current hour. `Retry-After` (RFC 9110 §10.2.3) says in seconds when the next window starts; the
 * detail says what the limit is and when to try again.
 */
export class TooManyRequestsError extends HttpError {
  override name = 'TooManyRequestsError';
  readonly status = PROBLEM_TYPES['too-many-requests'].status;
  readonly type = 'too-many-requests';
  readonly title = PROBLEM_TYPES['too-many-requests'].title;
  readonly limit: number;
  readonly retryAfterSeconds: number;

  constructor(detail: Text, limit: number, retryAfterSeconds: number) {
    super(detail, { 'retry-after': String(retryAfterSeconds) });
    this.limit = limit;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  override extensions(): Record<string, unknown> {
    return { limit: this.limit, retryAfterSeconds: this.retryAfterSeconds };
  }
}

/**
 * Text that triage would store and show (a comment, a question, a message to the submitter)
 * seems to hold personal data (shared/domain/personal-data.ts), and the request did not say
 * `confirmPersonalData: true`. `findings` name each field (JSON Pointer) and span (UTF-16
 * offsets) so a form can highlight them; never the text found. Nothing was stored.
 */
export class PersonalDataError extends HttpError {
  override name = 'PersonalDataError';
  readonly status = PROBLEM_TYPES['personal-data'].status;
  readonly type = 'personal-data';
  readonly title = PROBLEM_TYPES['personal-data'].title;
  readonly findings: readonly FieldFinding[];

  constructor(findings: readonly FieldFinding[]) {
    super({
      da: 'Fjern CPR-numre, e-mailadresser, telefonnumre og helbredsoplysninger om navngivne personer, eller send igen med confirmPersonalData: true, hvis de skal med.',
      en: 'Remove CPR numbers, e-mail addresses, phone numbers and health details about named people, or send again with confirmPersonalData: true if they must stay.',
    });
    this.findings = findings;
  }

  override extensions(): Record<string, unknown> {
    return { findings: this.findings };
  }
}

/** Prefix of problem type URIs (./problem-types.ts); docs/api.md ("Problem types") lists every type. */
export { PROBLEM_TYPE_PREFIX };

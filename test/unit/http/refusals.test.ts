import { describe, expect, it } from 'vitest';
import { RefusedError, type Refusal } from '../../../shared/domain/refusals.ts';
import { problemResponse } from '../../../shared/http/problem.ts';
import { problemFor, refusalProblem } from '../../../shared/http/refusals.ts';
import { InvalidCursorError, VersionConflictError } from '../../../shared/store/ports.ts';
import { bodyOf } from '../support/lambda.ts';

/** Every kind of refusal, with the status and problem type a route answers it with. */
const everyRefusal: [Refusal, number, string][] = [
  [{ kind: 'idea-not-found' }, 404, 'not-found'],
  [{ kind: 'own-idea-not-found' }, 404, 'not-found'],
  [{ kind: 'pilot-not-found' }, 404, 'not-found'],
  [{ kind: 'stale-version' }, 412, 'precondition-failed'],
  [{ kind: 'decision-not-allowed', status: 'parked', decision: 'accept', allowed: ['decline', 'duplicate'] }, 409, 'invalid-transition'],
  [{ kind: 'merge-target', problem: 'itself' }, 400, 'validation'],
  [{ kind: 'merge-target', problem: 'missing' }, 400, 'validation'],
  [{ kind: 'merge-target', problem: 'closed', status: 'declined' }, 400, 'validation'],
  [{ kind: 'unknown-criteria', ids: ['charm'] }, 400, 'validation'],
  [{ kind: 'comment-to-withdrawn-submitter' }, 400, 'validation'],
  [{ kind: 'personal-data', findings: [] }, 422, 'personal-data'],
  [{ kind: 'support-closed', status: 'declined' }, 409, 'invalid-transition'],
  [{ kind: 'withdraw-closed', status: 'accepted', allowed: [] }, 409, 'invalid-transition'],
  [{ kind: 'no-question', status: 'in_triage' }, 409, 'invalid-transition'],
  [{ kind: 'idempotency-key-reused' }, 422, 'idempotency-key-reused'],
  [{ kind: 'gate-role-missing' }, 403, 'forbidden'],
  [{ kind: 'gate', decision: 'go', refusal: { kind: 'hypothesis-missing' } }, 409, 'hypothesis-missing'],
  [{ kind: 'gate', decision: 'recycle', refusal: { kind: 'not-allowed', stage: 'sprint', allowed: ['go', 'hold', 'stop'] } }, 409, 'invalid-gate-decision'],
  [{ kind: 'gate', decision: 'go', refusal: { kind: 'checklist-incomplete', missing: [] } }, 409, 'checklist-incomplete'],
  [{ kind: 'gate', decision: 'go', refusal: { kind: 'unknown-items', ids: ['x'] } }, 400, 'validation'],
  [{ kind: 'gate', decision: 'stop', refusal: { kind: 'learnings-too-short' } }, 400, 'validation'],
  [{ kind: 'stopped-pilot-learnings' }, 400, 'validation'],
  [{ kind: 'usage-limit', action: 'support', limit: 10, retryAfterSeconds: 60 }, 429, 'too-many-requests'],
];

describe('refusalProblem', () => {
  it.each(everyRefusal)('answers %j with %i %s', (refusal, status, type) => {
    // Act
    const response = problemResponse(refusalProblem(refusal, 'da'), 'da');

    // Assess
    expect(response.statusCode).toBe(status);
    expect(bodyOf(response)).toMatchObject({ type: `/api/problems/${type}`, status });
  });

  it('writes field details in the language asked for', () => {
    // Act
    const da = bodyOf(problemResponse(refusalProblem({ kind: 'merge-target', problem: 'itself' }, 'da'), 'da'));
    const en = bodyOf(problemResponse(refusalProblem({ kind: 'merge-target', problem: 'itself' }, 'en'), 'en'));

    // Assess
    expect(da['errors']).toEqual([{ pointer: '/into', detail: 'En idé kan ikke lægges sammen med sig selv' }]);
    expect(en['errors']).toEqual([{ pointer: '/into', detail: 'An idea cannot be merged into itself' }]);
  });
});

describe('problemFor', () => {
  it('makes a thrown refusal its problem', () => {
    // Act
    const problem = problemFor(new RefusedError({ kind: 'stale-version' }), 'en');

    // Assess
    expect(problem?.status).toBe(412);
    expect(problem?.type).toBe('precondition-failed');
  });

  it('makes the store’s unknown cursor 400 invalid-cursor', () => {
    // Act
    const problem = problemFor(new InvalidCursorError(), 'da');

    // Assess
    expect(problem?.status).toBe(400);
    expect(problem?.type).toBe('invalid-cursor');
  });

  it('makes the store’s version conflict 412 precondition-failed, as a stale If-Match: the other change won', () => {
    // Act
    const problem = problemFor(new VersionConflictError({ kind: 'idea', id: 'x', expectedVersion: 1 }, 'lost'), 'en');

    // Assess
    expect(problem?.status).toBe(412);
    expect(problem?.type).toBe('precondition-failed');
  });

  it('leaves any other error to be a 500', () => {
    // Act, Assess
    expect(problemFor(new Error('DynamoDB is unavailable'), 'da')).toBeUndefined();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { DECLINE_REASONS, REDIRECT_TARGETS } from '../../../shared/domain/idea.ts';
import { INBOX_STATUSES } from '../../../shared/domain/inbox.ts';
import { fieldErrors } from '../../../shared/http/validation.ts';
import { AnswerInput, AssigneeInput, CommentInput, DecisionInput, InboxQuery, WithdrawInput } from '../../../shared/schemas/console.ts';
import { OTHER_IDEA_ID } from '../support/ideas.ts';

/** The fields a schema refuses, by path (unknown fields by name). */
function issuePaths(schema: z.core.$ZodType, input: unknown): string[] {
  const result = z.safeParse(schema, input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : ''));
}

describe('InboxQuery', () => {
  it('reads an empty query as the first page of the in_triage list by priority', () => {
    // Act
    const query = InboxQuery.parse({});

    // Assess
    expect(query).toEqual({ status: 'in_triage', sort: 'priority', limit: 25 });
  });

  it('reads a fully narrowed query', () => {
    // Act
    const query = InboxQuery.parse({ status: 'parked', kind: 'friction', department: 'Ældreplejen', theme: 'automatisering', sort: 'age', limit: '50', cursor: 'abc' });

    // Assess
    expect(query).toEqual({ status: 'parked', kind: 'friction', department: 'Ældreplejen', theme: 'automatisering', sort: 'age', limit: 50, cursor: 'abc' });
  });

  it('reads the list of the caller’s own ideas, by status', () => {
    // Act
    const query = InboxQuery.parse({ assignee: 'me', status: 'needs_info' });

    // Assess
    expect(query).toEqual({ status: 'needs_info', assignee: 'me', sort: 'priority', limit: 25 });
  });

  it('refuses assignee=me narrowed by kind, department or theme, naming each, in Danish and English', () => {
    // Act
    const result = z.safeParse(InboxQuery, { assignee: 'me', kind: 'idea', department: 'Ældreplejen', theme: 'automatisering' });

    // Assess
    expect(result.success).toBe(false);
    const issues = result.error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['kind', 'department', 'theme']);
    expect(issues[0]).toMatchObject({ params: { da: expect.stringContaining('Kan ikke kombineres med assignee=me') as unknown, en: expect.stringContaining('Cannot be combined with assignee=me') as unknown } });
  });

  it.each(['you', 'ME', 'søren', ''])('refuses assignee=%j: only the caller’s own list is offered', (assignee) => {
    // Act
    const paths = issuePaths(InboxQuery, { assignee });

    // Assess
    expect(paths).toEqual(['assignee']);
  });

  it.each(INBOX_STATUSES)('lists ideas in %s', (status) => {
    // Act
    const paths = issuePaths(InboxQuery, { status });

    // Assess
    expect(paths).toEqual([]);
  });

  it.each([
    ['limit', '0'],
    ['limit', '101'],
    ['limit', '2.5'],
    ['limit', 'mange'],
    ['sort', 'newest'],
    ['kind', 'klage'],
    ['theme', 'Automatisering'],
    ['theme', 'auto matisering'],
    ['theme', 'a#b'],
    ['department', 'Ø'],
    ['cursor', 'x'.repeat(1025)],
  ])('refuses %s=%j', (field, value) => {
    // Act
    const paths = issuePaths(InboxQuery, { [field]: value });

    // Assess
    expect(paths).toEqual([field]);
  });

  it.each(['1', '100'])('takes a page size of %s', (limit) => {
    // Act
    const query = InboxQuery.parse({ limit });

    // Assess
    expect(query.limit).toBe(Number(limit));
  });

  it('refuses a query parameter it does not know', () => {
    // Act
    const paths = issuePaths(InboxQuery, { status: 'in_triage', colour: 'red' });

    // Assess
    expect(paths).toEqual(['colour']);
  });

  it('cleans the department as people type it: NFC, trimmed', () => {
    // Act
    const query = InboxQuery.parse({ department: '  Ba\u030allerup Ældrepleje ' });

    // Assess
    expect(query.department).toBe('B\u00e5llerup Ældrepleje');
  });
});

describe('DecisionInput', () => {
  // 2026-03-01T23:30Z is already 2 March in Copenhagen.
  const NOW = new Date('2026-03-01T23:30:00.000Z');

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    { decision: 'needs_info', question: 'Hvilke tre systemer drejer det sig om?' },
    { decision: 'accept' },
    { decision: 'accept', message: 'Vi prøver det af på Solgården.' },
    { decision: 'park', revisitOn: '2026-09-01' },
    { decision: 'park', revisitOn: '2026-09-01', message: 'Vi venter på budgettet.' },
    ...DECLINE_REASONS.map((reasonCode) => ({ decision: 'decline', reasonCode, message: 'Tak for idéen.' })),
    { decision: 'duplicate', into: OTHER_IDEA_ID },
    ...REDIRECT_TARGETS.map((to) => ({ decision: 'redirect', to, message: 'Kontakt dem direkte.' })),
  ])('takes the decision %j', (input) => {
    // Act
    const decision = DecisionInput.parse(input);

    // Assess
    expect(decision).toEqual(input);
  });

  it('refuses a decision it does not know', () => {
    // Act
    const paths = issuePaths(DecisionInput, { decision: 'approve' });

    // Assess
    expect(paths).toEqual(['decision']);
  });

  it.each([
    [{ decision: 'accept', by: 'triage-1' }, 'by'],
    [{ decision: 'needs_info', question: 'Hvilke systemer?', message: 'Tak.' }, 'message'],
    [{ decision: 'decline', reasonCode: 'no_capacity', message: 'Ikke nu.', revisitOn: '2026-09-01' }, 'revisitOn'],
    [{ decision: 'park', revisitOn: '2026-09-01', reasonCode: 'no_capacity' }, 'reasonCode'],
    [{ decision: 'accept', status: 'accepted' }, 'status'],
  ] as const)('refuses a field the decision does not have (%j)', (input, field) => {
    // Act
    const paths = issuePaths(DecisionInput, input);

    // Assess
    expect(paths).toEqual([field]);
  });

  it('takes tomorrow in Copenhagen as a revisit day, though it is still today in UTC', () => {
    // Act
    const paths = issuePaths(DecisionInput, { decision: 'park', revisitOn: '2026-03-03' });

    // Assess
    expect(paths).toEqual([]);
  });

  it.each([
    ['today in Copenhagen', '2026-03-02'],
    ['today in UTC, yesterday in Copenhagen', '2026-03-01'],
    ['last year', '2025-09-01'],
  ])('refuses a revisit day that is not in the future (%s)', (_case, revisitOn) => {
    // Act
    const paths = issuePaths(DecisionInput, { decision: 'park', revisitOn });

    // Assess
    expect(paths).toEqual(['revisitOn']);
  });

  it('tells in Danish why a revisit day in the past is refused', () => {
    // Prepare
    const result = DecisionInput.safeParse({ decision: 'park', revisitOn: '2026-03-02' });

    // Act
    const errors = result.success ? [] : fieldErrors(result.error.issues, 'da');

    // Assess
    expect(errors).toEqual([{ pointer: '/revisitOn', detail: 'Skal være en dag efter i dag' }]);
  });

  it.each(['2026-02-30', '2026-9-1', '1. september 2026', '2026-09-01T00:00:00Z'])('refuses a revisit day that is not a calendar day (%j)', (revisitOn) => {
    // Act
    const paths = issuePaths(DecisionInput, { decision: 'park', revisitOn });

    // Assess
    expect(paths.length).toBeGreaterThan(0);
    expect(new Set(paths)).toEqual(new Set(['revisitOn']));
  });

  it('requires a revisit day to park an idea', () => {
    // Act
    const paths = issuePaths(DecisionInput, { decision: 'park' });

    // Assess
    expect(paths).toEqual(['revisitOn']);
  });

  it.each(['too_expensive', 'NO_CAPACITY', ''])('refuses the unknown reason code %j', (reasonCode) => {
    // Act
    const paths = issuePaths(DecisionInput, { decision: 'decline', reasonCode, message: 'Tak for idéen.' });

    // Assess
    expect(paths).toEqual(['reasonCode']);
  });

  it('requires a reason code to decline', () => {
    // Act
    const paths = issuePaths(DecisionInput, { decision: 'decline', message: 'Tak for idéen.' });

    // Assess
    expect(paths).toEqual(['reasonCode']);
  });

  it.each([
    ['decline', { reasonCode: 'no_capacity' }],
    ['redirect', { to: 'hr' }],
  ] as const)('requires a message to the submitter to %s', (decision, fields) => {
    // Act
    const paths = issuePaths(DecisionInput, { decision, ...fields });

    // Assess
    expect(paths).toEqual(['message']);
  });

  it.each([
    ['decline', { reasonCode: 'no_capacity' }],
    ['redirect', { to: 'hr' }],
  ] as const)('refuses a message of only white space to %s', (decision, fields) => {
    // Act
    const paths = issuePaths(DecisionInput, { decision, ...fields, message: ' \n\t ' });

    // Assess
    expect(paths).toEqual(['message']);
  });

  it('refuses a message longer than 2000 characters', () => {
    // Act
    const paths = issuePaths(DecisionInput, { decision: 'accept', message: 'æ'.repeat(2001) });

    // Assess
    expect(paths).toEqual(['message']);
  });

  it.each(['finance', 'IT-support', ''])('refuses the unknown redirect target %j', (to) => {
    // Act
    const paths = issuePaths(DecisionInput, { decision: 'redirect', to, message: 'Kontakt dem.' });

    // Assess
    expect(paths).toEqual(['to']);
  });

  it.each(['', 'not-a-uuid', '123'])('refuses to merge into %j, which is not an idea id', (into) => {
    // Act
    const paths = issuePaths(DecisionInput, { decision: 'duplicate', into });

    // Assess
    expect(paths).toEqual(['into']);
  });

  it.each(['', 'Why', '    Hvad   '])('refuses a question too short to answer (%j)', (question) => {
    // Act
    const paths = issuePaths(DecisionInput, { decision: 'needs_info', question });

    // Assess
    expect(paths).toEqual(['question']);
  });

  it('cleans the question as people type it: NFC, trimmed', () => {
    // Act
    const decision = DecisionInput.parse({ decision: 'needs_info', question: '  Hvor ma\u030ange er I? ' });

    // Assess
    expect(decision).toEqual({ decision: 'needs_info', question: 'Hvor m\u00e5nge er I?' });
  });
});

describe('AssigneeInput', () => {
  it('takes a member of the team, trimmed', () => {
    // Act
    const input = AssigneeInput.parse({ assignee: { sub: ' triage-1 ', name: ' Søren Ærø ' } });

    // Assess
    expect(input).toEqual({ assignee: { sub: 'triage-1', name: 'Søren Ærø' } });
  });

  it('takes a member without a name', () => {
    // Act
    const input = AssigneeInput.parse({ assignee: { sub: 'triage-1' } });

    // Assess
    expect(input).toEqual({ assignee: { sub: 'triage-1' } });
  });

  it('takes null, for nobody', () => {
    // Act
    const input = AssigneeInput.parse({ assignee: null });

    // Assess
    expect(input).toEqual({ assignee: null });
  });

  it('requires the assignee to be said, even if it is nobody', () => {
    // Act
    const paths = issuePaths(AssigneeInput, {});

    // Assess
    expect(paths).toEqual(['assignee']);
  });

  it.each(['', '   ', 'x'.repeat(129)])('refuses the subject %j', (sub) => {
    // Act
    const paths = issuePaths(AssigneeInput, { assignee: { sub } });

    // Assess
    expect(paths).toEqual(['assignee.sub']);
  });

  it('refuses fields it does not know, in the assignee and beside it', () => {
    // Act
    const inner = issuePaths(AssigneeInput, { assignee: { sub: 'triage-1', email: 'x@kommune.example' } });
    const outer = issuePaths(AssigneeInput, { assignee: null, version: 3 });

    // Assess
    expect(inner).toEqual(['assignee']);
    expect(outer).toEqual(['version']);
  });
});

describe('CommentInput', () => {
  it('keeps a comment internal unless told otherwise', () => {
    // Act
    const input = CommentInput.parse({ text: 'Ring til leverandøren først.' });

    // Assess
    expect(input).toEqual({ text: 'Ring til leverandøren først.', visibility: 'internal' });
  });

  it('takes a comment to the submitter', () => {
    // Act
    const input = CommentInput.parse({ text: 'Vi har talt med leverandøren.', visibility: 'submitter' });

    // Assess
    expect(input.visibility).toBe('submitter');
  });

  it.each([
    [{ text: 'Hej', visibility: 'public' }, 'visibility'],
    [{ text: '' }, 'text'],
    [{ text: '   ' }, 'text'],
    [{ text: 'ø'.repeat(4001) }, 'text'],
    [{}, 'text'],
    [{ text: 'Hej', author: 'Søren' }, 'author'],
  ] as const)('refuses %j', (input, field) => {
    // Act
    const paths = issuePaths(CommentInput, input);

    // Assess
    expect(paths).toEqual([field]);
  });

  it('takes a comment of 4000 characters', () => {
    // Act
    const paths = issuePaths(CommentInput, { text: 'ø'.repeat(4000) });

    // Assess
    expect(paths).toEqual([]);
  });

  it('cleans the text but keeps its line breaks', () => {
    // Act
    const input = CommentInput.parse({ text: '  Første linje.\n\nAnden\u0007 linje med a\u030a.  ' });

    // Assess
    expect(input.text).toBe('Første linje.\n\nAnden linje med å.');
  });
});

describe('AnswerInput', () => {
  it('takes the submitter’s answer, cleaned', () => {
    // Act
    const input = AnswerInput.parse({ answer: '  Det er journalen, medicinmodulet og vagtplanen.  ' });

    // Assess
    expect(input).toEqual({ answer: 'Det er journalen, medicinmodulet og vagtplanen.' });
  });

  it.each([
    [{}, 'answer'],
    [{ answer: '' }, 'answer'],
    [{ answer: 'å'.repeat(4001) }, 'answer'],
    [{ answer: 'Ja.', question: 'Hvilke?' }, 'question'],
  ] as const)('refuses %j', (input, field) => {
    // Act
    const paths = issuePaths(AnswerInput, input);

    // Assess
    expect(paths).toEqual([field]);
  });
});

describe('WithdrawInput', () => {
  it('takes a withdrawal without a reason', () => {
    // Act
    const input = WithdrawInput.parse({});

    // Assess
    expect(input).toEqual({});
  });

  it('takes a reason, cleaned', () => {
    // Act
    const input = WithdrawInput.parse({ reason: ' Det er løst på anden vis. ' });

    // Assess
    expect(input).toEqual({ reason: 'Det er løst på anden vis.' });
  });

  it.each([
    [{ reason: '' }, 'reason'],
    [{ reason: 'ø'.repeat(1001) }, 'reason'],
    [{ status: 'withdrawn' }, 'status'],
  ] as const)('refuses %j', (input, field) => {
    // Act
    const paths = issuePaths(WithdrawInput, input);

    // Assess
    expect(paths).toEqual([field]);
  });
});

describe('confirmPersonalData on CommentInput and DecisionInput', () => {
  it.each([true, false])('takes confirmPersonalData %s on a comment', (confirmPersonalData) => {
    // Act
    const input = CommentInput.parse({ text: 'Ring til Åse på 23 45 67 89.', confirmPersonalData });

    // Assess
    expect(input).toEqual({ text: 'Ring til Åse på 23 45 67 89.', visibility: 'internal', confirmPersonalData });
  });

  it.each([
    { decision: 'needs_info', question: 'Gælder det 010203-1234?' },
    { decision: 'accept', message: 'Ja.' },
    { decision: 'park', revisitOn: '2099-01-01' },
    { decision: 'decline', reasonCode: 'no_capacity', message: 'Ikke nu.' },
    { decision: 'duplicate', into: OTHER_IDEA_ID },
    { decision: 'redirect', to: 'hr', message: 'HR har det.' },
  ])('takes confirmPersonalData on the decision %j', (decision) => {
    // Act
    const input = DecisionInput.parse({ ...decision, confirmPersonalData: true });

    // Assess
    expect(input).toEqual({ ...decision, confirmPersonalData: true });
  });

  it.each(['true', 1, null])('refuses confirmPersonalData %j, which is not true or false', (confirmPersonalData) => {
    // Act, Assess
    expect(issuePaths(CommentInput, { text: 'Hej', confirmPersonalData })).toEqual(['confirmPersonalData']);
    expect(issuePaths(DecisionInput, { decision: 'accept', confirmPersonalData })).toEqual(['confirmPersonalData']);
  });
});

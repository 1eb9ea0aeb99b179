import { describe, expect, it } from 'vitest';
import { RefusedError } from '../../../shared/domain/refusals.ts';
import { problemResponse } from '../../../shared/http/problem.ts';
import { refusalProblem } from '../../../shared/http/refusals.ts';
import { refuseUnconfirmedPersonalData } from '../../../shared/triage/personal-data.ts';
import { thrownBy } from '../support/errors.ts';

describe('refuseUnconfirmedPersonalData', () => {
  it('refuses text with personal data, listing every finding by field', () => {
    // Act
    const error = thrownBy(() => refuseUnconfirmedPersonalData({ '/question': 'Skal vi ringe 23 45 67 89?', '/message': 'CPR 010203-1234' }, false));

    // Assess
    expect(error).toBeInstanceOf(RefusedError);
    expect((error as RefusedError).refusal).toEqual({
      kind: 'personal-data',
      findings: [
        { pointer: '/question', kind: 'phone', start: 14, end: 25 },
        { pointer: '/message', kind: 'cpr', start: 4, end: 15 },
      ],
    });
  });

  it('lets confirmed text through as it is', () => {
    // Act, Assess
    expect(() => refuseUnconfirmedPersonalData({ '/text': 'CPR 010203-1234' }, true)).not.toThrow();
  });

  it('lets text without personal data through unconfirmed', () => {
    // Act, Assess
    expect(() => refuseUnconfirmedPersonalData({ '/text': 'Vi ser på det i uge 12.', '/message': undefined }, false)).not.toThrow();
  });
});

describe('the personal-data problem document', () => {
  it('is 422 with its type, a Danish title and detail, and the findings', () => {
    // Act
    const response = problemResponse(refusalProblem({ kind: 'personal-data', findings: [{ pointer: '/text', kind: 'email', start: 0, end: 15 }] }, 'da'), 'da');

    // Assess
    expect(response.statusCode).toBe(422);
    expect(JSON.parse(response.body as string)).toEqual({
      type: '/api/problems/personal-data',
      title: 'Teksten ser ud til at indeholde personoplysninger',
      status: 422,
      detail: 'Fjern CPR-numre, e-mailadresser, telefonnumre og helbredsoplysninger om navngivne personer, eller send igen med confirmPersonalData: true, hvis de skal med.',
      findings: [{ pointer: '/text', kind: 'email', start: 0, end: 15 }],
    });
  });

  it('is in English when the caller prefers it', () => {
    // Act
    const response = problemResponse(refusalProblem({ kind: 'personal-data', findings: [] }, 'en'), 'en');

    // Assess
    expect(JSON.parse(response.body as string)).toMatchObject({
      title: 'The text seems to contain personal data',
      detail: 'Remove CPR numbers, e-mail addresses, phone numbers and health details about named people, or send again with confirmPersonalData: true if they must stay.',
    });
  });
});

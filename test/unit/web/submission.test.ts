import { describe, expect, it } from 'vitest';
import { frictionHoursPerYear } from '../../../shared/domain/friction.ts';
import { da } from '../../../web/src/i18n/da.ts';
import { en } from '../../../web/src/i18n/en.ts';
import {
  draftOf,
  EMPTY_FORM,
  errorsAfterChange,
  hoursPerYear,
  personalDataIn,
  readNumber,
  similarQuery,
  submissionBody,
  validateSubmission,
  type SubmitForm,
} from '../../../web/src/pages/submit/submission.ts';

/** Anna in Ældreplejen types the same citizen data into three systems. */
const annasFriction: SubmitForm = {
  ...EMPTY_FORM,
  kind: 'friction',
  title: 'Dobbeltindtastning af borgerdata',
  description: 'Vi skriver de samme oplysninger i tre systemer ved hver ny bevilling.',
  department: 'Ældreplejen',
  frequency: '4',
  frequencyUnit: 'day',
  minutesEach: '5',
  peopleAffected: '12',
};

describe('readNumber', () => {
  it.each([
    ['4', 4],
    ['2,5', 2.5],
    ['2.5', 2.5],
    [' 12 ', 12],
    ['1.000', 1000],
    ['12.000,5', 12000.5],
  ])('reads %j as %d, as the API reads a form', (text, value) => {
    expect(readNumber(text)).toBe(value);
  });

  it('tells nothing typed from text that is no number', () => {
    expect(readNumber('  ')).toBe('empty');
    expect(readNumber('fire')).toBeNaN();
    expect(readNumber('-3')).toBeNaN();
  });
});

describe('validateSubmission', () => {
  it('finds nothing wrong with Anna’s friction', () => {
    expect(validateSubmission(annasFriction, da)).toEqual([]);
  });

  it('names every empty field of an empty idea, in the API’s words', () => {
    expect(validateSubmission(EMPTY_FORM, da)).toEqual([
      { pointer: '/title', detail: 'Skal udfyldes' },
      { pointer: '/description', detail: 'Skal udfyldes' },
      { pointer: '/department', detail: 'Skal udfyldes' },
    ]);
  });

  it('counts text as the API does, trimmed', () => {
    const form = { ...annasFriction, title: '  Ok  ', description: 'For kort', department: 'Æ' };

    expect(validateSubmission(form, en)).toEqual([
      { pointer: '/title', detail: 'Must be at least 3 characters' },
      { pointer: '/description', detail: 'Must be at least 10 characters' },
      { pointer: '/department', detail: 'Must be at least 2 characters' },
    ]);
  });

  it('checks the figures of friction', () => {
    const form = { ...annasFriction, frequency: '2,5', minutesEach: '0,25', peopleAffected: '' };

    expect(validateSubmission(form, da)).toEqual([
      { pointer: '/frequency', detail: 'Skal være et helt tal' },
      { pointer: '/minutesEach', detail: 'Skal være mindst 0,5' },
      { pointer: '/peopleAffected', detail: 'Skal udfyldes' },
    ]);
  });

  it('leaves the figures alone when they are unknown, or the form is an idea', () => {
    const unknown = { ...annasFriction, figuresUnknown: true, frequency: '', minutesEach: 'mange', peopleAffected: '' };
    const idea = { ...unknown, kind: 'idea' as const, figuresUnknown: false };

    expect(validateSubmission(unknown, da)).toEqual([]);
    expect(validateSubmission(idea, da)).toEqual([]);
  });
});

describe('hoursPerYear', () => {
  it('works out Anna’s hours with the domain’s formula', () => {
    const expected = frictionHoursPerYear({ frequency: 4, frequencyUnit: 'day', minutesEach: 5, peopleAffected: 12 });

    expect(hoursPerYear(annasFriction)).toBe(expected);
    expect(expected).toBe(920);
  });

  it('reads Danish decimals and counts a month as one of 11', () => {
    expect(hoursPerYear({ ...annasFriction, frequency: '1', frequencyUnit: 'month', minutesEach: '2,5', peopleAffected: '3' })).toBe(1.4);
  });

  it('waits until all three figures are typed and valid', () => {
    expect(hoursPerYear({ ...annasFriction, peopleAffected: '' })).toBeUndefined();
    expect(hoursPerYear({ ...annasFriction, minutesEach: '600' })).toBeUndefined();
    expect(hoursPerYear({ ...annasFriction, figuresUnknown: true })).toBeUndefined();
  });
});

describe('submissionBody', () => {
  it('sends an idea without figures, in the page’s language', () => {
    const form = { ...annasFriction, kind: 'idea' as const, anonymous: true };

    expect(submissionBody(form, 'en')).toEqual({
      kind: 'idea',
      title: 'Dobbeltindtastning af borgerdata',
      description: 'Vi skriver de samme oplysninger i tre systemer ved hver ny bevilling.',
      department: 'Ældreplejen',
      anonymous: true,
      language: 'en',
    });
  });

  it('sends friction with its four figures as numbers', () => {
    expect(submissionBody({ ...annasFriction, minutesEach: '2,5' }, 'da')).toMatchObject({
      kind: 'friction',
      frequency: 4,
      frequencyUnit: 'day',
      minutesEach: 2.5,
      peopleAffected: 12,
    });
  });

  it('sends friction whose figures are unknown without any of them', () => {
    const body = submissionBody({ ...annasFriction, figuresUnknown: true }, 'da');

    expect(body).toMatchObject({ kind: 'friction', figuresUnknown: true });
    for (const figure of ['frequency', 'frequencyUnit', 'minutesEach', 'peopleAffected']) expect(body).not.toHaveProperty(figure);
  });
});

describe('personalDataIn', () => {
  it('finds what the API would warn about, by field', () => {
    const form = { ...annasFriction, description: 'Borgeren med CPR 010203-1234 får hjælp hver dag.' };

    expect(personalDataIn(form)).toEqual([expect.objectContaining({ pointer: '/description', kind: 'cpr' })]);
    expect(personalDataIn(annasFriction)).toEqual([]);
  });
});

describe('similarQuery', () => {
  it('waits for a title or a description long enough to compare', () => {
    expect(similarQuery({ title: 'Do', description: 'Kort' }, 'da')).toBeUndefined();
  });

  it('sends what there is, within the API’s lengths', () => {
    expect(similarQuery({ title: 'Dobbeltindtastning', description: 'Kort' }, 'da')).toEqual({ title: 'Dobbeltindtastning', language: 'da' });
    expect(similarQuery({ title: '', description: 'x'.repeat(5000) }, 'en')).toEqual({ text: 'x'.repeat(4000), language: 'en' });
  });
});

describe('draftOf', () => {
  it('reads back a draft saved before signing in again, with its Idempotency-Key', () => {
    const saved = JSON.parse(JSON.stringify({ form: annasFriction, idempotencyKey: 'c0ffee00-1234-4abc-9def-0123456789ab' }));

    expect(draftOf(saved)).toEqual({ form: annasFriction, idempotencyKey: 'c0ffee00-1234-4abc-9def-0123456789ab' });
  });

  it.each([
    ['nothing', null],
    ['a form without its key', { form: annasFriction }],
    ['a form of another shape', { form: { ...annasFriction, kind: 'complaint' }, idempotencyKey: 'k' }],
    ['a form with a figure as a number', { form: { ...annasFriction, frequency: 4 }, idempotencyKey: 'k' }],
  ])('refuses %s', (_case, stored) => {
    expect(draftOf(stored)).toBeUndefined();
  });
});

describe('errorsAfterChange', () => {
  const errors = [
    { pointer: '/title', detail: 'Skal udfyldes' },
    { pointer: '/minutesEach', detail: 'Skal være et tal' },
    { pointer: '/department', detail: 'Skal udfyldes' },
  ];

  it('drops the faults of the field the person changed, and keeps the rest', () => {
    expect(errorsAfterChange(errors, { title: 'Dobbeltindtastning' })).toEqual([errors[1], errors[2]]);
  });

  it('drops the figures’ faults when they are hidden or shown', () => {
    expect(errorsAfterChange(errors, { figuresUnknown: true })).toEqual([errors[0], errors[2]]);
    expect(errorsAfterChange(errors, { kind: 'idea' })).toEqual([errors[0], errors[2]]);
  });
});

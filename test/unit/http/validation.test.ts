import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ValidationError } from '../../../shared/http/errors.ts';
import { fieldErrors, parseOrThrow } from '../../../shared/http/validation.ts';
import { IdeaIdPath, SubmitIdeaInput } from '../../../shared/schemas/idea.ts';
import { thrownBy } from '../support/errors.ts';

const idea = {
  kind: 'idea',
  title: 'Færre klik i journalen',
  description: 'Vi klikker os gennem seks skærmbilleder for at skrive ét notat.',
  department: 'Sundhedsplejen',
};

/** The field errors parseOrThrow reports for `input`, in `language`. */
function errorsFor(schema: z.core.$ZodType, input: unknown, language: 'da' | 'en') {
  const error = thrownBy(() => parseOrThrow(schema, input, language));
  if (!(error instanceof ValidationError)) throw error;
  return error.errors;
}

describe('parseOrThrow', () => {
  it('returns the parsed value with defaults filled in', () => {
    // Act
    const input = parseOrThrow(SubmitIdeaInput, idea, 'da');

    // Assess
    expect(input).toEqual({ ...idea, anonymous: false, language: 'da' });
  });

  it('throws a 400 ValidationError listing every bad field', () => {
    // Prepare
    const input = { ...idea, title: 'ab', department: '' };

    // Act
    const error = thrownBy(() => parseOrThrow(SubmitIdeaInput, input, 'da'));

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).status).toBe(400);
    expect((error as ValidationError).errors.map((e) => e.pointer)).toEqual(['/title', '/department']);
  });

  it.each<[string, unknown, string, string, string]>([
    ['a missing field', { ...idea, title: undefined }, '/title', 'Skal udfyldes', 'Required'],
    ['text that is too short', { ...idea, title: 'ab' }, '/title', 'Skal være mindst 3 tegn', 'Must be at least 3 characters'],
    ['text that is too long', { ...idea, title: 'å'.repeat(121) }, '/title', 'Må højst være 120 tegn', 'Must be at most 120 characters'],
    ['a number where text belongs', { ...idea, title: 42 }, '/title', 'Skal være tekst', 'Must be text'],
    ['text where true or false belongs', { ...idea, anonymous: 'ja' }, '/anonymous', 'Skal være sand eller falsk', 'Must be true or false'],
    ['a language the product does not speak', { ...idea, language: 'sv' }, '/language', 'Skal være en af: da, en', 'Must be one of: da, en'],
    ['an unknown kind', { ...idea, kind: 'klage' }, '/kind', 'Skal være en af: idea, friction', 'Must be one of: idea, friction'],
    ['an unknown field', { ...idea, priority: 'høj' }, '/priority', 'Ukendt felt: priority', 'Unknown field: priority'],
  ])('describes %s in Danish and English', (_case, input, pointer, da, en) => {
    // Act
    const inDanish = errorsFor(SubmitIdeaInput, input, 'da');
    const inEnglish = errorsFor(SubmitIdeaInput, input, 'en');

    // Assess
    expect(inDanish).toEqual([{ pointer, detail: da }]);
    expect(inEnglish).toEqual([{ pointer, detail: en }]);
  });

  it.each<[string, Record<string, unknown>, string, string, string]>([
    ['a fraction where a whole number belongs', { frequency: 1.5 }, '/frequency', 'Skal være et helt tal', 'Must be a whole number'],
    ['text where a number belongs', { minutesEach: 'ti' }, '/minutesEach', 'Skal være et tal', 'Must be a number'],
    ['a number below the minimum', { peopleAffected: 0 }, '/peopleAffected', 'Skal være mindst 1', 'Must be at least 1'],
    ['a number above the maximum', { minutesEach: 481 }, '/minutesEach', 'Må højst være 480', 'Must be at most 480'],
    ['an unknown unit', { frequencyUnit: 'year' }, '/frequencyUnit', 'Skal være en af: day, week, month', 'Must be one of: day, week, month'],
  ])('describes %s on a friction in Danish and English', (_case, change, pointer, da, en) => {
    // Prepare
    const friction = { ...idea, kind: 'friction', frequency: 3, frequencyUnit: 'day', minutesEach: 5, peopleAffected: 10, ...change };

    // Act
    const inDanish = errorsFor(SubmitIdeaInput, friction, 'da');
    const inEnglish = errorsFor(SubmitIdeaInput, friction, 'en');

    // Assess
    expect(inDanish).toEqual([{ pointer, detail: da }]);
    expect(inEnglish).toEqual([{ pointer, detail: en }]);
  });

  it('describes an id that is not a UUID', () => {
    // Act
    const errors = errorsFor(IdeaIdPath, { id: 'idé-1' }, 'da');

    // Assess
    expect(errors).toEqual([{ pointer: '/id', detail: 'Skal være et gyldigt uuid' }]);
  });
});

describe('fieldErrors', () => {
  const issuesOf = (schema: z.core.$ZodType, input: unknown) => {
    const result = z.safeParse(schema, input, { reportInput: true });
    if (result.success) throw new Error('Expected the input to be invalid');
    return result.error.issues;
  };

  it('reports every unknown field on its own, with a pointer to it', () => {
    // Prepare
    const issues = issuesOf(z.strictObject({ title: z.string() }), { title: 'Bøvl', farve: 'rød', størrelse: 'stor' });

    // Act
    const errors = fieldErrors(issues, 'en');

    // Assess
    expect(errors).toEqual([
      { pointer: '/farve', detail: 'Unknown field: farve' },
      { pointer: '/størrelse', detail: 'Unknown field: størrelse' },
    ]);
  });

  it('points into nested objects and arrays', () => {
    // Prepare
    const schema = z.object({ friction: z.object({ minutes: z.number() }), tags: z.array(z.string()) });
    const issues = issuesOf(schema, { friction: { minutes: 'fem' }, tags: ['ok', 7] });

    // Act
    const errors = fieldErrors(issues, 'da');

    // Assess
    expect(errors.map((e) => e.pointer)).toEqual(['/friction/minutes', '/tags/1']);
  });

  it('escapes ~ and / in field names as JSON Pointer requires', () => {
    // Prepare
    const issues = issuesOf(z.strictObject({ 'a/b': z.string(), 'c~d': z.string() }), { 'a/b': 1, 'c~d': 2, 'e/f~g': 3 });

    // Act
    const errors = fieldErrors(issues, 'en');

    // Assess
    expect(errors.map((e) => e.pointer)).toEqual(['/a~1b', '/c~0d', '/e~1f~0g']);
  });

  it('points at the whole document with the empty pointer', () => {
    // Prepare
    const issues = issuesOf(z.object({ title: z.string() }), 'just text');

    // Act
    const errors = fieldErrors(issues, 'en');

    // Assess
    expect(errors).toEqual([{ pointer: '', detail: 'Must be an object' }]);
  });

  it('falls back to a plain message for checks it has no words for', () => {
    // Prepare
    const issues = issuesOf(z.string().refine((value) => value !== 'forbudt'), 'forbudt');

    // Act
    const inDanish = fieldErrors(issues, 'da');
    const inEnglish = fieldErrors(issues, 'en');

    // Assess
    expect(inDanish[0]?.detail).toBe('Ugyldig værdi');
    expect(inEnglish[0]?.detail).toBe('Invalid value');
  });
});

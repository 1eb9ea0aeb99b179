import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../shared/http/validation.ts';
import { formFieldsToSubmission, frictionFigures, IdeaIdPath, IdempotencyKeyHeader, IntakeMessage, LIMITS, PageQuery, SubmitIdeaInput } from '../../../shared/schemas/idea.ts';
import * as z from '../../../shared/schemas/zod.ts';
import { IDEA_ID } from '../support/ideas.ts';

const idea = {
  kind: 'idea',
  title: 'Færre klik i journalen',
  description: 'Vi klikker os gennem seks skærmbilleder for at skrive ét notat.',
  department: 'Sundhedsplejen',
};

const friction = {
  ...idea,
  kind: 'friction',
  title: 'Samme data i tre systemer',
  frequency: 3,
  frequencyUnit: 'day',
  minutesEach: 2.5,
  peopleAffected: 40,
};

/** A care worker's bøvl reported from a phone, without the figures she does not know. */
const frictionWithoutFigures = {
  kind: 'friction',
  title: 'Nøglerne til medicinskabet bliver væk',
  description: 'Om morgenen leder vi efter nøglerne til medicinskabet på Åbrinken, før vi kan gå ud til borgerne.',
  department: 'Hjemmeplejen Øst',
  figuresUnknown: true,
};

const FIGURES = ['frequency', 'frequencyUnit', 'minutesEach', 'peopleAffected'] as const;
const { frequency: _f, frequencyUnit: _u, minutesEach: _m, peopleAffected: _p, ...frictionWithNoFigures } = friction;

/** The validation messages a person reads for `input`, by JSON Pointer, in Danish or English. */
const messages = (input: unknown, language: 'da' | 'en' = 'da') => {
  const result = z.safeParse(SubmitIdeaInput, input, { reportInput: true });
  return result.success ? [] : fieldErrors(result.error.issues, language);
};

const issuePaths = (input: unknown) => {
  const result = SubmitIdeaInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : ''));
};

describe('SubmitIdeaInput', () => {
  it('accepts an idea and fills in the defaults: not anonymous, in Danish', () => {
    // Act
    const input = SubmitIdeaInput.parse(idea);

    // Assess
    expect(input).toEqual({ ...idea, anonymous: false, language: 'da' });
  });

  it('accepts a friction with its how often, how long and how many', () => {
    // Act
    const input = SubmitIdeaInput.parse({ ...friction, anonymous: true, language: 'en' });

    // Assess
    expect(input).toEqual({ ...friction, anonymous: true, language: 'en' });
  });

  it.each(['frequency', 'frequencyUnit', 'minutesEach', 'peopleAffected'])('requires %s on a friction', (field) => {
    // Prepare
    const { [field as keyof typeof friction]: _left, ...input } = friction;

    // Act
    const paths = issuePaths(input);

    // Assess
    expect(paths).toEqual([field]);
  });

  it('refuses friction fields on a plain idea', () => {
    // Act
    const paths = issuePaths({ ...idea, frequency: 3, minutesEach: 5 });

    // Assess
    expect(paths).toEqual(['frequency,minutesEach']);
  });

  it.each([{ ...idea, kind: undefined }, { ...idea, kind: 'klage' }, { ...idea, kind: 'Idea' }])('requires a known kind (%j)', (input) => {
    // Act
    const paths = issuePaths(input);

    // Assess
    expect(paths).toEqual(['kind']);
  });

  it.each(['title', 'description', 'department'])('requires %s', (field) => {
    // Prepare
    const { [field as keyof typeof idea]: _left, ...input } = idea;

    // Act
    const paths = issuePaths(input);

    // Assess
    expect(paths).toEqual([field]);
  });

  it.each(['submitter', 'status', 'id', 'followUpTokenHash'])('refuses the server-owned field %s', (field) => {
    // Act
    const paths = issuePaths({ ...idea, [field]: 'x' });

    // Assess
    expect(paths).toEqual([field]);
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['title of 2 letters', { title: 'Åb' }, false],
    ['title of 3 letters', { title: 'Åbn' }, true],
    [`title of ${LIMITS.titleMax} letters`, { title: 'ø'.repeat(LIMITS.titleMax) }, true],
    [`title of ${LIMITS.titleMax + 1} letters`, { title: 'ø'.repeat(LIMITS.titleMax + 1) }, false],
    ['description of 9 letters', { description: 'æ'.repeat(9) }, false],
    ['description of 10 letters', { description: 'æ'.repeat(10) }, true],
    [`description of ${LIMITS.descriptionMax} letters`, { description: 'å'.repeat(LIMITS.descriptionMax) }, true],
    [`description of ${LIMITS.descriptionMax + 1} letters`, { description: 'å'.repeat(LIMITS.descriptionMax + 1) }, false],
    ['department of 1 letter', { department: 'Ø' }, false],
    ['department of 2 letters', { department: 'IT' }, true],
    [`department of ${LIMITS.departmentMax} letters`, { department: 'x'.repeat(LIMITS.departmentMax) }, true],
    [`department of ${LIMITS.departmentMax + 1} letters`, { department: 'x'.repeat(LIMITS.departmentMax + 1) }, false],
  ])('limits text: %s is accepted? %s', (_case, change, accepted) => {
    // Act
    const result = SubmitIdeaInput.safeParse({ ...idea, ...change });

    // Assess
    expect(result.success).toBe(accepted);
  });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['frequency 0', { frequency: 0 }, false],
    ['frequency 1', { frequency: 1 }, true],
    ['frequency 1000', { frequency: LIMITS.frequencyMax }, true],
    ['frequency 1001', { frequency: LIMITS.frequencyMax + 1 }, false],
    ['frequency 1.5', { frequency: 1.5 }, false],
    ['minutesEach 0.4', { minutesEach: 0.4 }, false],
    ['minutesEach 0.5', { minutesEach: 0.5 }, true],
    ['minutesEach 480', { minutesEach: LIMITS.minutesEachMax }, true],
    ['minutesEach 481', { minutesEach: LIMITS.minutesEachMax + 1 }, false],
    ['peopleAffected 0', { peopleAffected: 0 }, false],
    ['peopleAffected 1', { peopleAffected: 1 }, true],
    ['peopleAffected 100000', { peopleAffected: LIMITS.peopleAffectedMax }, true],
    ['peopleAffected 100001', { peopleAffected: LIMITS.peopleAffectedMax + 1 }, false],
    ['peopleAffected 2.5', { peopleAffected: 2.5 }, false],
    ['frequency as text', { frequency: '3' }, false],
    ['frequencyUnit year', { frequencyUnit: 'year' }, false],
    ['frequencyUnit week', { frequencyUnit: 'week' }, true],
    ['frequencyUnit month', { frequencyUnit: 'month' }, true],
  ])('limits friction numbers: %s is accepted? %s', (_case, change, accepted) => {
    // Act
    const result = SubmitIdeaInput.safeParse({ ...friction, ...change });

    // Assess
    expect(result.success).toBe(accepted);
  });

  it.each([
    ['sv', false],
    ['en', true],
    ['da', true],
  ] as const)('takes language %s? %s', (language, accepted) => {
    // Act
    const result = SubmitIdeaInput.safeParse({ ...idea, language });

    // Assess
    expect(result.success).toBe(accepted);
  });

  it('refuses "true" as text for anonymous in JSON', () => {
    // Act
    const paths = issuePaths({ ...idea, anonymous: 'true' });

    // Assess
    expect(paths).toEqual(['anonymous']);
  });

  it('normalises the title to NFC, so an å typed as a + ring is stored as å', () => {
    // Act
    const input = SubmitIdeaInput.parse({ ...idea, title: 'Pa\u030A vej til bedre sa\u030Ag' });

    // Assess
    expect(input.title).toBe('På vej til bedre såg');
  });

  it('trims and cleans the description but keeps its line breaks', () => {
    // Act
    const input = SubmitIdeaInput.parse({ ...idea, description: '  Første afsnit.\n\nAndet afsnit\u0000 med ø.  ' });

    // Assess
    expect(input.description).toBe('Første afsnit.\n\nAndet afsnit med ø.');
  });
});

describe('SubmitIdeaInput: friction whose figures are not known', () => {
  it('accepts bøvl without figures when figuresUnknown is true, Danish text intact', () => {
    // Act
    const input = SubmitIdeaInput.parse(frictionWithoutFigures);

    // Assess
    expect(input).toEqual({ ...frictionWithoutFigures, anonymous: false, language: 'da' });
  });

  it('accepts all four figures with figuresUnknown false', () => {
    // Act
    const result = SubmitIdeaInput.safeParse({ ...friction, figuresUnknown: false });

    // Assess
    expect(result.success).toBe(true);
  });

  it('names all four figures when none is given and figuresUnknown is not sent, with the way out', () => {
    // Act
    const errors = messages(frictionWithNoFigures);

    // Assess
    expect(errors).toEqual(
      FIGURES.map((name) => ({ pointer: `/${name}`, detail: 'Skal udfyldes – eller udelad alle fire tal og send figuresUnknown: true, hvis de ikke kendes' })),
    );
  });

  it('names all four figures when none is given and figuresUnknown is false', () => {
    // Act
    const paths = issuePaths({ ...frictionWithNoFigures, figuresUnknown: false });

    // Assess
    expect(paths).toEqual([...FIGURES]);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['how often only', { frequency: 3 }, ['frequencyUnit', 'minutesEach', 'peopleAffected']],
    ['how often and how long', { frequency: 3, frequencyUnit: 'day', minutesEach: 2 }, ['peopleAffected']],
    ['how many only', { peopleAffected: 12 }, ['frequency', 'frequencyUnit', 'minutesEach']],
    ['the unit without the number', { frequencyUnit: 'week', minutesEach: 10, peopleAffected: 4 }, ['frequency']],
  ])('names the figures missing when some are given (%s)', (_case, given, missing) => {
    // Act
    const paths = issuePaths({ ...frictionWithNoFigures, ...given });

    // Assess
    expect(paths).toEqual(missing);
  });

  it('names the figures missing in English on request', () => {
    // Act
    const errors = messages({ ...frictionWithNoFigures, frequency: 3, frequencyUnit: 'day', minutesEach: 2 }, 'en');

    // Assess
    expect(errors).toEqual([{ pointer: '/peopleAffected', detail: 'Required – or leave out all four figures and send figuresUnknown: true if they are not known' }]);
  });

  it('names the figures missing even when a given one has the wrong type', () => {
    // Act
    const paths = issuePaths({ ...frictionWithNoFigures, frequency: 'tre' });

    // Assess
    expect(paths).toEqual([...FIGURES]);
  });

  it.each(FIGURES)('refuses figuresUnknown true together with %s, on /figuresUnknown', (name) => {
    // Act
    const paths = issuePaths({ ...frictionWithoutFigures, [name]: friction[name] });

    // Assess
    expect(paths).toEqual(['figuresUnknown']);
  });

  it('tells the submitter to leave out the figures sent or drop the flag, in Danish and English', () => {
    // Prepare
    const input = { ...frictionWithoutFigures, frequency: 3, minutesEach: 2.5 };

    // Act
    const [da, en] = [messages(input, 'da'), messages(input, 'en')];

    // Assess
    expect(da).toEqual([{ pointer: '/figuresUnknown', detail: 'Udelad tallene (frequency, minutesEach), eller fjern figuresUnknown' }]);
    expect(en).toEqual([{ pointer: '/figuresUnknown', detail: 'Leave out the figures (frequency, minutesEach), or drop figuresUnknown' }]);
  });

  it('refuses figuresUnknown true with all four figures', () => {
    // Act
    const errors = messages({ ...friction, figuresUnknown: true });

    // Assess
    expect(errors).toEqual([{ pointer: '/figuresUnknown', detail: 'Udelad tallene (frequency, frequencyUnit, minutesEach, peopleAffected), eller fjern figuresUnknown' }]);
  });

  it('refuses "true" as text for figuresUnknown in JSON', () => {
    // Act
    const paths = issuePaths({ ...frictionWithoutFigures, figuresUnknown: 'true' });

    // Assess
    expect(paths[0]).toBe('figuresUnknown');
  });

  it('refuses figuresUnknown on a plain idea, which has no figures to be unknown', () => {
    // Act
    const paths = issuePaths({ ...idea, figuresUnknown: true });

    // Assess
    expect(paths).toEqual(['figuresUnknown']);
  });

  it('still checks the range of each figure given', () => {
    // Act
    const paths = issuePaths({ ...friction, minutesEach: 0, figuresUnknown: false });

    // Assess
    expect(paths).toEqual(['minutesEach']);
  });
});

describe('frictionFigures', () => {
  it('gives the four figures of a friction report that has them', () => {
    // Prepare
    const input = SubmitIdeaInput.parse({ ...friction, figuresUnknown: false });

    // Act
    const figures = input.kind === 'friction' ? frictionFigures(input) : undefined;

    // Assess
    expect(figures).toEqual({ frequency: 3, frequencyUnit: 'day', minutesEach: 2.5, peopleAffected: 40 });
  });

  it('gives nothing for a friction report whose figures are unknown', () => {
    // Prepare
    const input = SubmitIdeaInput.parse(frictionWithoutFigures);

    // Act
    const figures = input.kind === 'friction' ? frictionFigures(input) : 'not friction';

    // Assess
    expect(figures).toBeUndefined();
  });
});

describe('formFieldsToSubmission', () => {
  it.each([
    ['on', true],
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads the checkbox value %j as %s', (raw, expected) => {
    // Act
    const fields = formFieldsToSubmission({ anonymous: raw });

    // Assess
    expect(fields).toEqual({ anonymous: expected });
  });

  it('passes an unknown checkbox value on as text, so validation names it', () => {
    // Act
    const fields = formFieldsToSubmission({ anonymous: 'ja' });

    // Assess
    expect(fields).toEqual({ anonymous: 'ja' });
  });

  it.each(['', '   ', '\t'])('drops a field left empty (%j), so it counts as missing', (raw) => {
    // Act
    const fields = formFieldsToSubmission({ title: raw, minutesEach: raw, anonymous: raw });

    // Assess
    expect(fields).toEqual({});
  });

  it.each([
    ['2,5', 2.5],
    ['2.5', 2.5],
    ['12', 12],
    [' 3 ', 3],
    ['0,5', 0.5],
    ['1.000', 1000],
    ['12.500', 12500],
    ['1.500,5', 1500.5],
  ])('reads the number %j as %d, with a Danish decimal comma and thousands separator', (raw, expected) => {
    // Act
    const fields = formFieldsToSubmission({ minutesEach: raw });

    // Assess
    expect(fields).toEqual({ minutesEach: expected });
  });

  it.each(['tre', '2,5,1', '1e'])('passes a number that is not one (%j) on as text, so validation names it', (raw) => {
    // Act
    const fields = formFieldsToSubmission({ frequency: raw });

    // Assess
    expect(fields).toEqual({ frequency: raw });
  });

  it('passes text fields on exactly as typed, Danish letters included', () => {
    // Prepare
    const typed = { title: 'Bøvl med nøgler', department: 'Ældre og sundhed', kind: 'idea', frequencyUnit: 'week' };

    // Act
    const fields = formFieldsToSubmission(typed);

    // Assess
    expect(fields).toEqual(typed);
  });

  it('turns a complete friction form into input the schema accepts', () => {
    // Prepare
    const form = {
      kind: 'friction',
      title: 'Samme data i tre systemer',
      description: 'Vi taster borgerens oplysninger tre gange.',
      department: 'Jobcenter',
      frequency: '3',
      frequencyUnit: 'day',
      minutesEach: '2,5',
      peopleAffected: '40',
      anonymous: 'on',
      language: 'da',
    };

    // Act
    const input = SubmitIdeaInput.parse(formFieldsToSubmission(form));

    // Assess
    expect(input).toEqual({ ...form, frequency: 3, minutesEach: 2.5, peopleAffected: 40, anonymous: true });
  });

  it.each([
    ['on', true],
    ['true', true],
    ['false', false],
  ])('reads the figuresUnknown checkbox value %j as %s', (raw, expected) => {
    // Act
    const fields = formFieldsToSubmission({ figuresUnknown: raw });

    // Assess
    expect(fields).toEqual({ figuresUnknown: expected });
  });

  it('turns a phone form with "I do not know the figures" ticked and the number fields left empty into input the schema accepts', () => {
    // Prepare
    const form = {
      kind: 'friction',
      title: frictionWithoutFigures.title,
      description: frictionWithoutFigures.description,
      department: frictionWithoutFigures.department,
      frequency: '',
      minutesEach: '',
      peopleAffected: ' ',
      figuresUnknown: 'on',
    };

    // Act
    const input = SubmitIdeaInput.parse(formFieldsToSubmission(form));

    // Assess
    expect(input).toEqual({ ...frictionWithoutFigures, anonymous: false, language: 'da' });
  });

  it('leaves anonymous false when the checkbox is not ticked (and so not sent)', () => {
    // Prepare
    const form = { kind: 'idea', title: 'Færre klik', description: 'Vi klikker alt for meget.', department: 'IT' };

    // Act
    const input = SubmitIdeaInput.parse(formFieldsToSubmission(form));

    // Assess
    expect(input.anonymous).toBe(false);
  });
});

describe('IntakeMessage', () => {
  it('carries an idea id', () => {
    // Act
    const message = IntakeMessage.parse({ ideaId: IDEA_ID });

    // Assess
    expect(message).toEqual({ ideaId: IDEA_ID });
  });

  it.each([{ ideaId: 'not-a-uuid' }, {}, { ideaId: IDEA_ID, title: 'x' }, { id: IDEA_ID }])('refuses %j', (body) => {
    // Act
    const result = IntakeMessage.safeParse(body);

    // Assess
    expect(result.success).toBe(false);
  });
});

describe('IdeaIdPath', () => {
  it.each([
    [{ id: IDEA_ID }, true],
    [{ id: 'abc' }, false],
    [{}, false],
  ])('takes %j? %s', (path, accepted) => {
    // Act
    const result = IdeaIdPath.safeParse(path);

    // Assess
    expect(result.success).toBe(accepted);
  });
});

describe('PageQuery', () => {
  it('defaults to pages of 20', () => {
    // Act
    const query = PageQuery.parse({});

    // Assess
    expect(query).toEqual({ limit: 20 });
  });

  it('reads limit and cursor from query string text', () => {
    // Act
    const query = PageQuery.parse({ limit: '50', cursor: 'eyJQSyI6IngifQ' });

    // Assess
    expect(query).toEqual({ limit: 50, cursor: 'eyJQSyI6IngifQ' });
  });

  it.each([{ limit: '0' }, { limit: '51' }, { limit: '2.5' }, { limit: 'alle' }, { cursor: 'x'.repeat(1025) }, { sort: 'title' }])(
    'refuses %j',
    (query) => {
      // Act
      const result = PageQuery.safeParse(query);

      // Assess
      expect(result.success).toBe(false);
    },
  );
});

describe('IdempotencyKeyHeader', () => {
  it.each(['a', 'x'.repeat(255), '8e0f6c1a-7d0b-4a51-9b2e-3c4d5e6f7a8b', 'abc!~{}'])('takes the key %j', (key) => {
    expect(IdempotencyKeyHeader.safeParse({ 'idempotency-key': key, 'content-type': 'application/json' }).success).toBe(true);
  });

  it.each(['', 'x'.repeat(256), 'nøgle-1', 'key with spaces', 'key\n1'])('refuses the key %j', (key) => {
    expect(IdempotencyKeyHeader.safeParse({ 'idempotency-key': key }).success).toBe(false);
  });

  it('allows a request without the header', () => {
    expect(IdempotencyKeyHeader.parse({ accept: '*/*' })['idempotency-key']).toBeUndefined();
  });
});

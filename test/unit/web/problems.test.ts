import { describe, expect, it } from 'vitest';
import { errorFor, fieldErrorsOf, fieldOfPointer, minutesToWait, summaryItems, type FormField } from '../../../web/src/api/problems.ts';

const FIELDS: FormField[] = [
  { name: 'title', id: 'title', label: 'Overskrift' },
  { name: 'description', id: 'description', label: 'Beskrivelse' },
  { name: 'minutesEach', id: 'minutes-each', label: 'Minutter hver gang' },
];

describe('fieldOfPointer', () => {
  it.each([
    ['/title', 'title'],
    ['/minutesEach', 'minutesEach'],
    ['/a~1b', 'a/b'],
    ['/m~0n', 'm~n'],
    ['/friction/frequency', 'friction'],
    ['', ''],
  ])('reads %j as the field %j (RFC 6901)', (pointer, field) => {
    expect(fieldOfPointer(pointer)).toBe(field);
  });
});

describe('fieldErrorsOf', () => {
  it('takes the per-field faults of a validation problem', () => {
    const problem = { type: '/api/problems/validation', status: 400, title: 'Ugyldig forespørgsel', errors: [{ pointer: '/title', detail: 'Skal udfyldes' }] };

    expect(fieldErrorsOf(problem)).toEqual([{ pointer: '/title', detail: 'Skal udfyldes' }]);
  });

  it.each([
    ['a problem without errors', { type: '/api/problems/malformed-body', status: 400 }],
    ['API Gateway’s own message', { message: 'Unauthorized' }],
    ['no body', undefined],
    ['malformed entries', { errors: [{ pointer: 1 }, 'title'] }],
  ])('finds none in %s', (_case, body) => {
    expect(fieldErrorsOf(body)).toEqual([]);
  });
});

describe('summaryItems', () => {
  it('lists the faults in the form’s order, each linked to its field and named by its label', () => {
    const errors = [
      { pointer: '/minutesEach', detail: 'Skal være mindst 0,5' },
      { pointer: '/title', detail: 'Skal være mindst 3 tegn' },
    ];

    expect(summaryItems(errors, FIELDS)).toEqual([
      { fieldId: 'title', text: 'Overskrift: Skal være mindst 3 tegn' },
      { fieldId: 'minutes-each', text: 'Minutter hver gang: Skal være mindst 0,5' },
    ]);
  });

  it('keeps a fault on no field of the page, as plain text at the end', () => {
    const errors = [
      { pointer: '/farve', detail: 'Ukendt felt: farve' },
      { pointer: '/description', detail: 'Skal udfyldes' },
    ];

    expect(summaryItems(errors, FIELDS)).toEqual([{ fieldId: 'description', text: 'Beskrivelse: Skal udfyldes' }, { text: 'Ukendt felt: farve' }]);
  });

  it('shows the first fault of a field beside it', () => {
    const errors = [
      { pointer: '/title', detail: 'Skal udfyldes' },
      { pointer: '/title', detail: 'Teksten indeholder et ugyldigt tegn (ikke gyldig Unicode)' },
    ];

    expect(errorFor(errors, 'title')).toBe('Skal udfyldes');
    expect(errorFor(errors, 'description')).toBeUndefined();
  });
});

describe('minutesToWait', () => {
  const now = new Date('2026-11-02T08:00:00Z');

  it.each([
    ['Retry-After in seconds', '1500', undefined, 25],
    ['a few seconds, as a whole minute', '20', undefined, 1],
    ['Retry-After as an HTTP date', 'Mon, 02 Nov 2026 08:10:00 GMT', undefined, 10],
    ['the problem’s retryAfterSeconds without the header', null, { retryAfterSeconds: 600 }, 10],
  ])('reads %s', (_case, header, problem, minutes) => {
    expect(minutesToWait(header, problem, now)).toBe(minutes);
  });

  it('knows nothing when neither the header nor the problem says', () => {
    expect(minutesToWait(null, { message: 'Too Many Requests' }, now)).toBeUndefined();
  });
});

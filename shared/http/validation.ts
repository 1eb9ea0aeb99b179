import * as z from '../schemas/zod.ts';
import type { Language } from '../domain/idea.ts';
import { ValidationError, type FieldError } from './errors.ts';

/**
 * Turns zod issues into per-field messages a person can act on, in Danish or English.
 * Messages name the limit ("mindst 3 tegn"), not the type system ("expected string").
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], language: Language): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ pointer: pointer([...issue.path, key]), detail: language === 'da' ? `Ukendt felt: ${key}` : `Unknown field: ${key}` });
      }
      continue;
    }
    errors.push({ pointer: pointer(issue.path), detail: describe(issue, language) });
  }
  return errors;
}

/** Parses `input` with `schema` (a zod/mini schema, or a classic zod one), or throws a ValidationError with per-field messages. */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, input: unknown, language: Language): z.output<S> {
  // zod leaves the offending value out of its issues unless asked; without it a value of the
  // wrong type could not be told from a missing one, and both would read "Required".
  const result = z.safeParse(schema, input, { reportInput: true });
  if (!result.success) throw new ValidationError(fieldErrors(result.error.issues, language));
  return result.data;
}

/** RFC 6901: "" is the whole document, "/a~1b" the member "a/b". */
export function pointer(path: readonly PropertyKey[]): string {
  return path.map((part) => '/' + String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

function describe(issue: z.core.$ZodIssue, language: Language): string {
  const isDa = language === 'da';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return isDa ? 'Skal udfyldes' : 'Required';
      return isDa ? `Skal være ${typeName(issue.expected, true)}` : `Must be ${typeName(issue.expected, false)}`;
    case 'too_small':
      if (issue.origin === 'string') return isDa ? `Skal være mindst ${issue.minimum} tegn` : `Must be at least ${issue.minimum} characters`;
      return isDa ? `Skal være mindst ${issue.minimum}` : `Must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return isDa ? `Må højst være ${issue.maximum} tegn` : `Must be at most ${issue.maximum} characters`;
      return isDa ? `Må højst være ${issue.maximum}` : `Must be at most ${issue.maximum}`;
    case 'invalid_value':
      return isDa ? `Skal være en af: ${issue.values.join(', ')}` : `Must be one of: ${issue.values.join(', ')}`;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) {
        const options = issue.options.map(String).join(', ');
        return isDa ? `Skal være en af: ${options}` : `Must be one of: ${options}`;
      }
      return isDa ? 'Ugyldig værdi' : 'Invalid value';
    case 'invalid_format':
      if (issue.format === 'regex') return isDa ? 'Har ikke det forventede format' : 'Does not have the expected format';
      return isDa ? `Skal være et gyldigt ${issue.format}` : `Must be a valid ${issue.format}`;
    case 'custom': {
      // Rules of our own carry their message in both languages (see shared/schemas/strategy.ts).
      const message = (issue.params as Record<string, unknown> | undefined)?.[language];
      if (typeof message === 'string') return message;
      return isDa ? 'Ugyldig værdi' : 'Invalid value';
    }
    default:
      return isDa ? 'Ugyldig værdi' : 'Invalid value';
  }
}

function typeName(expected: string, da: boolean): string {
  const names: Record<string, [string, string]> = {
    string: ['tekst', 'text'],
    number: ['et tal', 'a number'],
    int: ['et helt tal', 'a whole number'],
    boolean: ['sand eller falsk', 'true or false'],
    object: ['et objekt', 'an object'],
  };
  const name = names[expected];
  return name === undefined ? expected : da ? name[0] : name[1];
}

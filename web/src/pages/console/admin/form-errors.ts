/**
 * The faults of an admin form, from the page's own checks or the API's 400 `validation` problem,
 * placed on the fields that show them. The admin forms are nested (`/themes/2/keywords/da/4`), so
 * a fault lands on the deepest field or group of fields the page has for its JSON Pointer
 * (`fieldOfFault`, ../../../api/problems.ts, which places every form's faults). Pure.
 */
import type { FieldError } from '../../../api/types.ts';
import { fieldOfFault, type PointerField } from '../../../api/problems.ts';

/** The id of the element that edits `pointer` in the form `form`: `strategy-themes-0-name-da`. */
export function fieldIdOf(form: string, pointer: string): string {
  return `${form}${pointer.replaceAll('/', '-')}`;
}

/** The faults by the id of the field that shows them, each field's in the order the API gave them. */
export function faultsByField(fields: readonly PointerField[], errors: readonly FieldError[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const error of errors) {
    const field = fieldOfFault(fields, error.pointer);
    if (field === undefined) continue;
    byField.set(field.id, [...(byField.get(field.id) ?? []), error.detail]);
  }
  return byField;
}

/** A number typed the Danish or English way (`2,5` or `2.5`); undefined when it is none. */
export function numberTyped(value: string): number | undefined {
  const text = value.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** An id made from a name: lower case ASCII, æ/ø/å written out, other characters as `separator`, at most `max` characters. */
export function idFromName(name: string, separator: '_' | '-', max: number): string {
  const ascii = name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const words = ascii.split(/[^a-z0-9]+/).filter((word) => word !== '');
  return words.join(separator).slice(0, max).replace(/[-_]+$/, '');
}

/** `base`, or `base` with the first free number after it, so it is not among `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>, separator: '_' | '-'): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${separator}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Reading the API's refusals (RFC 9457 problem documents) for the pages, and mapping a field
 * fault's JSON Pointer to the field on the page. Pure: no DOM, no fetch.
 */
import type { FieldError } from './types.ts';

/** The per-field faults of a 400 `validation` problem; none for any other answer. */
export function fieldErrorsOf(problem: unknown): FieldError[] {
  if (typeof problem !== 'object' || problem === null || !('errors' in problem) || !Array.isArray(problem.errors)) return [];
  return problem.errors.filter(
    (error): error is FieldError => typeof error === 'object' && error !== null && typeof error.pointer === 'string' && typeof error.detail === 'string',
  );
}

/** The field a JSON Pointer names (RFC 6901): its first reference token, unescaped; `''` for the whole body. */
export function fieldOfPointer(pointer: string): string {
  const first = pointer.split('/')[1] ?? '';
  return first.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** A field of a form: the name the API gives it (the pointer's token) and its element's id and label. */
export interface FormField {
  name: string;
  id: string;
  label: string;
}

/** One line of an error summary: a link to its field when the page has one, else plain text. */
export interface SummaryItem {
  fieldId?: string;
  text: string;
}

/**
 * A field or a group of fields (a fieldset) of a nested form (`/themes/2/keywords/da`): the JSON
 * Pointer it edits, its element's id and label.
 */
export interface PointerField {
  pointer: string;
  id: string;
  label: string;
}

/** The field a fault belongs to: the one with the longest pointer that is the fault's or contains it; undefined for the body itself. */
export function fieldOfFault(fields: readonly PointerField[], pointer: string): PointerField | undefined {
  const tokens = pointer.split('/');
  for (let length = tokens.length; length > 1; length--) {
    const prefix = tokens.slice(0, length).join('/');
    const field = fields.find((candidate) => candidate.pointer === prefix);
    if (field !== undefined) return field;
  }
  return undefined;
}

/**
 * The lines of a form's error summary, in the order of the form's fields, each linking to its
 * field; then the faults that name no field on the page (a field the API did not expect, say), as
 * plain text.
 */
export function faultSummary(fields: readonly PointerField[], errors: readonly FieldError[]): SummaryItem[] {
  const placed = errors.map((error) => ({ error, field: fieldOfFault(fields, error.pointer) }));
  const onFields = fields.flatMap((field) => placed.filter((fault) => fault.field === field).map(({ error }) => ({ fieldId: field.id, text: `${field.label}: ${error.detail}` })));
  const elsewhere = placed.filter((fault) => fault.field === undefined).map(({ error }) => ({ text: error.detail }));
  return [...onFields, ...elsewhere];
}

/** The error summary of a flat form, whose fields are the body's top-level names. */
export function summaryItems(errors: readonly FieldError[], fields: readonly FormField[]): SummaryItem[] {
  return faultSummary(
    fields.map((field) => ({ pointer: `/${field.name.replaceAll('~', '~0').replaceAll('/', '~1')}`, id: field.id, label: field.label })),
    errors,
  );
}

/** The first fault on a field, to show beside it. */
export function errorFor(errors: readonly FieldError[], name: string): string | undefined {
  return errors.find((error) => fieldOfPointer(error.pointer) === name)?.detail;
}

/**
 * How long to wait after a 429, in whole minutes (at least 1): from `Retry-After` in seconds or
 * as an HTTP date, else from the problem's `retryAfterSeconds`; undefined when neither says.
 */
export function minutesToWait(retryAfter: string | null, problem: unknown, now: Date): number | undefined {
  const seconds = secondsOf(retryAfter, now) ?? retryAfterSecondsOf(problem);
  return seconds === undefined ? undefined : Math.max(1, Math.ceil(seconds / 60));
}

function secondsOf(retryAfter: string | null, now: Date): number | undefined {
  if (retryAfter === null || retryAfter.trim() === '') return undefined;
  if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim());
  const at = Date.parse(retryAfter);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now.getTime()) / 1000);
}

function retryAfterSecondsOf(problem: unknown): number | undefined {
  if (typeof problem !== 'object' || problem === null || !('retryAfterSeconds' in problem)) return undefined;
  return typeof problem.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : undefined;
}

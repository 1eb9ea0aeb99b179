/**
 * The submit form's rules, apart from its looks: what the form holds, the checks made before
 * sending (with the API's own wording), the friction hours shown as the person types (the
 * domain's one formula, shared/domain/friction.ts), the personal data to ask about, and the body
 * `POST /ideas` is sent. Pure: no DOM, so it is tested in Node.
 */
import { frictionHoursPerYear } from '../../../../shared/domain/friction.ts';
import { findPersonalDataInFields, type FieldFinding } from '../../../../shared/domain/personal-data.ts';
import type { FieldError, FrequencyUnit, IdeaKind, Language, SubmitIdeaInput } from '../../api/types.ts';
import { fieldOfPointer, type FormField } from '../../api/problems.ts';
import { radioId } from '../../components/field-ids.ts';
import type { Texts } from '../../i18n/da.ts';
import { LIMITS } from '../../../../shared/domain/idea.ts';

/** The form as typed: figures stay text until sent, so "2,5" and a half-typed number survive. */
export interface SubmitForm {
  kind: IdeaKind;
  title: string;
  description: string;
  department: string;
  frequency: string;
  frequencyUnit: FrequencyUnit;
  minutesEach: string;
  peopleAffected: string;
  /** "I don't know the figures": friction sent without them. */
  figuresUnknown: boolean;
  anonymous: boolean;
}

export const EMPTY_FORM: SubmitForm = {
  kind: 'idea',
  title: '',
  description: '',
  department: '',
  frequency: '',
  frequencyUnit: 'day',
  minutesEach: '',
  peopleAffected: '',
  figuresUnknown: false,
  anonymous: false,
};

/** How often, how long and for how many: the figures of a piece of friction. */
export interface FrictionFigures {
  frequency: number;
  frequencyUnit: FrequencyUnit;
  minutesEach: number;
  peopleAffected: number;
}

/** The form's fields as the API names them (the JSON Pointer's token), with their ids and labels on the page, in the page's order. */
export function submitFields(texts: Texts): FormField[] {
  const t = texts.submit;
  return [
    { name: 'kind', id: radioId('kind', 'idea'), label: t.kindLegend },
    { name: 'title', id: 'title', label: t.titleLabel },
    { name: 'description', id: 'description', label: t.descriptionLabel },
    { name: 'department', id: 'department', label: t.departmentLabel },
    { name: 'figuresUnknown', id: 'figures-unknown', label: t.figuresUnknown },
    { name: 'frequency', id: 'frequency', label: t.frequencyLabel },
    { name: 'frequencyUnit', id: 'frequency-unit', label: t.unitLabel },
    { name: 'minutesEach', id: 'minutes-each', label: t.minutesLabel },
    { name: 'peopleAffected', id: 'people-affected', label: t.peopleLabel },
    { name: 'anonymous', id: radioId('anonymous', 'named'), label: t.anonymousLegend },
  ];
}

/**
 * A number as a person types it, read as the API reads a form's: "2,5" and "2.5" are 2.5, and
 * "1.000" (Danish thousands) is 1000. `'empty'` for nothing typed, NaN for text that is no number.
 */
export function readNumber(text: string): number | 'empty' {
  const value = text.trim().replace(/\s/g, '');
  if (value === '') return 'empty';
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(value)) return Number(value.replaceAll('.', '').replace(',', '.'));
  if (!/^\d+([.,]\d+)?$/.test(value)) return Number.NaN;
  return Number(value.replace(',', '.'));
}

interface FigureRule {
  whole: boolean;
  min: number;
  max: number;
}

const FIGURE_RULES = {
  frequency: { whole: true, min: LIMITS.frequencyMin, max: LIMITS.frequencyMax },
  minutesEach: { whole: false, min: LIMITS.minutesEachMin, max: LIMITS.minutesEachMax },
  peopleAffected: { whole: true, min: LIMITS.peopleAffectedMin, max: LIMITS.peopleAffectedMax },
} satisfies Record<string, FigureRule>;

/** What is wrong with a figure, in the API's words; undefined when it is fine. */
function figureFault(text: string, rule: FigureRule, texts: Texts): string | undefined {
  const value = readNumber(text);
  if (value === 'empty') return texts.validation.required;
  if (Number.isNaN(value)) return texts.validation.number;
  if (rule.whole && !Number.isInteger(value)) return texts.validation.wholeNumber;
  if (value < rule.min) return texts.validation.min(texts.common.number(rule.min));
  if (value > rule.max) return texts.validation.max(texts.common.number(rule.max));
  return undefined;
}

/** What is wrong with a text, counted as the API counts it (Unicode NFC, trimmed). */
function textFault(text: string, min: number, max: number, texts: Texts): string | undefined {
  const length = text.normalize('NFC').trim().length;
  if (length === 0) return texts.validation.required;
  if (length < min) return texts.validation.minChars(min);
  if (length > max) return texts.validation.maxChars(max);
  return undefined;
}

function asksForFigures(form: SubmitForm): boolean {
  return form.kind === 'friction' && !form.figuresUnknown;
}

/** The faults the page finds before sending, as the API would report them: a JSON Pointer and a message. */
export function validateSubmission(form: SubmitForm, texts: Texts): FieldError[] {
  const faults: [string, string | undefined][] = [
    ['/title', textFault(form.title, LIMITS.titleMin, LIMITS.titleMax, texts)],
    ['/description', textFault(form.description, LIMITS.descriptionMin, LIMITS.descriptionMax, texts)],
    ['/department', textFault(form.department, LIMITS.departmentMin, LIMITS.departmentMax, texts)],
  ];
  if (asksForFigures(form)) {
    faults.push(
      ['/frequency', figureFault(form.frequency, FIGURE_RULES.frequency, texts)],
      ['/minutesEach', figureFault(form.minutesEach, FIGURE_RULES.minutesEach, texts)],
      ['/peopleAffected', figureFault(form.peopleAffected, FIGURE_RULES.peopleAffected, texts)],
    );
  }
  return faults.flatMap(([pointer, detail]) => (detail === undefined ? [] : [{ pointer, detail }]));
}

const FIGURE_FIELDS: readonly string[] = ['frequency', 'frequencyUnit', 'minutesEach', 'peopleAffected'];

/**
 * The faults still to show once the person changes some fields: a changed field's are gone, and
 * so are the figures' when the kind or "I don't know the figures" changes, which hides or shows them.
 */
export function errorsAfterChange(errors: readonly FieldError[], change: Partial<SubmitForm>): FieldError[] {
  const figuresToggled = 'kind' in change || 'figuresUnknown' in change;
  return errors.filter((error) => {
    const field = fieldOfPointer(error.pointer);
    return !(field in change) && !(figuresToggled && FIGURE_FIELDS.includes(field));
  });
}

/** The friction's figures when all three are typed and within the API's limits; else undefined. */
export function frictionFigures(form: SubmitForm): FrictionFigures | undefined {
  if (!asksForFigures(form)) return undefined;
  const valid = (text: string, rule: FigureRule) => {
    const value = readNumber(text);
    return value !== 'empty' && !Number.isNaN(value) && (!rule.whole || Number.isInteger(value)) && value >= rule.min && value <= rule.max ? value : undefined;
  };
  const frequency = valid(form.frequency, FIGURE_RULES.frequency);
  const minutesEach = valid(form.minutesEach, FIGURE_RULES.minutesEach);
  const peopleAffected = valid(form.peopleAffected, FIGURE_RULES.peopleAffected);
  if (frequency === undefined || minutesEach === undefined || peopleAffected === undefined) return undefined;
  return { frequency, frequencyUnit: form.frequencyUnit, minutesEach, peopleAffected };
}

/** The hours a year the friction costs, as the API will work them out; undefined until the figures are complete. */
export function hoursPerYear(form: SubmitForm): number | undefined {
  const figures = frictionFigures(form);
  return figures === undefined ? undefined : frictionHoursPerYear(figures);
}

/** Personal data the API would warn about in what the person wrote, found before sending (the same detector). */
export function personalDataIn(form: SubmitForm): FieldFinding[] {
  return findPersonalDataInFields({ '/title': form.title, '/description': form.description, '/department': form.department });
}

/**
 * The body of `POST /ideas`. Friction carries its four figures, or none and `figuresUnknown`;
 * call it only when validateSubmission found nothing (figures that are incomplete then throw).
 */
export function submissionBody(form: SubmitForm, language: Language): SubmitIdeaInput {
  const common = { title: form.title, description: form.description, department: form.department, anonymous: form.anonymous, language };
  if (form.kind === 'idea') return { kind: 'idea', ...common };
  if (form.figuresUnknown) return { kind: 'friction', ...common, figuresUnknown: true };
  const figures = frictionFigures(form);
  if (figures === undefined) throw new Error('submissionBody: the friction figures are incomplete; validate the form first.');
  return { kind: 'friction', ...common, ...figures };
}

/** The query of `GET /ideas/similar` for what is typed so far; undefined until there is enough to compare. */
export function similarQuery(form: Pick<SubmitForm, 'title' | 'description'>, language: Language): { title?: string; text?: string; language: Language } | undefined {
  const title = form.title.trim();
  const text = form.description.trim();
  const query = {
    ...(title.length >= LIMITS.titleMin ? { title: title.slice(0, LIMITS.titleMax) } : {}),
    ...(text.length >= LIMITS.descriptionMin ? { text: text.slice(0, LIMITS.descriptionMax) } : {}),
  };
  return Object.keys(query).length === 0 ? undefined : { ...query, language };
}

/** A form saved before signing in again, with the key of its sending, so a retry stays the same request. */
export interface SubmitDraft {
  form: SubmitForm;
  idempotencyKey: string;
}

/** A saved draft read back, or undefined when what was stored is not one (an older shape, say). */
export function draftOf(stored: unknown): SubmitDraft | undefined {
  if (typeof stored !== 'object' || stored === null || !('form' in stored) || !('idempotencyKey' in stored)) return undefined;
  const { form, idempotencyKey } = stored;
  if (typeof idempotencyKey !== 'string' || typeof form !== 'object' || form === null) return undefined;
  const fields = form as Record<string, unknown>;
  const keys = Object.keys(EMPTY_FORM) as (keyof SubmitForm)[];
  const matches = keys.every((key) => typeof fields[key] === typeof EMPTY_FORM[key]);
  const kindKnown = fields['kind'] === 'idea' || fields['kind'] === 'friction';
  const unitKnown = fields['frequencyUnit'] === 'day' || fields['frequencyUnit'] === 'week' || fields['frequencyUnit'] === 'month';
  if (!matches || !kindKnown || !unitKnown) return undefined;
  return { form: Object.fromEntries(keys.map((key) => [key, fields[key]])) as unknown as SubmitForm, idempotencyKey };
}

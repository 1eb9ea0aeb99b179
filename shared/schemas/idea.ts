/**
 * The schemas of what submitters and the intake queue send. Each is built by an arrow function
 * called at once and marked `@__PURE__`, which tells esbuild that building it has no other
 * effect: a function's bundle then holds, and its cold start builds, only the schemas the function
 * uses (getIdea builds IdeaIdPath, not SubmitIdeaInput). esbuild cannot see that by itself, as it
 * does not follow zod's own "no side effects" marks across modules. A new schema here is written
 * the same way.
 */
import * as z from './zod.ts';
import { FREQUENCY_UNITS, LANGUAGES, LIMITS, type Friction } from '../domain/idea.ts';
import { humanText } from './text.ts';

/** Limits on what a submitter may send (shared/domain/idea.ts); the form and the API share them. */
export { LIMITS };

/** The four figures of a friction report, from which its friction hours per year are worked out. */
export const FRICTION_FIGURES = ['frequency', 'frequencyUnit', 'minutesEach', 'peopleAffected'] as const satisfies readonly (keyof Friction)[];

/**
 * A friction report gives all four figures, or none of them with `figuresUnknown: true`: a care
 * worker on a phone often does not know how often, how long or how many. This is that rule in JSON
 * Schema, for the OpenAPI document, where Redocly checks the examples against it; figuresRule
 * (below) enforces it, and a zod refinement has no JSON Schema of its own.
 */
function figuresRuleJsonSchema() {
  return {
    description:
      'Friction: give all four figures (`frequency`, `frequencyUnit`, `minutesEach`, `peopleAffected`), or none of them with `figuresUnknown: true` when they are not known; the friction hours per year then stay unknown.',
    if: { required: ['figuresUnknown'], properties: { figuresUnknown: { const: true } } },
    // With the flag no figure may be present (`false` admits no value)…
    then: { properties: Object.fromEntries(FRICTION_FIGURES.map((name) => [name, false])) },
    // …without it all four are required; each is named again (`true`: its schema is the object's),
    // as Redocly reads `required` against the properties beside it.
    else: { required: [...FRICTION_FIGURES], properties: Object.fromEntries(FRICTION_FIGURES.map((name) => [name, true])) },
  };
}

export const SubmitIdeaInput = /* @__PURE__ */ (() => {
  const common = {
    title: humanText(LIMITS.titleMin, LIMITS.titleMax),
    description: humanText(LIMITS.descriptionMin, LIMITS.descriptionMax),
    department: humanText(LIMITS.departmentMin, LIMITS.departmentMax),
    anonymous: z._default(z.boolean(), false),
    language: z._default(z.enum(LANGUAGES), 'da'),
  };
  return z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('idea'), ...common }),
    z
      .strictObject({
        kind: z.literal('friction'),
        ...common,
        /** How many times the friction happens per `frequencyUnit`. */
        frequency: z.optional(z.int().check(z.minimum(LIMITS.frequencyMin), z.maximum(LIMITS.frequencyMax))),
        frequencyUnit: z.optional(z.enum(FREQUENCY_UNITS)),
        minutesEach: z.optional(z.number().check(z.minimum(LIMITS.minutesEachMin), z.maximum(LIMITS.minutesEachMax))),
        peopleAffected: z.optional(z.int().check(z.minimum(LIMITS.peopleAffectedMin), z.maximum(LIMITS.peopleAffectedMax))),
        /** The submitter does not know the figures, and leaves all four out. */
        figuresUnknown: z.optional(z.boolean()).check(z.describe('`true`: the figures are not known, and all four are left out.')),
      })
      .check(
        z.superRefine(figuresRule, {
          // Run even when a figure has the wrong type, so the figures missing are named at once.
          when: (payload) => typeof payload.value === 'object' && payload.value !== null,
        }),
        z.meta(figuresRuleJsonSchema()),
      ),
  ]);
})();
export type SubmitIdeaInput = z.infer<typeof SubmitIdeaInput>;

/**
 * All four figures, or none with `figuresUnknown: true`. A figure missing from an incomplete set is
 * named on its own pointer (with none given and no flag, all four are: a client that forgot them is
 * told so, and of the way out); figures sent with the flag are refused on `/figuresUnknown`.
 */
function figuresRule(friction: Partial<Record<(typeof FRICTION_FIGURES)[number] | 'figuresUnknown', unknown>>, context: z.core.$RefinementCtx): void {
  const given = FRICTION_FIGURES.filter((name) => friction[name] !== undefined);
  if (friction.figuresUnknown === true) {
    if (given.length === 0) return;
    const names = given.join(', ');
    context.addIssue({
      code: 'custom',
      path: ['figuresUnknown'],
      message: `Leave out the figures (${names}), or drop figuresUnknown`,
      params: { da: `Udelad tallene (${names}), eller fjern figuresUnknown`, en: `Leave out the figures (${names}), or drop figuresUnknown` },
    });
    return;
  }
  for (const name of FRICTION_FIGURES) {
    if (friction[name] !== undefined) continue;
    context.addIssue({
      code: 'custom',
      path: [name],
      message: 'Required – or leave out all four figures and send figuresUnknown: true if they are not known',
      params: {
        da: 'Skal udfyldes – eller udelad alle fire tal og send figuresUnknown: true, hvis de ikke kendes',
        en: 'Required – or leave out all four figures and send figuresUnknown: true if they are not known',
      },
    });
  }
}

/**
 * The figures of a friction report the schema accepted: all four, or undefined when the submitter
 * said they are unknown (the schema lets nothing in between through).
 */
export function frictionFigures(input: Extract<SubmitIdeaInput, { kind: 'friction' }>): Friction | undefined {
  const { frequency, frequencyUnit, minutesEach, peopleAffected } = input;
  if (frequency === undefined || frequencyUnit === undefined || minutesEach === undefined || peopleAffected === undefined) return undefined;
  return { frequency, frequencyUnit, minutesEach, peopleAffected };
}

const BOOLEAN_FIELDS = new Set(['anonymous', 'figuresUnknown']);
const NUMBER_FIELDS = new Set(['frequency', 'minutesEach', 'peopleAffected']);

/**
 * A plain HTML form sends every field as text, leaves empty inputs as "" and sends a ticked
 * checkbox as "on". Turn that into the JSON shape, so both arrive at the same schema and the
 * same validation messages.
 */
export function formFieldsToSubmission(fields: Record<string, string>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(fields)) {
    const value = raw.trim();
    if (value === '') continue;
    if (BOOLEAN_FIELDS.has(name)) {
      result[name] = value === 'on' || value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
    } else if (NUMBER_FIELDS.has(name)) {
      const number = Number(normaliseNumber(value));
      result[name] = value !== '' && Number.isFinite(number) ? number : value;
    } else {
      result[name] = raw;
    }
  }
  return result;
}

/**
 * The `Idempotency-Key` request header (IETF draft "The Idempotency-Key HTTP Header Field"):
 * 1–255 visible ASCII characters, e.g. a UUID the client made before the first try.
 */
export const IdempotencyKeyHeader = /* @__PURE__ */ (() =>
  z.looseObject({
    'idempotency-key': z.optional(z.string().check(z.regex(/^[\x21-\x7e]{1,255}$/))),
  }))();

/** What the intake queue carries: the idea's id only; the idea itself is in the table. */
export const IntakeMessage = /* @__PURE__ */ (() => z.strictObject({ ideaId: z.uuid() }))();
export type IntakeMessage = z.infer<typeof IntakeMessage>;

export const IdeaIdPath = /* @__PURE__ */ (() => z.strictObject({ id: z.uuid() }))();

export const PageQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50)), 20),
    cursor: z.optional(z.string().check(z.maxLength(1024))),
  }))();

/** GET /ideas/{id}/comments: where the page starts (the `commentsCursor` or `nextCursor` of the page before); its size is fixed. */
export const CommentsQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    cursor: z.optional(z.string().check(z.maxLength(1024))),
  }))();

/**
 * A number as a Danish form may have it: "2,5" is two and a half, and "1.000" (dots between
 * groups of three digits) is a thousand. Anything else is left for Number() to judge.
 */
function normaliseNumber(value: string): string {
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(value)) return value.replaceAll('.', '').replace(',', '.');
  return value.replace(',', '.');
}

/**
 * GET /ideas/similar: the text a person is about to submit. Title and description are read
 * apart (a title's words weigh more); `text` alone is read as a description.
 */
export const SimilarQuery = /* @__PURE__ */ (() =>
  z
    .strictObject({
      title: z.optional(humanText(1, LIMITS.titleMax)),
      text: z.optional(humanText(1, LIMITS.descriptionMax)),
      language: z._default(z.enum(LANGUAGES), 'da'),
    })
    .check(
      z.refine((query) => query.title !== undefined || query.text !== undefined, {
        message: 'Send title or text',
        params: { da: 'Send title eller text', en: 'Send title or text' },
        path: ['text'],
      }),
    ))();

/**
 * The schemas of what submitters and the intake queue send. Each is built by an arrow function
 * called at once and marked `@__PURE__`, which tells esbuild that building it has no other
 * effect: a function's bundle then holds, and its cold start builds, only the schemas the function
 * uses (getIdea builds IdeaIdPath, not SubmitIdeaInput). esbuild cannot see that by itself, as it
 * does not follow zod's own "no side effects" marks across modules. A new schema here is written
 * the same way.
 */
import * as z from './zod.ts';
import { FREQUENCY_UNITS, LANGUAGES } from '../domain/idea.ts';
import { humanText } from './text.ts';

/** Limits on what a submitter may send; the form and the API share them. */
export const LIMITS = {
  titleMin: 3,
  titleMax: 120,
  descriptionMin: 10,
  descriptionMax: 4000,
  departmentMin: 2,
  departmentMax: 80,
  frequencyMax: 1000,
  minutesEachMax: 480,
  peopleAffectedMax: 100_000,
} as const;

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
    z.strictObject({
      kind: z.literal('friction'),
      ...common,
      /** How many times the friction happens per `frequencyUnit`. */
      frequency: z.int().check(z.minimum(1), z.maximum(LIMITS.frequencyMax)),
      frequencyUnit: z.enum(FREQUENCY_UNITS),
      minutesEach: z.number().check(z.minimum(0.5), z.maximum(LIMITS.minutesEachMax)),
      peopleAffected: z.int().check(z.minimum(1), z.maximum(LIMITS.peopleAffectedMax)),
    }),
  ]);
})();
export type SubmitIdeaInput = z.infer<typeof SubmitIdeaInput>;

const BOOLEAN_FIELDS = new Set(['anonymous']);
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

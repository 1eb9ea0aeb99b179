/** The GDPR routes' schemas; built in pure functions like the others (./idea.ts says why). */
import * as z from './zod.ts';

/**
 * One erasure for the erasure worker: whom to erase, as their token named them when they asked.
 * Only the queue carries the subject (encrypted at rest, and kept for days, not for good); the
 * erasure's audit record never holds it (shared/store/personal-data.ts).
 */
export const ErasureMessage = /* @__PURE__ */ (() =>
  z.strictObject({
    erasureId: z.uuid(),
    sub: z.string().check(z.minLength(1)),
    names: z.array(z.string()),
    emails: z.array(z.string()),
  }))();
export type ErasureMessage = z.infer<typeof ErasureMessage>;

/** `GET /me/erasures/{id}`. */
export const ErasureIdPath = /* @__PURE__ */ (() => z.strictObject({ id: z.uuid() }))();

/** `POST /me/erase`: an erasure cannot be undone, so the body must say it is meant. */
export const ErasureRequest = /* @__PURE__ */ (() => z.strictObject({ confirm: z.literal(true) }))();

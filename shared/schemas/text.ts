import * as z from './zod.ts';

/**
 * Text must be well-formed Unicode (`String.prototype.isWellFormed()`): no lone UTF-16
 * surrogate, which JSON can carry (`"IT\ud800"`) and a form can too (bytes that are not UTF-8,
 * see shared/http/utf8.ts), but which is no character: it cannot be encoded as UTF-8, so
 * `encodeURIComponent` throws on it, and no person typed it. Refused on the field, before any
 * other check of it. One check, shared by every text schema.
 */
export const wellFormed = /* @__PURE__ */ z.refine<string>((value) => value.isWellFormed(), {
  message: 'Must be well-formed Unicode text',
  params: { da: 'Teksten indeholder et ugyldigt tegn (ikke gyldig Unicode)', en: 'The text contains an invalid character (not well-formed Unicode)' },
  abort: true,
});

/**
 * Free text from a person: well-formed Unicode, stored as NFC (so an "å" typed as a + ring is
 * stored as one letter), control characters removed except line breaks and tabs, surrounding
 * white space trimmed.
 *
 * One string schema whose first check rewrites the value (`z.overwrite`, as `z.trim()` does), so
 * the length checks after it count the cleaned text; the same as piping the string through a
 * transform into a second string schema, with a third of the schema objects to build as a
 * function starts (each text field of a submitted idea is one of these).
 */
export function humanText(min: number, max: number) {
  return z.string().check(
    wellFormed,
    z.overwrite((value: string) => value.normalize('NFC').replace(/[^\P{Cc}\n\t]/gu, '').trim()),
    z.minLength(min),
    z.maxLength(max),
  );
}

/**
 * An identifier a person or a system gives as it is (a subject, `sub`, compared exactly, so not
 * normalised): well-formed Unicode, trimmed, `min`–`max` characters.
 */
export function identifierText(min: number, max: number) {
  return z.string().check(wellFormed, z.trim(), z.minLength(min), z.maxLength(max));
}

import * as z from 'zod';

/**
 * Free text from a person: Unicode NFC (so an "å" typed as a + ring is stored as one letter),
 * control characters removed except line breaks and tabs, surrounding white space trimmed.
 */
export function humanText(min: number, max: number) {
  return z
    .string()
    .transform((value) => value.normalize('NFC').replace(/[^\P{Cc}\n\t]/gu, '').trim())
    .pipe(z.string().min(min).max(max));
}

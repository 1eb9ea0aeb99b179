import * as z from './zod.ts';

/**
 * Free text from a person: Unicode NFC (so an "å" typed as a + ring is stored as one letter),
 * control characters removed except line breaks and tabs, surrounding white space trimmed.
 */
export function humanText(min: number, max: number) {
  return z.pipe(
    z.pipe(
      z.string(),
      z.transform((value: string) => value.normalize('NFC').replace(/[^\P{Cc}\n\t]/gu, '').trim()),
    ),
    z.string().check(z.minLength(min), z.maxLength(max)),
  );
}

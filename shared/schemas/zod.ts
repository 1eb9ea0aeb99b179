/**
 * Zod as Spire's schemas use it: `zod/mini`, the same zod 4 (the same parsing, the same issues)
 * with functions instead of methods (`z.optional(s)`, `s.check(z.maxLength(n))`), so a bundle
 * holds only the parts its schemas use. Classic `zod` carries every method on every schema, JSON
 * Schema conversion among them: it was about 95 KB of each function's bundle, mini is about 25.
 *
 * Classic zod also sets its English messages on load; this does the same, so a parse error reads
 * as before in the logs. (People see shared/http/validation.ts's Danish or English messages,
 * which are made from the issues' codes, not from these.)
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export * from 'zod/mini';

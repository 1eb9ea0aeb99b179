/**
 * Rules shared by the list queries (GET /console/inbox, GET /pipeline/pilots): a list that is kept
 * on its own is never narrowed, so each parameter that would narrow it is refused at its own
 * pointer, in Danish and English.
 */
import * as z from './zod.ts';

export function notNarrowedWhen<Query extends Record<string, unknown>>(
  applies: (query: Query) => boolean,
  names: readonly (keyof Query & string)[],
  reason: { da: string; en: string },
) {
  return z.superRefine<Query>((query, context) => {
    if (!applies(query)) return;
    for (const name of names) {
      if (query[name] === undefined) continue;
      context.addIssue({ code: 'custom', path: [name], message: reason.en, params: reason });
    }
  });
}

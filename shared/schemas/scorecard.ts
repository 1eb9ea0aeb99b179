import * as z from './zod.ts';
import { SCORE_MAX } from '../domain/scorecard.ts';

/** PUT /console/ideas/{id}/scorecard: a 0–4 score per criterion id; criteria left out keep their suggestion. */
export const ScorecardInput = z.strictObject({
  scores: z.record(z.string().check(z.regex(/^[a-z][a-z0-9_]{1,39}$/)), z.int().check(z.minimum(0), z.maximum(SCORE_MAX))),
});

import * as z from 'zod';
import { IDEA_STATUSES } from '../domain/idea.ts';

/** One page of a re-scoring job: the ideas in `status` from `cursor` on, against `strategyVersion`. */
export const RescoreMessage = z.strictObject({
  strategyVersion: z.int().min(1),
  status: z.enum(IDEA_STATUSES),
  cursor: z.string().max(2048).optional(),
});
export type RescoreMessage = z.infer<typeof RescoreMessage>;

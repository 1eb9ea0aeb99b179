import * as z from './zod.ts';

/** Ideas per message of a re-scoring job: one message's work, well inside the worker's timeout. */
export const RESCORE_PAGE_SIZE = 25;

/** A re-scoring job's id: the time it started (so ids sort by it) and eight random hex digits, e.g. `20261122T100000123Z-3f6c2a9e`. */
export const RescoreJobId = z.string().check(z.regex(/^\d{8}T\d{9}Z-[0-9a-f]{8}$/));

/**
 * One page of a re-scoring job: these ideas, against `strategyVersion`. `page` numbers the
 * job's messages from 0, so the job counts each page done once however often it is delivered.
 */
export const RescoreMessage = z.strictObject({
  jobId: RescoreJobId,
  strategyVersion: z.int().check(z.minimum(1)),
  page: z.int().check(z.minimum(0)),
  ideaIds: z.array(z.uuid()).check(z.minLength(1), z.maxLength(RESCORE_PAGE_SIZE)),
});
export type RescoreMessage = z.infer<typeof RescoreMessage>;

/** GET /console/strategy/rescore/{jobId}. */
export const RescoreJobPath = z.strictObject({ jobId: RescoreJobId });

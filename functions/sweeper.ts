import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { ENV, intEnv } from '../shared/config.ts';
import { sweepStuckIdeas, type SweepReport } from '../shared/intake/sweep.ts';
import { logger } from '../shared/logger.ts';
import { sweepPendingWork, type PendingWorkReport } from '../shared/notify/sweep.ts';
import { intakeQueueFromEnv } from '../shared/queue/intake-queue.ts';
import { notifyQueueFromEnv } from '../shared/queue/notify-queue.ts';
import { ideaStoreFromEnv, notificationStoreFromEnv } from '../shared/store/stores.ts';

const store = ideaStoreFromEnv();
const queue = intakeQueueFromEnv();
const pendingDeps = { store, notifications: notificationStoreFromEnv(), queue: notifyQueueFromEnv() };
const settings = {
  minAgeSeconds: intEnv(ENV.sweeperMinAgeSeconds, 120),
  maxRequeues: intEnv(ENV.sweeperMaxRequeues, 5),
  batchLimit: 500,
};

/**
 * Scheduled: re-queues ideas stuck in `submitted` and notifications never delivered, and finishes
 * interrupted merges, so nothing accepted is lost.
 */
export const handler = middy<ScheduledEvent, SweepReport & PendingWorkReport>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    // Each part runs whatever happens to the other (an intake queue outage must not hold up e-mail).
    const [stuck, pending] = await Promise.allSettled([sweepStuckIdeas(store, queue, settings), sweepPendingWork(pendingDeps, settings)]);
    if (stuck.status === 'rejected') throw stuck.reason;
    if (pending.status === 'rejected') throw pending.reason;
    return { ...stuck.value, ...pending.value };
  });

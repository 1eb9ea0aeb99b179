import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { ENV, intEnv } from '../shared/config.ts';
import { sweepStuckIdeas, type SweepReport } from '../shared/intake/sweep.ts';
import { logger } from '../shared/logger.ts';
import { intakeQueueFromEnv } from '../shared/queue/intake-queue.ts';
import { ideaStoreFromEnv } from '../shared/store/stores.ts';

const store = ideaStoreFromEnv();
const queue = intakeQueueFromEnv();
const settings = {
  minAgeSeconds: intEnv(ENV.sweeperMinAgeSeconds, 120),
  maxRequeues: intEnv(ENV.sweeperMaxRequeues, 5),
  batchLimit: 500,
};

/** Scheduled: re-queues ideas stuck in `submitted`, so nothing accepted is lost. */
export const handler = middy<ScheduledEvent, SweepReport>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => sweepStuckIdeas(store, queue, settings));

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { ENV, intEnv, requireEnv } from '../shared/config.ts';
import { sweepStuckIdeas, type SweepReport } from '../shared/intake/sweep.ts';
import { logger } from '../shared/logger.ts';
import { createSqsClient, SqsIntakeQueue } from '../shared/queue/intake-queue.ts';
import { createDocumentClient } from '../shared/store/client.ts';
import { DynamoIdeaStore } from '../shared/store/ideas.ts';

const store = new DynamoIdeaStore(createDocumentClient(), requireEnv(ENV.tableName));
const queue = new SqsIntakeQueue(createSqsClient(), requireEnv(ENV.intakeQueueUrl));
const settings = {
  minAgeSeconds: intEnv(ENV.sweeperMinAgeSeconds, 120),
  maxRequeues: intEnv(ENV.sweeperMaxRequeues, 5),
  batchLimit: 500,
};

/** Scheduled: re-queues ideas stuck in `submitted`, so nothing accepted is lost. */
export const handler = middy<ScheduledEvent, SweepReport>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => sweepStuckIdeas(store, queue, settings));

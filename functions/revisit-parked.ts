import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import { notifyQueueFromEnv } from '../shared/queue/notify-queue.ts';
import { ideaStoreFromEnv } from '../shared/store/stores.ts';
import { traceHandler } from '../shared/tracer.ts';
import { revisitParkedIdeas } from '../shared/triage/revisit.ts';

const store = ideaStoreFromEnv();
const queue = notifyQueueFromEnv();

/** Scheduled: parked ideas whose revisit day has come go back to the inbox. */
export const handler = middy<ScheduledEvent, { due: number; revisited: number }>()
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => revisitParkedIdeas(store, queue));

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import { notifyQueueFromEnv } from '../shared/queue/notify-queue.ts';
import { backgroundWorkStoreFromEnv, ideaStoreFromEnv, notificationStoreFromEnv } from '../shared/store/stores.ts';
import { traceHandler } from '../shared/tracer.ts';
import { revisitParkedIdeas } from '../shared/triage/revisit.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { store: ideaStoreFromEnv(), work: backgroundWorkStoreFromEnv(), notifications: notificationStoreFromEnv(), queue: notifyQueueFromEnv(), clock: systemClock };

/** Scheduled: parked ideas whose revisit day has come go back to the inbox. */
export const handler = middy<ScheduledEvent, { due: number; revisited: number }>()
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => revisitParkedIdeas(deps));

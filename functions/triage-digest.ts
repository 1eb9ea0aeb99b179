import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { ENV, requireEnv, serviceLevelDays } from '../shared/config.ts';
import { logger } from '../shared/logger.ts';
import { notifyQueueFromEnv } from '../shared/queue/notify-queue.ts';
import { ideaStoreFromEnv, notificationStoreFromEnv } from '../shared/store/stores.ts';
import { traceHandler } from '../shared/tracer.ts';
import { sendTriageDigest } from '../shared/triage/digest.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { store: ideaStoreFromEnv(), notifications: notificationStoreFromEnv(), queue: notifyQueueFromEnv(), clock: systemClock };
const settings = { to: requireEnv(ENV.triageTeamEmail), serviceLevelDays: serviceLevelDays(), language: 'da' as const };

/** Scheduled daily: the digitalisation team's e-mail of ideas waiting in triage past the service level. */
export const handler = middy<ScheduledEvent, { overdue: number; notificationId?: string }>()
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => sendTriageDigest(deps, settings));

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { ENV, intEnv } from '../shared/config.ts';
import { DEFAULT_RETENTION_DAYS } from '../shared/domain/retention.ts';
import { logger } from '../shared/logger.ts';
import { removeExpiredPersonalData, type RetentionReport } from '../shared/privacy/retention.ts';
import { ideaStoreFromEnv, personalDataStoreFromEnv } from '../shared/store/stores.ts';
import { traceHandler } from '../shared/tracer.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { data: personalDataStoreFromEnv(), ideas: ideaStoreFromEnv(), clock: systemClock };
const retentionDays = intEnv(ENV.retentionDays, DEFAULT_RETENTION_DAYS);

/** Scheduled daily: personal data leaves the ideas that ended without a pilot longer than the retention period ago. */
export const handler = middy<ScheduledEvent, RetentionReport>()
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => removeExpiredPersonalData(deps, { retentionDays }));

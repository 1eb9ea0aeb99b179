import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import { RescoreMessage } from '../shared/schemas/rescore.ts';
import { ideaStoreFromEnv, rescoreJobStoreFromEnv, strategyStoreFromEnv } from '../shared/store/stores.ts';
import { traceHandler } from '../shared/tracer.ts';
import { rescorePage } from '../shared/triage/rescore.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { store: ideaStoreFromEnv(), strategies: strategyStoreFromEnv('readWrite'), jobs: rescoreJobStoreFromEnv(), clock: systemClock };
const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord): Promise<void> {
  const message = RescoreMessage.parse(JSON.parse(record.body));
  const report = await rescorePage(deps, message);
  logger.info('Re-scoring page done', { jobId: message.jobId, page: message.page, ...report });
}

/** SQS consumer of the rescore queue: the ideas of one message each; it sends nothing. */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) => processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false }));

import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import { rescoreQueueFromEnv } from '../shared/queue/rescore-queue.ts';
import { RescoreMessage } from '../shared/schemas/rescore.ts';
import { ideaStoreFromEnv, strategyStoreFromEnv } from '../shared/store/stores.ts';
import { rescorePage } from '../shared/triage/rescore.ts';

const deps = { store: ideaStoreFromEnv(), strategies: strategyStoreFromEnv(), queue: rescoreQueueFromEnv() };
const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord): Promise<void> {
  const message = RescoreMessage.parse(JSON.parse(record.body));
  const report = await rescorePage(deps, message);
  logger.info('Re-scoring page done', { ...message, ...report });
}

/** SQS consumer of the rescore queue: one page of ideas per message. */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) => processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false }));

import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import { applyMailFeedback } from '../shared/notify/feedback.ts';
import { parseMailEvent } from '../shared/schemas/mail-events.ts';
import { mailSuppressionStoreFromEnv } from '../shared/store/stores.ts';
import { traceHandler } from '../shared/tracer.ts';

const deps = { suppressions: mailSuppressionStoreFromEnv() };
const processor = new BatchProcessor(EventType.SQS);

/** One SES bounce or complaint, in SNS's envelope. One that cannot be parsed fails, is retried, and ends in the dead-letter queue. */
async function processRecord(record: SQSRecord): Promise<void> {
  const event = parseMailEvent(record.body);
  const outcome = await applyMailFeedback(deps, event);
  logger.debug('Mail event processed', { eventType: event.eventType, ...outcome, messageId: record.messageId });
}

/** SQS consumer of the mail events queue: a permanent bounce or a complaint marks the address undeliverable. */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) => processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false }));

import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import { flushMetrics } from '../shared/metrics.ts';
import { deliverNotification } from '../shared/notify/deliver.ts';
import { mailerFromEnv } from '../shared/notify/mailer.ts';
import { NotifyMessage } from '../shared/schemas/notify.ts';
import { mailSuppressionStoreFromEnv, notificationStoreFromEnv } from '../shared/store/stores.ts';
import { traceHandler } from '../shared/tracer.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { notifications: notificationStoreFromEnv(), mailer: mailerFromEnv(), suppressions: mailSuppressionStoreFromEnv(), clock: systemClock };
const processor = new BatchProcessor(EventType.SQS);

/** One notify message: deliver the stored notification it names, once. A failure is retried, then dead-lettered. */
async function processRecord(record: SQSRecord): Promise<void> {
  const message = NotifyMessage.parse(JSON.parse(record.body));
  const outcome = await deliverNotification(deps, message.notificationId);
  logger.debug('Notify message processed', { notificationId: message.notificationId, outcome, messageId: record.messageId });
}

/** SQS consumer of the notify queue: e-mails by SES in AWS, into the development outbox locally. */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(flushMetrics())
  .handler(async (event, context) => processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false }));

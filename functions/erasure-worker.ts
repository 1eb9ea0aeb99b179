import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../shared/logger.ts';
import { erasePerson } from '../shared/privacy/erase.ts';
import { ErasureMessage } from '../shared/schemas/privacy.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { ideaStoreFromEnv, personalDataStoreFromEnv } from '../shared/store/stores.ts';
import { traceHandler } from '../shared/tracer.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = { data: personalDataStoreFromEnv(), ideas: ideaStoreFromEnv(), keys: keysFromEnv(), clock: systemClock };
const processor = new BatchProcessor(EventType.SQS);

/**
 * One erasure: pseudonymise the person everywhere, then complete its audit record. Logged by the
 * erasure's id only: the log must not hold what the erasure removes. A failure is retried, and
 * after its last receive the message goes to the dead-letter queue, whose alarm calls a person
 * (docs/operations.md); running it again is safe.
 */
async function processRecord(record: SQSRecord): Promise<void> {
  const message = ErasureMessage.parse(JSON.parse(record.body));
  try {
    const report = await erasePerson(deps, message);
    await deps.data.completeErasure(message.erasureId, { completedAt: deps.clock.now().toISOString(), ...report });
    logger.info('Erasure done', { erasureId: message.erasureId, ...report });
  } catch (error) {
    logger.error('Erasure failed; it is retried, and after its last receive goes to the erasure dead-letter queue', {
      erasureId: message.erasureId,
      receiveCount: Number(record.attributes.ApproximateReceiveCount),
      error,
    });
    throw error;
  }
}

/** SQS consumer of the erasure queue, one erasure at a time. */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) => processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false }));

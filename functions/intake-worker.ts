import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { admitToTriage, type AdmitDependencies } from '../shared/intake/admit.ts';
import { logger } from '../shared/logger.ts';
import { flushMetrics } from '../shared/metrics.ts';
import { notifyQueueFromEnv } from '../shared/queue/notify-queue.ts';
import { IntakeMessage } from '../shared/schemas/idea.ts';
import { learningsReadOnce } from '../shared/store/pilots.ts';
import { ideaStoreFromEnv, notificationStoreFromEnv, pilotStoreFromEnv, similarityIndexFromEnv, strategyStoreFromEnv } from '../shared/store/stores.ts';
import { traceHandler } from '../shared/tracer.ts';
import { systemClock } from '../shared/domain/clock.ts';

const deps = {
  store: ideaStoreFromEnv(),
  strategies: strategyStoreFromEnv('readWrite'),
  index: similarityIndexFromEnv(),
  notifications: notificationStoreFromEnv(),
  notify: notifyQueueFromEnv(),
  clock: systemClock,
};
const pilots = pilotStoreFromEnv();
const processor = new BatchProcessor(EventType.SQS);

/**
 * One intake message: parse it, then admit the idea to triage. A message that cannot be parsed
 * or names no stored idea fails, is retried, and ends in the dead-letter queue. Every failure is
 * logged with the idea's id (as far as the message names one), the receive count and the error,
 * so an idea that cannot be admitted is seen at its first failed delivery, not only when the
 * sweeper gives up on it.
 */
async function processRecord(record: SQSRecord, batch: AdmitDependencies): Promise<void> {
  try {
    const message = IntakeMessage.parse(JSON.parse(record.body));
    const outcome = await admitToTriage(batch, message.ideaId);
    logger.debug('Intake message processed', { ideaId: message.ideaId, outcome, messageId: record.messageId });
  } catch (error) {
    logger.error('Intake message failed: the idea stays submitted; the message is retried, and after its last receive goes to the intake dead-letter queue', {
      ideaId: namedIdeaId(record.body),
      messageId: record.messageId,
      receiveCount: Number(record.attributes.ApproximateReceiveCount),
      error,
    });
    throw error;
  }
}

/** The idea id a message names, even a message that is otherwise not what it should be; undefined when it names none. */
function namedIdeaId(body: string): string | undefined {
  try {
    const value: unknown = JSON.parse(body);
    const ideaId = typeof value === 'object' && value !== null ? (value as { ideaId?: unknown }).ideaId : undefined;
    return typeof ideaId === 'string' ? ideaId.slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}

/** SQS consumer of the intake queue; reports failed records so only they are retried. The ideas of a batch share one read of the learnings. */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(flushMetrics())
  .handler(async (event, context) => {
    const batch = { ...deps, pilots: learningsReadOnce(pilots) };
    return processPartialResponse(event, (record: SQSRecord) => processRecord(record, batch), processor, { context, throwOnFullBatchFailure: false });
  });

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { ENV, intEnv } from '../shared/config.ts';
import { SweepIncompleteError, sweepStuckIdeas, type SweepReport } from '../shared/intake/sweep.ts';
import { ideasInStatus } from '../shared/domain/pipeline.ts';
import { logger } from '../shared/logger.ts';
import { flushMetrics, record } from '../shared/metrics.ts';
import { PendingWorkIncompleteError, sweepPendingWork, type PendingWorkReport } from '../shared/notify/sweep.ts';
import { intakeQueueFromEnv } from '../shared/queue/intake-queue.ts';
import { notifyQueueFromEnv } from '../shared/queue/notify-queue.ts';
import { keysFromEnv } from '../shared/secret.ts';
import { backgroundWorkStoreFromEnv, conversationStoreFromEnv, ideaStoreFromEnv, notificationStoreFromEnv, pipelineStoreFromEnv } from '../shared/store/stores.ts';
import { traceHandler } from '../shared/tracer.ts';
import { systemClock } from '../shared/domain/clock.ts';

const store = ideaStoreFromEnv();
const stuckDeps = { store, queue: intakeQueueFromEnv(), clock: systemClock };
const pendingDeps = {
  store,
  conversation: conversationStoreFromEnv(),
  work: backgroundWorkStoreFromEnv(),
  notifications: notificationStoreFromEnv(),
  queue: notifyQueueFromEnv(),
  keys: keysFromEnv(),
  clock: systemClock,
};
const pipeline = pipelineStoreFromEnv();
const settings = {
  minAgeSeconds: intEnv(ENV.sweeperMinAgeSeconds, 120),
  maxRequeues: intEnv(ENV.sweeperMaxRequeues, 5),
  batchLimit: intEnv(ENV.sweeperBatchLimit, 500),
};

/** The triage backlog for the dashboard: ideas in `in_triage`, from the pipeline counters (one Query of their shards). */
async function publishTriageBacklog(): Promise<void> {
  record.ideasInTriage(ideasInStatus(await pipeline.totals(), 'in_triage'));
}

/**
 * Scheduled: re-queues ideas stuck in `submitted` and notifications never delivered, and finishes
 * interrupted merges, so nothing accepted is lost. Each run publishes the ideas it found waiting
 * in `submitted` (zero included: the alarm on them reads every run) and the triage backlog.
 */
export const handler = middy<ScheduledEvent, SweepReport & PendingWorkReport>()
  .use(traceHandler())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(flushMetrics())
  .handler(async () => {
    // Each part runs whatever happens to the other (an intake queue outage must not hold up e-mail).
    const [stuck, pending, backlog] = await Promise.allSettled([sweepStuckIdeas(stuckDeps, settings), sweepPendingWork(pendingDeps, settings), publishTriageBacklog()]);
    // A sweep that failed part-way still did the rest of its work, and counted what it found.
    const swept = stuck.status === 'fulfilled' ? stuck.value : stuck.reason instanceof SweepIncompleteError ? stuck.reason.report : undefined;
    if (swept !== undefined) {
      record.ideasWaitingInSubmitted(swept.found);
      record.ideasAbandoned(swept.givenUp);
    }
    const finished = pending.status === 'fulfilled' ? pending.value : pending.reason instanceof PendingWorkIncompleteError ? pending.reason.report : undefined;
    if (finished !== undefined) record.notificationsAbandoned(finished.notificationsAbandoned);
    if (stuck.status === 'rejected') throw stuck.reason;
    if (pending.status === 'rejected') throw pending.reason;
    if (backlog.status === 'rejected') throw backlog.reason;
    return { ...stuck.value, ...pending.value };
  });

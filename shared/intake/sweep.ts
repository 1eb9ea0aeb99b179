import type { Clock } from '../domain/clock.ts';
import type { IntakeQueue } from '../queue/intake-queue.ts';
import { VersionConflictError, type IdeaStore } from '../store/ports.ts';
import { logger } from '../logger.ts';

export interface SweepSettings {
  /** Ideas in `submitted` for longer than this are considered stuck. */
  minAgeSeconds: number;
  /** After this many re-queues an idea is given up on and left for a person. */
  maxRequeues: number;
  /** The most ideas one run looks at, so one run's cost is bounded. */
  batchLimit: number;
}

/** The ideas one send carries: one SendMessageBatch (shared/queue/json-queue.ts). */
export const SWEEP_SEND_SIZE = 10;
/** After this many sends in a row have failed the queue is taken to be down: the rest wait for the next run. */
export const SWEEP_SEND_FAILURES_IN_A_ROW = 3;

export interface SweepReport {
  found: number;
  requeued: number;
  givenUp: number;
  failed: number;
}

/**
 * Re-queues ideas stuck in `submitted`: the queue send after the submit failed, or a worker
 * died and the message went to the dead-letter queue. Reads only the `submitted` list of the
 * status index, oldest first.
 *
 * An idea re-queued `maxRequeues` times is given up on: it is marked (with an audit event) and
 * so leaves the `submitted` list for a list of its own (STATUS#submitted#abandoned), and appears
 * in the triage inbox's `submitted` list; its submitter reads that it is delayed. Given-up ideas
 * therefore never fill the head of the list the sweeper reads, however many there are.
 *
 * One failed call does not end the run: a send that fails leaves only its own ideas for the next
 * run (after SWEEP_SEND_FAILURES_IN_A_ROW failed sends in a row the queue is taken to be down and
 * the rest wait too), and a re-queue that could not be counted or a give-up that could not be
 * written is left for the next run while the others go on; only then does the run fail, with
 * SweepIncompleteError. Otherwise, with many stuck ideas, one failure somewhere in every run (SQS
 * and DynamoDB do fail now and then) would keep the ideas behind it from ever being queued, and
 * the count that leads to the give-up from ever growing.
 */
export async function sweepStuckIdeas(
  deps: { store: Pick<IdeaStore, 'listInStatusSince' | 'recordRequeue' | 'transition'>; queue: IntakeQueue; clock: Clock },
  settings: SweepSettings,
): Promise<SweepReport> {
  const { store, queue } = deps;
  const before = new Date(deps.clock.now().getTime() - settings.minAgeSeconds * 1000).toISOString();
  const stuck = await store.listInStatusSince('submitted', before, settings.batchLimit);
  const toQueue = stuck.filter((idea) => idea.requeueCount < settings.maxRequeues);
  const failedIds = new Set<string>();
  const errors: Error[] = [];
  let failedInARow = 0;
  for (let start = 0; start < toQueue.length; start += SWEEP_SEND_SIZE) {
    const ids = toQueue.slice(start, start + SWEEP_SEND_SIZE).map((idea) => idea.id);
    if (failedInARow >= SWEEP_SEND_FAILURES_IN_A_ROW) {
      for (const id of ids) failedIds.add(id);
      continue;
    }
    try {
      for (const id of await queue.enqueue(ids)) failedIds.add(id);
      failedInARow = 0;
    } catch (error) {
      for (const id of ids) failedIds.add(id);
      failedInARow++;
      errors.push(error as Error);
    }
  }
  for (const idea of toQueue) {
    if (failedIds.has(idea.id)) continue;
    try {
      await store.recordRequeue(idea);
    } catch (error) {
      // Queued but not counted: the count is one short, so the give-up comes one run later.
      errors.push(error as Error);
    }
  }
  const givenUp: string[] = [];
  const at = deps.clock.now().toISOString();
  for (const idea of stuck.filter((candidate) => candidate.requeueCount >= settings.maxRequeues)) {
    try {
      await store.transition({ idea, to: 'submitted', change: 'intake_abandoned', actor: { kind: 'system' }, at, set: { intakeAbandonedAt: at } });
      givenUp.push(idea.id);
    } catch (error) {
      // Admitted or withdrawn meanwhile: no longer stuck. Anything else: the next run tries again.
      if (!(error instanceof VersionConflictError)) errors.push(error as Error);
    }
  }
  if (givenUp.length > 0) {
    logger.error('Ideas stuck in submitted after repeated re-queues: given up, and listed for the triage team (inbox status "submitted"); look at the intake dead-letter queue', {
      givenUp: givenUp.length,
      ideaIds: givenUp,
      maxRequeues: settings.maxRequeues,
    });
  }
  const report = { found: stuck.length, requeued: toQueue.length - failedIds.size, givenUp: givenUp.length, failed: failedIds.size };
  if (report.found > 0) logger.info('Sweep finished', { ...report });
  if (errors.length > 0) throw new SweepIncompleteError(report, errors, failedInARow >= SWEEP_SEND_FAILURES_IN_A_ROW);
  return report;
}

/**
 * A sweep that did all it could while some of its calls failed: the run fails (so the failure is
 * seen, as a function error), after the rest of the work was done. It carries the run's report.
 */
export class SweepIncompleteError extends Error {
  override name = 'SweepIncompleteError';
  readonly report: SweepReport;

  constructor(report: SweepReport, errors: readonly Error[], queueDown: boolean) {
    super(
      `The sweep of stuck ideas did the rest of its work, but ${errors.length} call(s) failed${queueDown ? ' (the intake queue taken as down)' : ''}; ` +
        `the next run tries them again. The first: ${errors[0]?.name}: ${errors[0]?.message}`,
      { cause: errors[0] },
    );
    this.report = report;
  }
}

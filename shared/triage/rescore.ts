import type { Clock } from '../domain/clock.ts';
/**
 * Re-scoring every undecided idea against a new strategy version, without a recursive chain:
 * the start reads the ids of the ideas to re-score and queues them, 25 to a message, and the
 * rescore worker re-scores exactly the ideas of its message. No function sends to the queue it
 * consumes, so Lambda's recursive loop detection (which stops the 17th invocation of a function
 * in one chain) never meets it, however many ideas there are. The job item records progress.
 */
import { randomBytes } from 'node:crypto';
import type { Idea } from '../domain/idea.ts';
import { RESCORE_STATUSES, rescoreProgress, type RescoreJob, type RescoreProgress } from '../domain/rescore.ts';
import type { Strategy } from '../domain/strategy/strategy.ts';
import type { RescoreQueue } from '../queue/rescore-queue.ts';
import { RESCORE_PAGE_SIZE, type RescoreMessage } from '../schemas/rescore.ts';
import { VersionConflictError, type IdeaStore, type RescoreJobStore, type StoreCursor, type StrategyStore } from '../store/ports.ts';
import { themeAlignment } from '../intake/admit.ts';
import { logger } from '../logger.ts';
import { scorecardFor } from './score.ts';

/** SQS takes at most ten messages in one SendMessageBatch. */
const MESSAGES_PER_SEND = 10;

/** Ids in one send of messages, and read per Query of the status index. */
const IDS_PER_SEND = RESCORE_PAGE_SIZE * MESSAGES_PER_SEND;

/** Tries of one idea's re-scoring when somebody else changes it at the same moment. */
const ATTEMPTS = 3;

export interface RescoreDependencies {
  store: Pick<IdeaStore, 'getIdea' | 'getIdeas' | 'transition'>;
  strategies: Pick<StrategyStore, 'current'>;
  jobs: Pick<RescoreJobStore, 'markSuperseded' | 'markPageDone'>;
  clock: Clock;
}

export interface StartDependencies {
  store: Pick<IdeaStore, 'listIdsInStatus'>;
  strategies: Pick<StrategyStore, 'current'>;
  jobs: Pick<RescoreJobStore, 'create' | 'addQueued' | 'finishQueueing'>;
  queue: RescoreQueue;
  clock: Clock;
}

/** A job id that sorts by the time the job started: `20261122T100000123Z-3f6c2a9e`. */
export function newRescoreJobId(at: Date): string {
  return `${at.toISOString().replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;
}

/**
 * Starts re-scoring every undecided idea against the current strategy: creates the job, then
 * reads the ids of the ideas in each undecided status from the status index (ids only, a few
 * hundred a Query) and queues them in messages of RESCORE_PAGE_SIZE ids, ten messages a send,
 * counting on the job what it queued. An idea that moves between the undecided statuses while
 * this runs may be queued twice (harmless: the worker skips an idea already at the version) or
 * missed (it moved to a status already read); starting again re-scores only what was missed.
 */
export async function startRescore(deps: StartDependencies, startedBy: string): Promise<RescoreProgress> {
  const { version } = await deps.strategies.current();
  const started = deps.clock.now();
  const job: RescoreJob = { id: newRescoreJobId(started), strategyVersion: version, startedAt: started.toISOString(), startedBy, pagesQueued: 0, ideasQueued: 0, pagesDone: 0 };
  await deps.jobs.create(job);

  // One send of up to ten messages of 25 ids each, then its count on the job.
  const queuePages = async (ids: readonly string[]) => {
    const messages: RescoreMessage[] = [];
    for (let start = 0; start < ids.length; start += RESCORE_PAGE_SIZE) {
      messages.push({ jobId: job.id, strategyVersion: version, page: job.pagesQueued + messages.length, ideaIds: ids.slice(start, start + RESCORE_PAGE_SIZE) });
    }
    await deps.queue.send(messages);
    await deps.jobs.addQueued(job.id, messages.length, ids.length);
    job.pagesQueued += messages.length;
    job.ideasQueued += ids.length;
  };
  const waiting: string[] = [];
  for (const status of RESCORE_STATUSES) {
    let cursor: StoreCursor | undefined;
    do {
      const page = await deps.store.listIdsInStatus(status, IDS_PER_SEND, cursor);
      waiting.push(...page.items);
      while (waiting.length >= IDS_PER_SEND) await queuePages(waiting.splice(0, IDS_PER_SEND));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }
  if (waiting.length > 0) await queuePages(waiting);
  job.queuedAt = deps.clock.now().toISOString();
  await deps.jobs.finishQueueing(job.id, job.queuedAt);
  logger.info('Re-scoring queued', { jobId: job.id, strategyVersion: version, pages: job.pagesQueued, ideas: job.ideasQueued });
  return rescoreProgress(job);
}

export interface RescoreReport {
  rescored: number;
  unchanged: number;
  superseded: boolean;
}

/**
 * Re-scores the ideas of one message: each idea still undecided and not yet aligned with the
 * job's strategy version gets a new theme alignment and scorecard (triage's own scores kept,
 * suggestions recomputed), with an audit event; then the page is marked done on the job.
 * Idempotent: an idea already at the version is left alone, so a redelivered page changes
 * nothing twice. A job for a version that is no longer current stops: the newer version's job
 * does the work.
 */
export async function rescorePage(deps: RescoreDependencies, message: RescoreMessage): Promise<RescoreReport> {
  const strategy = await deps.strategies.current();
  if (strategy.version !== message.strategyVersion) {
    logger.info('Re-scoring job superseded by a newer strategy', { jobId: message.jobId, jobVersion: message.strategyVersion, current: strategy.version });
    await deps.jobs.markSuperseded(message.jobId, deps.clock.now().toISOString());
    return { rescored: 0, unchanged: 0, superseded: true };
  }
  const ideas = await deps.store.getIdeas(message.ideaIds);
  let rescored = 0;
  for (const idea of ideas) {
    if (await rescoreIdea(deps, strategy, idea)) rescored++;
  }
  await deps.jobs.markPageDone(message.jobId, message.page);
  return { rescored, unchanged: message.ideaIds.length - rescored, superseded: false };
}

/** Re-scores one idea unless it is decided or already at the version; true when it did. */
async function rescoreIdea(deps: RescoreDependencies, strategy: Strategy, read: Idea): Promise<boolean> {
  let idea: Idea | undefined = read;
  for (let attempt = 1; ; attempt++) {
    if (idea === undefined || !RESCORE_STATUSES.includes(idea.status) || idea.themeAlignment?.strategyVersion === strategy.version) return false;
    const at = deps.clock.now().toISOString();
    const alignment = themeAlignment(idea, strategy);
    const given = Object.fromEntries(
      Object.entries(idea.scorecard?.scores ?? {})
        .filter(([, score]) => score.source === 'triage')
        .map(([id, score]) => [id, score.value]),
    );
    const { scorecard } = scorecardFor({ ...idea, themeAlignment: alignment }, strategy, given, at, idea.scorecard?.scoredBy);
    try {
      await deps.store.transition({ idea, to: idea.status, change: 'rescore', actor: { kind: 'system' }, at, set: { themeAlignment: alignment, scorecard } });
      return true;
    } catch (error) {
      // Changed by somebody else since it was read: read it again, a few times; then the page is retried.
      if (!(error instanceof VersionConflictError) || attempt === ATTEMPTS) throw error;
      idea = await deps.store.getIdea(idea.id);
    }
  }
}

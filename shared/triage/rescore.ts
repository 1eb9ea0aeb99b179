import type { IdeaStatus } from '../domain/idea.ts';
import type { RescoreQueue } from '../queue/rescore-queue.ts';
import type { RescoreMessage } from '../schemas/rescore.ts';
import { ConcurrentChangeError, type IdeaStore } from '../store/ideas.ts';
import type { StrategyStore } from '../store/strategy.ts';
import { themeAlignment } from '../intake/admit.ts';
import { logger } from '../logger.ts';
import { scorecardFor } from './score.ts';

/** Ideas not yet decided: they are the ones whose theme alignment follows the strategy. */
export const RESCORE_STATUSES: readonly IdeaStatus[] = ['in_triage', 'needs_info', 'parked'];

/** Ideas per page: one message's work, well inside the worker's timeout. */
export const RESCORE_PAGE_SIZE = 25;

export interface RescoreDependencies {
  store: IdeaStore;
  strategies: StrategyStore;
  queue: RescoreQueue;
  now?: () => Date;
}

/** Starts re-scoring every undecided idea against the current strategy: one job per status. */
export async function startRescore(deps: Pick<RescoreDependencies, 'strategies' | 'queue'>): Promise<{ strategyVersion: number }> {
  const { version } = await deps.strategies.current();
  await deps.queue.send(RESCORE_STATUSES.map((status) => ({ strategyVersion: version, status })));
  return { strategyVersion: version };
}

export interface RescoreReport {
  rescored: number;
  unchanged: number;
  next: boolean;
}

/**
 * Re-scores one page: each idea not yet aligned with the job's strategy version gets a new
 * theme alignment and scorecard (triage's own scores kept, suggestions recomputed), with an
 * audit event. Then the next page is queued. Idempotent: an idea already at the version is
 * left alone, so a redelivered page changes nothing twice. A job for a version that is no longer
 * current stops: the newer version's job does the work.
 */
export async function rescorePage(deps: RescoreDependencies, message: RescoreMessage): Promise<RescoreReport> {
  const strategy = await deps.strategies.current();
  if (strategy.version !== message.strategyVersion) {
    logger.info('Re-scoring job superseded by a newer strategy', { jobVersion: message.strategyVersion, current: strategy.version });
    return { rescored: 0, unchanged: 0, next: false };
  }
  const page = await deps.store.listByStatus(message.status, RESCORE_PAGE_SIZE, message.cursor);
  let rescored = 0;
  for (const listed of page.items) {
    // Read each idea again, so a change since the page was listed is not overwritten.
    for (let attempt = 0; attempt < 3; attempt++) {
      const idea = attempt === 0 ? listed : await deps.store.getIdea(listed.id);
      if (idea === undefined || idea.status !== message.status || idea.themeAlignment?.strategyVersion === strategy.version) break;
      const at = (deps.now ?? (() => new Date()))().toISOString();
      const alignment = themeAlignment(idea, strategy);
      const given = Object.fromEntries(
        Object.entries(idea.scorecard?.scores ?? {})
          .filter(([, score]) => score.source === 'triage')
          .map(([id, score]) => [id, score.value]),
      );
      const { scorecard } = scorecardFor({ ...idea, themeAlignment: alignment }, strategy, given, at, idea.scorecard?.scoredBy);
      try {
        await deps.store.transition({ idea, to: idea.status, change: 'rescore', actor: { kind: 'system' }, at, set: { themeAlignment: alignment, scorecard } });
        rescored++;
        break;
      } catch (error) {
        if (!(error instanceof ConcurrentChangeError)) throw error;
      }
    }
  }
  if (page.nextCursor !== undefined) await deps.queue.send([{ ...message, cursor: page.nextCursor }]);
  return { rescored, unchanged: page.items.length - rescored, next: page.nextCursor !== undefined };
}

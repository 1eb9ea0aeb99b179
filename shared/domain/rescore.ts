/**
 * What re-scoring works on and how far a job has come, pure: the start and the worker
 * (shared/triage/rescore.ts) and the progress route (functions/get-rescore-progress.ts) share it,
 * so the route's bundle holds no scoring code.
 */
import type { IdeaStatus } from './idea.ts';

/** Ideas not yet decided: they are the ones whose theme alignment follows the strategy. */
export const RESCORE_STATUSES: readonly IdeaStatus[] = ['in_triage', 'needs_info', 'parked'];

/** A re-scoring job as its item records it (shared/store/rescore-jobs.ts). */
export interface RescoreJob {
  id: string;
  strategyVersion: number;
  startedAt: string;
  /** The subject of who started it. */
  startedBy: string;
  pagesQueued: number;
  ideasQueued: number;
  /** Set when every page is queued; until then the start is still fanning out (or failed half way). */
  queuedAt?: string;
  pagesDone: number;
  /** Set when a worker found a newer strategy version: that version's job does the work. */
  supersededAt?: string;
}

/** What the start answers and the progress route shows: `done` once every page queued is done. */
export interface RescoreProgress {
  jobId: string;
  strategyVersion: number;
  status: 'queueing' | 'running' | 'done' | 'superseded';
  pagesQueued: number;
  ideasQueued: number;
  pagesDone: number;
}

export function rescoreProgress(job: RescoreJob): RescoreProgress {
  const status = job.supersededAt !== undefined ? 'superseded' : job.queuedAt === undefined ? 'queueing' : job.pagesDone >= job.pagesQueued ? 'done' : 'running';
  return { jobId: job.id, strategyVersion: job.strategyVersion, status, pagesQueued: job.pagesQueued, ideasQueued: job.ideasQueued, pagesDone: job.pagesDone };
}

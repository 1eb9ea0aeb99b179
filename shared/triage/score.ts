import type { Clock } from '../domain/clock.ts';
import type { Idea, Scorecard } from '../domain/idea.ts';
import { RefusedError } from '../domain/refusals.ts';
import type { Caller } from '../domain/roles.ts';
import { mergeScores, priorityOf, suggestedScores, type Priority } from '../domain/scorecard.ts';
import type { Strategy } from '../domain/strategy/strategy.ts';
import { matchesVersion, type VersionMatch } from '../domain/versions.ts';
import { type IdeaStore, type StrategyStore } from '../store/ports.ts';

export interface ScoreDependencies {
  store: Pick<IdeaStore, 'getIdea' | 'transition'>;
  strategies: Pick<StrategyStore, 'current'>;
  clock: Clock;
}

/**
 * The scorecard an idea gets from what triage gave and what the idea suggests, against a
 * strategy version. Pure.
 */
export function scorecardFor(idea: Idea, strategy: Strategy, given: Readonly<Record<string, number>>, at: string, scoredBy?: string): { scorecard: Scorecard; priority: Priority } {
  const scores = mergeScores(strategy.criteria, given, suggestedScores(idea));
  const priority = priorityOf(scores, strategy.criteria);
  return {
    scorecard: {
      strategyVersion: strategy.version,
      scores,
      priority: priority.score,
      complete: priority.complete,
      scoredAt: at,
      ...(scoredBy === undefined ? {} : { scoredBy }),
    },
    priority,
  };
}

/**
 * Triage scores an idea against the current strategy's criteria. `given` replaces triage's
 * earlier scores; criteria it leaves out keep their suggestion. The change is written with an
 * audit event, only if the version read satisfies `If-Match` and while the idea is still at it.
 */
export async function scoreIdea(
  deps: ScoreDependencies,
  request: { ideaId: string; ifMatch: VersionMatch; given: Record<string, number>; caller: Caller },
): Promise<{ idea: Idea; priority: Priority; strategy: Strategy }> {
  const idea = await deps.store.getIdea(request.ideaId);
  if (idea === undefined) throw new RefusedError({ kind: 'idea-not-found' });
  if (!matchesVersion(request.ifMatch, idea.version)) throw new RefusedError({ kind: 'stale-version' });
  const strategy = await deps.strategies.current();
  const known = new Set(strategy.criteria.map((criterion) => criterion.id));
  const unknown = Object.keys(request.given).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new RefusedError({ kind: 'unknown-criteria', ids: unknown });
  const at = deps.clock.now().toISOString();
  const { scorecard, priority } = scorecardFor(idea, strategy, request.given, at, request.caller.sub);
  const updated = await deps.store.transition({
    idea,
    to: idea.status,
    change: 'scorecard',
    actor: { kind: 'staff', sub: request.caller.sub, ...(request.caller.name === undefined ? {} : { name: request.caller.name }) },
    at,
    set: { scorecard },
  });
  return { idea: updated, priority, strategy };
}

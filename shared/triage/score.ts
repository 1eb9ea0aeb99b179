import type { Idea, Scorecard } from '../domain/idea.ts';
import type { Caller } from '../domain/roles.ts';
import { mergeScores, priorityOf, suggestedScores, type Priority } from '../domain/scorecard.ts';
import type { Strategy } from '../domain/strategy/strategy.ts';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../http/errors.ts';
import { matchesVersion, type VersionMatch } from '../http/preconditions.ts';
import type { Language } from '../domain/idea.ts';
import { VersionConflictError, type IdeaStore, type StrategyStore } from '../store/ports.ts';

export interface ScoreDependencies {
  store: IdeaStore;
  strategies: StrategyStore;
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
  request: { ideaId: string; ifMatch: VersionMatch; given: Record<string, number>; caller: Caller; language: Language; at: string },
): Promise<{ idea: Idea; priority: Priority; strategy: Strategy }> {
  const idea = await deps.store.getIdea(request.ideaId);
  if (idea === undefined) throw new NotFoundError({ da: 'Der er ingen idé med det id.', en: 'There is no idea with that id.' });
  if (!matchesVersion(request.ifMatch, idea.version)) throw new PreconditionFailedError();
  const strategy = await deps.strategies.current();
  const known = new Set(strategy.criteria.map((criterion) => criterion.id));
  const unknown = Object.keys(request.given).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ValidationError(
      unknown.map((id) => ({
        pointer: `/scores/${id}`,
        detail: request.language === 'da' ? `Strategien har intet kriterium ${id}` : `The strategy has no criterion ${id}`,
      })),
    );
  }
  const { scorecard, priority } = scorecardFor(idea, strategy, request.given, request.at, request.caller.sub);
  try {
    const updated = await deps.store.transition({
      idea,
      to: idea.status,
      change: 'scorecard',
      actor: { kind: 'staff', sub: request.caller.sub, ...(request.caller.name === undefined ? {} : { name: request.caller.name }) },
      at: request.at,
      set: { scorecard },
    });
    return { idea: updated, priority, strategy };
  } catch (error) {
    if (error instanceof VersionConflictError) throw new PreconditionFailedError();
    throw error;
  }
}

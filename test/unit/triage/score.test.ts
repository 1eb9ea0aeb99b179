import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/roles.ts';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../../../shared/http/errors.ts';
import type { Language } from '../../../shared/domain/idea.ts';
import { scoreIdea as scoreUseCase, type ScoreDependencies } from '../../../shared/triage/score.ts';
import { fixedClock } from '../support/clock.ts';
import { asProblem, rejectionOf } from '../support/errors.ts';
import { InMemoryIdeaStore, InMemoryStrategyStore } from '../support/fakes.ts';
import { aFrictionIdeaWithoutFigures, anIdea, IDEA_ID } from '../support/ideas.ts';
import { aStrategy } from '../support/strategy.ts';

const AT = '2026-11-22T10:00:00.000Z';
const tove: Caller = { sub: 'tove', name: 'Tove Ågård', roles: ['employee', 'triage'] };
const strategies = new InMemoryStrategyStore({ ...aStrategy(), version: 2, createdAt: AT, createdBy: 'system' });

/** Scores at `at`; a refusal rejects as the problem a route answers with, in `language`. */
function scoreIdea(deps: Omit<ScoreDependencies, 'clock'>, { language, at, ...request }: Parameters<typeof scoreUseCase>[1] & { language: Language; at: string }) {
  return asProblem(scoreUseCase({ ...deps, clock: fixedClock(at) }, request), language);
}

function setup() {
  const store = new InMemoryIdeaStore().seed(anIdea({ status: 'in_triage', version: 2, frictionHoursPerYear: 120 }));
  return { store, deps: { store, strategies } };
}

describe('scoreIdea', () => {
  it('stores the scorecard with the strategy version, bumps the version and audits who scored', async () => {
    // Prepare
    const { store, deps } = setup();

    // Act
    const result = await scoreIdea(deps, { ideaId: IDEA_ID, ifMatch: [2], given: { strategic_fit: 4 }, caller: tove, language: 'da', at: AT });

    // Assess: strategic fit 4 (weight 3) from triage, benefit 2 (weight 1) suggested from 120 h → (3 + 0.5) / 4 × 100.
    expect(result.priority.score).toBe(87.5);
    const stored = store.ideas.get(IDEA_ID);
    expect(stored?.version).toBe(3);
    expect(stored?.status).toBe('in_triage');
    expect(stored?.scorecard).toEqual({
      strategyVersion: 2,
      scores: { strategic_fit: { value: 4, source: 'triage' }, benefit: { value: 2, source: 'suggested' } },
      priority: 87.5,
      complete: true,
      scoredAt: AT,
      scoredBy: 'tove',
    });
    expect(store.events.at(-1)).toMatchObject({ change: 'scorecard', from: 'in_triage', to: 'in_triage', actor: { kind: 'staff', sub: 'tove' } });
  });

  it('leaves benefit unscored on friction without figures until triage scores it, and says the priority is incomplete', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(aFrictionIdeaWithoutFigures({ status: 'in_triage', version: 2 }));

    // Act
    const result = await scoreIdea({ store, strategies }, { ideaId: IDEA_ID, ifMatch: [2], given: { strategic_fit: 4 }, caller: tove, language: 'da', at: AT });

    // Assess: strategic fit 4 (weight 3) alone → 3 / 4 × 100; benefit unknown, not 0 hours' worth of benefit.
    expect(result.priority.score).toBe(75);
    expect(result.priority.complete).toBe(false);
    expect(result.priority.lines.find((line) => line.criterionId === 'benefit')).toEqual({ criterionId: 'benefit', value: null, weight: 1, points: 0, source: 'unscored' });
  });

  it('completes the priority of friction without figures once triage scores benefit itself', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(aFrictionIdeaWithoutFigures({ status: 'in_triage', version: 2 }));

    // Act
    const result = await scoreIdea({ store, strategies }, { ideaId: IDEA_ID, ifMatch: [2], given: { strategic_fit: 4, benefit: 2 }, caller: tove, language: 'da', at: AT });

    // Assess
    expect(result.priority).toMatchObject({ score: 87.5, complete: true });
    expect(store.ideas.get(IDEA_ID)?.scorecard?.scores['benefit']).toEqual({ value: 2, source: 'triage' });
  });

  it('refuses a stale version with 412 and writes nothing', async () => {
    const { store, deps } = setup();

    const error = await rejectionOf(scoreIdea(deps, { ideaId: IDEA_ID, ifMatch: [1], given: {}, caller: tove, language: 'da', at: AT }));

    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(store.events).toEqual([]);
  });

  it('refuses a criterion the strategy does not have, naming it', async () => {
    const { deps } = setup();

    const error = await rejectionOf(scoreIdea(deps, { ideaId: IDEA_ID, ifMatch: [2], given: { charm: 3 }, caller: tove, language: 'en', at: AT }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([{ pointer: '/scores/charm', detail: 'The strategy has no criterion charm' }]);
  });

  it('answers 404 for an idea that does not exist', async () => {
    const { deps } = setup();

    const error = await rejectionOf(scoreIdea(deps, { ideaId: 'missing', ifMatch: [1], given: {}, caller: tove, language: 'da', at: AT }));

    expect(error).toBeInstanceOf(NotFoundError);
  });
});

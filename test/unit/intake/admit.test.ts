import { describe, expect, it, vi } from 'vitest';
import { admitToTriage, UnknownIdeaError } from '../../../shared/intake/admit.ts';
import { ConcurrentChangeError } from '../../../shared/store/ideas.ts';
import { rejectionOf } from '../support/errors.ts';
import { InMemoryIdeaStore, InMemorySimilarityIndex, InMemoryStrategyStore } from '../support/fakes.ts';
import { aStrategy } from '../support/strategy.ts';
import { aFrictionIdea, anIdea, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';

const NOW = new Date('2026-01-05T08:31:00.000Z');
const now = () => NOW;
const strategies = new InMemoryStrategyStore({ ...aStrategy(), version: 3, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system' });

describe('admitToTriage', () => {
  it('moves a submitted idea to in_triage, as the system, with its history event', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());

    // Act
    const outcome = await admitToTriage({ store, strategies, index: new InMemorySimilarityIndex() }, IDEA_ID, now);

    // Assess
    expect(outcome).toBe('admitted');
    expect(store.ideas.get(IDEA_ID)).toMatchObject({ status: 'in_triage', statusChangedAt: NOW.toISOString(), version: 2 });
    expect(store.events).toEqual([{ ideaId: IDEA_ID, version: 2, at: NOW.toISOString(), from: 'submitted', to: 'in_triage', actor: { kind: 'system' } }]);
  });

  it('aligns the idea with the current strategy’s themes and records that version', async () => {
    // Prepare: the test strategy's automation theme has the keyword "dobbeltindtastning".
    const store = new InMemoryIdeaStore().seed(anIdea({ title: 'Dobbeltindtastning i tre systemer', description: 'Vi taster de samme oplysninger tre gange, dobbeltindtastning hver dag.' }));

    // Act
    await admitToTriage({ store, strategies, index: new InMemorySimilarityIndex() }, IDEA_ID, now);

    // Assess
    const alignment = store.ideas.get(IDEA_ID)?.themeAlignment;
    expect(alignment?.strategyVersion).toBe(3);
    expect(alignment?.scores[0]?.themeId).toBe('automatisering');
    expect(alignment?.scores[0]?.matchedTerms).toContain('dobbeltindtastning');
  });

  it('finds an earlier idea about the same friction as a likely duplicate, and files the new one', async () => {
    // Prepare: the first idea is admitted; a second, about the same bøvl, arrives.
    const store = new InMemoryIdeaStore();
    const index = new InMemorySimilarityIndex();
    const first = anIdea({ id: OTHER_IDEA_ID, title: 'Dobbeltindtastning af medicinlister', description: 'Vi taster medicinlisten ind både i omsorgssystemet og i apotekets system hver uge.' });
    store.seed(first);
    await admitToTriage({ store, strategies, index }, OTHER_IDEA_ID, now);
    store.seed(anIdea({ title: 'Medicinlister tastes ind to gange', description: 'Hver uge taster vi medicinlisten ind i omsorgssystemet og igen i apotekets system.' }));

    // Act
    await admitToTriage({ store, strategies, index }, IDEA_ID, now);

    // Assess
    const candidates = store.ideas.get(IDEA_ID)?.duplicateCandidates ?? [];
    expect(candidates.map((candidate) => candidate.ideaId)).toEqual([OTHER_IDEA_ID]);
    expect(candidates[0]?.similarity).toBeGreaterThan(0.3);
    expect(store.ideas.get(IDEA_ID)?.shingles?.length).toBeGreaterThan(0);
    expect([...index.bands.values()].some((sortKeys) => sortKeys.some((sortKey) => sortKey.endsWith(IDEA_ID)))).toBe(true);
  });

  it('computes the friction hours per year on the way in', async () => {
    // Prepare: 3 times a day × 10 minutes × 12 people
    const store = new InMemoryIdeaStore().seed(aFrictionIdea());

    // Act
    await admitToTriage({ store, strategies, index: new InMemorySimilarityIndex() }, IDEA_ID, now);

    // Assess
    expect(store.ideas.get(IDEA_ID)?.frictionHoursPerYear).toBe(1380);
  });

  it('gives a plain idea no friction hours', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());

    // Act
    await admitToTriage({ store, strategies, index: new InMemorySimilarityIndex() }, IDEA_ID, now);

    // Assess
    expect(store.ideas.get(IDEA_ID)).not.toHaveProperty('frictionHoursPerYear');
  });

  it.each(['in_triage', 'needs_info', 'declined', 'withdrawn'] as const)('changes nothing when the idea is already %s (a repeated delivery)', async (status) => {
    // Prepare
    const idea = anIdea({ status, version: 4 });
    const store = new InMemoryIdeaStore().seed(idea);

    // Act
    const outcome = await admitToTriage({ store, strategies, index: new InMemorySimilarityIndex() }, IDEA_ID, now);

    // Assess
    expect(outcome).toBe('already-admitted');
    expect(store.ideas.get(IDEA_ID)).toEqual(idea);
    expect(store.events).toEqual([]);
  });

  it('admits an idea once when the same message is delivered twice', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());

    // Act
    const first = await admitToTriage({ store, strategies, index: new InMemorySimilarityIndex() }, IDEA_ID, now);
    const second = await admitToTriage({ store, strategies, index: new InMemorySimilarityIndex() }, IDEA_ID, now);

    // Assess
    expect([first, second]).toEqual(['admitted', 'already-admitted']);
    expect(store.events).toHaveLength(1);
  });

  it('treats losing a race to another delivery as already admitted', async () => {
    // Prepare: the other delivery moves the idea between our read and our write
    const store = new InMemoryIdeaStore().seed(anIdea());
    const transition = store.transition.bind(store);
    vi.spyOn(store, 'transition').mockImplementationOnce(async (change) => {
      await transition(change);
      return transition(change);
    });

    // Act
    const outcome = await admitToTriage({ store, strategies, index: new InMemorySimilarityIndex() }, IDEA_ID, now);

    // Assess
    expect(outcome).toBe('already-admitted');
    expect(store.ideas.get(IDEA_ID)?.status).toBe('in_triage');
  });

  it('rethrows a conflict when the idea is still submitted, so the message is retried', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());
    vi.spyOn(store, 'transition').mockRejectedValueOnce(new ConcurrentChangeError('requeueCount changed'));

    // Act
    const error = await rejectionOf(admitToTriage({ store, strategies, index: new InMemorySimilarityIndex() }, IDEA_ID, now));

    // Assess
    expect(error).toBeInstanceOf(ConcurrentChangeError);
  });

  it('rethrows other store errors', async () => {
    // Prepare
    const store = new InMemoryIdeaStore().seed(anIdea());
    vi.spyOn(store, 'transition').mockRejectedValueOnce(new Error('DynamoDB is unavailable'));

    // Act
    const error = await rejectionOf(admitToTriage({ store, strategies, index: new InMemorySimilarityIndex() }, IDEA_ID, now));

    // Assess
    expect(error.message).toBe('DynamoDB is unavailable');
  });

  it('throws UnknownIdeaError for an idea that is not stored', async () => {
    // Prepare
    const store = new InMemoryIdeaStore();

    // Act
    const error = await rejectionOf(admitToTriage({ store, strategies, index: new InMemorySimilarityIndex() }, IDEA_ID, now));

    // Assess
    expect(error).toBeInstanceOf(UnknownIdeaError);
    expect(error.message).toContain(IDEA_ID);
  });
});

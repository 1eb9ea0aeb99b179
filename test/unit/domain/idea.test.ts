import { describe, expect, it } from 'vitest';
import { allowedTransitions, canTransition, IDEA_STATUSES, type IdeaStatus } from '../../../shared/domain/idea.ts';

/** The lifecycle of ../shared/DESIGN.md ("Idea lifecycle"), written out pair by pair. */
const LIFECYCLE: Record<IdeaStatus, readonly IdeaStatus[]> = {
  submitted: ['in_triage', 'withdrawn'],
  in_triage: ['needs_info', 'accepted', 'parked', 'declined', 'duplicate', 'redirected', 'withdrawn'],
  needs_info: ['in_triage', 'parked', 'declined', 'duplicate', 'redirected', 'withdrawn'],
  parked: ['in_triage', 'declined', 'duplicate', 'withdrawn'],
  accepted: [],
  declined: [],
  duplicate: [],
  redirected: [],
  withdrawn: [],
};

const allPairs = IDEA_STATUSES.flatMap((from) => IDEA_STATUSES.map((to) => [from, to] as const));
const allowedPairs = allPairs.filter(([from, to]) => LIFECYCLE[from].includes(to));
const forbiddenPairs = allPairs.filter(([from, to]) => !LIFECYCLE[from].includes(to));

describe('canTransition', () => {
  it.each(allowedPairs)('allows %s → %s', (from, to) => {
    // Act
    const allowed = canTransition(from, to);

    // Assess
    expect(allowed).toBe(true);
  });

  it.each(forbiddenPairs)('forbids %s → %s', (from, to) => {
    // Act
    const allowed = canTransition(from, to);

    // Assess
    expect(allowed).toBe(false);
  });

  it.each(IDEA_STATUSES)('never moves an idea back to submitted (from %s)', (from) => {
    // Act
    const allowed = canTransition(from, 'submitted');

    // Assess
    expect(allowed).toBe(false);
  });

  it.each(['submitted', 'in_triage', 'needs_info', 'parked'] as const)('lets the submitter withdraw an open idea (%s)', (from) => {
    // Act
    const allowed = canTransition(from, 'withdrawn');

    // Assess
    expect(allowed).toBe(true);
  });
});

describe('allowedTransitions', () => {
  it.each(['accepted', 'declined', 'duplicate', 'redirected', 'withdrawn'] as const)('ends the lifecycle at %s', (status) => {
    // Act
    const next = allowedTransitions(status);

    // Assess
    expect(next).toEqual([]);
  });

  it.each(IDEA_STATUSES)('lists exactly the lifecycle successors of %s', (status) => {
    // Act
    const next = allowedTransitions(status);

    // Assess
    expect([...next].sort()).toEqual([...LIFECYCLE[status]].sort());
  });

  it('only lets a submitted idea go to triage or be withdrawn', () => {
    // Act
    const next = allowedTransitions('submitted');

    // Assess
    expect(next).toEqual(['in_triage', 'withdrawn']);
  });
});

describe('the lifecycle after triage has asked or parked', () => {
  it('lets triage park, decline, merge or redirect an idea that awaits the submitter’s answer', () => {
    // Act
    const next = (['parked', 'declined', 'duplicate', 'redirected'] as const).map((to) => canTransition('needs_info', to));

    // Assess
    expect(next).toEqual([true, true, true, true]);
  });

  it('brings an answered idea back to triage rather than accepting it straight away', () => {
    // Act
    const back = canTransition('needs_info', 'in_triage');
    const accepted = canTransition('needs_info', 'accepted');

    // Assess
    expect(back).toBe(true);
    expect(accepted).toBe(false);
  });

  it('lets triage decline or merge a parked idea without bringing it back first', () => {
    // Act
    const next = (['declined', 'duplicate'] as const).map((to) => canTransition('parked', to));

    // Assess
    expect(next).toEqual([true, true]);
  });

  it('does not accept, redirect or question a parked idea before it is back in triage', () => {
    // Act
    const next = (['accepted', 'redirected', 'needs_info'] as const).map((to) => canTransition('parked', to));

    // Assess
    expect(next).toEqual([false, false, false]);
  });
});

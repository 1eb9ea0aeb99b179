import { describe, expect, it } from 'vitest';
import {
  acceptsSupport,
  allowedDecisions,
  canWithdraw,
  DECISION_KINDS,
  decisionRecord,
  decisionTarget,
  type DecisionKind,
  type DecisionRequest,
} from '../../../shared/domain/decisions.ts';
import { canTransition, IDEA_STATUSES, type IdeaStatus, type StaffMember } from '../../../shared/domain/idea.ts';

const BY: StaffMember = { sub: 'triage-1', name: 'Søren Ærø' };
const AT = '2026-02-03T10:15:00.000Z';
const OTHER_IDEA = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** Which decisions the console offers for each status, in the order it shows them. */
const DECISIONS_BY_STATUS: Record<IdeaStatus, DecisionKind[]> = {
  submitted: [],
  in_triage: ['needs_info', 'accept', 'park', 'decline', 'duplicate', 'redirect'],
  needs_info: ['park', 'decline', 'duplicate', 'redirect'],
  parked: ['decline', 'duplicate'],
  accepted: [],
  declined: [],
  duplicate: [],
  redirected: [],
  withdrawn: [],
};

describe('allowedDecisions', () => {
  it.each(IDEA_STATUSES)('offers exactly the decisions the lifecycle allows in %s', (status) => {
    // Act
    const decisions = allowedDecisions(status);

    // Assess
    expect(decisions).toEqual(DECISIONS_BY_STATUS[status]);
  });

  it('offers every decision, in the console’s order, for an idea in triage', () => {
    // Act
    const decisions = allowedDecisions('in_triage');

    // Assess
    expect(decisions).toEqual([...DECISION_KINDS]);
  });

  it('offers no decision on an idea that intake has not enriched yet', () => {
    // Act
    const decisions = allowedDecisions('submitted');

    // Assess
    expect(decisions).toEqual([]);
  });

  it.each(['accepted', 'declined', 'duplicate', 'redirected', 'withdrawn'] as const)('offers no decision on a closed idea (%s)', (status) => {
    // Act
    const decisions = allowedDecisions(status);

    // Assess
    expect(decisions).toEqual([]);
  });

  it('does not let triage accept an idea that still awaits the submitter’s answer', () => {
    // Act
    const decisions = allowedDecisions('needs_info');

    // Assess
    expect(decisions).not.toContain('accept');
    expect(decisions).not.toContain('needs_info');
  });

  it('lets triage park, decline, merge or redirect an idea that awaits an answer', () => {
    // Act
    const decisions = allowedDecisions('needs_info');

    // Assess
    expect(decisions).toEqual(expect.arrayContaining(['park', 'decline', 'duplicate', 'redirect']));
  });

  it('lets triage decline or merge a parked idea, but not accept it before it is back in triage', () => {
    // Act
    const decisions = allowedDecisions('parked');

    // Assess
    expect(decisions).toEqual(['decline', 'duplicate']);
  });

  it.each(IDEA_STATUSES)('only offers decisions whose target status the lifecycle allows from %s', (status) => {
    // Act
    const decisions = allowedDecisions(status);

    // Assess
    for (const kind of decisions) expect(canTransition(status, decisionTarget(kind))).toBe(true);
    for (const kind of DECISION_KINDS.filter((kind) => !decisions.includes(kind))) expect(canTransition(status, decisionTarget(kind))).toBe(false);
  });
});

describe('decisionTarget', () => {
  it.each([
    ['needs_info', 'needs_info'],
    ['accept', 'accepted'],
    ['park', 'parked'],
    ['decline', 'declined'],
    ['duplicate', 'duplicate'],
    ['redirect', 'redirected'],
  ] as const)('moves an idea decided %s to %s', (kind, status) => {
    // Act
    const target = decisionTarget(kind);

    // Assess
    expect(target).toBe(status);
  });

  it('leads every decision to a different status', () => {
    // Act
    const targets = DECISION_KINDS.map(decisionTarget);

    // Assess
    expect(new Set(targets).size).toBe(DECISION_KINDS.length);
  });
});

describe('decisionRecord', () => {
  it('keeps the question of a needs_info decision as its message', () => {
    // Prepare
    const request: DecisionRequest = { decision: 'needs_info', question: 'Hvilke tre systemer drejer det sig om?' };

    // Act
    const record = decisionRecord(request, BY, AT);

    // Assess
    expect(record).toEqual({ kind: 'needs_info', at: AT, by: BY, message: 'Hvilke tre systemer drejer det sig om?' });
  });

  it('records an accept without a message as just who and when', () => {
    // Act
    const record = decisionRecord({ decision: 'accept' }, BY, AT);

    // Assess
    expect(record).toEqual({ kind: 'accept', at: AT, by: BY });
    expect(record).not.toHaveProperty('message');
  });

  it('adds what only the store knows, such as the pilot an accepted idea became', () => {
    // Act
    const record = decisionRecord({ decision: 'accept', message: 'Vi prøver det af i foråret.' }, BY, AT, { pilotId: 'pilot-1' });

    // Assess
    expect(record).toEqual({ kind: 'accept', at: AT, by: BY, message: 'Vi prøver det af i foråret.', pilotId: 'pilot-1' });
  });

  it('keeps the revisit day of a park decision', () => {
    // Act
    const record = decisionRecord({ decision: 'park', revisitOn: '2027-03-01' }, BY, AT);

    // Assess
    expect(record).toEqual({ kind: 'park', at: AT, by: BY, revisitOn: '2027-03-01' });
  });

  it('keeps the reason code and the message of a decline', () => {
    // Act
    const record = decisionRecord({ decision: 'decline', reasonCode: 'already_solved', message: 'Det nye omsorgssystem løser det.' }, BY, AT);

    // Assess
    expect(record).toEqual({ kind: 'decline', at: AT, by: BY, reasonCode: 'already_solved', message: 'Det nye omsorgssystem løser det.' });
  });

  it('records which idea a duplicate was merged into', () => {
    // Act
    const record = decisionRecord({ decision: 'duplicate', into: OTHER_IDEA }, BY, AT);

    // Assess
    expect(record).toEqual({ kind: 'duplicate', at: AT, by: BY, mergedInto: OTHER_IDEA });
  });

  it('records where a redirected request went and what the submitter was told', () => {
    // Act
    const record = decisionRecord({ decision: 'redirect', to: 'it_support', message: 'Ring til IT-support på 1234.' }, BY, AT);

    // Assess
    expect(record).toEqual({ kind: 'redirect', at: AT, by: BY, redirectTo: 'it_support', message: 'Ring til IT-support på 1234.' });
  });

  it.each(DECISION_KINDS)('names the member of staff who took the %s decision', (kind) => {
    // Prepare
    const requests: Record<DecisionKind, DecisionRequest> = {
      needs_info: { decision: 'needs_info', question: 'Hvor ofte sker det?' },
      accept: { decision: 'accept' },
      park: { decision: 'park', revisitOn: '2027-03-01' },
      decline: { decision: 'decline', reasonCode: 'no_capacity', message: 'Ikke nu.' },
      duplicate: { decision: 'duplicate', into: OTHER_IDEA },
      redirect: { decision: 'redirect', to: 'hr', message: 'Kontakt HR.' },
    };

    // Act
    const record = decisionRecord(requests[kind], BY, AT);

    // Assess
    expect(record).toMatchObject({ kind, at: AT, by: BY });
  });
});

describe('canWithdraw', () => {
  it.each(['submitted', 'in_triage', 'needs_info', 'parked'] as const)('lets the submitter withdraw an idea not yet decided (%s)', (status) => {
    // Act
    const allowed = canWithdraw(status);

    // Assess
    expect(allowed).toBe(true);
  });

  it.each(['accepted', 'declined', 'duplicate', 'redirected', 'withdrawn'] as const)('does not let the submitter withdraw a closed idea (%s)', (status) => {
    // Act
    const allowed = canWithdraw(status);

    // Assess
    expect(allowed).toBe(false);
  });
});

describe('acceptsSupport', () => {
  it.each(['submitted', 'in_triage', 'needs_info', 'parked', 'accepted'] as const)('lets colleagues support an idea that is still alive (%s)', (status) => {
    // Act
    const accepts = acceptsSupport(status);

    // Assess
    expect(accepts).toBe(true);
  });

  it.each(['declined', 'duplicate', 'redirected', 'withdrawn'] as const)('takes no support for an idea that has been closed (%s)', (status) => {
    // Act
    const accepts = acceptsSupport(status);

    // Assess
    expect(accepts).toBe(false);
  });
});

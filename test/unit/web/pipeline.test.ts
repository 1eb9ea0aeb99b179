import { describe, expect, it } from 'vitest';
import { apiFilter, boardAddress, boardFiltersOf, matchesFilters, ownersOf, stageClock, waitingReason, type PilotRow } from '../../../web/src/pages/pipeline/board.ts';
import { EMPTY_GATE_FORM, gateFormErrors, gateRefusal, gateRequest, type GateCheckTexts } from '../../../web/src/pages/pipeline/gate-decision.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const TODAY = '2026-03-10';
const LIMITS = { sprint: 14, pilot: 120, evaluation: 45, operations: 365 };
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

function row(fields: Partial<PilotRow> = {}): PilotRow {
  return {
    id: '6f1c3c9e-0000-4000-8000-000000000001',
    title: 'Talegenkendelse på Ærøhøj',
    stage: 'sprint',
    stageEnteredAt: daysAgo(3),
    department: 'Hjemmeplejen Åbyhøj',
    themes: ['automatisering'],
    ideaIds: [],
    createdAt: daysAgo(3),
    updatedAt: daysAgo(3),
    ...fields,
  };
}

const TEXTS: GateCheckTexts = { required: 'required', minChars: (min) => `min ${min}`, learnings: 'two sentences' };

describe('the board’s filters', () => {
  it('are read from the address and written back in a fixed order, empty values left out', () => {
    const filters = boardFiltersOf({ owner: 'bent', department: ' Hjemmeplejen Åbyhøj ', theme: '' });
    expect(filters).toEqual({ department: 'Hjemmeplejen Åbyhøj', owner: 'bent' });
    expect(boardAddress(filters)).toBe('/pipeline?department=Hjemmeplejen+%C3%85byh%C3%B8j&owner=bent');
    expect(boardAddress({})).toBe('/pipeline');
  });

  it('give the API one filter (theme, then department, then owner) and apply every one to its rows', () => {
    const filters = { theme: 'automatisering', department: 'hjemmeplejen  åbyhøj', owner: 'bent' };
    expect(apiFilter(filters)).toEqual({ theme: 'automatisering' });
    expect(apiFilter({ owner: 'bent' })).toEqual({ owner: 'bent' });
    expect(matchesFilters(row({ owner: { sub: 'bent', name: 'Bent Ørsted' } }), filters)).toBe(true);
    expect(matchesFilters(row({ owner: { sub: 'dora' } }), filters)).toBe(false);
    expect(matchesFilters(row({ themes: ['dataunderstoettelse'] }), { theme: 'automatisering' })).toBe(false);
    expect(matchesFilters(row(), {})).toBe(true);
  });

  it('offer the owners found, by name, keeping the one filtered by', () => {
    const rows = [row({ owner: { sub: 'bent', name: 'Bent Ørsted' } }), row({ owner: { sub: 'anna', name: 'Anna Sørensen' } }), row()];
    expect(ownersOf(rows, 'carl')).toEqual([
      { sub: 'anna', name: 'Anna Sørensen' },
      { sub: 'bent', name: 'Bent Ørsted' },
      { sub: 'carl', name: 'carl' },
    ]);
  });
});

describe('a card’s time in its stage', () => {
  it('counts whole days against the stage’s limit, over it only past the limit, as the API does', () => {
    expect(stageClock('sprint', daysAgo(14), LIMITS, NOW)).toEqual({ days: 14, limit: 14, over: 0 });
    expect(stageClock('sprint', daysAgo(14.5), LIMITS, NOW)).toEqual({ days: 14, limit: 14, over: 1 });
    expect(stageClock('sprint', daysAgo(20), LIMITS, NOW)).toEqual({ days: 20, limit: 14, over: 6 });
    expect(stageClock('realised', daysAgo(400), LIMITS, NOW)).toEqual({ days: 400, over: 0 });
  });
});

describe('waiting for a decision', () => {
  it('is a pilot whose hold has ended, or that is over its limit and not on hold', () => {
    expect(waitingReason(row({ holdUntil: TODAY }), LIMITS, NOW, TODAY)).toEqual({ kind: 'hold-ended', day: TODAY });
    expect(waitingReason(row({ holdUntil: '2026-03-11', stageEnteredAt: daysAgo(30) }), LIMITS, NOW, TODAY)).toBeUndefined();
    expect(waitingReason(row({ stageEnteredAt: daysAgo(30) }), LIMITS, NOW, TODAY)).toEqual({ kind: 'over-limit', over: 16 });
    expect(waitingReason(row({ stageEnteredAt: daysAgo(3) }), LIMITS, NOW, TODAY)).toBeUndefined();
  });

  it('is never a realised or stopped pilot', () => {
    expect(waitingReason(row({ stage: 'realised', stageEnteredAt: daysAgo(900) }), LIMITS, NOW, TODAY)).toBeUndefined();
    expect(waitingReason(row({ stage: 'stopped', holdUntil: '2026-01-01' }), LIMITS, NOW, TODAY)).toBeUndefined();
  });
});

describe('the gate decision’s form', () => {
  it('asks for a decision first, then the reason and what the decision needs', () => {
    expect(gateFormErrors(EMPTY_GATE_FORM, TEXTS)).toEqual([{ pointer: '/decision', detail: 'required' }]);
    expect(gateFormErrors({ ...EMPTY_GATE_FORM, decision: 'hold', reason: 'ok' }, TEXTS)).toEqual([
      { pointer: '/reason', detail: 'min 3' },
      { pointer: '/revisitOn', detail: 'required' },
    ]);
    expect(gateFormErrors({ ...EMPTY_GATE_FORM, decision: 'recycle', reason: 'Ikke klar' }, TEXTS)).toEqual([{ pointer: '/mustChange', detail: 'required' }]);
    expect(gateFormErrors({ ...EMPTY_GATE_FORM, decision: 'stop', reason: 'Stop', learnings: 'For kort.' }, TEXTS)).toEqual([{ pointer: '/learnings', detail: 'two sentences' }]);
  });

  it('leaves the checklist to the API: go is sent with unticked items, which the API judges', () => {
    const form = { ...EMPTY_GATE_FORM, decision: 'go' as const, reason: ' Klar ', checklist: { 'gdpr-dpia-screening': true } };
    expect(gateFormErrors(form, TEXTS)).toEqual([]);
    expect(gateRequest(form, ['gdpr-dpia-screening', 'architecture-fit'])).toEqual({
      decision: 'go',
      reason: 'Klar',
      checklist: { 'gdpr-dpia-screening': true, 'architecture-fit': false },
    });
    expect(gateRequest({ ...form, decision: 'hold', revisitOn: '2026-04-01' }, [])).toEqual({ decision: 'hold', reason: 'Klar', revisitOn: '2026-04-01', checklist: {} });
  });

  it('reads the API’s refusals: the items missing, no hypothesis, a decision not allowed, somebody first, field faults', () => {
    expect(gateRefusal(409, { type: '/api/problems/checklist-incomplete', missing: [{ id: 'architecture-fit', text: 'Arkitekturen er vurderet af IT' }] })).toEqual({
      kind: 'checklist',
      missing: [{ id: 'architecture-fit', text: 'Arkitekturen er vurderet af IT' }],
    });
    expect(gateRefusal(409, { type: '/api/problems/hypothesis-missing' })).toEqual({ kind: 'hypothesis' });
    expect(gateRefusal(409, { type: '/api/problems/invalid-gate-decision', allowed: ['go', 'hold', 'stop'] })).toEqual({ kind: 'not-allowed', allowed: ['go', 'hold', 'stop'] });
    expect(gateRefusal(412, { type: '/api/problems/precondition-failed' })).toEqual({ kind: 'conflict' });
    expect(gateRefusal(400, { type: '/api/problems/validation', errors: [{ pointer: '/learnings', detail: 'Skriv mere' }] })).toEqual({
      kind: 'fields',
      errors: [{ pointer: '/learnings', detail: 'Skriv mere' }],
    });
    expect(gateRefusal(500, undefined)).toEqual({ kind: 'other' });
  });
});


/**
 * The board's columns read a page at a time (web/src/pages/pipeline/board.ts): the rows a page adds,
 * how many a column has in all where that is known, and where "waiting for your decision" may miss pilots.
 */
import { describe, expect, it } from 'vitest';
import { boardCount, columnTotal, columnWithPage, readToEnd, unreadWaiting, waitingPilots, type Column, type HeldList, type PilotRow, type SummaryCounts } from '../../../web/src/pages/pipeline/board.ts';
import { PILOT_STAGES, type PilotStage } from '../../../shared/domain/pilot.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const LIMITS = { sprint: 14, pilot: 120, evaluation: 45, operations: 365 };
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

let serial = 0;
function row(fields: Partial<PilotRow> = {}): PilotRow {
  serial++;
  return {
    id: `6f1c3c9e-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    title: `Pilot nr. ${serial} på Ærøhøj`,
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

const SUMMARY: SummaryCounts = {
  stages: { sprint: 250, pilot: 3, evaluation: 0, operations: 0, realised: 0, stopped: 0 },
  byTheme: { automatisering: { name: 'Automatisering', stages: { sprint: 180 } } },
  byDepartment: { 'hjemmeplejen åbyhøj': { sprint: 120 } },
};

function board(columns: Partial<Record<PilotStage, Column>>): Record<PilotStage, Column> {
  return Object.fromEntries(PILOT_STAGES.map((stage) => [stage, columns[stage] ?? { rows: [] }])) as Record<PilotStage, Column>;
}

describe('a column read a page at a time', () => {
  it('adds the rows of each page that pass every filter, in the list’s order, and keeps the next page’s cursor', () => {
    const [a, b, c, d] = [row({ owner: { sub: 'bent' } }), row(), row({ owner: { sub: 'bent' } }), row({ owner: { sub: 'bent' } })] as [PilotRow, PilotRow, PilotRow, PilotRow];
    const first = columnWithPage(undefined, { items: [a, b], nextCursor: 'c1' }, { owner: 'bent' });
    expect(first).toEqual({ rows: [a], lastEnteredAt: b.stageEnteredAt, next: 'c1' });

    const second = columnWithPage(first, { items: [a, c, d] }, { owner: 'bent' });
    expect(second.rows).toEqual([a, c, d]);
    expect(second.next).toBeUndefined();
  });

  it('knows an empty list is read to its end', () => {
    expect(columnWithPage(undefined, { items: [] }, {})).toEqual({ rows: [] });
  });
});

describe('how many a column has in all', () => {
  const partial: Column = { rows: [row(), row()], next: 'c1' };

  it('is the rows shown once the list is read to its end, whatever the filters', () => {
    expect(columnTotal('sprint', { rows: [row()] }, { theme: 'automatisering', owner: 'bent' }, SUMMARY)).toBe(1);
  });

  it('is the summary’s count with no filter, or with only a theme or only a department', () => {
    expect(columnTotal('sprint', partial, {}, SUMMARY)).toBe(250);
    expect(columnTotal('sprint', partial, { theme: 'automatisering' }, SUMMARY)).toBe(180);
    expect(columnTotal('sprint', partial, { department: 'Hjemmeplejen  ÅBYHØJ' }, SUMMARY)).toBe(120);
  });

  it('is unknown with an owner, or two filters, which the summary does not count', () => {
    expect(columnTotal('sprint', partial, { owner: 'bent' }, SUMMARY)).toBeUndefined();
    expect(columnTotal('sprint', partial, { theme: 'automatisering', department: 'Hjemmeplejen Åbyhøj' }, SUMMARY)).toBeUndefined();
  });

  it('is never fewer than the rows already shown (the summary is read apart from the list)', () => {
    expect(columnTotal('pilot', { rows: [row(), row(), row(), row()], next: 'c1' }, {}, SUMMARY)).toBe(4);
  });

  it('is all shown once the list is read to its end, or as many rows are shown as the known total (a full last page still has a cursor)', () => {
    expect(readToEnd({ rows: [row()] }, undefined)).toBe(true);
    expect(readToEnd(partial, undefined)).toBe(false);
    expect(readToEnd(partial, 250)).toBe(false);
    expect(readToEnd(partial, 2)).toBe(true);
  });

  it('adds up over the board only when every column’s total is known', () => {
    expect(boardCount([{ column: partial, total: 250 }, { column: { rows: [row()] }, total: 1 }])).toEqual({ shown: 3, total: 251 });
    expect(boardCount([{ column: partial, total: undefined }, { column: { rows: [row()] }, total: 1 }])).toEqual({ shown: 3 });
  });
});

const TODAY = '2026-03-10';
const NO_HOLDS: HeldList = { rows: [], more: false };

describe('the pilots waiting for a decision', () => {
  it('finds a pilot over its limit in its column and a pilot whose hold has ended in the list on hold, whichever stage it is in', () => {
    const over = row({ stageEnteredAt: daysAgo(20) });
    const within = row({ stageEnteredAt: daysAgo(2) });
    const ended = row({ stage: 'operations', stageEnteredAt: daysAgo(400), holdUntil: '2026-03-09' });
    const notYet = row({ stage: 'pilot', holdUntil: '2026-04-01' });
    const waiting = waitingPilots(board({ sprint: { rows: [over, within], next: 'c1' } }), { rows: [ended, notYet], more: false }, {}, LIMITS, NOW, TODAY);
    expect(waiting.map(({ row: shown, reason }) => [shown.id, reason.kind])).toEqual([
      [over.id, 'over-limit'],
      [ended.id, 'hold-ended'],
    ]);
  });

  it('lists the longest waiting first: a hold that ended a week ago before a pilot whose stage limit ran out yesterday, though that one entered its stage earlier', () => {
    const overSinceYesterday = row({ stageEnteredAt: daysAgo(15) });
    const heldWeekAgo = row({ stage: 'pilot', stageEnteredAt: daysAgo(10), holdUntil: '2026-03-03' });
    const overSinceLongAgo = row({ stageEnteredAt: daysAgo(40) });
    const waiting = waitingPilots(board({ sprint: { rows: [overSinceLongAgo, overSinceYesterday] } }), { rows: [heldWeekAgo], more: false }, {}, LIMITS, NOW, TODAY);
    expect(waiting.map(({ row: shown }) => shown.id)).toEqual([overSinceLongAgo.id, heldWeekAgo.id, overSinceYesterday.id]);
  });

  it('shows a held pilot once when its column has it too, and applies the filters to the list on hold', () => {
    const ended = row({ holdUntil: '2026-03-01', themes: ['automatisering'] });
    const otherTheme = row({ holdUntil: '2026-03-02', themes: ['borgerservice'] });
    const waiting = waitingPilots(board({ sprint: { rows: [ended] } }), { rows: [ended, otherTheme], more: false }, { theme: 'automatisering' }, LIMITS, NOW, TODAY);
    expect(waiting.map(({ row: shown }) => shown.id)).toEqual([ended.id]);
  });
});

describe('where "waiting for your decision" may miss pilots', () => {
  it('misses none when every active stage is read to its end and the list on hold has no more', () => {
    expect(unreadWaiting(board({ sprint: { rows: [row()] }, realised: { rows: [], next: 'c1' } }), {}, NO_HOLDS, LIMITS, NOW, TODAY)).toEqual({ overLimit: [], holdsMore: false });
  });

  it('has every pilot over the limit once the last row read is within it, longest in the stage coming first', () => {
    const within = board({ sprint: { rows: [], lastEnteredAt: daysAgo(10), next: 'c1' } });
    expect(unreadWaiting(within, {}, NO_HOLDS, LIMITS, NOW, TODAY)).toEqual({ overLimit: [], holdsMore: false });
  });

  it('may miss pilots over the limit while the last row read is still over it', () => {
    const over = board({ sprint: { rows: [], lastEnteredAt: daysAgo(20), next: 'c1' }, pilot: { rows: [], lastEnteredAt: daysAgo(5), next: 'c2' } });
    expect(unreadWaiting(over, {}, NO_HOLDS, LIMITS, NOW, TODAY)).toEqual({ overLimit: ['sprint'], holdsMore: false });
    // A column as long as its known total is read, whatever its cursor says.
    expect(unreadWaiting(over, { sprint: 0 }, NO_HOLDS, LIMITS, NOW, TODAY)).toEqual({ overLimit: [], holdsMore: false });
  });

  it('may miss ended holds only when the list on hold has more and its last row’s hold has ended too', () => {
    const ended = { rows: [row({ holdUntil: '2026-03-01' })], more: true };
    const laterHold = { rows: [row({ holdUntil: '2026-03-01' }), row({ holdUntil: '2026-05-01' })], more: true };
    expect(unreadWaiting(board({}), {}, ended, LIMITS, NOW, TODAY)).toEqual({ overLimit: [], holdsMore: true });
    expect(unreadWaiting(board({}), {}, laterHold, LIMITS, NOW, TODAY)).toEqual({ overLimit: [], holdsMore: false });
    expect(unreadWaiting(board({}), {}, { ...ended, more: false }, LIMITS, NOW, TODAY)).toEqual({ overLimit: [], holdsMore: false });
  });
});

import { describe, expect, it } from 'vitest';
import {
  daysSince,
  departmentKey,
  INBOX_STATUSES,
  INBOX_THEME_MIN_SCORE,
  inboxListsOf,
  inboxRow,
  inboxSortValue,
  inboxThemes,
  isOverdue,
  overdueBefore,
  priorityBasisOf,
} from '../../../shared/domain/inbox.ts';
import { IDEA_STATUSES, type Idea, type Scorecard, type ThemeAlignment } from '../../../shared/domain/idea.ts';
import { anIdea, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-03-10T12:00:00.000Z');

function themes(...scores: [string, number][]): ThemeAlignment {
  return { strategyVersion: 1, scores: scores.map(([themeId, score]) => ({ themeId, score, matchedTerms: [] })) };
}

function scorecard(priority: number, complete = true): Scorecard {
  return { strategyVersion: 1, scores: {}, priority, complete, scoredAt: '2026-01-06T10:00:00.000Z' };
}

/** An idea waiting in triage, in the department "Ældre og sundhed". */
function aTriagedIdea(overrides: Partial<Idea> = {}): Idea {
  return anIdea({ status: 'in_triage', statusChangedAt: '2026-01-05T08:31:00.000Z', version: 2, ...overrides });
}

const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();

describe('INBOX_STATUSES', () => {
  it('has a list for every status', () => {
    // Act
    const statuses = [...INBOX_STATUSES];

    // Assess
    expect(statuses.sort()).toEqual([...IDEA_STATUSES].sort());
  });
});

describe('inboxListsOf', () => {
  it('lists an idea nowhere while it is on its way through intake', () => {
    // Prepare
    const idea = anIdea({ status: 'submitted', requeueCount: 4 });

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(lists).toEqual([]);
  });

  it('lists a submitted idea once the sweeper gave up on its intake, so the team sees it', () => {
    // Prepare
    const idea = anIdea({ status: 'submitted', requeueCount: 5, intakeAbandonedAt: '2026-01-05T09:00:00.000Z' });

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(lists).toHaveLength(4);
    expect(lists.every((list) => list.status === 'submitted')).toBe(true);
  });

  it('lists an idea without themes in its status, by kind, by department and by both', () => {
    // Prepare
    const idea = aTriagedIdea();

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(lists).toEqual([
      { status: 'in_triage' },
      { status: 'in_triage', department: 'ældre og sundhed' },
      { status: 'in_triage', kind: 'idea' },
      { status: 'in_triage', kind: 'idea', department: 'ældre og sundhed' },
    ]);
  });

  it('adds the assignee’s own list while the idea is assigned, narrowed by nothing but the status', () => {
    // Prepare
    const idea = aTriagedIdea({ themeAlignment: themes(['automatisering', 0.6]), assignee: { sub: 'søren', name: 'Søren Ærø' } });

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(lists).toHaveLength(9);
    expect(lists.filter((list) => list.assignee !== undefined)).toEqual([{ status: 'in_triage', assignee: 'søren' }]);
  });

  it('lists an unassigned idea in nobody’s list', () => {
    // Prepare
    const idea = aTriagedIdea();

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(lists.some((list) => 'assignee' in list)).toBe(false);
  });

  it('adds 4 lists for a theme the idea matches', () => {
    // Prepare
    const idea = aTriagedIdea({ themeAlignment: themes(['automatisering', 0.6]) });

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(lists).toHaveLength(8);
    expect(lists.filter((list) => list.theme === 'automatisering')).toEqual([
      { status: 'in_triage', theme: 'automatisering' },
      { status: 'in_triage', department: 'ældre og sundhed', theme: 'automatisering' },
      { status: 'in_triage', kind: 'idea', theme: 'automatisering' },
      { status: 'in_triage', kind: 'idea', department: 'ældre og sundhed', theme: 'automatisering' },
    ]);
  });

  it('lists an idea under at most its best two themes', () => {
    // Prepare
    const idea = aTriagedIdea({ themeAlignment: themes(['automatisering', 0.9], ['borgernaer', 0.5], ['groen_omstilling', 0.4]) });

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(lists).toHaveLength(12);
    expect(new Set(lists.map((list) => list.theme))).toEqual(new Set([undefined, 'automatisering', 'borgernaer']));
  });

  it('does not list an idea under a theme that scores below the threshold', () => {
    // Prepare
    const idea = aTriagedIdea({ themeAlignment: themes(['automatisering', 0.5], ['borgernaer', 0.19]) });

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(lists).toHaveLength(8);
    expect(lists.some((list) => list.theme === 'borgernaer')).toBe(false);
  });

  it('lists an idea under a theme that scores exactly the threshold', () => {
    // Prepare
    const idea = aTriagedIdea({ themeAlignment: themes(['automatisering', INBOX_THEME_MIN_SCORE]) });

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(lists.filter((list) => list.theme === 'automatisering')).toHaveLength(4);
  });

  it('gives every list once', () => {
    // Prepare
    const idea = aTriagedIdea({ themeAlignment: themes(['automatisering', 0.9], ['borgernaer', 0.5]) });

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(new Set(lists.map((list) => JSON.stringify(list))).size).toBe(lists.length);
  });

  it.each(INBOX_STATUSES)('lists an idea in %s only under that status', (status) => {
    // Prepare
    const idea = aTriagedIdea({ status, themeAlignment: themes(['automatisering', 0.9]), ...(status === 'submitted' ? { intakeAbandonedAt: '2026-01-05T09:00:00.000Z' } : {}) });

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(lists).toHaveLength(8);
    expect(lists.every((list) => list.status === status)).toBe(true);
  });

  it('lists the department as its key, however it was typed', () => {
    // Prepare
    const idea = aTriagedIdea({ department: '  ÆLDREPLEJEN   Nord ' });

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(lists.flatMap((list) => (list.department === undefined ? [] : [list.department]))).toEqual(['ældreplejen nord', 'ældreplejen nord']);
  });

  it('lists a friction under its own kind', () => {
    // Prepare
    const idea = aTriagedIdea({ kind: 'friction' });

    // Act
    const lists = inboxListsOf(idea);

    // Assess
    expect(lists.flatMap((list) => (list.kind === undefined ? [] : [list.kind]))).toEqual(['friction', 'friction']);
  });
});

describe('inboxThemes', () => {
  it('gives no themes to an idea that has not been aligned', () => {
    // Act
    const ids = inboxThemes({});

    // Assess
    expect(ids).toEqual([]);
  });

  it('gives the best two themes that reach the threshold, best first', () => {
    // Act
    const ids = inboxThemes({ themeAlignment: themes(['a_theme', 0.8], ['b_theme', 0.3], ['c_theme', 0.25]) });

    // Assess
    expect(ids).toEqual(['a_theme', 'b_theme']);
  });

  it('gives only the themes that reach the threshold', () => {
    // Act
    const ids = inboxThemes({ themeAlignment: themes(['a_theme', 0.8], ['b_theme', 0.1]) });

    // Assess
    expect(ids).toEqual(['a_theme']);
  });
});

describe('departmentKey', () => {
  it('ignores soft hyphens and zero-width characters pasted in from a document', () => {
    // Act
    const key = departmentKey('Ældre\u00ADplejen\u200B');

    // Assess
    expect(key).toBe(departmentKey('Ældreplejen'));
  });

  it('folds upper and lower case, æ, ø and å included', () => {
    // Act
    const key = departmentKey('ÆLDRE- OG SUNDHEDSFORVALTNINGEN, ØST, ÅRHUS');

    // Assess
    expect(key).toBe('ældre- og sundhedsforvaltningen, øst, århus');
  });

  it('drops white space around the name', () => {
    // Act
    const key = departmentKey(' \tÆldreplejen \n');

    // Assess
    expect(key).toBe('ældreplejen');
  });

  it('folds runs of white space inside the name, non-breaking spaces included, to one space', () => {
    // Act
    const key = departmentKey('Ældre  og\u00a0\tsundhed');

    // Assess
    expect(key).toBe('ældre og sundhed');
  });

  it('makes a decomposed å (a + ring) and a composed å one department', () => {
    // Prepare
    const decomposed = 'Familieafdelingen Ba\u030allerup';
    const composed = 'Familieafdelingen B\u00e5llerup';

    // Act
    const keys = [departmentKey(decomposed), departmentKey(composed)];

    // Assess
    expect(keys[0]).toBe(keys[1]);
    expect(keys[0]).toBe('familieafdelingen bållerup');
  });

  it('gives the key in NFC, whatever form the name was typed in', () => {
    // Prepare
    const nfd = 'Små Børn Å'.normalize('NFD');

    // Act
    const key = departmentKey(nfd);

    // Assess
    expect(key).toBe('små børn å'.normalize('NFC'));
    expect(key).toBe(key.normalize('NFC'));
  });

  it('makes "Ældreplejen", "ældreplejen " and " ÆLDREPLEJEN" one department', () => {
    // Act
    const keys = new Set(['Ældreplejen', 'ældreplejen ', ' ÆLDREPLEJEN'].map(departmentKey));

    // Assess
    expect(keys).toEqual(new Set(['ældreplejen']));
  });

  it('keeps different departments apart', () => {
    // Act
    const keys = [departmentKey('Ældreplejen'), departmentKey('Ældreplejen Nord')];

    // Assess
    expect(keys[0]).not.toBe(keys[1]);
  });
});

describe('inboxSortValue', () => {
  const sortedIds = (ideas: Idea[], sort: 'priority' | 'age') =>
    ideas
      .map((idea) => ({ id: idea.id, value: inboxSortValue(idea, sort) }))
      .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .map(({ id }) => id);

  it('orders the highest priority first', () => {
    // Prepare
    const ideas = [
      aTriagedIdea({ id: 'low', scorecard: scorecard(5) }),
      aTriagedIdea({ id: 'high', scorecard: scorecard(100) }),
      aTriagedIdea({ id: 'middle', scorecard: scorecard(50) }),
      aTriagedIdea({ id: 'lowest', scorecard: scorecard(0) }),
    ];

    // Act
    const order = sortedIds(ideas, 'priority');

    // Assess
    expect(order).toEqual(['high', 'middle', 'low', 'lowest']);
  });

  it('orders priorities a tenth apart', () => {
    // Prepare
    const ideas = [aTriagedIdea({ id: 'lower', scorecard: scorecard(72.3) }), aTriagedIdea({ id: 'higher', scorecard: scorecard(72.4) })];

    // Act
    const order = sortedIds(ideas, 'priority');

    // Assess
    expect(order).toEqual(['higher', 'lower']);
  });

  it('orders ideas of equal priority oldest first', () => {
    // Prepare
    const ideas = [
      aTriagedIdea({ id: 'newer', scorecard: scorecard(60), statusChangedAt: '2026-02-01T08:00:00.000Z' }),
      aTriagedIdea({ id: 'older', scorecard: scorecard(60), statusChangedAt: '2026-01-01T08:00:00.000Z' }),
    ];

    // Act
    const order = sortedIds(ideas, 'priority');

    // Assess
    expect(order).toEqual(['older', 'newer']);
  });

  it('puts a higher priority first even when it is newer', () => {
    // Prepare
    const ideas = [
      aTriagedIdea({ id: 'old-low', scorecard: scorecard(10), statusChangedAt: '2025-01-01T08:00:00.000Z' }),
      aTriagedIdea({ id: 'new-high', scorecard: scorecard(90), statusChangedAt: '2026-02-01T08:00:00.000Z' }),
    ];

    // Act
    const order = sortedIds(ideas, 'priority');

    // Assess
    expect(order).toEqual(['new-high', 'old-low']);
  });

  it('sorts an idea without a scorecard as priority 0, after every scored idea', () => {
    // Prepare
    const ideas = [aTriagedIdea({ id: 'unscored', statusChangedAt: '2025-01-01T08:00:00.000Z' }), aTriagedIdea({ id: 'scored', scorecard: scorecard(0.5) })];

    // Act
    const order = sortedIds(ideas, 'priority');

    // Assess
    expect(order).toEqual(['scored', 'unscored']);
    expect(inboxSortValue(aTriagedIdea(), 'priority')).toBe(inboxSortValue(aTriagedIdea({ scorecard: scorecard(0) }), 'priority'));
  });

  it('keeps ideas of equal priority and age apart by id', () => {
    // Act
    const values = [inboxSortValue(aTriagedIdea({ id: IDEA_ID }), 'priority'), inboxSortValue(aTriagedIdea({ id: OTHER_IDEA_ID }), 'priority')];

    // Assess
    expect(values[0]).not.toBe(values[1]);
    expect(values[0]).toContain(IDEA_ID);
  });

  it('orders by age oldest first, whatever the priority', () => {
    // Prepare
    const ideas = [
      aTriagedIdea({ id: 'newest', scorecard: scorecard(100), statusChangedAt: '2026-03-01T08:00:00.000Z' }),
      aTriagedIdea({ id: 'oldest', scorecard: scorecard(1), statusChangedAt: '2025-12-24T08:00:00.000Z' }),
      aTriagedIdea({ id: 'middle', scorecard: scorecard(50), statusChangedAt: '2026-01-15T08:00:00.000Z' }),
    ];

    // Act
    const order = sortedIds(ideas, 'age');

    // Assess
    expect(order).toEqual(['oldest', 'middle', 'newest']);
  });

  it('gives the age sort as the time of the status change and the id', () => {
    // Act
    const value = inboxSortValue(aTriagedIdea({ scorecard: scorecard(80) }), 'age');

    // Assess
    expect(value).toBe(`2026-01-05T08:31:00.000Z#${IDEA_ID}`);
  });

  it('gives the priority sort a fixed width, so text order is priority order', () => {
    // Act
    const values = [0, 5, 50, 99.9, 100].map((priority) => inboxSortValue(aTriagedIdea({ scorecard: scorecard(priority) }), 'priority').split('#')[0]);

    // Assess
    expect(values).toEqual(['1000', '0950', '0500', '0001', '0000']);
  });
});

describe('priorityBasisOf', () => {
  const scored = (sources: Record<string, 'triage' | 'suggested'>, complete: boolean): Scorecard => ({
    ...scorecard(50, complete),
    scores: Object.fromEntries(Object.entries(sources).map(([id, source]) => [id, { value: 2, source }])),
  });

  it('calls a priority with no team score suggested, also with no scorecard or no scores at all', () => {
    expect(priorityBasisOf(undefined)).toBe('suggested');
    expect(priorityBasisOf(scored({}, false))).toBe('suggested');
    expect(priorityBasisOf(scored({ strategic_fit: 'suggested', benefit: 'suggested' }, true))).toBe('suggested');
  });

  it('calls it partly scored when the team scored some criteria and others are suggested or unscored', () => {
    expect(priorityBasisOf(scored({ strategic_fit: 'triage', benefit: 'suggested' }, true))).toBe('partly-scored');
    expect(priorityBasisOf(scored({ strategic_fit: 'triage' }, false))).toBe('partly-scored');
  });

  it('calls it scored only when the team scored every criterion', () => {
    expect(priorityBasisOf(scored({ strategic_fit: 'triage', benefit: 'triage' }, true))).toBe('scored');
  });
});

describe('inboxRow', () => {
  it('shows what the inbox needs of the idea', () => {
    // Prepare
    const idea = aTriagedIdea({
      kind: 'friction',
      frictionHoursPerYear: 1380,
      themeAlignment: themes(['automatisering', 0.9], ['borgernaer', 0.5], ['groen_omstilling', 0.3], ['fjerde', 0.25]),
      scorecard: scorecard(72.5, false),
      duplicateCandidates: [
        { ideaId: OTHER_IDEA_ID, similarity: 0.8 },
        { ideaId: 'third', similarity: 0.6 },
      ],
      assignee: { sub: 'triage-1', name: 'Søren Ærø' },
    });

    // Act
    const row = inboxRow(idea);

    // Assess
    expect(row).toEqual({
      id: IDEA_ID,
      title: idea.title,
      kind: 'friction',
      department: 'Ældre og sundhed',
      status: 'in_triage',
      statusChangedAt: '2026-01-05T08:31:00.000Z',
      themes: [
        { themeId: 'automatisering', score: 0.9 },
        { themeId: 'borgernaer', score: 0.5 },
        { themeId: 'groen_omstilling', score: 0.3 },
      ],
      frictionHoursPerYear: 1380,
      priority: 72.5,
      priorityComplete: false,
      priorityBasis: 'suggested',
      duplicateCandidates: 2,
      assignee: { sub: 'triage-1', name: 'Søren Ærø' },
    });
  });

  it('shows an unscored, unassigned idea with priority 0 and nothing left undefined', () => {
    // Act
    const row = inboxRow(aTriagedIdea());

    // Assess
    expect(row).toMatchObject({ priority: 0, priorityComplete: false, priorityBasis: 'suggested', duplicateCandidates: 0, themes: [] });
    expect(row).not.toHaveProperty('assignee');
    expect(row).not.toHaveProperty('frictionHoursPerYear');
  });

  it('marks friction whose figures are unknown, with no friction hours, so the team can tell it from 0 hours', () => {
    // Prepare
    const idea = aTriagedIdea({ kind: 'friction', figuresUnknown: true, scorecard: scorecard(45, false) });

    // Act
    const row = inboxRow(idea);

    // Assess
    expect(row).toMatchObject({ kind: 'friction', figuresUnknown: true, priority: 45, priorityComplete: false });
    expect(row).not.toHaveProperty('frictionHoursPerYear');
  });

  it('sorts friction whose figures are unknown by its priority like any other idea, its unscored benefit counting nothing', () => {
    // Prepare
    const unknown = aTriagedIdea({ id: 'unknown', kind: 'friction', figuresUnknown: true, scorecard: scorecard(45, false) });
    const known = aTriagedIdea({ id: 'known', kind: 'friction', frictionHoursPerYear: 2, scorecard: scorecard(40, false) });

    // Act
    const order = [known, unknown].sort((a, b) => inboxSortValue(a, 'priority').localeCompare(inboxSortValue(b, 'priority'))).map((idea) => idea.id);

    // Assess
    expect(order).toEqual(['unknown', 'known']);
  });

  it('carries nothing about who submitted the idea', () => {
    // Prepare
    const idea = aTriagedIdea({ submitter: { sub: 'employee-42', name: 'Birthe Sørensen', email: 'birthe@kommune.example' } });

    // Act
    const row = JSON.stringify(inboxRow(idea));

    // Assess
    expect(row).not.toContain('employee-42');
    expect(row).not.toContain('Birthe');
    expect(row).not.toContain('birthe@kommune.example');
  });
});

describe('daysSince', () => {
  it('counts days to one decimal', () => {
    // Act
    const days = daysSince(new Date(NOW.getTime() - 3.54 * DAY_MS).toISOString(), NOW);

    // Assess
    expect(days).toBe(3.5);
  });

  it('counts whole days as whole numbers', () => {
    // Act
    const days = daysSince(ago(7), NOW);

    // Assess
    expect(days).toBe(7);
  });

  it('never counts a moment in the future as negative', () => {
    // Act
    const days = daysSince(new Date(NOW.getTime() + DAY_MS).toISOString(), NOW);

    // Assess
    expect(days).toBe(0);
  });
});

describe('isOverdue', () => {
  it('finds an idea overdue that has waited in triage longer than the service level', () => {
    // Act
    const overdue = isOverdue({ status: 'in_triage', statusChangedAt: ago(10.5) }, NOW, 10);

    // Assess
    expect(overdue).toBe(true);
  });

  it('does not find an idea overdue within the service level', () => {
    // Act
    const overdue = isOverdue({ status: 'in_triage', statusChangedAt: ago(9.9) }, NOW, 10);

    // Assess
    expect(overdue).toBe(false);
  });

  it('does not find an idea overdue at exactly the service level', () => {
    // Act
    const overdue = isOverdue({ status: 'in_triage', statusChangedAt: ago(10) }, NOW, 10);

    // Assess
    expect(overdue).toBe(false);
  });

  it.each(IDEA_STATUSES.filter((status) => status !== 'in_triage'))('never finds an idea in %s overdue, however long it has waited', (status) => {
    // Act
    const overdue = isOverdue({ status, statusChangedAt: ago(365) }, NOW, 10);

    // Assess
    expect(overdue).toBe(false);
  });
});

describe('overdueBefore', () => {
  it('gives the moment the service level ago', () => {
    // Act
    const before = overdueBefore(NOW, 10);

    // Assess
    expect(before).toBe('2026-02-28T12:00:00.000Z');
  });

  it('agrees with isOverdue on either side of the moment', () => {
    // Prepare
    const before = Date.parse(overdueBefore(NOW, 5));

    // Act
    const justBefore = isOverdue({ status: 'in_triage', statusChangedAt: new Date(before - 1).toISOString() }, NOW, 5);
    const justAfter = isOverdue({ status: 'in_triage', statusChangedAt: new Date(before + 1).toISOString() }, NOW, 5);

    // Assess
    expect(justBefore).toBe(true);
    expect(justAfter).toBe(false);
  });
});

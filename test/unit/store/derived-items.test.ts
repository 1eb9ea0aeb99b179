import { describe, expect, it } from 'vitest';
import { inboxListsOf, inboxRow, inboxSortValue } from '../../../shared/domain/inbox.ts';
import type { Idea, IdeaDecision, Scorecard, ThemeAlignment } from '../../../shared/domain/idea.ts';
import { learningOf } from '../../../shared/domain/learnings.ts';
import { pilotRow, pilotSortValue, STAGE_LIST_SORTS } from '../../../shared/domain/pilot-lists.ts';
import { inboxEntryEntity, pilotListEntryEntity } from '../../../shared/store/entities.ts';
import { derivedItemChanges, derivedItems, pilotDerivedItemChanges, pilotDerivedItems } from '../../../shared/store/derived-items.ts';
import { anIdea, IDEA_ID } from '../support/ideas.ts';
import { aPilot, aPilotIn, aStoppedPilot, LEARNINGS, PILOT_ID } from '../support/pilots.ts';

const BY = { sub: 'triage-1', name: 'Søren Ærø' };
const AT = '2026-02-03T10:15:00.000Z';

function themes(...ids: string[]): ThemeAlignment {
  return { strategyVersion: 1, scores: ids.map((themeId, index) => ({ themeId, score: 0.9 - index * 0.1, matchedTerms: [] })) };
}

function scorecard(priority: number): Scorecard {
  return { strategyVersion: 1, scores: {}, priority, complete: true, scoredAt: AT };
}

/** An idea waiting in triage, scored and matching one theme. */
function aTriagedIdea(overrides: Partial<Idea> = {}): Idea {
  return anIdea({ status: 'in_triage', version: 2, statusChangedAt: '2026-01-05T08:31:00.000Z', themeAlignment: themes('automatisering'), scorecard: scorecard(60), ...overrides });
}

function aParkedIdea(revisitOn: string | undefined, overrides: Partial<Idea> = {}): Idea {
  const decision: IdeaDecision = { kind: 'park', at: AT, by: BY, ...(revisitOn === undefined ? {} : { revisitOn }) };
  return aTriagedIdea({ status: 'parked', version: 3, statusChangedAt: AT, decision, ...overrides });
}

const keyOf = (item: { PK: string; SK: string }) => `${item.PK} ${item.SK}`;
const keysOf = (items: readonly { PK: string; SK: string }[]) => items.map(keyOf).sort();

describe('derivedItems', () => {
  it('keeps nothing for an idea still in submitted', () => {
    // Act
    const items = derivedItems(anIdea({ status: 'submitted', themeAlignment: themes('automatisering') }));

    // Assess
    expect(items).toEqual([]);
  });

  it('keeps one inbox entry per list and order: 2 orders of 4 lists without themes', () => {
    // Act
    const items = derivedItems(aTriagedIdea({ themeAlignment: undefined }));

    // Assess
    expect(items).toHaveLength(8);
    expect(items.every((item) => item['type'] === 'inbox')).toBe(true);
  });

  it('keeps 2 orders of 4 lists more for each of the idea’s (at most two) themes', () => {
    // Act
    const one = derivedItems(aTriagedIdea({ themeAlignment: themes('automatisering') }));
    const three = derivedItems(aTriagedIdea({ themeAlignment: themes('automatisering', 'borgernaer', 'groen_omstilling') }));

    // Assess
    expect(one).toHaveLength(16);
    expect(three).toHaveLength(24);
  });

  it('keys each entry by its list and order, sorted by the idea’s sort value', () => {
    // Prepare
    const idea = aTriagedIdea();

    // Act
    const items = derivedItems(idea);

    // Assess
    const expected = inboxListsOf(idea).flatMap((list) => [
      { PK: inboxEntryEntity.list(list, 'priority').partition, SK: inboxSortValue(idea, 'priority') },
      { PK: inboxEntryEntity.list(list, 'age').partition, SK: inboxSortValue(idea, 'age') },
    ]);
    expect(keysOf(items)).toEqual(keysOf(expected));
  });

  it('carries the inbox row on every entry, so a page needs no further reads', () => {
    // Prepare
    const idea = aTriagedIdea();

    // Act
    const items = derivedItems(idea);

    // Assess
    expect(items.every((item) => JSON.stringify(item['row']) === JSON.stringify(inboxRow(idea)))).toBe(true);
  });

  it('gives every entry its own key', () => {
    // Act
    const items = derivedItems(aTriagedIdea({ themeAlignment: themes('automatisering', 'borgernaer') }));

    // Assess
    expect(new Set(items.map(keyOf)).size).toBe(items.length);
  });

  it('keeps a revisit entry for a parked idea with a revisit day', () => {
    // Act
    const items = derivedItems(aParkedIdea('2027-03-01'));

    // Assess
    expect(items.filter((item) => item['type'] === 'revisit')).toEqual([{ PK: 'REVISIT', SK: `2027-03-01#${IDEA_ID}`, type: 'revisit', ideaId: IDEA_ID }]);
    expect(items.filter((item) => item['type'] === 'inbox')).toHaveLength(16);
  });

  it('keeps no revisit entry for a parked idea without a revisit day', () => {
    // Act
    const items = derivedItems(aParkedIdea(undefined));

    // Assess
    expect(items.some((item) => item['type'] === 'revisit')).toBe(false);
  });

  it('keeps no revisit entry once a parked idea is back in triage, though its park decision stays', () => {
    // Prepare
    const idea = aParkedIdea('2027-03-01', { status: 'in_triage' });

    // Act
    const items = derivedItems(idea);

    // Assess
    expect(items.some((item) => item['type'] === 'revisit')).toBe(false);
  });
});

describe('derived items of stored text that is not well-formed Unicode', () => {
  it('builds the inbox entries of a stored idea whose department holds a lone surrogate, listing it under the department as U+FFFD', () => {
    // Prepare: stored before such text was refused; building its keys once threw URIError on every delivery.
    const idea = aTriagedIdea({ department: 'IT\ud800' });

    // Act
    const items = derivedItems(idea);

    // Assess
    expect(items).toHaveLength(16);
    expect(items.filter((item) => item.PK.includes('#d=it%EF%BF%BD#'))).toHaveLength(8);
  });

  it('builds the list entries of a stored pilot whose owner and department hold lone surrogates', () => {
    // Prepare
    const pilot = aPilot({ owner: { sub: 'tove\ud800' }, department: 'IT\udc00' });

    // Act
    const items = pilotDerivedItems(pilot);

    // Assess
    expect(items.some((item) => item.PK.includes('#o=tove%EF%BF%BD#'))).toBe(true);
    expect(items.some((item) => item.PK.includes('#d=it%EF%BF%BD#'))).toBe(true);
  });
});

describe('derivedItemChanges', () => {
  it('rewrites every inbox entry with the team basis when triage scores an idea that had only suggestions', () => {
    // Prepare
    const suggested: Scorecard = { ...scorecard(60), scores: { strategic_fit: { value: 3, source: 'suggested' }, benefit: { value: 2, source: 'suggested' } } };
    const before = aTriagedIdea({ scorecard: suggested });
    const after = aTriagedIdea({ version: 3, scorecard: { ...suggested, scores: { strategic_fit: { value: 3, source: 'triage' }, benefit: { value: 2, source: 'suggested' } }, scoredBy: BY.sub } });

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    const rows = changes.puts.filter((item) => item['type'] === 'inbox').map((item) => item['row'] as { priorityBasis: string });
    expect(derivedItems(before).filter((item) => item['type'] === 'inbox').every((item) => (item['row'] as { priorityBasis: string }).priorityBasis === 'suggested')).toBe(true);
    expect(rows).toHaveLength(inboxListsOf(after).length * 2);
    expect(rows.every((row) => row.priorityBasis === 'partly-scored')).toBe(true);
  });

  it('puts every entry and deletes nothing for a new idea', () => {
    // Prepare
    const idea = aTriagedIdea();

    // Act
    const changes = derivedItemChanges(undefined, idea);

    // Assess
    expect(changes.deletes).toEqual([]);
    expect(keysOf(changes.puts)).toEqual(keysOf(derivedItems(idea)));
  });

  it('puts the inbox entries of an idea entering triage, and deletes nothing', () => {
    // Prepare
    const before = anIdea({ status: 'submitted' });
    const after = aTriagedIdea();

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    expect(changes.deletes).toEqual([]);
    expect(changes.puts).toHaveLength(16);
  });

  it('deletes every entry of the old status and puts every entry of the new one', () => {
    // Prepare
    const before = aTriagedIdea();
    const after = aTriagedIdea({ status: 'needs_info', version: 3, statusChangedAt: AT });

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    expect(keysOf(changes.deletes)).toEqual(keysOf(derivedItems(before)));
    expect(keysOf(changes.puts)).toEqual(keysOf(derivedItems(after)));
    expect(changes.deletes.every((key) => key.PK.startsWith('INBOX#in_triage#'))).toBe(true);
    expect(changes.puts.every((item) => item.PK.startsWith('INBOX#needs_info#'))).toBe(true);
  });

  it('deletes only the priority entries when only the priority changes', () => {
    // Prepare
    const before = aTriagedIdea({ scorecard: scorecard(60) });
    const after = aTriagedIdea({ scorecard: scorecard(75), version: 3 });

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    expect(changes.deletes).toHaveLength(8);
    expect(changes.deletes.every((key) => key.PK.endsWith('#s=priority'))).toBe(true);
    expect(keysOf(changes.deletes)).toEqual(keysOf(derivedItems(before).filter((item) => item.PK.endsWith('#s=priority'))));
  });

  it('deletes nothing but still puts every entry, and adds the assignee’s list in both orders, when an idea is assigned', () => {
    // Prepare
    const before = aTriagedIdea();
    const after = aTriagedIdea({ assignee: BY, version: 3 });

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    expect(changes.deletes).toEqual([]);
    expect(changes.puts).toHaveLength(18);
    expect(changes.puts.every((item) => JSON.stringify(item['row']).includes('Søren Ærø'))).toBe(true);
    expect(changes.puts.filter((item) => item.PK.includes('#a=')).map((item) => item.PK).sort()).toEqual([
      `INBOX#in_triage#a=${encodeURIComponent(BY.sub)}#s=age`,
      `INBOX#in_triage#a=${encodeURIComponent(BY.sub)}#s=priority`,
    ]);
  });

  it('moves the idea from one assignee’s list to the other’s when it is reassigned, and out of it when unassigned', () => {
    // Prepare
    const first = aTriagedIdea({ assignee: BY, version: 3 });
    const second = aTriagedIdea({ assignee: { sub: 'mette-ø', name: 'Mette Øby' }, version: 4 });
    const nobody = aTriagedIdea({ version: 5 });

    // Act
    const reassigned = derivedItemChanges(first, second);
    const unassigned = derivedItemChanges(second, nobody);

    // Assess
    expect(reassigned.deletes.map((key) => key.PK).sort()).toEqual([`INBOX#in_triage#a=${encodeURIComponent(BY.sub)}#s=age`, `INBOX#in_triage#a=${encodeURIComponent(BY.sub)}#s=priority`]);
    expect(reassigned.puts.filter((item) => item.PK.includes('#a=')).map((item) => item.PK).sort()).toEqual(['INBOX#in_triage#a=mette-%C3%B8#s=age', 'INBOX#in_triage#a=mette-%C3%B8#s=priority']);
    expect(unassigned.deletes.map((key) => key.PK).sort()).toEqual(['INBOX#in_triage#a=mette-%C3%B8#s=age', 'INBOX#in_triage#a=mette-%C3%B8#s=priority']);
    expect(unassigned.puts.some((item) => item.PK.includes('#a='))).toBe(false);
  });

  it('deletes the lists of a theme the idea no longer matches, and only those', () => {
    // Prepare
    const before = aTriagedIdea({ themeAlignment: themes('automatisering', 'borgernaer') });
    const after = aTriagedIdea({ themeAlignment: themes('automatisering'), version: 3 });

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    expect(changes.deletes).toHaveLength(8);
    expect(changes.deletes.every((key) => key.PK.includes('#t=borgernaer#'))).toBe(true);
  });

  it('deletes the old department’s lists when the department is corrected', () => {
    // Prepare
    const before = aTriagedIdea({ department: 'Hjemmeplejen' });
    const after = aTriagedIdea({ department: 'Sygeplejen', version: 3 });

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    expect(changes.deletes).toHaveLength(8);
    expect(changes.deletes.every((key) => key.PK.includes('#d=hjemmeplejen'))).toBe(true);
  });

  it('deletes nothing when the department is only typed differently', () => {
    // Prepare
    const before = aTriagedIdea({ department: 'Ældreplejen' });
    const after = aTriagedIdea({ department: ' ÆLDREPLEJEN ', version: 3 });

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    expect(changes.deletes).toEqual([]);
  });

  it('puts the revisit entry of an idea being parked', () => {
    // Prepare
    const before = aTriagedIdea();
    const after = aParkedIdea('2027-03-01');

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    expect(changes.puts).toContainEqual({ PK: 'REVISIT', SK: `2027-03-01#${IDEA_ID}`, type: 'revisit', ideaId: IDEA_ID });
  });

  it('deletes the revisit entry when a parked idea comes back to triage', () => {
    // Prepare
    const before = aParkedIdea('2027-03-01');
    const after = aParkedIdea('2027-03-01', { status: 'in_triage', version: 4, statusChangedAt: '2027-03-01T05:00:00.000Z' });

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    expect(changes.deletes).toContainEqual({ PK: 'REVISIT', SK: `2027-03-01#${IDEA_ID}` });
    expect(changes.puts.some((item) => item['type'] === 'revisit')).toBe(false);
  });

  it('deletes every entry when the idea is withdrawn and puts those of the withdrawn list', () => {
    // Prepare
    const before = aParkedIdea('2027-03-01');
    const after = aParkedIdea('2027-03-01', { status: 'withdrawn', version: 4 });

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    expect(keysOf(changes.deletes)).toEqual(keysOf(derivedItems(before)));
    expect(changes.puts.every((item) => item.PK.startsWith('INBOX#withdrawn#'))).toBe(true);
  });

  it('never deletes a key it puts', () => {
    // Prepare
    const before = aTriagedIdea({ themeAlignment: themes('automatisering', 'borgernaer') });
    const after = aTriagedIdea({ themeAlignment: themes('borgernaer', 'groen_omstilling'), scorecard: scorecard(10), version: 3 });

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    const put = new Set(changes.puts.map(keyOf));
    expect(changes.deletes.filter((key) => put.has(keyOf(key)))).toEqual([]);
  });

  it('deletes by key alone', () => {
    // Prepare
    const before = aTriagedIdea();
    const after = aTriagedIdea({ status: 'accepted', version: 3 });

    // Act
    const changes = derivedItemChanges(before, after);

    // Assess
    expect(changes.deletes.every((key) => Object.keys(key).sort().join(',') === 'PK,SK')).toBe(true);
  });
});

const OWNER = { sub: 'o1-owner', name: 'Ole Ejer' };
/** The test pilots' department as list keys carry it: in lower case, URI-encoded. */
const PILOT_DEPARTMENT = '%C3%A6ldre%20og%20sundhed';

describe('pilotDerivedItems', () => {
  it('keeps one entry per list and order: all pilots and its stage, each alone, by its theme and by its department, in 3 orders', () => {
    // Act
    const items = pilotDerivedItems(aPilot());

    // Assess
    expect(items).toHaveLength(2 * 3 * 3);
    expect(items.every((item) => item['type'] === 'pilot-entry')).toBe(true);
    expect(new Set(items.map((item) => item.PK.replace(/#s=[a-z_]+$/, '')))).toEqual(
      new Set(['PILOTS#all', 'PILOTS#all#t=automatisering', `PILOTS#all#d=${PILOT_DEPARTMENT}`, 'PILOTS#sprint', 'PILOTS#sprint#t=automatisering', `PILOTS#sprint#d=${PILOT_DEPARTMENT}`]),
    );
  });

  it('keeps an active pilot on hold in the list of pilots on hold, in its one order, and a stopped one not', () => {
    // Prepare
    const held = aPilotIn('pilot', '2026-02-01T09:00:00.000Z', { hold: { until: '2026-04-01', reason: 'Budgettet afventes.' } });
    const stopped = aStoppedPilot('pilot', { hold: { until: '2026-04-01', reason: 'Budgettet afventes.' } });

    // Act
    const heldItems = pilotDerivedItems(held);
    const stoppedItems = pilotDerivedItems(stopped);

    // Assess
    expect(heldItems).toHaveLength(2 * 3 * 3 + 1);
    expect(heldItems.filter((item) => item.PK.startsWith('PILOTS#held'))).toEqual([
      { PK: 'PILOTS#held#s=hold_until', SK: `2026-04-01#2026-02-01T09:00:00.000Z#${held.id}`, type: 'pilot-entry', row: pilotRow(held) },
    ]);
    expect(stoppedItems.some((item) => item.PK.startsWith('PILOTS#held'))).toBe(false);
  });

  it('takes a pilot out of the list of pilots on hold when the hold is lifted', () => {
    // Prepare
    const held = aPilotIn('pilot', '2026-02-01T09:00:00.000Z', { hold: { until: '2026-04-01', reason: 'Budgettet afventes.' } });
    const { hold: _lifted, ...moved } = held;

    // Act
    const changes = pilotDerivedItemChanges(held, { ...moved, version: held.version + 1 });

    // Assess
    expect(changes.deletes).toEqual([{ PK: 'PILOTS#held#s=hold_until', SK: `2026-04-01#2026-02-01T09:00:00.000Z#${held.id}` }]);
  });

  it('keeps 2 lists more, in 3 orders, for each further theme and for an owner', () => {
    // Act
    const items = pilotDerivedItems(aPilot({ themes: ['automatisering', 'borgerservice'], owner: OWNER }));

    // Assess
    expect(items).toHaveLength(2 * 5 * 3);
    expect(items.map((item) => item.PK)).toContain('PILOTS#sprint#o=o1-owner#s=newest');
  });

  it('keys each entry by its list and order, sorted by the pilot’s sort value, and carries its row', () => {
    // Prepare
    const pilot = aPilotIn('pilot', '2026-02-01T09:00:00.000Z', { owner: OWNER });

    // Act
    const items = pilotDerivedItems(pilot);

    // Assess
    for (const sort of STAGE_LIST_SORTS) {
      expect(items).toContainEqual({ PK: pilotListEntryEntity.list({ stage: 'pilot', owner: OWNER.sub }, sort).partition, SK: pilotSortValue(pilot, sort), type: 'pilot-entry', row: pilotRow(pilot) });
    }
    expect(items.every((item) => JSON.stringify(item['row']) === JSON.stringify(pilotRow(pilot)))).toBe(true);
  });

  it('gives every entry its own key', () => {
    // Act
    const items = pilotDerivedItems(aPilot({ themes: ['automatisering', 'borgerservice'], owner: OWNER }));

    // Assess
    expect(new Set(items.map(keyOf)).size).toBe(items.length);
  });

  it('keeps the learning of a stopped pilot in the learnings partition, under its id', () => {
    // Prepare
    const pilot = aStoppedPilot('pilot');

    // Act
    const items = pilotDerivedItems(pilot);

    // Assess
    expect(items).toContainEqual({ PK: 'LEARNINGS', SK: PILOT_ID, type: 'learning', learning: learningOf(pilot) });
    expect(items.filter((item) => item['type'] === 'learning')).toHaveLength(1);
  });

  it('keeps the learning of a realised pilot with learnings, and none for one without or one still active', () => {
    // Act
    const realised = pilotDerivedItems(aPilotIn('realised', undefined, { learnings: LEARNINGS }));
    const silent = pilotDerivedItems(aPilotIn('realised'));
    const active = pilotDerivedItems(aPilotIn('operations', undefined, { learnings: LEARNINGS }));

    // Assess
    expect(realised.filter((item) => item.PK === 'LEARNINGS')).toHaveLength(1);
    expect(silent.filter((item) => item.PK === 'LEARNINGS')).toEqual([]);
    expect(active.filter((item) => item.PK === 'LEARNINGS')).toEqual([]);
  });
});

describe('pilotDerivedItemChanges', () => {
  it('puts every entry and deletes nothing for a new pilot', () => {
    // Prepare
    const pilot = aPilot();

    // Act
    const changes = pilotDerivedItemChanges(undefined, pilot);

    // Assess
    expect(changes).toEqual({ puts: pilotDerivedItems(pilot), deletes: [] });
  });

  it('deletes the old stage’s entries and the all-pilots entries that sort by stage, and puts every entry of the new stage', () => {
    // Prepare
    const before = aPilot();
    const after = aPilotIn('pilot', '2026-02-01T09:00:00.000Z');

    // Act
    const changes = pilotDerivedItemChanges(before, after);

    // Assess
    expect(keysOf(changes.puts)).toEqual(keysOf(pilotDerivedItems(after)));
    const deleted = changes.deletes.map((key) => key.PK);
    expect(deleted.filter((pk) => pk.startsWith('PILOTS#sprint#'))).toHaveLength(9);
    expect(deleted.filter((pk) => pk.startsWith('PILOTS#all#'))).toHaveLength(6);
    expect(deleted.filter((pk) => pk.startsWith('PILOTS#all#') && pk.endsWith('#s=newest'))).toEqual([]);
  });

  it('deletes only the expected-hours entries when only the expected hours change', () => {
    // Prepare
    const hypothesis = { expectedHoursPerYear: 100, successMeasure: 'Minutter pr. vagt', baseline: '40', successThreshold: '20' };
    const before = aPilot({ hypothesis });
    const after = aPilot({ hypothesis: { ...hypothesis, expectedHoursPerYear: 400 }, version: 2 });

    // Act
    const changes = pilotDerivedItemChanges(before, after);

    // Assess
    expect(changes.deletes).toHaveLength(2 * 3);
    expect(changes.deletes.every((key) => key.PK.endsWith('#s=expected_hours'))).toBe(true);
    expect(changes.puts).toHaveLength(2 * 3 * 3);
  });

  it('deletes the lists of an owner who is no longer the owner, and only those', () => {
    // Prepare
    const before = aPilot({ owner: OWNER });
    const after = aPilot({ owner: { sub: 'o2-owner', name: 'Anne Ejer' }, version: 2 });

    // Act
    const changes = pilotDerivedItemChanges(before, after);

    // Assess
    expect(changes.deletes).toHaveLength(2 * 3);
    expect(changes.deletes.every((key) => key.PK.includes('#o=o1-owner#'))).toBe(true);
    expect(changes.puts.filter((item) => item.PK.includes('#o=o2-owner#'))).toHaveLength(2 * 3);
  });

  it('deletes the learning when the learnings of a realised pilot are cleared', () => {
    // Prepare
    const before = aPilotIn('realised', undefined, { learnings: LEARNINGS });
    const after = aPilotIn('realised', undefined, { version: 6 });

    // Act
    const changes = pilotDerivedItemChanges(before, after);

    // Assess
    expect(changes.deletes).toEqual([{ PK: 'LEARNINGS', SK: PILOT_ID }]);
  });

  it('never deletes a key it puts, and deletes by key alone', () => {
    // Prepare
    const before = aPilotIn('evaluation', '2026-02-01T09:00:00.000Z', { themes: ['automatisering', 'borgerservice'], owner: OWNER });
    const after = aStoppedPilot('evaluation', { themes: ['borgerservice', 'groen_omstilling'], owner: OWNER });

    // Act
    const changes = pilotDerivedItemChanges(before, after);

    // Assess
    const put = new Set(changes.puts.map(keyOf));
    expect(changes.deletes.filter((key) => put.has(keyOf(key)))).toEqual([]);
    expect(changes.deletes.every((key) => Object.keys(key).sort().join(',') === 'PK,SK')).toBe(true);
    expect(changes.deletes.length).toBeGreaterThan(0);
  });
});

/**
 * Items the table keeps alongside an idea or a pilot, derived from it alone. For an idea: its
 * inbox entries (one per list and order, each carrying the inbox row) and, while it is parked,
 * its revisit entry. For a pilot: its entries in the pipeline lists (each carrying its row) and,
 * once it is stopped or realised with learnings, its learning. Every write of an idea or a pilot
 * replaces them in the same transaction (./ideas.ts, ./pilots.ts), so they are never stale.
 */
import { INBOX_SORTS, inboxListsOf, inboxRow, inboxSortValue } from '../domain/inbox.ts';
import type { Idea } from '../domain/idea.ts';
import { learningOf } from '../domain/learnings.ts';
import { pilotListsOf, pilotRow, pilotSortsOf, pilotSortValue } from '../domain/pilot-lists.ts';
import type { Pilot } from '../domain/pilot.ts';
import { inboxEntryKey, learningKey, pilotListEntryKey, revisitKey } from './keys.ts';

type Item = Record<string, unknown> & { PK: string; SK: string };

export interface ItemChanges {
  puts: Item[];
  deletes: { PK: string; SK: string }[];
}

export function derivedItems(idea: Idea): Item[] {
  const row = inboxRow(idea);
  const items: Item[] = [];
  for (const list of inboxListsOf(idea)) {
    for (const sort of INBOX_SORTS) items.push({ ...inboxEntryKey(list, sort, inboxSortValue(idea, sort)), type: 'inbox', row });
  }
  if (idea.status === 'parked' && idea.decision?.revisitOn !== undefined) {
    items.push({ ...revisitKey(idea.decision.revisitOn, idea.id), type: 'revisit', ideaId: idea.id });
  }
  return items;
}

export function pilotDerivedItems(pilot: Pilot): Item[] {
  const row = pilotRow(pilot);
  const items: Item[] = [];
  for (const list of pilotListsOf(pilot)) {
    for (const sort of pilotSortsOf(list)) items.push({ ...pilotListEntryKey(list, sort, pilotSortValue(pilot, sort)), type: 'pilot-entry', row });
  }
  const learning = learningOf(pilot);
  if (learning !== undefined) items.push({ ...learningKey(pilot.id), type: 'learning', learning });
  return items;
}

/** What to write when an idea changes from `before` to `after`: every derived item of `after`, and deletes for the keys it no longer has. */
export function derivedItemChanges(before: Idea | undefined, after: Idea): ItemChanges {
  return changesBetween(before === undefined ? [] : derivedItems(before), derivedItems(after));
}

export function pilotDerivedItemChanges(before: Pilot | undefined, after: Pilot): ItemChanges {
  return changesBetween(before === undefined ? [] : pilotDerivedItems(before), pilotDerivedItems(after));
}

function changesBetween(before: Item[], after: Item[]): ItemChanges {
  const kept = new Set(after.map((item) => `${item.PK}\u0000${item.SK}`));
  const deletes = before.filter((item) => !kept.has(`${item.PK}\u0000${item.SK}`)).map(({ PK, SK }) => ({ PK, SK }));
  return { puts: after, deletes };
}

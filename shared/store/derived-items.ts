/**
 * Items the table keeps alongside an idea or a pilot, derived from it alone. For an idea: its
 * inbox entries (one per list and order, each carrying the inbox row) and, while it is parked,
 * its revisit entry. For a pilot: its entries in the pipeline lists (each carrying its row) and,
 * once it is stopped or realised with learnings, its learning. Every write of an idea or a pilot
 * replaces them in the same transaction (./ideas.ts, ./pilots.ts), so they are never stale. Each
 * is declared in ./entities.ts.
 */
import type { Idea } from '../domain/idea.ts';
import type { Pilot } from '../domain/pilot.ts';
import { inboxEntryEntity, learningEntity, pilotListEntryEntity, revisitEntity, type StoredItem, type TableKey } from './entities.ts';

interface ItemChanges {
  puts: StoredItem[];
  deletes: TableKey[];
}

export function derivedItems(idea: Idea): StoredItem[] {
  return [...inboxEntryEntity.of(idea).map(inboxEntryEntity.toItem), ...revisitEntity.of(idea).map(revisitEntity.toItem)];
}

export function pilotDerivedItems(pilot: Pilot): StoredItem[] {
  return [...pilotListEntryEntity.of(pilot).map(pilotListEntryEntity.toItem), ...learningEntity.of(pilot).map(learningEntity.toItem)];
}

/** What to write when an idea changes from `before` to `after`: every derived item of `after`, and deletes for the keys it no longer has. */
export function derivedItemChanges(before: Idea | undefined, after: Idea): ItemChanges {
  return changesBetween(before === undefined ? [] : derivedItems(before), derivedItems(after));
}

export function pilotDerivedItemChanges(before: Pilot | undefined, after: Pilot): ItemChanges {
  return changesBetween(before === undefined ? [] : pilotDerivedItems(before), pilotDerivedItems(after));
}

function changesBetween(before: StoredItem[], after: StoredItem[]): ItemChanges {
  const kept = new Set(after.map((item) => `${item.PK}\u0000${item.SK}`));
  const deletes = before.filter((item) => !kept.has(`${item.PK}\u0000${item.SK}`)).map(({ PK, SK }) => ({ PK, SK }));
  return { puts: after, deletes };
}

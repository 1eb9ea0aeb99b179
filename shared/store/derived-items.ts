/**
 * Items the table keeps alongside an idea, derived from it alone: its inbox entries (one per
 * list and order, each carrying the inbox row) and, while it is parked, its revisit entry. Every
 * write of an idea replaces them in the same transaction (./ideas.ts), so they are never stale.
 */
import { INBOX_SORTS, inboxListsOf, inboxRow, inboxSortValue } from '../domain/inbox.ts';
import type { Idea } from '../domain/idea.ts';
import { inboxEntryKey, revisitKey } from './keys.ts';

type Item = Record<string, unknown> & { PK: string; SK: string };

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

/** What to write when an idea changes from `before` to `after`: every derived item of `after`, and deletes for the keys it no longer has. */
export function derivedItemChanges(before: Idea | undefined, after: Idea): { puts: Item[]; deletes: { PK: string; SK: string }[] } {
  const puts = derivedItems(after);
  const kept = new Set(puts.map((item) => `${item.PK}\u0000${item.SK}`));
  const deletes = (before === undefined ? [] : derivedItems(before))
    .filter((item) => !kept.has(`${item.PK}\u0000${item.SK}`))
    .map(({ PK, SK }) => ({ PK, SK }));
  return { puts, deletes };
}

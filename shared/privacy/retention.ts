import type { Clock } from '../domain/clock.ts';
/**
 * Storage limitation: personal data on an idea that ended without a pilot (declined, withdrawn,
 * redirected or merged) is removed once the retention period after that end has run out
 * (SPIRE_RETENTION_DAYS, 365 by default). The idea stays, as the municipality's record of what
 * was proposed and decided; it no longer says who proposed it (docs/privacy.md).
 */
import { isPseudonym, newPseudonym, type PersonTraces } from '../domain/erasure.ts';
import { ENDED_STATUSES, retentionCutoff } from '../domain/retention.ts';
import type { Comment } from '../domain/notification.ts';
import { submitterNotificationIds } from '../notify/compose.ts';
import { logger } from '../logger.ts';
import type { IdeaStore, PersonalDataStore } from '../store/ports.ts';
// eslint-disable-next-line no-restricted-imports -- the kinds of item in an idea's partition, by their sort keys
import { commentEntity, ideaEventEntity, supporterEntity } from '../store/entities.ts';
// eslint-disable-next-line no-restricted-imports -- which items name the person, and how each is erased, is a rule of the table's layout
import { itemErasure } from '../store/personal-data.ts';
import { eraseFromIdea } from './erase.ts';

/** Ideas one run takes per status; the next run goes on where it stopped. */
export const RETENTION_BATCH = 200;

export interface RetentionReport {
  /** Ideas whose personal data was removed. */
  ideas: number;
  /** Other items (history, comments, e-mails, supporters) rewritten or deleted. */
  items: number;
}

/**
 * Removes the personal data of every idea that ended before the retention period: its submitter,
 * the names of the submitter in its history, comments and e-mails, the e-mails' address, and the
 * hashes of its supporters (each becomes a pseudonym of its own, so the count and a later merge
 * still hold). Staff stay named: the audit trail of the municipality's own work. Each status
 * keeps a mark of how far it got (the status index lists ended ideas by the time they ended,
 * which never changes), so a run reads only what ended since the last.
 */
export async function removeExpiredPersonalData(
  deps: { data: PersonalDataStore; ideas: Pick<IdeaStore, 'getIdea' | 'transition'>; clock: Clock },
  settings: { retentionDays: number; batch?: number },
): Promise<RetentionReport> {
  const now = deps.clock.now();
  const cutoff = retentionCutoff(now, settings.retentionDays);
  const report: RetentionReport = { ideas: 0, items: 0 };
  for (const status of ENDED_STATUSES) {
    const mark = (await deps.data.getRetentionMark(status)) ?? '';
    // Sort values are `<ended at>#<id>`: every idea that ended before the cutoff sorts before it.
    const due = await deps.data.listEndedBetween(status, mark, cutoff, settings.batch ?? RETENTION_BATCH);
    for (const { id } of due) {
      report.items += await removeFromIdea(deps, id, now.toISOString());
      report.ideas++;
    }
    const last = due.at(-1);
    if (last !== undefined) await deps.data.setRetentionMark(status, last.sortValue);
  }
  logger.info('Retention run done', { ...report, cutoff });
  return report;
}

/** Removes the personal data of one idea; the number of items besides the idea it changed. */
async function removeFromIdea(deps: { data: PersonalDataStore; ideas: Pick<IdeaStore, 'getIdea' | 'transition'> }, id: string, at: string): Promise<number> {
  const idea = await deps.ideas.getIdea(id);
  if (idea === undefined) return 0;
  const pseudonym = newPseudonym();
  let changed = 0;
  // Read once: the rewrites below touch the submitter's events, comments and e-mails, never the supporters.
  const items = await deps.data.ideaPartition(id);
  if (idea.submitter !== undefined) {
    const traces: PersonTraces = { sub: idea.submitter.sub, names: idea.submitter.name === undefined ? [] : [idea.submitter.name], emails: idea.submitter.email === undefined ? [] : [idea.submitter.email], hashes: [] };
    for (const item of items.filter((entry) => ideaEventEntity.isOne(entry) || commentEntity.isOne(entry))) {
      const erasure = itemErasure(item, traces, pseudonym, new Set(), at);
      if (erasure !== undefined && erasure.kind !== 'idea' && (await deps.data.apply(erasure))) changed++;
    }
    const comments = items.filter(commentEntity.isOne) as unknown as Comment[];
    for (const item of await deps.data.notifications(submitterNotificationIds(idea, comments))) {
      const erasure = itemErasure(item, traces, pseudonym, new Set(), at);
      if (erasure !== undefined && erasure.kind !== 'idea' && (await deps.data.apply(erasure))) changed++;
    }
    await eraseFromIdea(deps.ideas, id, traces, pseudonym, 'personal_data_removed', at);
  }
  // Supporters are other people: each hash becomes a pseudonym of its own.
  for (const item of items.filter(supporterEntity.isOne)) {
    const hash = supporterEntity.hashOf(item);
    if (isPseudonym(hash)) continue;
    const erasure = itemErasure(item, { sub: '', names: [], emails: [], hashes: [hash] }, newPseudonym(), new Set(), at);
    if (erasure !== undefined && erasure.kind !== 'idea' && (await deps.data.apply(erasure))) changed++;
  }
  if (idea.followUpTokenHash !== undefined) {
    const current = await deps.ideas.getIdea(id);
    if (current !== undefined) await deps.ideas.transition({ idea: current, to: current.status, change: 'personal_data_removed', actor: { kind: 'system' }, at, set: { followUpTokenHash: undefined } });
  }
  return changed;
}

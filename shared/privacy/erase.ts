import type { Clock } from '../domain/clock.ts';
/**
 * The right to erasure: `POST /me/erase` records and queues it; the erasure worker pseudonymises
 * the person everywhere in the table (docs/privacy.md). The ideas themselves stay, as the
 * municipality's record of the work; nothing in them names the person afterwards.
 */
import type { Caller } from '../domain/roles.ts';
import { learnTraces, newPseudonym, pseudonymised, type PersonTraces } from '../domain/erasure.ts';
import type { Idea } from '../domain/idea.ts';
import { logger } from '../logger.ts';
import type { ErasureQueue } from '../queue/erasure-queue.ts';
import type { ErasureMessage } from '../schemas/privacy.ts';
import type { KeySource } from '../secret.ts';
import { VersionConflictError, type ErasureRecord, type IdeaStore, type PersonalDataStore } from '../store/ports.ts';
// eslint-disable-next-line no-restricted-imports -- which items name the person, and how each is erased, is a rule of the table's layout
import { itemErasure } from '../store/personal-data.ts';
import { personHashes } from './person.ts';

/** Full reads of the table before an erasure gives up (its message is tried again, then dead-lettered and alarmed). */
export const MAX_PASSES = 5;

/**
 * Items rewritten at once. In AWS each write mostly waits on the network, so a member of staff
 * named on thousands of ideas is erased several times faster; DynamoDB Local on a two-core
 * machine is bound by its CPU and gains nothing (npm run bench:erasure).
 */
const WRITES_AT_ONCE = 8;

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(workers);
}

/** Records an erasure of the caller (its audit record) and queues it; the answer of `POST /me/erase`. */
export async function requestErasure(deps: { data: PersonalDataStore; queue: ErasureQueue; keys: KeySource; clock: Clock }, caller: Caller): Promise<ErasureRecord> {
  const keys = await deps.keys();
  const record: ErasureRecord = { id: crypto.randomUUID(), requesterHash: keys.hex('erasure', caller.sub), requestedAt: deps.clock.now().toISOString(), status: 'pending' };
  await deps.data.createErasure(record);
  await deps.queue.send({
    erasureId: record.id,
    sub: caller.sub,
    names: caller.name === undefined ? [] : [caller.name],
    emails: caller.email === undefined ? [] : [caller.email],
  });
  logger.info('Erasure requested', { erasureId: record.id });
  return record;
}

/** An erasure's record, for the person who asked for it only; anyone else is told it does not exist. */
export async function erasureFor(deps: { data: PersonalDataStore; keys: KeySource }, caller: Caller, id: string): Promise<ErasureRecord | undefined> {
  const record = await deps.data.getErasure(id);
  if (record === undefined || record.requesterHash !== (await deps.keys()).hex('erasure', caller.sub)) return undefined;
  return record;
}

export interface ErasureReport {
  passes: number;
  rewritten: number;
  deleted: number;
  ideas: number;
}

/**
 * Pseudonymises one person everywhere: reads the whole table, rewrites or deletes every item that
 * names them (shared/store/personal-data.ts, itemErasure), and reads it again until a whole read
 * finds nothing left. The repeat catches what changed during a read: a name learned from a stored
 * item (a submitter's name the token no longer carries), an item written while the read went on,
 * a rewrite that lost to a concurrent change. Throws when {@link MAX_PASSES} reads do not get there.
 */
export async function erasePerson(
  deps: { data: PersonalDataStore; ideas: Pick<IdeaStore, 'getIdea' | 'transition'>; keys: KeySource; clock: Clock },
  message: ErasureMessage,
): Promise<ErasureReport> {
  let traces: PersonTraces = { sub: message.sub, names: message.names, emails: message.emails, hashes: personHashes(await deps.keys(), message.sub) };
  const pseudonym = newPseudonym();
  const ideaIds = new Set<string>();
  const report: ErasureReport = { passes: 0, rewritten: 0, deleted: 0, ideas: 0 };
  while (report.passes < MAX_PASSES) {
    report.passes++;
    let changes = 0;
    for await (const page of deps.data.scan()) {
      traces = learnTraces(traces, page);
      for (const item of page) if (item['type'] === 'idea' && (item['submitter'] as { sub?: string } | undefined)?.sub === traces.sub) ideaIds.add(String(item['id']));
      const at = deps.clock.now().toISOString();
      const erasures = page.map((item) => itemErasure(item, traces, pseudonym, ideaIds, at)).filter((erasure) => erasure !== undefined);
      changes += erasures.length;
      // Items are independent (an idea and the items derived from it meet only through conditions), so several are written at once.
      await inParallel(erasures, WRITES_AT_ONCE, async (erasure) => {
        if (erasure.kind === 'idea') {
          if (await eraseFromIdea(deps.ideas, erasure.id, traces, pseudonym, 'personal_data_erased', at)) report.ideas++;
        } else if (await deps.data.apply(erasure)) {
          if (erasure.kind === 'delete') report.deleted++;
          else report.rewritten++;
        }
      });
    }
    if (changes === 0) return report;
  }
  throw new Error(`Erasure ${message.erasureId} still found the person after ${MAX_PASSES} reads of the table`);
}

/**
 * Rewrites one idea with the person pseudonymised, as a change of the idea with its own history
 * event, so a decision taken on the version read before cannot write the old names back. False
 * when the idea is gone, names nobody, or changed meanwhile (the next read meets it again).
 */
export async function eraseFromIdea(
  ideas: Pick<IdeaStore, 'getIdea' | 'transition'>,
  id: string,
  traces: PersonTraces,
  pseudonym: string,
  change: 'personal_data_erased' | 'personal_data_removed',
  at: string,
): Promise<boolean> {
  const idea = await ideas.getIdea(id);
  if (idea === undefined) return false;
  const erased = pseudonymised(idea, traces, pseudonym);
  const set: Partial<Idea> = {};
  for (const field of new Set([...Object.keys(idea), ...Object.keys(erased)]) as Set<keyof Idea>) {
    if (JSON.stringify(idea[field]) !== JSON.stringify(erased[field])) (set as Record<string, unknown>)[field] = erased[field];
  }
  if (Object.keys(set).length === 0) return false;
  try {
    await ideas.transition({ idea, to: idea.status, change, actor: { kind: 'system' }, at, set });
    return true;
  } catch (error) {
    if (error instanceof VersionConflictError) return false;
    throw error;
  }
}

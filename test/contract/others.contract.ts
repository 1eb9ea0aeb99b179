/**
 * The contracts of the smaller ports that have in-memory fakes (shared/store/ports.ts):
 * notifications, the strategy, mail suppressions, re-scoring jobs, the duplicate index and the
 * per-person counts. Registered by a runner with the stores it tests (./support.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { usageWindowAt } from '../../shared/domain/usage-limits.ts';
import { VersionConflictError, type UsageCharge } from '../../shared/store/ports.ts';
import { aNotification } from '../unit/support/ideas.ts';
import { aStrategy } from '../unit/support/strategy.ts';
import { rejectionOf } from '../unit/support/errors.ts';
import { allPages, FIRST_STRATEGY, minutes, newId, submitIdea, SYSTEM, type ContractStores, type MakeStores } from './support.ts';

export function notificationStoreContract(makeStores: MakeStores): void {
  let stores: ContractStores;
  beforeEach(async () => {
    stores = await makeStores();
  });

  describe('NotificationStore', () => {
    it('creation, as a part of another change, refuses a notification whose id exists', async () => {
      const notification = aNotification({ id: newId(), createdAt: minutes(1) });
      await stores.notifications.create(notification);
      const idea = await submitIdea(stores.ideas);
      await rejectionOf(stores.ideas.transition({ idea, to: 'in_triage', actor: SYSTEM, at: minutes(2) }, stores.notifications.creation({ ...notification, subject: 'Anden' })));
      expect(await stores.notifications.get(notification.id)).toEqual(notification);
      expect(await stores.ideas.getIdea(idea.id)).toEqual(idea);
    });

    it('creates a notification once, pending; a second create of its id is false and changes nothing', async () => {
      const notification = aNotification({ id: newId(), createdAt: minutes(1) });
      expect(await stores.notifications.create(notification)).toBe(true);
      expect(await stores.notifications.create({ ...notification, subject: 'Anden' })).toBe(false);
      expect(await stores.notifications.get(notification.id)).toEqual(notification);
      expect(await stores.notifications.get(newId())).toBeUndefined();
    });

    it('listPending answers notifications created before the moment, oldest first, with their re-queues, up to the limit', async () => {
      const later = aNotification({ id: newId(), createdAt: minutes(3) });
      const sooner = aNotification({ id: newId(), createdAt: minutes(1) });
      const middle = aNotification({ id: newId(), createdAt: minutes(2) });
      for (const notification of [later, sooner, middle]) await stores.notifications.create(notification);
      await stores.notifications.recordRequeue(middle.id);
      await stores.notifications.recordRequeue(middle.id);
      expect(await stores.notifications.listPending(minutes(3), 10)).toEqual([
        { id: sooner.id, requeues: 0 },
        { id: middle.id, requeues: 2 },
      ]);
      expect(await stores.notifications.listPending(minutes(9), 1)).toEqual([{ id: sooner.id, requeues: 0 }]);
      expect((await stores.notifications.get(middle.id))?.requeues).toBe(2);
    });

    it('markSent, abandon and markNotSent take a notification off the pending list and record when (and why)', async () => {
      const [sent, abandoned, notSent] = [newId(), newId(), newId()];
      for (const id of [sent, abandoned, notSent]) await stores.notifications.create(aNotification({ id, createdAt: minutes(1) }));
      await stores.notifications.markSent(sent, minutes(2));
      await stores.notifications.abandon(abandoned, minutes(3));
      await stores.notifications.markNotSent(notSent, 'address-bounced', minutes(4));
      expect(await stores.notifications.listPending(minutes(9), 10)).toEqual([]);
      expect(await stores.notifications.get(sent)).toMatchObject({ sentAt: minutes(2) });
      expect(await stores.notifications.get(abandoned)).toMatchObject({ abandonedAt: minutes(3) });
      expect(await stores.notifications.get(notSent)).toMatchObject({ notSentAt: minutes(4), notSentReason: 'address-bounced' });
    });

    it('leaves a sent notification as it was sent: a second markSent, a re-queue, abandon or markNotSent is a no-op', async () => {
      const notification = aNotification({ id: newId(), createdAt: minutes(1) });
      await stores.notifications.create(notification);
      await stores.notifications.markSent(notification.id, minutes(2));
      await stores.notifications.markSent(notification.id, minutes(3));
      await stores.notifications.recordRequeue(notification.id);
      await stores.notifications.abandon(notification.id, minutes(4));
      await stores.notifications.markNotSent(notification.id, 'erased', minutes(5));
      expect(await stores.notifications.get(notification.id)).toEqual({ ...notification, sentAt: minutes(2) });
    });

    it('changes nothing for a notification that does not exist', async () => {
      const id = newId();
      await stores.notifications.markSent(id, minutes(2));
      await stores.notifications.recordRequeue(id);
      await stores.notifications.abandon(id, minutes(2));
      await stores.notifications.markNotSent(id, 'erased', minutes(2));
      expect(await stores.notifications.get(id)).toBeUndefined();
      expect(await stores.notifications.listPending(minutes(9), 10)).toEqual([]);
    });
  });
}

export function strategyStoreContract(makeStores: MakeStores): void {
  let stores: ContractStores;
  beforeEach(async () => {
    stores = await makeStores();
  });

  describe('StrategyStore', () => {
    it('answers the first version as the current one before any change', async () => {
      const current = await stores.strategy.current();
      expect(current).toMatchObject({ ...FIRST_STRATEGY, version: 1 });
      expect(await stores.strategy.version(1)).toMatchObject({ ...FIRST_STRATEGY, version: 1 });
      expect(await stores.strategy.version(2)).toBeUndefined();
    });

    it('stores a replacement as the next version, only on the version read', async () => {
      const next = aStrategy({ name: { da: 'Ny strategi for Ærø', en: 'New strategy' } });
      const stored = await stores.strategy.replace(next, 1, 'admin-1', minutes(5));
      expect(stored).toEqual({ ...next, version: 2, createdAt: minutes(5), createdBy: 'admin-1' });
      expect(await stores.strategy.current()).toEqual(stored);
      expect(await stores.strategy.version(2)).toEqual(stored);
      const error = await rejectionOf(stores.strategy.replace(aStrategy(), 1, 'admin-2', minutes(6)));
      expect(error).toBeInstanceOf(VersionConflictError);
      expect((error as VersionConflictError).conflict).toEqual({ kind: 'strategy', expectedVersion: 1 });
      expect(await stores.strategy.current()).toEqual(stored);
    });

    it('listVersions answers every version newest first, page by page', async () => {
      for (let version = 1; version <= 4; version++) await stores.strategy.replace(aStrategy(), version, 'admin-1', minutes(version));
      const { items } = await allPages((cursor) => stores.strategy.listVersions(2, cursor));
      expect(items.map((strategy) => strategy.version)).toEqual([5, 4, 3, 2, 1]);
    });

    it('hands out a cursor only when more versions follow: a full last page carries none', async () => {
      await stores.strategy.replace(aStrategy(), 1, 'admin-1', minutes(1));
      const whole = await stores.strategy.listVersions(2);
      expect(whole.items.map((strategy) => strategy.version)).toEqual([2, 1]);
      expect(whole.nextCursor).toBeUndefined();
    });
  });
}

export function mailSuppressionStoreContract(makeStores: MakeStores): void {
  let stores: ContractStores;
  beforeEach(async () => {
    stores = await makeStores();
  });

  describe('MailSuppressionStore', () => {
    it('suppresses an address once, keeping the first report, and finds it in any case', async () => {
      const first = { address: 'Birthe.Sorensen@Kommune.example', reason: 'bounce', detail: 'General', at: minutes(1), feedbackId: 'fb-1', notificationId: 'n-1' } as const;
      expect(await stores.suppressions.suppress(first)).toBe(true);
      expect(await stores.suppressions.suppress({ ...first, address: 'birthe.sorensen@kommune.example', reason: 'complaint', feedbackId: 'fb-2' })).toBe(false);
      const found = await stores.suppressions.find('BIRTHE.SORENSEN@KOMMUNE.EXAMPLE');
      expect(found).toMatchObject({ reason: 'bounce', feedbackId: 'fb-1', at: minutes(1), notificationId: 'n-1' });
      expect(found?.address).toBe(await stores.suppressions.find('birthe.sorensen@kommune.example').then((again) => again?.address));
      expect(await stores.suppressions.find('someone.else@kommune.example')).toBeUndefined();
    });
  });
}

export function rescoreJobStoreContract(makeStores: MakeStores): void {
  let stores: ContractStores;
  beforeEach(async () => {
    stores = await makeStores();
  });

  describe('RescoreJobStore', () => {
    it('counts queued pages and ideas, each page done once, and keeps the first supersession', async () => {
      const job = { id: `2026-02-02T08:00:00.000Z#${newId()}`, strategyVersion: 3, startedAt: minutes(0), startedBy: 'admin-1' };
      await stores.rescoreJobs.create(job);
      expect(await stores.rescoreJobs.get(job.id)).toEqual({ ...job, pagesQueued: 0, ideasQueued: 0, pagesDone: 0 });
      await stores.rescoreJobs.addQueued(job.id, 2, 50);
      await stores.rescoreJobs.addQueued(job.id, 1, 7);
      await stores.rescoreJobs.finishQueueing(job.id, minutes(1));
      await stores.rescoreJobs.markPageDone(job.id, 0);
      await stores.rescoreJobs.markPageDone(job.id, 2);
      await stores.rescoreJobs.markPageDone(job.id, 0);
      await stores.rescoreJobs.markSuperseded(job.id, minutes(2));
      await stores.rescoreJobs.markSuperseded(job.id, minutes(3));
      expect(await stores.rescoreJobs.get(job.id)).toEqual({ ...job, pagesQueued: 3, ideasQueued: 57, queuedAt: minutes(1), pagesDone: 2, supersededAt: minutes(2) });
    });

    it('refuses to create a job twice and answers undefined for a job that does not exist', async () => {
      const job = { id: newId(), strategyVersion: 2, startedAt: minutes(0), startedBy: 'admin-1' };
      await stores.rescoreJobs.create(job);
      await rejectionOf(stores.rescoreJobs.create({ ...job, strategyVersion: 9 }));
      expect((await stores.rescoreJobs.get(job.id))?.strategyVersion).toBe(2);
      expect(await stores.rescoreJobs.get(newId())).toBeUndefined();
    });
  });
}

export function similarityIndexContract(makeStores: MakeStores): void {
  let stores: ContractStores;
  beforeEach(async () => {
    stores = await makeStores();
  });

  describe('SimilarityIndex', () => {
    it('reads a band from its own sort value onwards, then from the start, up to maxPerBand ideas', async () => {
      const band = (sort: string) => ({ key: 'b03:9f2c1a7e', sort });
      await stores.similarity.add('idea-a', [band('10000000')]);
      await stores.similarity.add('idea-b', [band('20000000')]);
      await stores.similarity.add('idea-c', [band('30000000'), { key: 'b04:00000001', sort: '30000000' }]);
      await stores.similarity.add('idea-c', [band('30000000')]);
      expect(await stores.similarity.lookup([band('20000000')], 10)).toEqual([['idea-b', 'idea-c', 'idea-a']]);
      expect(await stores.similarity.lookup([band('25000000'), { key: 'b04:00000001', sort: '00000000' }], 2)).toEqual([['idea-c', 'idea-a'], ['idea-c']]);
      expect(await stores.similarity.lookup([{ key: 'b05:ffffffff', sort: '00000000' }], 5)).toEqual([[]]);
    });
  });
}

export function usageCounterStoreContract(makeStores: MakeStores): void {
  let stores: ContractStores;
  beforeEach(async () => {
    stores = await makeStores();
  });

  describe('UsageCounterStore', () => {
    const charge = (overrides: Partial<UsageCharge> = {}): UsageCharge => ({
      subjectHash: 'e'.repeat(64),
      action: 'submit',
      window: usageWindowAt(new Date(minutes(0))),
      limit: 2,
      ...overrides,
    });

    it('counts up to the limit, refuses past it, and counts one more after a use is given back', async () => {
      expect(await stores.usage.add(charge())).toBe(true);
      expect(await stores.usage.add(charge())).toBe(true);
      expect(await stores.usage.add(charge())).toBe(false);
      await stores.usage.giveBack(charge());
      expect(await stores.usage.add(charge())).toBe(true);
      expect(await stores.usage.add(charge())).toBe(false);
    });

    it('counts each person, action and window apart, and gives back nothing that was not counted', async () => {
      await stores.usage.giveBack(charge());
      expect(await stores.usage.add(charge({ limit: 1 }))).toBe(true);
      expect(await stores.usage.add(charge({ limit: 1 }))).toBe(false);
      expect(await stores.usage.add(charge({ limit: 1, action: 'support' }))).toBe(true);
      expect(await stores.usage.add(charge({ limit: 1, subjectHash: 'f'.repeat(64) }))).toBe(true);
      expect(await stores.usage.add(charge({ limit: 1, window: usageWindowAt(new Date(minutes(24 * 60))) }))).toBe(true);
    });
  });
}

/**
 * The contracts of IdeaStore, ConversationStore and BackgroundWorkStore (shared/store/ports.ts):
 * what the use cases rely on, at the ports' level, never the table's keys, with the parts another
 * store adds to a change (a notification, a merge job, a status check). Registered by a runner
 * with the stores it tests (./support.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Idea } from '../../shared/domain/idea.ts';
import { departmentKey, inboxRow } from '../../shared/domain/inbox.ts';
import type { Comment } from '../../shared/domain/notification.ts';
import { COMMENTS_PER_READ, InvalidCursorError, VersionConflictError, type IdempotencyRecord, type StoreCursor } from '../../shared/store/ports.ts';
import { aComment, aDecision, aNotification, anAnonymousIdea, anIdea, aSubmittedEvent, SUBMITTER_SUB } from '../unit/support/ideas.ts';
import { rejectionOf } from '../unit/support/errors.ts';
import { admission, allPages, ideaInTriage, minutes, move, newId, park, STAFF, submitIdea, SYSTEM, type ContractStores, type MakeStores } from './support.ts';

const THEME = 'automatisering';

export function ideaStoreContract(makeStores: MakeStores): void {
  let stores: ContractStores;
  beforeEach(async () => {
    stores = await makeStores();
  });

  describe('submit', () => {
    it('stores a new idea with its first history event', async () => {
      const idea = await submitIdea(stores.ideas);
      expect(await stores.ideas.getIdea(idea.id)).toEqual(idea);
      const record = await stores.ideas.getIdeaWithHistory(idea.id);
      expect(record?.history).toEqual([expect.objectContaining({ ideaId: idea.id, version: 1, to: 'submitted' })]);
    });

    it('stores the idempotency record with the idea, and answers a retry with it, storing nothing of the retry', async () => {
      const idea = anIdea({ id: newId() });
      const record: IdempotencyRecord = { keyHash: 'k'.repeat(64), requestHash: 'r'.repeat(64), ideaId: idea.id, expiresAt: 1_800_000_000 };
      expect(await stores.ideas.submit(idea, aSubmittedEvent(idea), record)).toEqual({ created: true });
      expect(await stores.ideas.getIdempotencyRecord(record.keyHash)).toEqual(record);

      const retry = anIdea({ id: newId() });
      expect(await stores.ideas.submit(retry, aSubmittedEvent(retry), { ...record, ideaId: retry.id })).toEqual({ created: false, replayOf: record });
      expect(await stores.ideas.getIdea(retry.id)).toBeUndefined();
      expect(await stores.ideas.getIdeaWithHistory(retry.id)).toBeUndefined();
      expect(await stores.ideas.getIdempotencyRecord(record.keyHash)).toEqual(record);
    });

    it('refuses an idea whose id exists, leaving the stored one as it was', async () => {
      const idea = await submitIdea(stores.ideas);
      await rejectionOf(stores.ideas.submit({ ...idea, title: 'En anden titel' }, { ideaId: idea.id, version: 1, at: idea.createdAt, to: 'submitted', actor: SYSTEM }));
      expect(await stores.ideas.getIdea(idea.id)).toEqual(idea);
    });
  });

  describe('reading ideas', () => {
    it('answers undefined for an idea that does not exist', async () => {
      expect(await stores.ideas.getIdea(newId())).toBeUndefined();
      expect(await stores.ideas.getIdeaWithHistory(newId())).toBeUndefined();
      expect(await stores.ideas.getIdempotencyRecord('x'.repeat(64))).toBeUndefined();
    });

    it('getIdeas answers the ideas that exist and leaves out the others', async () => {
      const a = await submitIdea(stores.ideas);
      const b = await submitIdea(stores.ideas);
      const found = await stores.ideas.getIdeas([a.id, newId(), b.id]);
      expect(found.toSorted((x, y) => x.id.localeCompare(y.id))).toEqual([a, b].toSorted((x, y) => x.id.localeCompare(y.id)));
      expect(await stores.ideas.getIdeas([])).toEqual([]);
    });

    it('getIdeaWithHistory answers the history in version order with what each event recorded', async () => {
      const admitted = await ideaInTriage(stores.ideas, { at: minutes(1) });
      const decision = aDecision('needs_info', { at: minutes(2), message: 'Hvilke systemer?' });
      const asked = await move(stores.ideas, admitted, 'needs_info', minutes(2), { decision, set: { decision }, reason: 'spørgsmål' });
      await stores.ideas.transition({ idea: asked, to: 'in_triage', actor: { kind: 'submitter', sub: SUBMITTER_SUB }, at: minutes(3), answer: 'Cura, Nexus og Outlook' });
      const record = await stores.ideas.getIdeaWithHistory(admitted.id);
      expect(record?.idea).toMatchObject({ status: 'in_triage', version: 4 });
      expect(record?.history).toEqual([
        expect.objectContaining({ version: 1, to: 'submitted' }),
        expect.objectContaining({ version: 2, from: 'submitted', to: 'in_triage', actor: SYSTEM, at: minutes(1) }),
        expect.objectContaining({ version: 3, from: 'in_triage', to: 'needs_info', actor: STAFF, decision, reason: 'spørgsmål' }),
        expect.objectContaining({ version: 4, from: 'needs_info', to: 'in_triage', answer: 'Cura, Nexus og Outlook' }),
      ]);
    });
  });

  describe('transition', () => {
    it('stores the idea at the next version, with its status changed at `at` and the attributes set', async () => {
      const idea = await submitIdea(stores.ideas);
      const moved = await stores.ideas.transition({ idea, to: 'in_triage', actor: SYSTEM, at: minutes(5), set: admission(55) });
      expect(moved).toMatchObject({ status: 'in_triage', version: 2, statusChangedAt: minutes(5), updatedAt: minutes(5), scorecard: { priority: 55 } });
      expect(await stores.ideas.getIdea(idea.id)).toEqual(moved);
    });

    it('keeps statusChangedAt for a change that is not a change of status', async () => {
      const idea = await ideaInTriage(stores.ideas, { at: minutes(1) });
      const assigned = await move(stores.ideas, idea, 'in_triage', minutes(7), { change: 'assignment', set: { assignee: { sub: 'triage-2', name: 'Åse' } } });
      expect(assigned).toMatchObject({ statusChangedAt: minutes(1), updatedAt: minutes(7), version: 3 });
      const history = (await stores.ideas.getIdeaWithHistory(idea.id))?.history;
      expect(history?.at(-1)).toMatchObject({ change: 'assignment', from: 'in_triage', to: 'in_triage', version: 3 });
    });

    it('removes an attribute set to undefined', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const assigned = await move(stores.ideas, idea, 'in_triage', minutes(2), { change: 'assignment', set: { assignee: { sub: 'triage-2' } } });
      await move(stores.ideas, assigned, 'in_triage', minutes(3), { change: 'assignment', set: { assignee: undefined } });
      const stored = await stores.ideas.getIdea(idea.id);
      expect(stored).toBeDefined();
      expect(Object.keys(stored!)).not.toContain('assignee');
    });

    it('refuses a change from a version that is no longer current with VersionConflictError, writing nothing', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const stale = { ...idea, version: 1 };
      const error = await rejectionOf(move(stores.ideas, stale, 'declined', minutes(3)));
      expect(error).toBeInstanceOf(VersionConflictError);
      expect((error as VersionConflictError).conflict).toEqual({ kind: 'idea', id: idea.id, expectedVersion: 1 });
      const record = await stores.ideas.getIdeaWithHistory(idea.id);
      expect(record?.idea).toEqual(idea);
      expect(record?.history).toHaveLength(2);
    });

    it('refuses a change from a status that is no longer current, even at the current version', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const error = await rejectionOf(move(stores.ideas, { ...idea, status: 'needs_info' }, 'declined', minutes(3)));
      expect(error).toBeInstanceOf(VersionConflictError);
      expect((error as VersionConflictError).conflict).toEqual({ kind: 'idea', id: idea.id, expectedVersion: idea.version });
      expect(await stores.ideas.getIdea(idea.id)).toEqual(idea);
    });

    it('refuses a change of an idea that does not exist with VersionConflictError', async () => {
      const ghost = { ...(await submitIdea(stores.ideas)), id: newId() };
      const error = await rejectionOf(move(stores.ideas, ghost, 'in_triage', minutes(2)));
      expect(error).toBeInstanceOf(VersionConflictError);
      expect(await stores.ideas.getIdea(ghost.id)).toBeUndefined();
    });

    it('lets only one of two changes from the same version through', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const results = await Promise.allSettled([move(stores.ideas, idea, 'declined', minutes(3)), move(stores.ideas, idea, 'parked', minutes(3))]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((result) => result.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(VersionConflictError);
      expect((await stores.ideas.getIdea(idea.id))?.version).toBe(idea.version + 1);
    });

    it('with a status check alongside, changes the idea only while the other idea is in one of the statuses', async () => {
      const target = await ideaInTriage(stores.ideas);
      const first = await ideaInTriage(stores.ideas);
      const merged = await move(stores.ideas, first, 'duplicate', minutes(4), {}, stores.ideas.statusCheck(target.id, ['in_triage', 'needs_info']));
      expect(merged.status).toBe('duplicate');

      const second = await ideaInTriage(stores.ideas);
      const error = await rejectionOf(move(stores.ideas, second, 'duplicate', minutes(4), {}, stores.ideas.statusCheck(target.id, ['parked'])));
      expect(error).toBeInstanceOf(VersionConflictError);
      expect((error as VersionConflictError).conflict).toEqual({ kind: 'idea', id: second.id, expectedVersion: second.version });
      expect(await stores.ideas.getIdea(second.id)).toEqual(second);

      const third = await ideaInTriage(stores.ideas);
      await expect(move(stores.ideas, third, 'duplicate', minutes(4), {}, stores.ideas.statusCheck(newId(), ['in_triage']))).rejects.toBeInstanceOf(VersionConflictError);
    });

    it('a failed status check makes the change a VersionConflictError of the idea changed, and writes nothing of it or of the other parts', async () => {
      const target = await ideaInTriage(stores.ideas);
      const idea = await ideaInTriage(stores.ideas);
      const notification = aNotification({ id: `${idea.id}.v3`, ideaId: idea.id, createdAt: minutes(4) });
      const error = await rejectionOf(
        move(
          stores.ideas,
          idea,
          'duplicate',
          minutes(4),
          {},
          stores.notifications.creation(notification),
          stores.work.mergeJob({ ideaId: idea.id, into: target.id, at: minutes(4) }),
          stores.ideas.statusCheck(target.id, ['accepted']),
        ),
      );
      expect(error).toBeInstanceOf(VersionConflictError);
      expect((error as VersionConflictError).conflict).toEqual({ kind: 'idea', id: idea.id, expectedVersion: idea.version });
      const record = await stores.ideas.getIdeaWithHistory(idea.id);
      expect(record?.idea).toEqual(idea);
      expect(record?.history).toHaveLength(2);
      expect(await stores.ideas.getIdea(target.id)).toEqual(target);
      expect(await stores.notifications.get(notification.id)).toBeUndefined();
      expect(await stores.work.listPendingMerges(minutes(10), 10)).toEqual([]);
      expect((await stores.ideas.listInbox({ status: 'duplicate' }, 'age', 10)).items).toEqual([]);
    });

    it('refuses a part that another family of stores made, writing nothing', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const notification = aNotification({ id: `${idea.id}.v3`, ideaId: idea.id, createdAt: minutes(3) });
      await rejectionOf(move(stores.ideas, idea, 'declined', minutes(3), {}, stores.foreignPart(notification)));
      const record = await stores.ideas.getIdeaWithHistory(idea.id);
      expect(record?.idea).toEqual(idea);
      expect(record?.history).toHaveLength(2);
      expect(await stores.notifications.get(notification.id)).toBeUndefined();
    });

    it('writes the notification it carries, pending, in the same change', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const notification = aNotification({ id: `${idea.id}.v3`, ideaId: idea.id, createdAt: minutes(3) });
      await move(stores.ideas, idea, 'declined', minutes(3), {}, stores.notifications.creation(notification));
      expect(await stores.notifications.get(notification.id)).toEqual(notification);
      expect(await stores.notifications.listPending(minutes(4), 10)).toEqual([{ id: notification.id, requeues: 0 }]);
    });

    it('writes nothing when the notification it carries exists already', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const notification = aNotification({ id: `${idea.id}.v3`, ideaId: idea.id, createdAt: minutes(3) });
      await stores.notifications.create(notification);
      await rejectionOf(move(stores.ideas, idea, 'declined', minutes(3), {}, stores.notifications.creation({ ...notification, subject: 'Anden' })));
      expect(await stores.ideas.getIdea(idea.id)).toEqual(idea);
      expect((await stores.notifications.get(notification.id))?.subject).toBe(notification.subject);
    });

    it('recordRequeue counts one more re-queue, only while the idea is at the version and status read', async () => {
      const idea = await submitIdea(stores.ideas);
      await stores.ideas.recordRequeue(idea);
      expect((await stores.ideas.getIdea(idea.id))?.requeueCount).toBe(1);
      await stores.ideas.recordRequeue({ ...idea, version: 7 });
      await stores.ideas.recordRequeue({ ...idea, status: 'in_triage' });
      expect((await stores.ideas.getIdea(idea.id))?.requeueCount).toBe(1);
      await stores.ideas.recordRequeue({ ...idea, id: newId() });
      expect(await stores.ideas.getIdeas([idea.id])).toHaveLength(1);
    });
  });

  describe('the inbox', () => {
    it('lists an idea in triage under its status, kind, department and theme, with its row as it is now', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const department = departmentKey(idea.department);
      for (const list of [{ status: 'in_triage' }, { status: 'in_triage', kind: 'idea' }, { status: 'in_triage', department }, { status: 'in_triage', theme: THEME }, { status: 'in_triage', kind: 'idea', department, theme: THEME }] as const) {
        const page = await stores.ideas.listInbox(list, 'age', 10);
        expect(page.items, JSON.stringify(list)).toEqual([inboxRow(idea)]);
      }
      expect((await stores.ideas.listInbox({ status: 'in_triage', kind: 'friction' }, 'age', 10)).items).toEqual([]);
      expect((await stores.ideas.listInbox({ status: 'in_triage', department: 'økonomi' }, 'priority', 10)).items).toEqual([]);
    });

    it('does not list an idea on its ordinary way through intake, and lists one whose intake was given up under submitted', async () => {
      const ordinary = await submitIdea(stores.ideas);
      const stuck = await submitIdea(stores.ideas);
      const abandoned = await move(stores.ideas, stuck, 'submitted', minutes(30), { actor: SYSTEM, change: 'intake_abandoned', set: { intakeAbandonedAt: minutes(30) } });
      expect((await stores.ideas.listInbox({ status: 'submitted' }, 'age', 10)).items.map((row) => row.id)).toEqual([abandoned.id]);
      expect((await stores.ideas.listByStatus('submitted', 10)).items.map((idea) => idea.id)).toEqual([ordinary.id]);
      expect((await stores.ideas.listInStatusSince('submitted', minutes(60), 10)).map((idea) => idea.id)).toEqual([ordinary.id]);
    });

    it('moves an idea from list to list as its status changes', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const asked = await move(stores.ideas, idea, 'needs_info', minutes(2));
      expect((await stores.ideas.listInbox({ status: 'in_triage' }, 'priority', 10)).items).toEqual([]);
      expect((await stores.ideas.listInbox({ status: 'in_triage', theme: THEME }, 'age', 10)).items).toEqual([]);
      expect((await stores.ideas.listInbox({ status: 'needs_info' }, 'priority', 10)).items).toEqual([inboxRow(asked)]);
      await move(stores.ideas, asked, 'withdrawn', minutes(3));
      expect((await stores.ideas.listInbox({ status: 'needs_info' }, 'age', 10)).items).toEqual([]);
      expect((await stores.ideas.listInbox({ status: 'withdrawn' }, 'age', 10)).items.map((row) => row.id)).toEqual([idea.id]);
    });

    it("lists an assigned idea on its assignee's list, moves it on reassignment and takes it off when unassigned", async () => {
      const idea = await ideaInTriage(stores.ideas);
      const mine = { status: 'in_triage', assignee: 'triage-1' } as const;
      const theirs = { status: 'in_triage', assignee: 'triage-2' } as const;
      const assigned = await move(stores.ideas, idea, 'in_triage', minutes(2), { change: 'assignment', set: { assignee: { sub: 'triage-1', name: 'Ærling' } } });
      expect((await stores.ideas.listInbox(mine, 'priority', 10)).items).toEqual([inboxRow(assigned)]);
      expect((await stores.ideas.listInbox({ status: 'in_triage' }, 'age', 10)).items[0]?.assignee).toEqual({ sub: 'triage-1', name: 'Ærling' });

      const reassigned = await move(stores.ideas, assigned, 'in_triage', minutes(3), { change: 'assignment', set: { assignee: { sub: 'triage-2' } } });
      expect((await stores.ideas.listInbox(mine, 'age', 10)).items).toEqual([]);
      expect((await stores.ideas.listInbox(theirs, 'age', 10)).items.map((row) => row.id)).toEqual([idea.id]);

      const asked = await move(stores.ideas, reassigned, 'needs_info', minutes(4));
      expect((await stores.ideas.listInbox(theirs, 'age', 10)).items).toEqual([]);
      expect((await stores.ideas.listInbox({ status: 'needs_info', assignee: 'triage-2' }, 'age', 10)).items.map((row) => row.id)).toEqual([idea.id]);

      await move(stores.ideas, asked, 'needs_info', minutes(5), { change: 'assignment', set: { assignee: undefined } });
      expect((await stores.ideas.listInbox({ status: 'needs_info', assignee: 'triage-2' }, 'age', 10)).items).toEqual([]);
      expect((await stores.ideas.listInbox({ status: 'needs_info' }, 'age', 10)).items[0]).not.toHaveProperty('assignee');
    });

    it('orders by priority, highest first and the longest waiting first among equals, and by age, longest in the status first', async () => {
      const low = await ideaInTriage(stores.ideas, { at: minutes(1), priority: 10 });
      const middle = await ideaInTriage(stores.ideas, { at: minutes(2), priority: 40 });
      const highLater = await ideaInTriage(stores.ideas, { at: minutes(4), priority: 80.5 });
      const highEarlier = await ideaInTriage(stores.ideas, { at: minutes(3), priority: 80.5 });
      const ids = async (sort: 'priority' | 'age') => (await stores.ideas.listInbox({ status: 'in_triage' }, sort, 10)).items.map((row) => row.id);
      expect(await ids('priority')).toEqual([highEarlier.id, highLater.id, middle.id, low.id]);
      expect(await ids('age')).toEqual([low.id, middle.id, highEarlier.id, highLater.id]);
    });

    it('pages through a list with cursors, every idea once and in order', async () => {
      const ideas: Idea[] = [];
      for (let index = 0; index < 7; index++) ideas.push(await ideaInTriage(stores.ideas, { at: minutes(index + 1) }));
      const { items, pages } = await allPages((cursor) => stores.ideas.listInbox({ status: 'in_triage' }, 'age', 3, cursor));
      expect(items.map((row) => row.id)).toEqual(ideas.map((idea) => idea.id));
      expect(pages).toBe(3);
    });

    it('hands out a cursor only when more items follow: a full last page carries none', async () => {
      const ideas: Idea[] = [];
      for (let index = 0; index < 4; index++) ideas.push(await ideaInTriage(stores.ideas, { at: minutes(index + 1) }));
      const first = await stores.ideas.listInbox({ status: 'in_triage' }, 'age', 2);
      expect(first.nextCursor).toBeDefined();
      const last = await stores.ideas.listInbox({ status: 'in_triage' }, 'age', 2, first.nextCursor);
      expect(last.items.map((row) => row.id)).toEqual([ideas[2]!.id, ideas[3]!.id]);
      expect(last.nextCursor).toBeUndefined();
      const whole = await stores.ideas.listInbox({ status: 'in_triage' }, 'priority', 4);
      expect(whole.items).toHaveLength(4);
      expect(whole.nextCursor).toBeUndefined();
      for (const list of [
        await stores.ideas.listByStatus('in_triage', 4),
        await stores.ideas.listIdsInStatus('in_triage', 4),
        await stores.ideas.listBySubmitter(SUBMITTER_SUB, 4),
      ]) {
        expect(list.items).toHaveLength(4);
        expect(list.nextCursor).toBeUndefined();
      }
      expect((await stores.ideas.listByStatus('parked', 4)).nextCursor).toBeUndefined();
    });

    it('refuses a cursor that the store did not issue for that list with InvalidCursorError', async () => {
      for (let index = 0; index < 3; index++) await ideaInTriage(stores.ideas, { at: minutes(index + 1) });
      const first = await stores.ideas.listInbox({ status: 'in_triage' }, 'age', 1);
      expect(first.nextCursor).toBeDefined();
      await expect(stores.ideas.listInbox({ status: 'in_triage' }, 'age', 1, 'not a cursor' as StoreCursor)).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(stores.ideas.listInbox({ status: 'needs_info' }, 'age', 1, first.nextCursor)).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(stores.ideas.listBySubmitter(SUBMITTER_SUB, 1, first.nextCursor)).rejects.toBeInstanceOf(InvalidCursorError);
    });
  });

  describe('lists by submitter and by status', () => {
    it("listBySubmitter answers a submitter's own ideas, newest first, and no anonymous or other person's idea", async () => {
      const older = await submitIdea(stores.ideas, { createdAt: minutes(1) });
      const newer = await submitIdea(stores.ideas, { createdAt: minutes(2) });
      const anonymous = anAnonymousIdea('h'.repeat(64), { id: newId(), createdAt: minutes(3) });
      await stores.ideas.submit(anonymous, { ideaId: anonymous.id, version: 1, at: anonymous.createdAt, to: 'submitted', actor: { kind: 'submitter' } });
      await submitIdea(stores.ideas, { createdAt: minutes(4), submitter: { sub: 'someone-else' } });
      expect((await stores.ideas.listBySubmitter(SUBMITTER_SUB, 10)).items).toEqual([newer, older]);
      expect((await stores.ideas.listBySubmitter('nobody', 10)).items).toEqual([]);
    });

    it('listBySubmitter pages with cursors without duplicates or gaps, and lists an idea whatever its status', async () => {
      const ideas: Idea[] = [];
      for (let index = 0; index < 5; index++) ideas.push(await submitIdea(stores.ideas, { createdAt: minutes(index) }));
      await move(stores.ideas, ideas[2]!, 'withdrawn', minutes(20), { actor: { kind: 'submitter', sub: SUBMITTER_SUB } });
      const { items } = await allPages((cursor) => stores.ideas.listBySubmitter(SUBMITTER_SUB, 2, cursor));
      expect(items.map((idea) => idea.id)).toEqual(ideas.map((idea) => idea.id).reverse());
      expect(items.find((idea) => idea.id === ideas[2]!.id)?.status).toBe('withdrawn');
    });

    it('listByStatus and listIdsInStatus answer the ideas in a status, oldest change first, page by page', async () => {
      const ideas: Idea[] = [];
      for (const at of [5, 1, 3, 2, 4]) ideas.push(await ideaInTriage(stores.ideas, { at: minutes(at) }));
      await submitIdea(stores.ideas);
      const oldestFirst = ideas.toSorted((a, b) => a.statusChangedAt.localeCompare(b.statusChangedAt)).map((idea) => idea.id);
      const full = await allPages((cursor) => stores.ideas.listByStatus('in_triage', 2, cursor));
      expect(full.items.map((idea) => idea.id)).toEqual(oldestFirst);
      expect(full.items[0]).toEqual(ideas[1]);
      expect((await allPages((cursor) => stores.ideas.listIdsInStatus('in_triage', 2, cursor))).items).toEqual(oldestFirst);
      expect((await stores.ideas.listByStatus('parked', 10)).items).toEqual([]);
    });

    it('listInStatusSince answers the ideas in a status since before the moment, oldest first, up to the limit', async () => {
      const ideas: Idea[] = [];
      for (let at = 1; at <= 5; at++) ideas.push(await ideaInTriage(stores.ideas, { at: minutes(at) }));
      await move(stores.ideas, ideas[0]!, 'parked', minutes(6));
      expect((await stores.ideas.listInStatusSince('in_triage', minutes(4), 10)).map((idea) => idea.id)).toEqual([ideas[1]!.id, ideas[2]!.id]);
      expect((await stores.ideas.listInStatusSince('in_triage', minutes(9), 3)).map((idea) => idea.id)).toEqual([ideas[1]!.id, ideas[2]!.id, ideas[3]!.id]);
      expect(await stores.ideas.listInStatusSince('in_triage', minutes(1), 10)).toEqual([]);
    });
  });

  describe('comments (ConversationStore)', () => {
    it('addComment stores a comment and its notification together; listComments answers them oldest first', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const later = aComment({ id: newId(), ideaId: idea.id, at: minutes(5), visibility: 'submitter', text: 'Vi kigger på det.' });
      const earlier = aComment({ id: newId(), ideaId: idea.id, at: minutes(4) });
      const notification = aNotification({ id: `comment-${later.id}`, kind: 'idea-comment', ideaId: idea.id, createdAt: minutes(5) });
      await stores.conversation.addComment(later, stores.notifications.creation(notification));
      await stores.conversation.addComment(earlier);
      await stores.conversation.addComment(aComment({ id: newId(), ideaId: newId(), at: minutes(3) }));
      expect((await stores.conversation.listComments(idea.id, 10)).items).toEqual([earlier, later]);
      expect(await stores.notifications.get(notification.id)).toEqual(notification);
    });

    it('refuses the same comment twice, and then writes its notification neither', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const comment = aComment({ id: newId(), ideaId: idea.id, at: minutes(4) });
      await stores.conversation.addComment(comment);
      const notification = aNotification({ id: `comment-${comment.id}`, kind: 'idea-comment', ideaId: idea.id, createdAt: minutes(4) });
      await rejectionOf(stores.conversation.addComment({ ...comment, text: 'Igen' }, stores.notifications.creation(notification)));
      expect((await stores.conversation.listComments(idea.id, 10)).items).toEqual([comment]);
      expect(await stores.notifications.get(notification.id)).toBeUndefined();
    });

    it('writes nothing of a comment whose notification exists already', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const comment = aComment({ id: newId(), ideaId: idea.id, at: minutes(4) });
      const notification = aNotification({ id: `comment-${comment.id}`, kind: 'idea-comment', ideaId: idea.id, createdAt: minutes(4) });
      await stores.notifications.create(notification);
      await rejectionOf(stores.conversation.addComment(comment, stores.notifications.creation({ ...notification, subject: 'Anden' })));
      expect((await stores.conversation.listComments(idea.id, 10)).items).toEqual([]);
      expect((await stores.notifications.get(notification.id))?.subject).toBe(notification.subject);
    });

    it('refuses a part that another family of stores made, writing nothing', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const comment = aComment({ id: newId(), ideaId: idea.id, at: minutes(4) });
      const notification = aNotification({ id: `comment-${comment.id}`, kind: 'idea-comment', ideaId: idea.id, createdAt: minutes(4) });
      await rejectionOf(stores.conversation.addComment(comment, stores.foreignPart(notification)));
      expect((await stores.conversation.listComments(idea.id, 10)).items).toEqual([]);
      expect(await stores.notifications.get(notification.id)).toBeUndefined();
    });

    it('pages through comments with cursors, every comment once and in order', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const comments: Comment[] = [];
      for (let index = 0; index < 7; index++) {
        const comment = aComment({ id: newId(), ideaId: idea.id, at: minutes(10 + index), text: `Kommentar ${index}` });
        comments.push(comment);
        await stores.conversation.addComment(comment);
      }
      const { items, pages } = await allPages((cursor) => stores.conversation.listComments(idea.id, 3, cursor));
      expect(items).toEqual(comments);
      expect(pages).toBe(3);
      const exact = await stores.conversation.listComments(idea.id, 7);
      expect(exact.items).toHaveLength(7);
      expect(exact.nextCursor).toBeUndefined();
    });

    it('refuses a cursor of another idea’s comments with InvalidCursorError', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const other = await ideaInTriage(stores.ideas);
      for (let index = 0; index < 2; index++) await stores.conversation.addComment(aComment({ id: newId(), ideaId: idea.id, at: minutes(10 + index) }));
      const first = await stores.conversation.listComments(idea.id, 1);
      expect(first.nextCursor).toBeDefined();
      await expect(stores.conversation.listComments(other.id, 1, first.nextCursor)).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it(`a read of ${COMMENTS_PER_READ} comments (the idea's page) answers the oldest, and a cursor to the rest`, async () => {
      const idea = await ideaInTriage(stores.ideas);
      const comments: Comment[] = [];
      for (let index = 0; index < COMMENTS_PER_READ + 2; index++) {
        const comment = aComment({ id: newId(), ideaId: idea.id, at: new Date(Date.parse(minutes(10)) + index * 1000).toISOString() });
        comments.push(comment);
        await stores.conversation.addComment(comment);
      }
      const first = await stores.conversation.listComments(idea.id, COMMENTS_PER_READ);
      expect(first.items).toEqual(comments.slice(0, COMMENTS_PER_READ));
      expect(first.nextCursor).toBeDefined();
      const rest = await stores.conversation.listComments(idea.id, COMMENTS_PER_READ, first.nextCursor);
      expect(rest.items).toEqual(comments.slice(COMMENTS_PER_READ));
      expect(rest.nextCursor).toBeUndefined();
    });
  });

  describe('supporters (ConversationStore)', () => {
    it('counts each person once, however often they support', async () => {
      const idea = await ideaInTriage(stores.ideas);
      expect(await stores.conversation.getSupportCount(idea.id)).toBe(0);
      expect(await stores.conversation.addSupporter(idea.id, 'b'.repeat(64), minutes(2))).toBe(true);
      expect(await stores.conversation.addSupporter(idea.id, 'b'.repeat(64), minutes(3))).toBe(false);
      expect(await stores.conversation.addSupporter(idea.id, 'a'.repeat(64), minutes(4))).toBe(true);
      expect(await stores.conversation.getSupportCount(idea.id)).toBe(2);
      expect((await stores.conversation.listSupporters(idea.id)).toSorted()).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    });

    it("keeps one idea's supporters apart from another's", async () => {
      const idea = await ideaInTriage(stores.ideas);
      const other = await ideaInTriage(stores.ideas);
      await stores.conversation.addSupporter(idea.id, 'c'.repeat(64), minutes(2));
      expect(await stores.conversation.addSupporter(other.id, 'c'.repeat(64), minutes(2))).toBe(true);
      expect(await stores.conversation.listSupporters(other.id)).toEqual(['c'.repeat(64)]);
      expect(await stores.conversation.getSupportCount(newId())).toBe(0);
      expect(await stores.conversation.listSupporters(newId())).toEqual([]);
    });
  });

  describe('merges (BackgroundWorkStore)', () => {
    it('a transition with a merge job alongside leaves a pending merge, oldest first, until completeMerge', async () => {
      const target = await ideaInTriage(stores.ideas);
      const first = await ideaInTriage(stores.ideas);
      const second = await ideaInTriage(stores.ideas);
      const merge = (idea: typeof first, at: string) =>
        move(
          stores.ideas,
          idea,
          'duplicate',
          at,
          { set: { decision: aDecision('duplicate', { at, mergedInto: target.id }) } },
          stores.work.mergeJob({ ideaId: idea.id, into: target.id, at }),
          stores.ideas.statusCheck(target.id, ['in_triage']),
        );
      await merge(second, minutes(6));
      await merge(first, minutes(5));
      expect(await stores.work.listPendingMerges(minutes(10), 10)).toEqual([
        { ideaId: first.id, into: target.id, at: minutes(5) },
        { ideaId: second.id, into: target.id, at: minutes(6) },
      ]);
      expect(await stores.work.listPendingMerges(minutes(6), 10)).toEqual([{ ideaId: first.id, into: target.id, at: minutes(5) }]);
      expect(await stores.work.listPendingMerges(minutes(10), 1)).toHaveLength(1);

      await stores.work.completeMerge(first.id);
      await stores.work.completeMerge(first.id);
      expect(await stores.work.listPendingMerges(minutes(10), 10)).toEqual([{ ideaId: second.id, into: target.id, at: minutes(6) }]);
    });

    it('a refused merge leaves no pending merge', async () => {
      const target = await ideaInTriage(stores.ideas);
      const idea = await ideaInTriage(stores.ideas);
      await rejectionOf(move(stores.ideas, idea, 'duplicate', minutes(5), {}, stores.work.mergeJob({ ideaId: idea.id, into: target.id, at: minutes(5) }), stores.ideas.statusCheck(target.id, ['accepted'])));
      expect(await stores.work.listPendingMerges(minutes(10), 10)).toEqual([]);
    });
  });

  describe('revisits (BackgroundWorkStore)', () => {
    it('listDueRevisits answers parked ideas due on or before the day, earliest first, up to the limit', async () => {
      const later = await park(stores.ideas, await ideaInTriage(stores.ideas), '2026-03-10', minutes(2));
      const sooner = await park(stores.ideas, await ideaInTriage(stores.ideas), '2026-03-01', minutes(3));
      const sameDay = await park(stores.ideas, await ideaInTriage(stores.ideas), '2026-03-10', minutes(4));
      await park(stores.ideas, await ideaInTriage(stores.ideas), '2026-04-01', minutes(5));
      expect(await stores.work.listDueRevisits('2026-02-28', 10)).toEqual([]);
      expect(await stores.work.listDueRevisits('2026-03-01', 10)).toEqual([sooner.id]);
      const due = await stores.work.listDueRevisits('2026-03-10', 10);
      expect(due[0]).toBe(sooner.id);
      expect(due.slice(1).toSorted()).toEqual([later.id, sameDay.id].toSorted());
      expect(await stores.work.listDueRevisits('2026-03-31', 2)).toHaveLength(2);
    });

    it('takes an idea off the revisits once it leaves parked', async () => {
      const parked = await park(stores.ideas, await ideaInTriage(stores.ideas), '2026-03-01', minutes(2));
      await move(stores.ideas, parked, 'in_triage', minutes(3), { actor: SYSTEM });
      expect(await stores.work.listDueRevisits('2026-03-31', 10)).toEqual([]);
      expect((await stores.ideas.listInbox({ status: 'parked' }, 'age', 10)).items).toEqual([]);
    });
  });
}

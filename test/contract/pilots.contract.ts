/**
 * The contracts of PilotStore and PipelineStore (shared/store/ports.ts), with the accept transition
 * of IdeaStore that creates a pilot alongside (`PilotStore.creation`): what the use cases rely on,
 * at the ports' level. Registered by a runner with the stores it tests (./support.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { departmentKey } from '../../shared/domain/inbox.ts';
import { learningOf } from '../../shared/domain/learnings.ts';
import { pilotRow } from '../../shared/domain/pilot-lists.ts';
import { pilotAfter, type ActiveStage, type GateName, type GateRecord, type Pilot, type PilotEvent, type PilotStage } from '../../shared/domain/pilot.ts';
import { recount } from '../../shared/domain/pipeline.ts';
import { InvalidCursorError, VersionConflictError, type PilotStore } from '../../shared/store/ports.ts';
import { aDecision, aNotification } from '../unit/support/ideas.ts';
import { aPilot, aPilotIn, aPilotReadyToStart, aStoppedPilot, DIRECTOR, LEARNINGS } from '../unit/support/pilots.ts';
import { rejectionOf } from '../unit/support/errors.ts';
import { allPages, ideaInTriage, minutes, move, newId, pilotByAccepting, STAFF, submitIdea, type ContractStores, type MakeStores } from './support.ts';

const BY = { sub: DIRECTOR.sub, name: 'Dorte Øster' };

const inPilot = (overrides: Partial<Pilot>) => aPilotIn('pilot', minutes(15), overrides);
const inEvaluation = (overrides: Partial<Pilot>) => aPilotIn('evaluation', minutes(15), overrides);
const stoppedInPilot = (overrides: Partial<Pilot>) => aStoppedPilot('pilot', overrides);

/** The pilot that accepting `ideaId` makes: `build`'s pilot with a fresh id and the idea's. */
const fresh = (build: (overrides: Partial<Pilot>) => Pilot, overrides: Partial<Pilot> = {}) => (ideaId: string) => build({ id: newId(), ideaIds: [ideaId], ...overrides });

/** A gate decision moving `before` into `to` at `at` (a `go`, or a `stop` into `stopped`), as the gate use case saves it. */
async function decideGate(pilots: PilotStore, before: Pilot, to: PilotStage, at: string, set: Partial<Pilot> = {}): Promise<{ after: Pilot; event: PilotEvent; gate: GateRecord }> {
  const after = pilotAfter(before, { at, set: { ...before, stage: to, stageEnteredAt: at, reachedStages: [...before.reachedStages, to], ...set } });
  const decision = to === 'stopped' ? 'stop' : 'go';
  const event: PilotEvent = { pilotId: before.id, version: after.version, at, by: BY, change: 'gate', from: before.stage, to, decision };
  const gate: GateRecord = {
    decision,
    gate: (to === 'stopped' ? 'pilot' : to) as GateName,
    from: before.stage as ActiveStage,
    to,
    at,
    by: BY,
    role: 'director',
    reason: 'Besluttet på styregruppemødet',
    checklist: [{ id: 'owner', text: { da: 'Ejer fundet', en: 'Owner found' }, required: true, answer: true }],
  };
  await pilots.save({ before, after, event, gate });
  return { after, event, gate };
}

/** An edit of `before` (no gate), as PATCH saves it. */
async function edit(pilots: PilotStore, before: Pilot, at: string, set: Partial<Pilot>): Promise<{ after: Pilot; event: PilotEvent }> {
  const after = pilotAfter(before, { at, set: { ...before, ...set } });
  const event: PilotEvent = { pilotId: before.id, version: after.version, at, by: BY, change: 'edit', from: before.stage, to: before.stage, fields: Object.keys(set) };
  await pilots.save({ before, after, event });
  return { after, event };
}

export function pilotStoreContract(makeStores: MakeStores): void {
  let stores: ContractStores;
  beforeEach(async () => {
    stores = await makeStores();
  });

  describe('creating a pilot by accepting its idea', () => {
    it('stores the pilot with its first history event, "created" when the pilot was, and no gate decisions', async () => {
      const { idea, pilot } = await pilotByAccepting(stores, fresh(aPilot), minutes(10));
      expect(idea.status).toBe('accepted');
      expect(await stores.pilots.getPilot(pilot.id)).toEqual(pilot);
      expect(await stores.pilots.getPilotRecord(pilot.id)).toEqual({
        pilot,
        history: [{ pilotId: pilot.id, version: pilot.version, at: pilot.createdAt, by: pilot.createdBy, change: 'created', from: 'sprint', to: 'sprint' }],
        gates: [],
      });
    });

    it('accepts an idea with its pilot and its e-mail alongside, in one change', async () => {
      const admitted = await ideaInTriage(stores.ideas);
      const pilot = aPilot({ id: newId(), ideaIds: [admitted.id], createdAt: minutes(10) });
      const notification = aNotification({ id: `${admitted.id}.v3`, ideaId: admitted.id, createdAt: minutes(10) });
      const decision = aDecision('accept', { at: minutes(10), pilotId: pilot.id });
      const accepted = await stores.ideas.transition(
        { idea: admitted, to: 'accepted', actor: STAFF, at: minutes(10), decision, set: { decision } },
        stores.pilots.creation(pilot),
        stores.notifications.creation(notification),
      );
      expect(await stores.ideas.getIdea(admitted.id)).toEqual(accepted);
      expect(await stores.pilots.getPilot(pilot.id)).toEqual(pilot);
      expect((await stores.pilots.getPilotRecord(pilot.id))?.history).toHaveLength(1);
      expect(await stores.notifications.get(notification.id)).toEqual(notification);
      expect((await stores.pilots.listPilots({}, 'newest', 10)).items).toEqual([pilotRow(pilot)]);
    });

    it('refuses to accept an idea into a pilot that exists, changing neither and writing the e-mail neither', async () => {
      const { pilot } = await pilotByAccepting(stores, fresh(aPilot));
      const idea = await ideaInTriage(stores.ideas);
      const notification = aNotification({ id: `${idea.id}.v3`, ideaId: idea.id, createdAt: minutes(20) });
      await rejectionOf(move(stores.ideas, idea, 'accepted', minutes(20), {}, stores.pilots.creation({ ...pilot, title: 'En anden' }), stores.notifications.creation(notification)));
      expect(await stores.ideas.getIdea(idea.id)).toEqual(idea);
      expect(await stores.pilots.getPilot(pilot.id)).toEqual(pilot);
      expect((await stores.pilots.getPilotRecord(pilot.id))?.history).toHaveLength(1);
      expect(await stores.notifications.get(notification.id)).toBeUndefined();
    });

    it('writes no pilot when the change that would accept its idea is refused', async () => {
      const idea = await ideaInTriage(stores.ideas);
      const pilot = aPilot({ id: newId(), ideaIds: [idea.id] });
      const error = await rejectionOf(move(stores.ideas, { ...idea, version: 1 }, 'accepted', minutes(20), {}, stores.pilots.creation(pilot)));
      expect(error).toBeInstanceOf(VersionConflictError);
      expect(await stores.pilots.getPilot(pilot.id)).toBeUndefined();
      expect((await stores.pilots.listPilots({}, 'newest', 10)).items).toEqual([]);
      expect(await stores.pipeline.totals()).toEqual(recount([idea], []));
    });

    it('answers undefined for a pilot that does not exist', async () => {
      expect(await stores.pilots.getPilot(newId())).toBeUndefined();
      expect(await stores.pilots.getPilotRecord(newId())).toBeUndefined();
    });
  });

  describe('save', () => {
    it('stores a gate decision: the pilot as it becomes, its history event and the gate record, in version order', async () => {
      const { pilot } = await pilotByAccepting(stores, fresh(aPilotReadyToStart));
      const first = await decideGate(stores.pilots, pilot, 'pilot', minutes(20));
      const second = await decideGate(stores.pilots, first.after, 'evaluation', minutes(30));
      const record = await stores.pilots.getPilotRecord(pilot.id);
      expect(record?.pilot).toEqual(second.after);
      expect(record?.history.map((event) => event.version)).toEqual([1, 2, 3]);
      expect(record?.history.slice(1)).toEqual([first.event, second.event]);
      expect(record?.gates).toEqual([first.gate, second.gate]);
    });

    it('stores an edit with its history event and no gate record', async () => {
      const { pilot } = await pilotByAccepting(stores, fresh(aPilot));
      const { after, event } = await edit(stores.pilots, pilot, minutes(20), { owner: { sub: 'ejer-1', name: 'Ølver' }, riskLevel: 'low' });
      const record = await stores.pilots.getPilotRecord(pilot.id);
      expect(record?.pilot).toEqual(after);
      expect(record?.history.at(-1)).toEqual(event);
      expect(record?.gates).toEqual([]);
    });

    it('refuses a change from a version that is no longer current with VersionConflictError, writing nothing', async () => {
      const { pilot } = await pilotByAccepting(stores, fresh(aPilotReadyToStart));
      const { after } = await edit(stores.pilots, pilot, minutes(20), { riskLevel: 'high' });
      const error = await rejectionOf(decideGate(stores.pilots, pilot, 'pilot', minutes(21)));
      expect(error).toBeInstanceOf(VersionConflictError);
      expect((error as VersionConflictError).conflict).toEqual({ kind: 'pilot', id: pilot.id, expectedVersion: pilot.version });
      const record = await stores.pilots.getPilotRecord(pilot.id);
      expect(record?.pilot).toEqual(after);
      expect(record?.history).toHaveLength(2);
      expect(record?.gates).toEqual([]);
      expect((await stores.pilots.listPilots({ stage: 'pilot' }, 'in_stage', 10)).items).toEqual([]);
    });

    it('lets only one of two changes from the same version through', async () => {
      const { pilot } = await pilotByAccepting(stores, fresh(aPilotReadyToStart));
      const results = await Promise.allSettled([decideGate(stores.pilots, pilot, 'pilot', minutes(20)), edit(stores.pilots, pilot, minutes(20), { riskLevel: 'low' })]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((result) => result.status === 'rejected')?.reason).toBeInstanceOf(VersionConflictError);
      expect((await stores.pilots.getPilot(pilot.id))?.version).toBe(pilot.version + 1);
    });
  });

  describe('lists of pilots', () => {
    it('lists a pilot under all and its stage, each alone and by theme, department and owner, with its row', async () => {
      const owner = { sub: 'ejer-æ', name: 'Æbelø' };
      const { pilot } = await pilotByAccepting(stores, fresh(aPilot, { owner, themes: ['automatisering', 'data'] }));
      const lists = [{}, { stage: 'sprint' }, { theme: 'data' }, { stage: 'sprint', theme: 'automatisering' }, { department: departmentKey(pilot.department) }, { stage: 'sprint', owner: owner.sub }] as const;
      for (const list of lists) {
        for (const sort of ['in_stage', 'newest', 'expected_hours'] as const) {
          expect((await stores.pilots.listPilots(list, sort, 10)).items, `${JSON.stringify(list)} ${sort}`).toEqual([pilotRow(pilot)]);
        }
      }
      expect((await stores.pilots.listPilots({ stage: 'pilot' }, 'in_stage', 10)).items).toEqual([]);
      expect((await stores.pilots.listPilots({ owner: 'someone-else' }, 'in_stage', 10)).items).toEqual([]);
    });

    it('moves a pilot to the lists of its new stage, with its row as it is now', async () => {
      const { pilot } = await pilotByAccepting(stores, fresh(aPilotReadyToStart));
      const { after } = await decideGate(stores.pilots, pilot, 'pilot', minutes(20));
      expect((await stores.pilots.listPilots({ stage: 'sprint' }, 'in_stage', 10)).items).toEqual([]);
      expect((await stores.pilots.listPilots({ stage: 'pilot' }, 'in_stage', 10)).items).toEqual([pilotRow(after)]);
      expect((await stores.pilots.listPilots({}, 'newest', 10)).items).toEqual([pilotRow(after)]);
    });

    it('orders by time in stage (longest first), newest created first, and most expected hours first', async () => {
      const hours = (expectedHoursPerYear: number) => ({ hypothesis: { expectedHoursPerYear, successMeasure: 'Minutter', baseline: '12', successThreshold: '6' } });
      const a = (await pilotByAccepting(stores, fresh(aPilot, { stageEnteredAt: minutes(30), createdAt: minutes(1), ...hours(100) }))).pilot;
      const b = (await pilotByAccepting(stores, fresh(aPilot, { stageEnteredAt: minutes(10), createdAt: minutes(3), ...hours(900) }))).pilot;
      const c = (await pilotByAccepting(stores, fresh(aPilot, { stageEnteredAt: minutes(20), createdAt: minutes(2), ...hours(500) }))).pilot;
      const ids = async (sort: 'in_stage' | 'newest' | 'expected_hours') => (await stores.pilots.listPilots({}, sort, 10)).items.map((row) => row.id);
      expect(await ids('in_stage')).toEqual([b.id, c.id, a.id]);
      expect(await ids('newest')).toEqual([b.id, c.id, a.id]);
      expect(await ids('expected_hours')).toEqual([b.id, c.id, a.id]);
    });

    it('lists the active pilots on hold, the earliest end of hold first, and takes a pilot off when its hold ends or it stops', async () => {
      const later = (await pilotByAccepting(stores, fresh(inPilot, { hold: { until: '2026-05-01', reason: 'Afventer IT' } }))).pilot;
      const sooner = (await pilotByAccepting(stores, fresh(inPilot, { hold: { until: '2026-04-01', reason: 'Ferie' } }))).pilot;
      await pilotByAccepting(stores, fresh(inEvaluation));
      const held = async () => (await stores.pilots.listPilots({ held: true }, 'hold_until', 10)).items.map((row) => [row.id, row.holdUntil]);
      expect(await held()).toEqual([
        [sooner.id, '2026-04-01'],
        [later.id, '2026-05-01'],
      ]);
      await edit(stores.pilots, later, minutes(40), { hold: undefined });
      expect(await held()).toEqual([[sooner.id, '2026-04-01']]);
      await decideGate(stores.pilots, sooner, 'stopped', minutes(50), { stoppedFrom: 'pilot', learnings: LEARNINGS });
      expect(await held()).toEqual([]);
    });

    it('pages through a list with cursors, every pilot once and in order, and refuses a cursor of another list', async () => {
      const made: Pilot[] = [];
      for (let index = 0; index < 5; index++) made.push((await pilotByAccepting(stores, fresh(aPilot, { stageEnteredAt: minutes(index) }))).pilot);
      const { items } = await allPages((cursor) => stores.pilots.listPilots({ stage: 'sprint' }, 'in_stage', 2, cursor));
      expect(items.map((row) => row.id)).toEqual(made.map((pilot) => pilot.id));
      const first = await stores.pilots.listPilots({ stage: 'sprint' }, 'in_stage', 2);
      expect(first.nextCursor).toBeDefined();
      await expect(stores.pilots.listPilots({}, 'in_stage', 2, first.nextCursor)).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(stores.pilots.listPilots({ stage: 'sprint' }, 'newest', 2, first.nextCursor)).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('hands out a cursor only when more pilots follow: a full last page carries none', async () => {
      for (let index = 0; index < 4; index++) await pilotByAccepting(stores, fresh(aPilot, { stageEnteredAt: minutes(index) }));
      const first = await stores.pilots.listPilots({ stage: 'sprint' }, 'in_stage', 2);
      const last = await stores.pilots.listPilots({ stage: 'sprint' }, 'in_stage', 2, first.nextCursor);
      expect(last.items).toHaveLength(2);
      expect(last.nextCursor).toBeUndefined();
      const whole = await stores.pilots.listPilots({}, 'newest', 4);
      expect(whole.items).toHaveLength(4);
      expect(whole.nextCursor).toBeUndefined();
    });
  });

  describe('learnings, the pipeline and the gate settings', () => {
    it('listLearnings answers the learnings of the stopped and realised pilots only', async () => {
      const stopped = (await pilotByAccepting(stores, fresh(stoppedInPilot))).pilot;
      await pilotByAccepting(stores, fresh(inEvaluation, { learnings: 'Endnu ikke færdig' }));
      const running = (await pilotByAccepting(stores, fresh(aPilotReadyToStart))).pilot;
      const { after } = await decideGate(stores.pilots, running, 'stopped', minutes(30), { stoppedFrom: 'sprint', learnings: LEARNINGS });
      const learnings = await stores.pilots.listLearnings();
      expect(learnings.toSorted((a, b) => a.pilotId.localeCompare(b.pilotId))).toEqual([learningOf(stopped), learningOf(after)].toSorted((a, b) => a!.pilotId.localeCompare(b!.pilotId)));
    });

    it('PipelineStore.totals equals a recount of the ideas and pilots as they are now', async () => {
      expect(await stores.pipeline.totals()).toEqual({ counters: {}, entries: {} });
      const first = await pilotByAccepting(stores, fresh(aPilotReadyToStart, { themes: ['automatisering', 'data'] }));
      const second = await pilotByAccepting(stores, fresh(aPilotReadyToStart, { department: 'Børn og unge' }));
      const { after: piloted } = await decideGate(stores.pilots, first.pilot, 'pilot', minutes(20));
      const { after: stopped } = await decideGate(stores.pilots, second.pilot, 'stopped', minutes(21), { stoppedFrom: 'sprint', learnings: LEARNINGS });
      const waiting = await ideaInTriage(stores.ideas, { at: minutes(5) });
      const declined = await move(stores.ideas, await ideaInTriage(stores.ideas), 'declined', minutes(6));
      const submitted = await submitIdea(stores.ideas);
      expect(await stores.pipeline.totals()).toEqual(recount([first.idea, second.idea, waiting, declined, submitted], [piloted, stopped]));
    });

    it('answers the shipped gate settings as version 0, and stores a replacement only on the version read', async () => {
      const shipped = await stores.pilots.gateSettings();
      expect(shipped.version).toBe(0);
      const settings = { gates: shipped.gates, stageLimitDays: { ...shipped.stageLimitDays, sprint: 21 } };
      const stored = await stores.pilots.replaceGateSettings(settings, 0, 'admin-1', minutes(5));
      expect(stored).toEqual({ ...settings, version: 1, updatedAt: minutes(5), updatedBy: 'admin-1' });
      expect(await stores.pilots.gateSettings()).toEqual(stored);
      const error = await rejectionOf(stores.pilots.replaceGateSettings(shipped, 0, 'admin-2', minutes(6)));
      expect(error).toBeInstanceOf(VersionConflictError);
      expect((error as VersionConflictError).conflict).toEqual({ kind: 'gate-settings', expectedVersion: 0 });
      expect(await stores.pilots.gateSettings()).toEqual(stored);
      expect((await stores.pilots.replaceGateSettings(shipped, 1, 'admin-2', minutes(7))).version).toBe(2);
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import {
  allItems,
  dayInCopenhagen,
  decideNow,
  FRICTION,
  nextDay,
  problemOf,
  settledItems,
  sortedItems,
  startWithCast,
  submitAll,
  type Person,
} from './support.ts';

let runtime: LocalRuntime;
let anna: Person;
let dirk: Person;
let tove: Person;
let ulla: Person;

beforeAll(async () => {
  ({ runtime, anna, dirk, tove, ulla } = await startWithCast());
});

afterAll(async () => {
  await runtime?.stop();
});

interface ChecklistAnswer {
  id: string;
  text: { da: string; en: string };
  required: boolean;
  answer: boolean;
}

interface GateRecord {
  decision: string;
  gate: string;
  from: string;
  to: string;
  by: { sub: string; name?: string };
  role: string;
  reason: string;
  checklist: ChecklistAnswer[];
  revisitOn?: string;
  mustChange?: string;
}

interface PilotDocument {
  id: string;
  title: string;
  stage: string;
  stageEnteredAt: string;
  reachedStages: string[];
  stoppedFrom?: string;
  hold?: { until: string; reason: string };
  owner?: { sub: string; name?: string };
  hypothesis?: Record<string, unknown>;
  results?: Record<string, unknown>;
  learnings?: string;
  artefacts: Record<string, unknown>[];
  version: number;
  nextGate: { gate: string; decisions: string[]; checklist: { id: string; text: string; required: boolean }[] } | null;
  gates: GateRecord[];
  history: { change: string; from: string; to: string; decision?: string; fields?: string[]; by: { sub: string } }[];
}

interface GateSettings {
  gates: Record<string, { id: string; text: { da: string; en: string }; required: boolean }[]>;
  stageLimitDays: Record<string, number>;
  version: number;
}

const friction = (title: string) => ({ ...FRICTION, title });

/** A revisit day a month ahead. */
const inAMonth = () => nextDay(dayInCopenhagen(new Date()), 30);

const LEARNINGS =
  'Plejepersonalet på Åbo brugte ikke talegenkendelsen, fordi støjen på gangene gav for mange fejl. Næste gang skal vi teste med headset og i et roligt rum før vi køber løsningen.';

const HYPOTHESIS = {
  expectedHoursPerYear: 480,
  successMeasure: 'Minutter brugt på journalnotater pr. vagt',
  baseline: '42 minutter pr. vagt målt i uge 12',
  successThreshold: 'Under 25 minutter pr. vagt',
};

/**
 * Submits an idea, accepts it and answers the id of its new pilot (in `sprint`, version 1, no hypothesis).
 * With `hypothesis`, triage then writes HYPOTHESIS on it (version 2), so that it may go into `pilot`.
 */
async function newPilot(title: string, options: { hypothesis?: boolean } = {}): Promise<string> {
  const [ideaId] = (await submitAll(anna, [friction(title)])) as [string];
  const response = await decideNow(tove, ideaId, { decision: 'accept', message: 'Vi afprøver det.' });
  expect(response.status).toBe(200);
  const { pilot } = (await response.json()) as { pilot: { id: string; stage: string } };
  expect(pilot.stage).toBe('sprint');
  if (options.hypothesis === true) await writeHypothesis(pilot.id);
  return pilot.id;
}

/** Triage writes HYPOTHESIS on the pilot at its current version: one version more. */
async function writeHypothesis(id: string): Promise<void> {
  const { etag } = await getPilot(id);
  const response = await tove.request('PATCH', `/console/pilots/${id}`, { body: { hypothesis: HYPOTHESIS }, headers: { 'if-match': etag } });
  expect(response.status).toBe(200);
  expect(response.headers.get('etag')).toBe(`"${Number(JSON.parse(etag)) + 1}"`);
}

async function getPilot(id: string, person: Person = tove): Promise<{ pilot: PilotDocument; etag: string }> {
  const response = await person.request('GET', `/console/pilots/${id}`);
  expect(response.status).toBe(200);
  return { pilot: (await response.json()) as PilotDocument, etag: response.headers.get('etag') as string };
}

/** Every item of the gate the pilot stands at, answered yes. */
async function allYes(id: string): Promise<Record<string, boolean>> {
  const { pilot } = await getPilot(id);
  return Object.fromEntries((pilot.nextGate?.checklist ?? []).map((item) => [item.id, true]));
}

/** A gate decision at the pilot's current version (read just before). */
async function gateNow(person: Person, id: string, body: object): Promise<Response> {
  const { etag } = await getPilot(id);
  return person.request('POST', `/console/pilots/${id}/gates`, { body, headers: { 'if-match': etag } });
}

async function patchNow(person: Person, id: string, body: object): Promise<Response> {
  const { etag } = await getPilot(id);
  return person.request('PATCH', `/console/pilots/${id}`, { body, headers: { 'if-match': etag } });
}

/** Moves the pilot one gate on with every item answered yes. */
async function goOn(id: string, person: Person = tove): Promise<void> {
  const response = await gateNow(person, id, { decision: 'go', reason: 'Alt er på plads.', checklist: await allYes(id) });
  expect(response.status).toBe(200);
}

async function gateSettings(): Promise<{ settings: GateSettings; etag: string }> {
  const response = await ulla.request('GET', '/console/gates');
  expect(response.status).toBe(200);
  return { settings: (await response.json()) as GateSettings, etag: response.headers.get('etag') as string };
}

const gateItems = (items: Record<string, unknown>[], pilotId: string) => items.filter((item) => item['PK'] === `PILOT#${pilotId}` && String(item['SK']).startsWith('GATE#'));

describe('a pilot through every gate', () => {
  it('goes from sprint to realised with every required item answered yes, keeping owner, hypothesis and results edited between the gates', async () => {
    // Prepare
    const id = await newPilot('Talegenkendelse på plejecentret');
    const first = await getPilot(id);
    expect(first.etag).toBe('"1"');
    expect(first.pilot).toMatchObject({ stage: 'sprint', reachedStages: ['sprint'], version: 1, gates: [] });
    expect(first.pilot.nextGate).toMatchObject({ gate: 'pilot', decisions: ['go', 'hold', 'stop'] });
    expect(first.pilot.nextGate?.checklist.map((item) => item.id)).toEqual(['gdpr-dpia-screening', 'architecture-fit', 'operations-owner-named', 'success-measure-baseline']);
    expect(first.pilot.nextGate?.checklist.every((item) => item.required)).toBe(true);

    // Act
    const owner = await patchNow(tove, id, { owner: { sub: 'bent', name: 'Bent Ørsted' }, hypothesis: HYPOTHESIS, riskLevel: 'low' });
    expect(owner.status).toBe(200);
    expect(owner.headers.get('etag')).toBe('"2"');
    const intoPilot = await gateNow(tove, id, { decision: 'go', reason: 'DPIA-screeningen er godkendt af DPO’en.', checklist: await allYes(id) });
    const intoEvaluation = await gateNow(dirk, id, { decision: 'go', reason: 'Piloten har kørt på to afdelinger.', checklist: {} });
    const results = await patchNow(tove, id, {
      results: { realisedHoursPerYear: 390, summary: 'Notaterne tog i gennemsnit 27 minutter pr. vagt på Åbo og Ærøhøj.', measuredOn: dayInCopenhagen(new Date()), followUps: 1 },
    });
    expect(results.status).toBe(200);
    const intoOperations = await gateNow(tove, id, { decision: 'go', reason: 'Driften overtager i næste kvartal.', checklist: await allYes(id) });
    const intoRealised = await gateNow(dirk, id, { decision: 'go', reason: 'Gevinsten er målt efter første opfølgning.', checklist: await allYes(id) });

    // Assess
    const answers = [intoPilot, intoEvaluation, intoOperations, intoRealised];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as { stage: string; version: number; gate: GateRecord }[];
    expect(bodies.map((body) => body.stage)).toEqual(['pilot', 'evaluation', 'operations', 'realised']);
    expect(bodies.map((body) => body.version)).toEqual([3, 4, 6, 7]);
    expect(intoRealised.headers.get('etag')).toBe('"7"');

    const { pilot } = await getPilot(id, dirk);
    expect(pilot).toMatchObject({
      stage: 'realised',
      reachedStages: ['sprint', 'pilot', 'evaluation', 'operations', 'realised'],
      owner: { sub: 'bent', name: 'Bent Ørsted' },
      hypothesis: HYPOTHESIS,
      riskLevel: 'low',
      results: { realisedHoursPerYear: 390, summary: 'Notaterne tog i gennemsnit 27 minutter pr. vagt på Åbo og Ærøhøj.' },
      nextGate: null,
      version: 7,
    });
    expect(pilot.gates.map((gate) => [gate.decision, gate.gate, gate.from, gate.to, gate.by.sub, gate.role])).toEqual([
      ['go', 'pilot', 'sprint', 'pilot', 'tove', 'triage'],
      ['go', 'evaluation', 'pilot', 'evaluation', 'dirk', 'director'],
      ['go', 'operations', 'evaluation', 'operations', 'tove', 'triage'],
      ['go', 'realised', 'operations', 'realised', 'dirk', 'director'],
    ]);
    // The record keeps the checklist as it was asked and answered.
    expect(pilot.gates[0]?.checklist).toHaveLength(4);
    expect(pilot.gates[0]?.checklist.every((item) => item.answer && item.required && item.text.da.length > 0)).toBe(true);
    expect(pilot.gates[1]?.checklist).toEqual([expect.objectContaining({ id: 'real-users', required: false, answer: false })]);
    expect(pilot.gates[0]?.reason).toBe('DPIA-screeningen er godkendt af DPO’en.');
    expect(pilot.history.map((event) => event.change)).toEqual(['created', 'edit', 'gate', 'gate', 'edit', 'gate', 'gate']);
    expect(pilot.history[1]?.fields).toEqual(['owner', 'riskLevel', 'hypothesis']);
    expect(gateItems(await allItems(runtime.tableName), id)).toHaveLength(4);

    // A realised pilot stands at no gate.
    const after = await gateNow(tove, id, { decision: 'stop', reason: 'For sent.', learnings: LEARNINGS, checklist: {} });
    expect(after.status).toBe(409);
    expect(await problemOf(after)).toMatchObject({ type: '/api/problems/invalid-gate-decision', pilotStage: 'realised', allowed: [] });
  });

  it('keeps a pilot in its stage on hold, showing the hold and its revisit day, and lifts the hold at the next decision', async () => {
    // Prepare
    const id = await newPilot('Digital vagtplan i hjemmeplejen', { hypothesis: true });
    const { pilot: before } = await getPilot(id);
    const revisitOn = inAMonth();

    // Act
    const hold = await gateNow(dirk, id, { decision: 'hold', reason: 'Vi venter på budgetforhandlingerne.', revisitOn, checklist: { 'gdpr-dpia-screening': true } });

    // Assess
    expect(hold.status).toBe(200);
    expect(((await hold.json()) as { stage: string; gate: GateRecord }).gate).toMatchObject({ decision: 'hold', from: 'sprint', to: 'sprint', revisitOn, role: 'director' });
    const { pilot } = await getPilot(id);
    expect(pilot).toMatchObject({ stage: 'sprint', stageEnteredAt: before.stageEnteredAt, reachedStages: ['sprint'], hold: { until: revisitOn, reason: 'Vi venter på budgetforhandlingerne.' } });
    expect(pilot.gates[0]?.checklist.find((item) => item.id === 'gdpr-dpia-screening')?.answer).toBe(true);
    expect(pilot.gates[0]?.checklist.find((item) => item.id === 'architecture-fit')?.answer).toBe(false);
    const list = (await (await dirk.request('GET', '/pipeline/pilots?stage=sprint&limit=100')).json()) as { items: { id: string; holdUntil?: string }[] };
    expect(list.items.find((row) => row.id === id)?.holdUntil).toBe(revisitOn);
    const onHold = async () => ((await (await dirk.request('GET', '/pipeline/pilots?sort=hold_until&limit=100')).json()) as { items: { id: string; holdUntil?: string }[] }).items;
    expect((await onHold()).find((row) => row.id === id)?.holdUntil).toBe(revisitOn);

    // A hold needs a day after today.
    const today = await gateNow(dirk, id, { decision: 'hold', reason: 'Igen.', revisitOn: dayInCopenhagen(new Date()), checklist: {} });
    expect(today.status).toBe(400);
    expect(((await problemOf(today))['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(['/revisitOn']);

    // The next go lifts the hold.
    await goOn(id);
    const { pilot: moved } = await getPilot(id);
    expect(moved.stage).toBe('pilot');
    expect(moved.hold).toBeUndefined();
    expect((await onHold()).map((row) => row.id)).not.toContain(id);
  });

  it('recycles a pilot back one stage with what must change, and refuses recycle from the first stage', async () => {
    // Prepare
    const id = await newPilot('Sensorer i sengene på plejecentret', { hypothesis: true });
    const refused = await gateNow(tove, id, { decision: 'recycle', reason: 'Prøv igen.', mustChange: 'Alt.', checklist: {} });
    expect(refused.status).toBe(409);
    expect(await problemOf(refused)).toMatchObject({ type: '/api/problems/invalid-gate-decision', pilotStage: 'sprint', allowed: ['go', 'hold', 'stop'] });
    await goOn(id);
    const { pilot: inPilot } = await getPilot(id);

    // Act
    const recycle = await gateNow(dirk, id, {
      decision: 'recycle',
      reason: 'Prototypen blev ikke testet med borgerne.',
      mustChange: 'Tænke-højt-test med fem borgere før piloten går i gang igen.',
      checklist: {},
    });

    // Assess
    expect(recycle.status).toBe(200);
    const body = (await recycle.json()) as { stage: string; gate: GateRecord };
    expect(body.stage).toBe('sprint');
    expect(body.gate).toMatchObject({ decision: 'recycle', gate: 'evaluation', from: 'pilot', to: 'sprint', mustChange: 'Tænke-højt-test med fem borgere før piloten går i gang igen.' });
    const { pilot } = await getPilot(id);
    expect(pilot.stage).toBe('sprint');
    expect(pilot.reachedStages).toEqual(['sprint', 'pilot']);
    expect(pilot.stageEnteredAt > inPilot.stageEnteredAt).toBe(true);
    expect(pilot.nextGate).toMatchObject({ gate: 'pilot', decisions: ['go', 'hold', 'stop'] });
  });

  it('stops a pilot only with learnings of a few sentences; short learnings are refused with 400 and change nothing', async () => {
    // Prepare
    const id = await newPilot('Talegenkendelse til journalnotater', { hypothesis: true });
    await goOn(id);
    const before = sortedItems(await settledItems(runtime));
    const { etag } = await getPilot(id);

    // Act
    const short = await tove.request('POST', `/console/pilots/${id}/gates`, { body: { decision: 'stop', reason: 'Virkede ikke.', learnings: 'Støj.', checklist: {} }, headers: { 'if-match': etag } });
    const oneSentence = await tove.request('POST', `/console/pilots/${id}/gates`, {
      body: { decision: 'stop', reason: 'Virkede ikke.', learnings: 'Plejepersonalet brugte ikke talegenkendelsen fordi støjen på gangene gav alt for mange fejl i notaterne', checklist: {} },
      headers: { 'if-match': etag },
    });
    const missing = await tove.request('POST', `/console/pilots/${id}/gates`, { body: { decision: 'stop', reason: 'Virkede ikke.', checklist: {} }, headers: { 'if-match': etag } });
    const unchanged = sortedItems(await allItems(runtime.tableName));
    const stop = await tove.request('POST', `/console/pilots/${id}/gates`, { body: { decision: 'stop', reason: 'Støjen gjorde løsningen ubrugelig.', learnings: LEARNINGS, checklist: {} }, headers: { 'if-match': etag } });

    // Assess
    for (const response of [short, oneSentence, missing]) {
      expect(response.status).toBe(400);
      const problem = await problemOf(response);
      expect(problem.type).toBe('/api/problems/validation');
      expect((problem['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(['/learnings']);
    }
    expect(unchanged).toEqual(before);
    expect(stop.status).toBe(200);
    expect(((await stop.json()) as { gate: GateRecord }).gate).toMatchObject({ decision: 'stop', gate: 'evaluation', from: 'pilot', to: 'stopped' });
    const { pilot } = await getPilot(id);
    expect(pilot).toMatchObject({ stage: 'stopped', stoppedFrom: 'pilot', learnings: LEARNINGS, nextGate: null });
    const learning = (await allItems(runtime.tableName)).find((item) => item['PK'] === 'LEARNINGS' && item['SK'] === id) as { learning: { learnings: string } } | undefined;
    expect(learning?.learning.learnings).toBe(LEARNINGS);

    // A stopped pilot keeps its learnings worth reading.
    const emptied = await patchNow(tove, id, { learnings: 'Kort.' });
    expect(emptied.status).toBe(400);
    expect((await getPilot(id)).pilot.learnings).toBe(LEARNINGS);
  });
});

describe('the checklist blocking go', () => {
  it('refuses go with a required item not answered yes (409 checklist-incomplete naming it) and leaves the pilot as it was', async () => {
    // Prepare
    const id = await newPilot('Fælles kalender for terapeuterne', { hypothesis: true });
    const before = sortedItems(await settledItems(runtime));
    const { etag } = await getPilot(id);

    // Act
    const partly = await tove.request('POST', `/console/pilots/${id}/gates`, {
      body: { decision: 'go', reason: 'Vi er næsten klar.', checklist: { 'gdpr-dpia-screening': true, 'architecture-fit': false, 'operations-owner-named': true } },
      headers: { 'if-match': etag },
    });
    const none = await dirk.request('POST', `/console/pilots/${id}/gates`, { body: { decision: 'go', reason: 'Kør.' }, headers: { 'if-match': etag } });
    const unknown = await tove.request('POST', `/console/pilots/${id}/gates`, {
      body: { decision: 'go', reason: 'Kør.', checklist: { 'gdpr-dpia-screening': true, 'architecture-fit': true, 'operations-owner-named': true, 'success-measure-baseline': true, 'budget-ok': true } },
      headers: { 'if-match': etag },
    });

    // Assess
    expect(partly.status).toBe(409);
    const problem = await problemOf(partly);
    expect(problem.type).toBe('/api/problems/checklist-incomplete');
    expect((problem['missing'] as { id: string; text: string }[]).map((item) => item.id)).toEqual(['architecture-fit', 'success-measure-baseline']);
    expect((problem['missing'] as { id: string; text: string }[])[0]?.text).toBe('IT har vurderet arkitekturen');
    expect(none.status).toBe(409);
    expect(((await problemOf(none))['missing'] as unknown[]).length).toBe(4);
    expect(unknown.status).toBe(400);
    expect(((await problemOf(unknown))['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(['/checklist/budget-ok']);
    expect(sortedItems(await allItems(runtime.tableName))).toEqual(before);
    const { pilot } = await getPilot(id);
    expect(pilot).toMatchObject({ stage: 'sprint', version: 2, gates: [] });
  });

  it('refuses go into pilot while the pilot has no hypothesis (409 hypothesis-missing), changing nothing, and lets the same go through once triage has written it', async () => {
    // Prepare
    const id = await newPilot('Hypotese før piloten');
    const first = await getPilot(id);
    expect(first.etag).toBe('"1"');
    expect(first.pilot.hypothesis).toBeUndefined();
    const checklist = await allYes(id);
    expect(Object.keys(checklist)).toHaveLength(4);
    const before = sortedItems(await settledItems(runtime));

    // Act
    const refused = await tove.request('POST', `/console/pilots/${id}/gates`, { body: { decision: 'go', reason: 'Alt er på plads.', checklist }, headers: { 'if-match': first.etag } });
    const unchanged = sortedItems(await settledItems(runtime));
    const written = await tove.request('PATCH', `/console/pilots/${id}`, { body: { hypothesis: HYPOTHESIS }, headers: { 'if-match': first.etag } });
    const passed = await tove.request('POST', `/console/pilots/${id}/gates`, { body: { decision: 'go', reason: 'Alt er på plads.', checklist }, headers: { 'if-match': '"2"' } });

    // Assess
    expect(refused.status).toBe(409);
    expect(await problemOf(refused)).toMatchObject({ type: '/api/problems/hypothesis-missing', status: 409 });
    expect(unchanged).toEqual(before);
    expect(written.status).toBe(200);
    expect(written.headers.get('etag')).toBe('"2"');
    expect(passed.status).toBe(200);
    expect(passed.headers.get('etag')).toBe('"3"');
    expect(((await passed.json()) as { stage: string; gate: GateRecord }).gate).toMatchObject({ decision: 'go', gate: 'pilot', from: 'sprint', to: 'pilot' });
    const { pilot } = await getPilot(id);
    expect(pilot).toMatchObject({ stage: 'pilot', reachedStages: ['sprint', 'pilot'], hypothesis: HYPOTHESIS, version: 3 });
    expect(pilot.gates).toHaveLength(1);
    expect(pilot.history.map((event) => event.change)).toEqual(['created', 'edit', 'gate']);
    expect(pilot.history[1]?.fields).toEqual(['hypothesis']);
    expect(gateItems(await allItems(runtime.tableName), id)).toHaveLength(1);
  });

  it('lets an admin change the checklist (If-Match required, stale refused) and a new required item then blocks go until answered yes', async () => {
    // Prepare
    const id = await newPilot('Automatisk visitation af hjælpemidler', { hypothesis: true });
    const { settings, etag } = await gateSettings();
    expect(etag).toBe(`"${settings.version}"`);
    const added = { id: 'citizens-informed', text: { da: 'Borgerne er informeret om afprøvningen', en: 'Citizens are told about the trial' }, required: true };
    const changed = { gates: { ...settings.gates, pilot: [...(settings.gates['pilot'] ?? []), added] }, stageLimitDays: { ...settings.stageLimitDays, sprint: 21 } };
    const before = sortedItems(await settledItems(runtime));

    // Act
    const missing = await ulla.request('PUT', '/console/gates', { body: changed });
    const stale = await ulla.request('PUT', '/console/gates', { body: changed, headers: { 'if-match': `"${settings.version + 5}"` } });
    const unchanged = sortedItems(await allItems(runtime.tableName));
    const put = await ulla.request('PUT', '/console/gates', { body: changed, headers: { 'if-match': etag } });
    const again = await ulla.request('PUT', '/console/gates', { body: changed, headers: { 'if-match': etag } });
    const oldYes = { 'gdpr-dpia-screening': true, 'architecture-fit': true, 'operations-owner-named': true, 'success-measure-baseline': true };
    const blocked = await gateNow(tove, id, { decision: 'go', reason: 'Alt det gamle er klaret.', checklist: oldYes });
    const passed = await gateNow(tove, id, { decision: 'go', reason: 'Nu er borgerne informeret.', checklist: { ...oldYes, 'citizens-informed': true } });

    // Assess
    expect(missing.status).toBe(428);
    expect((await problemOf(missing)).type).toBe('/api/problems/precondition-required');
    expect(stale.status).toBe(412);
    expect((await problemOf(stale)).type).toBe('/api/problems/precondition-failed');
    expect(unchanged).toEqual(before);
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe(`"${settings.version + 1}"`);
    expect(again.status).toBe(412);
    const now = await gateSettings();
    expect(now.settings).toMatchObject({ version: settings.version + 1, stageLimitDays: { sprint: 21 } });
    expect(now.settings.gates['pilot']?.at(-1)).toEqual(added);
    expect(blocked.status).toBe(409);
    expect(((await problemOf(blocked))['missing'] as { id: string }[]).map((item) => item.id)).toEqual(['citizens-informed']);
    expect(passed.status).toBe(200);
    const { pilot } = await getPilot(id);
    expect(pilot.stage).toBe('pilot');
    expect(pilot.gates[0]?.checklist.at(-1)).toEqual({ ...added, answer: true });

    // Put back what the other tests expect; the decision already taken keeps the checklist as it was asked.
    const restore = await ulla.request('PUT', '/console/gates', { body: { gates: settings.gates, stageLimitDays: settings.stageLimitDays }, headers: { 'if-match': now.etag } });
    expect(restore.status).toBe(200);
    expect((await getPilot(id)).pilot.gates[0]?.checklist.at(-1)?.id).toBe('citizens-informed');
  });
});

describe('two gate decisions at once', () => {
  it('lets exactly one of two concurrent decisions at the same ETag win; the other gets 412 and only one gate record is stored', async () => {
    // Prepare
    const id = await newPilot('Samtidige beslutninger ved gaten', { hypothesis: true });
    const checklist = await allYes(id);
    const { etag } = await getPilot(id);

    // Act
    const answers = await Promise.all([
      tove.request('POST', `/console/pilots/${id}/gates`, { body: { decision: 'go', reason: 'Klar til pilot.', checklist }, headers: { 'if-match': etag } }),
      dirk.request('POST', `/console/pilots/${id}/gates`, { body: { decision: 'stop', reason: 'Ingen penge.', learnings: LEARNINGS, checklist: {} }, headers: { 'if-match': etag } }),
    ]);

    // Assess
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
    const loser = answers.find((answer) => answer.status === 412) as Response;
    expect((await problemOf(loser)).type).toBe('/api/problems/precondition-failed');
    const winner = answers.findIndex((answer) => answer.status === 200);
    const items = await allItems(runtime.tableName);
    expect(gateItems(items, id)).toHaveLength(1);
    // created, the hypothesis written, and the one decision.
    expect(items.filter((item) => item['PK'] === `PILOT#${id}` && String(item['SK']).startsWith('EVENT#'))).toHaveLength(3);
    const { pilot } = await getPilot(id);
    expect(pilot.version).toBe(3);
    expect(pilot.stage).toBe(winner === 0 ? 'pilot' : 'stopped');
    expect(pilot.gates).toHaveLength(1);
  });
});

describe('who may do what with pilots', () => {
  it('refuses an employee every pilot, gate and pipeline route with 403, changing nothing', async () => {
    // Prepare
    const id = await newPilot('Adgang for medarbejdere');
    const { settings, etag: gatesEtag } = await gateSettings();
    const before = sortedItems(await settledItems(runtime));
    const ifMatch = { 'if-match': '"1"' };

    // Act
    const answers: [string, Response][] = [
      ['GET pilot', await anna.request('GET', `/console/pilots/${id}`)],
      ['PATCH pilot', await anna.request('PATCH', `/console/pilots/${id}`, { body: { owner: { sub: 'anna' } }, headers: ifMatch })],
      ['POST gate', await anna.request('POST', `/console/pilots/${id}/gates`, { body: { decision: 'go', reason: 'Kør.', checklist: await allYes(id) }, headers: ifMatch })],
      ['GET gates', await anna.request('GET', '/console/gates')],
      ['PUT gates', await anna.request('PUT', '/console/gates', { body: { gates: settings.gates, stageLimitDays: settings.stageLimitDays }, headers: { 'if-match': gatesEtag } })],
      ['summary', await anna.request('GET', '/pipeline/summary')],
      ['pilots', await anna.request('GET', '/pipeline/pilots')],
      ['export', await anna.request('GET', '/pipeline/export.csv')],
      ['learnings', await anna.request('GET', '/pipeline/learnings?q=st%C3%B8j')],
    ];

    // Assess
    for (const [route, response] of answers) {
      expect(response.status, route).toBe(403);
      expect((await problemOf(response)).type, route).toBe('/api/problems/forbidden');
    }
    expect(sortedItems(await allItems(runtime.tableName))).toEqual(before);
  });

  it('lets a director read a pilot and decide at its gate, but not edit it, the gates or a scorecard', async () => {
    // Prepare
    const [ideaId] = (await submitAll(anna, [friction('Direktørens adgang')])) as [string];
    const accepted = await decideNow(tove, ideaId, { decision: 'accept' });
    const id = ((await accepted.json()) as { pilot: { id: string } }).pilot.id;
    await writeHypothesis(id);
    const { settings, etag: gatesEtag } = await gateSettings();
    const before = sortedItems(await settledItems(runtime));

    // Act
    const read = await dirk.request('GET', `/console/pilots/${id}`);
    const patch = await dirk.request('PATCH', `/console/pilots/${id}`, { body: { owner: { sub: 'dirk' } }, headers: { 'if-match': '"2"' } });
    const putGates = await dirk.request('PUT', '/console/gates', { body: { gates: settings.gates, stageLimitDays: settings.stageLimitDays }, headers: { 'if-match': gatesEtag } });
    const scorecard = await dirk.request('PUT', `/console/ideas/${ideaId}/scorecard`, {
      body: { scores: { strategic_fit: 3, benefit: 3, feasibility: 2, risk_compliance: 2, reach: 1 } },
      headers: { 'if-match': '"3"' },
    });
    const unchanged = sortedItems(await allItems(runtime.tableName));
    const gate = await dirk.request('POST', `/console/pilots/${id}/gates`, { body: { decision: 'go', reason: 'Ledelsen siger go.', checklist: await allYes(id) }, headers: { 'if-match': '"2"' } });

    // Assess
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"2"');
    for (const [route, response] of [['PATCH pilot', patch], ['PUT gates', putGates], ['PUT scorecard', scorecard]] as const) {
      expect(response.status, route).toBe(403);
      expect((await problemOf(response)).type, route).toBe('/api/problems/forbidden');
    }
    expect(unchanged).toEqual(before);
    expect(gate.status).toBe(200);
    expect(((await gate.json()) as { gate: GateRecord }).gate).toMatchObject({ by: { sub: 'dirk', name: 'Dirk Ærø' }, role: 'director', to: 'pilot' });
  });

  it('refuses gate decisions to a caller who is only an admin, while the admin may edit the pilot', async () => {
    // Prepare
    const id = await newPilot('Administratorens adgang');
    const before = sortedItems(await settledItems(runtime));

    // Act
    const gate = await ulla.request('POST', `/console/pilots/${id}/gates`, { body: { decision: 'go', reason: 'Kør.', checklist: await allYes(id) }, headers: { 'if-match': '"1"' } });
    const unchanged = sortedItems(await allItems(runtime.tableName));
    const patch = await ulla.request('PATCH', `/console/pilots/${id}`, { body: { riskLevel: 'medium' }, headers: { 'if-match': '"1"' } });

    // Assess
    expect(gate.status).toBe(403);
    expect((await problemOf(gate)).type).toBe('/api/problems/forbidden');
    expect(unchanged).toEqual(before);
    expect(patch.status).toBe(200);
    expect((await getPilot(id)).pilot).toMatchObject({ stage: 'sprint', riskLevel: 'medium', version: 2 });
  });
});

describe('editing a pilot', () => {
  it('refuses a bad PATCH (javascript: link, unknown field, no If-Match, stale If-Match) with a problem document, changing nothing', async () => {
    // Prepare
    const id = await newPilot('Prototype af borgerportal');
    const before = sortedItems(await settledItems(runtime));

    // Act
    const script = await tove.request('PATCH', `/console/pilots/${id}`, {
      body: { artefacts: [{ kind: 'prototype', title: 'Klikbar prototype', url: 'javascript:alert(1)' }] },
      headers: { 'if-match': '"1"' },
    });
    const dataUrl = await tove.request('PATCH', `/console/pilots/${id}`, {
      body: { artefacts: [{ kind: 'storyboard', title: 'Storyboard', text: 'Tre rammer.' }, { kind: 'other', title: 'Billede', url: 'data:text/html,<script>alert(1)</script>' }] },
      headers: { 'if-match': '"1"' },
    });
    const unknownField = await tove.request('PATCH', `/console/pilots/${id}`, { body: { stage: 'realised' }, headers: { 'if-match': '"1"' } });
    const empty = await tove.request('PATCH', `/console/pilots/${id}`, { body: {}, headers: { 'if-match': '"1"' } });
    const noIfMatch = await tove.request('PATCH', `/console/pilots/${id}`, { body: { riskLevel: 'high' } });
    const stale = await tove.request('PATCH', `/console/pilots/${id}`, { body: { riskLevel: 'high' }, headers: { 'if-match': '"7"' } });

    // Assess
    const pointers = async (response: Response) => {
      expect(response.status).toBe(400);
      const problem = await problemOf(response);
      expect(problem.type).toBe('/api/problems/validation');
      return (problem['errors'] as { pointer: string }[]).map((error) => error.pointer);
    };
    expect(await pointers(script)).toEqual(['/artefacts/0/url']);
    expect(await pointers(dataUrl)).toEqual(['/artefacts/1/url']);
    expect(await pointers(unknownField)).toContain('/stage');
    expect(empty.status).toBe(400);
    expect(noIfMatch.status).toBe(428);
    expect(stale.status).toBe(412);
    expect(sortedItems(await allItems(runtime.tableName))).toEqual(before);
  });

  it('refuses a lone surrogate in the owner’s subject with 400 on the field (it once answered 500), changing nothing', async () => {
    // Prepare
    const id = await newPilot('Fælles nøgleskab i hjemmeplejen');
    const before = sortedItems(await settledItems(runtime));

    // Act: JSON carries the lone surrogate as the escape "\ud800".
    const response = await tove.request('PATCH', `/console/pilots/${id}`, { body: { owner: { sub: 'tove\ud800', name: 'Tove Ågård' } }, headers: { 'if-match': '"1"' } });

    // Assess
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.type).toBe('/api/problems/validation');
    expect(problem['errors']).toEqual([{ pointer: '/owner/sub', detail: 'Teksten indeholder et ugyldigt tegn (ikke gyldig Unicode)' }]);
    expect(sortedItems(await allItems(runtime.tableName))).toEqual(before);
  });

  it('keeps æ, ø and å in owner names, artefacts and learnings, stored as typed (NFC) and answered as JSON', async () => {
    // Prepare
    const id = await newPilot('Ældreplejens tavle på Østerbro');
    const decomposed = 'Åse Nørgård'.normalize('NFD');
    expect(decomposed).not.toBe('Åse Nørgård');

    // Act
    const patch = await patchNow(tove, id, {
      owner: { sub: 'aase', name: decomposed },
      artefacts: [{ kind: 'test_notes', title: 'Tænke-højt-test på Ærøhøj', url: 'https://wiki.kommune.example/pilot/ærøhøj', text: 'Fem borgere prøvede løsningen; én gav op.' }],
    });
    const stop = await gateNow(dirk, id, { decision: 'stop', reason: 'Løsningen passer ikke til vores arbejdsgange.', learnings: LEARNINGS, checklist: {} });

    // Assess
    expect(patch.status).toBe(200);
    expect(patch.headers.get('content-type')).toMatch(/^application\/json/);
    expect(stop.status).toBe(200);
    const response = await tove.request('GET', `/console/pilots/${id}`);
    const text = new TextDecoder('utf-8').decode(await response.arrayBuffer());
    expect(text).toContain('"name":"Åse Nørgård"');
    expect(text).toContain('Tænke-højt-test på Ærøhøj');
    const pilot = JSON.parse(text) as PilotDocument;
    expect(pilot).toMatchObject({ title: 'Ældreplejens tavle på Østerbro', owner: { sub: 'aase', name: 'Åse Nørgård' }, learnings: LEARNINGS, stage: 'stopped' });
    const stored = (await allItems(runtime.tableName)).find((item) => item['PK'] === `PILOT#${id}` && item['SK'] === 'META') as { pilot: PilotDocument };
    expect(stored.pilot.owner?.name).toBe('Åse Nørgård');
    expect(stored.pilot.learnings).toBe(LEARNINGS);
    const owned = (await (await dirk.request('GET', `/pipeline/pilots?owner=aase`)).json()) as { items: { id: string; owner?: { name?: string } }[] };
    expect(owned.items.map((row) => [row.id, row.owner?.name])).toEqual([[id, 'Åse Nørgård']]);
  });
});

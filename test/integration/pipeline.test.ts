import { random as seededRandom } from '../../bench/random.ts';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { LOCAL_AWS } from '../../infra/local/emulators.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { DEFAULT_GATES } from '../../shared/domain/gates.ts';
import { RESEMBLANCE_MIN_SCORE } from '../../shared/domain/learnings.ts';
import type { Idea } from '../../shared/domain/idea.ts';
import type { Pilot } from '../../shared/domain/pilot.ts';
import { pipelineSummary, recount, type Contribution } from '../../shared/domain/pipeline.ts';
import { DynamoPipelineStore, SHARD_COUNT } from '../../shared/store/pipeline.ts';
import {
  allItems,
  dayInCopenhagen,
  decideNow,
  eventually,
  FRICTION,
  nextDay,
  problemOf,
  settledItems,
  startWithCast,
  submitAll,
  type Person,
} from './support.ts';

let runtime: LocalRuntime;
let anna: Person;
let bent: Person;
let carl: Person;
let dora: Person;
let dirk: Person;
let tove: Person;
let client: DynamoDBDocumentClient;

beforeAll(async () => {
  ({ runtime, anna, bent, carl, dora, dirk, tove } = await startWithCast());
  client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: LOCAL_AWS.region, credentials: LOCAL_AWS, endpoint: inject('dynamodbEndpoint') }));
});

afterAll(async () => {
  client?.destroy();
  await runtime?.stop();
});

type Item = Record<string, unknown>;

interface PilotRow {
  id: string;
  title: string;
  stage: string;
  stageEnteredAt: string;
  department: string;
  themes: string[];
  owner?: { sub: string; name?: string };
  expectedHoursPerYear?: number;
  createdAt: string;
}

interface PilotPage {
  sort: string;
  items: PilotRow[];
  nextCursor?: string;
}


const friction = (title: string, extra: object = {}) => ({ ...FRICTION, title, ...extra });
const inAMonth = () => nextDay(dayInCopenhagen(new Date()), 30);
const GENERIC_LEARNINGS = 'Budgettet blev prioriteret til andre projekter i år. Vi gemmer analysen og ser på det igen, når økonomien tillader det.';

async function getPilot(id: string): Promise<{ pilot: Pilot & { nextGate: { checklist: { id: string }[] } | null }; etag: string }> {
  const response = await tove.request('GET', `/console/pilots/${id}`);
  expect(response.status).toBe(200);
  return { pilot: (await response.json()) as Pilot & { nextGate: { checklist: { id: string }[] } | null }, etag: response.headers.get('etag') as string };
}

/** A gate decision at the pilot's current version; `go` answers every item yes. */
async function gateNow(person: Person, id: string, body: Record<string, unknown>): Promise<Response> {
  const { pilot, etag } = await getPilot(id);
  const checklist = body['decision'] === 'go' ? Object.fromEntries((pilot.nextGate?.checklist ?? []).map((item) => [item.id, true])) : {};
  return person.request('POST', `/console/pilots/${id}/gates`, { body: { checklist, ...body }, headers: { 'if-match': etag } });
}

async function patchNow(id: string, body: object): Promise<Response> {
  const { etag } = await getPilot(id);
  return tove.request('PATCH', `/console/pilots/${id}`, { body, headers: { 'if-match': etag } });
}

async function accept(ideaId: string): Promise<string> {
  const response = await decideNow(tove, ideaId, { decision: 'accept' });
  expect(response.status).toBe(200);
  return ((await response.json()) as { pilot: { id: string } }).pilot.id;
}

/** Ideas submitted by `person`, accepted one after the other: the new pilots' ids in that order. */
async function newPilots(person: Person, bodies: object[]): Promise<string[]> {
  const ideaIds = await submitAll(person, bodies);
  const pilotIds: string[] = [];
  for (const ideaId of ideaIds) pilotIds.push(await accept(ideaId));
  return pilotIds;
}

async function stopNow(id: string, learnings: string): Promise<void> {
  const response = await gateNow(dirk, id, { decision: 'stop', reason: 'Vi stopper piloten her.', learnings });
  expect(response.status).toBe(200);
}

/** The counters as the table holds them, and as a full recount of its ideas and pilots gives them. */
async function storedAndRecounted(): Promise<{ stored: Contribution; recounted: Contribution; items: Item[] }> {
  const items = await settledItems(runtime);
  const ideas = items.filter((item) => item['type'] === 'idea') as unknown as Pick<Idea, 'status' | 'statusChangedAt'>[];
  const pilots = items.filter((item) => item['type'] === 'pilot').map((item) => item['pilot'] as Pilot);
  return { stored: await new DynamoPipelineStore(client, runtime.tableName).totals(), recounted: recount(ideas, pilots), items };
}

/** GET /pipeline/summary against pipelineSummary of a recount, taken at the moment the summary says it was made. */
async function expectSummaryOfRecount(recounted: Contribution, items: Item[]): Promise<Record<string, unknown>> {
  const response = await dirk.request('GET', '/pipeline/summary');
  expect(response.status).toBe(200);
  const { at, byTheme, ...summary } = (await response.json()) as { at: string; byTheme: Record<string, { name: string; stages: unknown }> } & Record<string, unknown>;
  const waitingSince = items
    .filter((item) => item['type'] === 'idea' && item['status'] === 'in_triage')
    .map((item) => String(item['statusChangedAt']))
    .sort()[0];
  const expected = pipelineSummary(recounted, { stageLimitDays: DEFAULT_GATES.stageLimitDays, oldestWaitingSince: waitingSince, now: new Date(at) });
  const { byTheme: expectedByTheme, ...rest } = expected;
  expect(summary).toEqual(rest);
  expect(Object.fromEntries(Object.entries(byTheme).map(([id, entry]) => [id, entry.stages]))).toEqual(expectedByTheme);
  return { ...summary, byTheme };
}

type Tracked = { id: string; by: Person; status: string };

describe('the pipeline counters', () => {
  it('equal a full recount of ideas and pilots after a seeded random sequence of 200 transitions through the API, and the summary agrees', async () => {
    // Prepare
    const SEED = 20_240_611;
    const random = seededRandom(SEED);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const submitters = [anna, bent, carl, dora];
    const ideas: Tracked[] = [];
    /** Where each pilot stands, and whether its hypothesis is written (a go into `pilot` needs it). */
    const pilots: { id: string; stage: string; hypothesis: boolean }[] = [];
    let submitted = 0;
    const log: string[] = [];
    const done = new Set<string>(['submit']);

    const submit = async () => {
      const by = pick(submitters);
      const body = random() < 0.5 ? friction(`Forløb ${submitted}: dobbeltindtastning`, { minutesEach: 1 + Math.floor(random() * 30) }) : { kind: 'idea', title: `Idé ${submitted} om digital tavle`, description: 'En digital tavle på gangen kunne vise dagens aftaler for beboerne og personalet.', department: pick(['Ældreplejen Nørrebro', 'Børn og Unge', 'Jobcenter Ærø']) };
      submitted += 1;
      const response = await by.request('POST', '/ideas', { body });
      expect(response.status).toBe(202);
      ideas.push({ id: ((await response.json()) as { id: string }).id, by, status: 'submitted' });
    };
    /** Ideas still `submitted` move on once intake has taken them. */
    const refresh = async () => {
      for (const idea of ideas.filter((entry) => entry.status === 'submitted')) {
        const response = await idea.by.request('GET', `/ideas/${idea.id}`);
        idea.status = ((await response.json()) as { status: string }).status;
      }
    };

    // The first 30 transitions: submissions, waited for through intake.
    for (let n = 0; n < 30; n += 1) await submit();
    await eventually(async () => {
      await refresh();
      return ideas.every((idea) => idea.status !== 'submitted') ? true : undefined;
    }, 30_000, 'the first ideas to reach triage');

    // Act: 170 more, each one drawn from what the state allows.
    for (let step = 30; step < 200; step += 1) {
      if (step % 15 === 0) await refresh();
      const withStatus = (...statuses: string[]) => ideas.filter((idea) => statuses.includes(idea.status));
      const active = pilots.filter((pilot) => ['sprint', 'pilot', 'evaluation', 'operations'].includes(pilot.stage));
      const ready = active.filter((pilot) => pilot.stage !== 'sprint' || pilot.hypothesis);
      const unready = active.filter((pilot) => pilot.stage === 'sprint' && !pilot.hypothesis);
      const moves: [string, number, () => Promise<string>][] = [
        ['submit', 3, async () => (await submit(), 'submit')],
        ['accept', withStatus('in_triage').length > 0 ? 4 : 0, async () => {
          const idea = pick(withStatus('in_triage'));
          const pilotId = await accept(idea.id);
          idea.status = 'accepted';
          pilots.push({ id: pilotId, stage: 'sprint', hypothesis: false });
          return `accept ${idea.id}`;
        }],
        ['needs_info', withStatus('in_triage').length > 0 ? 2 : 0, async () => {
          const idea = pick(withStatus('in_triage'));
          expect((await decideNow(tove, idea.id, { decision: 'needs_info', question: 'Hvor mange gange om ugen sker det?' })).status).toBe(200);
          idea.status = 'needs_info';
          return `needs_info ${idea.id}`;
        }],
        ['answer', withStatus('needs_info').length > 0 ? 2 : 0, async () => {
          const idea = pick(withStatus('needs_info'));
          expect((await idea.by.request('POST', `/ideas/${idea.id}/answers`, { body: { answer: 'Omkring tyve gange om ugen på hver afdeling.' } })).status).toBe(200);
          idea.status = 'in_triage';
          return `answer ${idea.id}`;
        }],
        ['park', withStatus('in_triage', 'needs_info').length > 0 ? 1 : 0, async () => {
          const idea = pick(withStatus('in_triage', 'needs_info'));
          expect((await decideNow(tove, idea.id, { decision: 'park', revisitOn: inAMonth(), message: 'Vi venter på budgettet.' })).status).toBe(200);
          idea.status = 'parked';
          return `park ${idea.id}`;
        }],
        ['decline', withStatus('in_triage', 'needs_info', 'parked').length > 0 ? 1 : 0, async () => {
          const idea = pick(withStatus('in_triage', 'needs_info', 'parked'));
          expect((await decideNow(tove, idea.id, { decision: 'decline', reasonCode: 'no_capacity', message: 'Vi har ikke kræfter til det i år.' })).status).toBe(200);
          idea.status = 'declined';
          return `decline ${idea.id}`;
        }],
        ['withdraw', withStatus('submitted', 'in_triage', 'needs_info', 'parked').length > 0 ? 1 : 0, async () => {
          const idea = pick(withStatus('submitted', 'in_triage', 'needs_info', 'parked'));
          expect((await idea.by.request('POST', `/ideas/${idea.id}/withdraw`, { body: { reason: 'Vi har fundet en anden løsning.' } })).status).toBe(200);
          idea.status = 'withdrawn';
          return `withdraw ${idea.id}`;
        }],
        ['go', ready.length > 0 ? 5 : 0, async () => {
          const pilot = pick(ready);
          const response = await gateNow(pick([tove, dirk]), pilot.id, { decision: 'go', reason: 'Klar til næste fase.' });
          expect(response.status).toBe(200);
          pilot.stage = ((await response.json()) as { stage: string }).stage;
          return `go ${pilot.id}`;
        }],
        // Not a transition: a go into `pilot` before the hypothesis is written is refused and changes nothing.
        ['go without hypothesis', unready.length > 0 ? 1 : 0, async () => {
          const pilot = pick(unready);
          const { etag } = await getPilot(pilot.id);
          const response = await gateNow(pick([tove, dirk]), pilot.id, { decision: 'go', reason: 'Klar til piloten.' });
          expect(response.status).toBe(409);
          expect((await problemOf(response)).type).toBe('/api/problems/hypothesis-missing');
          const after = await getPilot(pilot.id);
          expect(after.etag).toBe(etag);
          expect(after.pilot.stage).toBe('sprint');
          return `go ${pilot.id} refused: no hypothesis`;
        }],
        ['hold', active.length > 0 ? 1 : 0, async () => {
          const pilot = pick(active);
          expect((await gateNow(dirk, pilot.id, { decision: 'hold', reason: 'Vi venter på IT.', revisitOn: inAMonth() })).status).toBe(200);
          return `hold ${pilot.id}`;
        }],
        ['recycle', active.some((pilot) => pilot.stage !== 'sprint') ? 2 : 0, async () => {
          const pilot = pick(active.filter((entry) => entry.stage !== 'sprint'));
          const response = await gateNow(tove, pilot.id, { decision: 'recycle', reason: 'Testen holdt ikke.', mustChange: 'Test med flere brugere.' });
          expect(response.status).toBe(200);
          pilot.stage = ((await response.json()) as { stage: string }).stage;
          return `recycle ${pilot.id}`;
        }],
        ['stop', active.length > 0 ? 1 : 0, async () => {
          const pilot = pick(active);
          await stopNow(pilot.id, GENERIC_LEARNINGS);
          pilot.stage = 'stopped';
          return `stop ${pilot.id}`;
        }],
        ['patch', pilots.length > 0 ? 4 : 0, async () => {
          const pilot = pick(pilots);
          const roll = random();
          const body =
            roll < 0.45
              ? { hypothesis: { expectedHoursPerYear: Math.floor(random() * 2000), successMeasure: 'Timer pr. år', baseline: 'Målt i uge 10', successThreshold: 'Halvdelen' } }
              : roll < 0.9
                ? { results: { realisedHoursPerYear: Math.floor(random() * 1500), summary: 'Målt på to afdelinger.' } }
                : { hypothesis: null, results: null };
          expect((await patchNow(pilot.id, body)).status).toBe(200);
          pilot.hypothesis = roll < 0.45 ? true : roll < 0.9 ? pilot.hypothesis : false;
          return `patch ${pilot.id} ${Object.keys(body).join(',')}`;
        }],
      ];
      const total = moves.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = random() * total;
      // Near the end, a kind of transition that has not happened yet goes first, so every kind is covered.
      const untried = step >= 185 ? moves.find(([name, weight]) => weight > 0 && !done.has(name)) : undefined;
      const move = untried ?? moves.find(([, weight]) => (roll -= weight) < 0) ?? (moves[0] as (typeof moves)[number]);
      done.add(move[0]);
      log.push(`${step}: ${await move[2]()}`);
    }

    // Assess
    const { stored, recounted, items } = await storedAndRecounted();
    expect(log).toHaveLength(170);
    // Every one of the 12 kinds of transition happened, and a refused go into `pilot` was tried too.
    expect([...done].sort(), `seed ${SEED}`).toEqual(['accept', 'answer', 'decline', 'go', 'go without hypothesis', 'hold', 'needs_info', 'park', 'patch', 'recycle', 'stop', 'submit', 'withdraw']);
    expect(stored.counters, `seed ${SEED}`).toEqual(recounted.counters);
    expect(stored.entries, `seed ${SEED}`).toEqual(recounted.entries);
    expect(recounted.counters['ideas']).toBe(ideas.length);
    expect(recounted.counters['stage:realised'] ?? 0).toBe(pilots.filter((pilot) => pilot.stage === 'realised').length);
    expect(recounted.counters['stage:stopped'] ?? 0).toBe(pilots.filter((pilot) => pilot.stage === 'stopped').length);
    await expectSummaryOfRecount(recounted, items);
    // About 30 s alone; room for a busy two-core machine running other test files beside it.
  }, 90_000);
});

describe('the cost of the summary', () => {
  it('reads the same few items for the summary after 50 more ideas: at most 16 counter shards, whatever the number of ideas', async () => {
    // Prepare
    const shards = async () => (await allItems(runtime.tableName)).filter((item) => item['PK'] === 'PIPELINE');
    /** What one GET /pipeline/summary reads from the table (the handlers run in this process): the requests and the items they answer. */
    const summaryReads = async () => {
      await settledItems(runtime);
      const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
      try {
        const response = await dirk.request('GET', '/pipeline/summary');
        expect(response.status).toBe(200);
        const calls = send.mock.calls.map(([command]) => command as { constructor: { name: string }; input: Record<string, unknown> });
        const results = (await Promise.all(send.mock.results.map((result) => result.value as Promise<unknown>))) as ({ Items?: unknown[]; Item?: unknown } | undefined)[];
        const ours = calls.map((command, n) => ({ command, result: results[n] })).filter(({ command }) => command.input['TableName'] === runtime.tableName);
        expect(ours.map(({ command }) => command.constructor.name).every((name) => name === 'QueryCommand' || name === 'GetCommand')).toBe(true);
        return {
          requests: ours.length,
          items: ours.reduce((sum, { result }) => sum + (result?.Items?.length ?? (result?.Item === undefined ? 0 : 1)), 0),
          body: (await response.json()) as { ideas: { total: number }; triage: { waiting: number } },
        };
      } finally {
        send.mockRestore();
      }
    };
    const before = await summaryReads();
    const shardsBefore = await shards();

    // Act
    await submitAll(anna, Array.from({ length: 50 }, (_, n) => friction(`Endnu en dobbeltindtastning ${n}`)));
    const after = await summaryReads();

    // Assess
    expect(shardsBefore.length).toBeLessThanOrEqual(SHARD_COUNT);
    expect((await shards()).length).toBeLessThanOrEqual(SHARD_COUNT);
    expect(before.requests).toBeGreaterThan(0);
    expect(after.requests).toBe(before.requests);
    // The shards, the oldest idea in triage, the gate settings and the strategy: nothing grows with the ideas.
    expect(after.items).toBeLessThanOrEqual(SHARD_COUNT + 3);
    expect(after.items - before.items).toBeLessThanOrEqual(SHARD_COUNT - shardsBefore.length);
    expect(after.body.ideas.total).toBe(before.body.ideas.total + 50);
    expect(after.body.triage.waiting).toBe(before.body.triage.waiting + 50);
    const { stored, recounted, items } = await storedAndRecounted();
    expect(stored).toEqual(recounted);
    await expectSummaryOfRecount(recounted, items);
  });
});

describe('the pipeline list', () => {
  const DEPARTMENT = 'Børne- og Ungeområdet Østerå';

  async function list(query: string): Promise<PilotPage> {
    const response = await dirk.request('GET', `/pipeline/pilots?${query}`);
    expect(response.status, query).toBe(200);
    return (await response.json()) as PilotPage;
  }

  /** Every row of a list, page by page, checking no page repeats a row. */
  async function everyRow(query: string, limit: number): Promise<{ rows: PilotRow[]; pages: number }> {
    const rows: PilotRow[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(`${query}&limit=${limit}${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      rows.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(200);
    } while (cursor !== undefined);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    return { rows, pages };
  }

  it('filters by stage, theme, department (æøå, any case) and owner, sorts three ways and pages with a cursor without repeating or losing a pilot', async () => {
    // Prepare: five pilots of one department, with different hours, two moved on to `pilot`, two owned by Søren.
    const hours = [300, 50, 1200, 0, 700];
    const ids = await newPilots(bent, hours.map((_, n) => friction(`Listepilot ${n}: dobbeltindtastning af borgerdata`, { department: DEPARTMENT })));
    for (const [n, id] of ids.entries()) {
      expect((await patchNow(id, { hypothesis: { expectedHoursPerYear: hours[n], successMeasure: 'Timer pr. år', baseline: 'Uge 10', successThreshold: 'Halvdelen' } })).status).toBe(200);
    }
    for (const n of [1, 3]) expect((await gateNow(tove, ids[n] as string, { decision: 'go', reason: 'Klar.' })).status).toBe(200);
    for (const n of [0, 2]) expect((await patchNow(ids[n] as string, { owner: { sub: 'soeren', name: 'Søren Østergård' } })).status).toBe(200);
    const pilots = await Promise.all(ids.map(async (id) => (await getPilot(id)).pilot));
    const theme = pilots[0]?.themes[0] as string;
    expect(theme, 'the pilots are aligned with a theme').toBeDefined();
    const department = encodeURIComponent('  børne- og  ungeområdet østerå ');

    // Act
    const inStage = await everyRow(`department=${department}`, 2);
    const newest = await everyRow(`department=${department}&sort=newest`, 2);
    const byHours = await everyRow(`department=${department}&sort=expected_hours`, 2);
    const inPilot = await list(`stage=pilot&department=${department}`);
    const inSprint = await list(`stage=sprint&department=${department}&sort=newest`);
    const owned = await list('owner=soeren');
    const themed = await everyRow(`theme=${theme}`, 7);
    const themedInPilot = await everyRow(`theme=${theme}&stage=pilot`, 100);

    // Assess
    expect(inStage.pages).toBe(3);
    expect(inStage.rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    const byEntry = [...pilots].sort((a, b) => a.stageEnteredAt.localeCompare(b.stageEnteredAt) || a.id.localeCompare(b.id));
    expect(inStage.rows.map((row) => row.id)).toEqual(byEntry.map((pilot) => pilot.id));
    expect(inStage.rows.slice(-2).map((row) => row.id)).toEqual([ids[1], ids[3]]);
    expect(newest.rows.map((row) => row.id)).toEqual([...ids].reverse());
    expect(byHours.rows.map((row) => row.expectedHoursPerYear)).toEqual([1200, 700, 300, 50, 0]);
    expect(byHours.rows.map((row) => row.id)).toEqual([ids[2], ids[4], ids[0], ids[1], ids[3]]);
    expect(inStage.rows.every((row) => row.department === DEPARTMENT)).toBe(true);
    expect(inPilot.items.map((row) => row.id)).toEqual([ids[1], ids[3]]);
    expect(inPilot.items.every((row) => row.stage === 'pilot')).toBe(true);
    expect(inSprint.items.map((row) => row.id)).toEqual([ids[4], ids[2], ids[0]]);
    expect(owned.items.map((row) => row.id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(owned.items.every((row) => row.owner?.name === 'Søren Østergård')).toBe(true);
    expect(themed.rows.every((row) => row.themes.includes(theme))).toBe(true);
    const themedIds = themed.rows.map((row) => row.id);
    for (const pilot of pilots) expect(themedIds.includes(pilot.id)).toBe(pilot.themes.includes(theme));
    const allPilots = (await allItems(runtime.tableName)).filter((item) => item['type'] === 'pilot').map((item) => item['pilot'] as Pilot);
    expect(themedIds.sort()).toEqual(allPilots.filter((pilot) => pilot.themes.includes(theme)).map((pilot) => pilot.id).sort());
    expect(themedInPilot.rows.map((row) => row.id).sort()).toEqual(allPilots.filter((pilot) => pilot.themes.includes(theme) && pilot.stage === 'pilot').map((pilot) => pilot.id).sort());
  });

  it('refuses two narrowings at once and a cursor that was not given for the list (400)', async () => {
    // Prepare
    const first = await list(`department=${encodeURIComponent(DEPARTMENT)}&limit=1`);
    expect(first.nextCursor).toBeDefined();
    const crafted = Buffer.from(JSON.stringify({ PK: 'IDEA#00000000-0000-4000-8000-000000000000', SK: 'META' }), 'utf8').toString('base64url');

    // Act
    const twice = [
      await dirk.request('GET', `/pipeline/pilots?department=${encodeURIComponent(DEPARTMENT)}&owner=soeren`),
      await dirk.request('GET', '/pipeline/pilots?theme=automatisering&owner=soeren'),
      await dirk.request('GET', `/pipeline/pilots?theme=automatisering&department=${encodeURIComponent(DEPARTMENT)}&stage=pilot`),
    ];
    const cursors = [
      await dirk.request('GET', `/pipeline/pilots?owner=soeren&cursor=${first.nextCursor}`),
      await dirk.request('GET', `/pipeline/pilots?department=${encodeURIComponent(DEPARTMENT)}&sort=newest&cursor=${first.nextCursor}`),
      await dirk.request('GET', `/pipeline/pilots?cursor=${crafted}`),
      await dirk.request('GET', '/pipeline/pilots?cursor=not-a-cursor'),
    ];
    const unknown = await dirk.request('GET', '/pipeline/pilots?stage=launched');

    // Assess
    for (const response of twice) {
      expect(response.status).toBe(400);
      expect((await problemOf(response)).type).toBe('/api/problems/validation');
    }
    for (const response of cursors) {
      expect(response.status).toBe(400);
      expect((await problemOf(response)).type).toBe('/api/problems/invalid-cursor');
    }
    expect(unknown.status).toBe(400);
    expect(((await problemOf(unknown))['errors'] as { pointer: string }[]).map((error) => error.pointer)).toEqual(['/stage']);
  });
});

/** Splits RFC 4180 text into records of fields, checking that every line outside quotes ends with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let n = 0; n < text.length; n += 1) {
    const char = text[n] as string;
    if (quoted) {
      if (char === '"' && text[n + 1] === '"') {
        field += '"';
        n += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') {
      if (field !== '') throw new Error(`A quote inside an unquoted field at ${n}`);
      quoted = true;
    } else if (char === ';') {
      record.push(field);
      field = '';
    } else if (char === '\r') {
      if (text[n + 1] !== '\n') throw new Error(`A CR without LF at ${n}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      n += 1;
    } else if (char === '\n') throw new Error(`A bare LF at ${n}`);
    else field += char;
  }
  if (quoted || field !== '' || record.length > 0) throw new Error('The CSV does not end with CRLF');
  return records;
}

describe('the CSV export', () => {
  it('is UTF-8 with a BOM, semicolon-separated with CRLF line ends, one line per pilot, quoting ; " and line breaks as RFC 4180 says', async () => {
    // Prepare
    const [tricky, formula] = await newPilots(carl, [friction('Eksportpilot med svær titel'), friction('Eksportpilot med formel')]);
    const title = 'Tavle; "Åbo" og Ærø\nØvrige beboere';
    expect((await patchNow(tricky as string, { title, owner: { sub: 'aase', name: 'Åse "Aase" Nørgård; IT' }, cost: { oneOffDkk: 125_000, yearlyDkk: 18_500 } })).status).toBe(200);
    expect((await patchNow(formula as string, { title: '=HYPERLINK("https://evil.example")' })).status).toBe(200);
    const pilots = (await allItems(runtime.tableName)).filter((item) => item['type'] === 'pilot');

    // Act
    const response = await dirk.request('GET', '/pipeline/export.csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const english = await dirk.request('GET', '/pipeline/export.csv', { headers: { 'accept-language': 'en' } });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="spire-pipeline-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.slice(3));
    // æ, ø and å are UTF-8 (two bytes each), not Latin-1.
    const encoded = new TextEncoder().encode('Ærø');
    expect(Buffer.from(bytes).includes(Buffer.from(encoded))).toBe(true);
    expect(encoded).toHaveLength(5);
    const records = parseCsv(text);
    const [header, ...rows] = records as [string[], ...string[][]];
    expect(text.split('\r\n')[0]).toBe(header.join(';'));
    expect(header).toEqual(['Id', 'Titel', 'Fase', 'I fasen siden', 'Afdeling', 'Temaer', 'Ejer', 'Risiko', 'Forventede timer pr. år', 'Realiserede timer pr. år', 'Engangsudgift (kr.)', 'Årlig udgift (kr.)', 'Afventer til', 'Idéer', 'Oprettet', 'Opdateret']);
    expect(rows).toHaveLength(pilots.length);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(pilots.map((item) => (item['pilot'] as Pilot).id)));
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    const row = rows.find((fields) => fields[0] === tricky) as string[];
    expect(row[1]).toBe(title);
    expect(row[2]).toMatch(/^(Designsprint|Pilot|Evaluering|Drift|Realiseret|Stoppet)$/);
    expect(row[6]).toBe('Åse "Aase" Nørgård; IT');
    expect(row[10]).toBe('125000');
    expect(row[11]).toBe('18500');
    expect(text).toContain(`;"Tavle; ""Åbo"" og Ærø\nØvrige beboere";`);
    expect(text).toContain(`;"Åse ""Aase"" Nørgård; IT";`);
    // Excel would run it as a formula; it is defused with an apostrophe.
    expect(rows.find((fields) => fields[0] === formula)?.[1]).toBe(`'=HYPERLINK("https://evil.example")`);
    expect(english.status).toBe(200);
    expect((await english.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Id;Title;Stage;/);
  });
});

const SENSOR = {
  title: 'Sensorer i sengene på plejecentret',
  description: 'Sensorer i madrasserne kunne fortælle nattevagten, når en beboer er stået op, så vi ikke skal gå runder på alle stuer hele natten.',
  learnings: 'Sensorerne gav for mange falske alarmer, fordi madrasserne flyttede sig ved vending. Nattevagterne slukkede for alarmerne efter en uge, så tilsynet blev ikke bedre.',
};
const VIDEO = {
  title: 'Skærmbesøg hos borgere i eget hjem',
  description: 'Sygeplejersken kunne tage nogle af de korte besøg over video på en tablet, så vi sparer kørsel mellem borgerne.',
  learnings: 'Forbindelsen i landområderne var for ustabil til videoopkald. Borgerne foretrak telefonen, og sygeplejerskerne brugte mere tid på teknikken end de sparede på kørslen.',
};
const MEALS = {
  title: 'Tablets for residents to order meals',
  description: 'Residents could choose their meals on a tablet in the common room instead of on paper lists.',
  learnings: 'The residents found the tablets confusing and staff ended up ordering for them. A paper menu with pictures worked better than any screen we tried.',
};

describe('what stopped pilots learned', () => {
  const stopped: Record<string, string> = {};

  async function search(q: string): Promise<{ pilotId: string; learnings: string; score: number; matchedTerms: string[] }[]> {
    const response = await dirk.request('GET', `/pipeline/learnings?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: { pilotId: string; learnings: string; score: number; matchedTerms: string[] }[] }).items;
  }

  it('finds the pilot whose learnings hold an inflected form of the word asked for, best match first, in Danish and in English', async () => {
    // Prepare
    const [sensor, video] = await newPilots(dora, [
      { kind: 'idea', title: SENSOR.title, description: SENSOR.description, department: 'Plejecenter Åbo' },
      { kind: 'idea', title: VIDEO.title, description: VIDEO.description, department: 'Hjemmesygeplejen Ærø' },
    ]);
    const [meals] = await newPilots(dora, [{ kind: 'idea', title: MEALS.title, description: MEALS.description, department: 'Care home Åbo', language: 'en' }]);
    await stopNow(sensor as string, SENSOR.learnings);
    await stopNow(video as string, VIDEO.learnings);
    await stopNow(meals as string, MEALS.learnings);
    Object.assign(stopped, { sensor, video, meals });

    // Act
    const sensoren = await search('sensoren');
    const videoopkaldene = await search('videoopkaldene');
    const falseAlarm = await search('falsk alarm om natten');
    const confused = await search('residents were confused');
    const nothing = await search('kaffemaskine');

    // Assess
    expect(sensoren[0]).toMatchObject({ pilotId: sensor, learnings: SENSOR.learnings });
    expect(sensoren.map((match) => match.pilotId)).not.toContain(video);
    expect(sensoren[0]?.matchedTerms).toEqual(['sensoren']);
    expect(videoopkaldene[0]).toMatchObject({ pilotId: video, learnings: VIDEO.learnings });
    expect(falseAlarm[0]?.pilotId).toBe(sensor);
    expect(confused[0]).toMatchObject({ pilotId: meals, learnings: MEALS.learnings });
    expect(confused[0]?.score).toBeGreaterThan(0);
    expect(nothing).toEqual([]);
  });

  it('shows triage the stopped pilot a new idea resembles, with its learnings, and none for an unrelated idea', async () => {
    // Prepare
    expect(stopped['sensor'], 'the pilots stopped above').toBeDefined();

    // Act
    const [similar, unrelated] = await submitAll(anna, [
      {
        kind: 'idea',
        title: 'Sensorer i sengene til nattevagten',
        description: 'Vi kunne sætte sensorer i madrasserne, så nattevagten får besked, når en beboer står op om natten, i stedet for runder på stuerne.',
        department: 'Plejecenter Østervang',
      },
      {
        kind: 'idea',
        title: 'Ny kaffemaskine i personalestuen',
        description: 'Kaffemaskinen i personalestuen er gået i stykker, og vi mangler et rart sted at holde pause om eftermiddagen.',
        department: 'Plejecenter Østervang',
      },
    ]);

    // Assess
    const resembling = async (id: string) => {
      const response = await tove.request('GET', `/console/ideas/${id}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { resemblingPilots: { pilotId: string; score: number; title: string; stage: string; learnings?: string }[] }).resemblingPilots;
    };
    const found = await resembling(similar as string);
    expect(found[0]).toMatchObject({ pilotId: stopped['sensor'], title: SENSOR.title, stage: 'stopped', learnings: SENSOR.learnings });
    expect(found[0]?.score).toBeGreaterThanOrEqual(RESEMBLANCE_MIN_SCORE);
    expect(found.map((match) => match.pilotId)).not.toContain(stopped['video']);
    expect(await resembling(unrelated as string)).toEqual([]);
  });
});

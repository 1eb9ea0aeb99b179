/**
 * `npm run seed`: fills a running `npm start` with a municipality's ideas through its API, as the
 * people themselves would: each employee gets a development token (POST /api/dev/token) and
 * submits their ideas with POST /api/ideas, so every idea is admitted, scored and in the console's
 * inbox as a real one is; colleagues support some; Jonas Nørgaard of the team (the sign-in page's
 * ready-made triage person) asks, parks, declines and takes some for himself, and accepts a few,
 * whose pilots he gives a hypothesis, an owner and a risk; Birgitte Åberg (the ready-made director)
 * moves them through the gates, answering each gate's required checklist items, until every stage
 * of the directors' board holds a pilot or two. What it sends is in ./seed-data.ts.
 *
 * Running it again adds nothing: every idea carries an Idempotency-Key made from its seed key, so
 * a second submit within the API's 24 hours answers the same idea; a support counts once per
 * person; a decision is taken only on an idea still in triage; and each pilot is edited and moved
 * only as far as it still falls short of its plan, read from where it stands.
 *
 * Usage: npm run seed -- [url=$SPIRE_URL or http://localhost:3000] [count]
 */
import { pathToFileURL } from 'node:url';
import { STAGE_ORDER, type PilotStage } from '../../shared/domain/pilot.ts';
import {
  SEED_DECISIONS,
  SEED_DIRECTOR,
  SEED_EMPLOYEES,
  SEED_PILOTS,
  SEED_TRIAGE,
  seedIdeas,
  type SeedDecision,
  type SeedIdea,
  type SeedPerson,
  type SeedPilot,
} from './seed-data.ts';

export interface SeedOptions {
  /** The runtime's origin, e.g. http://localhost:3000. */
  url: string;
  /** Only the first `count` ideas of the seed (all when left out). */
  count?: number;
  /** Where progress goes; console.log by default. */
  log?: (line: string) => void;
  /** How long to wait for the ideas to reach triage. */
  timeoutMs?: number;
}

export interface SeedReport {
  submitted: number;
  alreadyThere: number;
  supportsAdded: number;
  decisionsTaken: number;
  /** Ideas accepted into pilots. */
  pilotsAccepted: number;
  /** The team's edits of the pilots (hypothesis, owner and risk; results). */
  pilotEdits: number;
  gateDecisions: number;
  /** The seed's ideas by status, after the decisions. */
  statuses: Record<string, number>;
  /** The seed's pilots by stage, after the gates. */
  stages: Record<string, number>;
  ids: string[];
}

/** The seed's HTTP client as one person: their token on every request. */
interface Caller {
  request(method: string, path: string, init?: { body?: object; headers?: Record<string, string> }): Promise<Response>;
}

const IN_FLIGHT = 8;

/** Loads the seed into the runtime at `options.url`, through its API; answers what it did. */
export async function seed(options: SeedOptions): Promise<SeedReport> {
  const log = options.log ?? console.log;
  const origin = options.url.replace(/\/+$/, '');
  const health = await fetch(`${origin}/api/health`).catch((error: unknown) => {
    throw new Error(`No Spire answers at ${origin} (${(error as Error).message}). Start it with npm start.`);
  });
  if (!health.ok) throw new Error(`${origin}/api/health answered ${health.status}`);

  const ideas = seedIdeas(options.count);
  const people = new Map<string, Caller>();
  for (const person of SEED_EMPLOYEES) people.set(person.sub, await signIn(origin, person, ['employee']));
  const triage = await signIn(origin, SEED_TRIAGE, ['triage']);
  const director = await signIn(origin, SEED_DIRECTOR, ['director']);
  const friction = ideas.filter((idea) => idea.body.kind === 'friction');
  log(`Seeding ${origin}: ${ideas.length} ideas and bøvl from ${SEED_EMPLOYEES.length} employees in ${new Set(SEED_EMPLOYEES.map((p) => p.department)).size} departments`);
  log(
    `  ${ideas.length - friction.length} ideas, ${friction.length} friction reports (${friction.filter((idea) => idea.body.figuresUnknown).length} without figures); ` +
      `${ideas.filter((idea) => idea.body.anonymous).length} anonymous; at most ${Math.max(...[...Map.groupBy(ideas, (idea) => idea.submitter.sub).values()].map((sent) => sent.length))} from one person`,
  );

  const report: SeedReport = { submitted: 0, alreadyThere: 0, supportsAdded: 0, decisionsTaken: 0, pilotsAccepted: 0, pilotEdits: 0, gateDecisions: 0, statuses: {}, stages: {}, ids: [] };
  report.ids = await inTurn(ideas, async (idea) => {
    const { id, replayed } = await submit(people.get(idea.submitter.sub) as Caller, idea);
    if (replayed) report.alreadyThere++;
    else report.submitted++;
    return id;
  });
  log(`  submitted ${report.submitted} new, ${report.alreadyThere} already there (the same Idempotency-Key answered the same idea)`);

  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  await inTurn(report.ids, (id) => statusAfterIntake(triage, id, deadline));
  log(`  all ${report.ids.length} admitted and scored by the intake worker`);

  for (const [n, idea] of ideas.entries()) {
    for (const supporter of idea.supporters) {
      const response = await (people.get(supporter.sub) as Caller).request('POST', `/ideas/${report.ids[n]}/support`);
      if (response.status === 201) report.supportsAdded++;
      else if (response.status !== 200) throw new Error(`Support of ${idea.key} by ${supporter.sub} answered ${response.status}: ${await response.text()}`);
    }
  }
  log(`  ${report.supportsAdded} supports from colleagues added`);

  for (const decision of SEED_DECISIONS) {
    const id = report.ids[decision.position];
    if (id !== undefined && (await decide(triage, id, decision))) report.decisionsTaken++;
  }
  log(`  ${report.decisionsTaken} triage decisions and assignments by ${SEED_TRIAGE.name}`);

  const plans = SEED_PILOTS.flatMap((plan) => (report.ids[plan.position] === undefined ? [] : [{ plan, ideaId: report.ids[plan.position] as string }]));
  const stages = await inTurn(plans, async ({ plan, ideaId }) => {
    const { pilotId, accepted } = await accept(triage, ideaId, plan);
    if (accepted) report.pilotsAccepted++;
    if (pilotId === undefined) return undefined;
    const moved = await bringOn(triage, director, pilotId, plan);
    report.pilotEdits += moved.edits;
    report.gateDecisions += moved.decisions;
    return moved.stage;
  });
  for (const stage of stages) if (stage !== undefined) report.stages[stage] = (report.stages[stage] ?? 0) + 1;
  log(`  ${report.pilotsAccepted} ideas accepted into pilots and ${report.pilotEdits} pilot edits by ${SEED_TRIAGE.name}, ${report.gateDecisions} gate decisions by ${SEED_DIRECTOR.name}`);
  log(`  the seed's pilots by stage: ${Object.entries(report.stages).map(([stage, count]) => `${stage} ${count}`).join(', ')}`);

  const final = await inTurn(report.ids, async (id) => ((await read(triage, id)).idea['status'] as string));
  for (const status of final) report.statuses[status] = (report.statuses[status] ?? 0) + 1;
  log(`  the seed's ideas by status: ${Object.entries(report.statuses).map(([status, count]) => `${status} ${count}`).join(', ')}`);
  log(`Open ${origin}/ and sign in as ${SEED_TRIAGE.name} to work through the inbox, or as ${SEED_DIRECTOR.name} to see the pipeline.`);
  return report;
}

async function signIn(origin: string, person: Pick<SeedPerson, 'sub' | 'name'>, roles: string[]): Promise<Caller> {
  const response = await fetch(`${origin}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: person.sub, name: person.name, roles }),
  });
  if (response.status !== 200) throw new Error(`POST /api/dev/token answered ${response.status}: is ${origin} a local runtime (npm start)?`);
  const { token } = (await response.json()) as { token: string };
  return {
    request: (method, path, init = {}) =>
      withRetries(() =>
        fetch(`${origin}/api${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        }),
      ),
  };
}

/**
 * The request again, after a pause, when it failed on the way or the runtime answered 5xx (DynamoDB
 * Local times out on a busy laptop): safe for every request the seed makes, as a submit carries its
 * Idempotency-Key, a support counts once, and a decision or an edit carries If-Match (./seed.ts
 * `decide`, `accept`, `bringOn`).
 */
async function withRetries(send: () => Promise<Response>, attempts = 5): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await send().catch((error: unknown) => {
      if (attempt === attempts) throw error;
      return undefined;
    });
    if (response !== undefined && (response.status < 500 || attempt === attempts)) return response;
    await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
  }
}

async function submit(person: Caller, idea: SeedIdea): Promise<{ id: string; replayed: boolean }> {
  const response = await person.request('POST', '/ideas', { body: idea.body, headers: { 'idempotency-key': `spire-seed-${idea.key}` } });
  if (response.status === 429) throw new Error(`${idea.submitter.name} is past the submits allowed an hour (SPIRE_SUBMIT_LIMIT_PER_HOUR); try again in ${response.headers.get('retry-after')} s`);
  if (response.status !== 202) throw new Error(`Submitting ${idea.key} as ${idea.submitter.sub} answered ${response.status}: ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  return { id, replayed: response.headers.get('idempotent-replayed') === 'true' };
}

/** The idea as the console reads it, with its ETag. */
async function read(triage: Caller, id: string): Promise<{ idea: Record<string, unknown>; etag: string }> {
  const response = await triage.request('GET', `/console/ideas/${id}`);
  if (response.status !== 200) throw new Error(`GET /console/ideas/${id} answered ${response.status}`);
  return { idea: (await response.json()) as Record<string, unknown>, etag: response.headers.get('etag') ?? '' };
}

/** Waits until the intake worker has admitted the idea; its status then. */
async function statusAfterIntake(triage: Caller, id: string, deadline: number): Promise<string> {
  for (;;) {
    const status = (await read(triage, id)).idea['status'] as string;
    if (status !== 'submitted') return status;
    if (Date.now() > deadline) throw new Error(`Idea ${id} is still waiting for intake: is the intake worker running?`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Takes the decision if the idea is still in triage (and, for an assignment, has nobody yet); whether it did. */
async function decide(triage: Caller, id: string, decision: SeedDecision): Promise<boolean> {
  const { idea, etag } = await read(triage, id);
  if (idea['status'] !== 'in_triage') return false;
  let response: Response;
  if (decision.decision === 'assign') {
    if (idea['assignee'] !== undefined && idea['assignee'] !== null) return false;
    response = await triage.request('PUT', `/console/ideas/${id}/assignee`, { body: { assignee: SEED_TRIAGE }, headers: { 'if-match': etag } });
  } else {
    const { position: _position, ...body } = decision;
    const request = body.decision === 'park' ? { decision: 'park', revisitOn: daysFromNow(body.inDays), message: body.message } : body;
    response = await triage.request('POST', `/console/ideas/${id}/decisions`, { body: request, headers: { 'if-match': etag } });
  }
  // The seed is the only one deciding: a 412 is its own retried request, whose first attempt went through.
  if (response.status === 412) return true;
  if (response.status !== 200 && response.status !== 201) throw new Error(`${decision.decision} on ${id} answered ${response.status}: ${await response.text()}`);
  return true;
}

/** Accepts the idea if it is still in triage; the pilot it became (none when it went elsewhere) and whether the seed accepted it now. */
async function accept(triage: Caller, id: string, plan: SeedPilot): Promise<{ pilotId: string | undefined; accepted: boolean }> {
  const { idea, etag } = await read(triage, id);
  if (idea['status'] !== 'in_triage') return { pilotId: (idea['decision'] as { pilotId?: string } | undefined)?.pilotId, accepted: false };
  const response = await triage.request('POST', `/console/ideas/${id}/decisions`, { body: { decision: 'accept', message: plan.accept }, headers: { 'if-match': etag } });
  // A 412 is the seed's own retried request, whose first attempt went through: the pilot is on the idea.
  if (response.status === 412) return { pilotId: ((await read(triage, id)).idea['decision'] as { pilotId?: string } | undefined)?.pilotId, accepted: true };
  if (response.status !== 200) throw new Error(`accept on ${id} answered ${response.status}: ${await response.text()}`);
  return { pilotId: ((await response.json()) as { pilot: { id: string } }).pilot.id, accepted: true };
}

/** What the seed reads of a pilot (GET /console/pilots/{id}). */
interface PilotView {
  stage: PilotStage;
  hypothesis?: object;
  results?: object;
  nextGate: { checklist: { id: string; required: boolean }[] } | null;
}

/** The next thing the pilot needs to reach its plan: the team's edit, a director's gate decision, or nothing. */
type PilotStep = { by: 'team'; patch: object } | { by: 'director'; decision: object } | undefined;

/** Why a director sends a pilot on from the stage it is in. */
const GO_REASONS: Record<string, string> = {
  sprint: 'Hypotesen er skrevet, og prototypen er klar til rigtige brugere.',
  pilot: 'Piloten har kørt med rigtige brugere i hele perioden.',
  evaluation: 'Resultaterne holder mål med baseline, og driften tager over.',
  operations: 'Gevinsten er målt efter opfølgningen og hentet hjem.',
};

/** From where the pilot stands to its plan, one step: never back, never past its planned stage. */
function nextPilotStep(pilot: PilotView, plan: SeedPilot): PilotStep {
  if (pilot.stage === 'realised' || pilot.stage === 'stopped') return undefined;
  if (pilot.hypothesis === undefined) return { by: 'team', patch: { hypothesis: plan.hypothesis, owner: plan.owner, riskLevel: plan.riskLevel } };
  if (plan.stop !== undefined && pilot.stage === plan.stop.in) return { by: 'director', decision: { decision: 'stop', reason: plan.stop.reason, learnings: plan.stop.learnings, checklist: {} } };
  const goal = plan.stop?.in ?? plan.stage;
  if (STAGE_ORDER.indexOf(pilot.stage) >= STAGE_ORDER.indexOf(goal as (typeof STAGE_ORDER)[number])) return undefined;
  if (plan.results !== undefined && pilot.results === undefined && pilot.stage === 'operations') return { by: 'team', patch: { results: plan.results } };
  const checklist = Object.fromEntries((pilot.nextGate?.checklist ?? []).filter((item) => item.required).map((item) => [item.id, true]));
  return { by: 'director', decision: { decision: 'go', reason: GO_REASONS[pilot.stage], checklist } };
}

/** Edits the pilot as the team and moves it as a director until it stands where its plan says; what it did. */
async function bringOn(team: Caller, director: Caller, id: string, plan: SeedPilot): Promise<{ edits: number; decisions: number; stage: PilotStage }> {
  const done = { edits: 0, decisions: 0 };
  for (let steps = 0; steps <= 2 * STAGE_ORDER.length; steps++) {
    const response = await director.request('GET', `/console/pilots/${id}`);
    if (response.status !== 200) throw new Error(`GET /console/pilots/${id} answered ${response.status}`);
    const pilot = (await response.json()) as PilotView;
    const headers = { 'if-match': response.headers.get('etag') ?? '' };
    const step = nextPilotStep(pilot, plan);
    if (step === undefined) return { ...done, stage: pilot.stage };
    const answer =
      step.by === 'team'
        ? await team.request('PATCH', `/console/pilots/${id}`, { body: step.patch, headers })
        : await director.request('POST', `/console/pilots/${id}/gates`, { body: step.decision, headers });
    // As for an idea's decision, a 412 is the seed's own retried request, whose first attempt went through.
    if (answer.status !== 200 && answer.status !== 412) throw new Error(`${step.by === 'team' ? 'PATCH' : 'A gate decision on'} pilot ${id} answered ${answer.status}: ${await answer.text()}`);
    if (step.by === 'team') done.edits++;
    else done.decisions++;
  }
  throw new Error(`Pilot ${id} did not reach ${plan.stage}`);
}

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** `work` on every item, IN_FLIGHT at a time; the answers in the items' order. */
async function inTurn<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const answers: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(IN_FLIGHT, items.length) }, async () => {
    for (let n = next++; n < items.length; n = next++) answers[n] = await work(items[n] as T);
  });
  await Promise.all(workers);
  return answers;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const url = process.argv[2] ?? process.env['SPIRE_URL'] ?? 'http://localhost:3000';
  const count = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  seed({ url, ...(count === undefined ? {} : { count }) }).catch((error: unknown) => {
    console.error(`Seed: ${(error as Error).message}`);
    process.exit(1);
  });
}

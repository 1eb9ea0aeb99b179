/**
 * The fault scenario of issue 11: many people submit ideas at once through the local runtime's
 * HTTP API while 20 % of the functions' SQS sends fail and 10 % of their DynamoDB writes are
 * throttled (infra/local/faults.ts); half-way, the runtime is killed with SIGKILL while the
 * intake worker has a batch in hand, and a new one is started on the same table, queues and data
 * directory. Every submit carries an Idempotency-Key and is retried with it on a 5xx or a network
 * failure, as a client should. The sweeper runs on a (shortened) schedule throughout.
 *
 * Then the whole table is read and checked: every submit answered 202 is one idea, in `in_triage`,
 * admitted exactly once (one `in_triage` event in its history), with exactly its inbox entries,
 * and no key made two ideas; a submit never answered 202 left no idea or one. The pipeline
 * counters equal a recount.
 *
 * Run by test/integration/faults.test.ts (a smaller count, a fixed seed) and by `npm run faults`
 * (test/faults/run.ts: 1,000 submits unless told). FAULT_PROGRESS=1 prints the state every two
 * seconds while it waits for the ideas to settle.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { random } from '../../bench/random.ts';
import { freePort, LOCAL_AWS } from '../../infra/local/emulators.ts';
import type { RuntimeOptions } from '../../infra/local/runtime.ts';
import { ENV } from '../../shared/config.ts';
import type { Idea } from '../../shared/domain/idea.ts';
import type { Pilot } from '../../shared/domain/pilot.ts';
import { recount } from '../../shared/domain/pipeline.ts';
import { USAGE_LIMIT_RANGE } from '../../shared/domain/usage-limits.ts';
import { derivedItems } from '../../shared/store/derived-items.ts';
import { DynamoPipelineStore } from '../../shared/store/pipeline.ts';
import type { ChildStatus } from './runtime-child.ts';
import { startRuntimeProcess, type RuntimeProcess } from './runtime-process.ts';

export interface FaultScenarioSettings {
  dynamodbEndpoint: string;
  sqsEndpoint: string;
  /** How many ideas are submitted. */
  submits: number;
  seed: number;
  /** How many signed-in people submit them, each idea by one of them. */
  people?: number;
  /** Submits in flight at once. */
  concurrency?: number;
  sqsSendFailureRate?: number;
  dynamodbWriteThrottleRate?: number;
  /** Kill the runtime half-way (default true). */
  kill?: boolean;
  /** The queues' visibility timeout: how long a message received by a killed worker stays hidden. */
  visibilityTimeoutSeconds?: number;
  /** How long an idea waits in `submitted` before the sweeper queues it again (production: 120 s). */
  sweeperMinAgeSeconds?: number;
  /** How often the sweeper runs while the submits go on (production: every 5 minutes); twice as often after. */
  sweepEverySeconds?: number;
  /** How long to wait, after the last submit, for every idea to reach triage. */
  settleTimeoutSeconds?: number;
  log?: (line: string) => void;
}

/** One submit as the client saw it. */
export interface SubmitRecord {
  n: number;
  key: string;
  attempts: number;
  /** Every status answered (0: a network failure, no answer). */
  statuses: number[];
  /** The idea id of each 202 (a replay names the first one). */
  ids: string[];
  replays: number;
  /** The follow-up token of each 202 of an anonymous submit. */
  tokens: string[];
  anonymous: boolean;
}

export interface FaultScenarioReport {
  settings: Required<Omit<FaultScenarioSettings, 'log' | 'dynamodbEndpoint' | 'sqsEndpoint'>>;
  counts: {
    submitted: number;
    /** Submits that ended with a 202. */
    accepted: number;
    /** Of them, on the first attempt. */
    acceptedFirstTry: number;
    /** Answers 5xx, over all attempts. */
    serverErrors: number;
    /** Attempts with no answer (the connection refused or reset: the kill and the restart). */
    networkFailures: number;
    /** Answers 429, over all attempts. */
    tooManyRequests: number;
    /** Submits that needed more than one attempt. */
    retried: number;
    /** 202s that were idempotent replays of an earlier attempt that had stored the idea. */
    replayed: number;
    /** Submits never answered 202: a client that gave up after one failure (one in ten does). */
    failed: number;
    /** Of them, stored before the answer was lost (the kill): present once, in triage like any other. */
    storedWithoutAccept: number;
    /** Ideas in the table. */
    ideas: number;
    /** Ideas in `in_triage`, each admitted once. */
    admitted: number;
    duplicates: number;
    lost: number;
    admittedTwice: number;
    /** Ideas the sweeper gave up on at some point (an `intake_abandoned` event). */
    givenUp: number;
    sweeps: number;
    sweepsFailed: number;
    requeued: number;
    /** E-mails in the outbox more than once for one notification (e-mail is at least once). */
    repeatedMails: number;
    pendingNotifications: number;
    intakeDeadLetters: number;
  };
  kill?: {
    afterAccepted: number;
    /** Intake messages received and not yet deleted when the runtime was killed: the worker's unfinished batch. */
    intakeInFlight: number;
    /** Ideas still `submitted` at the kill. */
    submittedAtKill: number;
    restartSeconds: number;
  };
  faults: { beforeKill?: Record<string, number>; afterRestart?: Record<string, number> };
  denials: string[];
  /** Everything that broke the rules, one line each; empty when all is well. */
  violations: string[];
  seconds: { submit: number; settle: number; total: number };
}

type Item = Record<string, unknown>;

const MAX_ATTEMPTS = 12;
const DEPARTMENTS = ['Ældreplejen', 'Børn og Unge', 'Jobcenter', 'Teknik og Miljø', 'Sundhed og Omsorg', 'Borgerservice', 'Skoler', 'Økonomi'];
const TOPICS = ['dobbeltindtastning', 'papirblanketter', 'vagtplanlægning', 'nøglebokse', 'journalnotater', 'kørselsbestilling', 'telefonkøer', 'fakturagodkendelse', 'mødebooking', 'ældrebuskørsel'];
const SYSTEMS = ['omsorgssystemet', 'økonomisystemet', 'sagsbehandlingssystemet', 'vagtplanen', 'postkassen', 'regnearket'];

export async function runFaultScenario(input: FaultScenarioSettings): Promise<FaultScenarioReport> {
  const settings = {
    submits: input.submits,
    seed: input.seed,
    people: input.people ?? 40,
    concurrency: input.concurrency ?? 16,
    sqsSendFailureRate: input.sqsSendFailureRate ?? 0.2,
    dynamodbWriteThrottleRate: input.dynamodbWriteThrottleRate ?? 0.1,
    kill: input.kill ?? true,
    visibilityTimeoutSeconds: input.visibilityTimeoutSeconds ?? 10,
    sweeperMinAgeSeconds: input.sweeperMinAgeSeconds ?? 30,
    sweepEverySeconds: input.sweepEverySeconds ?? 10,
    settleTimeoutSeconds: input.settleTimeoutSeconds ?? 240,
  };
  const log = input.log ?? (() => undefined);
  const started = performance.now();
  const id = randomBytes(4).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'spire-faults-'));
  const port = await freePort();
  const options = (seed: number): RuntimeOptions => ({
    dynamodbEndpoint: input.dynamodbEndpoint,
    sqsEndpoint: input.sqsEndpoint,
    port,
    tableName: `spire-faults-${id}`,
    queuePrefix: `faults-${id}-`,
    // The issuer's key and the deployment secret: tokens and idempotency keys stay valid across the restart.
    dataDir,
    schedules: false,
    visibilityTimeoutSeconds: settings.visibilityTimeoutSeconds,
    environment: {
      [ENV.sweeperMinAgeSeconds]: String(settings.sweeperMinAgeSeconds),
      // Each person may submit 20 ideas an hour by default (shared/domain/usage-limits.ts); this is about faults, not limits.
      [ENV.submitLimitPerHour]: String(USAGE_LIMIT_RANGE.max),
    },
    faults: { seed, sqsSendFailureRate: settings.sqsSendFailureRate, dynamodbWriteThrottleRate: settings.dynamodbWriteThrottleRate },
  });
  const table = DynamoDBDocumentClient.from(new DynamoDBClient({ region: LOCAL_AWS.region, credentials: LOCAL_AWS, endpoint: input.dynamodbEndpoint }));
  const sqs = new SQSClient({ region: LOCAL_AWS.region, credentials: LOCAL_AWS, endpoint: input.sqsEndpoint });

  let runtime: RuntimeProcess | undefined = await startRuntimeProcess(options(settings.seed));
  const url = runtime.url;
  const queueUrl = async (name: string) => {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: `faults-${id}-${name}` }));
    // As infra/local/resources.ts: the emulator's own address, the queue's path.
    return new URL(new URL(QueueUrl as string).pathname, input.sqsEndpoint).toString();
  };
  const intakeUrl = await queueUrl('intake');
  const report: FaultScenarioReport = {
    settings,
    counts: {
      submitted: settings.submits, accepted: 0, acceptedFirstTry: 0, serverErrors: 0, networkFailures: 0, tooManyRequests: 0, retried: 0, replayed: 0, failed: 0, storedWithoutAccept: 0,
      ideas: 0, admitted: 0, duplicates: 0, lost: 0, admittedTwice: 0, givenUp: 0, sweeps: 0, sweepsFailed: 0, requeued: 0, repeatedMails: 0, pendingNotifications: 0, intakeDeadLetters: 0,
    },
    faults: {},
    denials: [],
    violations: [],
    seconds: { submit: 0, settle: 0, total: 0 },
  };

  try {
    // The people: tokens from the runtime's development issuer, valid across the restart (same key, same address).
    const tokens = await Promise.all(
      Array.from({ length: settings.people }, async (_, k) => {
        const response = await fetch(`${url}/api/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sub: `ansat-${k}`, name: `Ansat ${k} Ærø`, roles: ['employee'] }),
        });
        return ((await response.json()) as { token: string }).token;
      }),
    );

    const next = random(settings.seed);
    const bodies = Array.from({ length: settings.submits }, (_, n) => submission(n, next));
    const records: SubmitRecord[] = [];

    // The sweeper, on its (shortened) schedule, on whichever runtime is up.
    let sweeping = true;
    let sweepEvery = settings.sweepEverySeconds;
    const sweepErrors = new Set<string>();
    const sweeper = (async () => {
      while (sweeping) {
        await sleep(sweepEvery * 1000, () => !sweeping);
        if (!sweeping || runtime === undefined) continue;
        const { report: sweep, error } = await runtime.sweep();
        report.counts.sweeps++;
        if (error !== undefined) report.counts.sweepsFailed++;
        if (error !== undefined) sweepErrors.add(error.slice(0, 120));
        report.counts.requeued += sweep?.['requeued'] ?? 0;
      }
    })();

    // The kill: half-way through the submits, while the intake worker has messages in hand.
    let accepted = 0;
    let halfway!: () => void;
    const reachedHalfway = new Promise<void>((resolve) => (halfway = resolve));
    const killer = (async () => {
      if (!settings.kill) return;
      await reachedHalfway;
      const deadline = Date.now() + 30_000;
      let inFlight = 0;
      while (Date.now() < deadline) {
        inFlight = await intakeInFlight(sqs, intakeUrl);
        if (inFlight > 0) break;
        await sleep(5);
      }
      const before = runtime as RuntimeProcess;
      report.faults.beforeKill = (await before.status().catch(() => ({ faults: undefined }) as Partial<ChildStatus>)).faults;
      runtime = undefined;
      await before.kill();
      const killedAt = performance.now();
      const items = await scanAll(table, `spire-faults-${id}`);
      report.kill = {
        afterAccepted: accepted,
        intakeInFlight: inFlight,
        submittedAtKill: items.filter((item) => item['type'] === 'idea' && item['status'] === 'submitted').length,
        restartSeconds: 0,
      };
      log(`killed the runtime (pid ${before.pid}) after ${accepted} accepted submits, ${inFlight} intake messages in the worker's hands, ${report.kill.submittedAtKill} ideas in submitted`);
      runtime = await startRuntimeProcess(options(settings.seed + 1));
      report.kill.restartSeconds = round((performance.now() - killedAt) / 1000);
      log(`a new runtime (pid ${runtime.pid}) serves again after ${report.kill.restartSeconds} s`);
    })();

    // The submits: `concurrency` clients, each retrying a failed submit with the same Idempotency-Key.
    let nextSubmit = 0;
    await Promise.all(
      Array.from({ length: settings.concurrency }, async () => {
        while (nextSubmit < settings.submits) {
          const n = nextSubmit++;
          // One client in ten gives up after a failure; the others retry with the same Idempotency-Key.
          const attempts = n % 10 === 9 ? 1 : MAX_ATTEMPTS;
          const record = await submitWithRetries(url, tokens[n % tokens.length] as string, n, `faults-${settings.seed}-${id}-${n}`, bodies[n] as object, attempts);
          records.push(record);
          if (record.ids.length > 0 && ++accepted >= Math.floor(settings.submits / 2)) halfway();
        }
      }),
    );
    halfway();
    await killer;
    report.seconds.submit = round((performance.now() - started) / 1000);
    log(`all ${settings.submits} submits answered after ${report.seconds.submit} s; waiting for every idea to reach triage`);
    sweepEvery = settings.sweepEverySeconds / 2;

    // Settle: every idea out of `submitted` and every notification sent, or the time is up.
    const settleStarted = performance.now();
    const settleDeadline = Date.now() + settings.settleTimeoutSeconds * 1000;
    let items: Item[] = [];
    for (;;) {
      items = await scanAll(table, `spire-faults-${id}`);
      const waiting = items.filter((item) => item['type'] === 'idea' && item['status'] === 'submitted').length;
      const pending = items.filter((item) => item['type'] === 'notification' && item['sentAt'] === undefined && item['notSentAt'] === undefined && item['abandonedAt'] === undefined).length;
      if ((waiting === 0 && pending === 0) || Date.now() > settleDeadline) break;
      if (process.env['FAULT_PROGRESS'] !== undefined) log(`settling: ${waiting} ideas in submitted, ${pending} notifications pending, intake queue ${await visibleMessages(sqs, intakeUrl)}, sweeps ${report.counts.sweeps} (${report.counts.sweepsFailed} failed: ${[...sweepErrors].join(' | ')})`);
      await sleep(2000);
    }
    report.seconds.settle = round((performance.now() - settleStarted) / 1000);
    sweeping = false;
    await sweeper;
    const last = await (runtime as RuntimeProcess).stop();
    runtime = undefined;
    report.faults.afterRestart = last.faults;
    report.denials = last.denials;

    items = await scanAll(table, `spire-faults-${id}`);
    check(report, records, items);
    const totals = await new DynamoPipelineStore(table, `spire-faults-${id}`).totals();
    const recounted = recount(items.filter((item) => item['type'] === 'idea') as unknown as Idea[], items.filter((item) => item['type'] === 'pilot').map((item) => item['pilot'] as Pilot));
    if (JSON.stringify(sorted(totals.counters)) !== JSON.stringify(sorted(recounted.counters))) {
      report.violations.push(`pipeline counters ${JSON.stringify(sorted(totals.counters))} differ from the recount ${JSON.stringify(sorted(recounted.counters))}`);
    }
    for (const denial of report.denials) report.violations.push(`AWS call refused by the grants: ${denial}`);
    report.counts.intakeDeadLetters = await visibleMessages(sqs, await queueUrl('intake-dlq'));
    report.seconds.total = round((performance.now() - started) / 1000);
    return report;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- the runtime's last output ---\n${runtime?.output() ?? ''}`, { cause: error });
  } finally {
    await runtime?.kill();
    table.destroy();
    sqs.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Idea number n: a piece of friction or an idea, now and then anonymous, in Danish. */
function submission(n: number, next: () => number): Record<string, unknown> {
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)] as T;
  const topic = pick(TOPICS);
  const base = {
    title: `Fejl nr. ${n}: ${topic} i ${pick(SYSTEMS)}`,
    description: `Vi bruger tid på ${topic}, fordi oplysningerne skal skrives i ${pick(SYSTEMS)} og igen i ${pick(SYSTEMS)}. Det går ud over borgerne (sag ${n}).`,
    department: pick(DEPARTMENTS),
    ...(next() < 0.1 ? { anonymous: true } : {}),
  };
  return next() < 0.5
    ? { kind: 'friction', ...base, frequency: 1 + Math.floor(next() * 10), frequencyUnit: pick(['day', 'week', 'month']), minutesEach: 1 + Math.floor(next() * 30), peopleAffected: 1 + Math.floor(next() * 50) }
    : { kind: 'idea', ...base };
}

/** Submits until a 202 (or a 4xx that is not 429), retrying 5xx and network failures with the same key and growing pauses, up to `maxAttempts` attempts. */
async function submitWithRetries(url: string, token: string, n: number, key: string, body: object, maxAttempts: number): Promise<SubmitRecord> {
  const record: SubmitRecord = { n, key, attempts: 0, statuses: [], ids: [], replays: 0, tokens: [], anonymous: (body as { anonymous?: boolean }).anonymous === true };
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    if (attempt > 0) await sleep(Math.min(3000, 100 * 2 ** attempt) * (0.5 + Math.random()));
    record.attempts++;
    let response: Response;
    try {
      response = await fetch(`${url}/api/ideas`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
    } catch {
      record.statuses.push(0);
      continue;
    }
    record.statuses.push(response.status);
    const answer = (await response.json().catch(() => ({}))) as { id?: string; followUpToken?: string };
    if (response.status === 202) {
      record.ids.push(String(answer.id));
      if (answer.followUpToken !== undefined) record.tokens.push(answer.followUpToken);
      if (response.headers.get('idempotent-replayed') === 'true') record.replays++;
      return record;
    }
    if (response.status < 500 && response.status !== 429) return record;
  }
  return record;
}

/** Checks the table against what the clients were told; fills in the counts and the violations. */
function check(report: FaultScenarioReport, records: SubmitRecord[], items: Item[]): void {
  const { counts, violations } = report;
  const ideas = items.filter((item) => item['type'] === 'idea') as unknown as (Idea & Item)[];
  const events = new Map<string, Item[]>();
  const inbox = new Map<string, Set<string>>();
  for (const item of items) {
    if (item['type'] === 'event') events.set(String(item['ideaId']), [...(events.get(String(item['ideaId'])) ?? []), item]);
    if (item['type'] === 'inbox') {
      const ideaId = String((item['row'] as { id: string }).id);
      inbox.set(ideaId, (inbox.get(ideaId) ?? new Set()).add(`${String(item['PK'])} ${String(item['SK'])}`));
    }
  }

  // Every idea stored, whether or not its submitter was told: in triage, admitted once, its history whole, its inbox entries exactly its own.
  counts.ideas = ideas.length;
  for (const idea of ideas) {
    const history = (events.get(idea.id) ?? []).sort((a, b) => Number(a['version']) - Number(b['version']));
    const admissions = history.filter((event) => event['to'] === 'in_triage').length;
    if (history.some((event) => event['change'] === 'intake_abandoned')) counts.givenUp++;
    if (idea.status !== 'in_triage') {
      counts.lost++;
      violations.push(`idea ${idea.id} ("${idea.title}") is ${idea.status}, not in_triage`);
    } else if (admissions === 1) {
      counts.admitted++;
    }
    if (admissions > 1) {
      counts.admittedTwice++;
      violations.push(`idea ${idea.id} ("${idea.title}") was admitted ${admissions} times`);
    }
    const versions = history.map((event) => Number(event['version']));
    if (versions.join(',') !== Array.from({ length: idea.version }, (_, k) => k + 1).join(',')) violations.push(`idea ${idea.id} at version ${idea.version} has the events ${versions.join(',')}`);
    const expected = new Set(derivedItems(idea).filter((item) => item['type'] === 'inbox').map((item) => `${item.PK} ${item.SK}`));
    const actual = inbox.get(idea.id) ?? new Set<string>();
    if (expected.size === 0 || actual.size !== expected.size || [...expected].some((key) => !actual.has(key))) {
      violations.push(`idea ${idea.id} has ${actual.size} inbox entries, ${[...actual].filter((key) => !expected.has(key)).length} of them stray, ${[...expected].filter((key) => !actual.has(key)).length} missing`);
    }
  }

  // Every submit: a 202 is exactly the one idea it named; no 202, no idea or one (stored before the answer was lost).
  const byNumber = new Map<number, (Idea & Item)[]>();
  for (const idea of ideas) {
    const n = Number(/^Fejl nr\. (\d+):/.exec(idea.title)?.[1] ?? -1);
    byNumber.set(n, [...(byNumber.get(n) ?? []), idea]);
  }
  if (byNumber.has(-1)) violations.push(`${byNumber.get(-1)?.length} ideas that no submit made`);
  for (const record of records) {
    const accepted = record.ids.length > 0;
    const stored = byNumber.get(record.n) ?? [];
    counts.serverErrors += record.statuses.filter((status) => status >= 500).length;
    counts.networkFailures += record.statuses.filter((status) => status === 0).length;
    counts.tooManyRequests += record.statuses.filter((status) => status === 429).length;
    counts.replayed += record.replays;
    if (record.attempts > 1) counts.retried++;
    if (stored.length > 1) {
      counts.duplicates += stored.length - 1;
      violations.push(`submit ${record.n} (key ${record.key}) made ${stored.length} ideas: ${stored.map((idea) => idea.id).join(', ')}`);
    }
    if (!accepted) {
      counts.failed++;
      if (stored.length === 1) counts.storedWithoutAccept++;
      if (record.statuses.some((status) => status > 0 && status < 500 && status !== 429)) violations.push(`submit ${record.n} was refused: ${record.statuses.join(', ')}`);
      continue;
    }
    counts.accepted++;
    if (record.attempts === 1) counts.acceptedFirstTry++;
    if (new Set(record.ids).size > 1) violations.push(`submit ${record.n} was answered with different ids: ${record.ids.join(', ')}`);
    if (record.anonymous && new Set(record.tokens).size !== 1) violations.push(`anonymous submit ${record.n} was answered with ${new Set(record.tokens).size} follow-up tokens`);
    if (!stored.some((idea) => idea.id === record.ids[0])) {
      counts.lost++;
      violations.push(`submit ${record.n} was answered 202 with id ${record.ids[0]}, which is not in the table`);
    }
  }

  const mails = new Map<string, number>();
  for (const item of items) if (String(item['PK']) === 'DEV_OUTBOX') mails.set(String(item['id']), (mails.get(String(item['id'])) ?? 0) + 1);
  counts.repeatedMails = [...mails.values()].reduce((sum, count) => sum + count - 1, 0);
  counts.pendingNotifications = items.filter((item) => item['type'] === 'notification' && item['sentAt'] === undefined && item['notSentAt'] === undefined && item['abandonedAt'] === undefined).length;
}

async function scanAll(client: DynamoDBDocumentClient, tableName: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}

async function intakeInFlight(sqs: SQSClient, url: string): Promise<number> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessagesNotVisible'] }));
  return Number(Attributes?.['ApproximateNumberOfMessagesNotVisible'] ?? 0);
}

async function visibleMessages(sqs: SQSClient, url: string): Promise<number> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
  return Number(Attributes?.['ApproximateNumberOfMessages'] ?? 0) + Number(Attributes?.['ApproximateNumberOfMessagesNotVisible'] ?? 0);
}

function sleep(ms: number, stop?: () => boolean): Promise<void> {
  if (stop === undefined) return new Promise((resolve) => setTimeout(resolve, ms));
  // Wakes early once `stop` says so, checking every 100 ms.
  return new Promise((resolve) => {
    const until = Date.now() + ms;
    const tick = () => (stop() || Date.now() >= until ? resolve() : setTimeout(tick, Math.min(100, until - Date.now())));
    tick();
  });
}

function sorted(record: Record<string, number>): [string, number][] {
  return Object.entries(record)
    .filter(([, value]) => value !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The counts as the test and `npm run faults` print them. */
export function formatReport(report: FaultScenarioReport): string {
  const { counts, settings, kill, faults } = report;
  const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);
  const faultLine = (label: string, counted: Record<string, number> | undefined) => {
    if (counted === undefined) return `  ${label}: –`;
    const f = (name: string) => counted[name] ?? 0;
    const failed = f('sqsSendsRefused') + f('sqsSendsAnswerLost');
    return `  ${label}: SQS sends failed ${failed} of ${f('sqsSends')} (${percent(failed, f('sqsSends'))}; ${f('sqsSendsRefused')} refused, ${f('sqsSendsAnswerLost')} sent with the answer lost), DynamoDB writes throttled ${f('dynamodbWritesThrottled')} of ${f('dynamodbWrites')} (${percent(f('dynamodbWritesThrottled'), f('dynamodbWrites'))})`;
  };
  return [
    `fault test: ${settings.submits} submits by ${settings.people} people, ${settings.concurrency} at a time, seed ${settings.seed}; ${settings.sqsSendFailureRate * 100} % of SQS sends fail, ${settings.dynamodbWriteThrottleRate * 100} % of DynamoDB writes throttled${settings.kill ? '; the runtime killed (SIGKILL) half-way and restarted' : ''}`,
    `  submitted ${counts.submitted}; 202 ${counts.accepted} (${counts.acceptedFirstTry} at the first attempt); never 202 ${counts.failed} (clients that gave up after one failure; ${counts.storedWithoutAccept} of them stored all the same, the answer lost)`,
    `  answers 5xx ${counts.serverErrors}, network failures ${counts.networkFailures}, 429 ${counts.tooManyRequests}; retried ${counts.retried} submits, ${counts.replayed} answered by an idempotent replay`,
    `  ideas in the table ${counts.ideas}; in_triage, admitted exactly once ${counts.admitted}; duplicates ${counts.duplicates}; lost or stuck ${counts.lost}; admitted twice ${counts.admittedTwice}`,
    `  sweeper runs ${counts.sweeps} (${counts.sweepsFailed} of them failed on a fault; the next run took over), re-queued ${counts.requeued}; ideas given up on at some point ${counts.givenUp}; intake dead letters ${counts.intakeDeadLetters}`,
    `  notifications pending ${counts.pendingNotifications}; e-mails repeated (at least once) ${counts.repeatedMails}`,
    ...(kill === undefined
      ? []
      : [`  kill: after ${kill.afterAccepted} accepted submits, ${kill.intakeInFlight} intake messages in the worker's hands, ${kill.submittedAtKill} ideas in submitted; serving again ${kill.restartSeconds} s later`]),
    faultLine('faults, first runtime (to the kill)', faults.beforeKill),
    faultLine(`faults, ${kill === undefined ? 'runtime' : 'second runtime'}`, faults.afterRestart),
    `  violations ${report.violations.length}${report.violations.length === 0 ? '' : `:\n    ${report.violations.slice(0, 20).join('\n    ')}`}`,
    `  time: submits ${report.seconds.submit} s, settling ${report.seconds.settle} s, total ${report.seconds.total} s`,
  ].join('\n');
}

/**
 * Every function of the description runs its real code paths through the local runtime, whose
 * AWS clients refuse any call outside the function's grants (infra/local/grants.ts). A grant
 * missing from infra/system.ts fails here, as it would in AWS, instead of passing every local test.
 */
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { FUNCTIONS, type FunctionName } from '../../infra/system.ts';
import type { Strategy } from '../../shared/domain/strategy/strategy.ts';
import { bounceEvent, snsEnvelope } from '../fixtures/ses-events.ts';
import { call, consoleEtag, dayInCopenhagen, decideNow, eventually, FRICTION, nextDay, sqsClient, startWithCast, submitAll, type Cast } from './support.ts';

let cast: Cast;
let runtime: LocalRuntime;

beforeAll(async () => {
  cast = await startWithCast();
  runtime = cast.runtime;
});

afterAll(async () => {
  await runtime?.stop();
});

const HYPOTHESIS = {
  expectedHoursPerYear: 480,
  successMeasure: 'Minutter brugt på journalnotater pr. vagt',
  baseline: '42 minutter pr. vagt målt i uge 12',
  successThreshold: 'Under 25 minutter pr. vagt',
};

const ok = async (response: Promise<Response>): Promise<Response> => {
  const answered = await response;
  expect(answered.status, `${answered.url}: ${answered.status}`).toBeLessThan(300);
  return answered;
};

describe('grants on a laptop', () => {
  it('runs every function of infra/system.ts, and none makes an AWS call its grants do not allow', async () => {
    const { anna, bent, tove, dirk, ulla } = cast;
    await ok(call(runtime, 'GET', '/health'));
    await ok(call(runtime, 'GET', '/openapi.json'));
    await ok(call(runtime, 'GET', '/problems/not-found'));
    // First, on the fresh table, the functions that may only read: none of them may store the shipped strategy.
    await ok(ulla.request('GET', '/console/strategy'));
    await ok(ulla.request('GET', '/console/strategy/versions/1'));
    await ok(ulla.request('GET', '/console/strategy/versions'));
    await ok(dirk.request('GET', '/pipeline/summary'));
    await ok(ulla.request('GET', '/console/gates'));

    // Intake: submit, admit (similarity index, learnings, e-mail), read back.
    const [accepted, questioned, parked, withdrawn, merged] = await submitAll(
      anna,
      ['Dobbeltindtastning i Nexus', 'Medicinlister i to systemer', 'Vagtplan på papir', 'Nøgleboks på Åbyhøj', 'Dobbeltindtastning af borgerdata i Nexus'].map((title) => ({ ...FRICTION, title })),
    ) as [string, string, string, string, string];
    await ok(anna.request('GET', '/ideas/mine'));
    await ok(anna.request('GET', `/ideas/${accepted}`));
    await ok(bent.request('GET', `/ideas/similar?${new URLSearchParams({ title: 'Dobbeltindtastning', text: 'Vi taster borgerdata ind i tre systemer.' })}`));
    await ok(bent.request('POST', `/ideas/${accepted}/support`));

    // Triage: inbox, the whole idea, scorecard, assignment, comments, every kind of decision.
    await ok(tove.request('GET', '/console/inbox'));
    await ok(tove.request('GET', `/console/ideas/${accepted}`));
    await ok(tove.request('PUT', `/console/ideas/${accepted}/scorecard`, { body: { scores: { reach: 4 } }, headers: { 'if-match': await consoleEtag(tove, accepted) } }));
    await ok(tove.request('PUT', `/console/ideas/${accepted}/assignee`, { body: { assignee: { sub: 'tove' } }, headers: { 'if-match': await consoleEtag(tove, accepted) } }));
    await ok(tove.request('POST', `/console/ideas/${accepted}/comments`, { body: { text: 'Tak, vi kigger på det i næste uge.', visibility: 'submitter' } }));
    await ok(anna.request('GET', `/ideas/${accepted}/comments`));
    await ok(decideNow(tove, questioned, { decision: 'needs_info', question: 'Hvilke to systemer drejer det sig om?' }));
    await ok(anna.request('POST', `/ideas/${questioned}/answers`, { body: { answer: 'Nexus og apotekets system, hver morgen.' } }));
    await ok(decideNow(tove, parked, { decision: 'park', revisitOn: nextDay(dayInCopenhagen(new Date()), 30), message: 'Vi venter på budgettet.' }));
    await ok(anna.request('POST', `/ideas/${withdrawn}/withdraw`));
    await ok(decideNow(tove, merged, { decision: 'duplicate', into: accepted, message: 'Den samme bøvl er meldt før.' }));
    const acceptance = await ok(decideNow(tove, accepted, { decision: 'accept', message: 'Vi afprøver det.' }));
    const { pilot } = (await acceptance.json()) as { pilot: { id: string } };

    // Strategy: read, a new version, its versions, re-scoring through the rescore queue.
    const current = await ok(ulla.request('GET', '/console/strategy'));
    const { version: _version, createdAt: _at, createdBy: _by, ...content } = (await current.json()) as Strategy;
    await ok(ulla.request('PUT', '/console/strategy', { body: content, headers: { 'if-match': current.headers.get('etag') as string } }));
    await ok(ulla.request('GET', '/console/strategy/versions/1'));
    // Two pages of versions: the second follows a sealed cursor.
    const { nextCursor } = (await (await ok(ulla.request('GET', '/console/strategy/versions?limit=1'))).json()) as { nextCursor: string };
    await ok(ulla.request('GET', `/console/strategy/versions?${new URLSearchParams({ limit: '1', cursor: nextCursor })}`));
    const rescore = await ok(ulla.request('POST', '/console/strategy/rescore'));
    await ok(tove.request('GET', rescore.headers.get('location') as string));

    // Pilots and gates.
    const read = await ok(tove.request('GET', `/console/pilots/${pilot.id}`));
    const patched = await ok(tove.request('PATCH', `/console/pilots/${pilot.id}`, { body: { hypothesis: HYPOTHESIS }, headers: { 'if-match': read.headers.get('etag') as string } }));
    const { nextGate } = (await (await ok(tove.request('GET', `/console/pilots/${pilot.id}`))).json()) as { nextGate: { checklist: { id: string }[] } };
    const checklist = Object.fromEntries(nextGate.checklist.map((item) => [item.id, true]));
    await ok(dirk.request('POST', `/console/pilots/${pilot.id}/gates`, { body: { decision: 'go', reason: 'Alt er på plads.', checklist }, headers: { 'if-match': patched.headers.get('etag') as string } }));
    const gates = await ok(ulla.request('GET', '/console/gates'));
    const { gates: checklists, stageLimitDays } = (await gates.json()) as { gates: unknown; stageLimitDays: unknown };
    await ok(ulla.request('PUT', '/console/gates', { body: { gates: checklists, stageLimitDays }, headers: { 'if-match': gates.headers.get('etag') as string } }));

    // The directors' view.
    await ok(dirk.request('GET', '/pipeline/summary'));
    await ok(dirk.request('GET', '/pipeline/pilots'));
    await ok(dirk.request('GET', '/pipeline/export.csv'));
    await ok(dirk.request('GET', '/pipeline/learnings?q=st%C3%B8j'));

    // The employee's data rights: an export, and an erasure that the erasure worker carries out by reading the whole table.
    await ok(anna.request('GET', '/me/export'));
    const erasure = await ok(bent.request('POST', '/me/erase', { body: { confirm: true } }));
    await ok(bent.request('GET', erasure.headers.get('location') as string));

    // The schedules, and the queue consumers that the work above fed.
    await runtime.runSchedule('sweeper');
    await runtime.runSchedule('revisitParked');
    await runtime.runSchedule('triageDigest');
    await runtime.runSchedule('retention');
    // SES's bounce reports arrive through SNS in AWS; here one is put on the mail events queue as SNS would deliver it.
    const sqs = sqsClient();
    await sqs.send(new SendMessageCommand({ QueueUrl: runtime.queues.mailEvents.url, MessageBody: snsEnvelope(bounceEvent({ to: 'nobody@spire.localhost' })) }));
    sqs.destroy();
    const consumers = (Object.keys(FUNCTIONS) as FunctionName[]).filter((name) => FUNCTIONS[name].consumes !== undefined);
    await eventually(async () => (consumers.every((name) => runtime.invocations.has(name)) ? true : undefined), 20_000, 'every queue consumer invoked');

    expect((Object.keys(FUNCTIONS) as FunctionName[]).filter((name) => !runtime.invocations.has(name))).toEqual([]);
    expect(runtime.grants.denials).toEqual([]);
  });
});

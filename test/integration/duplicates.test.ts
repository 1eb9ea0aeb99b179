import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { signIn, startTestRuntime, waitForStatus, type Person } from './support.ts';
import { IDEA_STATUS_LABELS } from '../../shared/domain/messages.ts';

let runtime: LocalRuntime;
let anna: Person;
let bent: Person;
let triage: Person;

beforeAll(async () => {
  runtime = await startTestRuntime();
  anna = await signIn(runtime, 'anna', ['employee'], 'Anna Sørensen');
  bent = await signIn(runtime, 'bent', ['employee'], 'Bent Ørsted');
  triage = await signIn(runtime, 'tove', ['triage']);
});

afterAll(async () => {
  await runtime?.stop();
});

const MEDICINE = {
  kind: 'friction',
  title: 'Medicinlister tastes ind to gange',
  description: 'Hver uge taster vi borgerens medicinliste ind i omsorgssystemet og bagefter igen i apotekets bestillingssystem.',
  department: 'Hjemmeplejen Syd',
  frequency: 20,
  frequencyUnit: 'week',
  minutesEach: 6,
  peopleAffected: 15,
} as const;

async function submit(person: Person, body: object): Promise<string> {
  const { id } = (await (await person.request('POST', '/ideas', { body })).json()) as { id: string };
  await waitForStatus(person, id, 'in_triage');
  return id;
}

describe('duplicates and similar ideas', () => {
  it('finds the same friction described by another person as a likely duplicate in triage', async () => {
    // Prepare
    const first = await submit(anna, MEDICINE);

    // Act
    const second = await submit(bent, {
      ...MEDICINE,
      title: 'Dobbelt indtastning af medicinlisten',
      description: 'Vi skriver medicinlisten ind i omsorgssystemet, og så skal den tastes igen i apotekets system hver uge.',
    });

    // Assess
    const idea = (await (await triage.request('GET', `/ideas/${second}`)).json()) as { duplicateCandidates: { ideaId: string; similarity: number }[] };
    expect(idea.duplicateCandidates.map((candidate) => candidate.ideaId)).toContain(first);
  });

  it('does not call an unrelated idea from the same department a duplicate', async () => {
    // Prepare
    const medicine = await submit(anna, { ...MEDICINE, title: 'Medicinlisten tastes to steder' });

    // Act
    const other = await submit(bent, {
      kind: 'idea',
      title: 'Nøglebokse til hjemmeplejen',
      description: 'Vi bruger lang tid på at hente nøgler på kontoret før ruterne; elektroniske nøglebokse hos borgerne ville spare turen.',
      department: 'Hjemmeplejen Syd',
    });

    // Assess
    const idea = (await (await triage.request('GET', `/ideas/${other}`)).json()) as { duplicateCandidates: { ideaId: string }[] };
    expect(idea.duplicateCandidates.map((candidate) => candidate.ideaId)).not.toContain(medicine);
  });

  it('answers GET /ideas/similar with titles and statuses of similar ideas and nobody’s identity', async () => {
    // Prepare
    const id = await submit(anna, { ...MEDICINE, title: 'Medicinliste i to systemer', anonymous: false });

    // Act
    const query = new URLSearchParams({ title: 'Medicinlisten skal tastes to gange', text: 'Vi taster medicinlisten ind i omsorgssystemet og i apotekets system.' });
    const response = await bent.request('GET', `/ideas/similar?${query}`);

    // Assess
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Record<string, unknown>[] };
    expect(items.map((item) => item['id'])).toContain(id);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(JSON.stringify(items)).not.toMatch(/anna|Sørensen|submitter/);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['id', 'kind', 'similarity', 'status', 'statusLabel', 'title']);
    // A neutral name of the status, not a sentence written to the idea's own submitter.
    expect(items.find((item) => item['id'] === id)).toMatchObject({ status: 'in_triage', statusLabel: IDEA_STATUS_LABELS.in_triage.da });
  });

  it('refuses GET /ideas/similar without text with 400', async () => {
    const response = await bent.request('GET', '/ideas/similar');

    expect(response.status).toBe(400);
  });
});

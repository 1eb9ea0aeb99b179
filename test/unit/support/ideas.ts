import type { Idea, IdeaEvent } from '../../../shared/domain/idea.ts';
import type { IdempotencyRecord } from '../../../shared/store/ideas.ts';

/** Test data: ideas, their history events and the table items that hold them. */

export const IDEA_ID = '3f0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c0d';
export const OTHER_IDEA_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const SUBMITTER_SUB = 'e7a1c2d3-employee';

export const CREATED_AT = '2026-01-05T08:30:00.000Z';

/** A stored, non-anonymous idea in `submitted`, written in Danish. */
export function anIdea(overrides: Partial<Idea> = {}): Idea {
  return {
    id: IDEA_ID,
    kind: 'idea',
    title: 'Færre dobbeltregistreringer på plejecentret',
    description: 'Vi skriver de samme borgeroplysninger i tre systemer. Det tager tid fra omsorgen.',
    department: 'Ældre og sundhed',
    language: 'da',
    anonymous: false,
    submitter: { sub: SUBMITTER_SUB, name: 'Birthe Sørensen' },
    status: 'submitted',
    createdAt: CREATED_AT,
    statusChangedAt: CREATED_AT,
    updatedAt: CREATED_AT,
    version: 1,
    requeueCount: 0,
    ...overrides,
  };
}

/** A stored piece of friction: 3 times a day, 10 minutes, 12 people. */
export function aFrictionIdea(overrides: Partial<Idea> = {}): Idea {
  return anIdea({
    kind: 'friction',
    title: 'Bøvl med at låse døren op i appen',
    friction: { frequency: 3, frequencyUnit: 'day', minutesEach: 10, peopleAffected: 12 },
    ...overrides,
  });
}

/** An anonymous idea: no submitter, only the hash of its follow-up token. */
export function anAnonymousIdea(followUpTokenHash: string, overrides: Partial<Idea> = {}): Idea {
  const { submitter: _submitter, ...idea } = anIdea({ anonymous: true, followUpTokenHash, ...overrides });
  return idea;
}

export function aSubmittedEvent(idea: Idea): IdeaEvent {
  return {
    ideaId: idea.id,
    version: 1,
    at: idea.createdAt,
    to: 'submitted',
    actor: idea.submitter === undefined ? { kind: 'submitter' } : { kind: 'submitter', ...idea.submitter },
  };
}

/** The idea as DynamoDB holds it: keys, index keys and the `type` marker next to its fields. */
export function ideaItem(idea: Idea): Record<string, unknown> {
  return {
    PK: `IDEA#${idea.id}`,
    SK: 'META',
    GSI1PK: `STATUS#${idea.status}`,
    GSI1SK: `${idea.statusChangedAt}#${idea.id}`,
    ...(idea.submitter === undefined ? {} : { GSI2PK: `SUBMITTER#${idea.submitter.sub}`, GSI2SK: `${idea.createdAt}#${idea.id}` }),
    type: 'idea',
    ...idea,
  };
}

export function eventItem(event: IdeaEvent): Record<string, unknown> {
  return { PK: `IDEA#${event.ideaId}`, SK: `EVENT#${String(event.version).padStart(6, '0')}`, type: 'event', ...event };
}

export function idempotencyItem(record: IdempotencyRecord): Record<string, unknown> {
  return { PK: `IDEMPOTENCY#${record.keyHash}`, SK: 'META', type: 'idempotency', ...record };
}

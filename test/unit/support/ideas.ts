import type { Idea, IdeaDecision, IdeaEvent } from '../../../shared/domain/idea.ts';
import type { Comment } from '../../../shared/domain/notification.ts';
import type { Caller } from '../../../shared/domain/roles.ts';
import type { SubmitIdeaInput } from '../../../shared/schemas/idea.ts';
import type { StoredNotification } from '../../../shared/store/ports.ts';

/** Test data: ideas and their history events. */

export const IDEA_ID = '3f0c6a52-8d1e-4b7a-9c2d-5e6f7a8b9c0d';
export const OTHER_IDEA_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const SUBMITTER_SUB = 'e7a1c2d3-employee';

export const CREATED_AT = '2026-01-05T08:30:00.000Z';
/** When the test ideas in triage got there. */
export const ADMITTED_AT = '2026-01-05T08:31:00.000Z';

export const SUBMITTER_EMAIL = 'birthe.sorensen@kommune.example';

/** The submitter of the test ideas, signed in, with the e-mail address their token carries. */
export const SUBMITTER: Caller = { sub: SUBMITTER_SUB, name: 'Birthe Sørensen', email: SUBMITTER_EMAIL, roles: ['employee'] };
/** Another employee: not the submitter of the test ideas. */
export const COLLEAGUE: Caller = { sub: 'a4b5c6d7-colleague', name: 'Jens Møller', roles: ['employee'] };
/** A member of the digitalisation team. */
export const TRIAGE: Caller = { sub: 'f9b8a7c6-triage', name: 'Søren Ærø', roles: ['employee', 'triage'] };

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

/**
 * A Danish idea in `in_triage` at version 2, as intake leaves it: matched to a theme, with a first
 * priority, and a submitter whose e-mail address Spire knows (so it sends them e-mail).
 */
export function anIdeaInTriage(overrides: Partial<Idea> = {}): Idea {
  return anIdea({
    status: 'in_triage',
    version: 2,
    statusChangedAt: ADMITTED_AT,
    updatedAt: ADMITTED_AT,
    submitter: { sub: SUBMITTER_SUB, name: 'Birthe Sørensen', email: SUBMITTER_EMAIL },
    themeAlignment: { strategyVersion: 1, scores: [{ themeId: 'automatisering', score: 0.6, matchedTerms: ['dobbeltregistrering'] }] },
    scorecard: { strategyVersion: 1, scores: {}, priority: 40, complete: false, scoredAt: ADMITTED_AT },
    ...overrides,
  });
}

/** The decision record triage leaves on an idea, by TRIAGE. */
export function aDecision(kind: IdeaDecision['kind'], overrides: Partial<IdeaDecision> = {}): IdeaDecision {
  return { kind, at: ADMITTED_AT, by: { sub: TRIAGE.sub, name: 'Søren Ærø' }, ...overrides };
}

/** An idea triage parked until `revisitOn` (YYYY-MM-DD), at version 3. */
export function aParkedIdea(revisitOn: string, overrides: Partial<Idea> = {}): Idea {
  return anIdeaInTriage({ status: 'parked', version: 3, decision: aDecision('park', { revisitOn }), ...overrides });
}

/** An idea waiting for the submitter's answer to triage's question, at version 3. */
export function anIdeaNeedingInfo(overrides: Partial<Idea> = {}): Idea {
  return anIdeaInTriage({ status: 'needs_info', version: 3, decision: aDecision('needs_info', { message: 'Hvilke tre systemer drejer det sig om?' }), ...overrides });
}

/** A comment from TRIAGE on the test idea. */
export function aComment(overrides: Partial<Comment> = {}): Comment {
  return { id: 'c0ffee00-0000-4000-8000-000000000001', ideaId: IDEA_ID, at: ADMITTED_AT, author: { sub: TRIAGE.sub, name: 'Søren Ærø' }, visibility: 'internal', text: 'Ligner noget fra Sundhed.', ...overrides };
}

/** An e-mail to the test idea's submitter, pending unless `sentAt` is given. */
export function aNotification(overrides: Partial<StoredNotification> = {}): StoredNotification {
  return {
    id: `${IDEA_ID}.v2`,
    kind: 'idea-status',
    ideaId: IDEA_ID,
    to: SUBMITTER_EMAIL,
    language: 'da',
    subject: 'Nyt om din idé: Færre dobbeltregistreringer på plejecentret',
    text: 'Hej Birthe Sørensen,\n\nDigitaliseringsteamet har fået din idé og vurderer den.',
    createdAt: ADMITTED_AT,
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

/** Bøvl reported from a phone by a care worker who did not know the figures: no `friction`, `figuresUnknown`. */
export function aFrictionIdeaWithoutFigures(overrides: Partial<Idea> = {}): Idea {
  return anIdea({
    kind: 'friction',
    title: 'Nøglerne til medicinskabet bliver væk',
    description: 'Om morgenen leder vi efter nøglerne til medicinskabet på Åbrinken, før vi kan gå ud til borgerne.',
    department: 'Hjemmeplejen Øst',
    figuresUnknown: true,
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

/** What an employee submits: an idea in Danish, with their name on it. */
export function aSubmission(overrides: Partial<Omit<SubmitIdeaInput, 'kind'>> = {}): SubmitIdeaInput {
  return {
    kind: 'idea',
    title: 'Færre dobbeltregistreringer på plejecentret',
    description: 'Vi skriver de samme borgeroplysninger i tre systemer.',
    department: 'Ældre og sundhed',
    anonymous: false,
    language: 'da',
    ...overrides,
  } as SubmitIdeaInput;
}

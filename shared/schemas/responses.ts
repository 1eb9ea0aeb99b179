/**
 * What the API answers: one schema per success body, and one per problem type (RFC 9457 with
 * this API's extensions). The views (shared/views/*.ts) and handlers still build plain objects;
 * these describe them, for the OpenAPI document (infra/openapi/document.ts) and for the
 * integration tests, which check every answer against that document (test/integration/contract.ts).
 *
 * No function imports this module (a function's bundle must not grow by it); it may be imported
 * for types (`import type`), which leave nothing in a bundle. Objects are `z.object`: in the
 * output JSON Schema they allow no other members, so a field a view adds without saying so here
 * fails the integration tests.
 */
import * as z from './zod.ts';
import { DECISION_KINDS } from '../domain/decisions.ts';
import { PROBLEM_TYPES, PROBLEM_TYPE_PREFIX, type ProblemTypeName } from '../http/problem-types.ts';
import { DECLINE_REASONS, FREQUENCY_UNITS, IDEA_KINDS, IDEA_STATUSES, LANGUAGES, REDIRECT_TARGETS } from '../domain/idea.ts';
import { INBOX_SORTS, INBOX_STATUSES, PRIORITY_BASES } from '../domain/inbox.ts';
import { PERSONAL_DATA_KINDS } from '../domain/personal-data.ts';
import { PILOT_SORTS } from '../domain/pilot-lists.ts';
import { ACTIVE_STAGES, ARTEFACT_KINDS, GATE_DECISIONS, GATE_NAMES, PILOT_STAGES, RISK_LEVELS } from '../domain/pilot.ts';

// --- Building blocks --------------------------------------------------------------------------

const uuid = z.uuid();
/** A moment as the API writes it: `Date.prototype.toISOString()`, UTC. */
const moment = z.iso.datetime();
/** A calendar day, YYYY-MM-DD. */
const day = z.iso.date();
const count = z.int().check(z.minimum(0));
/** Whole and part days, to one decimal (shared/domain/inbox.ts, `daysSince`). */
const days = z.number().check(z.minimum(0));
const ideaStatus = z.enum(IDEA_STATUSES);
const ideaKind = z.enum(IDEA_KINDS);
const language = z.enum(LANGUAGES);
const pilotStage = z.enum(PILOT_STAGES);
const activeStage = z.enum(ACTIVE_STAGES);
const bilingual = z.object({ da: z.string(), en: z.string() });

/** A member of staff (or a person) as the API names them: subject and, when known, name. */
export const Person = z.object({ sub: z.string(), name: z.optional(z.string()) });

/** Who did something to an idea. */
export const Actor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('submitter'), sub: z.optional(z.string()), name: z.optional(z.string()) }),
  z.object({ kind: z.literal('staff'), sub: z.string(), name: z.optional(z.string()) }),
  z.object({ kind: z.literal('system') }),
]);

export const Friction = z.object({
  frequency: z.int(),
  frequencyUnit: z.enum(FREQUENCY_UNITS),
  minutesEach: z.number(),
  peopleAffected: z.int(),
});

/** Friction hours per year, and how a client tells hours that are unknown from hours not yet worked out. */
const frictionHoursPerYear = z.optional(z.number()).check(
  z.describe(
    'Hours per year the friction costs, from its four figures (set in intake). Absent on an idea, on friction not yet through intake, and on friction whose figures are unknown (`figuresUnknown: true`): unknown, never 0.',
  ),
);
const figuresUnknown = z.optional(z.literal(true)).check(
  z.describe('Friction only, present only when true: the submitter did not know the figures, so there is no `friction` and no `frictionHoursPerYear`, and benefit is left for triage to score.'),
);

/** Triage's latest decision on an idea; `by` (who took it) only in the staff view. */
export const IdeaDecision = z.object({
  kind: z.enum(DECISION_KINDS),
  at: moment,
  by: z.optional(Person),
  message: z.optional(z.string()),
  reasonCode: z.optional(z.enum(DECLINE_REASONS)),
  redirectTo: z.optional(z.enum(REDIRECT_TARGETS)),
  revisitOn: z.optional(day),
  mergedInto: z.optional(uuid),
  pilotId: z.optional(uuid),
});

export const ThemeAlignment = z.object({
  strategyVersion: z.int(),
  scores: z.array(z.object({ themeId: z.string(), score: z.number(), matchedTerms: z.array(z.string()) })),
});

export const Scorecard = z.object({
  strategyVersion: z.int(),
  scores: z.record(z.string(), z.object({ value: z.int(), source: z.enum(['triage', 'suggested']) })),
  priority: z.number(),
  complete: z.boolean(),
  scoredAt: moment,
  scoredBy: z.optional(z.string()),
});

/** A comment as staff read it. */
export const Comment = z.object({
  id: z.string(),
  ideaId: uuid,
  at: moment,
  author: Person,
  visibility: z.enum(['internal', 'submitter']),
  text: z.string(),
});

/** A comment written to the submitter, as the submitter reads it: no author, no visibility. */
export const SubmitterComment = z.object({ id: z.string(), at: moment, kind: z.literal('comment'), text: z.string() });

/** A finding of text that seems to hold personal data: the field (JSON Pointer) and the span (UTF-16 offsets); never the text found. */
export const PersonalDataFinding = z.object({
  pointer: z.string(),
  kind: z.enum(PERSONAL_DATA_KINDS),
  start: count,
  end: count,
});

const nextCursor = z.optional(z.string());

// --- Ideas -----------------------------------------------------------------------------------

export const HistoryEntry = z.object({
  at: moment,
  from: z.optional(ideaStatus),
  status: ideaStatus,
  message: z.string(),
  reason: z.optional(z.string()),
  answer: z.optional(z.string()),
  /** Staff view only. */
  actor: z.optional(Actor),
  /** Staff view only: a change that kept the status (scoring, assignment, …). */
  change: z.optional(z.enum(['scorecard', 'rescore', 'assignment', 'intake_abandoned', 'personal_data_erased', 'personal_data_removed'])),
});

export const Message = z.discriminatedUnion('kind', [
  z.object({ at: moment, kind: z.literal('status'), status: ideaStatus, text: z.string() }),
  z.object({ at: moment, kind: z.literal('comment'), text: z.string() }),
]);

const ideaFields = {
  id: uuid,
  kind: ideaKind,
  title: z.string(),
  description: z.string(),
  department: z.string(),
  language,
  anonymous: z.boolean(),
  status: ideaStatus,
  statusMessage: z.string(),
  submittedAt: moment,
  statusChangedAt: moment,
  friction: z.optional(Friction),
  frictionHoursPerYear,
  figuresUnknown,
  supportCount: z.optional(count),
  decision: z.optional(IdeaDecision),
  mergedInto: z.optional(z.object({ id: uuid, title: z.string(), status: ideaStatus, statusLabel: z.string() })),
  /** Staff view only, and never on an anonymous idea. */
  submitter: z.optional(z.object({ sub: z.string(), name: z.optional(z.string()), email: z.optional(z.string()) })),
  /** Staff view only. */
  version: z.optional(z.int()),
  assignee: z.optional(Person),
  themeAlignment: z.optional(ThemeAlignment),
  duplicateCandidates: z.optional(z.array(z.object({ ideaId: uuid, similarity: z.number() }))),
  scorecard: z.optional(Scorecard),
  history: z.array(HistoryEntry),
  /** Staff view only: every comment. */
  comments: z.optional(z.array(Comment)),
  messages: z.array(Message),
};

/** GET /ideas/{id}: the idea as its reader may see it (submitter or staff), with the first page of comments' cursor. */
export const IdeaDocument = z.object({ ...ideaFields, commentsCursor: nextCursor });

/** GET /console/ideas/{id}: the staff view with its duplicate candidates and resembling pilots spelt out. */
export const ConsoleIdeaDocument = z.object({
  ...ideaFields,
  duplicateCandidates: z.array(z.object({ ideaId: uuid, similarity: z.number(), title: z.string(), status: ideaStatus, department: z.string() })),
  resemblingPilots: z.array(
    z.object({ pilotId: uuid, score: z.number(), title: z.string(), stage: pilotStage, department: z.string(), learnings: z.optional(z.string()) }),
  ),
  allowedDecisions: z.array(z.enum(DECISION_KINDS)),
  daysInStatus: days,
  overdue: z.boolean(),
  commentsCursor: nextCursor,
});

/** One row of a submitter's own ideas, and what a withdrawal answers. */
const ideaSummaryFields = {
  id: uuid,
  kind: ideaKind,
  title: z.string(),
  status: ideaStatus,
  statusMessage: z.string(),
  submittedAt: moment,
  statusChangedAt: moment,
  /** A merged idea: the idea it now lives on. */
  mergedInto: z.optional(uuid),
};
export const IdeaSummary = z.object(ideaSummaryFields);

/** GET /ideas/mine. */
export const MyIdeasPage = z.object({ items: z.array(IdeaSummary), nextCursor });

/** POST /ideas/{id}/answers: the idea's summary, and any personal data the answer seems to hold (a warning). */
export const AnswerAccepted = z.object({ ...ideaSummaryFields, personalData: z.optional(z.array(PersonalDataFinding)) });

/** POST /ideas: the idea is stored and queued. */
export const SubmitAccepted = z.object({
  id: uuid,
  status: ideaStatus,
  /** Anonymous ideas only: the one way to follow the idea (`X-Follow-Up-Token`); shown once. */
  followUpToken: z.optional(z.string()),
  /** Text that seems to hold personal data: accepted all the same, as a warning. */
  personalData: z.optional(z.array(PersonalDataFinding)),
});

/** GET /ideas/similar. */
export const SimilarIdeas = z.object({
  items: z.array(z.object({ id: uuid, title: z.string(), kind: ideaKind, status: ideaStatus, statusLabel: z.string(), similarity: z.number() })),
});

/** GET /ideas/{id}/comments: staff get comments whole, the submitter those written to them. */
export const CommentsPage = z.object({ items: z.array(z.union([Comment, SubmitterComment])), nextCursor });

/** POST /ideas/{id}/support. */
export const SupportResult = z.object({ id: uuid, supported: z.literal(true), supportCount: count });

// --- Strategy and scoring --------------------------------------------------------------------

export const Theme = z.object({
  id: z.string(),
  name: bilingual,
  description: bilingual,
  keywords: z.object({ da: z.array(z.string()), en: z.array(z.string()) }),
  weight: z.number(),
});

export const Criterion = z.object({
  id: z.string(),
  name: bilingual,
  weight: z.number(),
  scale: z.tuple([bilingual, bilingual, bilingual, bilingual, bilingual]),
});

/** GET and PUT /console/strategy, GET /console/strategy/versions/{n}. */
export const Strategy = z.object({
  name: bilingual,
  period: z.object({ from: day, to: day }),
  themes: z.array(Theme),
  criteria: z.array(Criterion),
  version: z.int(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/** GET /console/strategy/versions: every version, newest first, each summed up (`themeCount` themes, `criterionCount` criteria); the whole of one is GET /console/strategy/versions/{n}. */
export const StrategyVersionsPage = z.object({
  items: z.array(
    z.object({
      version: z.int(),
      createdAt: z.string(),
      createdBy: z.string(),
      name: bilingual,
      period: z.object({ from: day, to: day }),
      themeCount: count,
      criterionCount: count,
    }),
  ),
  nextCursor,
});

/** PUT /console/ideas/{id}/scorecard: the priority explained criterion by criterion. */
export const PriorityExplanation = z.object({
  ideaId: uuid,
  strategyVersion: z.int(),
  priority: z.number(),
  complete: z.boolean(),
  formula: z.string(),
  criteria: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      value: z.nullable(z.int()),
      meaning: z.nullable(z.string()),
      source: z.enum(['triage', 'suggested', 'unscored']),
      weight: z.number(),
      points: z.number(),
    }),
  ),
});

/** POST /console/strategy/rescore (202), GET /console/strategy/rescore/{jobId}: a re-scoring job's progress; `done` once `pagesDone` reaches `pagesQueued`. */
export const RescoreProgress = z.object({
  jobId: z.string(),
  strategyVersion: z.int(),
  status: z.enum(['queueing', 'running', 'done', 'superseded']),
  pagesQueued: count,
  ideasQueued: count,
  pagesDone: count,
  /** The statuses whose ideas are re-scored. */
  statuses: z.array(ideaStatus),
});

// --- Triage console --------------------------------------------------------------------------

/** GET /console/inbox. */
export const InboxPage = z.object({
  status: z.enum(INBOX_STATUSES),
  sort: z.enum(INBOX_SORTS),
  serviceLevelDays: z.int(),
  items: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      kind: ideaKind,
      department: z.string(),
      status: ideaStatus,
      statusChangedAt: moment,
      themes: z.array(z.object({ themeId: z.string(), score: z.number() })),
      frictionHoursPerYear,
      figuresUnknown,
      priority: z.number(),
      priorityComplete: z.boolean(),
      priorityBasis: z
        .enum(PRIORITY_BASES)
        .check(
          z.describe(
            "Who the priority comes from. `suggested`: no team score yet, only the system's suggestions (or nothing scored at all); `partly-scored`: the team scored some criteria, the rest are suggested or unscored; `scored`: the team scored every criterion.",
          ),
        ),
      duplicateCandidates: count,
      assignee: z.optional(Person),
      daysInStatus: days,
      overdue: z.boolean(),
    }),
  ),
  nextCursor,
});

/** POST /console/ideas/{id}/decisions. */
export const DecisionResult = z.object({
  id: uuid,
  status: ideaStatus,
  version: z.int(),
  decision: IdeaDecision,
  /** `accept`: the pilot the idea became. */
  pilot: z.optional(z.object({ id: uuid, stage: pilotStage })),
});

/** PUT /console/ideas/{id}/assignee. */
export const AssigneeResult = z.object({ id: uuid, assignee: z.nullable(Person), version: z.int() });

// --- Pilots and the pipeline -----------------------------------------------------------------

export const Artefact = z.object({ kind: z.enum(ARTEFACT_KINDS), title: z.string(), url: z.optional(z.string()), text: z.optional(z.string()) });

const pilotFields = {
  id: uuid,
  title: z.string(),
  description: z.string(),
  language,
  ideaIds: z.array(uuid),
  kind: ideaKind,
  department: z.string(),
  themes: z.array(z.string()),
  stage: pilotStage,
  stageEnteredAt: moment,
  reachedStages: z.array(pilotStage),
  stoppedFrom: z.optional(activeStage),
  hold: z.optional(z.object({ until: day, reason: z.string() })),
  owner: z.optional(Person),
  riskLevel: z.optional(z.enum(RISK_LEVELS)),
  hypothesis: z.optional(z.object({ expectedHoursPerYear: z.number(), successMeasure: z.string(), baseline: z.string(), successThreshold: z.string() })),
  results: z.optional(
    z.object({
      realisedHoursPerYear: z.optional(z.number()),
      summary: z.string(),
      measuredOn: z.optional(day),
      followUpOn: z.optional(day),
      followUps: z.optional(count),
    }),
  ),
  cost: z.optional(z.object({ oneOffDkk: z.optional(z.number()), yearlyDkk: z.optional(z.number()) })),
  learnings: z.optional(z.string()),
  artefacts: z.array(Artefact),
  createdAt: moment,
  createdBy: Person,
  updatedAt: moment,
  version: z.int(),
};

/** PATCH /console/pilots/{id}: the pilot as stored. */
export const Pilot = z.object(pilotFields);

export const GateRecord = z.object({
  decision: z.enum(GATE_DECISIONS),
  gate: z.enum(GATE_NAMES),
  from: activeStage,
  to: pilotStage,
  at: moment,
  by: Person,
  role: z.enum(['triage', 'director']),
  reason: z.string(),
  checklist: z.array(z.object({ id: z.string(), text: bilingual, required: z.boolean(), answer: z.boolean() })),
  revisitOn: z.optional(day),
  mustChange: z.optional(z.string()),
});

export const PilotEvent = z.object({
  pilotId: uuid,
  version: z.int(),
  at: moment,
  by: Person,
  change: z.enum(['created', 'gate', 'edit']),
  from: pilotStage,
  to: pilotStage,
  fields: z.optional(z.array(z.string())),
  decision: z.optional(z.enum(GATE_DECISIONS)),
  reason: z.optional(z.string()),
});

/** GET /console/pilots/{id}: the pilot, its time in stage, the gate it stands at, its gate decisions and history. */
export const PilotDocument = z.object({
  ...pilotFields,
  daysInStage: days,
  /** Active stages only. */
  overStageLimit: z.optional(z.boolean()),
  nextGate: z.nullable(
    z.object({
      gate: z.enum(GATE_NAMES),
      decisions: z.array(z.enum(GATE_DECISIONS)),
      checklist: z.array(z.object({ id: z.string(), text: z.string(), required: z.boolean() })),
    }),
  ),
  gates: z.array(GateRecord),
  history: z.array(PilotEvent),
});

/** POST /console/pilots/{id}/gates. */
export const GateResult = z.object({ id: uuid, stage: pilotStage, version: z.int(), gate: GateRecord });

export const ChecklistItem = z.object({ id: z.string(), text: bilingual, required: z.boolean() });

/** GET and PUT /console/gates. Version 0 is the shipped default, with `updatedAt` empty and `updatedBy` `system`. */
export const GateSettings = z.object({
  gates: z.object(Object.fromEntries(GATE_NAMES.map((gate) => [gate, z.array(ChecklistItem)])) as Record<(typeof GATE_NAMES)[number], z.ZodMiniArray<typeof ChecklistItem>>),
  stageLimitDays: z.object(Object.fromEntries(ACTIVE_STAGES.map((stage) => [stage, z.int()])) as Record<(typeof ACTIVE_STAGES)[number], z.ZodMiniInt>),
  version: z.int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

const stageCounts = z.partialRecord(pilotStage, count);

/** A count for each of `keys`, all present. */
function countsOf<const Keys extends readonly string[]>(keys: Keys) {
  return z.object(Object.fromEntries(keys.map((key) => [key, count])) as Record<Keys[number], typeof count>);
}

/** GET /pipeline/summary. */
export const PipelineSummary = z.object({
  at: moment,
  stages: countsOf(PILOT_STAGES),
  byTheme: z.record(z.string(), z.object({ name: z.string(), stages: stageCounts })),
  byDepartment: z.record(z.string(), stageCounts),
  funnel: z.array(z.object({ step: z.enum(['submitted', 'accepted', 'sprint', 'pilot', 'evaluation', 'operations', 'realised']), count, conversion: z.nullable(z.number()) })),
  stopped: z.object({ total: count, byStage: countsOf(ACTIVE_STAGES) }),
  stageTime: z.array(z.object({ stage: activeStage, pilots: count, medianDays: z.nullable(z.number()), limitDays: z.int(), overLimit: count })),
  hours: z.object({ expectedPerYearInPipeline: z.number(), realisedPerYear: z.number() }),
  ideas: z.object({ total: count, byStatus: countsOf(IDEA_STATUSES) }),
  triage: z.object({ waiting: count, averageDaysWaiting: z.nullable(z.number()), oldestDaysWaiting: z.nullable(z.number()) }),
});

/** GET /pipeline/pilots. */
export const PipelinePilotsPage = z.object({
  sort: z.enum(PILOT_SORTS),
  items: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      stage: pilotStage,
      stageEnteredAt: moment,
      department: z.string(),
      themes: z.array(z.string()),
      ideaIds: z.array(uuid),
      owner: z.optional(Person),
      riskLevel: z.optional(z.enum(RISK_LEVELS)),
      expectedHoursPerYear: z.optional(z.number()),
      realisedHoursPerYear: z.optional(z.number()),
      oneOffCostDkk: z.optional(z.number()),
      yearlyCostDkk: z.optional(z.number()),
      holdUntil: z.optional(day),
      createdAt: moment,
      updatedAt: moment,
    }),
  ),
  nextCursor,
});

/** GET /pipeline/learnings. */
export const LearningsFound = z.object({
  q: z.string(),
  items: z.array(
    z.object({
      pilotId: uuid,
      title: z.string(),
      description: z.string(),
      learnings: z.string(),
      language,
      stage: z.enum(['stopped', 'realised']),
      department: z.string(),
      themes: z.array(z.string()),
      at: moment,
      score: z.number(),
      matchedTerms: z.array(z.string()),
    }),
  ),
});

// --- The caller's own data (GDPR) -------------------------------------------------------------

/** GET /me/export: everything held about the caller. */
export const PersonalDataExport = z.object({
  exportedAt: moment,
  person: z.object({ sub: z.string(), name: z.optional(z.string()), email: z.optional(z.string()) }),
  /** The caller's ideas as they see them, with the name and address stored with each. */
  ideas: z.array(z.object({ ...ideaFields, submitter: z.optional(z.object({ sub: z.string(), name: z.optional(z.string()), email: z.optional(z.string()) })) })),
  answers: z.array(z.object({ ideaId: uuid, at: moment, text: z.string() })),
  support: z.array(z.object({ ideaId: uuid, title: z.optional(z.string()), supportedAt: moment })),
  notifications: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['idea-status', 'idea-comment', 'triage-digest']),
      ideaId: z.optional(uuid),
      to: z.string(),
      language,
      subject: z.string(),
      text: z.string(),
      createdAt: moment,
      sentAt: z.optional(moment),
      notSentAt: z.optional(moment),
      notSentReason: z.optional(z.string()),
    }),
  ),
});

/** POST /me/erase, GET /me/erasures/{id}. */
export const Erasure = z.object({
  id: uuid,
  requestedAt: moment,
  status: z.enum(['pending', 'done']),
  completedAt: z.optional(moment),
  passes: z.optional(count),
  rewritten: z.optional(count),
  deleted: z.optional(count),
  ideas: z.optional(count),
});

/** GET /health. */
export const Health = z.object({ status: z.literal('ok') });

// --- Problems (RFC 9457) ---------------------------------------------------------------------

/**
 * The problem document of one type: `type` is `/api/problems/<name>`, `status` the answer's,
 * `title` and `detail` in the caller's language (`Content-Language`), and the type's extensions.
 */
export function problemSchema<Shape extends z.core.$ZodLooseShape>(name: ProblemTypeName, extensions: Shape = {} as Shape) {
  return z.object({
    type: z.literal(`${PROBLEM_TYPE_PREFIX}${name}`),
    title: z.string(),
    status: z.literal(PROBLEM_TYPES[name].status),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    ...extensions,
  });
}

/** Every problem type the API answers with (shared/http/problem-types.ts), by name: its schema, with the type's status. */
export const PROBLEMS = {
  validation: problemSchema('validation', { errors: z.array(z.object({ pointer: z.string(), detail: z.string() })) }),
  'malformed-body': problemSchema('malformed-body'),
  'invalid-cursor': problemSchema('invalid-cursor'),
  unauthorized: problemSchema('unauthorized'),
  forbidden: problemSchema('forbidden'),
  'not-found': problemSchema('not-found'),
  'method-not-allowed': problemSchema('method-not-allowed', { allowed: z.array(z.string()) }),
  'invalid-transition': problemSchema('invalid-transition', { ideaStatus: ideaStatus, allowed: z.array(z.string()) }),
  'invalid-gate-decision': problemSchema('invalid-gate-decision', { pilotStage: pilotStage, allowed: z.array(z.enum(GATE_DECISIONS)) }),
  'checklist-incomplete': problemSchema('checklist-incomplete', { missing: z.array(z.object({ id: z.string(), text: z.string() })) }),
  'hypothesis-missing': problemSchema('hypothesis-missing'),
  'precondition-failed': problemSchema('precondition-failed'),
  'payload-too-large': problemSchema('payload-too-large'),
  'unsupported-media-type': problemSchema('unsupported-media-type'),
  'idempotency-key-reused': problemSchema('idempotency-key-reused'),
  'personal-data': problemSchema('personal-data', { findings: z.array(PersonalDataFinding) }),
  'precondition-required': problemSchema('precondition-required'),
  'too-many-requests': problemSchema('too-many-requests', { limit: z.int(), retryAfterSeconds: z.int() }),
  internal: problemSchema('internal'),
} as const satisfies Record<ProblemTypeName, unknown>;
export type ProblemName = keyof typeof PROBLEMS;

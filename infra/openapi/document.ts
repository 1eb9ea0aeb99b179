/**
 * The API contract: an OpenAPI 3.1 document generated from what the code already holds — the
 * route table (ROUTES in ../system.ts), the zod schemas of every path, query, header and body
 * (shared/schemas/*.ts, converted with zod 4's JSON Schema output), the answers' schemas
 * (shared/schemas/responses.ts) and the problem types (shared/http/errors.ts, whose classes make
 * the problem examples). What no schema holds (who may call a route, which problems it can
 * answer, which headers it reads and sets) is said once here, in OPERATIONS. The local runtime's
 * development routes (DEV_ROUTES in ../local/dev-routes.ts: path, method, body, query and answer)
 * are in it too, tagged Development and marked `x-spire-local-only`, with their words in
 * DEV_OPERATIONS.
 *
 * `npm run openapi` writes it to docs/openapi.json (./main.ts); GET /openapi.json serves that file
 * (functions/get-openapi.ts); docs/api-contract.md explains it. No function imports this module.
 */
import * as z from '../../shared/schemas/zod.ts';
import type { Role } from '../../shared/domain/roles.ts';
import { API_BASE_PATH } from '../../shared/http/base-path.ts';
import { MAX_BODY_BYTES } from '../../shared/http/body.ts';
import {
  ChecklistIncompleteError,
  ForbiddenError,
  HypothesisMissingError,
  IdempotencyKeyReusedError,
  InvalidCursorError,
  InvalidGateDecisionError,
  InvalidTransitionError,
  MalformedBodyError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  PersonalDataError,
  PreconditionFailedError,
  PreconditionRequiredError,
  TooManyRequestsError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
  type HttpError,
} from '../../shared/http/errors.ts';
import { internalErrorResponse, problemResponse } from '../../shared/http/problem.ts';
import { PROBLEM_TYPES, PROBLEM_TYPE_PREFIX, type ProblemTypeName } from '../../shared/http/problem-types.ts';
import { AnswerInput, AssigneeInput, CommentInput, DecisionInput, InboxQuery, WithdrawInput } from '../../shared/schemas/console.ts';
import { CommentsQuery, IdeaIdPath, IdempotencyKeyHeader, PageQuery, SimilarQuery, SubmitIdeaInput } from '../../shared/schemas/idea.ts';
import { GateInput, GateSettingsInput, LearningsQuery, PilotIdPath, PilotPatchInput, PipelinePilotsQuery } from '../../shared/schemas/pilots.ts';
import { ErasureIdPath, ErasureRequest } from '../../shared/schemas/privacy.ts';
import * as answers from '../../shared/schemas/responses.ts';
import { PROBLEMS, type ProblemName } from '../../shared/schemas/responses.ts';
import { RescoreJobPath } from '../../shared/schemas/rescore.ts';
import { ScorecardInput } from '../../shared/schemas/scorecard.ts';
import { StrategyInput, StrategyVersionPath } from '../../shared/schemas/strategy.ts';
import { DEV_ROUTES, type DevRouteName } from '../local/dev-routes.ts';
import { ROUTES, type FunctionName, type RouteDescription } from '../system.ts';
import { ANSWER_EXAMPLES, NAMED_REQUEST_EXAMPLES, REQUEST_EXAMPLES } from './examples.ts';

type Schema = z.core.$ZodType;
type JsonObject = Record<string, unknown>;

/** Response headers an operation may set; each is a component under `#/components/headers`. */
type ResponseHeader = 'ETag' | 'Location' | 'Idempotent-Replayed' | 'Content-Disposition' | 'Content-Security-Policy';

interface SuccessAnswer {
  status: number;
  description: string;
  /** A component of shared/schemas/responses.ts, by its export name (or a development route's answer, by its name); or `text` for a body that is not JSON. */
  schema: keyof typeof answers | DevAnswerName | { text: string };
  /** Headers this answer always carries, and (`optional`) those it carries sometimes. */
  headers?: readonly ResponseHeader[];
  optionalHeaders?: readonly ResponseHeader[];
}

type DevAnswerName = (typeof DEV_ROUTES)[DevRouteName]['answer']['name'];

type Tag = 'Ideas' | 'Console' | 'Strategy' | 'Pilots' | 'Pipeline' | 'Privacy' | 'Service' | 'Development';

interface OperationDescription {
  tag: Tag;
  summary: string;
  description: string;
  /**
   * Who may call it: `public` (no token), or the roles a token must hold one of. `owner` adds
   * that only the idea's submitter (by identity or follow-up token) and triage may; others get 404.
   */
  access: 'public' | { roles: readonly Role[]; owner?: 'submitter' | 'submitterOrTriage' };
  path?: Schema;
  query?: Schema;
  /** zod schemas of request headers (IdempotencyKeyHeader). */
  headers?: Schema;
  ifMatch?: true;
  followUpToken?: true;
  /** `anyContentType`: read as JSON whatever its `Content-Type`, so a body that is not JSON is 400 `validation` (never `malformed-body` or 415). */
  body?: { schema: Schema; name: string; formats: readonly ('json' | 'form')[]; optional?: true; anyContentType?: true };
  success: readonly SuccessAnswer[];
  /** Problems beyond those that follow from the rest (token, role, parameters, body, If-Match, cursor). */
  problems?: readonly ProblemName[];
}

/** GET /problems/{name}: the handler answers 404 for any other name. */
const ProblemTypePath = z.object({ name: z.enum(Object.keys(PROBLEM_TYPES) as [ProblemTypeName, ...ProblemTypeName[]]) });

const EVERYONE: readonly Role[] = ['employee', 'triage', 'director', 'admin'];
const TRIAGE: readonly Role[] = ['triage', 'admin'];
const READERS: readonly Role[] = ['director', 'triage', 'admin'];

/** Every route's contract, by the function that serves it. */
const OPERATIONS: Partial<Record<FunctionName, OperationDescription>> = {
  health: {
    tag: 'Service',
    summary: 'Health check',
    description: 'Answers without a token, for load balancers and for the local runtime’s readiness.',
    access: 'public',
    success: [{ status: 200, description: 'The service is up.', schema: 'Health' }],
  },
  getOpenApi: {
    tag: 'Service',
    summary: 'This document',
    description: 'The API contract as OpenAPI 3.1, generated from the route table and the schemas (`npm run openapi`, docs/api-contract.md). Public, and cacheable for five minutes.',
    access: 'public',
    success: [{ status: 200, description: 'The OpenAPI document.', schema: { text: 'application/vnd.oai.openapi+json' } }],
  },
  getProblemType: {
    tag: 'Service',
    summary: 'What a problem type means',
    description:
      'The page a problem document’s `type` (`/api/problems/<name>`, a reference relative to the request’s URL) dereferences to: an HTML page, in Danish and English, saying what the problem means, what a client should do and the status it comes with (shared/http/problem-types.ts). Public, and cacheable for five minutes. A name that is no problem type is 404.',
    access: 'public',
    path: ProblemTypePath,
    success: [{ status: 200, description: 'The page about the problem type.', schema: { text: 'text/html' }, headers: ['Content-Security-Policy'] }],
    problems: ['not-found'],
  },
  submitIdea: {
    tag: 'Ideas',
    summary: 'Submit an idea or a piece of friction',
    description:
      'As JSON or as a plain HTML form (fields as text; a ticked checkbox is `on`, Danish numbers such as `2,5` are read). Friction gives all four figures (`frequency`, `frequencyUnit`, `minutesEach`, `peopleAffected`), or, when the submitter does not know them, none of them and `figuresUnknown: true`: its friction hours per year then stay unknown (`figuresUnknown: true` on the idea and its inbox row, no `frictionHoursPerYear`), never 0. Some figures without the others, or figures with `figuresUnknown: true`, are 400 `validation` naming the fields. 202: stored and queued for triage; `Location` is the idea. An anonymous idea stores no identity and answers a `followUpToken`, shown once: send it as `X-Follow-Up-Token` to follow the idea. With `Idempotency-Key`, a retry of the same request answers the same idea with `Idempotent-Replayed: true` (even past the hourly limit); the same key with another request is 422. Text that seems to hold personal data is accepted, with `personalData` listing the findings as a warning. 429 past the person’s submits for the hour.',
    access: { roles: EVERYONE },
    headers: IdempotencyKeyHeader,
    body: { schema: SubmitIdeaInput, name: 'SubmitIdeaInput', formats: ['json', 'form'] },
    success: [{ status: 202, description: 'Accepted: stored and queued for triage.', schema: 'SubmitAccepted', headers: ['Location'], optionalHeaders: ['Idempotent-Replayed'] }],
    problems: ['idempotency-key-reused', 'too-many-requests'],
  },
  listMyIdeas: {
    tag: 'Ideas',
    summary: 'My ideas',
    description: 'The caller’s own ideas, newest first, a page at a time. Anonymous ideas are not here: they store no identity.',
    access: { roles: EVERYONE },
    query: PageQuery,
    success: [{ status: 200, description: 'One page.', schema: 'MyIdeasPage' }],
  },
  findSimilar: {
    tag: 'Ideas',
    summary: 'Ideas like a text about to be submitted',
    description: 'Send `title`, `text` or both. Titles and neutral status labels only. Each lookup counts against the caller’s hourly limit (429 past it).',
    access: { roles: EVERYONE },
    query: SimilarQuery,
    success: [{ status: 200, description: 'The most similar existing ideas, most similar first.', schema: 'SimilarIdeas' }],
    problems: ['too-many-requests'],
  },
  getIdea: {
    tag: 'Ideas',
    summary: 'An idea, its status, messages and history',
    description:
      'For its submitter (by identity, or by `X-Follow-Up-Token` for an anonymous idea) and for triage, who also see the audit trail, internal comments and scores; anybody else gets 404, so ids cannot be probed. Carries the first page of comments; `commentsCursor` reads on with GET /ideas/{id}/comments. Messages are in the idea’s language unless `Accept-Language` names one.',
    access: { roles: EVERYONE, owner: 'submitterOrTriage' },
    path: IdeaIdPath,
    followUpToken: true,
    success: [{ status: 200, description: 'The idea, with its version as `ETag`.', schema: 'IdeaDocument', headers: ['ETag'] }],
    problems: ['not-found'],
  },
  listComments: {
    tag: 'Ideas',
    summary: 'The next page of an idea’s comments',
    description:
      'Oldest first. The same people as GET /ideas/{id} may read it: triage every comment, the submitter those written to them (so their page may hold fewer). `cursor` is the idea’s `commentsCursor` or the page before’s `nextCursor`.',
    access: { roles: EVERYONE, owner: 'submitterOrTriage' },
    path: IdeaIdPath,
    query: CommentsQuery,
    followUpToken: true,
    success: [{ status: 200, description: 'One page of comments.', schema: 'CommentsPage' }],
    problems: ['not-found'],
  },
  postAnswer: {
    tag: 'Ideas',
    summary: 'Answer triage’s question',
    description:
      'The submitter (by identity or `X-Follow-Up-Token`) answers the question of an idea in `needs_info`; it goes back to `in_triage`. As JSON or a form. An answer that seems to hold personal data is taken, with `personalData` as a warning.',
    access: { roles: EVERYONE, owner: 'submitter' },
    path: IdeaIdPath,
    followUpToken: true,
    body: { schema: AnswerInput, name: 'AnswerInput', formats: ['json', 'form'] },
    success: [{ status: 200, description: 'The idea, back in triage.', schema: 'AnswerAccepted' }],
    problems: ['not-found', 'invalid-transition', 'precondition-failed'],
  },
  supportIdea: {
    tag: 'Ideas',
    summary: 'Support an idea (“me too”)',
    description: 'Once per person: 201 the first time, 200 after, with the count. 409 when the idea’s status takes no support; 429 past the person’s supports for the hour.',
    access: { roles: EVERYONE },
    path: IdeaIdPath,
    success: [
      { status: 201, description: 'Supported now.', schema: 'SupportResult' },
      { status: 200, description: 'Supported already.', schema: 'SupportResult' },
    ],
    problems: ['not-found', 'invalid-transition', 'too-many-requests'],
  },
  withdrawIdea: {
    tag: 'Ideas',
    summary: 'Withdraw my idea',
    description: 'The submitter (by identity or `X-Follow-Up-Token`) withdraws an idea triage has not accepted or closed; an optional reason, as JSON or a form, or no body.',
    access: { roles: EVERYONE, owner: 'submitter' },
    path: IdeaIdPath,
    followUpToken: true,
    body: { schema: WithdrawInput, name: 'WithdrawInput', formats: ['json', 'form'], optional: true },
    success: [{ status: 200, description: 'Withdrawn.', schema: 'IdeaSummary' }],
    problems: ['not-found', 'invalid-transition'],
  },
  getStrategy: {
    tag: 'Strategy',
    summary: 'The current strategy',
    description: 'Themes and scorecard criteria, with the version as `ETag` (send it as `If-Match` to replace it).',
    access: { roles: TRIAGE },
    success: [{ status: 200, description: 'The current version.', schema: 'Strategy', headers: ['ETag'] }],
  },
  putStrategy: {
    tag: 'Strategy',
    summary: 'Replace the strategy',
    description: 'The content becomes the next version; old versions stay readable. `If-Match` must name the current version (or be `*`).',
    access: { roles: ['admin'] },
    ifMatch: true,
    body: { schema: StrategyInput, name: 'StrategyInput', formats: ['json'] },
    success: [{ status: 200, description: 'The new version.', schema: 'Strategy', headers: ['ETag'] }],
  },
  getStrategyVersion: {
    tag: 'Strategy',
    summary: 'One version of the strategy',
    description: 'An earlier (or the current) version; versions are never changed.',
    access: { roles: TRIAGE },
    path: StrategyVersionPath,
    success: [{ status: 200, description: 'The version.', schema: 'Strategy', headers: ['ETag'] }],
    problems: ['not-found'],
  },
  listStrategyVersions: {
    tag: 'Strategy',
    summary: 'Every version of the strategy',
    description:
      'Newest first, a page at a time, each summed up: its number, when and by whom it was stored, its name and period, and how many themes and criteria it has. The whole of a version is GET /console/strategy/versions/{n}. A fresh installation lists the shipped default as version 1.',
    access: { roles: TRIAGE },
    query: PageQuery,
    success: [{ status: 200, description: 'One page.', schema: 'StrategyVersionsPage' }],
  },
  startRescore: {
    tag: 'Strategy',
    summary: 'Re-score the undecided ideas',
    description:
      'Queues the ids of every idea in triage, needing information or parked, 25 to a message, to be aligned again with the current strategy; answers the job’s progress. `Location` is where the progress is followed (GET /console/strategy/rescore/{jobId}).',
    access: { roles: TRIAGE },
    success: [{ status: 202, description: 'Queued.', schema: 'RescoreProgress', headers: ['Location'] }],
  },
  getRescoreProgress: {
    tag: 'Strategy',
    summary: 'A re-scoring job’s progress',
    description:
      'The same answer as the start’s, read again, to poll until `status` is `done` (every page queued is done: `pagesDone` equals `pagesQueued`) or `superseded` (a newer strategy version’s job does the work). `queueing` while the start is still queueing the ideas, `running` after.',
    access: { roles: TRIAGE },
    path: RescoreJobPath,
    success: [{ status: 200, description: 'The job’s progress.', schema: 'RescoreProgress' }],
    problems: ['not-found'],
  },
  putScorecard: {
    tag: 'Console',
    summary: 'Score an idea',
    description: 'A 0–4 score per criterion id; criteria left out keep their suggestion. Answers the priority explained criterion by criterion.',
    access: { roles: TRIAGE },
    path: IdeaIdPath,
    ifMatch: true,
    body: { schema: ScorecardInput, name: 'ScorecardInput', formats: ['json'] },
    success: [{ status: 200, description: 'The priority, explained.', schema: 'PriorityExplanation', headers: ['ETag'] }],
    problems: ['not-found'],
  },
  getInbox: {
    tag: 'Console',
    summary: 'One page of a triage inbox list',
    description:
      'One status, narrowed by kind, department and theme, in one order (`priority` or `age`), a page at a time. `assignee=me` lists instead the ideas in the status assigned to the caller; it cannot be combined with kind, department or theme (400, the filter named).',
    access: { roles: TRIAGE },
    query: InboxQuery,
    success: [{ status: 200, description: 'One page.', schema: 'InboxPage' }],
  },
  getConsoleIdea: {
    tag: 'Console',
    summary: 'The whole idea, for triage',
    description: 'Scores, duplicate candidates with their titles, the stopped pilots it resembles with what they learned, comments, history and the decisions its status allows.',
    access: { roles: TRIAGE },
    path: IdeaIdPath,
    success: [{ status: 200, description: 'The idea, with its version as `ETag`.', schema: 'ConsoleIdeaDocument', headers: ['ETag'] }],
    problems: ['not-found'],
  },
  postDecision: {
    tag: 'Console',
    summary: 'Decide on an idea',
    description:
      'needs_info, accept, park, decline, duplicate or redirect. 409 lists the decisions the idea’s status allows; 412 when somebody changed the idea first; 422 `personal-data` when the question or message seems to hold personal data and `confirmPersonalData` is not true. `accept` creates the idea’s pilot.',
    access: { roles: TRIAGE },
    path: IdeaIdPath,
    ifMatch: true,
    body: { schema: DecisionInput, name: 'DecisionInput', formats: ['json'] },
    success: [{ status: 200, description: 'Decided.', schema: 'DecisionResult', headers: ['ETag'] }],
    problems: ['not-found', 'invalid-transition', 'personal-data'],
  },
  putAssignee: {
    tag: 'Console',
    summary: 'Give an idea to a member of the team',
    description: '`{"assignee": {"sub", "name"}}`, or `{"assignee": null}` for nobody.',
    access: { roles: TRIAGE },
    path: IdeaIdPath,
    ifMatch: true,
    body: { schema: AssigneeInput, name: 'AssigneeInput', formats: ['json'] },
    success: [{ status: 200, description: 'Assigned.', schema: 'AssigneeResult', headers: ['ETag'] }],
    problems: ['not-found'],
  },
  postComment: {
    tag: 'Console',
    summary: 'Comment on an idea',
    description: 'Internal to the team, or written to the submitter (who is e-mailed). 422 `personal-data` when the text seems to hold personal data and `confirmPersonalData` is not true.',
    access: { roles: TRIAGE },
    path: IdeaIdPath,
    body: { schema: CommentInput, name: 'CommentInput', formats: ['json'] },
    success: [{ status: 201, description: 'The comment.', schema: 'Comment' }],
    problems: ['not-found', 'personal-data'],
  },
  getPilot: {
    tag: 'Pilots',
    summary: 'A pilot',
    description: 'With its history, its gate decisions and the gate it stands at (the decisions possible and the checklist, in the caller’s language).',
    access: { roles: READERS },
    path: PilotIdPath,
    success: [{ status: 200, description: 'The pilot, with its version as `ETag`.', schema: 'PilotDocument', headers: ['ETag'] }],
    problems: ['not-found'],
  },
  patchPilot: {
    tag: 'Pilots',
    summary: 'Edit a pilot',
    description: 'Title, owner, risk, hypothesis, results, costs, artefacts or learnings; `null` clears a field.',
    access: { roles: TRIAGE },
    path: PilotIdPath,
    ifMatch: true,
    body: { schema: PilotPatchInput, name: 'PilotPatchInput', formats: ['json'] },
    success: [{ status: 200, description: 'The pilot as stored.', schema: 'Pilot', headers: ['ETag'] }],
    problems: ['not-found'],
  },
  postGate: {
    tag: 'Pilots',
    summary: 'Decide at the pilot’s gate',
    description:
      'go, hold, recycle or stop. 409 `checklist-incomplete` names the required items not answered yes, `invalid-gate-decision` lists what the stage allows, `hypothesis-missing` when `go` into `pilot` has no hypothesis; 412 when somebody decided first. Some gates are a director’s (403 for triage).',
    access: { roles: ['triage', 'director'] },
    path: PilotIdPath,
    ifMatch: true,
    body: { schema: GateInput, name: 'GateInput', formats: ['json'] },
    success: [{ status: 200, description: 'Decided.', schema: 'GateResult', headers: ['ETag'] }],
    problems: ['not-found', 'checklist-incomplete', 'invalid-gate-decision', 'hypothesis-missing'],
  },
  getGates: {
    tag: 'Pilots',
    summary: 'The gate checklists and stage limits',
    description: 'With their version as `ETag` (0: the shipped defaults).',
    access: { roles: READERS },
    success: [{ status: 200, description: 'The settings.', schema: 'GateSettings', headers: ['ETag'] }],
  },
  putGates: {
    tag: 'Pilots',
    summary: 'Replace the gate checklists and stage limits',
    description: 'Gate decisions already taken keep the checklist as it was asked.',
    access: { roles: ['admin'] },
    ifMatch: true,
    body: { schema: GateSettingsInput, name: 'GateSettingsInput', formats: ['json'] },
    success: [{ status: 200, description: 'The new version.', schema: 'GateSettings', headers: ['ETag'] }],
  },
  getPipelineSummary: {
    tag: 'Pipeline',
    summary: 'The directors’ view',
    description: 'Pilots per stage, theme and department, the funnel with conversion rates, time in stage against the limits, hours per year expected and realised, and ideas waiting for triage.',
    access: { roles: READERS },
    success: [{ status: 200, description: 'The summary.', schema: 'PipelineSummary' }],
  },
  listPipelinePilots: {
    tag: 'Pipeline',
    summary: 'One page of pilots',
    description:
      'All pilots or one stage, narrowed by at most one of theme, department and owner, in one order (`in_stage`: longest in the stage first; `newest`; `expected_hours`: most first). `sort=hold_until` reads instead the active pilots on hold, of every stage, by the day their hold ends, earliest first; it cannot be combined with stage, theme, department or owner (400, each named).',
    access: { roles: READERS },
    query: PipelinePilotsQuery,
    success: [{ status: 200, description: 'One page.', schema: 'PipelinePilotsPage' }],
  },
  exportPipeline: {
    tag: 'Pipeline',
    summary: 'Every pilot as CSV',
    description: 'For Danish Excel: UTF-8 with a byte order mark, semicolons, newest first, column names in the caller’s language.',
    access: { roles: READERS },
    success: [{ status: 200, description: 'The CSV file.', schema: { text: 'text/csv' }, headers: ['Content-Disposition'] }],
  },
  searchLearnings: {
    tag: 'Pipeline',
    summary: 'Search what pilots learned',
    description: 'What stopped and realised pilots learned, best match first, read with the same Danish and English text handling as theme scoring.',
    access: { roles: READERS },
    query: LearningsQuery,
    success: [{ status: 200, description: 'The matches.', schema: 'LearningsFound' }],
  },
  exportMyData: {
    tag: 'Privacy',
    summary: 'Everything held about me (GDPR access)',
    description: 'As one JSON document to download: the caller’s ideas, answers, support and the e-mails sent to them. Anonymous ideas are not in it.',
    access: { roles: EVERYONE },
    success: [{ status: 200, description: 'The export.', schema: 'PersonalDataExport', headers: ['Content-Disposition'] }],
  },
  requestErasure: {
    tag: 'Privacy',
    summary: 'Erase me (GDPR erasure)',
    description: 'It cannot be undone, so the body must say `confirm: true`. 202: recorded and queued; `Location` is where its progress is read.',
    access: { roles: EVERYONE },
    body: { schema: ErasureRequest, name: 'ErasureRequest', formats: ['json'] },
    success: [{ status: 202, description: 'Recorded and queued.', schema: 'Erasure', headers: ['Location'] }],
  },
  getErasure: {
    tag: 'Privacy',
    summary: 'An erasure’s progress',
    description: 'For the person who asked for it; anybody else is told it does not exist.',
    access: { roles: EVERYONE },
    path: ErasureIdPath,
    success: [{ status: 200, description: 'The erasure.', schema: 'Erasure' }],
    problems: ['not-found'],
  },
};

/** The words of the local runtime's development routes: what their description (DEV_ROUTES) does not say. */
const DEV_OPERATIONS: Record<DevRouteName, { summary: string; description: string; answered: string }> = {
  issueDevToken: {
    summary: 'A development access token',
    description:
      'Signs an access token for whoever is asked for, for scripts and tests: `sub`, and `name`, `email` (`<sub>@spire.localhost` when left out, so the outbox shows what they would get) and `roles` (`employee` when left out) if given. The local runtime accepts it as API Gateway’s JWT authorizer accepts the municipality’s; `expiresAt` says when it runs out. The body is read as JSON whatever its `Content-Type`. The web pages sign in with the local OpenID provider at `/oidc` instead, whose tokens share its key and issuer.',
    answered: 'The token, and when it runs out.',
  },
  listDevOutbox: {
    summary: 'Every e-mail the system sent',
    description: 'The local runtime sends no e-mail: it keeps each one in its outbox instead, and this lists them, newest first: what a submitter or the team would have received.',
    answered: 'The newest e-mails, newest first.',
  },
};

const TAGS: Record<Tag, string> = {
  Ideas: 'Submitting, following, answering, supporting and withdrawing ideas: every employee.',
  Console: 'The triage console: the inbox, scoring, decisions, assignment and comments.',
  Strategy: 'The strategy ideas are matched and scored against: themes and criteria, versioned.',
  Pilots: 'Accepted ideas on their way through the stage-gates.',
  Pipeline: 'The directors’ view of the pipeline, its pilots, their export and what they learned.',
  Privacy: 'The caller’s own data: access and erasure (GDPR).',
  Service: 'Health and this contract.',
  Development:
    'The local runtime’s development routes, for scripts and tests. Only the local runtime (`npm start`, and the integration tests’ runtimes) serves them, with no token; they are never deployed, and in AWS they answer 404. Each is marked `x-spire-local-only: true`.',
};

// --- Problems ----------------------------------------------------------------------------------

const da = (text: string) => ({ da: text, en: text });

/** One instance of each problem, made by the code that makes it, so the examples are the API's own. */
const PROBLEM_INSTANCES: Record<Exclude<ProblemName, 'internal'>, HttpError> = {
  validation: new ValidationError([{ pointer: '/title', detail: 'Skal være mindst 3 tegn' }]),
  'malformed-body': new MalformedBodyError({ da: 'Indholdet er ikke gyldig JSON.', en: 'The body is not valid JSON.' }),
  'invalid-cursor': new InvalidCursorError(),
  unauthorized: new UnauthorizedError(),
  forbidden: new ForbiddenError({ da: 'Din rolle giver ikke adgang til dette.', en: 'Your role does not give access to this.' }),
  'not-found': new NotFoundError({ da: 'Der er ingen idé med det id, som du har adgang til.', en: 'There is no idea with that id that you have access to.' }),
  'method-not-allowed': new MethodNotAllowedError('DELETE', ['GET']),
  'invalid-transition': new InvalidTransitionError('accepted', [], da('Idéen er valgt til afprøvning og kan ikke trækkes tilbage.')),
  'invalid-gate-decision': new InvalidGateDecisionError('sprint', ['go', 'hold', 'stop'], da('I sprintfasen kan piloten kun gå videre, vente eller stoppe.')),
  'checklist-incomplete': new ChecklistIncompleteError([{ id: 'gdpr-dpia-screening', text: 'GDPR-/DPIA-screening er gennemført' }], da('Et påkrævet punkt på tjeklisten er ikke opfyldt.')),
  'hypothesis-missing': new HypothesisMissingError(da('Skriv pilotens hypotese, før den går i pilotfasen.')),
  'precondition-failed': new PreconditionFailedError(),
  'payload-too-large': new PayloadTooLargeError({ da: `Højst ${MAX_BODY_BYTES / 1024} KiB er tilladt.`, en: `At most ${MAX_BODY_BYTES / 1024} KiB is allowed.` }),
  'unsupported-media-type': new UnsupportedMediaTypeError(da('Send application/json.')),
  'idempotency-key-reused': new IdempotencyKeyReusedError(da('Denne Idempotency-Key er brugt til en anden idé.')),
  'personal-data': new PersonalDataError([{ pointer: '/text', kind: 'cpr', start: 21, end: 32 }]),
  'precondition-required': new PreconditionRequiredError(),
  'too-many-requests': new TooManyRequestsError(da('Du kan indsende 20 idéer i timen. Prøv igen om 30 minutter.'), 20, 1800),
};

function problemExample(name: ProblemName): JsonObject {
  const response = name === 'internal' ? internalErrorResponse('da', 'c0ffee00-1234-4abc-9def-0123456789ab') : problemResponse(PROBLEM_INSTANCES[name], 'da');
  return JSON.parse(response.body ?? '{}') as JsonObject;
}

const problemComponent = (name: ProblemName) => `${name.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}Problem`;

// --- Parameters and headers --------------------------------------------------------------------

/** Request headers that no request schema holds: each is read by shared/http (preconditions, language) or by the idea's access check. */
const HEADER_PARAMETERS = {
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: true,
    description:
      'The `ETag` last read (`"3"`), several, or `*`. Without it the change is refused (428), so two people editing at once never overwrite each other; a tag that is not current is 412; a value that is not a list of entity tags is 400 on `/if-match`.',
    schema: { type: 'string', minLength: 1 },
    example: '"3"',
  },
  FollowUpToken: {
    name: 'X-Follow-Up-Token',
    in: 'header',
    required: false,
    description: 'For an anonymous idea: the `followUpToken` its submission answered. Who holds it is the idea’s submitter.',
    schema: { type: 'string' },
  },
  AcceptLanguage: {
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description: 'Danish (`da`, the default) or English (`en`): the language of titles, details and messages. An idea’s own messages are in its language unless this names one.',
    schema: { type: 'string' },
    example: 'da',
  },
} as const;

/** How a request header in a zod schema is spelt in the document. */
const HEADER_NAMES: Record<string, string> = { 'idempotency-key': 'Idempotency-Key' };

const PARAMETER_DESCRIPTIONS: Record<string, string> = {
  cursor: 'Where the page starts: the `nextCursor` of the page before (or an idea’s `commentsCursor`). Sealed by the server; one it did not issue is 400 `invalid-cursor`. Without it, the first page.',
  limit: 'Items per page.',
  name: 'A problem type’s name: the last segment of its `type`.',
  'idempotency-key':
    'A key the client made before the first try (a UUID, say): a retry of the same request answers the same result with `Idempotent-Replayed: true`; the same key with another request is 422.',
};

const RESPONSE_HEADERS: Record<string, JsonObject> = {
  ETag: { description: 'The version of what was answered; send it as `If-Match` to change it.', schema: { type: 'string', pattern: '^"[0-9]+"$' }, example: '"3"' },
  Location: { description: 'Where the created resource is read.', schema: { type: 'string' } },
  'Idempotent-Replayed': { description: '`true` when the answer is a replay of an earlier request with the same `Idempotency-Key`.', schema: { type: 'string', const: 'true' } },
  'Content-Disposition': { description: 'A download, with its file name.', schema: { type: 'string' } },
  'Content-Security-Policy': { description: 'Nothing may load, run or frame the page.', schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds until the next hour’s limit starts.', schema: { type: 'string', pattern: '^[0-9]+$' } },
  'Content-Language': { description: 'The language of the problem’s title and detail.', schema: { type: 'string', enum: ['da', 'en'] } },
  'Cache-Control': { description: '`no-store` on every answer (they are personal and change with every decision); `public, max-age=300` on this document and the problem type pages.', schema: { type: 'string' } },
  'X-Content-Type-Options': { description: 'Always `nosniff`.', schema: { type: 'string', const: 'nosniff' } },
  'WWW-Authenticate': { description: '`Bearer`.', schema: { type: 'string' } },
};

/** A response header by reference: `Cache-Control` is `#/components/headers/CacheControl`, or `…Optional` where an answer may leave it out. */
const headerRef = (name: string, required = true) => ({ $ref: `#/components/headers/${headerComponent(name, required)}` });
const headerComponent = (name: string, required: boolean) => `${name.replaceAll('-', '')}${required ? '' : 'Optional'}`;

/** Every header component that `headerRef` can name. */
function headerComponents(): Record<string, JsonObject> {
  return Object.fromEntries(
    Object.entries(RESPONSE_HEADERS).flatMap(([name, header]) => [
      [headerComponent(name, true), { ...header, required: true }],
      [headerComponent(name, false), { ...header, required: false }],
    ]),
  );
}

// --- Schemas -----------------------------------------------------------------------------------

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * zod writes a `pattern` beside `format` for dates, moments and UUIDs (a long regular expression
 * that says what the format says); the format alone is kept, as validators check it.
 */
function withoutFormatPatterns({ jsonSchema }: { jsonSchema: JsonObject }): void {
  if (typeof jsonSchema['format'] === 'string' && ['date', 'date-time', 'uuid'].includes(jsonSchema['format'])) delete jsonSchema['pattern'];
}

/** JSON Schema of one zod schema (a parameter's), without the dialect line. */
function jsonSchemaOf(schema: Schema, io: 'input' | 'output'): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any', override: withoutFormatPatterns }) as JsonObject;
  return rest;
}

/** Every request body and answer schema as a component, converted in one pass per direction so shared parts stay `$ref`s. */
function componentSchemas(operations: readonly OperationDescription[]): Record<string, JsonObject> {
  const requests = z.registry<{ id: string }>();
  for (const operation of operations) if (operation.body !== undefined && !requests.has(operation.body.schema)) requests.add(operation.body.schema, { id: operation.body.name });
  const responses = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(answers)) if (schema instanceof z.core.$ZodType && !responses.has(schema)) responses.add(schema, { id: name });
  for (const { answer } of Object.values(DEV_ROUTES)) responses.add(answer.schema, { id: answer.name });
  for (const name of Object.keys(PROBLEMS) as ProblemName[]) responses.add(PROBLEMS[name], { id: problemComponent(name) });
  responses.add(GatewayMessage, { id: 'GatewayMessage' });
  const options = { target: 'draft-2020-12', unrepresentable: 'any', override: withoutFormatPatterns, uri: (id: string) => `#/components/schemas/${id}` } as const;
  const converted = { ...z.toJSONSchema(requests, { ...options, io: 'input' }).schemas, ...z.toJSONSchema(responses, { ...options, io: 'output' }).schemas };
  return Object.fromEntries(
    Object.entries(converted).map(([name, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as JsonObject;
      return [name, rest];
    }),
  );
}

/** What API Gateway's JWT authorizer answers in AWS when the token fails, before any function runs. */
const GatewayMessage = z.object({ message: z.string() });

// --- Operations --------------------------------------------------------------------------------

/** What an operation is made of besides its words: a route of ROUTES (named by its function), or a development route of the local runtime (by its name). */
interface Endpoint {
  method: RouteDescription['method'];
  path: string;
  operationId: FunctionName | DevRouteName;
  auth: RouteDescription['auth'];
  /** Served only by the local runtime: `x-spire-local-only`. */
  localOnly?: true;
}

function routeOperation(route: RouteDescription): [Endpoint, OperationDescription] {
  const operation = OPERATIONS[route.function];
  if (operation === undefined) throw new Error(`infra/openapi/document.ts has no contract for ${route.method} ${route.path} (${route.function})`);
  return [{ method: route.method, path: route.path, operationId: route.function, auth: route.auth }, operation];
}

/** A development route as an operation: public, read as the local runtime reads it (./dev-routes.ts), answering 200 with JSON. */
function devOperation(name: DevRouteName): [Endpoint, OperationDescription] {
  const { method, path, input, answer } = DEV_ROUTES[name];
  const { summary, description, answered } = DEV_OPERATIONS[name];
  return [
    { method, path, operationId: name, auth: 'none', localOnly: true },
    {
      tag: 'Development',
      summary,
      description,
      access: 'public',
      ...(input.in === 'body' ? { body: { schema: input.schema, name: input.name, formats: ['json'], anyContentType: true } } : { query: input.schema }),
      success: [{ status: 200, description: answered, schema: answer.name }],
    },
  ];
}

function parametersOf(location: 'path' | 'query' | 'header', schema: Schema | undefined): JsonObject[] {
  if (schema === undefined) return [];
  const json = jsonSchemaOf(schema, 'input');
  const required = new Set((json['required'] as string[] | undefined) ?? []);
  const properties = (json['properties'] ?? {}) as Record<string, JsonObject>;
  return Object.entries(properties).map(([name, property]) => ({
    name: location === 'header' ? (HEADER_NAMES[name] ?? name) : name,
    in: location,
    required: location === 'path' || required.has(name),
    ...(PARAMETER_DESCRIPTIONS[name] === undefined ? {} : { description: PARAMETER_DESCRIPTIONS[name] }),
    schema: property,
  }));
}

/** The problems a route can answer: those that follow from its parts, and its own. */
export function problemsOf(route: Endpoint, operation: OperationDescription): ProblemName[] {
  const problems = new Set<ProblemName>(['payload-too-large', 'internal']);
  if (route.auth === 'jwt') problems.add('unauthorized');
  if (operation.access !== 'public' && operation.access.roles.length < EVERYONE.length) problems.add('forbidden');
  if (operation.path !== undefined || operation.query !== undefined || operation.headers !== undefined || operation.body !== undefined) problems.add('validation');
  if (operation.body !== undefined && operation.body.anyContentType !== true) ['malformed-body', 'unsupported-media-type'].forEach((name) => problems.add(name as ProblemName));
  if (operation.ifMatch === true) ['validation', 'precondition-required', 'precondition-failed'].forEach((name) => problems.add(name as ProblemName));
  if (operation.query !== undefined && 'cursor' in jsonProperties(operation.query)) problems.add('invalid-cursor');
  for (const name of operation.problems ?? []) problems.add(name);
  return [...problems];
}

function jsonProperties(schema: Schema): Record<string, unknown> {
  return (jsonSchemaOf(schema, 'input')['properties'] ?? {}) as Record<string, unknown>;
}

const STANDARD_RESPONSE_HEADERS = { 'Cache-Control': headerRef('Cache-Control'), 'X-Content-Type-Options': headerRef('X-Content-Type-Options') };

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is not valid: a field, the body or the cursor.',
  401: 'No valid access token. In AWS, API Gateway’s JWT authorizer answers before any function runs, with `{"message": "Unauthorized"}` and none of the headers below.',
  403: 'The caller’s roles do not allow it.',
  404: 'Nothing with that id that the caller may see.',
  405: 'The path has no such method (the local runtime only; API Gateway answers 404).',
  409: 'Not possible in the current state; the problem says what is.',
  412: 'Somebody changed it since it was read: read it again.',
  413: 'The body is too large: 32 KiB for a function, 1 MiB for the local runtime’s gateway.',
  415: 'The body is not in a format the route reads.',
  422: 'Understood, but refused; the problem says why.',
  428: 'A change without `If-Match`.',
  429: 'The caller’s limit for the hour is used up.',
  500: 'Something went wrong on our side; the detail names the request id to quote.',
};

function problemResponses(problems: readonly ProblemName[], components: Map<string, JsonObject>): Record<string, JsonObject> {
  const byStatus = new Map<number, ProblemName[]>();
  for (const name of problems) {
    const status = PROBLEMS[name].shape.status.def.values[0] as number;
    byStatus.set(status, [...(byStatus.get(status) ?? []), name]);
  }
  const responses: Record<string, JsonObject> = {};
  for (const [status, names] of byStatus) {
    names.sort();
    const schema = names.length === 1 ? ref(problemComponent(names[0] as ProblemName)) : { oneOf: names.map((name) => ref(problemComponent(name))) };
    const examples = Object.fromEntries(names.map((name) => [name, { $ref: `#/components/examples/${problemComponent(name)}` }]));
    const content: JsonObject = { 'application/problem+json': { schema, examples } };
    if (status === 401) content['application/json'] = { schema: ref('GatewayMessage'), example: { message: 'Unauthorized' } };
    const headers: JsonObject =
      status === 401
        ? { 'WWW-Authenticate': headerRef('WWW-Authenticate', false), 'Content-Language': headerRef('Content-Language', false), 'Cache-Control': headerRef('Cache-Control', false), 'X-Content-Type-Options': headerRef('X-Content-Type-Options', false) }
        : { 'Content-Language': headerRef('Content-Language'), ...STANDARD_RESPONSE_HEADERS, ...(status === 429 ? { 'Retry-After': headerRef('Retry-After') } : {}) };
    const component = names.map((name) => problemComponent(name).replace(/Problem$/, '')).join('Or');
    components.set(component, { description: `${STATUS_TEXT[status] ?? 'A problem.'} Problem types: ${names.map((name) => `\`${PROBLEM_TYPE_PREFIX}${name}\``).join(', ')}.`, headers, content });
    responses[String(status)] = { $ref: `#/components/responses/${component}` };
  }
  return responses;
}

function successResponses(route: Endpoint, operation: OperationDescription): Record<string, JsonObject> {
  const responses: Record<string, JsonObject> = {};
  const example = ANSWER_EXAMPLES[route.operationId];
  if (example === undefined) throw new Error(`infra/openapi/examples.ts has no answer example for ${route.operationId}`);
  for (const answer of operation.success) {
    const headers: JsonObject = { ...STANDARD_RESPONSE_HEADERS };
    for (const name of answer.headers ?? []) headers[name] = headerRef(name);
    for (const name of answer.optionalHeaders ?? []) headers[name] = headerRef(name, false);
    const content =
      typeof answer.schema === 'string'
        ? { 'application/json': { schema: ref(answer.schema), example } }
        : answer.schema.text === 'text/csv' || answer.schema.text === 'text/html'
          ? { [answer.schema.text]: { schema: { type: 'string' }, example } }
          : { [answer.schema.text]: { schema: { type: 'object', properties: { openapi: { type: 'string' }, info: { type: 'object' }, paths: { type: 'object' } }, required: ['openapi', 'info', 'paths'] }, example } };
    responses[String(answer.status)] = { description: answer.description, headers, content };
  }
  return responses;
}

function rolesText(access: OperationDescription['access']): { text: string; roles: readonly string[] } {
  if (access === 'public') return { text: 'Public: no token.', roles: [] };
  const names = access.roles.join(', ');
  const text =
    access.owner === 'submitter'
      ? `Roles: any signed-in employee, but only the idea’s submitter (by identity or \`X-Follow-Up-Token\`); anybody else gets 404.`
      : access.owner === 'submitterOrTriage'
        ? `Roles: the idea’s submitter (any signed-in employee, by identity or \`X-Follow-Up-Token\`), triage and admin; anybody else gets 404.`
        : access.roles.length === EVERYONE.length
          ? 'Roles: any signed-in employee.'
          : `Roles: ${names}.`;
  return { text, roles: access.roles };
}

/**
 * One operation. Its problem answers go into `problemAnswers` as components, named by their
 * problems (e.g. `InvalidCursorOrValidation`): the same problems make the same answer.
 */
function operationOf(route: Endpoint, operation: OperationDescription, problemAnswers: Map<string, JsonObject>): JsonObject {
  const roles = rolesText(operation.access);
  const parameters = [
    ...parametersOf('path', operation.path),
    ...parametersOf('query', operation.query),
    ...parametersOf('header', operation.headers),
    ...(operation.ifMatch === true ? [{ $ref: '#/components/parameters/IfMatch' }] : []),
    ...(operation.followUpToken === true ? [{ $ref: '#/components/parameters/FollowUpToken' }] : []),
    { $ref: '#/components/parameters/AcceptLanguage' },
  ];
  const result: JsonObject = {
    operationId: route.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: `${operation.description}\n\n${roles.text}`,
    'x-spire-roles': roles.roles,
    parameters,
    responses: { ...successResponses(route, operation), ...problemResponses(problemsOf(route, operation), problemAnswers) },
  };
  if (route.auth === 'none') result['security'] = [];
  if (route.localOnly === true) result['x-spire-local-only'] = true;
  if (operation.body !== undefined) {
    const example = REQUEST_EXAMPLES[route.operationId];
    const named = NAMED_REQUEST_EXAMPLES[route.operationId];
    if (example === undefined && named === undefined) throw new Error(`infra/openapi/examples.ts has no request example for ${route.operationId}`);
    const content: JsonObject = {};
    if (operation.body.formats.includes('json')) content['application/json'] = { schema: ref(operation.body.name), ...(named === undefined ? { example } : { examples: named }) };
    if (operation.body.formats.includes('form')) content['application/x-www-form-urlencoded'] = { schema: ref(operation.body.name) };
    result['requestBody'] = {
      required: operation.body.optional !== true,
      description: operation.body.anyContentType === true
        ? 'JSON, whatever the `Content-Type` says.'
        : operation.body.formats.includes('form')
          ? `JSON, or an HTML form with the same fields as text. At most ${MAX_BODY_BYTES / 1024} KiB.`
          : `JSON. At most ${MAX_BODY_BYTES / 1024} KiB.`,
      content,
    };
  }
  return result;
}

/** The OpenAPI 3.1 document of every route in ROUTES and every development route in DEV_ROUTES. Throws when a route has no contract here. */
export function openApiDocument(version: string): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  const operations = [...ROUTES.map(routeOperation), ...(Object.keys(DEV_ROUTES) as DevRouteName[]).map(devOperation)];
  const problemAnswers = new Map<string, JsonObject>();
  for (const [endpoint, operation] of operations) (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operationOf(endpoint, operation, problemAnswers);
  return withoutUnusedComponents({
    openapi: '3.1.1',
    info: {
      title: 'Spire API',
      version,
      summary: 'The idea pipeline of a Danish municipality: ideas, triage, pilots and the pipeline.',
      description:
        'Generated from the code (`npm run openapi`; docs/api-contract.md): the route table, the request and answer schemas and the problem types. Every answer carries `Cache-Control` and `X-Content-Type-Options: nosniff`; every refusal is an RFC 9457 problem document whose `type` is `/api/problems/<name>`, a reference relative to the request’s URL that dereferences to a page about the problem (GET /problems/{name}), in Danish or English by `Accept-Language`. Every path here is under the server’s base path `/api`, on the same origin as the web pages. The operations tagged Development (`x-spire-local-only: true`) are served by the local runtime alone; in AWS they answer 404.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: API_BASE_PATH, description: 'The API under `/api` on the origin of the web pages: CloudFront in front of the API Gateway stage `api` in AWS, or `npm start` on a laptop (http://localhost:3000/api).' }],
    security: [{ bearer: [] }],
    tags: (Object.keys(TAGS) as Tag[]).map((name) => ({ name, description: TAGS[name] })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'An access token from the municipality’s identity provider (Entra ID), verified by API Gateway’s JWT authorizer; its roles claim gives triage, director and admin. Locally, POST /dev/token issues one.',
        },
      },
      parameters: HEADER_PARAMETERS,
      responses: Object.fromEntries(problemAnswers),
      headers: headerComponents(),
      examples: Object.fromEntries((Object.keys(PROBLEMS) as ProblemName[]).map((name) => [problemComponent(name), { summary: `${PROBLEM_TYPE_PREFIX}${name}`, value: problemExample(name) }])),
      schemas: componentSchemas(operations.map(([, operation]) => operation)),
    },
  });
}

/**
 * The document without the components nothing refers to (the 405 problem, which no operation
 * answers: only the local runtime does, for a method a path lacks; a header no answer sets).
 * Repeated until nothing changes, as a removed component may have been the last to use another.
 */
function withoutUnusedComponents(document: JsonObject): JsonObject {
  const components = document['components'] as Record<string, Record<string, unknown>>;
  for (;;) {
    const text = JSON.stringify(document);
    let removed = false;
    for (const [kind, entries] of Object.entries(components)) {
      if (kind === 'securitySchemes') continue;
      for (const name of Object.keys(entries)) {
        if (!text.includes(`"#/components/${kind}/${name}"`)) {
          delete entries[name];
          removed = true;
        }
      }
    }
    if (!removed) return document;
  }
}

/** `value` with every object's keys sorted, so the written document is stable. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted((value as JsonObject)[key])]),
  );
}

/** The document as docs/openapi.json holds it: sorted keys, two spaces, a final newline. */
export function openApiText(version: string): string {
  return `${JSON.stringify(sorted(openApiDocument(version)), null, 2)}\n`;
}

/** Where the generated document is kept, relative to the repository root. */
export const OPENAPI_FILE = 'docs/openapi.json';

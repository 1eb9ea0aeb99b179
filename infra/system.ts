/**
 * The one description of the system: its table, queues, functions, routes and schedules.
 * The CDK stack (infra/stack.ts) and the local runtime (infra/local/runtime.ts) are both built
 * from it, so what runs on a laptop is what is deployed. A new route or consumer is added here.
 */
import { ENV } from '../shared/config.ts';
import { USAGE_PREFIX } from '../shared/store/entities.ts';
import { TABLE } from '../shared/store/table.ts';

/** The table's global secondary indexes, by the name the code knows them by (TABLE.indexes). */
export type IndexKey = keyof typeof TABLE.indexes;

/**
 * What a function may do with the table. `read` is GetItem, BatchGetItem and Query on the base
 * table; `readWrite` adds PutItem, UpdateItem, DeleteItem and ConditionCheckItem (a transaction
 * needs the permissions of the actions inside it). Scan only where `scan` says so (one function).
 */
export interface TableGrant {
  access: 'read' | 'readWrite';
  /** The indexes the function queries; each becomes a Query grant on `<table>/index/<name>`, and no other index is reachable. */
  queries?: readonly IndexKey[];
  /** Writes items in batches (BatchWriteItem), as the similarity index does. */
  batchWrite?: true;
  /**
   * Counts per-person limits (shared/store/usage-limits.ts). A function whose access is `read`
   * gets UpdateItem only on items whose partition key starts with `USAGE#`: in AWS an IAM
   * condition on `dynamodb:LeadingKeys`, on a laptop the same check (infra/local/grants.ts). So
   * counting never makes a reader able to write anything else. With `readWrite` it adds nothing.
   */
  countsUsage?: true;
  /**
   * Reads the whole table (Scan): only the erasure worker, which must find a person wherever
   * they are named (shared/store/personal-data.ts). Every other read is a GetItem or a Query.
   */
  scan?: true;
}

export interface QueueDescription {
  /** How long a received message stays hidden; at least six times its consumer's timeout (AWS advice). */
  visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the dead-letter queue. */
  maxReceiveCount: number;
  retentionDays: number;
  deadLetterRetentionDays: number;
  /** The environment variable that hands the queue's URL to the functions that send to it. */
  urlVariable: string;
}

export type QueueName = 'intake' | 'rescore' | 'notify' | 'mailEvents' | 'erasure';

/**
 * Deployment settings a function reads from its environment. The stack takes them from CDK
 * context (infra/stack.ts), the local runtime from its own defaults (infra/local/runtime.ts).
 */
export const SETTINGS = {
  mailSender: ENV.mailSender,
  mailConfigurationSet: ENV.mailConfigurationSet,
  triageTeamEmail: ENV.triageTeamEmail,
  triageServiceLevelDays: ENV.triageServiceLevelDays,
  submitLimitPerHour: ENV.submitLimitPerHour,
  supportLimitPerHour: ENV.supportLimitPerHour,
  similarLimitPerHour: ENV.similarLimitPerHour,
  retentionDays: ENV.retentionDays,
} as const;
export type SettingName = keyof typeof SETTINGS;

export interface FunctionDescription {
  /** Source file, relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  /** What the function may do with the table; absent when it does not touch it. */
  table?: TableGrant;
  /** Queues the function sends to. */
  sendsTo?: readonly QueueName[];
  /**
   * The queue whose messages invoke the function, in batches with partial failure reporting.
   * `maxConcurrency` caps the invocations the event source runs at once (2 to 1000), so a flood
   * of messages cannot take the concurrency the API's functions need.
   */
  consumes?: { queue: QueueName; batchSize: number; maxBatchingWindowSeconds: number; maxConcurrency: number };
  /**
   * Concurrency set aside for the function, and its ceiling: for work that is heavy per call
   * (a whole-pipeline export), so that a burst of it cannot starve the rest. AWS requires at
   * least 100 unreserved executions left in the account, so reservations stay small.
   */
  reservedConcurrency?: number;
  /** Invoked on a fixed rate. */
  schedule?: { everyMinutes: number };
  /** Sends e-mail (SES in AWS): gets the mail settings and the permission to send from the sender identity with the configuration set. */
  sendsMail?: boolean;
  /** Other deployment settings the function reads. */
  settings?: readonly SettingName[];
  /**
   * Reads the deployment secret (shared/secret.ts: cursor signatures, supporter hashes,
   * idempotency keys, follow-up tokens): gets its ARN and secretsmanager:GetSecretValue on it.
   */
  secret?: true;
}

export type FunctionName =
  | 'submitIdea'
  | 'getIdea'
  | 'listComments'
  | 'listMyIdeas'
  | 'health'
  | 'getOpenApi'
  | 'getProblemType'
  | 'intakeWorker'
  | 'sweeper'
  | 'getStrategy'
  | 'getStrategyVersion'
  | 'listStrategyVersions'
  | 'putStrategy'
  | 'putScorecard'
  | 'startRescore'
  | 'getRescoreProgress'
  | 'rescoreWorker'
  | 'findSimilar'
  | 'getInbox'
  | 'getConsoleIdea'
  | 'postDecision'
  | 'putAssignee'
  | 'postComment'
  | 'postAnswer'
  | 'supportIdea'
  | 'withdrawIdea'
  | 'notifyWorker'
  | 'revisitParked'
  | 'triageDigest'
  | 'getPilot'
  | 'patchPilot'
  | 'postGate'
  | 'getGates'
  | 'putGates'
  | 'getPipelineSummary'
  | 'listPipelinePilots'
  | 'exportPipeline'
  | 'searchLearnings'
  | 'mailFeedback'
  | 'exportMyData'
  | 'requestErasure'
  | 'getErasure'
  | 'erasureWorker'
  | 'retention';

export interface RouteDescription {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path template, e.g. `/ideas/{id}`. */
  path: string;
  function: FunctionName;
  /** `jwt`: the caller must present a valid access token; `none`: public. */
  auth: 'jwt' | 'none';
}

export const QUEUES: Record<QueueName, QueueDescription> = {
  intake: {
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    retentionDays: 14,
    deadLetterRetentionDays: 14,
    urlVariable: ENV.intakeQueueUrl,
  },
  rescore: {
    visibilityTimeoutSeconds: 360,
    maxReceiveCount: 5,
    retentionDays: 4,
    deadLetterRetentionDays: 14,
    urlVariable: ENV.rescoreQueueUrl,
  },
  notify: {
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    retentionDays: 14,
    deadLetterRetentionDays: 14,
    urlVariable: ENV.notifyQueueUrl,
  },
  /**
   * SES bounce and complaint events: the configuration set publishes them to an SNS topic, which
   * delivers them here (infra/constructs/mail.ts); locally a test sends them in the same shape.
   */
  mailEvents: {
    visibilityTimeoutSeconds: 180,
    maxReceiveCount: 5,
    retentionDays: 14,
    deadLetterRetentionDays: 14,
    urlVariable: ENV.mailEventsQueueUrl,
  },
  /** Erasures (`POST /me/erase`), one person per message; the worker reads the whole table, so it has a long timeout. */
  erasure: {
    visibilityTimeoutSeconds: 5400,
    maxReceiveCount: 3,
    retentionDays: 14,
    deadLetterRetentionDays: 14,
    urlVariable: ENV.erasureQueueUrl,
  },
};

export const FUNCTIONS: Record<FunctionName, FunctionDescription> = {
  submitIdea: {
    entry: 'functions/submit-idea.ts',
    description: 'POST /ideas: store a submitted idea and queue it for triage',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'readWrite', countsUsage: true },
    sendsTo: ['intake'],
    settings: ['submitLimitPerHour'],
    // Idempotency keys are kept as HMACs, and an anonymous retry's follow-up token is made again from one; submits are counted per person under an HMAC.
    secret: true,
  },
  getIdea: {
    entry: 'functions/get-idea.ts',
    description: 'GET /ideas/{id}: an idea with its status and history',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'read' },
    // Signed cursors (its first page of comments).
    secret: true,
  },
  listComments: {
    entry: 'functions/list-comments.ts',
    description: "GET /ideas/{id}/comments: one page of an idea's comments, for its submitter and triage",
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'read' },
    // Signed cursors.
    secret: true,
  },
  listMyIdeas: {
    entry: 'functions/list-my-ideas.ts',
    description: "GET /ideas/mine: the caller's own ideas",
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'read', queries: ['bySubmitter'] },
    // Signed cursors.
    secret: true,
  },
  health: {
    entry: 'functions/health.ts',
    description: 'GET /health',
    timeoutSeconds: 3,
    memoryMb: 256,
  },
  getOpenApi: {
    entry: 'functions/get-openapi.ts',
    description: 'GET /openapi.json: the API contract (OpenAPI 3.1), generated into docs/openapi.json',
    timeoutSeconds: 3,
    memoryMb: 256,
  },
  getProblemType: {
    entry: 'functions/get-problem-type.ts',
    description: 'GET /problems/{name}: the page a problem type dereferences to (RFC 9457)',
    timeoutSeconds: 3,
    memoryMb: 256,
  },
  intakeWorker: {
    entry: 'functions/intake-worker.ts',
    description: 'Intake queue consumer: friction estimate, submitted → in_triage',
    timeoutSeconds: 30,
    memoryMb: 512,
    table: { access: 'readWrite', batchWrite: true },
    sendsTo: ['notify'],
    consumes: { queue: 'intake', batchSize: 10, maxBatchingWindowSeconds: 1, maxConcurrency: 5 },
  },
  findSimilar: {
    entry: 'functions/find-similar.ts',
    description: 'GET /ideas/similar: existing ideas like a text about to be submitted',
    timeoutSeconds: 10,
    memoryMb: 512,
    // Reads only; counts each person's lookups, on USAGE# keys only.
    table: { access: 'read', countsUsage: true },
    settings: ['similarLimitPerHour'],
    // Lookups are counted per person under an HMAC of their subject.
    secret: true,
  },
  getStrategy: {
    entry: 'functions/get-strategy.ts',
    description: 'GET /console/strategy: the current strategy',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'read' },
  },
  getStrategyVersion: {
    entry: 'functions/get-strategy-version.ts',
    description: 'GET /console/strategy/versions/{n}: one version of the strategy',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'read' },
  },
  listStrategyVersions: {
    entry: 'functions/list-strategy-versions.ts',
    description: 'GET /console/strategy/versions: every version of the strategy, newest first, summed up',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'read' },
    // Signed cursors.
    secret: true,
  },
  putStrategy: {
    entry: 'functions/put-strategy.ts',
    description: 'PUT /console/strategy: an admin stores a new version of the strategy',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'readWrite' },
  },
  putScorecard: {
    entry: 'functions/put-scorecard.ts',
    description: 'PUT /console/ideas/{id}/scorecard: triage scores an idea; answers its priority explained',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'readWrite' },
  },
  startRescore: {
    entry: 'functions/start-rescore.ts',
    description: 'POST /console/strategy/rescore: queue the ids of the undecided ideas for re-scoring, 25 to a message',
    timeoutSeconds: 29,
    memoryMb: 512,
    table: { access: 'readWrite', queries: ['byStatus'] },
    sendsTo: ['rescore'],
  },
  getRescoreProgress: {
    entry: 'functions/get-rescore-progress.ts',
    description: "GET /console/strategy/rescore/{jobId}: a re-scoring job's progress",
    timeoutSeconds: 10,
    memoryMb: 256,
    // Reads the job's one item.
    table: { access: 'read' },
  },
  rescoreWorker: {
    entry: 'functions/rescore-worker.ts',
    description: 'Rescore queue consumer: re-aligns the ideas of one message with the current strategy; sends nothing',
    timeoutSeconds: 60,
    memoryMb: 512,
    table: { access: 'readWrite' },
    consumes: { queue: 'rescore', batchSize: 1, maxBatchingWindowSeconds: 0, maxConcurrency: 2 },
  },
  sweeper: {
    entry: 'functions/sweeper.ts',
    description: 'Scheduled: re-queues ideas stuck in submitted and notifications never sent; finishes merges',
    timeoutSeconds: 60,
    memoryMb: 256,
    table: { access: 'readWrite', queries: ['byStatus'] },
    sendsTo: ['intake', 'notify'],
    schedule: { everyMinutes: 5 },
    // Finishing a merge carries the merged idea's submitter over as a supporter hash.
    secret: true,
  },
  getInbox: {
    entry: 'functions/get-inbox.ts',
    description: 'GET /console/inbox: one page of a triage inbox list',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'read' },
    settings: ['triageServiceLevelDays'],
    // Signed cursors.
    secret: true,
  },
  getConsoleIdea: {
    entry: 'functions/get-console-idea.ts',
    description: 'GET /console/ideas/{id}: the whole idea for triage',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'read' },
    settings: ['triageServiceLevelDays'],
    // Signed cursors (its first page of comments).
    secret: true,
  },
  postDecision: {
    entry: 'functions/post-decision.ts',
    description: 'POST /console/ideas/{id}/decisions: triage decides on an idea',
    timeoutSeconds: 20,
    memoryMb: 512,
    table: { access: 'readWrite' },
    sendsTo: ['notify'],
    // A merge carries the merged idea's submitter over as a supporter hash.
    secret: true,
  },
  putAssignee: {
    entry: 'functions/put-assignee.ts',
    description: 'PUT /console/ideas/{id}/assignee: give an idea to a member of the team',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'readWrite' },
  },
  postComment: {
    entry: 'functions/post-comment.ts',
    description: 'POST /console/ideas/{id}/comments: an internal comment or one to the submitter',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'readWrite' },
    sendsTo: ['notify'],
  },
  postAnswer: {
    entry: 'functions/post-answer.ts',
    description: "POST /ideas/{id}/answers: the submitter answers triage's question",
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'readWrite' },
    sendsTo: ['notify'],
  },
  supportIdea: {
    entry: 'functions/support-idea.ts',
    description: 'POST /ideas/{id}/support: an employee supports an idea, once',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'readWrite', countsUsage: true },
    settings: ['supportLimitPerHour'],
    // Supporter hashes; supports are counted per person under an HMAC.
    secret: true,
  },
  withdrawIdea: {
    entry: 'functions/withdraw-idea.ts',
    description: 'POST /ideas/{id}/withdraw: the submitter withdraws their idea',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'readWrite' },
    sendsTo: ['notify'],
  },
  notifyWorker: {
    entry: 'functions/notify-worker.ts',
    description: 'Notify queue consumer: e-mails a stored notification, once',
    timeoutSeconds: 30,
    memoryMb: 256,
    table: { access: 'readWrite' },
    consumes: { queue: 'notify', batchSize: 10, maxBatchingWindowSeconds: 1, maxConcurrency: 2 },
    sendsMail: true,
  },
  revisitParked: {
    entry: 'functions/revisit-parked.ts',
    description: 'Scheduled: parked ideas whose revisit day has come go back to in_triage',
    timeoutSeconds: 60,
    memoryMb: 256,
    table: { access: 'readWrite' },
    sendsTo: ['notify'],
    schedule: { everyMinutes: 60 },
  },
  triageDigest: {
    entry: 'functions/triage-digest.ts',
    description: 'Scheduled daily: e-mails the team the ideas overdue in triage',
    timeoutSeconds: 60,
    memoryMb: 256,
    table: { access: 'readWrite', queries: ['byStatus'] },
    sendsTo: ['notify'],
    schedule: { everyMinutes: 1440 },
    settings: ['triageTeamEmail', 'triageServiceLevelDays'],
  },
  getPilot: {
    entry: 'functions/get-pilot.ts',
    description: 'GET /console/pilots/{id}: a pilot with its history, gate decisions and next gate',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'read' },
  },
  patchPilot: {
    entry: 'functions/patch-pilot.ts',
    description: 'PATCH /console/pilots/{id}: triage edits owner, hypothesis, results, artefacts, learnings',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'readWrite' },
  },
  postGate: {
    entry: 'functions/post-gate.ts',
    description: 'POST /console/pilots/{id}/gates: go, hold, recycle or stop at the pilot’s gate',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'readWrite' },
  },
  getGates: {
    entry: 'functions/get-gates.ts',
    description: 'GET /console/gates: the gate checklists and stage limits',
    timeoutSeconds: 10,
    memoryMb: 256,
    table: { access: 'read' },
  },
  putGates: {
    entry: 'functions/put-gates.ts',
    description: 'PUT /console/gates: an admin replaces the gate checklists and stage limits',
    timeoutSeconds: 10,
    memoryMb: 256,
    table: { access: 'readWrite' },
  },
  getPipelineSummary: {
    entry: 'functions/get-pipeline-summary.ts',
    description: 'GET /pipeline/summary: the directors’ view from the maintained counters',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'read', queries: ['byStatus'] },
  },
  listPipelinePilots: {
    entry: 'functions/list-pipeline-pilots.ts',
    description: 'GET /pipeline/pilots: one page of pilots by stage, theme, department or owner',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'read' },
    // Signed cursors.
    secret: true,
  },
  exportPipeline: {
    entry: 'functions/export-pipeline.ts',
    description: 'GET /pipeline/export.csv: every pilot as CSV for Danish Excel',
    // Below API Gateway's 30 s integration limit, so a slow export ends as the function's own error, logged.
    timeoutSeconds: 25,
    memoryMb: 512,
    table: { access: 'read' },
    reservedConcurrency: 2,
  },
  searchLearnings: {
    entry: 'functions/search-learnings.ts',
    description: 'GET /pipeline/learnings: search what stopped and realised pilots learned',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: { access: 'read' },
  },
  mailFeedback: {
    entry: 'functions/mail-feedback.ts',
    description: 'Mail events consumer: a permanent bounce or a complaint marks the address undeliverable',
    timeoutSeconds: 30,
    memoryMb: 256,
    // Writes one suppression item per address (PutItem); reads nothing else.
    table: { access: 'readWrite' },
    consumes: { queue: 'mailEvents', batchSize: 10, maxBatchingWindowSeconds: 1, maxConcurrency: 2 },
  },
  exportMyData: {
    entry: 'functions/export-my-data.ts',
    description: 'GET /me/export: everything held about the caller, as JSON (GDPR access)',
    timeoutSeconds: 29,
    memoryMb: 512,
    table: { access: 'read', queries: ['bySubmitter'] },
    // Finds the caller's support by their supporter hash.
    secret: true,
  },
  requestErasure: {
    entry: 'functions/request-erasure.ts',
    description: 'POST /me/erase: records and queues the erasure of the caller (GDPR erasure)',
    timeoutSeconds: 10,
    memoryMb: 256,
    table: { access: 'readWrite' },
    sendsTo: ['erasure'],
    // The audit record keeps an HMAC of who asked, so only they can read its progress.
    secret: true,
  },
  getErasure: {
    entry: 'functions/get-erasure.ts',
    description: "GET /me/erasures/{id}: an erasure's progress, for the person who asked for it",
    timeoutSeconds: 10,
    memoryMb: 256,
    table: { access: 'read' },
    secret: true,
  },
  erasureWorker: {
    entry: 'functions/erasure-worker.ts',
    description: 'Erasure queue consumer: pseudonymises one person everywhere in the table',
    timeoutSeconds: 900,
    memoryMb: 1024,
    table: { access: 'readWrite', scan: true },
    consumes: { queue: 'erasure', batchSize: 1, maxBatchingWindowSeconds: 0, maxConcurrency: 2 },
    // The person's supporter and usage hashes, to find the items kept under them.
    secret: true,
  },
  retention: {
    entry: 'functions/retention.ts',
    description: 'Scheduled daily: removes personal data from ideas that ended without a pilot over the retention period ago',
    timeoutSeconds: 300,
    memoryMb: 512,
    table: { access: 'readWrite', queries: ['byStatus'] },
    schedule: { everyMinutes: 1440 },
    settings: ['retentionDays'],
  },
};

export const ROUTES: readonly RouteDescription[] = [
  { method: 'GET', path: '/health', function: 'health', auth: 'none' },
  { method: 'GET', path: '/openapi.json', function: 'getOpenApi', auth: 'none' },
  { method: 'GET', path: '/problems/{name}', function: 'getProblemType', auth: 'none' },
  { method: 'POST', path: '/ideas', function: 'submitIdea', auth: 'jwt' },
  { method: 'GET', path: '/ideas/mine', function: 'listMyIdeas', auth: 'jwt' },
  { method: 'GET', path: '/ideas/similar', function: 'findSimilar', auth: 'jwt' },
  { method: 'GET', path: '/ideas/{id}', function: 'getIdea', auth: 'jwt' },
  { method: 'GET', path: '/ideas/{id}/comments', function: 'listComments', auth: 'jwt' },
  { method: 'GET', path: '/console/strategy', function: 'getStrategy', auth: 'jwt' },
  { method: 'PUT', path: '/console/strategy', function: 'putStrategy', auth: 'jwt' },
  { method: 'GET', path: '/console/strategy/versions', function: 'listStrategyVersions', auth: 'jwt' },
  { method: 'GET', path: '/console/strategy/versions/{n}', function: 'getStrategyVersion', auth: 'jwt' },
  { method: 'PUT', path: '/console/ideas/{id}/scorecard', function: 'putScorecard', auth: 'jwt' },
  { method: 'POST', path: '/console/strategy/rescore', function: 'startRescore', auth: 'jwt' },
  { method: 'GET', path: '/console/strategy/rescore/{jobId}', function: 'getRescoreProgress', auth: 'jwt' },
  { method: 'GET', path: '/console/inbox', function: 'getInbox', auth: 'jwt' },
  { method: 'GET', path: '/console/ideas/{id}', function: 'getConsoleIdea', auth: 'jwt' },
  { method: 'POST', path: '/console/ideas/{id}/decisions', function: 'postDecision', auth: 'jwt' },
  { method: 'PUT', path: '/console/ideas/{id}/assignee', function: 'putAssignee', auth: 'jwt' },
  { method: 'POST', path: '/console/ideas/{id}/comments', function: 'postComment', auth: 'jwt' },
  { method: 'POST', path: '/ideas/{id}/answers', function: 'postAnswer', auth: 'jwt' },
  { method: 'POST', path: '/ideas/{id}/support', function: 'supportIdea', auth: 'jwt' },
  { method: 'POST', path: '/ideas/{id}/withdraw', function: 'withdrawIdea', auth: 'jwt' },
  { method: 'GET', path: '/console/pilots/{id}', function: 'getPilot', auth: 'jwt' },
  { method: 'PATCH', path: '/console/pilots/{id}', function: 'patchPilot', auth: 'jwt' },
  { method: 'POST', path: '/console/pilots/{id}/gates', function: 'postGate', auth: 'jwt' },
  { method: 'GET', path: '/console/gates', function: 'getGates', auth: 'jwt' },
  { method: 'PUT', path: '/console/gates', function: 'putGates', auth: 'jwt' },
  { method: 'GET', path: '/pipeline/summary', function: 'getPipelineSummary', auth: 'jwt' },
  { method: 'GET', path: '/pipeline/pilots', function: 'listPipelinePilots', auth: 'jwt' },
  { method: 'GET', path: '/pipeline/export.csv', function: 'exportPipeline', auth: 'jwt' },
  { method: 'GET', path: '/pipeline/learnings', function: 'searchLearnings', auth: 'jwt' },
  { method: 'GET', path: '/me/export', function: 'exportMyData', auth: 'jwt' },
  { method: 'POST', path: '/me/erase', function: 'requestErasure', auth: 'jwt' },
  { method: 'GET', path: '/me/erasures/{id}', function: 'getErasure', auth: 'jwt' },
];

export const SYSTEM = { table: TABLE, queues: QUEUES, functions: FUNCTIONS, routes: ROUTES } as const;

/** The resources a grant can name; the CDK stack turns each into an ARN, the local runtime into a name it can match. */
export type GrantResource =
  | { kind: 'table' }
  | { kind: 'index'; index: IndexKey }
  | { kind: 'queue'; queue: QueueName }
  /** The verified SES identities of the sender: its address and its domain. */
  | { kind: 'mailIdentity' }
  /** The SES configuration set the e-mails are sent with: SendEmail with a configuration set is authorised on it too. */
  | { kind: 'mailConfigurationSet' }
  /** The deployment secret (Secrets Manager). */
  | { kind: 'secret' };

/** Actions (IAM names, e.g. `dynamodb:PutItem`) allowed on one resource. */
export interface Grant {
  actions: readonly string[];
  resource: GrantResource;
  /**
   * Only on items whose partition key starts with one of these: IAM's `dynamodb:LeadingKeys`
   * condition (ForAllValues:StringLike, `<prefix>*`) in AWS, the same check on a laptop.
   */
  leadingKeyPrefixes?: readonly string[];
}

const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  readWrite: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
} as const;

/**
 * Every AWS call a function may make, from its description: the CDK stack makes its IAM policy
 * of exactly these (infra/stack.ts), and the local runtime refuses any call outside them
 * (infra/local/grants.ts), so a missing grant fails on a laptop before it fails in AWS.
 * Consuming a queue is not here: the Lambda service receives and deletes for the function.
 */
export function grantsOf(fn: FunctionDescription): Grant[] {
  const grants: Grant[] = [];
  if (fn.table !== undefined) {
    const actions: string[] = [...TABLE_ACTIONS[fn.table.access]];
    if (fn.table.batchWrite === true) actions.push('dynamodb:BatchWriteItem');
    if (fn.table.scan === true) actions.push('dynamodb:Scan');
    grants.push({ actions, resource: { kind: 'table' } });
    // A reader that counts per-person limits may update the counts and nothing else; a writer may already.
    if (fn.table.countsUsage === true && fn.table.access === 'read') grants.push({ actions: ['dynamodb:UpdateItem'], resource: { kind: 'table' }, leadingKeyPrefixes: [USAGE_PREFIX] });
    for (const index of fn.table.queries ?? []) grants.push({ actions: ['dynamodb:Query'], resource: { kind: 'index', index } });
  }
  for (const queue of fn.sendsTo ?? []) grants.push({ actions: ['sqs:SendMessage'], resource: { kind: 'queue', queue } });
  if (fn.sendsMail === true) {
    grants.push({ actions: ['ses:SendEmail'], resource: { kind: 'mailIdentity' } }, { actions: ['ses:SendEmail'], resource: { kind: 'mailConfigurationSet' } });
  }
  if (fn.secret === true) grants.push({ actions: ['secretsmanager:GetSecretValue'], resource: { kind: 'secret' } });
  return grants;
}

/** The physical names of the resources a function is wired to. */
export interface ResourceNames {
  tableName: string;
  queueUrls: Record<QueueName, string>;
  /** The deployment's settings, by name. */
  settings: Record<SettingName, string>;
  /** The ARN of the deployment secret. */
  secretArn: string;
}

/** The environment a function runs with: only the resources it is wired to. */
export function functionEnvironment(fn: FunctionDescription, resources: ResourceNames): Record<string, string> {
  const environment: Record<string, string> = {};
  if (fn.table !== undefined) environment[ENV.tableName] = resources.tableName;
  for (const queue of fn.sendsTo ?? []) environment[QUEUES[queue].urlVariable] = resources.queueUrls[queue];
  const settings: SettingName[] = [...(fn.sendsMail === true ? (['mailSender', 'mailConfigurationSet'] as const) : []), ...(fn.settings ?? [])];
  for (const setting of settings) environment[SETTINGS[setting]] = resources.settings[setting];
  if (fn.secret === true) environment[ENV.secretArn] = resources.secretArn;
  return environment;
}

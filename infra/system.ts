/**
 * The one description of the system: its table, queues, functions, routes and schedules.
 * The CDK stack (infra/stack.ts) and the local runtime (infra/local/runtime.ts) are both built
 * from it, so what runs on a laptop is what is deployed. A new route or consumer is added here.
 */
import { ENV } from '../shared/config.ts';
import { TABLE } from '../shared/store/table.ts';

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

export type QueueName = 'intake' | 'rescore' | 'notify';

/**
 * Deployment settings a function reads from its environment. The stack takes them from CDK
 * context (infra/stack.ts), the local runtime from its own defaults (infra/local/runtime.ts).
 */
export const SETTINGS = {
  mailTransport: ENV.mailTransport,
  mailSender: ENV.mailSender,
  triageTeamEmail: ENV.triageTeamEmail,
  triageServiceLevelDays: ENV.triageServiceLevelDays,
} as const;
export type SettingName = keyof typeof SETTINGS;

export interface FunctionDescription {
  /** Source file, relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  timeoutSeconds: number;
  memoryMb: number;
  /** What the function may do with the table; absent when it does not touch it. */
  table?: 'read' | 'readWrite';
  /** Queues the function sends to. */
  sendsTo?: readonly QueueName[];
  /** The queue whose messages invoke the function, in batches with partial failure reporting. */
  consumes?: { queue: QueueName; batchSize: number; maxBatchingWindowSeconds: number };
  /** Invoked on a fixed rate. */
  schedule?: { everyMinutes: number };
  /** Sends e-mail (SES in AWS): gets the mail settings and the permission to send from the sender identity. */
  sendsMail?: boolean;
  /** Other deployment settings the function reads. */
  settings?: readonly SettingName[];
}

export type FunctionName =
  | 'submitIdea'
  | 'getIdea'
  | 'listMyIdeas'
  | 'health'
  | 'intakeWorker'
  | 'sweeper'
  | 'getStrategy'
  | 'getStrategyVersion'
  | 'putStrategy'
  | 'putScorecard'
  | 'startRescore'
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
  | 'searchLearnings';

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
};

export const FUNCTIONS: Record<FunctionName, FunctionDescription> = {
  submitIdea: {
    entry: 'functions/submit-idea.ts',
    description: 'POST /ideas: store a submitted idea and queue it for triage',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
    sendsTo: ['intake'],
  },
  getIdea: {
    entry: 'functions/get-idea.ts',
    description: 'GET /ideas/{id}: an idea with its status and history',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'read',
  },
  listMyIdeas: {
    entry: 'functions/list-my-ideas.ts',
    description: "GET /ideas/mine: the caller's own ideas",
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'read',
  },
  health: {
    entry: 'functions/health.ts',
    description: 'GET /health',
    timeoutSeconds: 3,
    memoryMb: 256,
  },
  intakeWorker: {
    entry: 'functions/intake-worker.ts',
    description: 'Intake queue consumer: friction estimate, submitted → in_triage',
    timeoutSeconds: 30,
    memoryMb: 512,
    table: 'readWrite',
    sendsTo: ['notify'],
    consumes: { queue: 'intake', batchSize: 10, maxBatchingWindowSeconds: 1 },
  },
  findSimilar: {
    entry: 'functions/find-similar.ts',
    description: 'GET /ideas/similar: existing ideas like a text about to be submitted',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'read',
  },
  getStrategy: {
    entry: 'functions/get-strategy.ts',
    description: 'GET /console/strategy: the current strategy',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
  },
  getStrategyVersion: {
    entry: 'functions/get-strategy-version.ts',
    description: 'GET /console/strategy/versions/{n}: one version of the strategy',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
  },
  putStrategy: {
    entry: 'functions/put-strategy.ts',
    description: 'PUT /console/strategy: an admin stores a new version of the strategy',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
  },
  putScorecard: {
    entry: 'functions/put-scorecard.ts',
    description: 'PUT /console/ideas/{id}/scorecard: triage scores an idea; answers its priority explained',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
  },
  startRescore: {
    entry: 'functions/start-rescore.ts',
    description: 'POST /console/strategy/rescore: queue re-scoring of undecided ideas',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
    sendsTo: ['rescore'],
  },
  rescoreWorker: {
    entry: 'functions/rescore-worker.ts',
    description: 'Rescore queue consumer: re-aligns one page of ideas with the current strategy',
    timeoutSeconds: 60,
    memoryMb: 512,
    table: 'readWrite',
    sendsTo: ['rescore'],
    consumes: { queue: 'rescore', batchSize: 1, maxBatchingWindowSeconds: 0 },
  },
  sweeper: {
    entry: 'functions/sweeper.ts',
    description: 'Scheduled: re-queues ideas stuck in submitted and notifications never sent; finishes merges',
    timeoutSeconds: 60,
    memoryMb: 256,
    table: 'readWrite',
    sendsTo: ['intake', 'notify'],
    schedule: { everyMinutes: 5 },
  },
  getInbox: {
    entry: 'functions/get-inbox.ts',
    description: 'GET /console/inbox: one page of a triage inbox list',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'read',
    settings: ['triageServiceLevelDays'],
  },
  getConsoleIdea: {
    entry: 'functions/get-console-idea.ts',
    description: 'GET /console/ideas/{id}: the whole idea for triage',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'read',
    settings: ['triageServiceLevelDays'],
  },
  postDecision: {
    entry: 'functions/post-decision.ts',
    description: 'POST /console/ideas/{id}/decisions: triage decides on an idea',
    timeoutSeconds: 20,
    memoryMb: 512,
    table: 'readWrite',
    sendsTo: ['notify'],
  },
  putAssignee: {
    entry: 'functions/put-assignee.ts',
    description: 'PUT /console/ideas/{id}/assignee: give an idea to a member of the team',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
  },
  postComment: {
    entry: 'functions/post-comment.ts',
    description: 'POST /console/ideas/{id}/comments: an internal comment or one to the submitter',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
    sendsTo: ['notify'],
  },
  postAnswer: {
    entry: 'functions/post-answer.ts',
    description: "POST /ideas/{id}/answers: the submitter answers triage's question",
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
    sendsTo: ['notify'],
  },
  supportIdea: {
    entry: 'functions/support-idea.ts',
    description: 'POST /ideas/{id}/support: an employee supports an idea, once',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
  },
  withdrawIdea: {
    entry: 'functions/withdraw-idea.ts',
    description: 'POST /ideas/{id}/withdraw: the submitter withdraws their idea',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
    sendsTo: ['notify'],
  },
  notifyWorker: {
    entry: 'functions/notify-worker.ts',
    description: 'Notify queue consumer: e-mails a stored notification, once',
    timeoutSeconds: 30,
    memoryMb: 256,
    table: 'readWrite',
    consumes: { queue: 'notify', batchSize: 10, maxBatchingWindowSeconds: 1 },
    sendsMail: true,
  },
  revisitParked: {
    entry: 'functions/revisit-parked.ts',
    description: 'Scheduled: parked ideas whose revisit day has come go back to in_triage',
    timeoutSeconds: 60,
    memoryMb: 256,
    table: 'readWrite',
    sendsTo: ['notify'],
    schedule: { everyMinutes: 60 },
  },
  triageDigest: {
    entry: 'functions/triage-digest.ts',
    description: 'Scheduled daily: e-mails the team the ideas overdue in triage',
    timeoutSeconds: 60,
    memoryMb: 256,
    table: 'readWrite',
    sendsTo: ['notify'],
    schedule: { everyMinutes: 1440 },
    settings: ['triageTeamEmail', 'triageServiceLevelDays'],
  },
  getPilot: {
    entry: 'functions/get-pilot.ts',
    description: 'GET /console/pilots/{id}: a pilot with its history, gate decisions and next gate',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'read',
  },
  patchPilot: {
    entry: 'functions/patch-pilot.ts',
    description: 'PATCH /console/pilots/{id}: triage edits owner, hypothesis, results, artefacts, learnings',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
  },
  postGate: {
    entry: 'functions/post-gate.ts',
    description: 'POST /console/pilots/{id}/gates: go, hold, recycle or stop at the pilot’s gate',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'readWrite',
  },
  getGates: {
    entry: 'functions/get-gates.ts',
    description: 'GET /console/gates: the gate checklists and stage limits',
    timeoutSeconds: 10,
    memoryMb: 256,
    table: 'read',
  },
  putGates: {
    entry: 'functions/put-gates.ts',
    description: 'PUT /console/gates: an admin replaces the gate checklists and stage limits',
    timeoutSeconds: 10,
    memoryMb: 256,
    table: 'readWrite',
  },
  getPipelineSummary: {
    entry: 'functions/get-pipeline-summary.ts',
    description: 'GET /pipeline/summary: the directors’ view from the maintained counters',
    timeoutSeconds: 10,
    memoryMb: 512,
    // Reading the strategy seeds the shipped one on a fresh installation.
    table: 'readWrite',
  },
  listPipelinePilots: {
    entry: 'functions/list-pipeline-pilots.ts',
    description: 'GET /pipeline/pilots: one page of pilots by stage, theme, department or owner',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'read',
  },
  exportPipeline: {
    entry: 'functions/export-pipeline.ts',
    description: 'GET /pipeline/export.csv: every pilot as CSV for Danish Excel',
    timeoutSeconds: 30,
    memoryMb: 512,
    table: 'read',
  },
  searchLearnings: {
    entry: 'functions/search-learnings.ts',
    description: 'GET /pipeline/learnings: search what stopped and realised pilots learned',
    timeoutSeconds: 10,
    memoryMb: 512,
    table: 'read',
  },
};

export const ROUTES: readonly RouteDescription[] = [
  { method: 'GET', path: '/health', function: 'health', auth: 'none' },
  { method: 'POST', path: '/ideas', function: 'submitIdea', auth: 'jwt' },
  { method: 'GET', path: '/ideas/mine', function: 'listMyIdeas', auth: 'jwt' },
  { method: 'GET', path: '/ideas/similar', function: 'findSimilar', auth: 'jwt' },
  { method: 'GET', path: '/ideas/{id}', function: 'getIdea', auth: 'jwt' },
  { method: 'GET', path: '/console/strategy', function: 'getStrategy', auth: 'jwt' },
  { method: 'PUT', path: '/console/strategy', function: 'putStrategy', auth: 'jwt' },
  { method: 'GET', path: '/console/strategy/versions/{n}', function: 'getStrategyVersion', auth: 'jwt' },
  { method: 'PUT', path: '/console/ideas/{id}/scorecard', function: 'putScorecard', auth: 'jwt' },
  { method: 'POST', path: '/console/strategy/rescore', function: 'startRescore', auth: 'jwt' },
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
];

export const SYSTEM = { table: TABLE, queues: QUEUES, functions: FUNCTIONS, routes: ROUTES } as const;

/** The physical names of the resources a function is wired to. */
export interface ResourceNames {
  tableName: string;
  queueUrls: Record<QueueName, string>;
  /** The deployment's settings, by name. */
  settings: Record<SettingName, string>;
}

/** The environment a function runs with: only the resources it is wired to. */
export function functionEnvironment(fn: FunctionDescription, resources: ResourceNames): Record<string, string> {
  const environment: Record<string, string> = {};
  if (fn.table !== undefined) environment[ENV.tableName] = resources.tableName;
  for (const queue of fn.sendsTo ?? []) environment[QUEUES[queue].urlVariable] = resources.queueUrls[queue];
  const settings: SettingName[] = [...(fn.sendsMail === true ? (['mailTransport', 'mailSender'] as const) : []), ...(fn.settings ?? [])];
  for (const setting of settings) environment[SETTINGS[setting]] = resources.settings[setting];
  return environment;
}

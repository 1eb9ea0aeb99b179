/**
 * Example bodies in Danish for the OpenAPI document (./document.ts): one for each request body and
 * each success answer. They are data, not descriptions: Redocly's `no-invalid-media-type-examples`
 * (test/unit/openapi/contract.test.ts) checks each against its schema, so an example that drifts
 * from what the API answers fails the tests. Problem examples are not here: the document builds
 * them from the error classes themselves (shared/http/errors.ts).
 */
import { DEFAULT_GATES } from '../../shared/domain/gates.ts';
import { commentMessage, notificationEmail, submitterMessage } from '../../shared/domain/messages.ts';
import { problemPage } from '../../shared/http/problem-page.ts';
import { PROBLEM_TYPES } from '../../shared/http/problem-types.ts';
import type { DevRouteName } from '../local/dev-routes.ts';
import type { FunctionName } from '../system.ts';

const IDEA_ID = '3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a1d93';
const OTHER_IDEA_ID = '8b2e4c10-5a9f-4d3b-8e7a-6c1f2d9e0a47';
const PILOT_ID = 'c7d5e1a8-2b3f-4e6d-9a0c-1f8b7e6d5c4b';
const ERASURE_ID = '5e9a7c3b-1d2f-4a8e-b6c0-9f4d3e2a1b08';
const TOVE = { sub: 'tove', name: 'Tove Ågård' };
const ANNA = { sub: 'anna', name: 'Anna Sørensen' };
const ANNA_EMAIL = 'anna.soerensen@kommune.example';

const FRICTION_BODY = {
  kind: 'friction',
  title: 'Dobbeltindtastning af borgerdata',
  description: 'Vi skriver de samme oplysninger om borgeren ind i tre forskellige systemer, hver gang der kommer en ny bevilling.',
  department: 'Ældreplejen Nørrebro',
  frequency: 4,
  frequencyUnit: 'day',
  minutesEach: 5,
  peopleAffected: 12,
};

/** Bøvl reported from a phone by a care worker who does not know how often, how long or how many. */
const FRICTION_WITHOUT_FIGURES_BODY = {
  kind: 'friction',
  title: 'Nøglerne til medicinskabet bliver væk',
  description: 'Om morgenen leder vi efter nøglerne til medicinskabet, før vi kan køre ud til borgerne. Jeg ved ikke, hvor tit det sker for de andre hold.',
  department: 'Hjemmeplejen Åbyhøj',
  figuresUnknown: true,
};
const FRICTION_WITHOUT_FIGURES_ID = '9d4f2b61-3c8e-4a7f-b2d5-0e6c1a9f8b34';

const SUBMITTED_AT = '2026-11-02T08:15:00.000Z';
const TRIAGED_AT = '2026-11-02T08:15:03.000Z';

const IDEA_SUMMARY = {
  id: IDEA_ID,
  kind: 'friction',
  title: FRICTION_BODY.title,
  status: 'in_triage',
  statusMessage: 'Din idé bliver vurderet af digitaliseringsteamet.',
  submittedAt: SUBMITTED_AT,
  statusChangedAt: TRIAGED_AT,
};

const SUBMITTER_IDEA = {
  id: IDEA_ID,
  kind: 'friction',
  title: FRICTION_BODY.title,
  description: FRICTION_BODY.description,
  department: FRICTION_BODY.department,
  language: 'da',
  anonymous: false,
  status: 'in_triage',
  statusMessage: 'Din idé bliver vurderet af digitaliseringsteamet.',
  submittedAt: SUBMITTED_AT,
  statusChangedAt: TRIAGED_AT,
  friction: { frequency: 4, frequencyUnit: 'day', minutesEach: 5, peopleAffected: 12 },
  frictionHoursPerYear: 876,
  supportCount: 3,
  history: [
    { at: SUBMITTED_AT, status: 'submitted', message: 'Tak for din idé. Vi har modtaget den.' },
    { at: TRIAGED_AT, from: 'submitted', status: 'in_triage', message: 'Din idé bliver vurderet af digitaliseringsteamet.' },
  ],
  messages: [
    { at: SUBMITTED_AT, kind: 'status', status: 'submitted', text: 'Tak for din idé. Vi har modtaget den.' },
    { at: TRIAGED_AT, kind: 'status', status: 'in_triage', text: 'Din idé bliver vurderet af digitaliseringsteamet.' },
  ],
};

const COMMENT = {
  id: '01JC8Z6Q2T5W9X3Y7B4N1M0K8P',
  ideaId: IDEA_ID,
  at: '2026-11-03T09:30:00.000Z',
  author: TOVE,
  visibility: 'internal',
  text: 'Ligner det, Sundhed og Omsorg bad om sidste år. Jeg tager fat i dem.',
};

const STAFF_IDEA = {
  ...SUBMITTER_IDEA,
  submitter: { ...ANNA, email: ANNA_EMAIL },
  version: 3,
  assignee: TOVE,
  themeAlignment: { strategyVersion: 1, scores: [{ themeId: 'automatisering', score: 0.72, matchedTerms: ['system', 'indtast'] }] },
  scorecard: {
    strategyVersion: 1,
    scores: { strategic_fit: { value: 3, source: 'suggested' }, benefit: { value: 4, source: 'triage' } },
    priority: 58.3,
    complete: false,
    scoredAt: '2026-11-03T09:00:00.000Z',
    scoredBy: 'tove',
  },
  history: [
    { at: SUBMITTED_AT, status: 'submitted', message: 'Tak for din idé. Vi har modtaget den.', actor: { kind: 'submitter', ...ANNA } },
    { at: TRIAGED_AT, from: 'submitted', status: 'in_triage', message: 'Din idé bliver vurderet af digitaliseringsteamet.', actor: { kind: 'system' } },
    { at: '2026-11-03T09:00:00.000Z', from: 'in_triage', status: 'in_triage', message: 'Din idé bliver vurderet af digitaliseringsteamet.', actor: { kind: 'staff', ...TOVE }, change: 'scorecard' },
  ],
  comments: [COMMENT],
};

const STRATEGY = {
  name: { da: 'Digitaliseringsstrategi 2026–2028', en: 'Digital strategy 2026–2028' },
  period: { from: '2026-01-01', to: '2028-12-31' },
  themes: [
    {
      id: 'automatisering',
      name: { da: 'Automatisering', en: 'Automation' },
      description: { da: 'Færre manuelle arbejdsgange og mindre dobbeltarbejde.', en: 'Fewer manual routines and less double work.' },
      keywords: { da: ['automatisering', 'dobbeltindtastning', 'robot'], en: ['automation', 'double entry', 'robot'] },
      weight: 2,
    },
  ],
  criteria: [
    {
      id: 'benefit',
      name: { da: 'Gevinst', en: 'Benefit' },
      weight: 3,
      scale: [
        { da: 'Ingen tid sparet', en: 'No time saved' },
        { da: 'Under 100 timer om året', en: 'Under 100 hours a year' },
        { da: '100–500 timer om året', en: '100–500 hours a year' },
        { da: '500–2.000 timer om året', en: '500–2,000 hours a year' },
        { da: 'Over 2.000 timer om året', en: 'Over 2,000 hours a year' },
      ],
    },
  ],
};

const PILOT = {
  id: PILOT_ID,
  title: FRICTION_BODY.title,
  description: FRICTION_BODY.description,
  language: 'da',
  ideaIds: [IDEA_ID],
  kind: 'friction',
  department: FRICTION_BODY.department,
  themes: ['automatisering'],
  stage: 'sprint',
  stageEnteredAt: '2026-11-10T10:00:00.000Z',
  reachedStages: ['sprint'],
  owner: TOVE,
  riskLevel: 'low',
  hypothesis: {
    expectedHoursPerYear: 800,
    successMeasure: 'Timer brugt på indtastning pr. bevilling',
    baseline: '15 minutter pr. bevilling',
    successThreshold: 'Under 5 minutter pr. bevilling',
  },
  artefacts: [{ kind: 'storyboard', title: 'Storyboard for én indtastning', url: 'https://intranet.kommune.example/spire/storyboard' }],
  createdAt: '2026-11-10T10:00:00.000Z',
  createdBy: TOVE,
  updatedAt: '2026-11-12T14:00:00.000Z',
  version: 2,
};

const GATE_RECORD = {
  decision: 'go',
  gate: 'pilot',
  from: 'sprint',
  to: 'pilot',
  at: '2026-11-20T13:00:00.000Z',
  by: { sub: 'dirk', name: 'Dirk Ærø' },
  role: 'director',
  reason: 'Sprinten viste, at indtastningen kan hentes fra fagsystemet.',
  checklist: DEFAULT_GATES.gates.pilot.map((item) => ({ ...item, answer: true })),
};

const ERASURE = { id: ERASURE_ID, requestedAt: '2026-11-30T08:00:00.000Z', status: 'pending' };

/** A development token as the local runtime signs one (infra/local/dev-issuer.ts): its header and claims as they are, its signature made up. */
const jwtPart = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const DEV_TOKEN = {
  token: [
    jwtPart({ alg: 'ES256', kid: 'spire-dev-mhg2k7qz', typ: 'JWT' }),
    jwtPart({ name: ANNA.name, email: ANNA_EMAIL, roles: ['employee'], sub: ANNA.sub, iss: 'http://localhost:3000/oidc', aud: 'spire', iat: 1793607300, exp: 1793636100 }),
    '0MdMXHcvToh8olyVgzb4t85O9rGgAtBMzPYdNPcNhTx6rFG7stQ-_XYqMBpP_5EjpadJRzjqETK7Ux94z1pDfA',
  ].join('.'),
  expiresAt: '2026-11-02T16:15:00.000Z',
};

/** Two e-mails to Anna in the development outbox, newest first, written as the notify worker writes them (shared/domain/messages.ts). */
const OUTBOX_MAIL = [
  {
    id: `${IDEA_ID}.c${COMMENT.id}`,
    to: ANNA_EMAIL,
    ...notificationEmail({ title: FRICTION_BODY.title, submitterName: ANNA.name }, commentMessage('Vi kigger på det i næste uge og vender tilbage med et forslag til, hvordan I slipper for dobbeltarbejdet.', 'da'), 'da'),
    language: 'da',
    sentAt: '2026-11-03T09:30:04.000Z',
  },
  {
    id: `${IDEA_ID}.v2`,
    to: ANNA_EMAIL,
    ...notificationEmail({ title: FRICTION_BODY.title, submitterName: ANNA.name }, submitterMessage('in_triage', undefined, 'da'), 'da'),
    language: 'da',
    sentAt: '2026-11-02T08:15:05.000Z',
  },
];

/** Request bodies, by function (or development route); a function with more than one body worth showing has them in NAMED_REQUEST_EXAMPLES instead. */
export const REQUEST_EXAMPLES: Partial<Record<FunctionName | DevRouteName, unknown>> = {
  putStrategy: STRATEGY,
  putScorecard: { scores: { benefit: 4, strategic_fit: 3 } },
  postDecision: { decision: 'needs_info', question: 'Hvilke tre systemer drejer det sig om, og hvem ejer dem?' },
  putAssignee: { assignee: TOVE },
  postComment: { text: 'Vi kigger på det i næste uge og vender tilbage.', visibility: 'submitter' },
  postAnswer: { answer: 'Det er omsorgssystemet, økonomisystemet og visitationsmodulet. IT ejer dem alle tre.' },
  withdrawIdea: { reason: 'Vi har fundet en løsning i afdelingen.' },
  patchPilot: { owner: TOVE, riskLevel: 'medium' },
  postGate: { decision: 'go', reason: 'Sprinten viste, at indtastningen kan hentes fra fagsystemet.', checklist: Object.fromEntries(DEFAULT_GATES.gates.pilot.map((item) => [item.id, true])) },
  putGates: { gates: DEFAULT_GATES.gates, stageLimitDays: { ...DEFAULT_GATES.stageLimitDays, pilot: 90 } },
  requestErasure: { confirm: true },
  issueDevToken: { ...ANNA, email: ANNA_EMAIL, roles: ['employee'] },
};

/** Request bodies worth showing side by side, by function: each named, with a summary (OpenAPI's `examples`). */
export const NAMED_REQUEST_EXAMPLES: Partial<Record<FunctionName | DevRouteName, Record<string, { summary: string; value: unknown }>>> = {
  submitIdea: {
    friction: { summary: 'Friction with its four figures', value: FRICTION_BODY },
    frictionWithoutFigures: { summary: 'Friction whose figures the submitter does not know (`figuresUnknown: true`, no figures)', value: FRICTION_WITHOUT_FIGURES_BODY },
  },
};

/** Success bodies, by function or development route (the CSV export's is text). */
export const ANSWER_EXAMPLES: Partial<Record<FunctionName | DevRouteName, unknown>> = {
  health: { status: 'ok' },
  getOpenApi: { openapi: '3.1.1', info: { title: 'Spire API', version: '0.1.0' }, paths: {} },
  getProblemType: problemPage({ name: 'precondition-failed', ...PROBLEM_TYPES['precondition-failed'] }),
  submitIdea: { id: IDEA_ID, status: 'submitted' },
  listMyIdeas: { items: [IDEA_SUMMARY], nextCursor: 'djEuZXhhbXBlbA' },
  findSimilar: {
    items: [{ id: OTHER_IDEA_ID, title: 'Automatisk overførsel af bevillinger', kind: 'idea', status: 'in_triage', statusLabel: 'Under vurdering', similarity: 0.61 }],
  },
  getIdea: SUBMITTER_IDEA,
  listComments: { items: [{ id: COMMENT.id, at: COMMENT.at, kind: 'comment', text: 'Vi kigger på det i næste uge og vender tilbage.' }] },
  getStrategy: { ...STRATEGY, version: 2, createdAt: '2026-10-01T12:00:00.000Z', createdBy: 'ulla' },
  putStrategy: { ...STRATEGY, version: 3, createdAt: '2026-11-15T12:00:00.000Z', createdBy: 'ulla' },
  getStrategyVersion: { ...STRATEGY, version: 1, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system' },
  listStrategyVersions: {
    items: [
      { version: 3, createdAt: '2026-11-15T12:00:00.000Z', createdBy: 'ulla', name: STRATEGY.name, period: STRATEGY.period, themeCount: STRATEGY.themes.length, criterionCount: STRATEGY.criteria.length },
      { version: 2, createdAt: '2026-10-01T12:00:00.000Z', createdBy: 'ulla', name: STRATEGY.name, period: STRATEGY.period, themeCount: STRATEGY.themes.length, criterionCount: STRATEGY.criteria.length },
    ],
    nextCursor: 'djEuZXhhbXBlbA',
  },
  putScorecard: {
    ideaId: IDEA_ID,
    strategyVersion: 2,
    priority: 100,
    complete: true,
    formula: 'Σ (value / 4 × weight) / 3 × 100',
    criteria: [{ id: 'benefit', name: 'Gevinst', value: 4, meaning: 'Over 2.000 timer om året', source: 'triage', weight: 3, points: 100 }],
  },
  startRescore: {
    jobId: '20261115T120000123Z-3f6c2a9e',
    strategyVersion: 3,
    status: 'running',
    pagesQueued: 4,
    ideasQueued: 87,
    pagesDone: 0,
    statuses: ['in_triage', 'needs_info', 'parked'],
  },
  getRescoreProgress: {
    jobId: '20261115T120000123Z-3f6c2a9e',
    strategyVersion: 3,
    status: 'done',
    pagesQueued: 4,
    ideasQueued: 87,
    pagesDone: 4,
    statuses: ['in_triage', 'needs_info', 'parked'],
  },
  getInbox: {
    status: 'in_triage',
    sort: 'priority',
    serviceLevelDays: 10,
    items: [
      {
        id: IDEA_ID,
        title: FRICTION_BODY.title,
        kind: 'friction',
        department: FRICTION_BODY.department,
        status: 'in_triage',
        statusChangedAt: TRIAGED_AT,
        themes: [{ themeId: 'automatisering', score: 0.72 }],
        frictionHoursPerYear: 876,
        priority: 58.3,
        priorityComplete: false,
        priorityBasis: 'partly-scored',
        duplicateCandidates: 1,
        assignee: TOVE,
        daysInStatus: 4.5,
        overdue: false,
      },
      {
        id: FRICTION_WITHOUT_FIGURES_ID,
        title: FRICTION_WITHOUT_FIGURES_BODY.title,
        kind: 'friction',
        department: FRICTION_WITHOUT_FIGURES_BODY.department,
        status: 'in_triage',
        statusChangedAt: TRIAGED_AT,
        themes: [{ themeId: 'organisatorisk_sammenhaeng', score: 0.31 }],
        figuresUnknown: true,
        priority: 22.5,
        priorityComplete: false,
        priorityBasis: 'suggested',
        duplicateCandidates: 0,
        daysInStatus: 4.5,
        overdue: false,
      },
    ],
    nextCursor: 'djEuZXhhbXBlbA',
  },
  getConsoleIdea: {
    ...STAFF_IDEA,
    duplicateCandidates: [{ ideaId: OTHER_IDEA_ID, similarity: 0.61, title: 'Automatisk overførsel af bevillinger', status: 'in_triage', department: 'Visitationen' }],
    resemblingPilots: [],
    allowedDecisions: ['needs_info', 'accept', 'park', 'decline', 'duplicate', 'redirect'],
    daysInStatus: 4.5,
    overdue: false,
  },
  postDecision: {
    id: IDEA_ID,
    status: 'needs_info',
    version: 4,
    decision: { kind: 'needs_info', at: '2026-11-04T10:00:00.000Z', by: TOVE, message: 'Hvilke tre systemer drejer det sig om, og hvem ejer dem?' },
  },
  putAssignee: { id: IDEA_ID, assignee: TOVE, version: 4 },
  postComment: { ...COMMENT, visibility: 'submitter', text: 'Vi kigger på det i næste uge og vender tilbage.' },
  postAnswer: { ...IDEA_SUMMARY, statusChangedAt: '2026-11-05T07:45:00.000Z' },
  supportIdea: { id: IDEA_ID, supported: true, supportCount: 4 },
  withdrawIdea: { ...IDEA_SUMMARY, status: 'withdrawn', statusMessage: 'Du har trukket din idé tilbage.', statusChangedAt: '2026-11-05T07:45:00.000Z' },
  getPilot: {
    ...PILOT,
    daysInStage: 2.9,
    overStageLimit: false,
    nextGate: {
      gate: 'pilot',
      decisions: ['go', 'hold', 'stop'],
      checklist: DEFAULT_GATES.gates.pilot.map((item) => ({ id: item.id, text: item.text.da, required: item.required })),
    },
    gates: [],
    history: [{ pilotId: PILOT_ID, version: 1, at: '2026-11-10T10:00:00.000Z', by: TOVE, change: 'created', from: 'sprint', to: 'sprint' }],
  },
  patchPilot: { ...PILOT, riskLevel: 'medium', version: 3 },
  postGate: { id: PILOT_ID, stage: 'pilot', version: 3, gate: GATE_RECORD },
  getGates: { ...DEFAULT_GATES, version: 0, updatedAt: '', updatedBy: 'system' },
  putGates: { ...DEFAULT_GATES, stageLimitDays: { ...DEFAULT_GATES.stageLimitDays, pilot: 90 }, version: 1, updatedAt: '2026-11-15T12:00:00.000Z', updatedBy: 'ulla' },
  getPipelineSummary: {
    at: '2026-11-30T08:00:00.000Z',
    stages: { sprint: 2, pilot: 3, evaluation: 1, operations: 1, realised: 4, stopped: 2 },
    byTheme: { automatisering: { name: 'Automatisering', stages: { sprint: 1, pilot: 2, realised: 3 } } },
    byDepartment: { 'Ældreplejen Nørrebro': { sprint: 1, pilot: 1 } },
    funnel: [
      { step: 'submitted', count: 120, conversion: null },
      { step: 'accepted', count: 13, conversion: 0.108 },
      { step: 'sprint', count: 13, conversion: 1 },
      { step: 'pilot', count: 9, conversion: 0.692 },
      { step: 'evaluation', count: 6, conversion: 0.667 },
      { step: 'operations', count: 5, conversion: 0.833 },
      { step: 'realised', count: 4, conversion: 0.8 },
    ],
    stopped: { total: 2, byStage: { sprint: 1, pilot: 1, evaluation: 0, operations: 0 } },
    stageTime: [
      { stage: 'sprint', pilots: 2, medianDays: 6, limitDays: 14, overLimit: 0 },
      { stage: 'pilot', pilots: 3, medianDays: 48, limitDays: 120, overLimit: 0 },
      { stage: 'evaluation', pilots: 1, medianDays: 50, limitDays: 45, overLimit: 1 },
      { stage: 'operations', pilots: 1, medianDays: 200, limitDays: 365, overLimit: 0 },
    ],
    hours: { expectedPerYearInPipeline: 4200, realisedPerYear: 3100 },
    ideas: {
      total: 120,
      byStatus: { submitted: 0, in_triage: 14, needs_info: 3, accepted: 13, parked: 5, declined: 60, duplicate: 12, redirected: 8, withdrawn: 5 },
    },
    triage: { waiting: 14, averageDaysWaiting: 4.5, oldestDaysWaiting: 12 },
  },
  listPipelinePilots: {
    sort: 'in_stage',
    items: [
      {
        id: PILOT_ID,
        title: PILOT.title,
        stage: 'sprint',
        stageEnteredAt: PILOT.stageEnteredAt,
        department: PILOT.department,
        themes: ['automatisering'],
        ideaIds: [IDEA_ID],
        owner: TOVE,
        riskLevel: 'low',
        expectedHoursPerYear: 800,
        createdAt: PILOT.createdAt,
        updatedAt: PILOT.updatedAt,
      },
    ],
  },
  exportPipeline: 'Titel;Fase;Afdeling\r\nDobbeltindtastning af borgerdata;sprint;Ældreplejen Nørrebro\r\n',
  searchLearnings: {
    q: 'talegenkendelse',
    items: [
      {
        pilotId: PILOT_ID,
        title: 'Talegenkendelse i hjemmeplejen',
        description: 'Journalnotater indtalt på telefonen.',
        learnings: 'Støj i bilerne gjorde genkendelsen upålidelig. Et headset løste det kun delvist.',
        language: 'da',
        stage: 'stopped',
        department: 'Sundhed og Omsorg',
        themes: ['automatisering'],
        at: '2026-06-01T10:00:00.000Z',
        score: 0.83,
        matchedTerms: ['talegenkend'],
      },
    ],
  },
  exportMyData: {
    exportedAt: '2026-11-30T08:00:00.000Z',
    person: { ...ANNA, email: ANNA_EMAIL },
    ideas: [{ ...SUBMITTER_IDEA, submitter: { ...ANNA, email: ANNA_EMAIL } }],
    answers: [],
    support: [{ ideaId: OTHER_IDEA_ID, title: 'Automatisk overførsel af bevillinger', supportedAt: '2026-11-03T12:00:00.000Z' }],
    notifications: [
      {
        id: `${IDEA_ID}.v1`,
        kind: 'idea-status',
        ideaId: IDEA_ID,
        to: ANNA_EMAIL,
        language: 'da',
        subject: 'Vi har modtaget din idé',
        text: 'Tak for din idé. Vi har modtaget den.',
        createdAt: SUBMITTED_AT,
        sentAt: '2026-11-02T08:15:05.000Z',
      },
    ],
  },
  requestErasure: ERASURE,
  getErasure: { ...ERASURE, status: 'done', completedAt: '2026-11-30T08:03:00.000Z', passes: 2, rewritten: 14, deleted: 3, ideas: 2 },
  issueDevToken: DEV_TOKEN,
  listDevOutbox: { items: OUTBOX_MAIL },
};

/**
 * Every text a person sends is refused unless it is well-formed Unicode: every string field and
 * every record key of every input schema, found by walking a valid input, refuses a lone UTF-16
 * surrogate, with an issue on that field (or on the object or union it belongs to). A lone
 * surrogate once passed `department` and stopped the idea in `submitted` for good
 * (encodeURIComponent throws on it while building the inbox keys).
 */
import { describe, expect, it } from 'vitest';
import * as z from '../../../shared/schemas/zod.ts';
import { DEFAULT_GATES } from '../../../shared/domain/gates.ts';
import { DEFAULT_STRATEGY } from '../../../shared/domain/strategy/default-strategy.ts';
import { AnswerInput, AssigneeInput, CommentInput, DecisionInput, InboxQuery, WithdrawInput } from '../../../shared/schemas/console.ts';
import { IdempotencyKeyHeader, IntakeMessage, SimilarQuery, SubmitIdeaInput } from '../../../shared/schemas/idea.ts';
import { GateInput, GateSettingsInput, LearningsQuery, PilotPatchInput, PipelinePilotsQuery } from '../../../shared/schemas/pilots.ts';
import { ScorecardInput } from '../../../shared/schemas/scorecard.ts';
import { StrategyInput } from '../../../shared/schemas/strategy.ts';

const LONE = '\ud800';
const FUTURE = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const HYPOTHESIS = { expectedHoursPerYear: 400, successMeasure: 'Minutter pr. bevilling', baseline: '15 minutter', successThreshold: '5 minutter' };
const [THEME] = DEFAULT_STRATEGY.themes;
const STRATEGY = {
  name: DEFAULT_STRATEGY.name,
  period: DEFAULT_STRATEGY.period,
  themes: [{ ...THEME, keywords: { da: THEME?.keywords.da.slice(0, 2), en: THEME?.keywords.en.slice(0, 2) } }],
  criteria: DEFAULT_STRATEGY.criteria.slice(0, 1),
};

/** A valid input of every schema that reads what people send (bodies, query strings, headers), each alternative of a union apart. */
const INPUTS: [string, z.core.$ZodType, unknown][] = [
  ['POST /ideas (friction)', SubmitIdeaInput, { kind: 'friction', title: 'Dobbeltindtastning', description: 'Vi skriver det samme i tre systemer.', department: 'Ældreplejen', anonymous: false, language: 'da', frequency: 4, frequencyUnit: 'day', minutesEach: 5, peopleAffected: 12 }],
  ['Idempotency-Key', IdempotencyKeyHeader, { 'idempotency-key': '3f6c2a9e-first-try' }],
  ['GET /ideas/similar', SimilarQuery, { title: 'Vagtplan', text: 'Vagtplanen ligger på papir', language: 'da' }],
  ['intake message', IntakeMessage, { ideaId: '3f0c6a52-9d1e-4b7a-8c3f-2a6b9e1d4c70' }],
  ['GET /console/inbox', InboxQuery, { status: 'in_triage', kind: 'idea', department: 'Ældreplejen', theme: 'automatisering', sort: 'age', limit: '10' }],
  ['decision needs_info', DecisionInput, { decision: 'needs_info', question: 'Hvilke systemer drejer det sig om?' }],
  ['decision accept', DecisionInput, { decision: 'accept', message: 'Vi går i gang.' }],
  ['decision park', DecisionInput, { decision: 'park', revisitOn: FUTURE, message: 'Til foråret.' }],
  ['decision decline', DecisionInput, { decision: 'decline', reasonCode: 'no_capacity', message: 'Ikke nu.' }],
  ['decision duplicate', DecisionInput, { decision: 'duplicate', into: '3f0c6a52-9d1e-4b7a-8c3f-2a6b9e1d4c70', message: 'Samme idé.' }],
  ['decision redirect', DecisionInput, { decision: 'redirect', to: 'hr', message: 'HR tager den.' }],
  ['PUT assignee', AssigneeInput, { assignee: { sub: 'tove', name: 'Tove Ågård' } }],
  ['POST comment', CommentInput, { text: 'Vi kigger på det.', visibility: 'submitter' }],
  ['POST answer', AnswerInput, { answer: 'Nexus og Økonomi.' }],
  ['POST withdraw', WithdrawInput, { reason: 'Det er løst.' }],
  ['PUT scorecard', ScorecardInput, { scores: { reach: 3 } }],
  ['PUT strategy', StrategyInput, STRATEGY],
  [
    'PATCH pilot',
    PilotPatchInput,
    {
      title: 'Talegenkendelse',
      owner: { sub: 'tove', name: 'Tove Ågård' },
      riskLevel: 'low',
      hypothesis: HYPOTHESIS,
      results: { summary: 'Det virkede.', realisedHoursPerYear: 300, measuredOn: '2026-03-01', followUpOn: '2026-09-01', followUps: 1 },
      cost: { oneOffDkk: 1000 },
      learnings: 'Lær af det.',
      artefacts: [{ kind: 'prototype', title: 'Prototype', url: 'https://wiki.kommune.example/p', text: 'Tre skærme.' }],
    },
  ],
  ['gate go', GateInput, { decision: 'go', reason: 'Klar til pilot', checklist: { 'gdpr-dpia-screening': true } }],
  ['gate hold', GateInput, { decision: 'hold', reason: 'Vent på IT', revisitOn: FUTURE, checklist: {} }],
  ['gate recycle', GateInput, { decision: 'recycle', reason: 'Om igen', mustChange: 'Målingen', checklist: {} }],
  ['gate stop', GateInput, { decision: 'stop', reason: 'Virker ikke', learnings: 'Borgerne ville ikke.', checklist: {} }],
  ['PUT gates', GateSettingsInput, DEFAULT_GATES],
  ['GET /pipeline/pilots by department', PipelinePilotsQuery, { stage: 'sprint', department: 'Ældreplejen', sort: 'newest', limit: '5' }],
  ['GET /pipeline/pilots by owner', PipelinePilotsQuery, { owner: 'tove' }],
  ['GET /pipeline/learnings', LearningsQuery, { q: 'talegenkendelse', limit: '5' }],
];

type Path = (string | number)[];

/** Every string value in `value`, and every object key, with its path. Opaque cursors are not text a person writes (shared/store/cursor.ts reads them whole). */
function places(value: unknown, path: Path = []): { path: Path; kind: 'value' | 'key' }[] {
  if (typeof value === 'string') return [{ path, kind: 'value' }];
  if (Array.isArray(value)) return value.flatMap((item, index) => places(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [{ path: [...path, key], kind: 'key' as const }, ...places(item, [...path, key])]);
  }
  return [];
}

/** A copy of `value` with a lone surrogate appended to the string, or to the key, at `path`. */
function poisoned(value: unknown, path: Path, kind: 'value' | 'key'): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, part) => node[part] as Record<string | number, unknown>, copy);
  const last = path.at(-1) as string | number;
  if (kind === 'value') parent[last] = `${String(parent[last])}${LONE}`;
  else {
    const entries = Object.entries(parent).map(([key, item]) => [key === last ? `${key}${LONE}` : key, item] as const);
    for (const key of Object.keys(parent)) delete parent[key];
    Object.assign(parent, Object.fromEntries(entries));
  }
  return copy;
}

const isPrefix = (prefix: readonly PropertyKey[], path: readonly PropertyKey[]) => prefix.length <= path.length && prefix.every((part, index) => String(part) === String(path[index]));

describe('well-formed Unicode in every input schema', () => {
  it.each(INPUTS)('takes the valid input of %s as it is', (_name, schema, input) => {
    expect(z.safeParse(schema, input).error?.issues).toBeUndefined();
  });

  // Header names other than the ones read are let through (a request has many headers), so only the header values count.
  const cases = INPUTS.flatMap(([name, schema, input]) =>
    places(input)
      .filter(({ kind }) => !(name === 'Idempotency-Key' && kind === 'key'))
      .map(({ path, kind }) => ({ name, schema, input, path, kind, at: `${kind} /${path.join('/')}` })),
  );

  it.each(cases)('$name refuses a lone surrogate in the $at, on that field', ({ schema, input, path, kind }) => {
    // Act
    const result = z.safeParse(schema, poisoned(input, path, kind));

    // Assess
    expect(result.success).toBe(false);
    // A key renamed is refused as unknown, or as a key that is not text (records), or its field as missing.
    const renamed = [...path.slice(0, -1), `${String(path.at(-1))}${LONE}`];
    expect(result.error?.issues.some((issue) => isPrefix(issue.path, path) || (kind === 'key' && isPrefix(issue.path, renamed)))).toBe(true);
  });
});

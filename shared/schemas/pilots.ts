import * as z from 'zod';
import { futureDay } from './console.ts';
import { GATE_NAMES, PILOT_STAGES, ACTIVE_STAGES, ARTEFACT_KINDS, RISK_LEVELS } from '../domain/pilot.ts';
import { PILOT_SORTS } from '../domain/pilot-lists.ts';
import { LIMITS } from './idea.ts';
import { StrategyId } from './strategy.ts';
import { humanText } from './text.ts';

export const PilotIdPath = z.strictObject({ id: z.uuid() });

const staff = z.strictObject({ sub: z.string().trim().min(1).max(128), name: humanText(1, 200).optional() });
const hours = z.number().int().min(0).max(1_000_000);
const kroner = z.number().int().min(0).max(1_000_000_000);
/** Links must be web addresses: nothing a browser would run (javascript:, data:). */
const webUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2000);

const Hypothesis = z.strictObject({
  expectedHoursPerYear: hours,
  successMeasure: humanText(3, 1000),
  baseline: humanText(1, 1000),
  successThreshold: humanText(1, 1000),
});

const Results = z.strictObject({
  realisedHoursPerYear: hours.optional(),
  summary: humanText(1, 4000),
  measuredOn: z.iso.date().optional(),
  followUpOn: z.iso.date().optional(),
  followUps: z.number().int().min(0).max(100).optional(),
});

const Cost = z.strictObject({ oneOffDkk: kroner.optional(), yearlyDkk: kroner.optional() });

const Artefact = z
  .strictObject({ kind: z.enum(ARTEFACT_KINDS), title: humanText(1, 200), url: webUrl.optional(), text: humanText(1, 10_000).optional() })
  .refine((artefact) => artefact.url !== undefined || artefact.text !== undefined, {
    message: 'An artefact needs a url, a text or both',
    params: { da: 'En artefakt skal have et link, en tekst eller begge', en: 'An artefact needs a url, a text or both' },
  });

/** PATCH /console/pilots/{id}: the fields to change; `null` clears one. */
export const PilotPatchInput = z
  .strictObject({
    title: humanText(LIMITS.titleMin, LIMITS.titleMax).optional(),
    owner: staff.nullable().optional(),
    riskLevel: z.enum(RISK_LEVELS).nullable().optional(),
    hypothesis: Hypothesis.nullable().optional(),
    results: Results.nullable().optional(),
    cost: Cost.nullable().optional(),
    learnings: humanText(1, 10_000).nullable().optional(),
    artefacts: z.array(Artefact).max(50).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, {
    // A body of unknown fields only is told about them, not also that it changes nothing.
    when: (payload) => payload.issues.length === 0,
    message: 'Send at least one field to change',
    params: { da: 'Send mindst ét felt, der skal ændres', en: 'Send at least one field to change' },
  });

const checklist = z.record(z.string().max(64), z.boolean()).default({});
const reason = humanText(3, 2000);

/** POST /console/pilots/{id}/gates: a decision at the gate the pilot stands at. */
export const GateInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('go'), reason, checklist }),
  z.strictObject({ decision: z.literal('hold'), reason, revisitOn: futureDay, checklist }),
  z.strictObject({ decision: z.literal('recycle'), reason, mustChange: humanText(3, 2000), checklist }),
  z.strictObject({ decision: z.literal('stop'), reason, learnings: humanText(1, 10_000), checklist }),
]);

const ChecklistItem = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  text: z.strictObject({ da: humanText(3, 300), en: humanText(3, 300) }),
  required: z.boolean(),
});

const checklistItems = z
  .array(ChecklistItem)
  .max(30)
  .refine((items) => new Set(items.map((item) => item.id)).size === items.length, {
    message: 'Each item needs its own id',
    params: { da: 'Hvert punkt skal have sit eget id', en: 'Each item needs its own id' },
  });

/** PUT /console/gates: every gate's checklist and every active stage's limit. */
export const GateSettingsInput = z.strictObject({
  gates: z.strictObject(Object.fromEntries(GATE_NAMES.map((gate) => [gate, checklistItems])) as Record<(typeof GATE_NAMES)[number], typeof checklistItems>),
  stageLimitDays: z.strictObject(
    Object.fromEntries(ACTIVE_STAGES.map((stage) => [stage, z.number().int().min(1).max(3650)])) as Record<(typeof ACTIVE_STAGES)[number], z.ZodNumber>,
  ),
});

/** GET /pipeline/pilots: all pilots or one stage, narrowed by at most one of theme, department and owner. */
export const PipelinePilotsQuery = z
  .strictObject({
    stage: z.enum(PILOT_STAGES).optional(),
    theme: StrategyId.optional(),
    department: humanText(LIMITS.departmentMin, LIMITS.departmentMax).optional(),
    owner: z.string().trim().min(1).max(128).optional(),
    sort: z.enum(PILOT_SORTS).default('in_stage'),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(1024).optional(),
  })
  .refine((query) => [query.theme, query.department, query.owner].filter((value) => value !== undefined).length <= 1, {
    message: 'Narrow by at most one of theme, department and owner',
    params: { da: 'Afgræns med højst én af theme, department og owner', en: 'Narrow by at most one of theme, department and owner' },
  });

/** GET /pipeline/learnings?q=…: what to look for. */
export const LearningsQuery = z.strictObject({
  q: humanText(2, 500),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

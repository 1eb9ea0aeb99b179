import * as z from './zod.ts';
import { futureDay } from './console.ts';
import { GATE_NAMES, PILOT_STAGES, ACTIVE_STAGES, ARTEFACT_KINDS, RISK_LEVELS } from '../domain/pilot.ts';
import { HELD_SORT, PILOT_SORTS } from '../domain/pilot-lists.ts';
import { LIMITS } from './idea.ts';
import { StrategyId } from './strategy.ts';
import { humanText, identifierText, wellFormed } from './text.ts';
import { notNarrowedWhen } from './lists.ts';

export const PilotIdPath = z.strictObject({ id: z.uuid() });

const staff = z.strictObject({ sub: identifierText(1, 128), name: z.optional(humanText(1, 200)) });
const hours = z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000));
const kroner = z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000_000));
/** Links must be web addresses: nothing a browser would run (javascript:, data:). */
const webUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).check(wellFormed, z.maxLength(2000));

const Hypothesis = z.strictObject({
  expectedHoursPerYear: hours,
  successMeasure: humanText(3, 1000),
  baseline: humanText(1, 1000),
  successThreshold: humanText(1, 1000),
});

const Results = z.strictObject({
  realisedHoursPerYear: z.optional(hours),
  summary: humanText(1, 4000),
  measuredOn: z.optional(z.iso.date()),
  followUpOn: z.optional(z.iso.date()),
  followUps: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100))),
});

const Cost = z.strictObject({ oneOffDkk: z.optional(kroner), yearlyDkk: z.optional(kroner) });

const Artefact = z
  .strictObject({ kind: z.enum(ARTEFACT_KINDS), title: humanText(1, 200), url: z.optional(webUrl), text: z.optional(humanText(1, 10_000)) })
  .check(
    z.refine((artefact) => artefact.url !== undefined || artefact.text !== undefined, {
      message: 'An artefact needs a url, a text or both',
      params: { da: 'En artefakt skal have et link, en tekst eller begge', en: 'An artefact needs a url, a text or both' },
    }),
  );

/** PATCH /console/pilots/{id}: the fields to change; `null` clears one. */
export const PilotPatchInput = z
  .strictObject({
    title: z.optional(humanText(LIMITS.titleMin, LIMITS.titleMax)),
    owner: z.optional(z.nullable(staff)),
    riskLevel: z.optional(z.nullable(z.enum(RISK_LEVELS))),
    hypothesis: z.optional(z.nullable(Hypothesis)),
    results: z.optional(z.nullable(Results)),
    cost: z.optional(z.nullable(Cost)),
    learnings: z.optional(z.nullable(humanText(1, 10_000))),
    artefacts: z.optional(z.array(Artefact).check(z.maxLength(50))),
  })
  .check(
    z.refine((patch) => Object.keys(patch).length > 0, {
      // A body of unknown fields only is told about them, not also that it changes nothing.
      when: (payload) => payload.issues.length === 0,
      message: 'Send at least one field to change',
      params: { da: 'Send mindst ét felt, der skal ændres', en: 'Send at least one field to change' },
    }),
  );

const checklist = z._default(z.record(z.string().check(wellFormed, z.maxLength(64)), z.boolean()), {});
const reason = humanText(3, 2000);

/** POST /console/pilots/{id}/gates: a decision at the gate the pilot stands at. */
export const GateInput = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('go'), reason, checklist }),
  z.strictObject({ decision: z.literal('hold'), reason, revisitOn: futureDay, checklist }),
  z.strictObject({ decision: z.literal('recycle'), reason, mustChange: humanText(3, 2000), checklist }),
  z.strictObject({ decision: z.literal('stop'), reason, learnings: humanText(1, 10_000), checklist }),
]);

const ChecklistItem = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/)),
  text: z.strictObject({ da: humanText(3, 300), en: humanText(3, 300) }),
  required: z.boolean(),
});

const checklistItems = z.array(ChecklistItem).check(
  z.maxLength(30),
  z.refine((items) => new Set(items.map((item) => item.id)).size === items.length, {
    message: 'Each item needs its own id',
    params: { da: 'Hvert punkt skal have sit eget id', en: 'Each item needs its own id' },
  }),
);

const stageLimitDays = z.number().check(z.int(), z.minimum(1), z.maximum(3650));

/** PUT /console/gates: every gate's checklist and every active stage's limit. */
export const GateSettingsInput = z.strictObject({
  gates: z.strictObject(Object.fromEntries(GATE_NAMES.map((gate) => [gate, checklistItems])) as Record<(typeof GATE_NAMES)[number], typeof checklistItems>),
  stageLimitDays: z.strictObject(Object.fromEntries(ACTIVE_STAGES.map((stage) => [stage, stageLimitDays])) as Record<(typeof ACTIVE_STAGES)[number], typeof stageLimitDays>),
});

/** GET /pipeline/pilots: all pilots or one stage, narrowed by at most one of theme, department and owner. */
export const PipelinePilotsQuery = z
  .strictObject({
    stage: z.optional(z.enum(PILOT_STAGES)),
    theme: z.optional(StrategyId),
    department: z.optional(humanText(LIMITS.departmentMin, LIMITS.departmentMax)),
    owner: z.optional(identifierText(1, 128)),
    sort: z._default(z.enum(PILOT_SORTS), 'in_stage'),
    limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
    cursor: z.optional(z.string().check(z.maxLength(1024))),
  })
  .check(
    z.refine((query) => [query.theme, query.department, query.owner].filter((value) => value !== undefined).length <= 1, {
      message: 'Narrow by at most one of theme, department and owner',
      params: { da: 'Afgræns med højst én af theme, department og owner', en: 'Narrow by at most one of theme, department and owner' },
    }),
    notNarrowedWhen((query) => query.sort === HELD_SORT, ['stage', 'theme', 'department', 'owner'], {
      da: 'Kan ikke kombineres med sort=hold_until: piloterne på hold er én liste, på tværs af faser',
      en: 'Cannot be combined with sort=hold_until: the pilots on hold are one list, of every stage',
    }),
  );

/** GET /pipeline/learnings?q=…: what to look for. */
export const LearningsQuery = z.strictObject({
  q: humanText(2, 500),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50)), 10),
});

/**
 * The stage-gates: which gate a pilot stands at, what its checklist asks, and where each decision
 * (go, hold, recycle, stop) takes it. Checklists and stage limits are data an admin edits
 * (GET/PUT /console/gates); DEFAULT_GATES is what a fresh installation starts with. Pure.
 */
import type { StaffMember } from './idea.ts';
import {
  STAGE_ORDER,
  isActive,
  type ActiveStage,
  type GateDecision,
  type GateName,
  type GateRecord,
  type GateRole,
  type Pilot,
  type PilotStage,
} from './pilot.ts';

export interface ChecklistItem {
  /** Stable within its gate; answers name it. */
  id: string;
  text: { da: string; en: string };
  /** A required item blocks `go` until it is answered yes. */
  required: boolean;
}

export interface GateSettings {
  gates: Record<GateName, ChecklistItem[]>;
  /** A pilot in a stage longer than this shows as over the limit in the directors' view. */
  stageLimitDays: Record<ActiveStage, number>;
}

export interface StoredGateSettings extends GateSettings {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

const item = (id: string, da: string, en: string, required = true): ChecklistItem => ({ id, text: { da, en }, required });

export const DEFAULT_GATES: GateSettings = {
  gates: {
    pilot: [
      item('gdpr-dpia-screening', 'GDPR-/DPIA-screening er gennemført', 'GDPR/DPIA screening done'),
      item('architecture-fit', 'IT har vurderet arkitekturen', 'Architecture fit reviewed by IT'),
      item('operations-owner-named', 'Driftsejer er udpeget', 'Operations owner named'),
      item('success-measure-baseline', 'Succesmål og baseline er fastsat', 'Success measure and baseline set'),
    ],
    evaluation: [item('real-users', 'Piloten er afprøvet med rigtige brugere eller borgere', 'The pilot ran with real users or citizens', false)],
    operations: [
      item('results-against-baseline', 'Resultaterne er målt mod baseline', 'Results measured against the baseline'),
      item('operations-owner-accepts', 'Driftsejeren tager imod', 'Operations owner accepts'),
      item('running-cost-funded', 'Driftsudgiften er finansieret', 'Running cost funded'),
      item('benefit-follow-up-date', 'Dato for opfølgning på gevinster er sat', 'Benefit follow-up date set'),
    ],
    realised: [item('benefits-measured-after-follow-up', 'Gevinsterne er målt efter mindst én opfølgning', 'Benefits measured after at least one follow-up')],
  },
  stageLimitDays: { sprint: 14, pilot: 120, evaluation: 45, operations: 365 },
};

/** The settings as read before anyone has saved any: the shipped defaults at version 0, which is not stored. */
export const SHIPPED_GATE_SETTINGS: StoredGateSettings = { ...DEFAULT_GATES, version: 0, updatedAt: '', updatedBy: 'system' };

/** The gate a pilot in `stage` stands at: the one into the next stage; none once it is realised or stopped. */
export function gateAt(stage: PilotStage): GateName | undefined {
  if (!isActive(stage)) return undefined;
  return STAGE_ORDER[STAGE_ORDER.indexOf(stage) + 1] as GateName;
}

/** The decisions a pilot in `stage` may get: none at the end; no recycle from the first stage. */
export function allowedGateDecisions(stage: PilotStage): GateDecision[] {
  if (!isActive(stage)) return [];
  return stage === 'sprint' ? ['go', 'hold', 'stop'] : ['go', 'hold', 'recycle', 'stop'];
}

/** Learnings must say something: at least this many sentences and characters. */
export const LEARNINGS_MIN_SENTENCES = 2;
export const LEARNINGS_MIN_LENGTH = 80;

export function sentenceCount(text: string): number {
  return text
    .split(/[.!?…]+(?:\s+|$)/u)
    .map((part) => part.trim())
    .filter((part) => /\p{L}/u.test(part)).length;
}

export function learningsAreSubstantial(text: string | undefined): boolean {
  const trimmed = (text ?? '').trim();
  return trimmed.length >= LEARNINGS_MIN_LENGTH && sentenceCount(trimmed) >= LEARNINGS_MIN_SENTENCES;
}

export type GateRequest =
  | { decision: 'go'; reason: string; checklist: Record<string, boolean> }
  | { decision: 'hold'; reason: string; revisitOn: string; checklist: Record<string, boolean> }
  | { decision: 'recycle'; reason: string; mustChange: string; checklist: Record<string, boolean> }
  | { decision: 'stop'; reason: string; learnings: string; checklist: Record<string, boolean> };

/** Why a gate decision cannot be taken; the handler turns each into its problem document. */
export type GateRefusal =
  | { kind: 'not-allowed'; stage: PilotStage; allowed: GateDecision[] }
  | { kind: 'unknown-items'; ids: string[] }
  | { kind: 'checklist-incomplete'; missing: ChecklistItem[] }
  | { kind: 'learnings-too-short' }
  | { kind: 'hypothesis-missing' };

export type GateOutcome = { ok: true; pilot: Pilot; record: GateRecord } | { ok: false; refusal: GateRefusal };

/**
 * What a gate decision does to a pilot: go → the next stage (every required item answered yes,
 * and, into `pilot`, the hypothesis set);
 * hold → same stage, with a day to look again; recycle → one stage back, with what must change;
 * stop → `stopped`, with the learnings (a few sentences at least). Entering a stage sets when;
 * any decision but hold lifts an earlier hold. The result is not yet versioned (see pilotAfter).
 */
export function decideGate(
  pilot: Pilot,
  request: GateRequest,
  context: { settings: GateSettings; by: StaffMember; role: GateRole; at: string },
): GateOutcome {
  const allowed = allowedGateDecisions(pilot.stage);
  const gate = gateAt(pilot.stage);
  if (gate === undefined || !allowed.includes(request.decision)) return { ok: false, refusal: { kind: 'not-allowed', stage: pilot.stage, allowed } };
  const from = pilot.stage as ActiveStage;
  const items = context.settings.gates[gate];
  const known = new Set(items.map((entry) => entry.id));
  const unknown = Object.keys(request.checklist).filter((id) => !known.has(id));
  if (unknown.length > 0) return { ok: false, refusal: { kind: 'unknown-items', ids: unknown } };
  const checklist = items.map((entry) => ({ ...entry, answer: request.checklist[entry.id] === true }));
  if (request.decision === 'go') {
    const missing = items.filter((entry) => entry.required && request.checklist[entry.id] !== true);
    if (missing.length > 0) return { ok: false, refusal: { kind: 'checklist-incomplete', missing } };
    // What the pilot is to show is written down before it starts, not found afterwards.
    if (gate === 'pilot' && pilot.hypothesis === undefined) return { ok: false, refusal: { kind: 'hypothesis-missing' } };
  }
  if (request.decision === 'stop' && !learningsAreSubstantial(request.learnings)) return { ok: false, refusal: { kind: 'learnings-too-short' } };

  const to = targetStage(from, request.decision);
  const { hold: _lifted, ...rest } = pilot;
  const moved = to !== from;
  const next: Pilot = {
    ...rest,
    stage: to,
    ...(moved ? { stageEnteredAt: context.at } : {}),
    reachedStages: pilot.reachedStages.includes(to) ? pilot.reachedStages : [...pilot.reachedStages, to],
    ...(request.decision === 'hold' ? { hold: { until: request.revisitOn, reason: request.reason } } : {}),
    ...(request.decision === 'stop' ? { stoppedFrom: from, learnings: request.learnings } : {}),
  };
  const record: GateRecord = {
    decision: request.decision,
    gate,
    from,
    to,
    at: context.at,
    by: context.by,
    role: context.role,
    reason: request.reason,
    checklist,
    ...(request.decision === 'hold' ? { revisitOn: request.revisitOn } : {}),
    ...(request.decision === 'recycle' ? { mustChange: request.mustChange } : {}),
  };
  return { ok: true, pilot: next, record };
}

function targetStage(from: ActiveStage, decision: GateDecision): PilotStage {
  const index = STAGE_ORDER.indexOf(from);
  switch (decision) {
    case 'go':
      return STAGE_ORDER[index + 1] as PilotStage;
    case 'hold':
      return from;
    case 'recycle':
      return STAGE_ORDER[Math.max(index - 1, 0)] as PilotStage;
    case 'stop':
      return 'stopped';
  }
}


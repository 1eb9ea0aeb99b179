/**
 * A pilot: an accepted idea on its way through the stage-gates (sprint → pilot → evaluation →
 * operations → realised, or stopped). Accepting an idea creates its pilot in `sprint`; gate
 * decisions (./gates.ts) move it on. Pure: no I/O.
 */
import type { IdeaKind, Language, StaffMember } from './idea.ts';

export const PILOT_STAGES = ['sprint', 'pilot', 'evaluation', 'operations', 'realised', 'stopped'] as const;
export type PilotStage = (typeof PILOT_STAGES)[number];

/** The stages a pilot passes through in order; `stopped` can end any of them. */
export const STAGE_ORDER = ['sprint', 'pilot', 'evaluation', 'operations', 'realised'] as const satisfies readonly PilotStage[];
/** The stages a pilot is still being worked on in, each ended by a gate. */
export const ACTIVE_STAGES = ['sprint', 'pilot', 'evaluation', 'operations'] as const satisfies readonly PilotStage[];
export type ActiveStage = (typeof ACTIVE_STAGES)[number];

export function isActive(stage: PilotStage): stage is ActiveStage {
  return (ACTIVE_STAGES as readonly PilotStage[]).includes(stage);
}

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** What the pilot is expected to achieve, set before it starts. */
export interface Hypothesis {
  /** Hours per year freed for the core task if it works. */
  expectedHoursPerYear: number;
  successMeasure: string;
  baseline: string;
  successThreshold: string;
}

/** What was measured, against the baseline. */
export interface PilotResults {
  /** Hours per year freed as measured. */
  realisedHoursPerYear?: number;
  summary: string;
  /** YYYY-MM-DD: when it was measured. */
  measuredOn?: string;
  /** YYYY-MM-DD: when the benefit is followed up next. */
  followUpOn?: string;
  /** How many follow-ups of the benefit have been made. */
  followUps?: number;
}

export interface CostEstimate {
  /** Danish kroner, once. */
  oneOffDkk?: number;
  /** Danish kroner per year of running. */
  yearlyDkk?: number;
}

export const ARTEFACT_KINDS = ['storyboard', 'prototype', 'test_notes', 'evaluation', 'other'] as const;
export type ArtefactKind = (typeof ARTEFACT_KINDS)[number];

/** A storyboard, prototype or set of notes: a link, a text, or both. */
export interface Artefact {
  kind: ArtefactKind;
  title: string;
  url?: string;
  text?: string;
}

export interface Pilot {
  id: string;
  title: string;
  /** What the idea it came from described. */
  description: string;
  /** The language of the idea it came from; learnings are read in it. */
  language: Language;
  /** The idea(s) the pilot came from. */
  ideaIds: string[];
  kind: IdeaKind;
  department: string;
  themes: string[];
  stage: PilotStage;
  stageEnteredAt: string;
  /** Every stage the pilot has reached, in the order first reached (the funnel counts them). */
  reachedStages: PilotStage[];
  /** For a stopped pilot: the stage it was stopped in. */
  stoppedFrom?: ActiveStage;
  /** Set by a `hold` at a gate: the pilot stays in its stage until then. */
  hold?: { until: string; reason: string };
  owner?: StaffMember;
  riskLevel?: RiskLevel;
  hypothesis?: Hypothesis;
  results?: PilotResults;
  cost?: CostEstimate;
  /** What was learned; required to stop, searchable once stopped or realised. */
  learnings?: string;
  artefacts: Artefact[];
  createdAt: string;
  createdBy: StaffMember;
  updatedAt: string;
  version: number;
}

/** What triage may change on a pilot with PATCH; `null` clears a field. */
export interface PilotPatch {
  title?: string;
  owner?: StaffMember | null;
  riskLevel?: RiskLevel | null;
  hypothesis?: Hypothesis | null;
  results?: PilotResults | null;
  cost?: CostEstimate | null;
  learnings?: string | null;
  artefacts?: Artefact[];
}

const PATCHABLE = ['title', 'owner', 'riskLevel', 'hypothesis', 'results', 'cost', 'learnings', 'artefacts'] as const satisfies readonly (keyof PilotPatch)[];

/** The pilot with a patch applied (not yet versioned): present fields replace, `null` removes. */
export function patchedPilot(pilot: Pilot, patch: PilotPatch): Pilot {
  const next: Record<string, unknown> = { ...pilot };
  for (const field of PATCHABLE) {
    const value = patch[field];
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next as unknown as Pilot;
}

/** The fields a patch really changes, for the history. */
export function changedFields(before: Pilot, after: Pilot): string[] {
  return PATCHABLE.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** The pilot as a change leaves it: the next version, touched at `at`. */
export function pilotAfter(pilot: Pilot, change: { at: string; set: Pilot }): Pilot {
  return { ...change.set, updatedAt: change.at, version: pilot.version + 1 };
}

/** One entry of a pilot's history: a gate decision or an edit. */
export interface PilotEvent {
  pilotId: string;
  version: number;
  at: string;
  by: StaffMember;
  change: 'created' | 'gate' | 'edit';
  from: PilotStage;
  to: PilotStage;
  /** For an edit: the fields it changed. */
  fields?: string[];
  /** For a gate: the decision, whose whole record is stored beside the event (GateRecord). */
  decision?: GateDecision;
  reason?: string;
}

/** The first history event of a pilot: created, in the stage it starts in, by who accepted its idea. */
export function createdEvent(pilot: Pilot): PilotEvent {
  return { pilotId: pilot.id, version: pilot.version, at: pilot.createdAt, by: pilot.createdBy, change: 'created', from: pilot.stage, to: pilot.stage };
}

export const GATE_DECISIONS = ['go', 'hold', 'recycle', 'stop'] as const;
export type GateDecision = (typeof GATE_DECISIONS)[number];

/** A gate is named by the stage a `go` leads into. */
export const GATE_NAMES = ['pilot', 'evaluation', 'operations', 'realised'] as const satisfies readonly PilotStage[];
export type GateName = (typeof GATE_NAMES)[number];

/** The role a gate was decided in. */
export type GateRole = 'triage' | 'director';

/** A gate decision as recorded: who, in what role, why, and the checklist as it was answered. */
export interface GateRecord {
  decision: GateDecision;
  /** The gate: the stage a `go` leads into. */
  gate: GateName;
  from: ActiveStage;
  to: PilotStage;
  at: string;
  by: StaffMember;
  role: GateRole;
  reason: string;
  /** The checklist as asked, with each answer; the text is kept so later edits of the checklist do not change the record. */
  checklist: { id: string; text: { da: string; en: string }; required: boolean; answer: boolean }[];
  /** hold: the day to look again (YYYY-MM-DD). */
  revisitOn?: string;
  /** recycle: what must change before the gate is tried again. */
  mustChange?: string;
}

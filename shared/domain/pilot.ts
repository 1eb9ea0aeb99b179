/**
 * A pilot: an accepted idea on its way through the stage-gates (sprint → pilot → evaluation →
 * operations → realised, or stopped). Accepting an idea creates its pilot in `sprint`.
 */
import type { IdeaKind } from './idea.ts';

export const PILOT_STAGES = ['sprint', 'pilot', 'evaluation', 'operations', 'realised', 'stopped'] as const;
export type PilotStage = (typeof PILOT_STAGES)[number];

export interface Pilot {
  id: string;
  title: string;
  /** The idea(s) the pilot came from. */
  ideaIds: string[];
  kind: IdeaKind;
  department: string;
  themes: string[];
  stage: PilotStage;
  stageEnteredAt: string;
  createdAt: string;
  createdBy: { sub: string; name?: string };
  version: number;
}

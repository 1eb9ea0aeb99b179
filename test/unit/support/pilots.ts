import type { Caller } from '../../../shared/domain/roles.ts';
import type { Pilot } from '../../../shared/domain/pilot.ts';
import { IDEA_ID, TRIAGE } from './ideas.ts';

/** Builders for pilots in the states the tests need, and their table items. */

export const PILOT_ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
export const OTHER_PILOT_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const ACCEPTED_AT = '2026-01-12T09:00:00.000Z';

export const DIRECTOR: Caller = { sub: 'd1-director', name: 'Dorte Øster', roles: ['employee', 'director'] };

/** Learnings long enough to stop a pilot with. */
export const LEARNINGS =
  'Borgerne ville hellere ringe end bruge appen. Medarbejderne brugte mere tid på at hjælpe med login end de sparede på opfølgningen.';

/** What the sprint pilots of the tests set out to show. */
export const HYPOTHESIS = { expectedHoursPerYear: 320, successMeasure: 'Minutter brugt på registrering pr. borger', baseline: '12 minutter', successThreshold: 'Under 6 minutter' };

/** A pilot in sprint, as accepting IDEA_ID made it: no owner, no hypothesis yet. */
export function aPilot(overrides: Partial<Pilot> = {}): Pilot {
  return {
    id: PILOT_ID,
    title: 'Færre dobbeltregistreringer på plejecentret',
    description: 'Vi skriver de samme borgeroplysninger i tre systemer. Det tager tid fra omsorgen.',
    language: 'da',
    ideaIds: [IDEA_ID],
    kind: 'idea',
    department: 'Ældre og sundhed',
    themes: ['automatisering'],
    stage: 'sprint',
    stageEnteredAt: ACCEPTED_AT,
    reachedStages: ['sprint'],
    artefacts: [],
    createdAt: ACCEPTED_AT,
    createdBy: { sub: TRIAGE.sub, name: 'Søren Ærø' },
    updatedAt: ACCEPTED_AT,
    version: 1,
    ...overrides,
  };
}

/** A pilot in sprint with its hypothesis written, so it may go into pilot. */
export function aPilotReadyToStart(overrides: Partial<Pilot> = {}): Pilot {
  return aPilot({ hypothesis: HYPOTHESIS, ...overrides });
}

/** A pilot that has gone through the gates up to `stage`, entering it at `at`. */
export function aPilotIn(stage: 'pilot' | 'evaluation' | 'operations' | 'realised', at = '2026-02-01T09:00:00.000Z', overrides: Partial<Pilot> = {}): Pilot {
  const order = ['sprint', 'pilot', 'evaluation', 'operations', 'realised'] as const;
  return aPilot({ stage, stageEnteredAt: at, reachedStages: [...order.slice(0, order.indexOf(stage) + 1)], updatedAt: at, version: order.indexOf(stage) + 1, ...overrides });
}

/** A pilot stopped in `from` with LEARNINGS. */
export function aStoppedPilot(from: 'sprint' | 'pilot' | 'evaluation' | 'operations' = 'pilot', overrides: Partial<Pilot> = {}): Pilot {
  const before = from === 'sprint' ? aPilot() : aPilotIn(from);
  return { ...before, stage: 'stopped', stoppedFrom: from, learnings: LEARNINGS, reachedStages: [...before.reachedStages, 'stopped'], stageEnteredAt: '2026-03-01T09:00:00.000Z', version: before.version + 1, ...overrides };
}

/** The pilot as the table holds it (shared/store/pilots.ts). */
export function pilotItem(pilot: Pilot): Record<string, unknown> {
  return { PK: `PILOT#${pilot.id}`, SK: 'META', type: 'pilot', version: pilot.version, pilot };
}

/**
 * What the pilot and pipeline routes answer: the pilot with its history, gate decisions and the
 * gate it stands at (checklist in the caller's language); the directors' summary with theme
 * names; learnings found.
 */
import { allowedGateDecisions, gateAt, type GateSettings } from '../domain/gates.ts';
import type { Language } from '../domain/idea.ts';
import { daysSince } from '../domain/inbox.ts';
import type { LearningMatch } from '../domain/learnings.ts';
import { isActive } from '../domain/pilot.ts';
import type { PipelineSummary } from '../domain/pipeline.ts';
import type { Strategy } from '../domain/strategy/strategy.ts';
import type { PilotRecord } from '../store/ports.ts';

export function pilotDocument(record: PilotRecord, settings: GateSettings, language: Language, now: Date) {
  const { pilot } = record;
  const gate = gateAt(pilot.stage);
  const daysInStage = daysSince(pilot.stageEnteredAt, now);
  return {
    ...pilot,
    daysInStage,
    ...(isActive(pilot.stage) ? { overStageLimit: daysInStage > settings.stageLimitDays[pilot.stage] } : {}),
    nextGate:
      gate === undefined
        ? null
        : {
            gate,
            decisions: allowedGateDecisions(pilot.stage),
            checklist: settings.gates[gate].map((item) => ({ id: item.id, text: item.text[language], required: item.required })),
          },
    gates: record.gates,
    history: record.history,
  };
}

export function summaryDocument(summary: PipelineSummary, strategy: Strategy, language: Language, at: Date) {
  const names = Object.fromEntries(strategy.themes.map((theme) => [theme.id, theme.name[language]]));
  return {
    at: at.toISOString(),
    ...summary,
    byTheme: Object.fromEntries(Object.entries(summary.byTheme).map(([id, stages]) => [id, { name: names[id] ?? id, stages }])),
  };
}

export function learningMatchDocument(match: LearningMatch) {
  return { ...match.learning, score: match.score, matchedTerms: match.matchedTerms };
}

import { decideGate, type GateRefusal, type GateRequest } from '../domain/gates.ts';
import type { Language } from '../domain/idea.ts';
import { pilotAfter, type GateRecord, type GateRole, type Pilot } from '../domain/pilot.ts';
import { personOf, type Caller } from '../domain/roles.ts';
import { ChecklistIncompleteError, ForbiddenError, HypothesisMissingError, InvalidGateDecisionError, NotFoundError, PreconditionFailedError, ValidationError } from '../http/errors.ts';
import { matchesVersion, type VersionMatch } from '../http/preconditions.ts';
import { pointer } from '../http/validation.ts';
import { VersionConflictError, type PilotStore } from '../store/ports.ts';
import { logger } from '../logger.ts';
import { record } from '../metrics.ts';

export const PILOT_NOT_FOUND = { da: 'Der er ingen pilot med det id.', en: 'There is no pilot with that id.' };

/** The role a gate decision is recorded in: director when the caller is one, else triage. */
export function gateRole(caller: Caller): GateRole | undefined {
  if (caller.roles.includes('director')) return 'director';
  if (caller.roles.includes('triage')) return 'triage';
  return undefined;
}

/**
 * A director or the digitalisation team decides at the gate a pilot stands at, on the version
 * they read, if it satisfies their `If-Match`. The stage change, the gate record, the history
 * event and the pipeline counters are one transaction conditional on that version: of two
 * decisions at once, one wins and the other gets 412.
 */
export async function decideAtGate(
  deps: { pilots: PilotStore },
  request: { pilotId: string; ifMatch: VersionMatch; gate: GateRequest; caller: Caller; language: Language; at: string },
): Promise<{ pilot: Pilot; record: GateRecord }> {
  const role = gateRole(request.caller);
  if (role === undefined) throw new ForbiddenError({ da: 'Kun ledelsen og digitaliseringsteamet træffer beslutninger ved faseovergange.', en: 'Only directors and the digitalisation team decide at gates.' });
  const pilot = await deps.pilots.getPilot(request.pilotId);
  if (pilot === undefined) throw new NotFoundError(PILOT_NOT_FOUND);
  if (!matchesVersion(request.ifMatch, pilot.version)) throw new PreconditionFailedError();
  const settings = await deps.pilots.gateSettings();
  const by = personOf(request.caller);
  const outcome = decideGate(pilot, request.gate, { settings, by, role, at: request.at });
  if (!outcome.ok) throw refusalError(outcome.refusal, request.gate, request.language);
  const after = pilotAfter(pilot, { at: request.at, set: outcome.pilot });
  try {
    await deps.pilots.save({
      before: pilot,
      after,
      gate: outcome.record,
      event: { pilotId: pilot.id, version: after.version, at: request.at, by, change: 'gate', from: pilot.stage, to: after.stage, decision: request.gate.decision, reason: request.gate.reason },
    });
  } catch (error) {
    if (error instanceof VersionConflictError) throw new PreconditionFailedError();
    throw error;
  }
  logger.info('Gate decided', { pilotId: pilot.id, decision: request.gate.decision, from: pilot.stage, to: after.stage, role });
  record.gateDecision(request.gate.decision);
  return { pilot: after, record: outcome.record };
}

function refusalError(refusal: GateRefusal, request: GateRequest, language: Language) {
  const da = language === 'da';
  switch (refusal.kind) {
    case 'not-allowed': {
      const allowed = refusal.allowed.join(', ') || (da ? 'ingen' : 'none');
      return new InvalidGateDecisionError(refusal.stage, refusal.allowed, {
        da: `En pilot i fasen ${refusal.stage} kan ikke få beslutningen ${request.decision}. Mulige beslutninger: ${allowed}.`,
        en: `A pilot in stage ${refusal.stage} cannot get the decision ${request.decision}. Possible decisions: ${allowed}.`,
      });
    }
    case 'unknown-items':
      return new ValidationError(
        refusal.ids.map((id) => ({ pointer: pointer(['checklist', id]), detail: da ? 'Punktet findes ikke på denne tjekliste' : 'There is no such item on this checklist' })),
      );
    case 'checklist-incomplete':
      return new ChecklistIncompleteError(
        refusal.missing.map((item) => ({ id: item.id, text: item.text[language] })),
        {
          da: `Før go skal disse punkter være besvaret ja: ${refusal.missing.map((item) => item.text.da).join('; ')}.`,
          en: `Before go, these items must be answered yes: ${refusal.missing.map((item) => item.text.en).join('; ')}.`,
        },
      );
    case 'hypothesis-missing':
      return new HypothesisMissingError({
        da: 'Skriv hypotesen (forventede timer pr. år, succesmål, baseline og succeskriterium) på piloten, før den går i gang.',
        en: 'Write the hypothesis (expected hours per year, success measure, baseline and success threshold) on the pilot before it starts.',
      });
    case 'learnings-too-short':
      return new ValidationError([
        {
          pointer: '/learnings',
          detail: da ? 'Skriv hvad I har lært, i mindst et par sætninger' : 'Write what was learned, in at least a few sentences',
        },
      ]);
  }
}


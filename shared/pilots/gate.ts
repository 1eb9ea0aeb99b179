import type { Clock } from '../domain/clock.ts';
import { decideGate, type GateRequest } from '../domain/gates.ts';
import { pilotAfter, type GateRecord, type GateRole, type Pilot } from '../domain/pilot.ts';
import { RefusedError } from '../domain/refusals.ts';
import { personOf, type Caller } from '../domain/roles.ts';
import { matchesVersion, type VersionMatch } from '../domain/versions.ts';
import { type PilotStore } from '../store/ports.ts';
import { logger } from '../logger.ts';
import { record } from '../metrics.ts';

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
  deps: { pilots: Pick<PilotStore, 'getPilot' | 'gateSettings' | 'save'>; clock: Clock },
  request: { pilotId: string; ifMatch: VersionMatch; gate: GateRequest; caller: Caller },
): Promise<{ pilot: Pilot; record: GateRecord }> {
  const role = gateRole(request.caller);
  if (role === undefined) throw new RefusedError({ kind: 'gate-role-missing' });
  const pilot = await deps.pilots.getPilot(request.pilotId);
  if (pilot === undefined) throw new RefusedError({ kind: 'pilot-not-found' });
  if (!matchesVersion(request.ifMatch, pilot.version)) throw new RefusedError({ kind: 'stale-version' });
  const settings = await deps.pilots.gateSettings();
  const by = personOf(request.caller);
  const at = deps.clock.now().toISOString();
  const outcome = decideGate(pilot, request.gate, { settings, by, role, at });
  if (!outcome.ok) throw new RefusedError({ kind: 'gate', decision: request.gate.decision, refusal: outcome.refusal });
  const after = pilotAfter(pilot, { at, set: outcome.pilot });
  await deps.pilots.save({
    before: pilot,
    after,
    gate: outcome.record,
    event: { pilotId: pilot.id, version: after.version, at, by, change: 'gate', from: pilot.stage, to: after.stage, decision: request.gate.decision, reason: request.gate.reason },
  });
  logger.info('Gate decided', { pilotId: pilot.id, decision: request.gate.decision, from: pilot.stage, to: after.stage, role });
  record.gateDecision(request.gate.decision);
  return { pilot: after, record: outcome.record };
}

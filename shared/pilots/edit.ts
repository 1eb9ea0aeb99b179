import type { Clock } from '../domain/clock.ts';
import { learningsAreSubstantial } from '../domain/gates.ts';
import { changedFields, patchedPilot, pilotAfter, type Pilot, type PilotPatch } from '../domain/pilot.ts';
import { RefusedError } from '../domain/refusals.ts';
import { personOf, type Caller } from '../domain/roles.ts';
import { matchesVersion, type VersionMatch } from '../domain/versions.ts';
import { type PilotStore } from '../store/ports.ts';

/**
 * Triage edits a pilot (owner, hypothesis, results, costs, artefacts, learnings) on the version
 * it read, if that satisfies its `If-Match`. A patch that changes nothing writes nothing; a
 * stopped pilot keeps learnings worth reading. The pipeline counters follow (expected and
 * realised hours) in the same transaction.
 */
export async function editPilot(
  deps: { pilots: Pick<PilotStore, 'getPilot' | 'save'>; clock: Clock },
  request: { pilotId: string; ifMatch: VersionMatch; patch: PilotPatch; caller: Caller },
): Promise<Pilot> {
  const pilot = await deps.pilots.getPilot(request.pilotId);
  if (pilot === undefined) throw new RefusedError({ kind: 'pilot-not-found' });
  if (!matchesVersion(request.ifMatch, pilot.version)) throw new RefusedError({ kind: 'stale-version' });
  const patched = patchedPilot(pilot, request.patch);
  const fields = changedFields(pilot, patched);
  if (fields.length === 0) return pilot;
  if (pilot.stage === 'stopped' && !learningsAreSubstantial(patched.learnings)) throw new RefusedError({ kind: 'stopped-pilot-learnings' });
  const at = deps.clock.now().toISOString();
  const after = pilotAfter(pilot, { at, set: patched });
  await deps.pilots.save({
    before: pilot,
    after,
    event: { pilotId: pilot.id, version: after.version, at, by: personOf(request.caller), change: 'edit', from: pilot.stage, to: pilot.stage, fields },
  });
  return after;
}

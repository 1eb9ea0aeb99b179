import { learningsAreSubstantial } from '../domain/gates.ts';
import type { Language } from '../domain/idea.ts';
import { changedFields, patchedPilot, pilotAfter, type Pilot, type PilotPatch } from '../domain/pilot.ts';
import { personOf, type Caller } from '../domain/roles.ts';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../http/errors.ts';
import { matchesVersion, type VersionMatch } from '../http/preconditions.ts';
import { VersionConflictError, type PilotStore } from '../store/ports.ts';
import { PILOT_NOT_FOUND } from './gate.ts';

/**
 * Triage edits a pilot (owner, hypothesis, results, costs, artefacts, learnings) on the version
 * it read, if that satisfies its `If-Match`. A patch that changes nothing writes nothing; a
 * stopped pilot keeps learnings worth reading. The pipeline counters follow (expected and
 * realised hours) in the same transaction.
 */
export async function editPilot(
  deps: { pilots: PilotStore },
  request: { pilotId: string; ifMatch: VersionMatch; patch: PilotPatch; caller: Caller; language: Language; at: string },
): Promise<Pilot> {
  const pilot = await deps.pilots.getPilot(request.pilotId);
  if (pilot === undefined) throw new NotFoundError(PILOT_NOT_FOUND);
  if (!matchesVersion(request.ifMatch, pilot.version)) throw new PreconditionFailedError();
  const patched = patchedPilot(pilot, request.patch);
  const fields = changedFields(pilot, patched);
  if (fields.length === 0) return pilot;
  if (pilot.stage === 'stopped' && !learningsAreSubstantial(patched.learnings)) {
    throw new ValidationError([
      {
        pointer: '/learnings',
        detail: request.language === 'da' ? 'En stoppet pilot skal have læring på mindst et par sætninger' : 'A stopped pilot must keep learnings of at least a few sentences',
      },
    ]);
  }
  const after = pilotAfter(pilot, { at: request.at, set: patched });
  try {
    await deps.pilots.save({
      before: pilot,
      after,
      event: { pilotId: pilot.id, version: after.version, at: request.at, by: personOf(request.caller), change: 'edit', from: pilot.stage, to: pilot.stage, fields },
    });
  } catch (error) {
    if (error instanceof VersionConflictError) throw new PreconditionFailedError();
    throw error;
  }
  return after;
}

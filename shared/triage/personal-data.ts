import { findPersonalDataInFields } from '../domain/personal-data.ts';
import { RefusedError } from '../domain/refusals.ts';

/**
 * Triage's own text goes where it cannot be taken back: a comment to the submitter is e-mailed, a
 * question or a decision's message is e-mailed and kept in the idea's history, and an internal
 * comment is read by the whole team. So text that seems to hold personal data (a CPR number, an
 * e-mail address, a phone number, a named person's health; shared/domain/personal-data.ts) is
 * refused (a `personal-data` refusal, 422 over HTTP), naming each field and span, unless the request says
 * `confirmPersonalData: true`; then it is stored as given. The one place this is decided, for
 * comments (./comment.ts) and decisions (./decide.ts), after every other check of the request,
 * so a confirmation is only asked for when the request would otherwise succeed.
 *
 * `fields` are the request's free-text fields by JSON Pointer (`{ '/text': … }`).
 */
export function refuseUnconfirmedPersonalData(fields: Readonly<Record<string, string | undefined>>, confirmed: boolean): void {
  if (confirmed) return;
  const findings = findPersonalDataInFields(fields);
  if (findings.length > 0) throw new RefusedError({ kind: 'personal-data', findings });
}

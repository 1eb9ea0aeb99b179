/**
 * The gate decision dialog's rules, pure: the form as typed, what the page checks before sending
 * (the fields each decision needs, in the API's words), the request body, and the API's refusals
 * turned into what the dialog shows beside the item concerned: the required checklist items
 * missing (409 `checklist-incomplete`), no hypothesis (409 `hypothesis-missing`), a decision the
 * stage does not allow (409 `invalid-gate-decision`), somebody deciding first (412).
 */
import { LEARNINGS_MIN_LENGTH, learningsAreSubstantial, type GateRequest } from '../../../../shared/domain/gates.ts';
import type { GateDecision } from '../../../../shared/domain/pilot.ts';
import type { FieldError } from '../../api/types.ts';

export interface GateForm {
  decision: GateDecision | '';
  reason: string;
  /** The checklist's answers by item id; an item not ticked is sent as `false`. */
  checklist: Record<string, boolean>;
  revisitOn: string;
  mustChange: string;
  learnings: string;
}

export const EMPTY_GATE_FORM: GateForm = { decision: '', reason: '', checklist: {}, revisitOn: '', mustChange: '', learnings: '' };

export interface GateCheckTexts {
  required: string;
  minChars: (min: number) => string;
  learnings: string;
}

/** The faults the page finds itself, as JSON Pointers like the API's (`/reason`); the checklist is the API's to judge. */
export function gateFormErrors(form: GateForm, texts: GateCheckTexts): FieldError[] {
  const errors: FieldError[] = [];
  if (form.decision === '') return [{ pointer: '/decision', detail: texts.required }];
  const reason = form.reason.trim();
  if (reason === '') errors.push({ pointer: '/reason', detail: texts.required });
  else if (reason.length < 3) errors.push({ pointer: '/reason', detail: texts.minChars(3) });
  if (form.decision === 'hold' && form.revisitOn === '') errors.push({ pointer: '/revisitOn', detail: texts.required });
  if (form.decision === 'recycle') {
    const mustChange = form.mustChange.trim();
    if (mustChange === '') errors.push({ pointer: '/mustChange', detail: texts.required });
    else if (mustChange.length < 3) errors.push({ pointer: '/mustChange', detail: texts.minChars(3) });
  }
  if (form.decision === 'stop') {
    if (form.learnings.trim() === '') errors.push({ pointer: '/learnings', detail: texts.required });
    else if (!learningsAreSubstantial(form.learnings)) errors.push({ pointer: '/learnings', detail: texts.learnings });
  }
  return errors;
}

export { LEARNINGS_MIN_LENGTH };

/** The body of `POST /console/pilots/{id}/gates` for the form; every checklist item answered, unticked ones `false`. */
export function gateRequest(form: GateForm, itemIds: readonly string[]): GateRequest {
  const checklist = Object.fromEntries(itemIds.map((id) => [id, form.checklist[id] === true]));
  const reason = form.reason.trim();
  switch (form.decision) {
    case 'hold':
      return { decision: 'hold', reason, revisitOn: form.revisitOn, checklist };
    case 'recycle':
      return { decision: 'recycle', reason, mustChange: form.mustChange.trim(), checklist };
    case 'stop':
      return { decision: 'stop', reason, learnings: form.learnings.trim(), checklist };
    default:
      return { decision: 'go', reason, checklist };
  }
}

/** What a refusal means for the dialog. */
export type GateRefusalView =
  | { kind: 'checklist'; missing: { id: string; text: string }[] }
  | { kind: 'hypothesis' }
  | { kind: 'not-allowed'; allowed: GateDecision[] }
  | { kind: 'conflict' }
  | { kind: 'forbidden' }
  | { kind: 'fields'; errors: FieldError[] }
  | { kind: 'other' };

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Reads the API's answer to a refused decision: its status and problem document. */
export function gateRefusal(status: number, problem: unknown): GateRefusalView {
  const body = record(problem);
  const type = typeof body['type'] === 'string' ? body['type'] : '';
  if (status === 412) return { kind: 'conflict' };
  if (status === 403) return { kind: 'forbidden' };
  if (type.endsWith('/checklist-incomplete') && Array.isArray(body['missing'])) {
    const missing = body['missing'].map(record).filter((item) => typeof item['id'] === 'string');
    return { kind: 'checklist', missing: missing.map((item) => ({ id: String(item['id']), text: typeof item['text'] === 'string' ? item['text'] : String(item['id']) })) };
  }
  if (type.endsWith('/hypothesis-missing')) return { kind: 'hypothesis' };
  if (type.endsWith('/invalid-gate-decision') && Array.isArray(body['allowed'])) return { kind: 'not-allowed', allowed: body['allowed'] as GateDecision[] };
  if (status === 400 && Array.isArray(body['errors'])) {
    const errors = body['errors'].map(record).filter((error) => typeof error['pointer'] === 'string' && typeof error['detail'] === 'string');
    return { kind: 'fields', errors: errors.map((error) => ({ pointer: String(error['pointer']), detail: String(error['detail']) })) };
  }
  return { kind: 'other' };
}

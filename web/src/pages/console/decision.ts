/**
 * A decision as the dialog holds it while it is written (a draft, kept through a conflict), the
 * checks the API makes of it (shared/schemas/console.ts, DecisionInput) and the request it
 * becomes; and the message the submitter will read, composed by the API's own function
 * (shared/domain/messages.ts). Pure: no DOM, no fetch.
 */
import { copenhagenDay } from '../../../../shared/domain/calendar.ts';
import { decisionTarget, type DecisionKind } from '../../../../shared/domain/decisions.ts';
import type { DeclineReason, IdeaDecision, Language, RedirectTarget } from '../../../../shared/domain/idea.ts';
import { submitterMessage } from '../../../../shared/domain/messages.ts';
import type { components } from '../../api/schema.d.ts';
import type { FieldError } from '../../api/types.ts';

export type DecisionInput = components['schemas']['DecisionInput'];

export interface DecisionDraft {
  kind: DecisionKind;
  question: string;
  message: string;
  revisitOn: string;
  reasonCode: DeclineReason | '';
  into: string;
  to: RedirectTarget | '';
}

export function emptyDraft(kind: DecisionKind, into = ''): DecisionDraft {
  return { kind, question: '', message: '', revisitOn: '', reasonCode: '', into, to: '' };
}

export interface DraftTexts {
  required: string;
  minChars: (min: number) => string;
  maxChars: (max: number) => string;
  dateInvalid: string;
  dateFuture: string;
  idInvalid: string;
}

const MESSAGE_MAX = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function textFault(value: string, min: number, required: boolean, texts: DraftTexts): string | undefined {
  const length = value.trim().length;
  if (length === 0) return required ? texts.required : undefined;
  if (length < min) return texts.minChars(min);
  if (length > MESSAGE_MAX) return texts.maxChars(MESSAGE_MAX);
  return undefined;
}

/** What is wrong with the draft, field by field (as JSON Pointers, as the API names them); none when it can be sent. */
export function draftErrors(draft: DecisionDraft, texts: DraftTexts, now = new Date()): FieldError[] {
  const faults: [string, string | undefined][] = [];
  switch (draft.kind) {
    case 'needs_info':
      faults.push(['question', textFault(draft.question, 5, true, texts)]);
      break;
    case 'accept':
      faults.push(['message', textFault(draft.message, 1, false, texts)]);
      break;
    case 'park':
      faults.push([
        'revisitOn',
        draft.revisitOn === '' ? texts.required : !/^\d{4}-\d{2}-\d{2}$/.test(draft.revisitOn) ? texts.dateInvalid : draft.revisitOn <= copenhagenDay(now) ? texts.dateFuture : undefined,
      ]);
      faults.push(['message', textFault(draft.message, 1, false, texts)]);
      break;
    case 'decline':
      faults.push(['reasonCode', draft.reasonCode === '' ? texts.required : undefined]);
      faults.push(['message', textFault(draft.message, 1, true, texts)]);
      break;
    case 'duplicate':
      faults.push(['into', draft.into.trim() === '' ? texts.required : UUID.test(draft.into.trim()) ? undefined : texts.idInvalid]);
      faults.push(['message', textFault(draft.message, 1, false, texts)]);
      break;
    case 'redirect':
      faults.push(['to', draft.to === '' ? texts.required : undefined]);
      faults.push(['message', textFault(draft.message, 1, true, texts)]);
      break;
  }
  return faults.flatMap(([field, detail]) => (detail === undefined ? [] : [{ pointer: `/${field}`, detail }]));
}

function optionalMessage(message: string): { message?: string } {
  return message.trim() === '' ? {} : { message: message.trim() };
}

/** The request body of a draft that passed draftErrors. */
export function decisionInput(draft: DecisionDraft, confirmPersonalData: boolean): DecisionInput {
  const confirm = confirmPersonalData ? { confirmPersonalData: true } : {};
  switch (draft.kind) {
    case 'needs_info':
      return { decision: 'needs_info', question: draft.question.trim(), ...confirm };
    case 'accept':
      return { decision: 'accept', ...optionalMessage(draft.message), ...confirm };
    case 'park':
      return { decision: 'park', revisitOn: draft.revisitOn, ...optionalMessage(draft.message), ...confirm };
    case 'decline':
      return { decision: 'decline', reasonCode: draft.reasonCode as DeclineReason, message: draft.message.trim(), ...confirm };
    case 'duplicate':
      return { decision: 'duplicate', into: draft.into.trim(), ...optionalMessage(draft.message), ...confirm };
    case 'redirect':
      return { decision: 'redirect', to: draft.to as RedirectTarget, message: draft.message.trim(), ...confirm };
  }
}

/** The message the submitter will read when the decision is taken, as the API writes it, in the idea's language. */
export function submitterPreview(draft: DecisionDraft, language: Language): string {
  const message = (draft.kind === 'needs_info' ? draft.question : draft.message).trim();
  const decision: IdeaDecision = {
    kind: draft.kind,
    at: new Date().toISOString(),
    by: { sub: '' },
    ...(message === '' ? {} : { message }),
    ...(draft.kind === 'decline' && draft.reasonCode !== '' ? { reasonCode: draft.reasonCode } : {}),
    ...(draft.kind === 'redirect' && draft.to !== '' ? { redirectTo: draft.to } : {}),
    ...(draft.kind === 'park' && /^\d{4}-\d{2}-\d{2}$/.test(draft.revisitOn) ? { revisitOn: draft.revisitOn } : {}),
  };
  return submitterMessage(decisionTarget(draft.kind), decision, language);
}

/**
 * The gate settings as the admin form holds them, and back: each gate's checklist items (Danish
 * and English text, required or not) with a key of their own for the page, and the stage limits
 * as typed. New items get ids made from their Danish text. Pure.
 */
import { ACTIVE_STAGES, GATE_NAMES, type ActiveStage, type GateName } from '../../../../../shared/domain/pilot.ts';
import type { components } from '../../../api/schema.d.ts';
import type { FieldError } from '../../../api/types.ts';
import type { PointerField } from '../../../api/problems.ts';
import { fieldIdOf, idFromName, numberTyped, uniqueId } from './form-errors.ts';

export type GateSettings = components['schemas']['GateSettings'];
export type GateSettingsInput = components['schemas']['GateSettingsInput'];

export const GATES_FORM = 'gates';
export { ACTIVE_STAGES, GATE_NAMES };

export interface ItemDraft {
  key: string;
  /** Empty for an item added here: made from its Danish text when saved. */
  id: string;
  text: { da: string; en: string };
  required: boolean;
}

export interface GatesDraft {
  gates: Record<GateName, ItemDraft[]>;
  stageLimitDays: Record<ActiveStage, string>;
}

let keys = 0;
function newKey(): string {
  keys += 1;
  return `g${keys}`;
}

export function gatesDraftOf(settings: GateSettings): GatesDraft {
  return {
    gates: Object.fromEntries(
      GATE_NAMES.map((gate) => [gate, settings.gates[gate].map((item) => ({ key: newKey(), id: item.id, text: { ...item.text }, required: item.required }))]),
    ) as GatesDraft['gates'],
    stageLimitDays: Object.fromEntries(ACTIVE_STAGES.map((stage) => [stage, String(settings.stageLimitDays[stage])])) as GatesDraft['stageLimitDays'],
  };
}

export function newItem(): ItemDraft {
  return { key: newKey(), id: '', text: { da: '', en: '' }, required: true };
}

/** The body of `PUT /console/gates`, or the faults the page finds itself (a limit that is no whole number); the API checks the rest. */
export function gatesInputOf(draft: GatesDraft, notAWholeNumber: string): { input: GateSettingsInput } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const gates = Object.fromEntries(
    GATE_NAMES.map((gate) => {
      const taken = new Set(draft.gates[gate].map((item) => item.id).filter((id) => id !== ''));
      const items = draft.gates[gate].map((item) => {
        let id = item.id;
        if (id === '') {
          id = uniqueId(idFromName(item.text.da, '-', 64) || 'item', taken, '-');
          taken.add(id);
        }
        return { id, text: item.text, required: item.required };
      });
      return [gate, items];
    }),
  ) as GateSettingsInput['gates'];
  const stageLimitDays = Object.fromEntries(
    ACTIVE_STAGES.map((stage) => {
      const days = numberTyped(draft.stageLimitDays[stage]);
      if (days === undefined || !Number.isInteger(days)) errors.push({ pointer: `/stageLimitDays/${stage}`, detail: notAWholeNumber });
      return [stage, days ?? 0];
    }),
  ) as GateSettingsInput['stageLimitDays'];
  return errors.length > 0 ? { errors } : { input: { gates, stageLimitDays } };
}

export interface GatesLabels {
  gate: (gate: GateName) => string;
  item: (n: number) => string;
  itemText: (language: string) => string;
  required: string;
  limits: string;
  days: (stage: ActiveStage) => string;
  languages: { da: string; en: string };
  within: (group: string, field: string) => string;
}

/** Every field and group in reading order with the pointer it edits. */
export function gatesFields(draft: GatesDraft, labels: GatesLabels): PointerField[] {
  const field = (pointer: string, label: string): PointerField => ({ pointer, id: fieldIdOf(GATES_FORM, pointer), label });
  return [
    ...GATE_NAMES.flatMap((gate) => [
      field(`/gates/${gate}`, labels.gate(gate)),
      ...draft.gates[gate].flatMap((_, index) => {
        const group = labels.within(labels.gate(gate), labels.item(index + 1));
        const at = `/gates/${gate}/${index}`;
        return [
          field(at, group),
          field(`${at}/text/da`, labels.within(group, labels.itemText(labels.languages.da))),
          field(`${at}/text/en`, labels.within(group, labels.itemText(labels.languages.en))),
          field(`${at}/required`, labels.within(group, labels.required)),
        ];
      }),
    ]),
    field('/stageLimitDays', labels.limits),
    ...ACTIVE_STAGES.map((stage) => field(`/stageLimitDays/${stage}`, labels.days(stage))),
  ];
}

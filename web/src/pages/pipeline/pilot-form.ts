/**
 * The team's pilot form, pure: a pilot as the form's fields (text as typed), what the page checks
 * before sending (in the API's words, at JSON Pointers like the API's), and the
 * `PATCH /console/pilots/{id}` body: only the parts that changed, a part emptied sent as `null`.
 * Artefacts and the title are not in the form.
 */
import type { RiskLevel } from '../../../../shared/domain/pilot.ts';
import type { FieldError, PilotDocument } from '../../api/types.ts';

export interface PilotForm {
  ownerSub: string;
  ownerName: string;
  riskLevel: RiskLevel | '';
  expectedHoursPerYear: string;
  successMeasure: string;
  baseline: string;
  successThreshold: string;
  resultsSummary: string;
  realisedHoursPerYear: string;
  measuredOn: string;
  followUpOn: string;
  followUps: string;
  oneOffDkk: string;
  yearlyDkk: string;
  learnings: string;
}

const text = (value: number | string | undefined) => (value === undefined ? '' : String(value));

export function pilotFormOf(pilot: PilotDocument): PilotForm {
  return {
    ownerSub: text(pilot.owner?.sub),
    ownerName: text(pilot.owner?.name),
    riskLevel: pilot.riskLevel ?? '',
    expectedHoursPerYear: text(pilot.hypothesis?.expectedHoursPerYear),
    successMeasure: text(pilot.hypothesis?.successMeasure),
    baseline: text(pilot.hypothesis?.baseline),
    successThreshold: text(pilot.hypothesis?.successThreshold),
    resultsSummary: text(pilot.results?.summary),
    realisedHoursPerYear: text(pilot.results?.realisedHoursPerYear),
    measuredOn: text(pilot.results?.measuredOn),
    followUpOn: text(pilot.results?.followUpOn),
    followUps: text(pilot.results?.followUps),
    oneOffDkk: text(pilot.cost?.oneOffDkk),
    yearlyDkk: text(pilot.cost?.yearlyDkk),
    learnings: text(pilot.learnings),
  };
}

export interface PilotFormTexts {
  required: string;
  minChars: (min: number) => string;
  wholeNumber: string;
  /** A part's fields are all or nothing: this one is needed because another of the part is filled in. */
  partRequired: string;
}

export type PilotPatch = Record<string, unknown>;

/** A whole number of 0 or more as typed (spaces and thousands' dots allowed); undefined when empty, NaN when no such number. */
function wholeNumber(value: string): number | undefined {
  const compact = value.replace(/[\s.]/g, '');
  if (compact === '') return undefined;
  return /^\d{1,10}$/.test(compact) ? Number(compact) : Number.NaN;
}

const filled = (value: string) => value.trim() !== '';

/** The faults the page finds itself, and the body to send when there are none. */
export function pilotPatch(form: PilotForm, pilot: PilotDocument, texts: PilotFormTexts): { errors: FieldError[]; patch: PilotPatch } {
  const errors: FieldError[] = [];
  const number = (pointer: string, value: string) => {
    const parsed = wholeNumber(value);
    if (Number.isNaN(parsed)) errors.push({ pointer, detail: texts.wholeNumber });
    return parsed;
  };
  const needed = (pointer: string, value: string, min = 1) => {
    if (!filled(value)) errors.push({ pointer, detail: texts.partRequired });
    else if (value.trim().length < min) errors.push({ pointer, detail: texts.minChars(min) });
  };

  const owner = filled(form.ownerSub) ? { sub: form.ownerSub.trim(), ...(filled(form.ownerName) ? { name: form.ownerName.trim() } : {}) } : null;
  if (!filled(form.ownerSub) && filled(form.ownerName)) errors.push({ pointer: '/owner/sub', detail: texts.partRequired });

  const hypothesisParts = [form.expectedHoursPerYear, form.successMeasure, form.baseline, form.successThreshold];
  let hypothesis: PilotPatch | null = null;
  if (hypothesisParts.some(filled)) {
    const expected = number('/hypothesis/expectedHoursPerYear', form.expectedHoursPerYear);
    if (!filled(form.expectedHoursPerYear)) errors.push({ pointer: '/hypothesis/expectedHoursPerYear', detail: texts.partRequired });
    needed('/hypothesis/successMeasure', form.successMeasure, 3);
    needed('/hypothesis/baseline', form.baseline);
    needed('/hypothesis/successThreshold', form.successThreshold);
    hypothesis = { expectedHoursPerYear: expected, successMeasure: form.successMeasure.trim(), baseline: form.baseline.trim(), successThreshold: form.successThreshold.trim() };
  }

  let results: PilotPatch | null = null;
  if ([form.resultsSummary, form.realisedHoursPerYear, form.measuredOn, form.followUpOn, form.followUps].some(filled)) {
    needed('/results/summary', form.resultsSummary);
    const realised = number('/results/realisedHoursPerYear', form.realisedHoursPerYear);
    const followUps = number('/results/followUps', form.followUps);
    results = {
      summary: form.resultsSummary.trim(),
      ...(realised === undefined ? {} : { realisedHoursPerYear: realised }),
      ...(filled(form.measuredOn) ? { measuredOn: form.measuredOn } : {}),
      ...(filled(form.followUpOn) ? { followUpOn: form.followUpOn } : {}),
      ...(followUps === undefined ? {} : { followUps }),
    };
  }

  const oneOff = number('/cost/oneOffDkk', form.oneOffDkk);
  const yearly = number('/cost/yearlyDkk', form.yearlyDkk);
  const cost = oneOff === undefined && yearly === undefined ? null : { ...(oneOff === undefined ? {} : { oneOffDkk: oneOff }), ...(yearly === undefined ? {} : { yearlyDkk: yearly }) };

  const before = pilotFormOf(pilot);
  const changed = (...keys: (keyof PilotForm)[]) => keys.some((key) => form[key].trim() !== before[key].trim());
  const patch: PilotPatch = {
    ...(changed('ownerSub', 'ownerName') ? { owner } : {}),
    ...(changed('riskLevel') ? { riskLevel: form.riskLevel === '' ? null : form.riskLevel } : {}),
    ...(changed('expectedHoursPerYear', 'successMeasure', 'baseline', 'successThreshold') ? { hypothesis } : {}),
    ...(changed('resultsSummary', 'realisedHoursPerYear', 'measuredOn', 'followUpOn', 'followUps') ? { results } : {}),
    ...(changed('oneOffDkk', 'yearlyDkk') ? { cost } : {}),
    ...(changed('learnings') ? { learnings: filled(form.learnings) ? form.learnings.trim() : null } : {}),
  };
  return { errors, patch };
}

/**
 * The team's pilot form, pure: a pilot as the form's fields (text as typed), what the page checks
 * before sending (in the API's words, at JSON Pointers like the API's), and the
 * `PATCH /console/pilots/{id}` body: only the parts that changed, a part emptied sent as `null`.
 * The title is sent when changed; the artefacts (`/artefacts/0/title`, …) are sent whole when any
 * of them changed, was added or removed, as the API replaces the list. A pilot read again (after
 * a 412) is merged under what was typed (`rebasedForm`): the fields the person left as they were
 * take the new version's values, so saving on top changes only what they changed.
 */
import { LIMITS } from '../../../../shared/domain/idea.ts';
import type { ArtefactKind, RiskLevel } from '../../../../shared/domain/pilot.ts';
import type { FieldError, PilotDocument } from '../../api/types.ts';

/** One artefact as typed; `key` tells the page's rows apart and is never sent. */
export interface ArtefactDraft {
  key: string;
  kind: ArtefactKind;
  title: string;
  url: string;
  text: string;
}

export interface PilotForm {
  title: string;
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
  artefacts: ArtefactDraft[];
}

/** The form's fields that are one text each (all but the artefacts). */
export type PilotTextKey = Exclude<keyof PilotForm, 'artefacts'>;

/** The API's limits on an artefact (shared/schemas/pilots.ts). */
export const ARTEFACT_LIMITS = { max: 50, titleMax: 200, urlMax: 2000, textMax: 10_000 } as const;

const text = (value: number | string | undefined) => (value === undefined ? '' : String(value));

let keys = 0;
function newKey(): string {
  keys += 1;
  return `a${keys}`;
}

/** A new, empty artefact for the form: a storyboard until another kind is chosen. */
export function newArtefact(): ArtefactDraft {
  return { key: newKey(), kind: 'storyboard', title: '', url: '', text: '' };
}

export function pilotFormOf(pilot: PilotDocument): PilotForm {
  return {
    title: pilot.title,
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
    artefacts: pilot.artefacts.map((artefact) => ({ key: newKey(), kind: artefact.kind, title: artefact.title, url: text(artefact.url), text: text(artefact.text) })),
  };
}

export interface PilotFormTexts {
  required: string;
  minChars: (min: number) => string;
  maxChars: (max: number) => string;
  /** Too many of a list: "Må højst være 50". */
  maxItems: (max: number) => string;
  wholeNumber: string;
  /** A part's fields are all or nothing: this one is needed because another of the part is filled in. */
  partRequired: string;
  /** A link that is no web address (http or https), in the API's words. */
  url: string;
  /** An artefact with neither a link nor a text, in the API's words. */
  artefactNeedsContent: string;
}

export type PilotPatch = Record<string, unknown>;

/** A whole number of 0 or more as typed (spaces and thousands' dots allowed); undefined when empty, NaN when no such number. */
function wholeNumber(value: string): number | undefined {
  const compact = value.replace(/[\s.]/g, '');
  if (compact === '') return undefined;
  return /^\d{1,10}$/.test(compact) ? Number(compact) : Number.NaN;
}

const filled = (value: string) => value.trim() !== '';
/** Text as the API stores it (shared/schemas/text.ts): NFC, control characters but line breaks and tabs removed, trimmed. */
const cleaned = (value: string) =>
  value
    .normalize('NFC')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .trim();

/** A domain name as the API's `z.regexes.domain` has it: labels and a top-level domain of letters. */
const DOMAIN = /^(?=.{1,253}$)([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

/** Whether a link is a web address the API takes: http or https, `://`, a domain name. */
export function isWebAddress(value: string): boolean {
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return false;
  try {
    return DOMAIN.test(new URL(trimmed).hostname);
  } catch {
    return false;
  }
}

/** An artefact as the API takes it: cleaned text, a link or a text left out when empty. */
function artefactOf(draft: ArtefactDraft): { kind: ArtefactKind; title: string; url?: string; text?: string } {
  const url = draft.url.trim();
  const body = cleaned(draft.text);
  return { kind: draft.kind, title: cleaned(draft.title), ...(url === '' ? {} : { url }), ...(body === '' ? {} : { text: body }) };
}

const sameArtefacts = (a: readonly ArtefactDraft[], b: readonly ArtefactDraft[]) => JSON.stringify(a.map(artefactOf)) === JSON.stringify(b.map(artefactOf));

/** The faults of the artefacts, at the API's pointers: a field's own, `/artefacts/N` for neither link nor text, `/artefacts` for too many. */
function artefactErrors(artefacts: readonly ArtefactDraft[], texts: PilotFormTexts): FieldError[] {
  const errors: FieldError[] = [];
  const tooLong = (pointer: string, value: string, max: number) => {
    if (cleaned(value).length > max) errors.push({ pointer, detail: texts.maxChars(max) });
  };
  if (artefacts.length > ARTEFACT_LIMITS.max) errors.push({ pointer: '/artefacts', detail: texts.maxItems(ARTEFACT_LIMITS.max) });
  artefacts.forEach((artefact, index) => {
    const at = `/artefacts/${index}`;
    if (cleaned(artefact.title) === '') errors.push({ pointer: `${at}/title`, detail: texts.required });
    tooLong(`${at}/title`, artefact.title, ARTEFACT_LIMITS.titleMax);
    if (filled(artefact.url) && !isWebAddress(artefact.url)) errors.push({ pointer: `${at}/url`, detail: texts.url });
    else if (artefact.url.trim().length > ARTEFACT_LIMITS.urlMax) errors.push({ pointer: `${at}/url`, detail: texts.maxChars(ARTEFACT_LIMITS.urlMax) });
    tooLong(`${at}/text`, artefact.text, ARTEFACT_LIMITS.textMax);
    if (!filled(artefact.url) && cleaned(artefact.text) === '') errors.push({ pointer: at, detail: texts.artefactNeedsContent });
  });
  return errors;
}

/** The faults the page finds itself, and the body to send when there are none. */
export function pilotPatch(form: PilotForm, pilot: PilotDocument, texts: PilotFormTexts): { errors: FieldError[]; patch: PilotPatch } {
  const errors: FieldError[] = [];
  const before = pilotFormOf(pilot);
  const changed = (...keys: PilotTextKey[]) => keys.some((key) => form[key].trim() !== before[key].trim());
  const artefactsChanged = !sameArtefacts(form.artefacts, before.artefacts);

  const number = (pointer: string, value: string) => {
    const parsed = wholeNumber(value);
    if (Number.isNaN(parsed)) errors.push({ pointer, detail: texts.wholeNumber });
    return parsed;
  };
  const needed = (pointer: string, value: string, min = 1) => {
    if (!filled(value)) errors.push({ pointer, detail: texts.partRequired });
    else if (value.trim().length < min) errors.push({ pointer, detail: texts.minChars(min) });
  };

  const title = cleaned(form.title);
  const titleChanged = title !== cleaned(pilot.title);
  if (titleChanged) {
    if (title === '') errors.push({ pointer: '/title', detail: texts.required });
    else if (title.length < LIMITS.titleMin) errors.push({ pointer: '/title', detail: texts.minChars(LIMITS.titleMin) });
    else if (title.length > LIMITS.titleMax) errors.push({ pointer: '/title', detail: texts.maxChars(LIMITS.titleMax) });
  }

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

  if (artefactsChanged) errors.push(...artefactErrors(form.artefacts, texts));

  const patch: PilotPatch = {
    ...(titleChanged ? { title } : {}),
    ...(changed('ownerSub', 'ownerName') ? { owner } : {}),
    ...(changed('riskLevel') ? { riskLevel: form.riskLevel === '' ? null : form.riskLevel } : {}),
    ...(changed('expectedHoursPerYear', 'successMeasure', 'baseline', 'successThreshold') ? { hypothesis } : {}),
    ...(changed('resultsSummary', 'realisedHoursPerYear', 'measuredOn', 'followUpOn', 'followUps') ? { results } : {}),
    ...(changed('oneOffDkk', 'yearlyDkk') ? { cost } : {}),
    ...(changed('learnings') ? { learnings: filled(form.learnings) ? form.learnings.trim() : null } : {}),
    ...(artefactsChanged ? { artefacts: form.artefacts.map(artefactOf) } : {}),
  };
  return { errors, patch };
}

/**
 * The form over a pilot read again: each field the person left as it was in `before` (the version
 * the form was filled from) takes its value in `after`; what they typed stays. The artefacts are
 * one list: kept whole when any was changed, added or removed, else the new version's.
 */
export function rebasedForm(form: PilotForm, before: PilotForm, after: PilotForm): PilotForm {
  const merged = { ...form };
  for (const key of Object.keys(form) as (keyof PilotForm)[]) {
    if (key === 'artefacts') merged.artefacts = sameArtefacts(form.artefacts, before.artefacts) ? after.artefacts : form.artefacts;
    else if (form[key] === before[key]) (merged as Record<PilotTextKey, string>)[key] = after[key];
  }
  return merged;
}

/** The faults still to show once artefact `index` is removed: its own gone, those of the artefacts after it moved up one. */
export function errorsAfterRemoval(errors: readonly FieldError[], index: number): FieldError[] {
  return errors.flatMap((error) => {
    const match = /^\/artefacts\/(\d+)(\/.*)?$/.exec(error.pointer);
    if (match === null) return [error];
    const at = Number(match[1]);
    if (at === index) return [];
    return [at < index ? error : { ...error, pointer: `/artefacts/${at - 1}${match[2] ?? ''}` }];
  });
}

/**
 * The strategy as the admin form holds it, and back: keywords as one text per language (one a
 * line), weights as typed, each theme and criterion with a key of its own for the page. Pure.
 */
import type { components } from '../../../api/schema.d.ts';
import type { FieldError } from '../../../api/types.ts';
import type { PointerField } from '../../../api/problems.ts';
import { fieldIdOf, idFromName, numberTyped, uniqueId } from './form-errors.ts';

export type StrategyInput = components['schemas']['StrategyInput'];
type Bilingual = { da: string; en: string };
export type Step = StrategyInput['criteria'][number]['scale'][number];
type Criterion = components['schemas']['Criterion'];
/** A stored version, as the client reads it: its scale is five steps, typed as a list. */
export type Strategy = Omit<components['schemas']['Strategy'], 'criteria'> & { criteria: (Omit<Criterion, 'scale'> & { scale: Step[] })[] };

export const STRATEGY_FORM = 'strategy';
export const SCALE_STEPS = [0, 1, 2, 3, 4] as const;

export interface ThemeDraft {
  key: string;
  /** Empty for a theme added here: made from its Danish name when saved. */
  id: string;
  name: Bilingual;
  description: Bilingual;
  keywords: Bilingual;
  weight: string;
}

export interface CriterionDraft {
  key: string;
  id: string;
  name: Bilingual;
  weight: string;
  scale: [Step, Step, Step, Step, Step];
}

export interface StrategyDraft {
  name: Bilingual;
  period: { from: string; to: string };
  themes: ThemeDraft[];
  criteria: CriterionDraft[];
}

let keys = 0;
function newKey(): string {
  keys += 1;
  return `k${keys}`;
}

/** The form filled in from a stored version. */
export function draftOf(strategy: Strategy | StrategyInput): StrategyDraft {
  return {
    name: { ...strategy.name },
    period: { ...strategy.period },
    themes: strategy.themes.map((theme) => ({
      key: newKey(),
      id: theme.id,
      name: { ...theme.name },
      description: { ...theme.description },
      keywords: { da: theme.keywords.da.join('\n'), en: theme.keywords.en.join('\n') },
      weight: String(theme.weight),
    })),
    criteria: strategy.criteria.map((criterion) => ({
      key: newKey(),
      id: criterion.id,
      name: { ...criterion.name },
      weight: String(criterion.weight),
      scale: criterion.scale.map((step) => ({ ...step })) as CriterionDraft['scale'],
    })),
  };
}

const empty = (): Bilingual => ({ da: '', en: '' });

export function newTheme(): ThemeDraft {
  return { key: newKey(), id: '', name: empty(), description: empty(), keywords: empty(), weight: '1' };
}

export function newCriterion(): CriterionDraft {
  return { key: newKey(), id: '', name: empty(), weight: '1', scale: [empty(), empty(), empty(), empty(), empty()] };
}

/** The keywords of one language's text: one a line, trimmed, empty lines and repeats left out. */
export function keywordsOf(text: string): string[] {
  return [...new Set(text.split('\n').map((line) => line.trim()).filter((line) => line !== ''))];
}

/**
 * The body of `PUT /console/strategy`, or the faults the page finds itself (a weight that is no
 * number); everything else the API checks. New themes and criteria get ids made from their
 * Danish names.
 */
export function inputOf(draft: StrategyDraft, notANumber: string): { input: StrategyInput } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const weight = (value: string, pointer: string) => {
    const number = numberTyped(value);
    if (number === undefined) errors.push({ pointer, detail: notANumber });
    return number ?? 0;
  };
  const themeIds = new Set(draft.themes.map((theme) => theme.id).filter((id) => id !== ''));
  const criterionIds = new Set(draft.criteria.map((criterion) => criterion.id).filter((id) => id !== ''));
  const newId = (name: string, taken: Set<string>) => {
    const id = uniqueId(idFromName(name, '_', 40).replace(/^[^a-z]+/, ''), taken, '_');
    taken.add(id);
    return id;
  };
  const input: StrategyInput = {
    name: draft.name,
    period: draft.period,
    themes: draft.themes.map((theme, index) => ({
      id: theme.id === '' ? newId(theme.name.da, themeIds) : theme.id,
      name: theme.name,
      description: theme.description,
      keywords: { da: keywordsOf(theme.keywords.da), en: keywordsOf(theme.keywords.en) },
      weight: weight(theme.weight, `/themes/${index}/weight`),
    })),
    criteria: draft.criteria.map((criterion, index) => ({
      id: criterion.id === '' ? newId(criterion.name.da, criterionIds) : criterion.id,
      name: criterion.name,
      weight: weight(criterion.weight, `/criteria/${index}/weight`),
      scale: criterion.scale,
    })),
  };
  return errors.length > 0 ? { errors } : { input };
}

/** What the form's labels say, in the page's language. */
export interface StrategyLabels {
  name: (language: string) => string;
  periodFrom: string;
  periodTo: string;
  themes: string;
  theme: (n: number) => string;
  themeName: (language: string) => string;
  description: (language: string) => string;
  keywords: (language: string) => string;
  weight: string;
  criteria: string;
  criterion: (n: number) => string;
  criterionName: (language: string) => string;
  step: (step: number, language: string) => string;
  languages: { da: string; en: string };
  within: (group: string, field: string) => string;
}

const LANGUAGES = ['da', 'en'] as const;

/** Every field and group of the form in reading order, with the pointer it edits: where a fault is shown, and its line in the summary. */
export function strategyFields(draft: StrategyDraft, labels: StrategyLabels): PointerField[] {
  const field = (pointer: string, label: string): PointerField => ({ pointer, id: fieldIdOf(STRATEGY_FORM, pointer), label });
  const bilingual = (pointer: string, label: (language: string) => string, group?: string) =>
    LANGUAGES.map((language) => {
      const text = label(labels.languages[language]);
      return field(`${pointer}/${language}`, group === undefined ? text : labels.within(group, text));
    });
  return [
    ...bilingual('/name', labels.name),
    field('/period/from', labels.periodFrom),
    field('/period/to', labels.periodTo),
    field('/themes', labels.themes),
    ...draft.themes.flatMap((_, index) => {
      const group = labels.theme(index + 1);
      const at = `/themes/${index}`;
      return [
        field(at, group),
        ...bilingual(`${at}/name`, labels.themeName, group),
        ...bilingual(`${at}/description`, labels.description, group),
        ...bilingual(`${at}/keywords`, labels.keywords, group),
        field(`${at}/weight`, labels.within(group, labels.weight)),
      ];
    }),
    field('/criteria', labels.criteria),
    ...draft.criteria.flatMap((criterion, index) => {
      const group = labels.criterion(index + 1);
      const at = `/criteria/${index}`;
      return [
        field(at, group),
        ...bilingual(`${at}/name`, labels.criterionName, group),
        field(`${at}/weight`, labels.within(group, labels.weight)),
        ...criterion.scale.flatMap((_step, step) => bilingual(`${at}/scale/${step}`, (language) => labels.step(step, language), group)),
      ];
    }),
  ];
}

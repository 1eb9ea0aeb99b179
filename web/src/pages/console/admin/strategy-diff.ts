/**
 * What changed between two versions of the strategy, for a person to read: the name and period,
 * themes and criteria added or removed (by id), and for the others each field that changed, the
 * keywords added and removed per language. Pure.
 */
import type { Step, StrategyInput } from './strategy-form.ts';

type Language = 'da' | 'en';
type Versioned = Pick<StrategyInput, 'name' | 'period' | 'themes'> & { criteria: (Omit<StrategyInput['criteria'][number], 'scale'> & { scale: readonly Step[] })[] };

/** One field that changed: which, in which language (or scale step), from what, to what. */
export type FieldChange =
  | { field: 'name' | 'description'; language: Language; from: string; to: string }
  | { field: 'weight'; from: number; to: number }
  | { field: 'step'; step: number; language: Language; from: string; to: string };

export interface KeywordChange {
  language: Language;
  added: string[];
  removed: string[];
}

/** A theme or criterion in both versions, and what changed in it. */
export interface ItemChange {
  id: string;
  name: { da: string; en: string };
  fields: FieldChange[];
  keywords: KeywordChange[];
}

export interface ItemsDiff {
  added: { id: string; name: { da: string; en: string } }[];
  removed: { id: string; name: { da: string; en: string } }[];
  changed: ItemChange[];
}

export interface StrategyDiff {
  name: FieldChange[];
  period: { from: { from: string; to: string }; to: { from: string; to: string } } | undefined;
  themes: ItemsDiff;
  criteria: ItemsDiff;
}

const LANGUAGES: readonly Language[] = ['da', 'en'];

function textChanges(field: 'name' | 'description', from: { da: string; en: string }, to: { da: string; en: string }): FieldChange[] {
  return LANGUAGES.filter((language) => from[language] !== to[language]).map((language) => ({ field, language, from: from[language], to: to[language] }));
}

function weightChange(from: number, to: number): FieldChange[] {
  return from === to ? [] : [{ field: 'weight', from, to }];
}

function itemsDiff<T extends { id: string; name: { da: string; en: string } }>(from: readonly T[], to: readonly T[], changes: (before: T, after: T) => Omit<ItemChange, 'id' | 'name'>): ItemsDiff {
  const named = (item: T) => ({ id: item.id, name: item.name });
  return {
    added: to.filter((item) => !from.some((old) => old.id === item.id)).map(named),
    removed: from.filter((item) => !to.some((next) => next.id === item.id)).map(named),
    changed: to.flatMap((after) => {
      const before = from.find((old) => old.id === after.id);
      if (before === undefined) return [];
      const change = changes(before, after);
      return change.fields.length === 0 && change.keywords.length === 0 ? [] : [{ ...named(after), ...change }];
    }),
  };
}

export function strategyDiff(from: Versioned, to: Versioned): StrategyDiff {
  return {
    name: textChanges('name', from.name, to.name),
    period: from.period.from === to.period.from && from.period.to === to.period.to ? undefined : { from: from.period, to: to.period },
    themes: itemsDiff(from.themes, to.themes, (before, after) => ({
      fields: [...textChanges('name', before.name, after.name), ...textChanges('description', before.description, after.description), ...weightChange(before.weight, after.weight)],
      keywords: LANGUAGES.map((language) => ({
        language,
        added: after.keywords[language].filter((word) => !before.keywords[language].includes(word)),
        removed: before.keywords[language].filter((word) => !after.keywords[language].includes(word)),
      })).filter((change) => change.added.length > 0 || change.removed.length > 0),
    })),
    criteria: itemsDiff(from.criteria, to.criteria, (before, after) => ({
      fields: [
        ...textChanges('name', before.name, after.name),
        ...weightChange(before.weight, after.weight),
        ...after.scale.flatMap((step, index) =>
          LANGUAGES.filter((language) => before.scale[index]?.[language] !== step[language]).map((language) => ({
            field: 'step' as const,
            step: index,
            language,
            from: before.scale[index]?.[language] ?? '',
            to: step[language],
          })),
        ),
      ],
      keywords: [],
    })),
  };
}

/** True when the two versions say the same. */
export function isUnchanged(diff: StrategyDiff): boolean {
  const none = (items: ItemsDiff) => items.added.length === 0 && items.removed.length === 0 && items.changed.length === 0;
  return diff.name.length === 0 && diff.period === undefined && none(diff.themes) && none(diff.criteria);
}

/** The admin forms' pure rules: where a fault's pointer lands, ids made from names, the strategy's body and what changed between versions. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STRATEGY } from '../../../shared/domain/strategy/default-strategy.ts';
import { faultSummary, type PointerField } from '../../../web/src/api/problems.ts';
import { faultsByField, fieldIdOf, idFromName, numberTyped, uniqueId } from '../../../web/src/pages/console/admin/form-errors.ts';
import { gatesInputOf, newItem, type GatesDraft } from '../../../web/src/pages/console/admin/gates-form.ts';
import { isUnchanged, strategyDiff } from '../../../web/src/pages/console/admin/strategy-diff.ts';
import { draftOf, inputOf, keywordsOf, newTheme } from '../../../web/src/pages/console/admin/strategy-form.ts';

const FIELDS: PointerField[] = [
  { pointer: '/themes', id: 'strategy-themes', label: 'Temaer' },
  { pointer: '/themes/0', id: 'strategy-themes-0', label: 'Tema 1' },
  { pointer: '/themes/0/keywords/da', id: 'strategy-themes-0-keywords-da', label: 'Tema 1, Nøgleord (dansk)' },
  { pointer: '/themes/0/weight', id: 'strategy-themes-0-weight', label: 'Tema 1, Vægt' },
];

describe('where a fault is shown', () => {
  it('lands on the deepest field or fieldset the form has for its pointer', () => {
    const errors = [
      { pointer: '/themes/0/keywords/da/3', detail: 'Skal være mindst 2 tegn' },
      { pointer: '/themes/0/id', detail: 'Ugyldigt id' },
      { pointer: '/themes', detail: 'Temaernes id skal være forskellige' },
    ];

    expect(faultsByField(FIELDS, errors)).toEqual(
      new Map([
        ['strategy-themes-0-keywords-da', ['Skal være mindst 2 tegn']],
        ['strategy-themes-0', ['Ugyldigt id']],
        ['strategy-themes', ['Temaernes id skal være forskellige']],
      ]),
    );
  });

  it('lists the summary in the form’s order, with faults on no field last as text', () => {
    const errors = [
      { pointer: '/themes/0/weight', detail: 'Skal være et tal' },
      { pointer: '/name/da', detail: 'Skal udfyldes' },
      { pointer: '/themes/0/keywords/da/0', detail: 'Må højst være 60 tegn' },
    ];

    expect(faultSummary(FIELDS, errors)).toEqual([
      { fieldId: 'strategy-themes-0-keywords-da', text: 'Tema 1, Nøgleord (dansk): Må højst være 60 tegn' },
      { fieldId: 'strategy-themes-0-weight', text: 'Tema 1, Vægt: Skal være et tal' },
      { text: 'Skal udfyldes' },
    ]);
  });

  it('names a field’s element after its form and pointer', () => {
    expect(fieldIdOf('gates', '/gates/pilot/4/text/da')).toBe('gates-gates-pilot-4-text-da');
  });
});

describe('ids and numbers as typed', () => {
  it.each([
    ['Borgerpanelet på Ærø er hørt', '-', 'borgerpanelet-paa-aeroe-er-hoert'],
    ['Organisatorisk sammenhæng', '_', 'organisatorisk_sammenhaeng'],
    ['  Café & Økonomi!  ', '_', 'cafe_oekonomi'],
  ] as const)('makes %j into %j', (name, separator, id) => {
    expect(idFromName(name, separator, 64)).toBe(id);
  });

  it('numbers an id that is taken', () => {
    expect(uniqueId('gdpr', new Set(['gdpr', 'gdpr-2']), '-')).toBe('gdpr-3');
  });

  it.each([
    ['2,5', 2.5],
    ['2.5', 2.5],
    [' 14 ', 14],
    ['', undefined],
    ['fem', undefined],
  ])('reads %j as %j', (typed, number) => {
    expect(numberTyped(typed)).toBe(number);
  });

  it('reads keywords one a line, without blank lines or repeats', () => {
    expect(keywordsOf('robot\n\n  påmindelse på Ærø \nrobot\n')).toEqual(['robot', 'påmindelse på Ærø']);
  });
});

describe('the strategy’s body', () => {
  it('gives back the stored strategy unchanged when nothing was typed', () => {
    const result = inputOf(draftOf(DEFAULT_STRATEGY), 'Skal være et tal');

    expect(result).toEqual({ input: DEFAULT_STRATEGY });
  });

  it('gives a new theme an id from its Danish name, and refuses a weight that is no number', () => {
    const draft = draftOf(DEFAULT_STRATEGY);
    draft.themes.push({ ...newTheme(), name: { da: 'Grøn omstilling', en: 'Green transition' } });
    draft.criteria[0] = { ...draft.criteria[0]!, weight: 'tre' };

    expect(inputOf(draft, 'Skal være et tal')).toEqual({ errors: [{ pointer: '/criteria/0/weight', detail: 'Skal være et tal' }] });
    draft.criteria[0] = { ...draft.criteria[0], weight: '3' };
    const result = inputOf(draft, 'Skal være et tal');
    expect('input' in result && result.input.themes.at(-1)?.id).toBe('groen_omstilling');
  });
});

describe('the gate settings’ body', () => {
  it('gives new items ids of their own and refuses a limit that is no whole number', () => {
    const draft: GatesDraft = {
      gates: { pilot: [{ ...newItem(), id: 'gdpr', text: { da: 'GDPR', en: 'GDPR' } }, { ...newItem(), text: { da: 'GDPR', en: 'GDPR again' } }], evaluation: [], operations: [], realised: [] },
      stageLimitDays: { sprint: '14', pilot: '12,5', evaluation: '45', operations: '365' },
    };

    expect(gatesInputOf(draft, 'Skal være et helt tal')).toEqual({ errors: [{ pointer: '/stageLimitDays/pilot', detail: 'Skal være et helt tal' }] });
    draft.stageLimitDays.pilot = '120';
    const result = gatesInputOf(draft, 'Skal være et helt tal');
    expect('input' in result && result.input.gates.pilot.map((item) => item.id)).toEqual(['gdpr', 'gdpr-2']);
  });
});

describe('what changed between two versions', () => {
  it('is nothing between a version and itself', () => {
    expect(isUnchanged(strategyDiff(DEFAULT_STRATEGY, DEFAULT_STRATEGY))).toBe(true);
  });

  it('names themes added and removed, fields changed and keywords added and removed per language', () => {
    const [first, second, ...rest] = DEFAULT_STRATEGY.themes;
    const next = {
      ...DEFAULT_STRATEGY,
      period: { ...DEFAULT_STRATEGY.period, to: '2030-12-31' },
      themes: [
        { ...first!, weight: first!.weight + 1, keywords: { da: [...first!.keywords.da.slice(1), 'påmindelse på Ærø'], en: first!.keywords.en } },
        ...rest,
        { ...second!, id: 'groen_omstilling', name: { da: 'Grøn omstilling', en: 'Green transition' } },
      ],
    };

    const diff = strategyDiff(DEFAULT_STRATEGY, next);

    expect(diff.period).toEqual({ from: DEFAULT_STRATEGY.period, to: next.period });
    expect(diff.themes.added).toEqual([{ id: 'groen_omstilling', name: { da: 'Grøn omstilling', en: 'Green transition' } }]);
    expect(diff.themes.removed).toEqual([{ id: second!.id, name: second!.name }]);
    expect(diff.themes.changed).toEqual([
      {
        id: first!.id,
        name: first!.name,
        fields: [{ field: 'weight', from: first!.weight, to: first!.weight + 1 }],
        keywords: [{ language: 'da', added: ['påmindelse på Ærø'], removed: [first!.keywords.da[0]] }],
      },
    ]);
    expect(diff.criteria).toEqual({ added: [], removed: [], changed: [] });
  });

  it('names a criterion’s scale step that changed, in its language', () => {
    const [criterion, ...rest] = DEFAULT_STRATEGY.criteria;
    const scale = criterion!.scale.map((step, index) => (index === 2 ? { ...step, en: 'Somewhat' } : step));
    const diff = strategyDiff(DEFAULT_STRATEGY, { ...DEFAULT_STRATEGY, criteria: [{ ...criterion!, scale }, ...rest] });

    expect(diff.criteria.changed[0]?.fields).toEqual([{ field: 'step', step: 2, language: 'en', from: criterion!.scale[2].en, to: 'Somewhat' }]);
  });
});

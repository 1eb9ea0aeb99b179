import { describe, expect, it } from 'vitest';
import { StrategyInput, StrategyVersionPath } from '../../../shared/schemas/strategy.ts';
import { fieldErrors } from '../../../shared/http/validation.ts';
import { aStrategy } from '../support/strategy.ts';

describe('StrategyInput', () => {
  it('accepts a complete strategy in Danish and English, keeping æ, ø and å', () => {
    // Act
    const parsed = StrategyInput.parse(aStrategy());

    // Assess
    expect(parsed.themes[1]?.name.da).toBe('Dataunderstøttelse');
  });

  it('refuses theme weights that sum to 0, with the message in the caller’s language', () => {
    // Prepare
    const strategy = aStrategy();
    strategy.themes = strategy.themes.map((theme) => ({ ...theme, weight: 0 }));

    // Act
    const result = StrategyInput.safeParse(strategy);

    // Assess
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error?.issues ?? [], 'da')).toEqual([{ pointer: '/themes', detail: 'Temaernes vægte skal tilsammen være over 0' }]);
    expect(fieldErrors(result.error?.issues ?? [], 'en')).toEqual([{ pointer: '/themes', detail: 'Theme weights must sum to more than 0' }]);
  });

  it('refuses criterion weights that sum to 0', () => {
    const strategy = aStrategy();
    strategy.criteria = strategy.criteria.map((criterion) => ({ ...criterion, weight: 0 }));

    expect(StrategyInput.safeParse(strategy).success).toBe(false);
  });

  it('refuses a negative weight', () => {
    const strategy = aStrategy();
    strategy.themes[0] = { ...strategy.themes[0]!, weight: -1 };

    expect(StrategyInput.safeParse(strategy).success).toBe(false);
  });

  it('refuses two themes with the same id', () => {
    const strategy = aStrategy();
    strategy.themes[1] = { ...strategy.themes[1]!, id: 'automatisering' };

    const result = StrategyInput.safeParse(strategy);

    expect(fieldErrors(result.error?.issues ?? [], 'en')).toEqual([{ pointer: '/themes', detail: 'Theme ids must be unique' }]);
  });

  it('refuses a scale without exactly five steps', () => {
    const strategy = aStrategy();
    const criterion = strategy.criteria[0]!;
    const broken = { ...criterion, scale: criterion.scale.slice(0, 4) };

    expect(StrategyInput.safeParse({ ...strategy, criteria: [broken] }).success).toBe(false);
  });

  it('refuses a period that ends before it starts', () => {
    const result = StrategyInput.safeParse(aStrategy({ period: { from: '2029-01-01', to: '2026-01-01' } }));

    expect(fieldErrors(result.error?.issues ?? [], 'da')).toEqual([{ pointer: '/period/to', detail: 'Perioden skal slutte efter, den begynder' }]);
  });

  it('refuses unknown fields and texts missing a language', () => {
    const strategy = aStrategy();

    expect(StrategyInput.safeParse({ ...strategy, owner: 'x' }).success).toBe(false);
    expect(StrategyInput.safeParse({ ...strategy, name: { da: 'Kun dansk' } }).success).toBe(false);
  });

  it.each(['Automatisering', 'a', 'tema-1', '1tema'])('refuses the theme id %j', (id) => {
    const strategy = aStrategy();
    strategy.themes[0] = { ...strategy.themes[0]!, id };

    expect(StrategyInput.safeParse(strategy).success).toBe(false);
  });
});

describe('StrategyVersionPath', () => {
  it('reads the version number from the path', () => {
    expect(StrategyVersionPath.parse({ n: '12' })).toEqual({ n: 12 });
  });

  it.each(['0', '-1', 'x', '1.5'])('refuses %j', (n) => {
    expect(StrategyVersionPath.safeParse({ n }).success).toBe(false);
  });
});

import * as z from './zod.ts';
import { humanText } from './text.ts';

const text = (max: number) => z.strictObject({ da: humanText(1, max), en: humanText(1, max) });
/** The id of a theme or criterion: lower case ASCII, digits and `_`. */
export const StrategyId = z.string().check(z.regex(/^[a-z][a-z0-9_]{1,39}$/));
const id = StrategyId;
const weight = z.number().check(z.minimum(0), z.maximum(100));
const isoDate = z.iso.date();

const Theme = z.strictObject({
  id,
  name: text(80),
  description: text(2000),
  keywords: z.strictObject({
    da: z.array(humanText(2, 60)).check(z.maxLength(200)),
    en: z.array(humanText(2, 60)).check(z.maxLength(200)),
  }),
  weight,
});

const step = text(200);

const Criterion = z.strictObject({
  id,
  name: text(80),
  weight,
  scale: z.tuple([step, step, step, step, step]),
});

/** A rule's message in both languages; shared/http/validation.ts picks the caller's. */
function bilingual(da: string, en: string) {
  return { message: en, params: { da, en } };
}

function uniqueIds(items: readonly { id: string }[]): boolean {
  return new Set(items.map((item) => item.id)).size === items.length;
}

/** A strategy as an admin writes it with PUT /console/strategy. */
export const StrategyInput = z
  .strictObject({
    name: text(120),
    period: z.strictObject({ from: isoDate, to: isoDate }),
    themes: z
      .array(Theme)
      .check(
        z.minLength(1),
        z.maxLength(20),
        z.refine(uniqueIds, bilingual('Temaernes id skal være forskellige', 'Theme ids must be unique')),
        z.refine((themes) => themes.length === 0 || themes.reduce((sum, theme) => sum + theme.weight, 0) > 0, bilingual('Temaernes vægte skal tilsammen være over 0', 'Theme weights must sum to more than 0')),
      ),
    criteria: z
      .array(Criterion)
      .check(
        z.minLength(1),
        z.maxLength(12),
        z.refine(uniqueIds, bilingual('Kriteriernes id skal være forskellige', 'Criterion ids must be unique')),
        z.refine((criteria) => criteria.length === 0 || criteria.reduce((sum, criterion) => sum + criterion.weight, 0) > 0, bilingual(
          'Kriteriernes vægte skal tilsammen være over 0',
          'Criterion weights must sum to more than 0',
        )),
      ),
  })
  .check(z.refine((strategy) => strategy.period.from <= strategy.period.to, { ...bilingual('Perioden skal slutte efter, den begynder', 'The period must end after it starts'), path: ['period', 'to'] }));
export type StrategyInput = z.infer<typeof StrategyInput>;

export const StrategyVersionPath = z.strictObject({ n: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(999_999)) });

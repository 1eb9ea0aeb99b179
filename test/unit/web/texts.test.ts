import { describe, expect, it } from 'vitest';
import { da } from '../../../web/src/i18n/da.ts';
import { en } from '../../../web/src/i18n/en.ts';
import { consoleDa } from '../../../web/src/pages/console/texts/da.ts';
import { consoleEn } from '../../../web/src/pages/console/texts/en.ts';
import { pipelineDa } from '../../../web/src/pages/pipeline/texts/da.ts';
import { pipelineEn } from '../../../web/src/pages/pipeline/texts/en.ts';

/** Every text of a dictionary by its path (`submit.titleLabel`), as a string or a function's arity. */
function leaves(texts: object, path = ''): Map<string, string | number> {
  const found = new Map<string, string | number>();
  for (const [key, value] of Object.entries(texts)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (typeof value === 'string') found.set(at, value);
    else if (typeof value === 'function') found.set(at, value.length);
    else for (const [inner, leaf] of leaves(value as object, at)) found.set(inner, leaf);
  }
  return found;
}

const DICTIONARIES = [
  ['the frame’s and the employee’s pages’', da, en],
  ['the console’s', consoleDa, consoleEn],
  ['the pipeline’s', pipelineDa, pipelineEn],
] as const;

describe.each(DICTIONARIES)('%s texts', (_name, danishTexts, englishTexts) => {
  it('have an English text for every Danish one, with the same placeholders, and nothing more', () => {
    const danish = leaves(danishTexts);
    const english = leaves(englishTexts);

    expect([...english.keys()].sort()).toEqual([...danish.keys()].sort());
    for (const [path, text] of danish) {
      expect(typeof english.get(path), path).toBe(typeof text);
      if (typeof text === 'number') expect(english.get(path), `${path} takes as many values`).toBe(text);
    }
  });

  it('leave no text empty in either language', () => {
    for (const [path, text] of [...leaves(danishTexts), ...leaves(englishTexts)]) {
      if (typeof text === 'string') expect(text.trim(), path).not.toBe('');
    }
  });
});

describe('the pages’ texts', () => {
  it('say what is wrong with a field in the API’s own words', () => {
    expect(da.validation.required).toBe('Skal udfyldes');
    expect(da.validation.minChars(3)).toBe('Skal være mindst 3 tegn');
    expect(en.validation.maxChars(120)).toBe('Must be at most 120 characters');
  });
});

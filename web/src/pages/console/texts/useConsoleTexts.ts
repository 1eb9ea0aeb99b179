/**
 * The texts of the language being shown, for the console's pages: the frame's (`texts.common`,
 * `texts.validation`, …) with the console's own beside them (`texts.console`, `texts.admin`).
 * Only the console's lazily loaded pages import this file, so the console's dictionaries stay out
 * of the submit page's first download.
 */
import { useMemo } from 'preact/hooks';
import type { Language } from '../../../api/types.ts';
import type { Texts } from '../../../i18n/da.ts';
import { useTexts } from '../../../i18n/texts.tsx';
import { consoleDa, type ConsoleTexts } from './da.ts';
import { consoleEn } from './en.ts';

const DICTIONARIES: Record<Language, ConsoleTexts> = { da: consoleDa, en: consoleEn };

export function useConsoleTexts(): { language: Language; texts: Texts & ConsoleTexts } {
  const { language, texts } = useTexts();
  return useMemo(() => ({ language, texts: { ...texts, ...DICTIONARIES[language] } }), [language, texts]);
}

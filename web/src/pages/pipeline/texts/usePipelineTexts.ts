/**
 * The texts of the language being shown, for the pipeline's pages: the frame's (`texts.common`,
 * `texts.validation`, …) with the pipeline's own beside them (`texts.pipeline`). Only the
 * pipeline's lazily loaded pages import this file, so its dictionaries stay out of the submit
 * page's first download.
 */
import { useMemo } from 'preact/hooks';
import type { Language } from '../../../api/types.ts';
import type { Texts } from '../../../i18n/da.ts';
import { useTexts } from '../../../i18n/texts.tsx';
import { pipelineDa, type PipelineTexts } from './da.ts';
import { pipelineEn } from './en.ts';

const DICTIONARIES: Record<Language, PipelineTexts> = { da: pipelineDa, en: pipelineEn };

export function usePipelineTexts(): { language: Language; texts: Texts & PipelineTexts } {
  const { language, texts } = useTexts();
  return useMemo(() => ({ language, texts: { ...texts, ...DICTIONARIES[language] } }), [language, texts]);
}

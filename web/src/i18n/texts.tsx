/**
 * The texts of the language being shown, for components: `const { texts, language } = useTexts()`.
 * A change of language re-renders every page that reads them.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Language } from '../api/types.ts';
import { da, type Texts } from './da.ts';
import { en } from './en.ts';
import { currentLanguage, onLanguageChange } from './language.ts';

const DICTIONARIES: Record<Language, Texts> = { da, en };

interface LanguageContext {
  language: Language;
  texts: Texts;
}

const Context = createContext<LanguageContext>({ language: 'da', texts: da });

export function LanguageProvider({ children }: { children: ComponentChildren }) {
  const [language, setLanguage] = useState(currentLanguage);
  useEffect(() => onLanguageChange(setLanguage), []);
  return <Context.Provider value={{ language, texts: DICTIONARIES[language] }}>{children}</Context.Provider>;
}

export function useTexts(): LanguageContext {
  return useContext(Context);
}

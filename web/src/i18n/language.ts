/**
 * The pages' language: Danish unless the person chose English, remembered in localStorage, kept
 * on `<html lang>`, and read by the API client for `Accept-Language`. One small store, so code
 * outside the component tree (the API client, sign-in) reads the same value the pages show.
 */
import type { Language } from '../api/types.ts';

const STORAGE_KEY = 'spire.language';

let current: Language = readChoice();
const listeners = new Set<(language: Language) => void>();

function readChoice(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'da';
  } catch {
    // Storage can be switched off; the pages then speak Danish.
    return 'da';
  }
}

export function currentLanguage(): Language {
  return current;
}

/** Puts the language on `<html lang>`; called at start and on every change. */
export function showLanguage(language: Language = current): void {
  document.documentElement.lang = language;
}

export function chooseLanguage(language: Language): void {
  current = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  showLanguage(language);
  for (const listener of listeners) listener(language);
}

/** Calls `listener` on every change of language; returns the function that stops it. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

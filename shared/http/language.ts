import type { Language } from '../domain/idea.ts';

/**
 * The caller's language from `Accept-Language`: English when English is preferred over
 * Danish, Danish otherwise (Danish is the users' language and the default).
 */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  return explicitLanguage(acceptLanguage) ?? 'da';
}

/** The language the caller asked for, or undefined when `Accept-Language` names neither Danish nor English. */
export function explicitLanguage(acceptLanguage: string | undefined): Language | undefined {
  if (acceptLanguage === undefined) return undefined;
  let best: { language: Language; q: number } | undefined;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    const primary = tag.split('-')[0];
    const language: Language | undefined =
      primary === 'da' || primary === 'nb' || primary === 'nn' || primary === 'no' ? 'da' : primary === 'en' ? 'en' : undefined;
    if (language !== undefined && (best === undefined || q > best.q)) best = { language, q };
  }
  return best?.language;
}

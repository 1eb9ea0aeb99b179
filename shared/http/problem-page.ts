import type { Language } from '../domain/idea.ts';
import { PROBLEM_TYPE_PREFIX, type ProblemType, type ProblemTypeName } from './problem-types.ts';

/**
 * The page a problem's `type` dereferences to (RFC 9457 §3.1.1): `GET /problems/{name}`, built
 * from the problem's entry in ./problem-types.ts, in Danish with the English part marked
 * `lang="en"`. Static markup only: no script and no inline style, so the strictest
 * Content-Security-Policy (PROBLEM_PAGE_CSP) holds.
 */
export const PROBLEM_PAGE_CONTENT_TYPE = 'text/html; charset=utf-8';

/** Nothing may load, run or frame the page: it is text and headings. */
export const PROBLEM_PAGE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const HEADINGS: Record<Language, { meaning: string; action: string; status: string; type: string }> = {
  da: { meaning: 'Hvad betyder det?', action: 'Hvad skal klienten gøre?', status: 'Kommer med statuskoden', type: 'Problemtype' },
  en: { meaning: 'What does it mean?', action: 'What should a client do?', status: 'Comes with the status code', type: 'Problem type' },
};

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function section(problem: ProblemType & { name: ProblemTypeName }, language: Language): string {
  const heading = HEADINGS[language];
  const lang = language === 'da' ? '' : ` lang="${language}"`;
  // Danish is the page's own heading (h1, sections h2); English is a part of it (h2, sections h3).
  const [title, sub] = language === 'da' ? ['h1', 'h2'] : ['h2', 'h3'];
  return [
    `<section${lang}>`,
    `<${title}>${escapeHtml(problem.title[language])}</${title}>`,
    `<p>${heading.type} <code>${escapeHtml(PROBLEM_TYPE_PREFIX + problem.name)}</code>. ${heading.status} <strong>${problem.status}</strong>.</p>`,
    `<${sub}>${heading.meaning}</${sub}>`,
    `<p>${escapeHtml(problem.meaning[language])}</p>`,
    `<${sub}>${heading.action}</${sub}>`,
    `<p>${escapeHtml(problem.action[language])}</p>`,
    '</section>',
  ].join('\n');
}

/** The whole page of one problem type. */
export function problemPage(problem: ProblemType & { name: ProblemTypeName }): string {
  return [
    '<!doctype html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(problem.title.da)} – Spire</title>`,
    '</head>',
    '<body>',
    '<main>',
    section(problem, 'da'),
    '<hr>',
    section(problem, 'en'),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

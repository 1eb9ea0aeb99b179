import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/get-problem-type.ts';
import { PROBLEM_PAGE_CSP, escapeHtml, problemPage } from '../../../shared/http/problem-page.ts';
import { PROBLEM_TYPES, problemType, type ProblemTypeName } from '../../../shared/http/problem-types.ts';
import { PROBLEMS } from '../../../shared/schemas/responses.ts';
import { bodyOf, httpEvent, lambdaContext } from '../support/lambda.ts';

const NAMES = Object.keys(PROBLEM_TYPES) as ProblemTypeName[];

describe('the problem type table (shared/http/problem-types.ts)', () => {
  it('names exactly the problem types the answer schemas describe, with their status', () => {
    // Assess
    expect(NAMES.sort()).toEqual(Object.keys(PROBLEMS).sort());
    for (const name of NAMES) expect(PROBLEMS[name].shape.status.def.values[0], name).toBe(PROBLEM_TYPES[name].status);
  });

  it('finds only its own names, never an inherited property', () => {
    // Assess
    expect(problemType('forbidden')).toMatchObject({ name: 'forbidden', status: 403 });
    expect(problemType('toString')).toBeUndefined();
    expect(problemType('__proto__')).toBeUndefined();
    expect(problemType('')).toBeUndefined();
  });
});

describe('problemPage', () => {
  it.each(NAMES)('renders %s in Danish, with the English part marked lang="en"', (name) => {
    // Prepare
    const problem = { name, ...PROBLEM_TYPES[name] };

    // Act
    const page = problemPage(problem);

    // Assess
    expect(page.startsWith('<!doctype html>\n<html lang="da">')).toBe(true);
    expect(page).toContain(`<h1>${escapeHtml(problem.title.da)}</h1>`);
    expect(page).toContain(`<section lang="en">\n<h2>${escapeHtml(problem.title.en)}</h2>`);
    expect(page).toContain(`<code>/api/problems/${name}</code>`);
    expect(page).toContain(`<strong>${problem.status}</strong>`);
    for (const text of [problem.meaning.da, problem.meaning.en, problem.action.da, problem.action.en]) expect(page).toContain(escapeHtml(text));
    // Nothing a Content-Security-Policy of default-src 'none' would block.
    expect(page).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=|<link|<img|<iframe/i);
  });

  it('escapes what it writes, so text is never markup', () => {
    // Act
    const page = problemPage({ name: 'forbidden', status: 403, title: { da: '<b>&"\'', en: 'x' }, meaning: { da: 'a', en: 'b' }, action: { da: 'c', en: 'd' } });

    // Assess
    expect(page).toContain('<h1>&#60;b&#62;&#38;&#34;&#39;</h1>');
    expect(page).not.toContain('<b>');
  });
});

describe('GET /problems/{name} (getProblemType)', () => {
  it('answers the page without a token, as UTF-8 HTML that nothing may script, with the standard headers', async () => {
    // Prepare
    const event = httpEvent({ method: 'GET', path: '/api/problems/precondition-failed', pathParameters: { name: 'precondition-failed' }, claims: null });

    // Act
    const response = await handler(event, lambdaContext('spire-getProblemType'));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-language': 'da',
      'content-security-policy': PROBLEM_PAGE_CSP,
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    });
    expect(response.body).toBe(problemPage({ name: 'precondition-failed', ...PROBLEM_TYPES['precondition-failed'] }));
    expect(response.body).toContain('Nogen har ændret det imens');
  });

  it.each(['no-such-problem', 'toString', '__proto__'])('answers 404 not-found for %s, which is no problem type', async (name) => {
    // Prepare
    const event = httpEvent({ method: 'GET', path: `/api/problems/${name}`, pathParameters: { name }, claims: null, headers: { 'accept-language': 'en' } });

    // Act
    const response = await handler(event, lambdaContext('spire-getProblemType'));

    // Assess
    expect(response.statusCode).toBe(404);
    expect(response.headers?.['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(bodyOf(response)).toMatchObject({ type: '/api/problems/not-found', status: 404, title: 'Not found' });
  });
});

import { describe, expect, it } from 'vitest';
import { followUpLink, ideaIdOfPath, tokenOfFragment } from '../../../web/src/api/follow-up-link.ts';

const IDEA = '3f1c9a52-7d4e-4b8a-9c61-2e5f0b7a1d93';
const TOKEN = 'pXk3-Qv_9Lz0aB1cD2eF3gH4iJ5kL6mN7oP8qR9sT0u';

describe('the follow-up link of an anonymous idea', () => {
  it('carries the token in the fragment, which no server sees, not in the query', () => {
    const link = new URL(followUpLink('https://spire.kommune.dk', IDEA, TOKEN));

    expect(link.pathname).toBe(`/ideas/${IDEA}`);
    expect(link.search).toBe('');
    expect(link.hash).toBe(`#token=${TOKEN}`);
  });

  it('gives back its idea and token when opened', () => {
    const link = new URL(followUpLink('http://localhost:3000', IDEA, 'a+b/c='));

    expect(ideaIdOfPath(link.pathname)).toBe(IDEA);
    expect(tokenOfFragment(link.hash)).toBe('a+b/c=');
  });

  it.each([['/'], ['/mine'], ['/ideas'], ['/ideas/1/comments']])('names no idea on %s', (path) => {
    expect(ideaIdOfPath(path)).toBeUndefined();
  });

  it.each([[''], ['#main-content'], ['#token=']])('finds no token in %j', (fragment) => {
    expect(tokenOfFragment(fragment)).toBeUndefined();
  });
});

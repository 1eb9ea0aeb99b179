/**
 * The follow-up link of an anonymous idea: `<origin>/ideas/<id>#token=<token>`. The token sits in
 * the fragment, which a browser never sends, so it never reaches a server's or a proxy's log.
 * Pure, so it is tested without a browser.
 */

export function followUpLink(origin: string, ideaId: string, token: string): string {
  return `${origin}/ideas/${encodeURIComponent(ideaId)}#token=${encodeURIComponent(token)}`;
}

/** The idea a page path names (`/ideas/<id>`), if it names one. */
export function ideaIdOfPath(pathname: string): string | undefined {
  const match = /^\/ideas\/([^/]+)\/?$/.exec(pathname);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

/** The token in a fragment such as `#token=…`; undefined when there is none. */
export function tokenOfFragment(fragment: string): string | undefined {
  const token = new URLSearchParams(fragment.replace(/^#/, '')).get('token');
  return token === null || token === '' ? undefined : token;
}

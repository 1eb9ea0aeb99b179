/**
 * Where the pages keep the follow-up tokens of anonymous ideas: in sessionStorage, one per idea,
 * for as long as the tab lives, and sent as `X-Follow-Up-Token` when that idea is read or
 * answered. A follow-up link's token is taken out of the address at start, before signing in
 * (which leaves the page), so it is neither lost on the way nor left in the browser's history.
 */
import { ideaIdOfPath, tokenOfFragment } from './follow-up-link.ts';

const keyOf = (ideaId: string) => `spire.followUp.${ideaId}`;

export function keepFollowUpToken(ideaId: string, token: string): void {
  sessionStorage.setItem(keyOf(ideaId), token);
}

export function followUpToken(ideaId: string): string | undefined {
  return sessionStorage.getItem(keyOf(ideaId)) ?? undefined;
}

/** The `X-Follow-Up-Token` header for an idea, when the pages hold its token. */
export function followUpHeader(ideaId: string): { 'X-Follow-Up-Token'?: string } {
  const token = followUpToken(ideaId);
  return token === undefined ? {} : { 'X-Follow-Up-Token': token };
}

/** At start: keeps the token of a follow-up link that opened the pages, and removes it from the address. */
export function takeFollowUpTokenFromAddress(): void {
  const ideaId = ideaIdOfPath(location.pathname);
  const token = tokenOfFragment(location.hash);
  if (ideaId === undefined || token === undefined) return;
  keepFollowUpToken(ideaId, token);
  history.replaceState(history.state, '', location.pathname + location.search);
}

/**
 * Signing in and out with OpenID Connect: authorization code with PKCE (oidc-client-ts) against
 * the municipality's identity provider, or locally the runtime's own. Tokens live in
 * sessionStorage only (never a cookie, never localStorage), so they end with the tab.
 *
 * The API answers 401 when a sign-in has run out: the pages then sign in again, and whatever a
 * page registered with `saveBeforeSigningIn` (the submit form's draft) is saved before leaving.
 */
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { WebConfig } from '../../../shared/web-config.ts';
import { currentLanguage } from '../i18n/language.ts';

export type SessionStatus =
  /** Looking in sessionStorage for a sign-in. */
  | 'checking'
  | 'signed-in'
  /** Nobody is signed in: a page that needs it sends the person to sign in. */
  | 'signed-out'
  /** On the way to the identity provider. */
  | 'redirecting'
  /** Signing in failed, or the person came back without finishing it: they choose to try again. */
  | 'interrupted'
  /** The API refused a sign-in just made: signing in again would only go round in circles. */
  | 'refused';

/** Where a sign-in returns to, carried through the identity provider in the request's state. */
interface SignInState {
  returnTo: string;
}

const SIGNED_IN_AT_KEY = 'spire.signedInAt';
/** A 401 this soon after signing in is not an expired sign-in, and signing in again would not help. */
const FRESH_SIGN_IN_MS = 60_000;

let manager: UserManager | undefined;
let status: SessionStatus = 'checking';
const listeners = new Set<(status: SessionStatus) => void>();
const savers = new Set<() => void>();

function setStatus(next: SessionStatus): void {
  status = next;
  for (const listener of listeners) listener(next);
}

function users(): UserManager {
  if (manager === undefined) throw new Error('The session is not started: call startSession with the configuration first.');
  return manager;
}

/** Sets up signing in from the deployment's configuration and looks for a sign-in in this tab. */
export async function startSession(oidc: WebConfig['oidc']): Promise<void> {
  const origin = window.location.origin;
  manager = new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    scope: oidc.scope,
    extraQueryParams: oidc.extraQueryParams ?? {},
    redirect_uri: `${origin}/signed-in`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // No hidden iframe: a sign-in that runs out is renewed with a refresh token if the provider
    // gave one, else by signing in again (accessToken, signInAgain).
    automaticSilentRenew: false,
  });
  const user = await manager.getUser();
  setStatus(user !== null && (!user.expired || user.refresh_token !== undefined) ? 'signed-in' : 'signed-out');
}

export function sessionStatus(): SessionStatus {
  return status;
}

/** Calls `listener` on every change of status; returns the function that stops it. */
export function onSessionChange(listener: (status: SessionStatus) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registers what to save before the page is left to sign in; returns the function that unregisters it. */
export function saveBeforeSigningIn(save: () => void): () => void {
  savers.add(save);
  return () => savers.delete(save);
}

/** The page path a sign-in started here returns to. */
function here(): string {
  return window.location.pathname + window.location.search;
}

/** Leaves for the identity provider, saving the pages' drafts first; back at /signed-in, the person returns to `returnTo`. */
export async function signIn(returnTo: string = here()): Promise<void> {
  for (const save of savers) save();
  setStatus('redirecting');
  const state: SignInState = { returnTo };
  try {
    await users().signinRedirect({ state, ui_locales: currentLanguage() });
    // Resolved only when the browser shows this page again (the back button): not signed in.
    setStatus('interrupted');
  } catch {
    setStatus('interrupted');
  }
}

/** At /signed-in: finishes the sign-in and answers where to go back to. */
export async function completeSignIn(): Promise<string> {
  try {
    const user = await users().signinRedirectCallback();
    sessionStorage.setItem(SIGNED_IN_AT_KEY, String(Date.now()));
    setStatus('signed-in');
    const state = user.state as Partial<SignInState> | undefined;
    return typeof state?.returnTo === 'string' && state.returnTo.startsWith('/') ? state.returnTo : '/';
  } catch (error) {
    setStatus('interrupted');
    throw error;
  }
}

/**
 * The access token for the API: the current one, or one renewed with a refresh token when it has
 * run out; undefined when there is none (the API's 401 then sends the person to sign in).
 */
export async function accessToken(): Promise<string | undefined> {
  if (manager === undefined) return undefined;
  const user = await manager.getUser();
  if (user === null) return undefined;
  if (!user.expired) return user.access_token;
  if (user.refresh_token === undefined) return undefined;
  try {
    return (await manager.signinSilent())?.access_token;
  } catch {
    return undefined;
  }
}

/** The signed-in person's tokens and profile as the identity provider gave them; null when nobody is signed in. */
export async function currentUser(): Promise<User | null> {
  return manager === undefined ? null : manager.getUser();
}

/** The API answered 401: the sign-in has run out, so sign in again, unless it was only just made. */
export async function signInAgain(): Promise<void> {
  if (status === 'redirecting') return;
  const signedInAt = Number(sessionStorage.getItem(SIGNED_IN_AT_KEY) ?? 0);
  if (Date.now() - signedInAt < FRESH_SIGN_IN_MS) {
    setStatus('refused');
    return;
  }
  await users().removeUser();
  await signIn();
}

/** Signs out here and at the identity provider, which sends the person back to the front page. */
export async function signOut(): Promise<void> {
  const current = users();
  setStatus('redirecting');
  try {
    await current.signoutRedirect();
  } catch {
    // A provider without an end-session endpoint: forget the sign-in here, at least.
    await current.removeUser();
    window.location.assign('/');
  }
}

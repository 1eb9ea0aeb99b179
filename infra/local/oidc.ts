/**
 * The local OpenID provider: `oidc-provider` (OpenID Certified) standing in for the
 * municipality's Entra ID, so the web pages sign in on a laptop exactly as in AWS, with the
 * authorization code flow and PKCE (oidc-client-ts). Its issuer is `<runtime url>/oidc`
 * (discovery at `/oidc/.well-known/openid-configuration`, keys at `/oidc/jwks`).
 *
 * - One client, `spire-web`: public (no secret), PKCE required, code and refresh token grants,
 *   back to `<url>/signed-in` after sign-in and to `<url>/` after sign-out.
 * - Its access tokens are for the API (RFC 8707 resource indicators, `<url>/api` by default, so
 *   the client need not ask): JWTs with audience `spire`, signed ES256 with the development
 *   issuer's key under the same issuer (./dev-issuer.ts), carrying `sub`, `name`, `email` and
 *   `roles` as the development issuer's tokens do. The runtime's one check of a token accepts both.
 * - Signing in is a page where a developer picks a person and roles (./oidc-pages.ts); consent is
 *   given by itself (a developer's own tool), so the browser goes straight back with the code.
 * - The signing key and the cookie key are kept in the data directory, so they survive a restart;
 *   sessions and tokens live in memory (./oidc-store.ts): a restart signs the pages out.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, { errors, type Account, type Configuration, type Interaction, type KoaContextWithOIDC, type UnknownObject } from 'oidc-provider';
import { API_BASE_PATH } from '../../shared/http/base-path.ts';
import { personClaims, type SigningKey } from './dev-issuer.ts';
import { errorPage, pageLanguage, PAGE_HEADERS, readSignInForm, signedOutPage, signInPage, signOutPage, STYLESHEET, type PageFrame, type Person } from './oidc-pages.ts';
import { memoryStore } from './oidc-store.ts';
import { localSecretValue } from './secrets.ts';

/** Where the provider lives on the runtime's origin; its issuer is the runtime's URL and this. */
export const OIDC_PATH = '/oidc';

/** The web pages' client at the provider. */
export const WEB_CLIENT_ID = 'spire-web';

/** The page the provider sends the browser back to with the code. */
export const SIGNED_IN_PATH = '/signed-in';

const STYLESHEET_PATH = `${OIDC_PATH}/sign-in.css`;
const INTERACTION_PATH = `${OIDC_PATH}/interaction/`;

/** The file in the data directory that keeps the key the provider signs its cookies with. */
const COOKIE_KEY_FILE = 'oidc-cookie-key';

/** An access token lasts an hour, as Entra ID's do; the pages renew it with the refresh token. */
const ACCESS_TOKEN_SECONDS = 60 * 60;
/** A sign-in lasts a working day. */
const SESSION_SECONDS = 8 * 60 * 60;

/** The sign-in form is a few short fields. */
const MAX_FORM_BYTES = 16 * 1024;

/** The issuer of a runtime at `runtimeUrl`. */
export function localIssuerUrl(runtimeUrl: string): string {
  return `${runtimeUrl}${OIDC_PATH}`;
}

/** Whether a request path is the provider's. */
export function isOidcPath(pathname: string): boolean {
  return pathname === OIDC_PATH || pathname.startsWith(`${OIDC_PATH}/`);
}

export interface LocalOidcOptions {
  /** The runtime's URL: the pages' origin. */
  url: string;
  /** The audience of the API's tokens (the development issuer's). */
  audience: string;
  signingKey: SigningKey;
  /** Where the cookie key is kept; a fresh one per run when absent. */
  dataDir?: string;
}

/** Answers every request under OIDC_PATH. */
export type OidcHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export function createLocalOidc(options: LocalOidcOptions): OidcHandler {
  const { url } = options;
  const home = `${url}/`;
  const apiResource = `${url}${API_BASE_PATH}`;
  const pagesOrigin = new URL(url).origin;
  /** The people signed in since the start, by subject: the provider's accounts. */
  const people = new Map<string, Person>();

  const frameOf = (lang: unknown, uiLocales: unknown, acceptLanguage: string | undefined, path: string): PageFrame => {
    const language = pageLanguage({ lang, uiLocales, acceptLanguage });
    const other = new URL(path, url);
    other.searchParams.set('lang', language === 'da' ? 'en' : 'da');
    return { language, otherLanguageHref: `${other.pathname}${other.search}`, stylesheetHref: STYLESHEET_PATH, home };
  };
  const frameOfContext = (ctx: KoaContextWithOIDC): PageFrame =>
    frameOf(ctx.query['lang'], ctx.oidc?.params?.['ui_locales'], ctx.get('accept-language'), (ctx.req as { originalUrl?: string }).originalUrl ?? ctx.url);
  const renderPage = (ctx: KoaContextWithOIDC, html: string) => {
    ctx.set(PAGE_HEADERS);
    ctx.body = html;
  };

  const configuration: Configuration = {
    adapter: memoryStore(),
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        client_name: 'Spire',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${url}${SIGNED_IN_PATH}`],
        post_logout_redirect_uris: [home],
      },
    ],
    clientDefaults: { id_token_signed_response_alg: 'ES256' },
    jwks: { keys: [options.signingKey.privateJwk as UnknownObject] },
    cookies: { keys: [localSecretValue(options.dataDir, COOKIE_KEY_FILE)] },
    // The ID token names the person as Entra ID's does, roles included; the access token carries the same (extraTokenClaims).
    claims: { openid: ['sub'], profile: ['name', 'roles'], email: ['email'] },
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const person = people.get(sub);
      return person === undefined ? undefined : { accountId: sub, claims: () => ({ sub, ...personClaims(person) }) };
    },
    async extraTokenClaims(_ctx, token) {
      const person = 'accountId' in token && typeof token.accountId === 'string' ? people.get(token.accountId) : undefined;
      return person === undefined ? undefined : personClaims(person);
    },
    features: {
      devInteractions: { enabled: false },
      // The pages read the person from the ID token; the one access token is the API's.
      userinfo: { enabled: false },
      // The API is the one resource, asked for or not, at the authorization and the token endpoint alike.
      resourceIndicators: {
        enabled: true,
        defaultResource: () => apiResource,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, indicator) {
          if (indicator !== apiResource) throw new errors.InvalidTarget();
          // No scopes of the API's own: what a person may do there is in their roles.
          return { scope: '', audience: options.audience, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => renderPage(ctx, signOutPage(frameOfContext(ctx), form)),
        postLogoutSuccessSource: (ctx) => renderPage(ctx, signedOutPage(frameOfContext(ctx))),
      },
    },
    renderError: (ctx, out) =>
      renderPage(ctx, errorPage(frameOfContext(ctx), { code: out.error, ...(out.error_description === undefined ? {} : { description: out.error_description }) })),
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}${interaction.uid}` },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // The pages share the runtime's origin; a browser still sends it with the token request.
    clientBasedCORS: (_ctx, origin) => origin === pagesOrigin,
    ttl: {
      AccessToken: ACCESS_TOKEN_SECONDS,
      IdToken: ACCESS_TOKEN_SECONDS,
      AuthorizationCode: 60,
      Interaction: 60 * 60,
      Grant: SESSION_SECONDS,
      Session: SESSION_SECONDS,
      RefreshToken: SESSION_SECONDS,
    },
  };
  const provider = new Provider(localIssuerUrl(url), configuration);
  const callback = provider.callback();

  /** The sign-in page of interaction `uid`, and what it sends; consent is given without a page. */
  async function interaction(request: IncomingMessage, response: ServerResponse, uid: string): Promise<void> {
    const path = request.url ?? '/';
    const lang = new URL(path, url).searchParams.get('lang') ?? undefined;
    let details: Interaction;
    try {
      details = await provider.interactionDetails(request, response);
    } catch (error) {
      if (!(error instanceof errors.SessionNotFound)) throw error;
      return writePage(response, 400, errorPage(frameOf(lang, undefined, request.headers['accept-language'], path)));
    }
    const frame = frameOf(lang, details.params['ui_locales'], request.headers['accept-language'], path);
    if (details.uid !== uid) return writePage(response, 400, errorPage(frame));
    if (details.prompt.name === 'consent') return grantConsent(request, response, details);

    const action = `${INTERACTION_PATH}${uid}?lang=${frame.language}`;
    if (request.method === 'GET' || request.method === 'HEAD') return writePage(response, 200, signInPage(frame, { action }));
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'GET, HEAD, POST' });
      return void response.end();
    }
    const form = await readForm(request);
    if (form === undefined) return writePage(response, 413, errorPage(frame, { code: 'request_too_large' }));
    const chosen = readSignInForm(form);
    if ('errors' in chosen) return writePage(response, 400, signInPage(frame, { action, errors: chosen.errors, values: chosen.values }));
    people.set(chosen.person.sub, chosen.person);
    await provider.interactionFinished(request, response, { login: { accountId: chosen.person.sub } }, { mergeWithLastSubmission: false });
  }

  /** Grants the client what it asked for: the one client is Spire's own pages, and this a developer's tool. */
  async function grantConsent(request: IncomingMessage, response: ServerResponse, details: Interaction): Promise<void> {
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
    const existing = details.grantId === undefined ? undefined : await provider.Grant.find(details.grantId);
    const grant = existing ?? new provider.Grant({ accountId: details.session?.accountId, clientId: String(details.params['client_id']) });
    if (missing.missingOIDCScope !== undefined) grant.addOIDCScope(missing.missingOIDCScope);
    if (missing.missingOIDCClaims !== undefined) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes);
    const grantId = await grant.save();
    await provider.interactionFinished(request, response, { consent: existing === undefined ? { grantId } : {} }, { mergeWithLastSubmission: true });
  }

  return async (request, response) => {
    const target = request.url ?? '/';
    const pathname = new URL(target, url).pathname;
    if (pathname === STYLESHEET_PATH) {
      response.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
      return void response.end(STYLESHEET);
    }
    // An interaction's id is URL-safe: one written otherwise is no interaction's, and is refused as an expired one.
    if (pathname.startsWith(INTERACTION_PATH)) return interaction(request, response, pathname.slice(INTERACTION_PATH.length));
    // The provider's own endpoints, mounted as a connect application would mount it: the path
    // without the prefix, the original kept in `originalUrl`, from which the provider writes its URLs.
    Object.assign(request, { originalUrl: target });
    const inner = target.slice(OIDC_PATH.length);
    request.url = inner.startsWith('/') ? inner : `/${inner}`;
    await callback(request, response);
  };
}

function writePage(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, PAGE_HEADERS);
  response.end(html);
}

/** The urlencoded form a request sends, or undefined when it is larger than a sign-in form can be. */
async function readForm(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Past the cap the rest is drained, not kept, so the 413 can still be answered.
    if (size <= MAX_FORM_BYTES) chunks.push(chunk);
  }
  return size > MAX_FORM_BYTES ? undefined : new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The local OpenID provider (infra/local/oidc.ts), which stands in for the municipality's Entra ID
 * so the web pages sign in locally as in AWS: authorization code with PKCE, driven here with plain
 * fetch as a browser would (redirects followed by hand, cookies carried by path, forms posted).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { call, startTestRuntime } from './support.ts';

let runtime: LocalRuntime;
/** The runtime's own table, queues and data directory, so that a restart (the last test) finds them again. */
let place: { dataDir: string; tableName: string; queuePrefix: string };
let discovery: Discovery;

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint: string;
  jwks_uri: string;
  code_challenge_methods_supported: string[];
}

interface Tokens {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

/** A browser as far as the flow needs one: cookies kept and sent by path, redirects followed by hand. */
class Browser {
  private readonly cookies = new Map<string, { value: string; path: string }>();
  private readonly origin: string;

  constructor(origin: string) {
    this.origin = origin;
  }

  async request(target: string, init: { form?: URLSearchParams; headers?: Record<string, string> } = {}): Promise<Response> {
    const url = new URL(target, this.origin);
    const cookie = [...this.cookies]
      .filter(([, kept]) => url.pathname === kept.path || url.pathname.startsWith(kept.path.endsWith('/') ? kept.path : `${kept.path}/`))
      .map(([name, kept]) => `${name}=${kept.value}`)
      .join('; ');
    const headers: Record<string, string> = { ...(cookie === '' ? {} : { cookie }), ...init.headers };
    if (init.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, {
      method: init.form === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers,
      ...(init.form === undefined ? {} : { body: init.form.toString() }),
    });
    for (const line of response.headers.getSetCookie()) this.keep(line);
    return response;
  }

  /** Follows redirects from `target` until one leads to a URL starting with `until`; that URL. */
  async followUntil(target: string, until: string): Promise<URL> {
    let next = target;
    for (let hops = 0; hops < 10; hops++) {
      const response = await this.request(next);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) throw new Error(`${next} answered ${response.status}: ${await response.text()}`);
      const url = new URL(location, next.startsWith('http') ? next : this.origin);
      if (url.href.startsWith(until)) return url;
      next = url.href;
    }
    throw new Error(`No redirect to ${until}`);
  }

  private keep(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const expires = attribute('expires');
    if (value === '' || (expires !== undefined && Date.parse(expires) <= Date.now())) this.cookies.delete(name);
    else this.cookies.set(name, { value, path: attribute('path') ?? '/' });
  }
}

/** An authorization request as oidc-client-ts makes one, with its PKCE verifier, state and nonce. */
function authorizationRequest(query: Record<string, string> = {}): { url: string; verifier: string; state: string; nonce: string } {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  const params = new URLSearchParams({
    client_id: 'spire-web',
    response_type: 'code',
    redirect_uri: `${runtime.url}/signed-in`,
    scope: 'openid profile email',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...query,
  });
  return { url: `${discovery.authorization_endpoint}?${params}`, verifier, state, nonce };
}

/** The sign-in page the authorization request leads to, and the address its forms post to. */
async function signInPage(browser: Browser, url: string, headers: Record<string, string> = {}): Promise<{ response: Response; html: string; action: string }> {
  const start = await browser.request(url);
  expect(start.status).toBe(303);
  const response = await browser.request(start.headers.get('location') as string, { headers });
  const html = await response.text();
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1]?.replaceAll('&#38;', '&');
  if (action === undefined) throw new Error(`No sign-in form: ${response.status} ${html}`);
  return { response, html, action };
}

/** Signs in with the sign-in page's choice and takes the browser back to the pages with the code. */
async function signInOnThePage(browser: Browser, choice: URLSearchParams, query: Record<string, string> = {}): Promise<{ code: string; verifier: string; nonce: string }> {
  const request = authorizationRequest(query);
  const { action } = await signInPage(browser, request.url);
  const sent = await browser.request(action, { form: choice });
  expect(sent.status).toBe(303);
  const back = await browser.followUntil(sent.headers.get('location') as string, `${runtime.url}/signed-in`);
  expect(back.searchParams.get('state')).toBe(request.state);
  expect(back.searchParams.get('iss')).toBe(discovery.issuer);
  return { code: back.searchParams.get('code') as string, verifier: request.verifier, nonce: request.nonce };
}

/** The token request oidc-client-ts makes from the pages (a browser sends the pages' origin with it). */
function tokenRequest(form: Record<string, string>): Promise<Response> {
  return fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: runtime.url },
    body: new URLSearchParams({ client_id: 'spire-web', ...form }).toString(),
  });
}

async function exchange(signedIn: { code: string; verifier: string }): Promise<Tokens> {
  const response = await tokenRequest({ grant_type: 'authorization_code', code: signedIn.code, redirect_uri: `${runtime.url}/signed-in`, code_verifier: signedIn.verifier });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Tokens;
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

const TOVE = new URLSearchParams([
  ['sub', 'tove-oidc'],
  ['name', 'Tove Ågård Ærø'],
  ['email', 'tove@kommune.example'],
  ['roles', 'triage'],
]);

beforeAll(async () => {
  const id = randomBytes(4).toString('hex');
  place = { dataDir: mkdtempSync(join(tmpdir(), 'spire-oidc-')), tableName: `spire-test-oidc-${id}`, queuePrefix: `test-oidc-${id}-` };
  runtime = await startTestRuntime(place);
  discovery = (await (await fetch(`${runtime.url}/oidc/.well-known/openid-configuration`)).json()) as Discovery;
});

afterAll(async () => {
  await runtime?.stop();
  rmSync(place.dataDir, { recursive: true, force: true });
});

describe('the local OpenID provider', () => {
  it('publishes its discovery document under the issuer the API trusts, with the one key both kinds of token are signed with', async () => {
    // Act
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: { kid: string; alg: string }[] };
    const { token } = await runtime.issuer.issue({ sub: 'script', roles: ['employee'] });

    // Assess
    expect(discovery.issuer).toBe(`${runtime.url}/oidc`);
    expect(runtime.issuer.issuer).toBe(discovery.issuer);
    expect(discovery.code_challenge_methods_supported).toContain('S256');
    expect(discovery.end_session_endpoint).toBe(`${runtime.url}/oidc/session/end`);
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kid: decodeProtectedHeader(token).kid, alg: 'ES256' });
    expect(JSON.stringify(jwks)).not.toContain('"d"');
  });

  it('signs a developer in as the person and roles they choose, with an access token the API accepts', async () => {
    // Act
    const signedIn = await signInOnThePage(new Browser(runtime.url), TOVE);
    const tokens = await exchange(signedIn);
    const inbox = await call(runtime, 'GET', '/console/inbox', bearer(tokens.access_token));

    // Assess
    expect(inbox.status).toBe(200);
    expect(decodeProtectedHeader(tokens.access_token).alg).toBe('ES256');
    expect(decodeJwt(tokens.access_token)).toMatchObject({
      iss: `${runtime.url}/oidc`,
      aud: 'spire',
      sub: 'tove-oidc',
      name: 'Tove Ågård Ærø',
      email: 'tove@kommune.example',
      roles: ['triage'],
    });
    expect(decodeJwt(tokens.id_token)).toMatchObject({ aud: 'spire-web', sub: 'tove-oidc', nonce: signedIn.nonce, name: 'Tove Ågård Ærø', email: 'tove@kommune.example', roles: ['triage'] });
    expect(await runtime.issuer.verify(tokens.id_token)).toBeUndefined();
  });

  it('gives a ready-made employee a token the console refuses and the employee routes accept', async () => {
    // Act
    const tokens = await exchange(await signInOnThePage(new Browser(runtime.url), new URLSearchParams({ person: 'mette' })));

    // Assess
    expect(decodeJwt(tokens.access_token)).toMatchObject({ sub: 'mette', name: 'Mette Sørensen', email: 'mette@spire.localhost', roles: ['employee'] });
    expect((await call(runtime, 'GET', '/console/inbox', bearer(tokens.access_token))).status).toBe(403);
    expect((await call(runtime, 'GET', '/ideas/mine', bearer(tokens.access_token))).status).toBe(200);
  });

  it('refuses to exchange the code without the PKCE verifier the sign-in was asked with', async () => {
    // Prepare
    const signedIn = await signInOnThePage(new Browser(runtime.url), TOVE);

    // Act
    const response = await tokenRequest({ grant_type: 'authorization_code', code: signedIn.code, redirect_uri: `${runtime.url}/signed-in`, code_verifier: randomBytes(32).toString('base64url') });

    // Assess
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a sign-in without PKCE', async () => {
    // Act
    const request = authorizationRequest();
    const url = new URL(request.url);
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const back = new URL((await new Browser(runtime.url).request(url.href)).headers.get('location') as string);

    // Assess
    expect(back.href.startsWith(`${runtime.url}/signed-in`)).toBe(true);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('an access token with the same claims signed by another key is refused by the API with 401', async () => {
    // Prepare
    const tokens = await exchange(await signInOnThePage(new Browser(runtime.url), TOVE));
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(decodeJwt(tokens.access_token)).setProtectedHeader(decodeProtectedHeader(tokens.access_token) as { alg: string }).sign(privateKey);

    // Act
    const response = await call(runtime, 'GET', '/console/inbox', bearer(forged));

    // Assess
    expect(response.status).toBe(401);
  });

  it('renews the access token with the refresh token, for the same person', async () => {
    // Prepare
    const tokens = await exchange(await signInOnThePage(new Browser(runtime.url), TOVE));

    // Act
    // As oidc-client-ts asks: with the scope the first token answer named (none: the access token is the API's, and the API has no scopes).
    const response = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token as string, scope: tokens.scope });
    const renewed = (await response.json()) as Tokens;

    // Assess
    expect(response.status).toBe(200);
    expect(decodeJwt(renewed.access_token)).toMatchObject({ aud: 'spire', sub: 'tove-oidc', name: 'Tove Ågård Ærø', roles: ['triage'] });
    expect((await call(runtime, 'GET', '/console/inbox', bearer(renewed.access_token))).status).toBe(200);
  });

  it('signs out with one click and returns to the front page, after which signing in asks who you are again', async () => {
    // Prepare
    const browser = new Browser(runtime.url);
    const tokens = await exchange(await signInOnThePage(browser, new URLSearchParams({ person: 'jonas' })));
    const logout = new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: `${runtime.url}/`, state: 'farvel' });

    // Act
    const confirm = await browser.request(`${discovery.end_session_endpoint}?${logout}`);
    const html = await confirm.text();
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)">/.exec(html)?.[1] as string;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] as string;
    const done = await browser.request(action, { form: new URLSearchParams({ xsrf, logout: 'yes' }) });
    const again = await signInPage(browser, authorizationRequest().url);

    // Assess
    expect(confirm.status).toBe(200);
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).toContain('name="logout" value="yes"');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${runtime.url}/?state=farvel`);
    expect(again.response.status).toBe(200);
    expect((await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token as string })).status).toBe(400);
  });
});

describe('the sign-in page', () => {
  it('is in Danish, and in English when the browser or ?lang= asks, saying it is the local development sign-in', async () => {
    // Act
    const browser = new Browser(runtime.url);
    const danish = await signInPage(browser, authorizationRequest().url);
    const english = await signInPage(new Browser(runtime.url), authorizationRequest().url, { 'accept-language': 'en-GB,en;q=0.9' });
    const asked = await signInPage(new Browser(runtime.url), authorizationRequest({ ui_locales: 'en' }).url);
    const switchLink = /<a href="([^"]+)" lang="en" hreflang="en">English<\/a>/.exec(danish.html)?.[1] as string;
    const switched = await (await browser.request(switchLink)).text();

    // Assess
    expect(danish.html).toContain('<html lang="da">');
    expect(danish.html).toMatch(/<h1>[^<]*lokal udviklings-login[^<]*<\/h1>/);
    expect(danish.html).toContain('ikke kommunens login');
    expect(danish.html).toContain('Birgitte Åberg — direktør (director)');
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toMatch(/<h1>[^<]*local development sign-in[^<]*<\/h1>/);
    expect(english.html).toContain('not the municipality');
    expect(asked.html).toContain('<html lang="en">');
    expect(switched).toContain('<html lang="en">');
    expect(switched).toContain('Pick a person');
  });

  it('runs no script and sets no inline style, labels every field, and groups the roles in a fieldset', async () => {
    // Act
    const { response, html } = await signInPage(new Browser(runtime.url), authorizationRequest().url);
    const stylesheet = await fetch(`${runtime.url}/oidc/sign-in.css`);

    // Assess
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    const ids = [...html.matchAll(/<input id="([^"]+)"/g), ...html.matchAll(/<input type="checkbox" id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(expect.arrayContaining(['sub', 'name', 'email', 'role-employee', 'role-triage', 'role-director', 'role-admin']));
    for (const id of ids) expect(html).toContain(`<label for="${id}">`);
    expect(html).toMatch(/<fieldset>\s*<legend>Roller<\/legend>/);
    expect(stylesheet.status).toBe(200);
    expect(stylesheet.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await stylesheet.text()).toContain(':focus-visible');
  });

  it('keeps the sign-in in cookies a browser sends over plain http on localhost: HttpOnly and SameSite=Lax, not Secure', async () => {
    // Act
    const start = await fetch(authorizationRequest().url, { redirect: 'manual' });
    const cookies = start.headers.getSetCookie();

    // Assess
    expect(cookies.map((line) => line.slice(0, line.indexOf('=')))).toEqual(expect.arrayContaining(['_interaction', '_interaction_resume']));
    for (const line of cookies) {
      expect(line).toMatch(/;\s*httponly/i);
      expect(line).toMatch(/;\s*samesite=lax/i);
      expect(line).not.toMatch(/;\s*secure/i);
    }
  });

  it('shows a free choice with no id again, saying what is missing, and then signs in with the corrected one', async () => {
    // Prepare
    const browser = new Browser(runtime.url);
    const request = authorizationRequest();
    const { action } = await signInPage(browser, request.url);

    // Act
    const refused = await browser.request(action, { form: new URLSearchParams([['sub', ''], ['name', 'Åse Øberg'], ['roles', 'director']]) });
    const html = await refused.text();
    const corrected = await browser.request(action, { form: new URLSearchParams([['sub', 'aase'], ['name', 'Åse Øberg'], ['roles', 'director']]) });

    // Assess
    expect(refused.status).toBe(400);
    expect(html).toContain('aria-invalid="true" aria-describedby="sub-error"');
    expect(html).toContain('Skriv et id på 1 til 128 tegn.');
    expect(html).toContain('value="Åse Øberg"');
    expect(html).toMatch(/id="role-director" name="roles" value="director" checked/);
    expect(corrected.status).toBe(303);
  });
});

describe('a restart with the same data directory', () => {
  it('keeps the signing and cookie keys, so an access token from before the restart is still accepted', async () => {
    // Prepare
    const tokens = await exchange(await signInOnThePage(new Browser(runtime.url), TOVE));
    const cookieKey = readFileSync(join(place.dataDir, 'oidc-cookie-key'), 'utf8');
    const { port } = runtime;

    // Act
    await runtime.stop();
    runtime = await startTestRuntime({ ...place, port });
    discovery = (await (await fetch(`${runtime.url}/oidc/.well-known/openid-configuration`)).json()) as Discovery;

    // Assess
    expect((await call(runtime, 'GET', '/console/inbox', bearer(tokens.access_token))).status).toBe(200);
    expect(readFileSync(join(place.dataDir, 'oidc-cookie-key'), 'utf8')).toBe(cookieKey);
  });
});

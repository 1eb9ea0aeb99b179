/**
 * The security headers of the web pages and of the API reference page, in one place: in AWS
 * CloudFront adds them (infra/constructs/web-hosting.ts makes a response headers policy of each
 * set), and on a laptop the local runtime sends the same values itself (infra/local/pages.ts,
 * infra/local/reference.ts). A page that a header breaks breaks on the laptop first.
 *
 * Header names are in lower case; the values are exactly what is sent.
 */

/** Two years, in seconds: what browsers' HSTS preload lists ask for. */
export const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

/**
 * The headers every page and the reference page carry besides their Content-Security-Policy:
 * - HSTS: browsers use https for the host (and its subdomains) for two years; ignored on http://localhost.
 * - `X-Frame-Options: DENY`: no other site may frame the pages (clickjacking), for browsers that predate `frame-ancestors`.
 * - `X-Content-Type-Options: nosniff`: a file is only ever what its Content-Type says.
 * - `Referrer-Policy: no-referrer`: a page's address names an idea (`/ideas/<id>`), and an
 *   anonymous submitter's follow-up link is a secret; no link or request out of the pages may
 *   carry either. Nothing in Spire reads the Referer: the API authenticates by bearer token, and
 *   the identity provider's CORS calls carry their own Origin.
 */
const COMMON_HEADERS = {
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

/**
 * The headers of the web pages. The Content-Security-Policy lets them run, style and load only
 * their own files (no inline script, no inline style, no `data:` URL: the build inlines no asset,
 * web/vite.config.ts), call only their own origin (the
 * API under /api) and the identity provider (its discovery document and token endpoint are
 * fetched from the page: OIDC authorization code with PKCE), and send forms only there.
 * `identityProviderOrigin` is the issuer's origin: `https://login.microsoftonline.com` for Entra
 * ID, the local runtime's own origin on a laptop.
 */
export function webSecurityHeaders(identityProviderOrigin: string): Record<string, string> {
  const idp = originOnly(identityProviderOrigin);
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self'",
      "font-src 'self'",
      `connect-src 'self' ${idp}`,
      `form-action 'self' ${idp}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; '),
    ...COMMON_HEADERS,
  };
}

/**
 * What the API reference page (GET /reference, infra/local/reference.ts) may do: run only the
 * Redoc bundle served beside it, fetch only the OpenAPI document of its own origin; Redoc sets
 * its styles inline (styled-components) and searches in a Worker made from a blob, so this page
 * alone allows inline styles and blob workers. It runs no script of Spire's and holds no token.
 */
export const REFERENCE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  'worker-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers of the API reference page. */
export function referenceSecurityHeaders(): Record<string, string> {
  return { 'content-security-policy': REFERENCE_CSP, ...COMMON_HEADERS };
}

/** The origin itself (`https://host[:port]`), refusing anything with a path: a CSP source with a path would allow only that path. */
function originOnly(value: string): string {
  const url = URL.parse(value);
  if (url === null || url.origin === 'null' || url.origin !== value.replace(/\/$/, '')) {
    throw new Error(`The identity provider's origin must be scheme, host and port only (https://login.microsoftonline.com), got ${JSON.stringify(value)}`);
  }
  return url.origin;
}

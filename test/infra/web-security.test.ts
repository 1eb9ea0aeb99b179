/**
 * The security headers of the pages and of the API reference page (infra/web-security.ts), the
 * one set that CloudFront and the local runtime both send.
 */
import { describe, expect, it } from 'vitest';
import { REFERENCE_PATH, referenceAnswer } from '../../infra/local/reference.ts';
import { HSTS_MAX_AGE_SECONDS, REFERENCE_CSP, referenceSecurityHeaders, webSecurityHeaders } from '../../infra/web-security.ts';

const ENTRA = 'https://login.microsoftonline.com';

/** The directives of a Content-Security-Policy, each with its sources. */
function directives(csp: string | undefined): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name !== '')
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('the pages’ headers', () => {
  const headers = webSecurityHeaders(ENTRA);
  const csp = directives(headers['content-security-policy']);

  it('run only the pages’ own scripts: no inline script, no eval, nothing from elsewhere', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('take styles, images and fonts from the pages’ own files only, no data: URL', () => {
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'"]);
    expect(csp.get('font-src')).toEqual(["'self'"]);
  });

  it('let the page call its own origin (the API under /api) and the identity provider’s token endpoint, and nothing else', () => {
    expect(csp.get('connect-src')).toEqual(["'self'", ENTRA]);
    expect(csp.get('form-action')).toEqual(["'self'", ENTRA]);
  });

  it('are framed by nobody, allow no <base> and no plug-ins', () => {
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(headers['x-frame-options']).toBe('DENY');
  });

  it('keep browsers on https for two years, subdomains included', () => {
    expect(HSTS_MAX_AGE_SECONDS).toBe(63_072_000);
    expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
  });

  it('forbid content sniffing and send no referrer, so no idea’s address or follow-up link leaves the pages', () => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  });

  it('name the local runtime’s own origin when it is the identity provider, port included', () => {
    expect(directives(webSecurityHeaders('http://localhost:3000')['content-security-policy']).get('connect-src')).toEqual(["'self'", 'http://localhost:3000']);
  });

  it.each(['https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0', 'login.microsoftonline.com', ''])(
    'refuse %j as the identity provider’s origin: a source with a path would allow only that path',
    (value) => {
      expect(() => webSecurityHeaders(value)).toThrow(/scheme, host and port only/);
    },
  );
});

describe('the API reference page’s headers', () => {
  const headers = referenceSecurityHeaders();
  const csp = directives(headers['content-security-policy']);

  it('allow inline styles and a blob worker, which Redoc needs, but no script but its own bundle', () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('worker-src')).toEqual(['blob:']);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('carry the same HSTS, frame, sniffing and referrer headers as the pages', () => {
    const { 'content-security-policy': _pages, ...pagesRest } = webSecurityHeaders(ENTRA);
    const { 'content-security-policy': _reference, ...referenceRest } = headers;

    expect(referenceRest).toEqual(pagesRest);
  });

  it('are the ones the local runtime serves the page with', async () => {
    const answer = await referenceAnswer(REFERENCE_PATH);

    expect(answer?.headers?.['content-security-policy']).toBe(REFERENCE_CSP);
  });
});

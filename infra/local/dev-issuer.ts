/**
 * The local runtime's development token issuer, standing in for the municipality's identity
 * provider: it signs access tokens for any person and roles a developer asks for, publishes
 * its public key as a JWKS, and verifies tokens the way API Gateway's JWT authorizer does
 * (signature, issuer, audience, expiry). It exists only in the local runtime.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { ROLES } from '../../shared/domain/roles.ts';

const ALGORITHM = 'ES256';
const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

export const DevTokenRequest = z.strictObject({
  sub: z.string().trim().min(1).max(128),
  name: z.string().trim().min(1).max(200).optional(),
  /** The person's e-mail address; `<sub>@spire.localhost` when left out, so the outbox shows what they would get. */
  email: z.email().optional(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).default(['employee']),
});
export type DevTokenRequest = z.infer<typeof DevTokenRequest>;

export interface DevIssuer {
  issuer: string;
  audience: string;
  jwks: { keys: JWK[] };
  issue(request: DevTokenRequest): Promise<{ token: string; expiresAt: string }>;
  /** The verified claims, or undefined for a missing, forged, expired or foreign token. */
  verify(token: string): Promise<JWTPayload | undefined>;
}

/**
 * @param keyFile where the signing key is kept, so tokens survive a restart; a fresh key per run when absent.
 */
export async function createDevIssuer(options: { issuer: string; audience: string; keyFile?: string }): Promise<DevIssuer> {
  const { privateJwk, publicJwk } = await loadOrCreateKey(options.keyFile);
  const privateKey = await importJWK(privateJwk, ALGORITHM);
  const jwks = { keys: [publicJwk] };
  const keySet = createLocalJWKSet(jwks);
  return {
    issuer: options.issuer,
    audience: options.audience,
    jwks,
    async issue(request) {
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({
        ...(request.name === undefined ? {} : { name: request.name }),
        email: request.email ?? `${encodeURIComponent(request.sub)}@spire.localhost`,
        roles: request.roles,
      })
        .setProtectedHeader({ alg: ALGORITHM, kid: publicJwk.kid as string, typ: 'JWT' })
        .setSubject(request.sub)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt(now)
        .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
        .sign(privateKey);
      return { token, expiresAt: new Date((now + TOKEN_LIFETIME_SECONDS) * 1000).toISOString() };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, keySet, { issuer: options.issuer, audience: options.audience, algorithms: [ALGORITHM] });
        return payload;
      } catch {
        return undefined;
      }
    },
  };
}

async function loadOrCreateKey(keyFile: string | undefined): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  if (keyFile !== undefined && existsSync(keyFile)) {
    return JSON.parse(readFileSync(keyFile, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
  }
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = `spire-dev-${Date.now().toString(36)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
  if (keyFile !== undefined) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
  }
  return { privateJwk, publicJwk };
}

/**
 * Claims as API Gateway's JWT authorizer hands them to a function: every value is text, and an
 * array becomes `[a b c]`.
 */
export function claimsAsApiGatewayDoes(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) claims[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

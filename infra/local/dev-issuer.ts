/**
 * The local runtime's development token issuer, for scripts and tests (`POST /api/dev/token`): it
 * signs access tokens for any person and roles asked for, and verifies tokens the way API
 * Gateway's JWT authorizer does (signature, issuer, audience, expiry). Its issuer and signing key
 * are those of the local OpenID provider (./oidc.ts), which signs the web pages' access tokens
 * and publishes the key at `/oidc/jwks`, so one check accepts the tokens of both. It exists only
 * in the local runtime.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { ROLES, type Role } from '../../shared/domain/roles.ts';

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

/** What `POST /api/dev/token` answers: the signed token and when it runs out. */
export const DevToken = z.object({ token: z.string(), expiresAt: z.iso.datetime() });
export type DevToken = z.infer<typeof DevToken>;

export interface DevIssuer {
  issuer: string;
  audience: string;
  issue(request: DevTokenRequest): Promise<DevToken>;
  /** The verified claims, or undefined for a missing, forged, expired or foreign token. */
  verify(token: string): Promise<JWTPayload | undefined>;
}

/**
 * What the runtime's access tokens say of a person besides `sub`, this issuer's and the OpenID
 * provider's alike: the name when given, an e-mail address (`<sub>@spire.localhost` when left out,
 * so the outbox shows what they would get) and the roles.
 */
export function personClaims(person: DevTokenRequest): { name?: string; email: string; roles: Role[] } {
  return {
    ...(person.name === undefined ? {} : { name: person.name }),
    email: person.email ?? `${encodeURIComponent(person.sub)}@spire.localhost`,
    roles: person.roles,
  };
}

/** The local runtime's one signing key (ES256), shared by this issuer and the OpenID provider. */
export interface SigningKey {
  privateJwk: JWK;
  publicJwk: JWK;
}

/** @param key the signing key (loadOrCreateSigningKey). */
export async function createDevIssuer(options: { issuer: string; audience: string; key: SigningKey }): Promise<DevIssuer> {
  const { privateJwk, publicJwk } = options.key;
  const privateKey = await importJWK(privateJwk, ALGORITHM);
  const keySet = createLocalJWKSet({ keys: [publicJwk] });
  return {
    issuer: options.issuer,
    audience: options.audience,
    async issue(request) {
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT(personClaims(request))
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

/**
 * The signing key kept in `keyFile`, made there on the first start, so tokens survive a restart;
 * a fresh key per run without a file.
 */
export async function loadOrCreateSigningKey(keyFile?: string): Promise<SigningKey> {
  if (keyFile !== undefined && existsSync(keyFile)) {
    return JSON.parse(readFileSync(keyFile, 'utf8')) as SigningKey;
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

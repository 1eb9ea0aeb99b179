/**
 * The deployment secret: one random value per installation, from which Spire derives the keys of
 * its keyed hashes and signatures, one key per purpose (HKDF-SHA-256, so no two purposes share
 * a key):
 *
 * - `cursor`: the HMAC that makes a list's cursor one the server issued (shared/store/cursor.ts);
 * - `supporter`: the hash a supporter is kept as (shared/triage/merge.ts);
 * - `idempotency`: the hash an Idempotency-Key is stored under, scoped to its sender;
 * - `follow-up-token`: the follow-up token of an anonymous idea submitted with an
 *   Idempotency-Key, made from the key so that a retry is given the same token without the table
 *   ever holding it (shared/intake/submit.ts);
 * - `usage`: the hash a person's per-person limit counts are kept under (shared/usage-limits.ts),
 *   so that no count names the subject;
 * - `erasure`: the hash an erasure's audit record keeps of the person who asked for it, so that only
 *   they can read its progress; it is none of the hashes their data is kept under, so the erasure
 *   itself leaves nothing that finds their data (shared/privacy/erase.ts).
 *
 * In AWS it is a Secrets Manager secret whose value CloudFormation generated (infra/stack.ts).
 * Its ARN reaches only the functions whose description says `secret: true` (infra/system.ts),
 * as SPIRE_SECRET_ARN, with secretsmanager:GetSecretValue on that one secret. A function reads
 * it once per container, on first use, so no cold start waits for it, and functions that never
 * use it never load the Secrets Manager client. Locally the runtime keeps a generated value in
 * its data directory and answers the same GetSecretValue call, after the same grant check
 * (infra/local/secrets.ts), so the code is the same in both places.
 *
 * The value is never rotated: a new value would change every supporter hash (people could
 * support an idea twice) and invalidate the cursors in use and the idempotency records of the
 * last 24 hours. docs/architecture.md ("The deployment secret") says why.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { createSecretsClient } from './aws/clients.ts';
import { ConfigurationError, ENV, requireEnv } from './config.ts';

export const KEY_PURPOSES = ['cursor', 'supporter', 'idempotency', 'follow-up-token', 'usage', 'erasure'] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

/** The least the secret's value may hold, in bytes of UTF-8: CloudFormation generates 64 letters and digits, the local runtime 43 base64url characters of 32 random bytes. */
export const MIN_SECRET_BYTES = 32;

/** The keys derived from the deployment secret, one per purpose. */
export class DeploymentKeys {
  private readonly keys: ReadonlyMap<KeyPurpose, Buffer>;

  constructor(secret: string) {
    const material = Buffer.from(secret, 'utf8');
    if (material.length < MIN_SECRET_BYTES) throw new ConfigurationError(`The deployment secret must hold at least ${MIN_SECRET_BYTES} bytes, it holds ${material.length}`);
    this.keys = new Map(KEY_PURPOSES.map((purpose) => [purpose, Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), `spire:${purpose}`, 32))]));
  }

  /** HMAC-SHA-256 of the parts under the purpose's key. The parts are hashed as a JSON array, so no two lists of parts give the same input. */
  mac(purpose: KeyPurpose, ...parts: readonly string[]): Buffer {
    return createHmac('sha256', this.keys.get(purpose) as Buffer)
      .update(JSON.stringify(parts), 'utf8')
      .digest();
  }

  /** The mac as lower-case hex (64 characters), for keys of items. */
  hex(purpose: KeyPurpose, ...parts: readonly string[]): string {
    return this.mac(purpose, ...parts).toString('hex');
  }
}

/** The deployment keys, on first call read and then kept; a failed read is tried again on the next call. */
export type KeySource = () => Promise<DeploymentKeys>;

/**
 * The keys of the secret named by SPIRE_SECRET_ARN. Call it at module load: a function wired
 * without the secret stops there, naming the variable. The secret itself is read on first use.
 */
export function keysFromEnv(env: NodeJS.ProcessEnv = process.env): KeySource {
  const secretId = requireEnv(ENV.secretArn, env);
  let loading: Promise<DeploymentKeys> | undefined;
  return () => {
    if (loading === undefined) {
      const attempt = readSecret(secretId).then((value) => new DeploymentKeys(value));
      loading = attempt;
      attempt.catch(() => {
        if (loading === attempt) loading = undefined;
      });
    }
    return loading;
  };
}

/** Keys of a value at hand: for tests and scripts that use the store without a deployment. */
export function fixedKeys(secret: string): KeySource {
  const keys = new DeploymentKeys(secret);
  return () => Promise.resolve(keys);
}

async function readSecret(secretId: string): Promise<string> {
  const client = createSecretsClient();
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (SecretString === undefined) throw new ConfigurationError(`The deployment secret ${secretId} has no text value`);
    return SecretString;
  } finally {
    client.destroy();
  }
}

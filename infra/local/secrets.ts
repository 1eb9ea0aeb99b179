/**
 * Secrets Manager on a laptop, for the one call Spire makes of it: GetSecretValue of the
 * deployment secret (shared/secret.ts). The local runtime keeps the secret's value in a file in
 * its data directory (made on the first start: 32 random bytes as base64url, readable by its
 * owner only), so a restart keeps supporters, cursors and follow-up tokens valid; a runtime
 * without a data directory (the integration tests) gets a fresh value of its own.
 *
 * The call is answered in the Secrets Manager client's middleware, after the grant check
 * (./grants.ts), so the functions run the same code as in AWS and a function that reads the
 * secret without `secret: true` in infra/system.ts is refused here as IAM would refuse it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResourceNotFoundException } from '@aws-sdk/client-secrets-manager';
import { decorateEveryClient, type ClientDecorator } from '../../shared/aws/clients.ts';
import { addInitializeStep } from './middleware.ts';

/** The file in the data directory that holds the deployment secret. */
export const SECRET_FILE = 'deployment-secret';

/** The ARN the local runtime gives the deployment secret; its name ends like the ARNs Secrets Manager makes. */
export function localSecretArn(region: string, name: string): string {
  return `arn:aws:secretsmanager:${region}:000000000000:secret:${name}-local`;
}

/**
 * The secret's value: the data directory's, made there if it has none yet; without a data
 * directory, a new one. Another of the runtime's own secrets is kept the same way in a file of
 * its own (the local OpenID provider's cookie key, ./oidc.ts).
 */
export function localSecretValue(dataDir?: string, fileName = SECRET_FILE): string {
  if (dataDir === undefined) return newValue();
  const file = join(dataDir, fileName);
  const existing = readIfThere(file);
  if (existing !== undefined) return existing;
  mkdirSync(dataDir, { recursive: true });
  const value = newValue();
  try {
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return value;
  } catch (error) {
    // Another start made it first: use that one.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readIfThere(file) as string;
    throw error;
  }
}

function newValue(): string {
  return randomBytes(32).toString('base64url');
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The secrets the local runtime answers for, by ARN. */
const secrets = new Map<string, string>();

/** Answers GetSecretValue of a known secret; the grant check (priority high) has run before it. */
const answerLocally: ClientDecorator = (client, service) => {
  if (service !== 'secretsmanager') return;
  addInitializeStep(client, 'spireLocalSecretsManager', 'low', (_next, context) => async (args) => {
    if (context.commandName !== 'GetSecretValueCommand') throw new Error(`The local runtime answers GetSecretValue only, not ${String(context.commandName)}`);
    const arn = String(args.input['SecretId']);
    const value = secrets.get(arn);
    if (value === undefined) throw new ResourceNotFoundException({ message: `Secrets Manager can't find the specified secret: ${arn}`, $metadata: { httpStatusCode: 400 } });
    return { output: { ARN: arn, Name: arn.slice(arn.lastIndexOf(':') + 1), SecretString: value, $metadata: { httpStatusCode: 200 } }, response: {} };
  });
};

/** From now on, every Secrets Manager client answers GetSecretValue of `arn` with `value`. */
export function serveSecretLocally(arn: string, value: string): void {
  secrets.set(arn, value);
  decorateEveryClient(answerLocally);
}

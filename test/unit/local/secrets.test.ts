import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSecretValueCommand, ListSecretsCommand, ResourceNotFoundException } from '@aws-sdk/client-secrets-manager';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AccessDeniedError, enforceGrantsOnEveryClient, GrantChecker, type LocalResourceNames } from '../../../infra/local/grants.ts';
import { currentInvocation } from '../../../infra/local/invocation.ts';
import { localSecretArn, localSecretValue, SECRET_FILE, serveSecretLocally } from '../../../infra/local/secrets.ts';
import type { FunctionName } from '../../../infra/system.ts';
import { createSecretsClient } from '../../../shared/aws/clients.ts';
import { ENV } from '../../../shared/config.ts';
import { keysFromEnv, MIN_SECRET_BYTES } from '../../../shared/secret.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'spire-secret-'));

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  // The grant check and the local GetSecretValue stay on every client shared/aws/clients.ts makes while
  // its module lives; the unit project shares modules between files, so the next file here loads its own.
  vi.resetModules();
});

describe('the local deployment secret', () => {
  it('is made once in the data directory, readable by its owner only, and kept across starts', () => {
    // Act
    const first = localSecretValue(dataDir);
    const again = localSecretValue(dataDir);

    // Assess
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(MIN_SECRET_BYTES);
    expect(again).toBe(first);
    expect(readFileSync(join(dataDir, SECRET_FILE), 'utf8').trim()).toBe(first);
    expect(statSync(join(dataDir, SECRET_FILE)).mode & 0o777).toBe(0o600);
  });

  it('is a new one for every runtime without a data directory', () => {
    expect(localSecretValue()).not.toBe(localSecretValue());
  });
});

describe('GetSecretValue answered by the local runtime', () => {
  const arn = localSecretArn('eu-north-1', 'spire-test-deployment-secret');
  const value = localSecretValue();
  const names: LocalResourceNames = {
    tableName: 'spire',
    queueUrls: { intake: 'http://q/1/intake', rescore: 'http://q/1/rescore', notify: 'http://q/1/notify', mailEvents: 'http://q/1/mailEvents', erasure: 'http://q/1/erasure' },
    mailSender: 'spire@spire.localhost',
    mailConfigurationSet: 'spire-local',
    secretArn: arn,
  };
  enforceGrantsOnEveryClient();
  serveSecretLocally(arn, value);
  const checker = new GrantChecker(names);
  const inInvocation = <T>(functionName: FunctionName, work: () => Promise<T>) => currentInvocation.run({ functionName, grants: checker }, work);

  it('gives a function granted the secret its value, through the same code as in AWS', async () => {
    // Act
    const keys = await inInvocation('supportIdea', () => keysFromEnv({ [ENV.secretArn]: arn })());

    // Assess
    expect(keys.hex('supporter', 'anna')).toMatch(/^[0-9a-f]{64}$/);
    expect(checker.used).toContain(`supportIdea secretsmanager:GetSecretValue secret/${arn}`);
  });

  it('refuses a function whose description does not grant the secret, as IAM would', async () => {
    // Act
    const read = inInvocation('getPilot', () => keysFromEnv({ [ENV.secretArn]: arn })());

    // Assess
    await expect(read).rejects.toThrow(AccessDeniedError);
    await expect(read).rejects.toThrow(/^getPilot is not authorized to perform secretsmanager:GetSecretValue on secret\/arn:aws:secretsmanager:eu-north-1:000000000000:secret:spire-test-deployment-secret-local/);
  });

  it('knows no other secret, and no other call', async () => {
    // Prepare
    const client = createSecretsClient();

    // Act
    const other = client.send(new GetSecretValueCommand({ SecretId: `${arn}-other` }));
    const list = client.send(new ListSecretsCommand({}));

    // Assess
    await expect(other).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(list).rejects.toThrow(/answers GetSecretValue only/);
  });
});

import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, ENV } from '../../shared/config.ts';
import { DeploymentKeys, fixedKeys, KEY_PURPOSES, keysFromEnv } from '../../shared/secret.ts';
import { rejectionOf, thrownBy } from './support/errors.ts';
import { TEST_SECRET, TEST_SECRET_ARN } from './support/secret.ts';

const secretsMock = mockClient(SecretsManagerClient);

afterEach(() => {
  secretsMock.reset();
});

const env = { [ENV.secretArn]: TEST_SECRET_ARN };

describe('keysFromEnv', () => {
  it('stops a function wired without the secret at load, naming the variable', () => {
    // Act
    const error = thrownBy(() => keysFromEnv({}));

    // Assess
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe('Missing environment variable SPIRE_SECRET_ARN');
  });

  it('reads nothing until the keys are first used', () => {
    // Act
    keysFromEnv(env);

    // Assess
    expect(secretsMock).not.toHaveReceivedAnyCommand();
  });

  it('reads the secret named by its ARN once, however often and however concurrently its keys are used', async () => {
    // Prepare
    secretsMock.on(GetSecretValueCommand).resolves({ ARN: TEST_SECRET_ARN, SecretString: TEST_SECRET });
    const keys = keysFromEnv(env);

    // Act
    const [first, second] = await Promise.all([keys(), keys()]);
    const third = await keys();

    // Assess
    expect(secretsMock).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
    expect(secretsMock).toHaveReceivedCommandWith(GetSecretValueCommand, { SecretId: TEST_SECRET_ARN });
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(first.hex('supporter', 'anna')).toBe(new DeploymentKeys(TEST_SECRET).hex('supporter', 'anna'));
  });

  it('tries again on the next use when a read failed', async () => {
    // Prepare
    secretsMock.on(GetSecretValueCommand).rejectsOnce(new Error('throttled')).resolves({ SecretString: TEST_SECRET });
    const keys = keysFromEnv(env);

    // Act
    const failed = await rejectionOf(keys());
    const next = await keys();

    // Assess
    expect(failed.message).toBe('throttled');
    expect(next).toBeInstanceOf(DeploymentKeys);
    expect(secretsMock).toHaveReceivedCommandTimes(GetSecretValueCommand, 2);
  });

  it('refuses a secret without a text value, or one too short to be a key', async () => {
    // Prepare
    secretsMock.on(GetSecretValueCommand).resolvesOnce({ SecretBinary: new Uint8Array(32) }).resolves({ SecretString: 'short' });

    // Act
    const binary = await rejectionOf(keysFromEnv(env)());
    const short = await rejectionOf(keysFromEnv(env)());

    // Assess
    expect(binary).toBeInstanceOf(ConfigurationError);
    expect(short).toBeInstanceOf(ConfigurationError);
    expect(short.message).toBe('The deployment secret must hold at least 32 bytes, it holds 5');
  });
});

describe('DeploymentKeys', () => {
  const keys = new DeploymentKeys(TEST_SECRET);

  it('makes the same HMAC-SHA-256 of the same parts, 32 bytes, and a different one under another secret', () => {
    // Act
    const mac = keys.mac('cursor', 'abc');

    // Assess
    expect(mac).toHaveLength(32);
    expect(keys.mac('cursor', 'abc').equals(mac)).toBe(true);
    expect(new DeploymentKeys(`${TEST_SECRET}!`).mac('cursor', 'abc').equals(mac)).toBe(false);
    expect(keys.hex('cursor', 'abc')).toBe(mac.toString('hex'));
  });

  it('gives every purpose its own key', () => {
    // Act
    const macs = KEY_PURPOSES.map((purpose) => keys.hex(purpose, 'the same text'));

    // Assess
    expect(new Set(macs).size).toBe(KEY_PURPOSES.length);
  });

  it('never takes two lists of parts for the same input', () => {
    expect(keys.hex('idempotency', 'anna\nkey', 'x')).not.toBe(keys.hex('idempotency', 'anna', 'key\nx'));
    expect(keys.hex('idempotency', 'ab', 'c')).not.toBe(keys.hex('idempotency', 'a', 'bc'));
    expect(keys.hex('idempotency', 'abc')).not.toBe(keys.hex('idempotency', 'abc', ''));
  });

  it('keeps its keys to itself: neither the secret nor a key shows in its JSON or its text', () => {
    expect(JSON.stringify(keys)).not.toContain(TEST_SECRET);
    expect(String(keys)).not.toContain(TEST_SECRET);
  });
});

describe('fixedKeys', () => {
  it('gives the keys of a value at hand, without Secrets Manager', async () => {
    // Act
    const keys = await fixedKeys(TEST_SECRET)();

    // Assess
    expect(keys.hex('supporter', 'anna')).toBe(new DeploymentKeys(TEST_SECRET).hex('supporter', 'anna'));
    expect(secretsMock).not.toHaveReceivedAnyCommand();
  });
});

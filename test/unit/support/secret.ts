import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { DeploymentKeys, fixedKeys } from '../../../shared/secret.ts';
import { cursorSeal } from '../../../shared/store/cursor.ts';
import type { StoreCursor } from '../../../shared/store/ports.ts';

/** The deployment secret of the unit tests; its ARN is SPIRE_SECRET_ARN in vitest.config.ts. */
export const TEST_SECRET = 'unit-test-deployment-secret-4f7c1e9a2b6d8035';
export const TEST_SECRET_ARN = 'arn:aws:secretsmanager:eu-north-1:123456789012:secret:spire-unit-deployment-secret-AbCdEf';

/** The keys of the test secret, as the functions' code gets them. */
export const testKeys = fixedKeys(TEST_SECRET);
export const TEST_KEYS = new DeploymentKeys(TEST_SECRET);

/** Secrets Manager answering the test secret to the functions (they read it on first use, and keep it). */
export function mockDeploymentSecret() {
  const mock = mockClient(SecretsManagerClient);
  mock.on(GetSecretValueCommand, { SecretId: TEST_SECRET_ARN }).resolves({ ARN: TEST_SECRET_ARN, SecretString: TEST_SECRET });
  return mock;
}

/** A store cursor sealed as a route hands it to the client. */
export async function sealed(cursor: StoreCursor | undefined): Promise<string> {
  return String(await cursorSeal(testKeys).seal(cursor));
}

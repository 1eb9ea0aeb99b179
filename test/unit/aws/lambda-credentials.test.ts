/**
 * The credential provider the deployed bundles use in place of the SDK's default chain
 * (shared/aws/lambda-credentials.ts): the role's credentials Lambda puts in the environment.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultProvider } from '../../../shared/aws/lambda-credentials.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the Lambda credential provider', () => {
  it('answers with the credentials Lambda puts in the environment', async () => {
    // Prepare
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'ASIAEXAMPLEEXAMPLE00');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    vi.stubEnv('AWS_SESSION_TOKEN', 'session');

    // Act
    const credentials = await defaultProvider()();

    // Assess
    expect(credentials).toMatchObject({ accessKeyId: 'ASIAEXAMPLEEXAMPLE00', secretAccessKey: 'secret', sessionToken: 'session' });
  });

  it("fails with the SDK's own error when the environment has none", async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');

    await expect(defaultProvider()()).rejects.toThrow(/environment variable credentials/);
  });
});

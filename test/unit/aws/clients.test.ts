import { describe, expect, it } from 'vitest';
import { CLIENT_TIMEOUTS, createDocumentClient, createSecretsClient, createSesClient, createSqsClient } from '../../../shared/aws/clients.ts';

/** The timeouts a client's HTTP handler was configured with. */
async function timeoutsOf(client: { config: { requestHandler: unknown } }): Promise<{ connectionTimeout?: number; requestTimeout?: number }> {
  const handler = client.config.requestHandler as { configProvider: Promise<{ connectionTimeout?: number; requestTimeout?: number }> };
  return handler.configProvider;
}

describe('the AWS SDK clients', () => {
  it.each([
    ['DynamoDB', () => createDocumentClient()],
    ['SQS', () => createSqsClient()],
    ['SES', () => createSesClient()],
    ['Secrets Manager', () => createSecretsClient()],
  ])('%s gives up on a dead connection or a silent answer instead of waiting out the function', async (_name, create) => {
    const timeouts = await timeoutsOf(create() as unknown as { config: { requestHandler: unknown } });

    expect(timeouts).toMatchObject({ connectionTimeout: CLIENT_TIMEOUTS.connectionTimeoutMs, requestTimeout: CLIENT_TIMEOUTS.requestTimeoutMs });
  });
});

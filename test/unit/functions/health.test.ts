import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/health.ts';
import { bodyOf, httpEvent, lambdaContext } from '../support/lambda.ts';

describe('GET /health (health)', () => {
  it('answers 200 ok without a token', async () => {
    // Prepare
    const event = httpEvent({ method: 'GET', path: '/health', claims: null });

    // Act
    const response = await handler(event, lambdaContext('spire-health'));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(bodyOf(response)).toEqual({ status: 'ok' });
  });
});

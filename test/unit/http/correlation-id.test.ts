/**
 * The correlation id that joins the API's access log line to the function's log lines: API
 * Gateway's request id, as `correlation_id` in both (infra/stack.ts writes the access log's key).
 * The unit project keeps the logger silent; this file runs it at INFO, as a deployed function does.
 * (Powertools reads POWERTOOLS_LOG_LEVEL when the one Logger is made, and its middleware puts that
 * level back at every invocation, so `setLogLevel` would not hold; the unit project shares its
 * modules between files, so this file loads shared/logger.ts afresh.)
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { NotFoundError } from '../../../shared/http/errors.ts';
import { httpRoute, publicRoute } from '../../../shared/http/handler.ts';
import { json } from '../../../shared/http/response.ts';
import { logger } from '../../../shared/logger.ts';
import { httpEvent, lambdaContext, REQUEST_ID } from '../support/lambda.ts';

vi.hoisted(() => {
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
  // The imports below run after this, so they load a module graph of their own, logging at INFO.
  vi.resetModules();
});

let stdout: MockInstance<typeof process.stdout.write>;

beforeEach(() => {
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  stdout.mockRestore();
});

afterAll(() => {
  vi.unstubAllEnvs();
  // The next file in this worker loads its own modules, with the silent logger again.
  vi.resetModules();
});

/** The JSON log lines written so far. */
function logLines(): Record<string, unknown>[] {
  return stdout.mock.calls
    .map(([chunk]) => String(chunk))
    .filter((line) => line.startsWith('{"level"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('correlation id', () => {
  it('is on a route’s log lines: API Gateway’s request id, as correlation_id', async () => {
    // Prepare
    const handler = httpRoute(async () => {
      logger.info('Doing the work');
      return json(200, {});
    });
    const event = httpEvent();

    // Act
    await handler(event, lambdaContext());

    // Assess
    expect(event.requestContext.requestId).toBe('Jq3xYhGvAi0EJ2w=');
    expect(logLines()).toEqual([expect.objectContaining({ message: 'Doing the work', correlation_id: 'Jq3xYhGvAi0EJ2w=', function_request_id: REQUEST_ID })]);
  });

  it('is on the line of a refused request of a public route too, and gone once the request is over', async () => {
    // Prepare
    const handler = publicRoute(async () => {
      throw new NotFoundError();
    });

    // Act
    await handler(httpEvent({ claims: null }), lambdaContext());
    logger.info('Between requests');

    // Assess
    const [refused, between] = logLines();
    expect(refused).toMatchObject({ message: 'Request refused', correlation_id: 'Jq3xYhGvAi0EJ2w=' });
    expect(between).toMatchObject({ message: 'Between requests' });
    expect(between).not.toHaveProperty('correlation_id');
  });
});

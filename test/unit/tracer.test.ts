/**
 * Powertools Tracer on the AWS SDK clients: off wherever Spire does not run in Lambda (these
 * tests, the local runtime), so nothing looks for an X-Ray daemon; on in Lambda, where every
 * client shared/aws/clients.ts makes records its calls.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDocumentClient, createSesClient, createSqsClient } from '../../shared/aws/clients.ts';
import { tracer } from '../../shared/tracer.ts';

/** The name the X-Ray SDK gives the middleware it adds to a captured client. */
const XRAY_MIDDLEWARE = 'XRaySDKInstrumentation';

type Client = { middlewareStack: { identify(): string[] } };
const middlewareOf = (client: unknown): string[] => (client as Client).middlewareStack.identify();

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('the tracer', () => {
  it('is off outside Lambda, so the tests and the local runtime never reach for an X-Ray daemon', () => {
    expect(process.env['AWS_EXECUTION_ENV']).toBeUndefined();
    expect(tracer.isTracingEnabled()).toBe(false);
  });

  it.each([
    ['DynamoDB', createDocumentClient],
    ['SQS', createSqsClient],
    ['SES', createSesClient],
  ])('leaves the %s client as it is while off', (_name, create) => {
    expect(middlewareOf(create()).some((name) => name.startsWith(XRAY_MIDDLEWARE))).toBe(false);
  });

  it.each(['DynamoDB', 'SQS', 'SES'] as const)('captures the %s client in Lambda', async (service) => {
    // Prepare: what Lambda sets; the modules load anew and read it, as in a fresh execution environment.
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs24.x');
    vi.resetModules();
    const clients = await import('../../shared/aws/clients.ts');
    const { tracer: lambdaTracer } = await import('../../shared/tracer.ts');
    const create = { DynamoDB: clients.createDocumentClient, SQS: clients.createSqsClient, SES: clients.createSesClient }[service];

    // Act
    const client = create();

    // Assess
    expect(lambdaTracer.isTracingEnabled()).toBe(true);
    expect(middlewareOf(client).some((name) => name.startsWith(XRAY_MIDDLEWARE))).toBe(true);
  });

  it('stays off in Lambda when POWERTOOLS_TRACE_ENABLED is false', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs24.x');
    vi.stubEnv('POWERTOOLS_TRACE_ENABLED', 'false');
    vi.resetModules();
    const { tracer: lambdaTracer } = await import('../../shared/tracer.ts');

    expect(lambdaTracer.isTracingEnabled()).toBe(false);
  });
});

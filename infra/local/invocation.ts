/**
 * Which function the local runtime is running right now. Lambda gives every function its own
 * process; the local runtime runs them all in one, so the AWS calls a handler makes are tied to
 * its function by this async context instead (infra/local/grants.ts checks them against the
 * function's grants). Calls made outside any invocation are the runtime's own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FunctionName } from '../system.ts';
import type { FaultInjector } from './faults.ts';
import type { GrantChecker } from './grants.ts';
import type { LocalSes } from './ses.ts';

export interface Invocation {
  functionName: FunctionName;
  /** The runtime's check of the function's AWS calls against its grants. */
  grants?: GrantChecker;
  /** The runtime's fault injection, when it was started with faults (./faults.ts). */
  faults?: FaultInjector;
  /** The runtime's SES, which answers the function's SendEmail and keeps the e-mail in its outbox (./ses.ts). */
  ses?: LocalSes;
  /**
   * For an invocation by queue messages: how many times each function has been invoked in the
   * chain of requests that led here, this invocation included (./recursion.ts).
   */
  lineage?: Lineage;
}

/** Invocations per function in one chain of requests, as Lambda counts them in the trace header's Lineage. */
export type Lineage = Readonly<Partial<Record<FunctionName, number>>>;

export const currentInvocation = new AsyncLocalStorage<Invocation>();

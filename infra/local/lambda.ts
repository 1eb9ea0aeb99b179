/**
 * Runs the Lambda handlers in this process the way the Lambda service does: the handler module
 * is loaded once (cold start) after the environment is set, each invocation gets a Lambda
 * context, and an invocation that outlives the function's timeout is abandoned as timed out.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Context } from 'aws-lambda';
import { FUNCTIONS, type FunctionName } from '../system.ts';
import { currentInvocation, type Invocation } from './invocation.ts';

/** The runtime's services an invocation carries (./invocation.ts). */
type RuntimeServices = Pick<Invocation, 'grants' | 'faults' | 'ses'>;

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export class InvocationTimeoutError extends Error {
  override name = 'InvocationTimeoutError';
}

export class LocalLambdas {
  private readonly root: string;
  private readonly region: string;
  /** What every invocation carries from the runtime: its grant check, fault injector and SES, where it has them. */
  private readonly services: RuntimeServices;
  private readonly loaded = new Map<FunctionName, Promise<Handler>>();
  /** How many times each function has been invoked. */
  readonly invocations = new Map<FunctionName, number>();

  /**
   * With `grants`, every AWS call a handler makes is checked against its function's grants; with
   * `faults`, its SQS sends and DynamoDB writes fail at the injector's rates (./faults.ts); with
   * `ses`, its SES SendEmail is answered by that local SES (./ses.ts).
   */
  constructor(root: string, region: string, services: RuntimeServices = {}) {
    this.root = root;
    this.region = region;
    this.services = services;
  }

  /** Loads every handler now, so configuration errors show at start rather than on first use. */
  async loadAll(): Promise<void> {
    await Promise.all((Object.keys(FUNCTIONS) as FunctionName[]).map((name) => this.handler(name)));
  }

  /** Runs one invocation; `invocation` adds to what the runtime knows of it (its function is always set). */
  async invoke(name: FunctionName, event: unknown, invocation: Partial<Invocation> = {}): Promise<unknown> {
    const fn = FUNCTIONS[name];
    const handler = await this.handler(name);
    this.invocations.set(name, (this.invocations.get(name) ?? 0) + 1);
    const deadline = Date.now() + fn.timeoutSeconds * 1000;
    const requestId = randomUUID();
    const context: Context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: `spire-${name}`,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${this.region}:000000000000:function:spire-${name}`,
      memoryLimitInMB: String(fn.memoryMb),
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/spire-${name}`,
      logStreamName: `local/${requestId}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new InvocationTimeoutError(`${name} timed out after ${fn.timeoutSeconds} s`)), fn.timeoutSeconds * 1000);
    });
    const running: Invocation = {
      ...invocation,
      ...this.services,
      functionName: name,
    };
    try {
      return await Promise.race([currentInvocation.run(running, () => handler(event, context)), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private handler(name: FunctionName): Promise<Handler> {
    let loading = this.loaded.get(name);
    if (loading === undefined) {
      const entry = resolve(this.root, FUNCTIONS[name].entry);
      loading = import(entry).then((module: { handler?: Handler }) => {
        if (typeof module.handler !== 'function') throw new Error(`${FUNCTIONS[name].entry} exports no handler`);
        return module.handler;
      });
      this.loaded.set(name, loading);
    }
    return loading;
  }
}

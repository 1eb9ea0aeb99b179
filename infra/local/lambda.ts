/**
 * Runs the Lambda handlers in this process the way the Lambda service does: the handler module
 * is loaded once (cold start) after the environment is set, each invocation gets a Lambda
 * context, and an invocation that outlives the function's timeout is abandoned as timed out.
 */
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Context } from 'aws-lambda';
import { FUNCTIONS, type FunctionName } from '../system.ts';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export class InvocationTimeoutError extends Error {
  override name = 'InvocationTimeoutError';
}

export class LocalLambdas {
  private readonly root: string;
  private readonly region: string;
  private readonly loaded = new Map<FunctionName, Promise<Handler>>();

  constructor(root: string, region: string) {
    this.root = root;
    this.region = region;
  }

  /** Loads every handler now, so configuration errors show at start rather than on first use. */
  async loadAll(): Promise<void> {
    await Promise.all((Object.keys(FUNCTIONS) as FunctionName[]).map((name) => this.handler(name)));
  }

  async invoke(name: FunctionName, event: unknown): Promise<unknown> {
    const fn = FUNCTIONS[name];
    const handler = await this.handler(name);
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
    try {
      return await Promise.race([handler(event, context), timeout]);
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

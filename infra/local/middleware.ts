/**
 * The local runtime's one way into an AWS SDK client: a step of the `initialize` kind in its
 * middleware stack, which sees a call's command and input before anything is sent. The grant
 * check (priority high), the fault injector, the lineage of queue messages, and the local
 * Secrets Manager and SES (priority low, after the grant check) are each one such step, added to
 * every client the functions make (`decorateEveryClient`, shared/aws/clients.ts).
 */
import type { ClientDecorator } from '../../shared/aws/clients.ts';

/** A call as an `initialize` step sees it. */
export interface CallArgs<Input = Record<string, unknown>> {
  input: Input;
}

/** An `initialize` step: called with the next step and the call's context, it answers the call (or hands it on with `next`). */
export type InitializeStep<Input = Record<string, unknown>> = (
  next: (args: CallArgs<Input>) => Promise<unknown>,
  context: { commandName?: string },
) => (args: CallArgs<Input>) => Promise<unknown>;

/** The part of an SDK client's middleware stack a step uses. */
interface InitializeStack {
  add(step: unknown, options: { step: 'initialize'; name: string; priority?: 'high' | 'normal' | 'low' }): void;
}

/** Adds the step to the client's middleware stack, under `name`, at `priority` (the SDK's `normal` when not given). */
export function addInitializeStep<Input = Record<string, unknown>>(
  client: Parameters<ClientDecorator>[0],
  name: string,
  priority: 'high' | 'normal' | 'low' | undefined,
  step: InitializeStep<Input>,
): void {
  (client.middlewareStack as unknown as InitializeStack).add(step, { step: 'initialize', name, ...(priority === undefined ? {} : { priority }) });
}

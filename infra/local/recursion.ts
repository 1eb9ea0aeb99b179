/**
 * Lambda's recursive loop detection, on a laptop. In AWS, a message a function sends while it
 * handles a queue message carries the chain it belongs to (the X-Ray trace header's Lineage: how
 * many times each function has been invoked in this chain of requests), and Lambda refuses to
 * invoke a function for the 17th time in one chain: the message is not delivered, it returns to
 * the queue and, after the queue's maxReceiveCount, goes to its dead-letter queue. A design in
 * which a function feeds its own queue (one page, then the next) therefore stops after 16 hops
 * in AWS, whatever worked locally, unless the local runtime stops it too. It does:
 *
 * - every SQS send made inside an invocation that queue messages started carries that
 *   invocation's lineage as a message attribute (a middleware on every client, as grants.ts);
 * - the local event source (./sqs-poller.ts) counts the invocation a message would start, and
 *   does not start one past the limit.
 */
import type { Message } from '@aws-sdk/client-sqs';
import { decorateEveryClient, type ClientDecorator } from '../../shared/aws/clients.ts';
import { FUNCTIONS, type FunctionName } from '../system.ts';
import { currentInvocation, type Lineage } from './invocation.ts';
import { addInitializeStep } from './middleware.ts';

/**
 * How many times one function may be invoked in one chain of requests. AWS Lambda Developer
 * Guide, "Lambda recursive loop detection": "If your function is invoked more than 16 times in
 * the same chain of requests, then Lambda automatically stops the next function invocation in
 * that request chain and notifies you."
 */
export const RECURSIVE_INVOCATION_LIMIT = 16;

/** The message attribute that carries a chain's lineage locally, where AWS uses the trace header. */
export const LINEAGE_ATTRIBUTE = 'SpireLocalLineage';

/** `intakeWorker:1|notifyWorker:2`, functions in name order. */
export function formatLineage(lineage: Lineage): string {
  return (Object.entries(lineage) as [FunctionName, number][])
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, count]) => `${name}:${count}`)
    .join('|');
}

/** The lineage a message carries; none when it was sent outside a queue-started chain. Unknown parts are ignored. */
export function lineageOf(message: Pick<Message, 'MessageAttributes'>): Lineage {
  const value = message.MessageAttributes?.[LINEAGE_ATTRIBUTE]?.StringValue ?? '';
  const lineage: Partial<Record<FunctionName, number>> = {};
  for (const part of value.split('|')) {
    const [name, count] = part.split(':');
    if (name !== undefined && Object.hasOwn(FUNCTIONS, name) && /^\d+$/.test(count ?? '')) lineage[name as FunctionName] = Number(count);
  }
  return lineage;
}

/** A message the function may not be invoked with: it would be the function's `invocation`th invocation in the message's chain. */
export interface StoppedMessage {
  message: Message;
  invocation: number;
}

/**
 * Splits a batch as Lambda's loop detection would: the messages `functionName` may be invoked
 * with, the ones that would invoke it past the limit, and the lineage of the invocation (each
 * function's highest count among the admitted messages, the function's own one higher).
 */
export function checkRecursion(functionName: FunctionName, messages: readonly Message[]): { admitted: Message[]; stopped: StoppedMessage[]; lineage: Lineage } {
  const admitted: Message[] = [];
  const stopped: StoppedMessage[] = [];
  const lineage: Partial<Record<FunctionName, number>> = {};
  for (const message of messages) {
    const carried = lineageOf(message);
    const invocation = (carried[functionName] ?? 0) + 1;
    if (invocation > RECURSIVE_INVOCATION_LIMIT) {
      stopped.push({ message, invocation });
      continue;
    }
    admitted.push(message);
    for (const [name, count] of Object.entries({ ...carried, [functionName]: invocation }) as [FunctionName, number][]) {
      lineage[name] = Math.max(lineage[name] ?? 0, count);
    }
  }
  return { admitted, stopped, lineage };
}

type Input = Record<string, unknown> & { MessageAttributes?: Record<string, unknown>; Entries?: (Record<string, unknown> & { MessageAttributes?: Record<string, unknown> })[] };

/** Every SQS client: a send inside a queue-started invocation carries the invocation's lineage. */
export const carryLineage: ClientDecorator = (client, service) => {
  if (service !== 'sqs') return;
  addInitializeStep<Input>(client, 'spireLocalLineage', undefined, (next, context) => async (args) => {
    const lineage = currentInvocation.getStore()?.lineage;
    if (lineage === undefined) return next(args);
    const attributes = (own: Record<string, unknown> | undefined) => ({ ...own, [LINEAGE_ATTRIBUTE]: { DataType: 'String', StringValue: formatLineage(lineage) } });
    if (context.commandName === 'SendMessageCommand') return next({ ...args, input: { ...args.input, MessageAttributes: attributes(args.input.MessageAttributes) } });
    if (context.commandName === 'SendMessageBatchCommand') {
      return next({ ...args, input: { ...args.input, Entries: (args.input.Entries ?? []).map((entry) => ({ ...entry, MessageAttributes: attributes(entry.MessageAttributes) })) } });
    }
    return next(args);
  });
};

/** Installs the lineage on every SQS client made from now on; the runtime calls it before it loads the handlers. */
export function carryLineageOnEveryClient(): void {
  decorateEveryClient(carryLineage);
}

/**
 * Faults on a laptop. DynamoDB Local and the SQS emulator never fail, so code that must survive a
 * failed queue send or a throttled write would never be run by the local tests. With the
 * runtime's `faults` option (RuntimeOptions in ./runtime.ts; `SPIRE_LOCAL_FAULTS` for `npm start`),
 * the functions' AWS calls fail at given rates, drawn from a seeded generator:
 *
 * - **SQS sends** (SendMessage, SendMessageBatch) fail at `sqsSendFailureRate`. Half of the
 *   failures are refusals (SQS answers 500 `InternalFailure`; nothing was sent), half are lost
 *   answers (the message was sent, then the connection reset before the answer: the caller sees a
 *   network error, the queue has the message).
 * - **DynamoDB writes** (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems) are
 *   throttled at `dynamodbWriteThrottleRate`, nothing written: `ProvisionedThroughputExceededException`
 *   or `ThrottlingException`, and for a transaction `TransactionCanceledException` with the reason
 *   `ThrottlingError`, as DynamoDB cancels a throttled transaction.
 *
 * The failure is made in the `initialize` step of the client's middleware, outside the SDK's
 * retries (the retry middleware is in the `finalizeRequest` step), so it is not retried by the
 * SDK: it reaches the function's own code at the given rate, as a call fails once all of the
 * SDK's attempts have failed. It comes after the grant check (./grants.ts), as AWS authorizes a
 * call before it throttles it. Calls outside an invocation (the runtime's own, the event source's
 * receives and deletes, which are Lambda's and not Spire's code) never fail.
 *
 * This lives in infra/local only: no function and nothing in shared/ imports it, so it is in no
 * bundle and cannot be switched on in AWS. It is off unless a runtime is started with it.
 *
 * The generator makes the same sequence of decisions for the same seed; which call gets which
 * decision depends on the order in which concurrent calls arrive, so a run with concurrency is
 * reproducible in its rates, not call for call.
 */
import { ProvisionedThroughputExceededException, ThrottlingException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SQSServiceException } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { decorateEveryClient, type AwsService, type ClientDecorator } from '../../shared/aws/clients.ts';
import { currentInvocation } from './invocation.ts';
import { random } from '../../bench/random.ts';
import { addInitializeStep } from './middleware.ts';

export const FaultSettings = z.strictObject({
  /** The generator's seed. */
  seed: z.number().int(),
  /** The share of SQS sends that fail, 0 to 1. */
  sqsSendFailureRate: z.number().min(0).max(1).default(0),
  /** The share of DynamoDB writes that are throttled, 0 to 1. */
  dynamodbWriteThrottleRate: z.number().min(0).max(1).default(0),
});
export type FaultSettings = z.input<typeof FaultSettings>;

export const SQS_SENDS: ReadonlySet<string> = new Set(['SendMessage', 'SendMessageBatch']);
export const DYNAMODB_WRITES: ReadonlySet<string> = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

/** What happened to the calls a fault could hit, so far. */
export interface FaultCounts {
  sqsSends: number;
  /** Sends SQS refused (500), nothing sent. */
  sqsSendsRefused: number;
  /** Sends that reached the queue, whose answer was lost (a connection reset). */
  sqsSendsAnswerLost: number;
  dynamodbWrites: number;
  dynamodbWritesThrottled: number;
}

/** The fault a call gets, if any. */
export type Fault = { kind: 'sqs-refused' } | { kind: 'sqs-answer-lost' } | { kind: 'dynamodb-throttled'; as: 'ProvisionedThroughputExceededException' | 'ThrottlingException' };

/** Decides, call by call, which calls fail; counts them. */
export class FaultInjector {
  readonly settings: Readonly<z.output<typeof FaultSettings>>;
  readonly counts: FaultCounts = { sqsSends: 0, sqsSendsRefused: 0, sqsSendsAnswerLost: 0, dynamodbWrites: 0, dynamodbWritesThrottled: 0 };
  private readonly next: () => number;

  constructor(settings: FaultSettings) {
    this.settings = FaultSettings.parse(settings);
    this.next = random(this.settings.seed);
  }

  /** The fault of one call of `operation` (`SendMessageBatch`, `PutItem` …), or undefined when it goes through. */
  decide(service: AwsService, operation: string): Fault | undefined {
    if (service === 'sqs' && SQS_SENDS.has(operation)) {
      this.counts.sqsSends++;
      if (this.next() >= this.settings.sqsSendFailureRate) return undefined;
      if (this.next() < 0.5) {
        this.counts.sqsSendsRefused++;
        return { kind: 'sqs-refused' };
      }
      this.counts.sqsSendsAnswerLost++;
      return { kind: 'sqs-answer-lost' };
    }
    if (service === 'dynamodb' && DYNAMODB_WRITES.has(operation)) {
      this.counts.dynamodbWrites++;
      if (this.next() >= this.settings.dynamodbWriteThrottleRate) return undefined;
      this.counts.dynamodbWritesThrottled++;
      return { kind: 'dynamodb-throttled', as: this.next() < 0.5 ? 'ProvisionedThroughputExceededException' : 'ThrottlingException' };
    }
    return undefined;
  }
}


/**
 * The error the SDK gives the caller for the fault, as it would for the real failure: a service
 * exception with its HTTP status and fault side, or, for a lost answer, a network error.
 */
export function faultError(fault: Fault, operation: string, input: Record<string, unknown>): Error {
  const injected = '(injected by the local runtime’s faults option)';
  switch (fault.kind) {
    case 'sqs-refused':
      return new SQSServiceException({ name: 'InternalFailure', $fault: 'server', $metadata: { httpStatusCode: 500 }, message: `We encountered an internal error. Please try again. ${injected}` });
    case 'sqs-answer-lost':
      return Object.assign(new Error(`socket hang up ${injected}`), { name: 'Error', code: 'ECONNRESET', $metadata: {} });
    case 'dynamodb-throttled': {
      const $metadata = { httpStatusCode: 400 };
      if (operation === 'TransactWriteItems') {
        // DynamoDB cancels a throttled transaction, naming the throttled item; the others are None.
        const count = Array.isArray(input['TransactItems']) ? input['TransactItems'].length : 1;
        const reasons = Array.from({ length: count }, (_, index) => (index === 0 ? { Code: 'ThrottlingError', Message: 'Throughput exceeds the current capacity for one or more global secondary indexes. DynamoDB is automatically scaling your index so please try again shortly.' } : { Code: 'None' }));
        return new TransactionCanceledException({ $metadata, message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((reason) => reason.Code).join(', ')}] ${injected}`, CancellationReasons: reasons });
      }
      const message = `The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API. ${injected}`;
      return fault.as === 'ThrottlingException' ? new ThrottlingException({ $metadata, message }) : new ProvisionedThroughputExceededException({ $metadata, message });
    }
  }
}

/**
 * The middleware: a call inside an invocation that carries a fault injector may fail. A refusal
 * or a throttle is thrown before the call is sent; a lost answer after it was sent.
 */
const injectFaults: ClientDecorator = (client, service) => {
  if (service !== 'sqs' && service !== 'dynamodb') return;
  addInitializeStep(client, 'spireLocalFaults', 'normal', (next, context) => async (args) => {
    const faults = currentInvocation.getStore()?.faults;
    if (faults === undefined) return next(args);
    const operation = String(context.commandName).replace(/Command$/, '');
    const fault = faults.decide(service, operation);
    if (fault === undefined) return next(args);
    if (fault.kind === 'sqs-answer-lost') await next(args);
    throw faultError(fault, operation, args.input);
  });
};

/** Installs the fault middleware on every AWS client made from now on; it does nothing in an invocation without a fault injector. */
export function injectFaultsOnEveryClient(): void {
  decorateEveryClient(injectFaults);
}

/**
 * Fault settings from `SPIRE_LOCAL_FAULTS` (for `npm start`): `sqs=0.2,dynamodb=0.1,seed=7`
 * (rates from 0 to 1; the seed random when left out). Undefined when it is not set.
 */
export function faultSettingsFromText(text: string | undefined, randomSeed: () => number = () => Math.floor(Math.random() * 2 ** 31)): FaultSettings | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const fields = new Map<string, number>();
  for (const part of text.split(',')) {
    const match = /^\s*(sqs|dynamodb|seed)\s*=\s*(-?\d+(?:\.\d+)?)\s*$/.exec(part);
    if (match === null) throw new Error(`SPIRE_LOCAL_FAULTS: "${part}" is not sqs=<rate>, dynamodb=<rate> or seed=<whole number> (e.g. sqs=0.2,dynamodb=0.1,seed=7)`);
    fields.set(match[1] as string, Number(match[2]));
  }
  const settings = {
    seed: fields.get('seed') ?? randomSeed(),
    sqsSendFailureRate: fields.get('sqs') ?? 0,
    dynamodbWriteThrottleRate: fields.get('dynamodb') ?? 0,
  };
  const parsed = FaultSettings.safeParse(settings);
  if (!parsed.success) throw new Error(`SPIRE_LOCAL_FAULTS: ${z.prettifyError(parsed.error)}`);
  return settings;
}

import type { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsClient } from '../aws/clients.ts';
import { ENV, requireEnv } from '../config.ts';
import type { IntakeMessage } from '../schemas/idea.ts';
import { sendJsonMessages } from './json-queue.ts';

/** The queue that carries newly stored ideas to the intake worker. */
export interface IntakeQueue {
  /** Queues the ideas for triage; resolves with the ids that could not be queued. */
  enqueue(ideaIds: readonly string[]): Promise<string[]>;
}

export class SqsIntakeQueue implements IntakeQueue {
  private readonly client: SQSClient;
  private readonly queueUrl: string;

  constructor(client: SQSClient, queueUrl: string) {
    this.client = client;
    this.queueUrl = queueUrl;
  }

  async enqueue(ideaIds: readonly string[]): Promise<string[]> {
    const failed = await sendJsonMessages(this.client, this.queueUrl, ideaIds.map((ideaId): IntakeMessage => ({ ideaId })));
    return failed.map((index) => ideaIds[index] as string);
  }
}

/**
 * The intake queue of a function's environment, on one SQS client; the endpoint comes from the
 * standard AWS SDK settings (AWS_ENDPOINT_URL_SQS locally).
 */
export function intakeQueueFromEnv(): IntakeQueue {
  return new SqsIntakeQueue(createSqsClient(), requireEnv(ENV.intakeQueueUrl));
}

import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ENV, requireEnv } from '../config.ts';
import type { IntakeMessage } from '../schemas/idea.ts';

/** The queue that carries newly stored ideas to the intake worker. */
export interface IntakeQueue {
  /** Queues the ideas for triage; resolves with the ids that could not be queued. */
  enqueue(ideaIds: readonly string[]): Promise<string[]>;
}

const SQS_BATCH_LIMIT = 10;

export class SqsIntakeQueue implements IntakeQueue {
  private readonly client: SQSClient;
  private readonly queueUrl: string;

  constructor(client: SQSClient, queueUrl: string) {
    this.client = client;
    this.queueUrl = queueUrl;
  }

  async enqueue(ideaIds: readonly string[]): Promise<string[]> {
    const failed: string[] = [];
    for (let start = 0; start < ideaIds.length; start += SQS_BATCH_LIMIT) {
      const chunk = ideaIds.slice(start, start + SQS_BATCH_LIMIT);
      const result = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: chunk.map((ideaId, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify({ ideaId } satisfies IntakeMessage),
          })),
        }),
      );
      for (const failure of result.Failed ?? []) {
        const id = chunk[Number(failure.Id)];
        if (id !== undefined) failed.push(id);
      }
    }
    return failed;
  }
}

/**
 * The intake queue of a function's environment, on one SQS client; the endpoint comes from the
 * standard AWS SDK settings (AWS_ENDPOINT_URL_SQS locally).
 */
export function intakeQueueFromEnv(): IntakeQueue {
  return new SqsIntakeQueue(new SQSClient({}), requireEnv(ENV.intakeQueueUrl));
}

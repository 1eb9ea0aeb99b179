import type { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsClient } from '../aws/clients.ts';
import { ENV, requireEnv } from '../config.ts';
import type { RescoreMessage } from '../schemas/rescore.ts';
import { sendJsonMessages } from './json-queue.ts';

/** The queue that carries re-scoring jobs, one page of ideas per message. */
export interface RescoreQueue {
  send(messages: readonly RescoreMessage[]): Promise<void>;
}

export class SqsRescoreQueue implements RescoreQueue {
  private readonly client: SQSClient;
  private readonly queueUrl: string;

  constructor(client: SQSClient, queueUrl: string) {
    this.client = client;
    this.queueUrl = queueUrl;
  }

  async send(messages: readonly RescoreMessage[]): Promise<void> {
    const failed = await sendJsonMessages(this.client, this.queueUrl, messages);
    if (failed.length > 0) throw new Error(`${failed.length} re-scoring messages could not be queued`);
  }
}

export function rescoreQueueFromEnv(): RescoreQueue {
  return new SqsRescoreQueue(createSqsClient(), requireEnv(ENV.rescoreQueueUrl));
}

import type { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsClient } from '../aws/clients.ts';
import { ENV, requireEnv } from '../config.ts';
import type { ErasureMessage } from '../schemas/privacy.ts';
import { sendJsonMessages } from './json-queue.ts';

/** The queue of erasures (`POST /me/erase`), one person per message, for the erasure worker. */
export interface ErasureQueue {
  send(message: ErasureMessage): Promise<void>;
}

export class SqsErasureQueue implements ErasureQueue {
  private readonly client: SQSClient;
  private readonly queueUrl: string;

  constructor(client: SQSClient, queueUrl: string) {
    this.client = client;
    this.queueUrl = queueUrl;
  }

  async send(message: ErasureMessage): Promise<void> {
    const failed = await sendJsonMessages(this.client, this.queueUrl, [message]);
    if (failed.length > 0) throw new Error('The erasure could not be queued');
  }
}

export function erasureQueueFromEnv(): ErasureQueue {
  return new SqsErasureQueue(createSqsClient(), requireEnv(ENV.erasureQueueUrl));
}

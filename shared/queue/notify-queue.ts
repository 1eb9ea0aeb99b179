import type { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsClient } from '../aws/clients.ts';
import { ENV, requireEnv } from '../config.ts';
import type { NotifyMessage } from '../schemas/notify.ts';
import { logger } from '../logger.ts';
import { sendJsonMessages } from './json-queue.ts';

/** The queue that carries stored notifications to the notify worker, which delivers them. */
export interface NotifyQueue {
  /** Queues the notifications by id; resolves with the ids that could not be queued. */
  enqueue(notificationIds: readonly string[]): Promise<string[]>;
}

export class SqsNotifyQueue implements NotifyQueue {
  private readonly client: SQSClient;
  private readonly queueUrl: string;

  constructor(client: SQSClient, queueUrl: string) {
    this.client = client;
    this.queueUrl = queueUrl;
  }

  async enqueue(notificationIds: readonly string[]): Promise<string[]> {
    const failed = await sendJsonMessages(this.client, this.queueUrl, notificationIds.map((notificationId): NotifyMessage => ({ notificationId })));
    return failed.map((index) => notificationIds[index] as string);
  }
}

export function notifyQueueFromEnv(): NotifyQueue {
  return new SqsNotifyQueue(createSqsClient(), requireEnv(ENV.notifyQueueUrl));
}

/**
 * Queues a notification that was just stored with its change. A failed send is logged, not
 * thrown: the change is done, and the sweeper queues pending notifications again.
 */
export async function queueStoredNotification(queue: NotifyQueue, notificationId: string | undefined): Promise<void> {
  if (notificationId === undefined) return;
  try {
    const failed = await queue.enqueue([notificationId]);
    if (failed.length > 0) logger.warn('Notification not queued; the sweeper will queue it again', { notificationId });
  } catch (error) {
    logger.warn('Notification not queued; the sweeper will queue it again', { notificationId, error: error as Error });
  }
}

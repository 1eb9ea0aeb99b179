import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';

const SQS_BATCH_LIMIT = 10;

/** Sends JSON messages to one SQS queue, ten to a request; resolves with the indexes that failed. */
export async function sendJsonMessages(client: SQSClient, queueUrl: string, messages: readonly unknown[]): Promise<number[]> {
  const failed: number[] = [];
  for (let start = 0; start < messages.length; start += SQS_BATCH_LIMIT) {
    const chunk = messages.slice(start, start + SQS_BATCH_LIMIT);
    const result = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: chunk.map((message, index) => ({ Id: String(index), MessageBody: JSON.stringify(message) })),
      }),
    );
    for (const failure of result.Failed ?? []) failed.push(start + Number(failure.Id));
  }
  return failed;
}

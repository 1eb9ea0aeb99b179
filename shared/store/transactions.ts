/**
 * Writing one DynamoDB transaction, and reading why one was cancelled. Every write of an idea or
 * a pilot also adds to a shared pipeline counter (./pipeline.ts), so two transactions about
 * different ideas can meet on one counter item; DynamoDB then cancels one with
 * TransactionConflict. Nothing of a cancelled transaction was written and every item in it is
 * conditional on what was read, so trying it again is safe: it succeeds, or fails on the
 * condition that really no longer holds.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';

export type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/** DynamoDB takes at most this many items in one transaction. */
export const TRANSACTION_ITEM_LIMIT = 100;

const CONFLICT_ATTEMPTS = 4;

export async function writeTransaction(client: DynamoDBDocumentClient, items: TransactItems): Promise<void> {
  if (items.length > TRANSACTION_ITEM_LIMIT) throw new Error(`A transaction of ${items.length} items is over DynamoDB's limit of ${TRANSACTION_ITEM_LIMIT}`);
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!conflicted(error) || attempt >= CONFLICT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

/** Another transaction touched one of the items at the same moment. */
export function conflicted(error: unknown): boolean {
  return error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');
}

/** The item at `index` of the transaction failed its condition. */
export function conditionFailedAt(error: unknown, index: number): boolean {
  return error instanceof TransactionCanceledException && error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
}

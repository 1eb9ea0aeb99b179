import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoConversationStore } from '../../../shared/store/conversation.ts';
import { encodeCursor } from '../../../shared/store/cursor.ts';
import { DynamoNotificationStore } from '../../../shared/store/notifications.ts';
import { COMMENTS_PER_READ, InvalidCursorError, type TransactionPart } from '../../../shared/store/ports.ts';
import { rejectionOf } from '../support/errors.ts';
import { transactionCanceled } from '../support/lambda.ts';
import { theTransaction } from '../support/table.ts';
import { aComment, ADMITTED_AT, aNotification, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const store = new DynamoConversationStore(client, TABLE_NAME);
const notifications = new DynamoNotificationStore(client, TABLE_NAME);

afterEach(() => {
  ddbMock.reset();
});

/** A moment after the test ideas reached triage. */
const LATER = '2026-01-06T09:15:00.000Z';

const commentItem = (comment: ReturnType<typeof aComment>) => ({ PK: `IDEA#${IDEA_ID}`, SK: `COMMENT#${comment.at}#${comment.id}`, type: 'comment', ...comment });

describe('DynamoConversationStore.listComments', () => {
  const first = aComment({ id: 'c0ffee00-0000-4000-8000-000000000001', at: '2026-01-07T10:00:00.000Z' });
  const second = aComment({ id: 'c0ffee00-0000-4000-8000-000000000002', at: '2026-01-07T11:00:00.000Z' });
  const third = aComment({ id: 'c0ffee00-0000-4000-8000-000000000003', at: '2026-01-07T12:00:00.000Z' });

  it('reads the first page of comments (COMMENTS_PER_READ, oldest first) consistently, in a Query of its own', async () => {
    // Prepare
    const comment = aComment({ visibility: 'submitter', text: 'Hvilke tre systemer?' });
    ddbMock.on(QueryCommand).resolves({ Items: [commentItem(comment)] });

    // Act
    const page = await store.listComments(IDEA_ID, COMMENTS_PER_READ);

    // Assess
    expect(page).toEqual({ items: [comment] });
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(QueryCommand, {
      TableName: TABLE_NAME,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
      ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK' },
      ExpressionAttributeValues: { ':pk': `IDEA#${IDEA_ID}`, ':sk': 'COMMENT#' },
      ConsistentRead: true,
      Limit: COMMENTS_PER_READ + 1,
    });
  });

  it('caps the comments at COMMENTS_PER_READ and says where the next page starts', async () => {
    // Prepare
    const comments = Array.from({ length: COMMENTS_PER_READ + 1 }, (_, n) =>
      aComment({ id: `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`, at: `2026-01-07T10:${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000Z` }),
    );
    ddbMock.on(QueryCommand).resolves({ Items: comments.map(commentItem) });

    // Act
    const page = await store.listComments(IDEA_ID, COMMENTS_PER_READ);

    // Assess
    expect(page.items).toEqual(comments.slice(0, COMMENTS_PER_READ));
    const last = comments[COMMENTS_PER_READ - 1]!;
    expect(page.nextCursor).toBe(encodeCursor({ PK: `IDEA#${IDEA_ID}`, SK: `COMMENT#${last.at}#${last.id}` }));
  });

  it('reads one more than the page to know there is more, and starts the next page after the page’s last comment', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [first, second, third].map(commentItem) });

    // Act
    const page = await store.listComments(IDEA_ID, 2);

    // Assess
    expect(page).toEqual({ items: [first, second], nextCursor: encodeCursor({ PK: `IDEA#${IDEA_ID}`, SK: `COMMENT#${second.at}#${second.id}` }) });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { Limit: 3 });
  });

  it('gives no cursor on the last page', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [third].map(commentItem) });

    // Act
    const page = await store.listComments(IDEA_ID, 2, encodeCursor({ PK: `IDEA#${IDEA_ID}`, SK: `COMMENT#${second.at}#${second.id}` }));

    // Assess
    expect(page).toEqual({ items: [third] });
    expect(ddbMock).toHaveReceivedCommandWith(QueryCommand, { ExclusiveStartKey: { PK: `IDEA#${IDEA_ID}`, SK: `COMMENT#${second.at}#${second.id}` } });
  });

  it.each([
    ['of another idea', { PK: `IDEA#${OTHER_IDEA_ID}`, SK: `COMMENT#${ADMITTED_AT}#c1` }],
    ['of an item that is not a comment', { PK: `IDEA#${IDEA_ID}`, SK: 'META' }],
    ['of a supporter of the same idea', { PK: `IDEA#${IDEA_ID}`, SK: `SUPPORTER#${'e'.repeat(64)}` }],
    ['with an empty sort key', { PK: `IDEA#${IDEA_ID}`, SK: '' }],
  ])('refuses a cursor %s with invalid-cursor, before reading', async (_case, key) => {
    // Act
    const error = await rejectionOf(store.listComments(IDEA_ID, 2, encodeCursor(key)));

    // Assess
    expect(error).toBeInstanceOf(InvalidCursorError);
    expect(ddbMock).not.toHaveReceivedCommand(QueryCommand);
  });
});

describe('DynamoConversationStore.getSupportCount', () => {
  it('reads the count item consistently', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: { PK: `IDEA#${IDEA_ID}`, SK: 'SUPPORTERS', type: 'support-count', count: 12 } });

    // Act
    const count = await store.getSupportCount(IDEA_ID);

    // Assess
    expect(count).toBe(12);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(GetCommand, { TableName: TABLE_NAME, Key: { PK: `IDEA#${IDEA_ID}`, SK: 'SUPPORTERS' }, ConsistentRead: true });
  });

  it('counts 0 for an idea nobody supported yet', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({});

    // Act
    const count = await store.getSupportCount(IDEA_ID);

    // Assess
    expect(count).toBe(0);
  });
});

describe('DynamoConversationStore.addComment', () => {
  it('writes the comment into the idea’s partition, only if new', async () => {
    // Prepare
    const comment = aComment();
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.addComment(comment);

    // Assess
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(TransactWriteCommand, {
      TransactItems: [
        {
          Put: {
            TableName: TABLE_NAME,
            Item: { PK: `IDEA#${IDEA_ID}`, SK: `COMMENT#${comment.at}#${comment.id}`, type: 'comment', ...comment },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ],
    });
  });

  it('writes the e-mail that carries a comment to the submitter in the same transaction, after the comment, pending and only if new', async () => {
    // Prepare
    const comment = aComment({ visibility: 'submitter' });
    const notification = aNotification({ id: `${IDEA_ID}.c${comment.id}`, kind: 'idea-comment' });
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    await store.addComment(comment, notifications.creation(notification));

    // Assess
    const items = theTransaction(ddbMock);
    expect(items).toHaveLength(2);
    expect(items[0]?.Put?.Item).toMatchObject({ type: 'comment' });
    expect(items[1]).toEqual({
      Put: {
        TableName: TABLE_NAME,
        Item: { PK: `NOTIFICATION#${notification.id}`, SK: 'META', GSI1PK: 'PENDING#notification', GSI1SK: `${notification.createdAt}#${notification.id}`, type: 'notification', ...notification },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  });

  it('refuses a part it cannot write (another store family’s), writing nothing', async () => {
    // Prepare
    const fake: TransactionPart = { describes: 'a fake’s notification' };

    // Act
    const thrown = await rejectionOf(store.addComment(aComment(), fake));

    // Assess
    expect(thrown).toBeInstanceOf(TypeError);
    expect(ddbMock).not.toHaveReceivedAnyCommand();
  });

  it('tries the transaction again when another one touched the same items at the same moment', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejectsOnce(transactionCanceled('TransactionConflict')).resolves({});

    // Act
    await store.addComment(aComment());

    // Assess
    const [first, second] = ddbMock.commandCalls(TransactWriteCommand).map((call) => call.args[0].input);
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
    expect(second).toEqual(first);
  });
});

describe('DynamoConversationStore.addSupporter', () => {
  const hash = 'e'.repeat(64);

  it('stores the supporter, findable by their hash for their export, and counts them in one transaction, and answers true', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).resolves({});

    // Act
    const added = await store.addSupporter(IDEA_ID, hash, LATER);

    // Assess
    expect(added).toBe(true);
    expect(ddbMock).toHaveReceivedCommandExactlyOnceWith(TransactWriteCommand, {
      TransactItems: [
        { Put: { TableName: TABLE_NAME, Item: { PK: `IDEA#${IDEA_ID}`, SK: `SUPPORTER#${hash}`, GSI2PK: `SUPPORTS#${hash}`, GSI2SK: `${LATER}#${IDEA_ID}`, type: 'supporter', ideaId: IDEA_ID, at: LATER }, ConditionExpression: 'attribute_not_exists(PK)' } },
        {
          Update: {
            TableName: TABLE_NAME,
            Key: { PK: `IDEA#${IDEA_ID}`, SK: 'SUPPORTERS' },
            UpdateExpression: 'SET #type = :type ADD #count :one',
            ExpressionAttributeNames: { '#type': 'type', '#count': 'count' },
            ExpressionAttributeValues: { ':type': 'support-count', ':one': 1 },
          },
        },
      ],
    });
  });

  it('answers false, counting nothing, when the person supported the idea before', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejects(transactionCanceled('ConditionalCheckFailed', 'None'));

    // Act
    const added = await store.addSupporter(IDEA_ID, hash, LATER);

    // Assess
    expect(added).toBe(false);
  });

  it('tries the transaction again when another one touched the count at the same moment, and answers true once it goes through', async () => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejectsOnce(transactionCanceled('None', 'TransactionConflict')).resolves({});

    // Act
    const added = await store.addSupporter(IDEA_ID, hash, LATER);

    // Assess
    expect(added).toBe(true);
    expect(ddbMock).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
  });

  it.each([
    ['a cancellation for another reason, or a conflict that outlasts the retries', transactionCanceled('None', 'TransactionConflict')],
    ['any other error', new Error('network down')],
  ])('rethrows %s', async (_case, error) => {
    // Prepare
    ddbMock.on(TransactWriteCommand).rejects(error);

    // Act
    const thrown = await rejectionOf(store.addSupporter(IDEA_ID, hash, LATER));

    // Assess
    expect(thrown).toBe(error);
  });
});

describe('DynamoConversationStore.listSupporters', () => {
  it('reads only the supporter items of the idea’s partition, across pages, as hashes', async () => {
    // Prepare
    const pageBreak = { PK: `IDEA#${IDEA_ID}`, SK: `SUPPORTER#${'a'.repeat(64)}` };
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ SK: `SUPPORTER#${'a'.repeat(64)}` }], LastEvaluatedKey: pageBreak })
      .resolvesOnce({ Items: [{ SK: `SUPPORTER#${'b'.repeat(64)}` }] });

    // Act
    const hashes = await store.listSupporters(IDEA_ID);

    // Assess
    expect(hashes).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    expect(ddbMock).toHaveReceivedNthCommandWith(QueryCommand, 1, {
      TableName: TABLE_NAME,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :sk)',
      ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK', '#p0': 'SK' },
      ExpressionAttributeValues: { ':pk': `IDEA#${IDEA_ID}`, ':sk': 'SUPPORTER#' },
      ProjectionExpression: '#p0',
    });
    expect(ddbMock).toHaveReceivedNthCommandWith(QueryCommand, 2, { ExclusiveStartKey: pageBreak });
  });
});

import { COMMENTS_PER_READ, type ConversationStore, type IdeaRecord, type IdeaStore } from '../store/ports.ts';

/**
 * Everything the idea's page shows (GET /ideas/{id}, GET /console/ideas/{id}): the idea with its
 * history, its first page of comments (COMMENTS_PER_READ, oldest first) and its number of
 * supporters, read at once from the two stores that keep them. Undefined when there is no such
 * idea. A failed read fails the whole, as one read of the idea would.
 */
export async function readIdeaRecord(
  deps: { ideas: Pick<IdeaStore, 'getIdeaWithHistory'>; conversation: Pick<ConversationStore, 'listComments' | 'getSupportCount'> },
  id: string,
): Promise<IdeaRecord | undefined> {
  const supportCount = deps.conversation.getSupportCount(id);
  const comments = deps.conversation.listComments(id, COMMENTS_PER_READ);
  // Settled together below; a rejection of either is not left unhandled while the history is read.
  supportCount.catch(() => undefined);
  comments.catch(() => undefined);
  const found = await deps.ideas.getIdeaWithHistory(id);
  const [firstComments, count] = await Promise.all([comments, supportCount]);
  if (found === undefined) return undefined;
  return {
    idea: found.idea,
    history: found.history,
    comments: firstComments.items,
    ...(firstComments.nextCursor === undefined ? {} : { commentsCursor: firstComments.nextCursor }),
    supportCount: count,
  };
}

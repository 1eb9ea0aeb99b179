/**
 * The ideas in the table: the DynamoDB adapter of IdeaStore (./ports.ts). An idea and its history
 * share its partition; its inbox and revisit entries (./derived-items.ts) and its share of the
 * pipeline counters (./pipeline.ts) are written in the transaction that changes it, with whatever
 * other stores add to the change (./compose.ts): the e-mail it sends, the pilot an accepted idea
 * becomes, a merge still to finish.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { InboxList, InboxRow, InboxSort } from '../domain/inbox.ts';
import { ideaAfter, transitionEvent, type Idea, type IdeaEvent, type IdeaStatus } from '../domain/idea.ts';
import { contributionChange, ideaContribution } from '../domain/pipeline.ts';
import { batchGetAll } from './batch.ts';
import { commit, DynamoPart, dynamoParts, failedIn, item, versionConflictIn } from './compose.ts';
import { derivedItemChanges } from './derived-items.ts';
import { ideaEntity, ideaEventEntity, idempotencyEntity, inboxEntryEntity } from './entities.ts';
import { queryAll, queryPage } from './partition.ts';
import {
  VersionConflictError,
  type IdeaStore,
  type IdeaWithHistory,
  type IdempotencyRecord,
  type Page,
  type StoreCursor,
  type SubmitOutcome,
  type TransactionPart,
  type Transition,
} from './ports.ts';
import { TableAdapter } from './table.ts';

export class DynamoIdeaStore extends TableAdapter implements IdeaStore {
  /**
   * Stores a new idea, its first history event, (when the caller sent an Idempotency-Key) the
   * idempotency record and its count in the pipeline counters in one transaction: either all
   * exist or none does. When the record already exists, nothing is written and the earlier
   * record is returned.
   */
  async submit(idea: Idea, event: IdeaEvent, idempotency?: IdempotencyRecord): Promise<SubmitOutcome> {
    const submission = new DynamoPart(
      `idea ${idea.id}`,
      [item.create(this.tableName, ideaEntity.toItem(idea)), item.create(this.tableName, ideaEventEntity.toItem(event))],
      [{ id: idea.id, change: contributionChange(undefined, ideaContribution(idea)) }],
    );
    const record = idempotency === undefined ? undefined : new DynamoPart('idempotency record', [item.create(this.tableName, idempotencyEntity.toItem(idempotency))]);
    const parts = record === undefined ? [submission] : [submission, record];
    try {
      await commit(this.client, this.tableName, parts);
      return { created: true };
    } catch (error) {
      if (idempotency !== undefined && record !== undefined && failedIn(error, parts, record)) {
        const existing = await this.getIdempotencyRecord(idempotency.keyHash);
        if (existing !== undefined) return { created: false, replayOf: existing };
      }
      throw error;
    }
  }

  async getIdea(id: string): Promise<Idea | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: ideaEntity.key(id), ConsistentRead: true }));
    return result.Item === undefined ? undefined : ideaEntity.fromItem(result.Item);
  }

  async getIdeas(ids: readonly string[]): Promise<Idea[]> {
    return (await batchGetAll(this.client, this.tableName, ids.map((id) => ideaEntity.key(id)))).map(ideaEntity.fromItem);
  }

  /** The idea and its whole history in one Query of its partition, from its first event to before its supporters. */
  async getIdeaWithHistory(id: string): Promise<IdeaWithHistory | undefined> {
    const items = await queryAll(this.client, this.tableName, ideaEntity.withHistory(id), { consistent: true });
    let idea: Idea | undefined;
    const history: IdeaEvent[] = [];
    for (const stored of items) {
      if (stored['type'] === ideaEntity.type) idea = ideaEntity.fromItem(stored);
      else if (stored['type'] === ideaEventEntity.type) history.push(ideaEventEntity.fromItem(stored));
    }
    return idea === undefined ? undefined : { idea, history };
  }

  async getIdempotencyRecord(keyHash: string): Promise<IdempotencyRecord | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: idempotencyEntity.key(keyHash), ConsistentRead: true }));
    return result.Item === undefined ? undefined : idempotencyEntity.fromItem(result.Item);
  }

  /** A submitter's own ideas, newest first. */
  async listBySubmitter(sub: string, limit: number, cursor?: StoreCursor): Promise<Page<Idea>> {
    return queryPage(this.client, this.tableName, ideaEntity.bySubmitter(sub), { limit, cursor }, ideaEntity.fromItem);
  }

  /**
   * Moves an idea to another status and writes the audit event, its derived items, its change of
   * the pipeline counters and every part `alongside`, in one transaction that only succeeds while
   * the idea is still at the version and status it was read with (and every status check among
   * the parts holds). Throws VersionConflictError when somebody else changed it first.
   */
  async transition(change: Transition, ...alongside: TransactionPart[]): Promise<Idea> {
    const { idea, to, at } = change;
    const updated = ideaAfter(idea, { to, at, set: change.set });
    const event = transitionEvent(idea, { ...change, version: updated.version });
    const derived = derivedItemChanges(idea, updated);
    const own = new DynamoPart(
      `idea ${idea.id}`,
      [
        item.replace(this.tableName, ideaEntity.toItem(updated), { version: idea.version, status: idea.status }),
        item.create(this.tableName, ideaEventEntity.toItem(event), true),
        ...derived.deletes.map((key) => item.delete(this.tableName, key)),
        ...derived.puts.map((entry) => item.put(this.tableName, entry)),
      ],
      [{ id: idea.id, change: contributionChange(ideaContribution(idea), ideaContribution(updated)) }],
    );
    const parts = [own, ...dynamoParts(alongside)];
    try {
      await commit(this.client, this.tableName, parts);
    } catch (error) {
      if (versionConflictIn(error, parts)) {
        throw new VersionConflictError({ kind: 'idea', id: idea.id, expectedVersion: idea.version }, `Idea ${idea.id} changed since version ${idea.version}`, { cause: error });
      }
      throw error;
    }
    return updated;
  }

  /** A check that another idea is in one of the statuses; its failure is a conflict of the change it is part of. */
  statusCheck(ideaId: string, statuses: readonly IdeaStatus[]): TransactionPart {
    const names = statuses.map((_, index) => `:s${index}`);
    return new DynamoPart(`idea ${ideaId} in ${statuses.join(', ')}`, [
      {
        item: {
          ConditionCheck: {
            TableName: this.tableName,
            Key: ideaEntity.key(ideaId),
            ConditionExpression: `#status IN (${names.join(', ')})`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: Object.fromEntries(statuses.map((status, index) => [names[index], status])),
          },
        },
        conflict: true,
      },
    ]);
  }

  async listInbox(list: InboxList, sort: InboxSort, limit: number, cursor?: StoreCursor): Promise<Page<InboxRow>> {
    return queryPage(this.client, this.tableName, inboxEntryEntity.list(list, sort), { limit, cursor }, inboxEntryEntity.fromItem);
  }

  /** Ideas that have been in `status` since before `changedBefore`, oldest first. */
  async listInStatusSince(status: IdeaStatus, changedBefore: string, limit: number): Promise<Idea[]> {
    return (await queryAll(this.client, this.tableName, ideaEntity.inStatus(status, { below: changedBefore }), { limit })).map(ideaEntity.fromItem);
  }

  async listByStatus(status: IdeaStatus, limit: number, cursor?: StoreCursor): Promise<Page<Idea>> {
    return queryPage(this.client, this.tableName, ideaEntity.inStatus(status), { limit, cursor }, ideaEntity.fromItem);
  }

  /** The ids alone (DynamoDB still reads whole items, at most 1 MB a page). */
  async listIdsInStatus(status: IdeaStatus, limit: number, cursor?: StoreCursor): Promise<Page<string>> {
    return queryPage(this.client, this.tableName, ideaEntity.inStatus(status), { limit, cursor, projection: ['id'] }, (stored) => String(stored['id']));
  }

  /** Counts one more re-queue of an idea; a no-op if the idea moved on meanwhile. */
  async recordRequeue(idea: Idea): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: ideaEntity.key(idea.id),
          UpdateExpression: 'SET requeueCount = :next',
          ConditionExpression: '#status = :status AND #version = :version',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':next': idea.requeueCount + 1, ':status': idea.status, ':version': idea.version },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Strategy, StrategyContent } from '../domain/strategy/strategy.ts';
import { strategyEntity } from './entities.ts';
import { queryAll, queryPage } from './partition.ts';
import { VersionConflictError, type Page, type StoreCursor, type StrategyStore } from './ports.ts';
import { TableAdapter } from './table.ts';
import { writeTransaction } from './transactions.ts';

/** The strategy in the table, every version an item of its partition: the DynamoDB adapter of StrategyStore (./ports.ts). */
export class DynamoStrategyStore extends TableAdapter implements StrategyStore {
  private readonly shippedDefault: StrategyContent;
  private readonly seeds: boolean;

  /**
   * @param shippedDefault is version 1 of a fresh installation.
   * @param access `readWrite` stores the shipped default as version 1 the first time it reads the
   *   strategy; `read` (a function granted only reads) answers it without storing it.
   */
  constructor(client: DynamoDBDocumentClient, tableName: string, shippedDefault: StrategyContent, access: 'read' | 'readWrite' = 'readWrite') {
    super(client, tableName);
    this.shippedDefault = shippedDefault;
    this.seeds = access === 'readWrite';
  }

  async current(): Promise<Strategy> {
    const newest = await this.newest();
    if (newest !== undefined) return newest;
    const seeded = this.shippedVersion();
    if (!this.seeds) return seeded;
    try {
      await this.client.send(
        new PutCommand({ TableName: this.tableName, Item: strategyEntity.toItem(seeded), ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return seeded;
    } catch (error) {
      // Another reader seeded it first: theirs is version 1.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await this.newest()) as Strategy;
    }
  }

  async version(version: number): Promise<Strategy | undefined> {
    if (version === 1) {
      // Version 1 of an installation that never changed its strategy may be the shipped default, not yet stored.
      const current = await this.current();
      if (current.version === 1) return current;
    }
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: strategyEntity.key(version) }));
    return result.Item === undefined ? undefined : strategyEntity.fromItem(result.Item);
  }

  async listVersions(limit: number, cursor?: StoreCursor): Promise<Page<Strategy>> {
    // Consistent, so a version just stored is listed.
    const page = await queryPage(this.client, this.tableName, strategyEntity.versions(), { limit, cursor, consistent: true }, strategyEntity.fromItem);
    // An installation that never changed its strategy has stored nothing: its one version is the shipped default.
    if (page.items.length === 0 && cursor === undefined) return { items: [this.shippedVersion()] };
    return page;
  }

  async replace(content: StrategyContent, expectedVersion: number, createdBy: string, at: string): Promise<Strategy> {
    const current = await this.current();
    if (current.version !== expectedVersion) {
      throw new VersionConflictError({ kind: 'strategy', expectedVersion }, `Current strategy is version ${current.version}, not ${expectedVersion}`);
    }
    const next: Strategy = { ...content, version: expectedVersion + 1, createdAt: at, createdBy };
    try {
      await writeTransaction(this.client, [
        { ConditionCheck: { TableName: this.tableName, Key: strategyEntity.key(expectedVersion), ConditionExpression: 'attribute_exists(PK)' } },
        {
          Put: {
            TableName: this.tableName,
            Item: strategyEntity.toItem(next),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ]);
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        throw new VersionConflictError({ kind: 'strategy', expectedVersion }, `Strategy version ${next.version} exists already`, { cause: error });
      }
      throw error;
    }
    return next;
  }

  /** Version 1 of a fresh installation, as stored the first time a writer reads the strategy. */
  private shippedVersion(): Strategy {
    return { ...this.shippedDefault, version: 1, createdAt: new Date().toISOString(), createdBy: 'system' };
  }

  private async newest(): Promise<Strategy | undefined> {
    const [newest] = await queryAll(this.client, this.tableName, strategyEntity.versions(), { limit: 1, consistent: true });
    return newest === undefined ? undefined : strategyEntity.fromItem(newest);
  }
}

/**
 * The stores a function uses, built once per Lambda container from its environment, on one
 * shared DynamoDB document client.
 */
import { ENV, requireEnv } from '../config.ts';
import { DEFAULT_STRATEGY } from '../domain/strategy/default-strategy.ts';
import { createDocumentClient } from './client.ts';
import { DynamoIdeaStore, type IdeaStore } from './ideas.ts';
import { DynamoStrategyStore, type StrategyStore } from './strategy.ts';
import { DynamoSimilarityIndex, type SimilarityIndex } from './similarity-index.ts';
import { DynamoNotificationStore, type NotificationStore } from './notifications.ts';
import { DynamoPilotStore, type PilotStore } from './pilots.ts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let client: DynamoDBDocumentClient | undefined;

function documentClient(): DynamoDBDocumentClient {
  client ??= createDocumentClient();
  return client;
}

export function ideaStoreFromEnv(): IdeaStore {
  return new DynamoIdeaStore(documentClient(), requireEnv(ENV.tableName));
}

export function similarityIndexFromEnv(): SimilarityIndex {
  return new DynamoSimilarityIndex(documentClient(), requireEnv(ENV.tableName));
}

export function strategyStoreFromEnv(): StrategyStore {
  return new DynamoStrategyStore(documentClient(), requireEnv(ENV.tableName), DEFAULT_STRATEGY);
}

export function notificationStoreFromEnv(): NotificationStore {
  return new DynamoNotificationStore(documentClient(), requireEnv(ENV.tableName));
}

export function pilotStoreFromEnv(): PilotStore {
  return new DynamoPilotStore(documentClient(), requireEnv(ENV.tableName));
}

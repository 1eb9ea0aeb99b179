/**
 * The stores a function uses, built once per Lambda container from its environment, on one
 * shared DynamoDB document client.
 */
import { ENV, requireEnv } from '../config.ts';
import { DEFAULT_STRATEGY } from '../domain/strategy/default-strategy.ts';
import { createDocumentClient } from '../aws/clients.ts';
import { DynamoIdeaStore } from './ideas.ts';
import { DynamoStrategyStore } from './strategy.ts';
import { DynamoSimilarityIndex } from './similarity-index.ts';
import { DynamoNotificationStore } from './notifications.ts';
import { DynamoPilotStore } from './pilots.ts';
import { DynamoRescoreJobStore } from './rescore-jobs.ts';
import { DynamoMailSuppressionStore } from './suppressions.ts';
import { DynamoUsageCounterStore } from './usage-limits.ts';
import { DynamoPersonalDataStore } from './personal-data.ts';
import type {
  IdeaStore,
  MailSuppressionStore,
  NotificationStore,
  PersonalDataStore,
  PilotStore,
  RescoreJobStore,
  SimilarityIndex,
  StrategyStore,
  UsageCounterStore,
} from './ports.ts';
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

/** @param access the function's table access (infra/system.ts): a reader never stores the shipped strategy, a writer does on first read. */
export function strategyStoreFromEnv(access: 'read' | 'readWrite'): StrategyStore {
  return new DynamoStrategyStore(documentClient(), requireEnv(ENV.tableName), DEFAULT_STRATEGY, access);
}

export function notificationStoreFromEnv(): NotificationStore {
  return new DynamoNotificationStore(documentClient(), requireEnv(ENV.tableName));
}

export function pilotStoreFromEnv(): PilotStore {
  return new DynamoPilotStore(documentClient(), requireEnv(ENV.tableName));
}

export function mailSuppressionStoreFromEnv(): MailSuppressionStore {
  return new DynamoMailSuppressionStore(documentClient(), requireEnv(ENV.tableName));
}

export function rescoreJobStoreFromEnv(): RescoreJobStore {
  return new DynamoRescoreJobStore(documentClient(), requireEnv(ENV.tableName));
}

/** The per-person counts (./usage-limits.ts); a function with read-only table access may use it only with `countsUsage` (infra/system.ts). */
export function usageCounterStoreFromEnv(): UsageCounterStore {
  return new DynamoUsageCounterStore(documentClient(), requireEnv(ENV.tableName));
}

/** A person's data across the table, for the GDPR routes and the retention job (./personal-data.ts). */
export function personalDataStoreFromEnv(): PersonalDataStore {
  return new DynamoPersonalDataStore(documentClient(), requireEnv(ENV.tableName));
}

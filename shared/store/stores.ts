/**
 * The stores a function uses, built once per Lambda container from its environment, on one
 * shared DynamoDB document client.
 */
import { ENV, requireEnv } from '../config.ts';
import { DEFAULT_STRATEGY } from '../domain/strategy/default-strategy.ts';
import { createDocumentClient } from '../aws/clients.ts';
import { DynamoBackgroundWorkStore } from './background-work.ts';
import { DynamoConversationStore } from './conversation.ts';
import { DynamoIdeaStore } from './ideas.ts';
import { DynamoPipelineStore } from './pipeline.ts';
import { DynamoStrategyStore } from './strategy.ts';
import { DynamoSimilarityIndex } from './similarity-index.ts';
import { DynamoNotificationStore } from './notifications.ts';
import { DynamoPilotStore } from './pilots.ts';
import { DynamoRescoreJobStore } from './rescore-jobs.ts';
import { DynamoMailSuppressionStore } from './suppressions.ts';
import { DynamoUsageCounterStore } from './usage-limits.ts';
import { DynamoPersonalDataStore } from './personal-data.ts';
import type {
  BackgroundWorkStore,
  ConversationStore,
  IdeaStore,
  PipelineStore,
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

/** An adapter on the shared client and the function's table. */
function onTable<T>(Adapter: new (client: DynamoDBDocumentClient, tableName: string) => T): T {
  return new Adapter(documentClient(), requireEnv(ENV.tableName));
}

export const ideaStoreFromEnv = (): IdeaStore => onTable(DynamoIdeaStore);
export const conversationStoreFromEnv = (): ConversationStore => onTable(DynamoConversationStore);
export const backgroundWorkStoreFromEnv = (): BackgroundWorkStore => onTable(DynamoBackgroundWorkStore);
export const pipelineStoreFromEnv = (): PipelineStore => onTable(DynamoPipelineStore);
export const similarityIndexFromEnv = (): SimilarityIndex => onTable(DynamoSimilarityIndex);
export const notificationStoreFromEnv = (): NotificationStore => onTable(DynamoNotificationStore);
export const pilotStoreFromEnv = (): PilotStore => onTable(DynamoPilotStore);
export const mailSuppressionStoreFromEnv = (): MailSuppressionStore => onTable(DynamoMailSuppressionStore);
export const rescoreJobStoreFromEnv = (): RescoreJobStore => onTable(DynamoRescoreJobStore);
/** The per-person counts (./usage-limits.ts); a function with read-only table access may use it only with `countsUsage` (infra/system.ts). */
export const usageCounterStoreFromEnv = (): UsageCounterStore => onTable(DynamoUsageCounterStore);
/** A person's data across the table, for the GDPR routes and the retention job (./personal-data.ts). */
export const personalDataStoreFromEnv = (): PersonalDataStore => onTable(DynamoPersonalDataStore);

/** @param access the function's table access (infra/system.ts): a reader never stores the shipped strategy, a writer does on first read. */
export function strategyStoreFromEnv(access: 'read' | 'readWrite'): StrategyStore {
  return new DynamoStrategyStore(documentClient(), requireEnv(ENV.tableName), DEFAULT_STRATEGY, access);
}

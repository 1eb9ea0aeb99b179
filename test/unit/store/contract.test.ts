/**
 * The store contract (test/contract/) against the in-memory fakes the unit tests use
 * (test/unit/support/fakes.ts, usage.ts); test/integration/store-contract.test.ts runs the same
 * cases against the DynamoDB adapters on DynamoDB Local.
 */
import { describe } from 'vitest';
import { storeContract } from '../../contract/store.contract.ts';
import { FIRST_STRATEGY, type ContractStores } from '../../contract/support.ts';
import {
  InMemoryBackgroundWorkStore,
  InMemoryConversationStore,
  InMemoryIdeaStore,
  InMemoryMailSuppressionStore,
  InMemoryNotificationStore,
  InMemoryPilotStore,
  InMemoryPipelineStore,
  InMemoryRescoreJobStore,
  InMemorySimilarityIndex,
  InMemoryStrategyStore,
} from '../support/fakes.ts';
import { InMemoryUsageCounterStore } from '../support/usage.ts';

/** A fresh set of fakes sharing one memory, as the adapters share one table. */
async function makeFakes(): Promise<ContractStores> {
  const ideas = new InMemoryIdeaStore();
  const pilots = new InMemoryPilotStore();
  return {
    ideas,
    conversation: new InMemoryConversationStore(),
    work: new InMemoryBackgroundWorkStore(ideas),
    pilots,
    pipeline: new InMemoryPipelineStore(ideas, pilots),
    notifications: new InMemoryNotificationStore(),
    strategy: new InMemoryStrategyStore({ ...structuredClone(FIRST_STRATEGY), version: 1, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system' }),
    suppressions: new InMemoryMailSuppressionStore(),
    rescoreJobs: new InMemoryRescoreJobStore(),
    similarity: new InMemorySimilarityIndex(),
    usage: new InMemoryUsageCounterStore(),
    // A part as the DynamoDB adapters make one (opaque, not the fakes' FakePart), without loading the AWS SDK into the unit project.
    foreignPart: (notification) => ({ describes: `notification ${notification.id} (DynamoDB)` }),
  };
}

describe('the store contract, against the in-memory fakes', () => {
  storeContract(makeFakes);
});

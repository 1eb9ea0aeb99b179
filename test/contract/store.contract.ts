/**
 * The whole store contract, registered in one call: each runner (the fakes in the unit project, the
 * DynamoDB adapters in the integration project) hands it a `makeStores` and runs every case.
 */
import { ideaStoreContract } from './ideas.contract.ts';
import {
  mailSuppressionStoreContract,
  notificationStoreContract,
  rescoreJobStoreContract,
  similarityIndexContract,
  strategyStoreContract,
  usageCounterStoreContract,
} from './others.contract.ts';
import { pilotStoreContract } from './pilots.contract.ts';
import type { MakeStores } from './support.ts';

export function storeContract(makeStores: MakeStores): void {
  ideaStoreContract(makeStores);
  pilotStoreContract(makeStores);
  notificationStoreContract(makeStores);
  strategyStoreContract(makeStores);
  mailSuppressionStoreContract(makeStores);
  rescoreJobStoreContract(makeStores);
  similarityIndexContract(makeStores);
  usageCounterStoreContract(makeStores);
}

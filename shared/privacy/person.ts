import type { DeploymentKeys } from '../secret.ts';
import { supporterHash } from '../triage/merge.ts';

/** The hash a person's per-person limit counts are kept under (shared/usage-limits.ts): no count names the subject. */
export function usageHash(keys: DeploymentKeys, sub: string): string {
  return keys.hex('usage', sub);
}

/**
 * The keyed hashes a person's items are kept under: their support (`supporter`) and their
 * per-person limit counts (`usage`). The export finds their support by the first; the erasure
 * finds and rewrites both. A new keyed hash of the person belongs here, or an erasure leaves it behind.
 */
export function personHashes(keys: DeploymentKeys, sub: string): string[] {
  return [supporterHash(keys, sub), usageHash(keys, sub)];
}

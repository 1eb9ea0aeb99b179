import { usageWindowLabel, type LimitedAction } from '../../../shared/domain/usage-limits.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { UsageCharge, UsageCounterStore } from '../../../shared/store/ports.ts';
import { systemClock } from '../../../shared/domain/clock.ts';
import { UsageLimiter } from '../../../shared/usage-limits.ts';
import { testKeys } from './secret.ts';

/** The per-person counts in memory, with the adapter's guarantee: a count never passes its limit. */
export class InMemoryUsageCounterStore implements UsageCounterStore {
  /** `<subject hash> <action>#<window start>` → count. */
  readonly counts = new Map<string, number>();
  readonly log: string[];

  constructor(log: string[] = []) {
    this.log = log;
  }

  private keyOf(charge: UsageCharge): string {
    return `${charge.subjectHash} ${charge.action}#${usageWindowLabel(charge.window)}`;
  }

  async add(charge: UsageCharge): Promise<boolean> {
    const key = this.keyOf(charge);
    const count = this.counts.get(key) ?? 0;
    if (count >= charge.limit) {
      this.log.push(`usage.refused ${charge.action}`);
      return false;
    }
    this.counts.set(key, count + 1);
    this.log.push(`usage.add ${charge.action}`);
    return true;
  }

  async giveBack(charge: UsageCharge): Promise<void> {
    const key = this.keyOf(charge);
    const count = this.counts.get(key) ?? 0;
    if (count > 0) this.counts.set(key, count - 1);
    this.log.push(`usage.giveBack ${charge.action}`);
  }

  /** The counts of one action, over every person and window. */
  total(action: LimitedAction): number {
    return [...this.counts].filter(([key]) => key.includes(` ${action}#`)).reduce((sum, [, count]) => sum + count, 0);
  }
}

/** A limiter over an in-memory store, with the test secret; limits generous unless given. */
export function testLimiter(limits: Partial<Record<LimitedAction, number>> = {}, options: { log?: string[]; clock?: Clock } = {}) {
  const store = new InMemoryUsageCounterStore(options.log);
  const limiter = new UsageLimiter({ store, keys: testKeys, limits: { submit: 1000, support: 1000, similar: 1000, ...limits }, clock: options.clock ?? systemClock });
  return { store, limiter };
}

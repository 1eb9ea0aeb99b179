/**
 * Per-person limits as the functions apply them (docs/architecture.md, "Per-person limits"): the policy of
 * shared/domain/usage-limits.ts, counted in the table (shared/store/usage-limits.ts) under a keyed
 * hash of the caller's subject, so no count names a person and an erasure leaves none behind that
 * does. Limits are per subject, never per IP address: a municipality's network puts thousands of
 * employees behind one address.
 */
import { ConfigurationError, ENV } from './config.ts';
import { systemClock, type Clock } from './domain/clock.ts';
import {
  DEFAULT_USAGE_LIMITS,
  isValidUsageLimit,
  retryAfterSeconds,
  USAGE_LIMIT_RANGE,
  usageWindowAt,
  type LimitedAction,
} from './domain/usage-limits.ts';
import { RefusedError, type UsageLimitRefusal } from './domain/refusals.ts';
import { logger } from './logger.ts';
import { usageHash } from './privacy/person.ts';
import type { KeySource } from './secret.ts';
import { usageCounterStoreFromEnv } from './store/stores.ts';
import type { UsageCharge, UsageCounterStore } from './store/ports.ts';

/** The environment variable of each action's limit per person and hour (set from the deployment's settings, infra/system.ts). */
export const USAGE_LIMIT_VARIABLES: Readonly<Record<LimitedAction, string>> = {
  submit: ENV.submitLimitPerHour,
  support: ENV.supportLimitPerHour,
  similar: ENV.similarLimitPerHour,
};

/** A use counted, or refused (a route answers 429 with Retry-After, shared/http/refusals.ts). */
export type UsageOutcome = { allowed: true; charge: UsageCharge } | { allowed: false; refusal: UsageLimitRefusal };

export interface UsageLimiterDependencies {
  store: UsageCounterStore;
  keys: KeySource;
  /** The limit per person and hour of each action this function counts. */
  limits: Partial<Record<LimitedAction, number>>;
  clock: Clock;
}

export class UsageLimiter {
  private readonly deps: UsageLimiterDependencies;

  constructor(deps: UsageLimiterDependencies) {
    this.deps = deps;
  }

  /** Counts one use of `action` by `sub` in the current window; a refusal is returned, for a caller that still has something to check (a submit's retry). */
  async consume(sub: string, action: LimitedAction): Promise<UsageOutcome> {
    const limit = this.deps.limits[action];
    if (limit === undefined) throw new ConfigurationError(`No limit is configured for ${action} in this function (${USAGE_LIMIT_VARIABLES[action]})`);
    const now = this.deps.clock.now();
    const window = usageWindowAt(now);
    const charge: UsageCharge = { subjectHash: usageHash(await this.deps.keys(), sub), action, window, limit };
    if (await this.deps.store.add(charge)) return { allowed: true, charge };
    const seconds = retryAfterSeconds(window, now);
    logger.info('Per-person limit reached', { action, limit, retryAfterSeconds: seconds });
    return { allowed: false, refusal: { kind: 'usage-limit', action, limit, retryAfterSeconds: seconds } };
  }

  /** Counts one use of `action` by `sub`; throws the refusal when their limit for the hour is used up. */
  async require(sub: string, action: LimitedAction): Promise<UsageCharge> {
    const outcome = await this.consume(sub, action);
    if (!outcome.allowed) throw new RefusedError(outcome.refusal);
    return outcome.charge;
  }

  /** Takes a counted use back; a failure is logged, not thrown: the answer does not depend on it, and the count expires with its hour. */
  async giveBack(charge: UsageCharge): Promise<void> {
    try {
      await this.deps.store.giveBack(charge);
    } catch (error) {
      logger.warn('Could not give back a counted use; it expires with its hour', { action: charge.action, error: error as Error });
    }
  }
}

/** An action's limit per person and hour from the environment; its default when unset; stops the function at load when it is not a whole number in range. */
export function usageLimitFromEnv(action: LimitedAction, env: NodeJS.ProcessEnv = process.env): number {
  const name = USAGE_LIMIT_VARIABLES[action];
  const value = env[name];
  if (value === undefined || value.trim() === '') return DEFAULT_USAGE_LIMITS[action];
  const limit = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !isValidUsageLimit(limit)) {
    throw new ConfigurationError(`Environment variable ${name} must be a whole number from ${USAGE_LIMIT_RANGE.min} to ${USAGE_LIMIT_RANGE.max}, got "${value}"`);
  }
  return limit;
}

/** The limits of the actions a function counts, read at load. */
export function usageLimitsFromEnv(actions: readonly LimitedAction[], env: NodeJS.ProcessEnv = process.env): Partial<Record<LimitedAction, number>> {
  return Object.fromEntries(actions.map((action) => [action, usageLimitFromEnv(action, env)]));
}

/** The limiter of a function that counts `actions`, with their limits from the environment, counting in the table of SPIRE_TABLE_NAME. */
export function usageLimiterFromEnv(keys: KeySource, actions: readonly LimitedAction[]): UsageLimiter {
  return new UsageLimiter({ store: usageCounterStoreFromEnv(), keys, limits: usageLimitsFromEnv(actions), clock: systemClock });
}

import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../shared/config.ts';
import { RefusedError } from '../../shared/domain/refusals.ts';
import { problemResponse } from '../../shared/http/problem.ts';
import { refusalProblem } from '../../shared/http/refusals.ts';
import { USAGE_LIMIT_VARIABLES, usageLimitFromEnv, usageLimitsFromEnv, UsageLimiter } from '../../shared/usage-limits.ts';
import type { UsageCharge, UsageCounterStore } from '../../shared/store/ports.ts';
import { rejectionOf } from './support/errors.ts';
import { TEST_KEYS, testKeys } from './support/secret.ts';
import { InMemoryUsageCounterStore, testLimiter } from './support/usage.ts';
import { clockOf, fixedClock } from './support/clock.ts';
import { systemClock } from '../../shared/domain/clock.ts';

const NOW = new Date('2026-01-08T08:46:00.000Z');
const SUB = 'e7a1c2d3-employee';

describe('UsageLimiter', () => {
  it('lets a person through up to their limit in the hour, then refuses with 429 and Retry-After until the hour ends', async () => {
    // Prepare
    const { limiter } = testLimiter({ submit: 3 }, { clock: fixedClock(NOW) });

    // Act
    const outcomes = [];
    for (let n = 0; n < 4; n++) outcomes.push(await limiter.consume(SUB, 'submit'));

    // Assess
    expect(outcomes.map((outcome) => outcome.allowed)).toEqual([true, true, true, false]);
    const refused = outcomes[3];
    if (refused?.allowed !== false) throw new Error('expected a refusal');
    expect(refused.refusal).toEqual({ kind: 'usage-limit', action: 'submit', limit: 3, retryAfterSeconds: 14 * 60 });
  });

  it('counts each person apart: another person is not refused', async () => {
    // Prepare
    const { limiter } = testLimiter({ submit: 1 }, { clock: fixedClock(NOW) });
    await limiter.consume(SUB, 'submit');

    // Act
    const mine = await limiter.consume(SUB, 'submit');
    const theirs = await limiter.consume('another-employee', 'submit');

    // Assess
    expect(mine.allowed).toBe(false);
    expect(theirs.allowed).toBe(true);
  });

  it('counts each action apart: a person at their submit limit may still look up similar ideas', async () => {
    // Prepare
    const { limiter } = testLimiter({ submit: 1, similar: 1 }, { clock: fixedClock(NOW) });
    await limiter.consume(SUB, 'submit');

    // Act
    const similar = await limiter.consume(SUB, 'similar');

    // Assess
    expect(similar.allowed).toBe(true);
  });

  it('starts afresh in the next hour', async () => {
    // Prepare
    let now = NOW;
    const { limiter } = testLimiter({ submit: 1 }, { clock: clockOf(() => now) });
    await limiter.consume(SUB, 'submit');

    // Act
    now = new Date('2026-01-08T09:00:00.000Z');
    const next = await limiter.consume(SUB, 'submit');

    // Assess
    expect(next.allowed).toBe(true);
  });

  it('counts under the keyed hash of the subject (HMAC, purpose usage), never the subject', async () => {
    // Prepare
    const { limiter } = testLimiter({}, { clock: fixedClock(NOW) });

    // Act
    const outcome = await limiter.consume(SUB, 'support');

    // Assess
    if (!outcome.allowed) throw new Error('expected a count');
    expect(outcome.charge.subjectHash).toBe(TEST_KEYS.hex('usage', SUB));
    expect(outcome.charge.subjectHash).not.toContain(SUB);
    expect(outcome.charge.subjectHash).not.toBe(TEST_KEYS.hex('supporter', SUB));
  });

  it('throws the 429 from require, and gives back a counted use', async () => {
    // Prepare
    const { limiter, store } = testLimiter({ support: 1 }, { clock: fixedClock(NOW) });
    const charge = await limiter.require(SUB, 'support');

    // Act
    const refused = await rejectionOf(limiter.require(SUB, 'support'));
    await limiter.giveBack(charge);
    const again = await limiter.require(SUB, 'support');

    // Assess
    expect(refused).toBeInstanceOf(RefusedError);
    expect((refused as RefusedError).refusal).toMatchObject({ kind: 'usage-limit', action: 'support' });
    expect(again.action).toBe('support');
    expect(store.total('support')).toBe(1);
  });

  it('logs, not throws, a give-back that fails: the count expires with its hour anyway', async () => {
    // Prepare
    const failing: UsageCounterStore = { add: async () => true, giveBack: async () => Promise.reject(new Error('DynamoDB is away')) };
    const limiter = new UsageLimiter({ store: failing, keys: testKeys, limits: { submit: 5 }, clock: fixedClock(NOW) });
    const charge = (await limiter.require(SUB, 'submit')) satisfies UsageCharge;

    // Act
    const act = limiter.giveBack(charge);

    // Assess
    await expect(act).resolves.toBeUndefined();
  });

  it('refuses to count an action the function has no limit for (a wiring mistake, not the caller’s)', async () => {
    // Prepare
    const limiter = new UsageLimiter({ store: new InMemoryUsageCounterStore(), keys: testKeys, limits: { similar: 5 }, clock: systemClock });

    // Act
    const error = await rejectionOf(limiter.consume(SUB, 'submit'));

    // Assess
    expect(error).toBeInstanceOf(ConfigurationError);
  });
});

describe('the 429 problem document', () => {
  it('says in Danish what the limit is and when to try again, with Retry-After in seconds', async () => {
    // Prepare
    const { limiter } = testLimiter({ submit: 1 }, { clock: fixedClock(NOW) });
    await limiter.consume(SUB, 'submit');
    const outcome = await limiter.consume(SUB, 'submit');
    if (outcome.allowed) throw new Error('expected a refusal');

    // Act
    const response = problemResponse(refusalProblem(outcome.refusal, 'da'), 'da');

    // Assess
    expect(response.statusCode).toBe(429);
    expect(response.headers).toMatchObject({ 'retry-after': '840', 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store' });
    expect(JSON.parse(String(response.body))).toEqual({
      type: '/api/problems/too-many-requests',
      title: 'Du har nået grænsen for nu',
      status: 429,
      detail: 'Du kan højst indsende idéer 1 gang i timen. Prøv igen om 14 minutter.',
      limit: 1,
      retryAfterSeconds: 840,
    });
  });

  it('says the same in English', async () => {
    // Prepare
    const { limiter } = testLimiter({ similar: 300 }, { clock: fixedClock(NOW) });
    for (let n = 0; n < 300; n++) await limiter.consume(SUB, 'similar');
    const outcome = await limiter.consume(SUB, 'similar');
    if (outcome.allowed) throw new Error('expected a refusal');

    // Act
    const response = problemResponse(refusalProblem(outcome.refusal, 'en'), 'en');

    // Assess
    expect(JSON.parse(String(response.body))).toMatchObject({
      title: 'You have reached the limit for now',
      detail: 'You can look up similar ideas at most 300 times an hour. Try again in 14 minutes.',
    });
  });
});

describe('the limits from the environment', () => {
  it('reads each action’s limit from its variable', () => {
    // Act
    const limits = usageLimitsFromEnv(['submit', 'similar'], { SPIRE_SUBMIT_LIMIT_PER_HOUR: '5', SPIRE_SIMILAR_LIMIT_PER_HOUR: ' 600 ' });

    // Assess
    expect(limits).toEqual({ submit: 5, similar: 600 });
  });

  it('names the variables after the settings', () => {
    expect(USAGE_LIMIT_VARIABLES).toEqual({ submit: 'SPIRE_SUBMIT_LIMIT_PER_HOUR', support: 'SPIRE_SUPPORT_LIMIT_PER_HOUR', similar: 'SPIRE_SIMILAR_LIMIT_PER_HOUR' });
  });

  it('falls back on the defaults when a variable is unset or empty', () => {
    // Act
    const limits = usageLimitsFromEnv(['submit', 'support', 'similar'], { SPIRE_SUPPORT_LIMIT_PER_HOUR: '' });

    // Assess
    expect(limits).toEqual({ submit: 20, support: 120, similar: 300 });
  });

  it.each(['0', '-1', '2.5', 'many', '100001', '1e3'])('stops the function at load on %s, naming the variable', (value) => {
    // Act
    const act = () => usageLimitFromEnv('support', { SPIRE_SUPPORT_LIMIT_PER_HOUR: value });

    // Assess
    expect(act).toThrow(ConfigurationError);
    expect(act).toThrow(/SPIRE_SUPPORT_LIMIT_PER_HOUR must be a whole number from 1 to 100000/);
  });
});

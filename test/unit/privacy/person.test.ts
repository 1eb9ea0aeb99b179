import { describe, expect, it } from 'vitest';
import { personHashes } from '../../../shared/privacy/person.ts';
import { supporterHash } from '../../../shared/triage/merge.ts';
import { TEST_KEYS } from '../support/secret.ts';
import { testLimiter } from '../support/usage.ts';

const SUB = '7f3c9a2e-5b1d-4e8a-9c6f-0d2b4a8e1f35';

describe('personHashes', () => {
  it('holds every keyed hash a person’s items are kept under, so an erasure finds them all', async () => {
    // Prepare: what the limiter counts under, and what a supporter is kept as.
    const { limiter } = testLimiter({ submit: 1 });
    const outcome = await limiter.consume(SUB, 'submit');
    if (!outcome.allowed) throw new Error('expected the first submit to be counted');

    // Act
    const hashes = personHashes(TEST_KEYS, SUB);

    // Assess
    expect(hashes).toContain(outcome.charge.subjectHash);
    expect(hashes).toContain(supporterHash(TEST_KEYS, SUB));
  });

  it('gives another person other hashes', () => {
    // Act / Assess
    expect(personHashes(TEST_KEYS, 'someone-else').some((hash) => personHashes(TEST_KEYS, SUB).includes(hash))).toBe(false);
  });
});

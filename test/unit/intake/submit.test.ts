import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../shared/domain/roles.ts';
import { RefusedError } from '../../../shared/domain/refusals.ts';
import { canonicalJson, followUpTokenFor, hashToken, IDEMPOTENCY_WINDOW_SECONDS, submitIdea } from '../../../shared/intake/submit.ts';
import type { SubmitIdeaInput } from '../../../shared/schemas/idea.ts';
import { aSubmission } from '../support/ideas.ts';
import { rejectionOf } from '../support/errors.ts';
import { InMemoryIdeaStore, RecordingQueue } from '../support/fakes.ts';
import { TEST_KEYS, testKeys } from '../support/secret.ts';
import { testLimiter } from '../support/usage.ts';
import { fixedClock } from '../support/clock.ts';

const NOW = new Date('2026-01-05T08:30:00.000Z');
const caller: Caller = { sub: 'e7a1c2d3-employee', name: 'Birthe Sørensen', roles: ['employee'] };

const idea = aSubmission();

const friction: SubmitIdeaInput = {
  ...idea,
  kind: 'friction',
  frequency: 3,
  frequencyUnit: 'day',
  minutesEach: 2.5,
  peopleAffected: 40,
};

function setup() {
  const log: string[] = [];
  const store = new InMemoryIdeaStore(log);
  const queue = new RecordingQueue(log);
  const { limiter, store: usage } = testLimiter({}, { clock: fixedClock(NOW) });
  return { log, store, queue, usage, deps: { store, queue, keys: testKeys, limiter, clock: fixedClock(NOW) } };
}

describe('submitIdea', () => {
  it('stores the idea in submitted, with its first history event, at version 1', async () => {
    // Prepare
    const { store, deps } = setup();

    // Act
    const result = await submitIdea(deps, idea, caller);

    // Assess
    expect(result).toEqual({ id: expect.any(String), status: 'submitted', replayed: false });
    expect(store.ideas.get(result.id)).toEqual({
      id: result.id,
      kind: 'idea',
      title: 'Færre dobbeltregistreringer på plejecentret',
      description: 'Vi skriver de samme borgeroplysninger i tre systemer.',
      department: 'Ældre og sundhed',
      language: 'da',
      anonymous: false,
      submitter: { sub: caller.sub, name: 'Birthe Sørensen' },
      status: 'submitted',
      createdAt: NOW.toISOString(),
      statusChangedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      version: 1,
      requeueCount: 0,
    });
    expect(store.events).toEqual([
      { ideaId: result.id, version: 1, at: NOW.toISOString(), to: 'submitted', actor: { kind: 'submitter', sub: caller.sub, name: 'Birthe Sørensen' } },
    ]);
  });

  it('gives every idea a new UUID', async () => {
    // Prepare
    const { deps } = setup();

    // Act
    const first = await submitIdea(deps, idea, caller);
    const second = await submitIdea(deps, idea, caller);

    // Assess
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second.id).not.toBe(first.id);
  });

  it('keeps the friction estimate’s inputs on a friction', async () => {
    // Prepare
    const { store, deps } = setup();

    // Act
    const result = await submitIdea(deps, friction, caller);

    // Assess
    expect(store.ideas.get(result.id)?.friction).toEqual({ frequency: 3, frequencyUnit: 'day', minutesEach: 2.5, peopleAffected: 40 });
  });

  it('stores friction whose figures the submitter did not know as figuresUnknown, with no figures', async () => {
    // Prepare
    const { store, deps } = setup();
    const { frequency: _f, frequencyUnit: _u, minutesEach: _m, peopleAffected: _p, ...withoutFigures } = friction as Extract<SubmitIdeaInput, { kind: 'friction' }>;

    // Act
    const result = await submitIdea(deps, { ...withoutFigures, figuresUnknown: true }, caller);

    // Assess
    const stored = store.ideas.get(result.id);
    expect(stored).toMatchObject({ kind: 'friction', figuresUnknown: true });
    expect(stored).not.toHaveProperty('friction');
  });

  it('stores the figures sent with figuresUnknown: false as ordinary friction, without the flag', async () => {
    // Prepare
    const { store, deps } = setup();

    // Act
    const result = await submitIdea(deps, { ...friction, figuresUnknown: false } as SubmitIdeaInput, caller);

    // Assess
    const stored = store.ideas.get(result.id);
    expect(stored?.friction).toEqual({ frequency: 3, frequencyUnit: 'day', minutesEach: 2.5, peopleAffected: 40 });
    expect(stored).not.toHaveProperty('figuresUnknown');
  });

  it('stores the idea before it queues it', async () => {
    // Prepare
    const { log, deps } = setup();

    // Act
    const result = await submitIdea(deps, idea, caller);

    // Assess
    expect(log).toEqual([`store.submit ${result.id}`, `queue.enqueue ${result.id}`]);
  });

  it('does not queue an idea it could not store', async () => {
    // Prepare
    const { store, queue, deps } = setup();
    store.submit = async () => {
      throw new Error('DynamoDB is unavailable');
    };

    // Act
    const error = await rejectionOf(submitIdea(deps, idea, caller));

    // Assess
    expect(error.message).toBe('DynamoDB is unavailable');
    expect(queue.sent).toEqual([]);
  });

  it('still accepts the idea when the queue cannot be reached, leaving it to the sweeper', async () => {
    // Prepare
    const { store, queue, deps } = setup();
    queue.outage = new Error('getaddrinfo ENOTFOUND sqs.eu-north-1.amazonaws.com');

    // Act
    const result = await submitIdea(deps, idea, caller);

    // Assess
    expect(result.status).toBe('submitted');
    expect(store.ideas.get(result.id)?.status).toBe('submitted');
  });

  it('still accepts the idea when SQS refuses the message', async () => {
    // Prepare
    const { store, queue, deps } = setup();
    queue.refuses = () => true;

    // Act
    const result = await submitIdea(deps, idea, caller);

    // Assess
    expect(queue.sent).toEqual([[result.id]]);
    expect(result).toEqual({ id: result.id, status: 'submitted', replayed: false });
    expect(store.ideas.has(result.id)).toBe(true);
  });

  describe('anonymously', () => {
    const anonymous: SubmitIdeaInput = { ...idea, anonymous: true };

    it('hands the submitter a follow-up token and stores only its SHA-256 hash', async () => {
      // Prepare
      const { store, deps } = setup();

      // Act
      const result = await submitIdea(deps, anonymous, caller);

      // Assess
      expect(result.followUpToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const stored = store.ideas.get(result.id);
      expect(stored?.followUpTokenHash).toBe(createHash('sha256').update(result.followUpToken ?? '').digest('hex'));
      expect(JSON.stringify(stored)).not.toContain(result.followUpToken);
    });

    it('stores no identity on the idea or its history', async () => {
      // Prepare
      const { store, deps } = setup();

      // Act
      const result = await submitIdea(deps, anonymous, caller);

      // Assess
      const stored = store.ideas.get(result.id);
      expect(stored).not.toHaveProperty('submitter');
      expect(stored?.anonymous).toBe(true);
      expect(store.events[0]?.actor).toEqual({ kind: 'submitter' });
      expect(JSON.stringify([stored, store.events])).not.toContain(caller.sub);
      expect(JSON.stringify([stored, store.events])).not.toContain('Birthe');
    });

    it('gives each anonymous idea its own token', async () => {
      // Prepare
      const { deps } = setup();

      // Act
      const first = await submitIdea(deps, anonymous, caller);
      const second = await submitIdea(deps, anonymous, caller);

      // Assess
      expect(second.followUpToken).not.toBe(first.followUpToken);
    });

    it('hands out no token for an idea that is not anonymous', async () => {
      // Prepare
      const { store, deps } = setup();

      // Act
      const result = await submitIdea(deps, idea, caller);

      // Assess
      expect(result).not.toHaveProperty('followUpToken');
      expect(store.ideas.get(result.id)).not.toHaveProperty('followUpTokenHash');
    });
  });

  describe('with an Idempotency-Key', () => {
    it('answers a retry with the first answer, marked as a replay, and stores nothing new', async () => {
      // Prepare
      const { store, deps } = setup();
      const first = await submitIdea(deps, idea, caller, 'key-1');

      // Act
      const retry = await submitIdea(deps, idea, caller, 'key-1');

      // Assess
      expect(first.replayed).toBe(false);
      expect(retry).toEqual({ id: first.id, status: 'submitted', replayed: true });
      expect(store.ideas.size).toBe(1);
      expect(store.events).toHaveLength(1);
    });

    it('hands an anonymous retry the same follow-up token', async () => {
      // Prepare
      const { deps } = setup();
      const anonymous: SubmitIdeaInput = { ...idea, anonymous: true };
      const first = await submitIdea(deps, anonymous, caller, 'key-1');

      // Act
      const retry = await submitIdea(deps, anonymous, caller, 'key-1');

      // Assess
      expect(retry).toEqual({ id: first.id, status: 'submitted', followUpToken: first.followUpToken, replayed: true });
    });

    it('keeps no follow-up token in the table: the idea has its SHA-256, the idempotency record nothing of it', async () => {
      // Prepare
      const { store, deps } = setup();

      // Act
      const first = await submitIdea(deps, { ...idea, anonymous: true }, caller, 'key-1');

      // Assess
      const token = first.followUpToken as string;
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const record = [...store.idempotency.values()][0];
      expect(record).toEqual({ keyHash: expect.any(String), requestHash: expect.any(String), ideaId: first.id, expiresAt: expect.any(Number) });
      expect(JSON.stringify([...store.idempotency.values(), ...store.ideas.values(), store.events])).not.toContain(token);
      expect(store.ideas.get(first.id)?.followUpTokenHash).toBe(hashToken(token));
    });

    it('makes an anonymous retry’s token from the secret, the person, their key and the idea, so only that retry gets it again', async () => {
      // Prepare
      const { deps } = setup();
      const anonymous: SubmitIdeaInput = { ...idea, anonymous: true };

      // Act
      const first = await submitIdea(deps, anonymous, caller, 'key-1');
      const otherKey = await submitIdea(deps, anonymous, caller, 'key-2');
      const otherPerson = await submitIdea(deps, anonymous, { sub: 'someone-else', roles: ['employee'] }, 'key-1');

      // Assess
      expect(first.followUpToken).toBe(followUpTokenFor(TEST_KEYS, caller.sub, 'key-1', first.id));
      expect(new Set([first.followUpToken, otherKey.followUpToken, otherPerson.followUpToken]).size).toBe(3);
      expect(otherPerson.replayed).toBe(false);
    });

    it('does not queue a replayed idea again', async () => {
      // Prepare
      const { queue, deps } = setup();
      const first = await submitIdea(deps, idea, caller, 'key-1');

      // Act
      await submitIdea(deps, idea, caller, 'key-1');

      // Assess
      expect(queue.sent).toEqual([[first.id]]);
    });

    it('refuses the same key with a different idea', async () => {
      // Prepare
      const { store, deps } = setup();
      await submitIdea(deps, idea, caller, 'key-1');

      // Act
      const error = await rejectionOf(submitIdea(deps, { ...idea, title: 'En helt anden idé' }, caller, 'key-1'));

      // Assess
      expect(error).toBeInstanceOf(RefusedError);
      expect((error as RefusedError).refusal).toEqual({ kind: 'idempotency-key-reused' });
      expect(store.ideas.size).toBe(1);
    });

    it('treats the same key from another person as a new idea', async () => {
      // Prepare
      const { store, deps } = setup();
      const first = await submitIdea(deps, idea, caller, 'key-1');

      // Act
      const other = await submitIdea(deps, idea, { sub: 'someone-else', roles: ['employee'] }, 'key-1');

      // Assess
      expect(other.replayed).toBe(false);
      expect(other.id).not.toBe(first.id);
      expect(store.ideas.size).toBe(2);
    });

    it('matches a retry whose fields arrive in another order', async () => {
      // Prepare
      const { deps } = setup();
      const first = await submitIdea(deps, friction, caller, 'key-1');
      const reordered = Object.fromEntries(Object.entries(friction).reverse()) as SubmitIdeaInput;

      // Act
      const retry = await submitIdea(deps, reordered, caller, 'key-1');

      // Assess
      expect(retry).toMatchObject({ id: first.id, replayed: true });
    });

    it('stores only hashes of the key and the request, and lets the record expire after a day', async () => {
      // Prepare
      const { store, deps } = setup();

      // Act
      const result = await submitIdea(deps, idea, caller, 'key-1');

      // Assess
      const [record] = [...store.idempotency.values()];
      expect(record).toEqual({
        // Keyed: the subjects stored on other ideas cannot be tried against it without the secret.
        keyHash: TEST_KEYS.hex('idempotency', caller.sub, 'key-1'),
        requestHash: createHash('sha256').update(canonicalJson(idea)).digest('hex'),
        ideaId: result.id,
        expiresAt: NOW.getTime() / 1000 + IDEMPOTENCY_WINDOW_SECONDS,
      });
      expect(IDEMPOTENCY_WINDOW_SECONDS).toBe(86_400);
    });

    it('reads the deployment secret only for a submit with a key', async () => {
      // Prepare
      const { deps } = setup();
      const keys = vi.fn(testKeys);

      // Act
      await submitIdea({ ...deps, keys }, { ...idea, anonymous: true }, caller);

      // Assess
      expect(keys).not.toHaveBeenCalled();
    });

    it.each(['a', 'x'.repeat(255), '8e0f6c1a-7d0b-4a51-9b2e-3c4d5e6f7a8b', 'abc!~{}'])('takes the key %j', async (key) => {
      // Prepare
      const { deps } = setup();

      // Act
      const result = await submitIdea(deps, idea, caller, key);

      // Assess
      expect(result.replayed).toBe(false);
    });
  });
});

describe('canonicalJson', () => {
  it('sorts keys, so the same object hashes the same however it was built', () => {
    // Act
    const a = canonicalJson({ title: 'Bøvl', kind: 'idea', anonymous: false });
    const b = canonicalJson({ anonymous: false, kind: 'idea', title: 'Bøvl' });

    // Assess
    expect(a).toBe(b);
    expect(a).toBe('{"anonymous":false,"kind":"idea","title":"Bøvl"}');
  });

  it('sorts keys at every depth and keeps array order', () => {
    // Act
    const text = canonicalJson({ z: [3, { b: 1, a: 2 }, 1], a: { d: null, c: 'å' } });

    // Assess
    expect(text).toBe('{"a":{"c":"å","d":null},"z":[3,{"a":2,"b":1},1]}');
  });

  it('leaves out undefined members, as JSON does', () => {
    // Act
    const text = canonicalJson({ a: 1, b: undefined });

    // Assess
    expect(text).toBe('{"a":1}');
  });

  it.each([
    ['Blå', '"Blå"'],
    [2.5, '2.5'],
    [true, 'true'],
    [null, 'null'],
  ])('writes %j as JSON does', (value, expected) => {
    // Act
    const text = canonicalJson(value);

    // Assess
    expect(text).toBe(expected);
  });
});

describe('hashToken', () => {
  it('is the hex SHA-256 of the token', () => {
    // Act
    const hash = hashToken('abc');

    // Assess
    expect(hash).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('submitIdea and the per-person limit', () => {
  /** A store, queue and limiter sharing one log, with `limit` submits an hour. */
  function limited(limit: number) {
    const log: string[] = [];
    const store = new InMemoryIdeaStore(log);
    const queue = new RecordingQueue(log);
    const { limiter, store: usage } = testLimiter({ submit: limit }, { log, clock: fixedClock(NOW) });
    return { log, store, queue, usage, deps: { store, queue, keys: testKeys, limiter, clock: fixedClock(NOW) } };
  }

  it('counts the submit before it stores the idea', async () => {
    // Prepare
    const { log, deps } = limited(5);

    // Act
    const result = await submitIdea(deps, idea, caller);

    // Assess
    expect(log).toEqual(['usage.add submit', `store.submit ${result.id}`, `queue.enqueue ${result.id}`]);
  });

  it('refuses the submit past the limit with 429 and Retry-After to the end of the hour, storing and queuing nothing', async () => {
    // Prepare
    const { store, queue, usage, deps } = limited(2);
    await submitIdea(deps, idea, caller);
    await submitIdea(deps, idea, caller);

    // Act
    const error = await rejectionOf(submitIdea(deps, idea, caller));

    // Assess
    expect((error as RefusedError).refusal).toEqual({ kind: 'usage-limit', action: 'submit', limit: 2, retryAfterSeconds: 30 * 60 });
    expect(store.ideas.size).toBe(2);
    expect(store.events).toHaveLength(2);
    expect(queue.sent).toHaveLength(2);
    expect(usage.total('submit')).toBe(2);
  });

  it('leaves another person’s submits alone', async () => {
    // Prepare
    const { deps } = limited(1);
    await submitIdea(deps, idea, caller);

    // Act
    const theirs = await submitIdea(deps, idea, { ...caller, sub: 'another-employee' });

    // Assess
    expect(theirs.replayed).toBe(false);
  });

  it('counts an anonymous submit too, against the person who sent it', async () => {
    // Prepare
    const { deps } = limited(1);
    await submitIdea(deps, { ...idea, anonymous: true }, caller);

    // Act
    const error = await rejectionOf(submitIdea(deps, idea, caller));

    // Assess
    expect((error as RefusedError).refusal).toMatchObject({ kind: 'usage-limit' });
  });

  it('gives the count back for a retry with the same Idempotency-Key: only a new idea counts', async () => {
    // Prepare
    const { usage, deps } = limited(2);
    const first = await submitIdea(deps, idea, caller, 'key-1');

    // Act
    const retry = await submitIdea(deps, idea, caller, 'key-1');
    const second = await submitIdea(deps, { ...idea, title: 'En anden idé om plejen' }, caller, 'key-2');

    // Assess
    expect(retry).toEqual({ id: first.id, status: 'submitted', replayed: true });
    expect(second.replayed).toBe(false);
    expect(usage.total('submit')).toBe(2);
  });

  it('answers a retry with the same Idempotency-Key as a retry even at the limit, anonymous token included', async () => {
    // Prepare
    const { store, deps } = limited(1);
    const anonymous: SubmitIdeaInput = { ...idea, anonymous: true };
    const first = await submitIdea(deps, anonymous, caller, 'key-1');

    // Act
    const retry = await submitIdea(deps, anonymous, caller, 'key-1');

    // Assess
    expect(retry).toEqual({ ...first, replayed: true });
    expect(store.ideas.size).toBe(1);
  });

  it('still refuses, at the limit, a new idea sent under an old key (422), and a new key (429)', async () => {
    // Prepare
    const { deps } = limited(1);
    await submitIdea(deps, idea, caller, 'key-1');

    // Act
    const reused = await rejectionOf(submitIdea(deps, { ...idea, title: 'Noget helt andet' }, caller, 'key-1'));
    const fresh = await rejectionOf(submitIdea(deps, idea, caller, 'key-2'));

    // Assess
    expect((reused as RefusedError).refusal).toEqual({ kind: 'idempotency-key-reused' });
    expect((fresh as RefusedError).refusal).toMatchObject({ kind: 'usage-limit' });
  });

  it('gives the count back when the idea could not be stored', async () => {
    // Prepare
    const { store, usage, deps } = limited(1);
    const submit = store.submit.bind(store);
    store.submit = async () => {
      throw new Error('DynamoDB is unavailable');
    };
    await rejectionOf(submitIdea(deps, idea, caller));
    store.submit = submit;

    // Act
    const result = await submitIdea(deps, idea, caller);

    // Assess
    expect(result.replayed).toBe(false);
    expect(usage.total('submit')).toBe(1);
  });
});

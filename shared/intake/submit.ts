import { createHash, timingSafeEqual, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.ts';
import type { Idea, IdeaEvent } from '../domain/idea.ts';
import { RefusedError } from '../domain/refusals.ts';
import { personOf, type Caller } from '../domain/roles.ts';
import { logger } from '../logger.ts';
import { record } from '../metrics.ts';
import type { IntakeQueue } from '../queue/intake-queue.ts';
import { frictionFigures, type SubmitIdeaInput } from '../schemas/idea.ts';
import type { DeploymentKeys, KeySource } from '../secret.ts';
import type { IdeaStore, IdempotencyRecord } from '../store/ports.ts';
import type { UsageLimiter } from '../usage-limits.ts';

/** How long a retried submit with the same Idempotency-Key returns the first answer. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

export interface SubmitDependencies {
  store: Pick<IdeaStore, 'submit' | 'getIdempotencyRecord'>;
  queue: IntakeQueue;
  /** The deployment keys, read only for a submit with an Idempotency-Key. */
  keys: KeySource;
  /** Counts the caller's submits against their limit per hour (shared/usage-limits.ts). */
  limiter: Pick<UsageLimiter, 'consume' | 'giveBack'>;
  clock: Clock;
}

export interface SubmitResult {
  id: string;
  status: 'submitted';
  /** Only for anonymous ideas: the one secret that lets the submitter follow the idea. */
  followUpToken?: string;
  /** True when this answer repeats an earlier submit with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * Accepts an idea: stores it durably (with its first history event and the idempotency record
 * in the same transaction), then queues it for triage. A failed send is logged and left to the
 * sweeper: the idea is already stored, so the caller is told it was accepted.
 *
 * An anonymous idea's follow-up token is random, unless the submit carries an Idempotency-Key:
 * then it is an HMAC, under the deployment secret, of the caller's subject, the key and the
 * idea's id (followUpTokenFor), so that a retry is given the same token by making it again.
 * The table never holds it: the idea keeps its SHA-256, the idempotency record nothing of it.
 *
 * Each person may submit so many ideas an hour (the `submit` limit): the submit is counted before
 * the write, and refused with 429 when the hour's count is used up, with nothing written. Only a
 * submit that stores a new idea keeps its count: a retry with the same Idempotency-Key gives its
 * count back, and at the limit it is still answered as a retry, since it stores nothing.
 */
export async function submitIdea(
  deps: SubmitDependencies,
  input: SubmitIdeaInput,
  caller: Caller,
  /** The caller's `Idempotency-Key`, already checked against IdempotencyKeyHeader. */
  idempotencyKeyHeader?: string,
): Promise<SubmitResult> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = randomUUID();
  const retryable = idempotencyKeyHeader === undefined ? undefined : { header: idempotencyKeyHeader, keys: await deps.keys() };
  const tokenOf = (ideaId: string) =>
    retryable === undefined ? randomBytes(32).toString('base64url') : followUpTokenFor(retryable.keys, caller.sub, retryable.header, ideaId);
  const followUpToken = input.anonymous ? tokenOf(id) : undefined;

  const idea: Idea = {
    id,
    kind: input.kind,
    title: input.title,
    description: input.description,
    department: input.department,
    language: input.language,
    anonymous: input.anonymous,
    ...(input.anonymous ? { followUpTokenHash: hashToken(followUpToken as string) } : { submitter: { ...personOf(caller), ...(caller.email === undefined ? {} : { email: caller.email }) } }),
    ...(input.kind === 'friction' ? frictionOf(input) : {}),
    status: 'submitted',
    createdAt: at,
    statusChangedAt: at,
    updatedAt: at,
    version: 1,
    requeueCount: 0,
  };
  const event: IdeaEvent = {
    ideaId: id,
    version: 1,
    at,
    to: 'submitted',
    actor: input.anonymous ? { kind: 'submitter' } : { kind: 'submitter', ...personOf(caller) },
  };
  const idempotency = retryable === undefined ? undefined : idempotencyRecord(retryable.keys, retryable.header, caller, input, id, now);

  /** The answer to a retry of the earlier submit the idempotency record names. */
  const retryOf = (earlier: IdempotencyRecord): SubmitResult => {
    if (earlier.requestHash !== idempotency?.requestHash) {
      throw new RefusedError({ kind: 'idempotency-key-reused' });
    }
    const { ideaId } = earlier;
    // The same content (requestHash) by the same person with the same key: anonymous then too, so its token is made again.
    return { id: ideaId, status: 'submitted', ...(input.anonymous ? { followUpToken: tokenOf(ideaId) } : {}), replayed: true };
  };

  const usage = await deps.limiter.consume(caller.sub, 'submit');
  if (!usage.allowed) {
    const earlier = idempotency === undefined ? undefined : await deps.store.getIdempotencyRecord(idempotency.keyHash);
    if (earlier === undefined) throw new RefusedError(usage.refusal);
    return retryOf(earlier);
  }
  let outcome: Awaited<ReturnType<IdeaStore['submit']>>;
  try {
    outcome = await deps.store.submit(idea, event, idempotency);
  } catch (error) {
    // Nothing was stored: the submit does not count.
    await deps.limiter.giveBack(usage.charge);
    throw error;
  }
  if (!outcome.created) {
    await deps.limiter.giveBack(usage.charge);
    return retryOf(outcome.replayOf);
  }
  record.ideaSubmitted();

  try {
    const failed = await deps.queue.enqueue([id]);
    if (failed.length > 0) logger.warn('Idea stored but not queued; the sweeper will queue it', { ideaId: id });
  } catch (error) {
    logger.warn('Idea stored but not queued; the sweeper will queue it', { ideaId: id, error: error as Error });
  }
  return { id, status: 'submitted', ...(followUpToken === undefined ? {} : { followUpToken }), replayed: false };
}

/** What a friction report stores: its figures, or that the submitter did not know them. */
function frictionOf(input: Extract<SubmitIdeaInput, { kind: 'friction' }>): Pick<Idea, 'friction' | 'figuresUnknown'> {
  const friction = frictionFigures(input);
  return friction === undefined ? { figuresUnknown: true } : { friction };
}

/** SHA-256 of a follow-up token, as stored on an anonymous idea. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` is the anonymous idea's follow-up token; compared in constant time. */
export function followUpTokenMatches(idea: Pick<Idea, 'followUpTokenHash'>, token: string | undefined): boolean {
  if (token === undefined || idea.followUpTokenHash === undefined) return false;
  const expected = Buffer.from(idea.followUpTokenHash, 'hex');
  const actual = Buffer.from(hashToken(token), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * The follow-up token of an anonymous idea submitted with an Idempotency-Key: HMAC-SHA-256 of the
 * caller's subject, the key and the idea's id under the deployment secret's follow-up-token key,
 * 43 base64url characters like a random token. Only a retry by the same person with the same key
 * of the same content (the idempotency record names the idea) is given it again; the key itself
 * is never stored.
 */
export function followUpTokenFor(keys: DeploymentKeys, sub: string, idempotencyKey: string, ideaId: string): string {
  return keys.mac('follow-up-token', sub, idempotencyKey, ideaId).toString('base64url');
}

/**
 * The idempotency record of a submit. The key is scoped to the caller and stored only as an
 * HMAC under the deployment secret (so the subjects stored elsewhere cannot be tried against
 * it), it holds no follow-up token, and it expires after a day, so it does not become a lasting
 * link between a person and an anonymous idea.
 */
function idempotencyRecord(keys: DeploymentKeys, header: string, caller: Caller, input: SubmitIdeaInput, ideaId: string, now: Date): IdempotencyRecord {
  return {
    keyHash: keys.hex('idempotency', caller.sub, header),
    requestHash: createHash('sha256').update(canonicalJson(input), 'utf8').digest('hex'),
    ideaId,
    expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_WINDOW_SECONDS,
  };
}

/** JSON with sorted keys, so the same submission sent as JSON or as a form hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

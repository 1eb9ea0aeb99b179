import { StaleVersionError, type StrategyStore } from '../../../shared/store/strategy.ts';
import type { SimilarityIndex } from '../../../shared/store/similarity-index.ts';
import type { BandEntry } from '../../../shared/domain/duplicates/lsh.ts';
import type { Strategy, StrategyContent } from '../../../shared/domain/strategy/strategy.ts';
import type { Idea, IdeaEvent, IdeaStatus } from '../../../shared/domain/idea.ts';
import type { IntakeQueue } from '../../../shared/queue/intake-queue.ts';
import {
  ConcurrentChangeError,
  type IdeaStore,
  type IdempotencyRecord,
  type Page,
  type SubmitOutcome,
  type Transition,
} from '../../../shared/store/ideas.ts';

/**
 * In-memory stand-ins for the store and queue ports, with the same guarantees the DynamoDB and
 * SQS adapters give (conditional writes, optimistic locking), so the intake logic can be tested
 * without AWS. Every call is appended to `log`, so tests can check the order of side effects.
 */
export class InMemoryIdeaStore implements IdeaStore {
  readonly ideas = new Map<string, Idea>();
  readonly events: IdeaEvent[] = [];
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly log: string[];

  constructor(log: string[] = []) {
    this.log = log;
  }

  /** Puts ideas in the store as if they had been submitted earlier. */
  seed(...ideas: Idea[]): this {
    for (const idea of ideas) this.ideas.set(idea.id, structuredClone(idea));
    return this;
  }

  async submit(idea: Idea, event: IdeaEvent, idempotency?: IdempotencyRecord): Promise<SubmitOutcome> {
    this.log.push(`store.submit ${idea.id}`);
    const earlier = idempotency === undefined ? undefined : this.idempotency.get(idempotency.keyHash);
    if (earlier !== undefined) return { created: false, replayOf: structuredClone(earlier) };
    if (this.ideas.has(idea.id)) throw new Error(`Idea ${idea.id} already exists`);
    this.ideas.set(idea.id, structuredClone(idea));
    this.events.push(structuredClone(event));
    if (idempotency !== undefined) this.idempotency.set(idempotency.keyHash, structuredClone(idempotency));
    return { created: true };
  }

  async getIdea(id: string): Promise<Idea | undefined> {
    const idea = this.ideas.get(id);
    return idea === undefined ? undefined : structuredClone(idea);
  }

  async getIdeas(ids: readonly string[]): Promise<Idea[]> {
    return ids.flatMap((id) => {
      const idea = this.ideas.get(id);
      return idea === undefined ? [] : [structuredClone(idea)];
    });
  }

  async getIdeaWithHistory(id: string): Promise<{ idea: Idea; history: IdeaEvent[] } | undefined> {
    const idea = await this.getIdea(id);
    if (idea === undefined) return undefined;
    const history = this.events.filter((event) => event.ideaId === id).sort((a, b) => a.version - b.version);
    return { idea, history: structuredClone(history) };
  }

  async listBySubmitter(sub: string, limit: number, cursor?: string): Promise<Page<Idea>> {
    const own = [...this.ideas.values()].filter((idea) => idea.submitter?.sub === sub).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const start = cursor === undefined ? 0 : Number(cursor);
    const items = own.slice(start, start + limit);
    const next = start + limit;
    return { items: structuredClone(items), ...(next < own.length ? { nextCursor: String(next) } : {}) };
  }

  async transition(change: Transition): Promise<Idea> {
    this.log.push(`store.transition ${change.idea.id} ${change.to}`);
    const current = this.ideas.get(change.idea.id);
    if (current === undefined || current.version !== change.idea.version || current.status !== change.idea.status) {
      throw new ConcurrentChangeError(`Idea ${change.idea.id} changed since version ${change.idea.version}`);
    }
    const version = current.version + 1;
    const statusChangedAt = change.to === current.status ? current.statusChangedAt : change.at;
    const updated: Idea = { ...current, ...change.set, status: change.to, statusChangedAt, updatedAt: change.at, version };
    this.ideas.set(updated.id, structuredClone(updated));
    this.events.push({
      ideaId: updated.id,
      version,
      at: change.at,
      from: current.status,
      to: change.to,
      actor: change.actor,
      ...(change.reason === undefined ? {} : { reason: change.reason }),
      ...(change.change === undefined ? {} : { change: change.change }),
    });
    return structuredClone(updated);
  }

  async listByStatus(status: IdeaStatus, limit: number, cursor?: string): Promise<Page<Idea>> {
    const all = [...this.ideas.values()]
      .filter((idea) => idea.status === status)
      .sort((a, b) => `${a.statusChangedAt}#${a.id}`.localeCompare(`${b.statusChangedAt}#${b.id}`));
    const start = cursor === undefined ? 0 : Number(cursor);
    const items = all.slice(start, start + limit).map((idea) => structuredClone(idea));
    return { items, ...(start + limit < all.length ? { nextCursor: String(start + limit) } : {}) };
  }

  async listInStatusSince(status: IdeaStatus, changedBefore: string, limit: number): Promise<Idea[]> {
    return [...this.ideas.values()]
      .filter((idea) => idea.status === status && idea.statusChangedAt < changedBefore)
      .sort((a, b) => a.statusChangedAt.localeCompare(b.statusChangedAt))
      .slice(0, limit)
      .map((idea) => structuredClone(idea));
  }

  async recordRequeue(idea: Idea): Promise<void> {
    this.log.push(`store.recordRequeue ${idea.id}`);
    const current = this.ideas.get(idea.id);
    if (current === undefined || current.status !== idea.status || current.version !== idea.version) return;
    current.requeueCount = idea.requeueCount + 1;
  }
}

/** A queue that records what it was asked to send; ids it `refuses` come back as not sent. */
export class RecordingQueue implements IntakeQueue {
  readonly sent: string[][] = [];
  refuses: (ideaId: string) => boolean = () => false;
  /** When set, every send throws this, as when SQS cannot be reached. */
  outage: Error | undefined;
  readonly log: string[];

  constructor(log: string[] = []) {
    this.log = log;
  }

  async enqueue(ideaIds: readonly string[]): Promise<string[]> {
    this.log.push(`queue.enqueue ${ideaIds.join(',')}`);
    if (this.outage !== undefined) throw this.outage;
    this.sent.push([...ideaIds]);
    return ideaIds.filter((id) => this.refuses(id));
  }
}

/** Strategy storage in memory: the versions given, newest last. */
export class InMemoryStrategyStore implements StrategyStore {
  readonly versions: Strategy[];

  constructor(...versions: Strategy[]) {
    this.versions = versions;
  }

  async current(): Promise<Strategy> {
    const newest = this.versions.at(-1);
    if (newest === undefined) throw new Error('No strategy in the fake store');
    return structuredClone(newest);
  }

  async version(version: number): Promise<Strategy | undefined> {
    return structuredClone(this.versions.find((strategy) => strategy.version === version));
  }

  async replace(content: StrategyContent, expectedVersion: number, createdBy: string, at: string): Promise<Strategy> {
    const current = await this.current();
    if (current.version !== expectedVersion) throw new StaleVersionError('stale');
    const next = { ...structuredClone(content), version: current.version + 1, createdAt: at, createdBy };
    this.versions.push(next);
    return structuredClone(next);
  }
}

/** The duplicate index in memory, with the same reading order as the DynamoDB one. */
export class InMemorySimilarityIndex implements SimilarityIndex {
  readonly bands = new Map<string, string[]>();

  async add(ideaId: string, bands: readonly BandEntry[]): Promise<void> {
    for (const band of bands) {
      const sortKeys = new Set([...(this.bands.get(band.key) ?? []), `${band.sort}#${ideaId}`]);
      this.bands.set(band.key, [...sortKeys].sort());
    }
  }

  async lookup(bands: readonly BandEntry[], maxPerBand: number): Promise<string[][]> {
    return bands.map((band) => {
      const sortKeys = this.bands.get(band.key) ?? [];
      const fromOwnValue = sortKeys.filter((sortKey) => sortKey >= band.sort).slice(0, maxPerBand);
      const fromStart = fromOwnValue.length < maxPerBand ? sortKeys.filter((sortKey) => sortKey < band.sort).slice(0, maxPerBand - fromOwnValue.length) : [];
      return [...fromOwnValue, ...fromStart].map((sortKey) => sortKey.slice(sortKey.indexOf('#') + 1));
    });
  }
}

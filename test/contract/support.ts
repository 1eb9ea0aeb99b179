/**
 * What the store contract (docs/testing.md, "The store contract") runs against: a fresh set of
 * stores, written and read through the ports alone (shared/store/ports.ts). The unit project hands
 * it the in-memory fakes (test/unit/store/contract.test.ts), the integration project the DynamoDB
 * adapters on a fresh table of DynamoDB Local (test/integration/store-contract.test.ts), so one set
 * of cases holds both to the same behaviour.
 */
import { randomUUID } from 'node:crypto';
import type { Idea, IdeaStatus } from '../../shared/domain/idea.ts';
import type { Notification } from '../../shared/domain/notification.ts';
import type { Pilot } from '../../shared/domain/pilot.ts';
import type {
  BackgroundWorkStore,
  ConversationStore,
  IdeaStore,
  MailSuppressionStore,
  NotificationStore,
  Page,
  PilotStore,
  PipelineStore,
  RescoreJobStore,
  SimilarityIndex,
  StoreCursor,
  StrategyStore,
  TransactionPart,
  Transition,
  UsageCounterStore,
} from '../../shared/store/ports.ts';
import { aDecision, anIdea, aSubmittedEvent, TRIAGE } from '../unit/support/ideas.ts';
import { aStrategy } from '../unit/support/strategy.ts';

/** One set of stores sharing one table (or, for the fakes, one memory). */
export interface ContractStores {
  ideas: IdeaStore;
  conversation: ConversationStore;
  work: BackgroundWorkStore;
  pilots: PilotStore;
  pipeline: PipelineStore;
  notifications: NotificationStore;
  strategy: StrategyStore;
  suppressions: MailSuppressionStore;
  rescoreJobs: RescoreJobStore;
  similarity: SimilarityIndex;
  usage: UsageCounterStore;
  /**
   * A notification's creation as the other family of stores makes it (the fakes' for the
   * adapters, the adapters' for the fakes): a part these stores did not make, which they refuse.
   */
  foreignPart: (notification: Notification) => TransactionPart;
}

/** Makes an empty set of stores; called before every case. */
export type MakeStores = () => Promise<ContractStores>;

/**
 * Version 1 of the strategy in a fresh set of stores: the adapter's shipped default, the fake's
 * seeded first version. The contract compares only its content, not its `createdAt`.
 */
export const FIRST_STRATEGY = aStrategy();

export const newId = (): string => randomUUID();

const T0 = Date.parse('2026-02-02T08:00:00.000Z');
/** `minutes` after the contract's start of time, as the store's ISO 8601 instants. */
export const minutes = (count: number): string => new Date(T0 + count * 60_000).toISOString();

export const STAFF = { kind: 'staff', sub: TRIAGE.sub, name: 'Søren Ærø' } as const;
export const SYSTEM = { kind: 'system' } as const;

/** Submits a new idea (a fresh id unless given) created `createdAt`, and hands back what was stored. */
export async function submitIdea(ideas: IdeaStore, overrides: Partial<Idea> = {}): Promise<Idea> {
  const createdAt = overrides.createdAt ?? minutes(0);
  const idea = anIdea({ id: newId(), createdAt, statusChangedAt: createdAt, updatedAt: createdAt, ...overrides });
  await ideas.submit(idea, aSubmittedEvent(idea));
  return idea;
}

/** What intake sets on an idea it admits: a theme above the inbox's threshold and a priority. */
export function admission(priority = 40): NonNullable<Transition['set']> {
  return {
    themeAlignment: { strategyVersion: 1, scores: [{ themeId: 'automatisering', score: 0.6, matchedTerms: ['dobbeltregistrering'] }] },
    scorecard: { strategyVersion: 1, scores: {}, priority, complete: false, scoredAt: minutes(0) },
  };
}

/** A new idea moved into `in_triage` at `at`, as intake leaves it. */
export async function ideaInTriage(ideas: IdeaStore, options: { at?: string; priority?: number; idea?: Partial<Idea> } = {}): Promise<Idea> {
  const idea = await submitIdea(ideas, options.idea);
  return ideas.transition({ idea, to: 'in_triage', actor: SYSTEM, at: options.at ?? minutes(1), set: admission(options.priority) });
}

/** Moves an idea on by a triage decision (without checks of whether the domain allows it: the store does not check that), with the parts given `alongside`. */
export async function move(ideas: IdeaStore, idea: Idea, to: IdeaStatus, at: string, extra: Partial<Transition> = {}, ...alongside: TransactionPart[]): Promise<Idea> {
  return ideas.transition({ idea, to, actor: STAFF, at, ...extra }, ...alongside);
}

/** Parks an idea in triage until `revisitOn` (YYYY-MM-DD). */
export async function park(ideas: IdeaStore, idea: Idea, revisitOn: string, at: string): Promise<Idea> {
  const decision = aDecision('park', { at, revisitOn });
  return move(ideas, idea, 'parked', at, { decision, set: { decision } });
}

/** A pilot made the way Spire makes one: by accepting a new idea in triage, in one transition that creates the pilot alongside. */
export async function pilotByAccepting(stores: ContractStores, pilot: (ideaId: string) => Pilot, at = minutes(10)): Promise<{ idea: Idea; pilot: Pilot }> {
  const admitted = await ideaInTriage(stores.ideas);
  const made = pilot(admitted.id);
  const decision = aDecision('accept', { at, pilotId: made.id });
  const idea = await stores.ideas.transition({ idea: admitted, to: 'accepted', actor: STAFF, at, decision, set: { decision } }, stores.pilots.creation(made));
  return { idea, pilot: made };
}

/** Every item of a list, page after page (at most 100 pages), and how many pages that took. */
export async function allPages<T>(read: (cursor: StoreCursor | undefined) => Promise<Page<T>>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: StoreCursor | undefined;
  let pages = 0;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== undefined && pages < 100);
  if (cursor !== undefined) throw new Error('The list did not end within 100 pages');
  return { items, pages };
}

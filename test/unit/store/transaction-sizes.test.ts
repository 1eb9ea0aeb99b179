/**
 * The size of every kind of transaction the store writes is a checked invariant (issue 16):
 * DynamoDB takes at most TRANSACTION_ITEM_LIMIT items in one transaction, and `writeTransaction`
 * refuses a larger one at run time, so a change that only a large idea or pilot reaches would fail
 * in production, not in a test. Each case below builds the worst input its kind of transaction
 * can meet (an idea listed under the most inbox themes, assigned, with an e-mail; a pilot in the
 * most themes, with an owner, a hold lifted or set and its learning…), runs the real adapter
 * against a mocked DynamoDB and counts the items it sends.
 *
 * WORST_CASE holds the figures docs/pipeline.md states (its table is checked against them at the
 * end); each case also computes its figure from the list rules' constants, so a change of those
 * rules changes the computed figure and fails here until the table and the docs follow.
 */
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_GATES, decideGate, gateAt, type GateRequest } from '../../../shared/domain/gates.ts';
import type { Idea, ThemeAlignment } from '../../../shared/domain/idea.ts';
import { INBOX_SORTS, INBOX_THEMES_PER_IDEA } from '../../../shared/domain/inbox.ts';
import { HELD_SORT, STAGE_LIST_SORTS } from '../../../shared/domain/pilot-lists.ts';
import { patchedPilot, pilotAfter, type Pilot, type PilotPatch } from '../../../shared/domain/pilot.ts';
import { DynamoBackgroundWorkStore } from '../../../shared/store/background-work.ts';
import { DynamoConversationStore } from '../../../shared/store/conversation.ts';
import { inboxEntryEntity, learningEntity, pilotListEntryEntity, revisitEntity } from '../../../shared/store/entities.ts';
import { DynamoIdeaStore } from '../../../shared/store/ideas.ts';
import { DynamoNotificationStore } from '../../../shared/store/notifications.ts';
import { DynamoPersonalDataStore } from '../../../shared/store/personal-data.ts';
import { DynamoPilotStore } from '../../../shared/store/pilots.ts';
import { shardOf } from '../../../shared/store/pipeline.ts';
import type { IdempotencyRecord } from '../../../shared/store/ports.ts';
import { DynamoStrategyStore } from '../../../shared/store/strategy.ts';
import { TRANSACTION_ITEM_LIMIT, type TransactItems } from '../../../shared/store/transactions.ts';
import { aComment, aDecision, anIdea, anIdeaInTriage, aNotification, aParkedIdea, aSubmittedEvent, IDEA_ID, OTHER_IDEA_ID, TRIAGE } from '../support/ideas.ts';
import { aPilot, aPilotIn, DIRECTOR, HYPOTHESIS, LEARNINGS, PILOT_ID } from '../support/pilots.ts';
import { aStrategy } from '../support/strategy.ts';

/** The most items each kind of transaction writes on its worst input; docs/pipeline.md states the same figures. */
const WORST_CASE = {
  submit: 4,
  abandonIntake: 10,
  admit: 36,
  needsInfo: 56,
  decline: 56,
  answer: 56,
  park: 57,
  revisit: 57,
  withdraw: 57,
  duplicate: 58,
  accept: 83,
  assign: 30,
  score: 41,
  rescore: 49,
  erase: 40,
  comment: 1,
  commentWithEmail: 2,
  support: 2,
  pilotEdit: 48,
  go: 60,
  hold: 35,
  recycle: 60,
  stop: 61,
  realise: 61,
  strategy: 2,
  movePersonalData: 2,
} as const;
type Kind = keyof typeof WORST_CASE;

// One idea's inbox entries (shared/domain/inbox.ts inboxListsOf): 4 lists without a theme (with
// and without its kind, with and without its department), 4 more per theme, the assignee's list,
// each in every order.
const ORDERS = INBOX_SORTS.length;
const LISTS_WITHOUT_THEME = 4;
const LISTS_PER_THEME = 4;
const ASSIGNEE_LISTS = 1;
const THEMED_LISTS = LISTS_WITHOUT_THEME + LISTS_PER_THEME * INBOX_THEMES_PER_IDEA;
const INBOX_LISTS = THEMED_LISTS + ASSIGNEE_LISTS;
/** An idea listed under the most themes and assigned: (4 + 4 × 2 + 1) × 2 = 26. */
const INBOX_ENTRIES = INBOX_LISTS * ORDERS;
/** The lists narrowed by department: half of those without a theme and half of each theme's. */
const DEPARTMENT_LISTS = LISTS_WITHOUT_THEME / 2 + (LISTS_PER_THEME / 2) * INBOX_THEMES_PER_IDEA;
const REVISIT_ENTRY = 1;

// A pilot's list entries (shared/domain/pilot-lists.ts pilotListsOf, pilotSortsOf): all pilots and
// its stage, each alone, per theme (a pilot takes its idea's inbox themes), by department and by
// owner, each in the three orders of STAGE_LIST_SORTS; and while on hold, the list of pilots on hold.
const PILOT_ORDERS = STAGE_LIST_SORTS.length;
const PILOT_NARROWINGS = 1 + INBOX_THEMES_PER_IDEA + 1 + 1;
const PILOT_LISTS = 2 * PILOT_NARROWINGS;
/** A pilot in the most themes with an owner: 2 × 5 × 3 = 30. */
const PILOT_ENTRIES = PILOT_LISTS * PILOT_ORDERS;
/** A new pilot has no owner yet: 2 × 4 × 3 = 24. */
const NEW_PILOT_ENTRIES = 2 * (PILOT_NARROWINGS - 1) * PILOT_ORDERS;
const HELD_ENTRY = [HELD_SORT].length;
/** The orders whose sort value holds when the pilot entered its stage: in_stage and expected_hours. */
const STAGE_TIMED_ORDERS = 2;
const LEARNING = 1;

/** The idea or pilot itself and its history event. */
const ITEM_AND_EVENT = 2;
const NOTIFICATION = 1;
/** One counter-shard update per shard touched (shared/store/pipeline.ts counterUpdates). */
const SHARD = 1;

// What the entity declarations allow any input of a kind, whatever the list rules do within them:
// an aggregate's own items, every derived item it had before deleted and every one after put (at
// most `most` of each, shared/store/entities.ts), each part's items, one update per counter shard.
const IDEA_DERIVED = inboxEntryEntity.most + revisitEntity.most;
const IDEA_CHANGE = ITEM_AND_EVENT + 2 * IDEA_DERIVED + SHARD;
const PILOT_DERIVED = pilotListEntryEntity.most + learningEntity.most;
const PILOT_CREATION = ITEM_AND_EVENT + PILOT_DERIVED + SHARD;
const PILOT_CHANGE = ITEM_AND_EVENT + 2 * PILOT_DERIVED + SHARD;
const STATUS_CHECK = 1;
const GATE_RECORD = 1;
const MERGE_JOB = 1;

/** The bound of each kind, computed from the declarations; docs/pipeline.md states these too. */
const BOUND: Record<Kind, number> = {
  submit: ITEM_AND_EVENT + 1 + SHARD,
  abandonIntake: IDEA_CHANGE,
  admit: IDEA_CHANGE + NOTIFICATION,
  needsInfo: IDEA_CHANGE + NOTIFICATION,
  decline: IDEA_CHANGE + NOTIFICATION,
  answer: IDEA_CHANGE + NOTIFICATION,
  park: IDEA_CHANGE + NOTIFICATION,
  revisit: IDEA_CHANGE + NOTIFICATION,
  withdraw: IDEA_CHANGE + NOTIFICATION,
  duplicate: IDEA_CHANGE + NOTIFICATION + MERGE_JOB + STATUS_CHECK,
  accept: IDEA_CHANGE + NOTIFICATION + PILOT_CREATION,
  assign: IDEA_CHANGE,
  score: IDEA_CHANGE,
  rescore: IDEA_CHANGE,
  erase: IDEA_CHANGE,
  comment: 1,
  commentWithEmail: 1 + NOTIFICATION,
  support: 2,
  pilotEdit: PILOT_CHANGE,
  go: PILOT_CHANGE + GATE_RECORD,
  hold: PILOT_CHANGE + GATE_RECORD,
  recycle: PILOT_CHANGE + GATE_RECORD,
  stop: PILOT_CHANGE + GATE_RECORD,
  realise: PILOT_CHANGE + GATE_RECORD,
  strategy: 2,
  movePersonalData: 2,
};

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const ideas = new DynamoIdeaStore(client, TABLE_NAME);
const pilots = new DynamoPilotStore(client, TABLE_NAME);
const conversation = new DynamoConversationStore(client, TABLE_NAME);
const notifications = new DynamoNotificationStore(client, TABLE_NAME);
const work = new DynamoBackgroundWorkStore(client, TABLE_NAME);
const strategies = new DynamoStrategyStore(client, TABLE_NAME, aStrategy());
const personalData = new DynamoPersonalDataStore(client, TABLE_NAME);

afterEach(() => {
  ddbMock.reset();
});

const LATER = '2026-01-06T09:15:00.000Z';
const GO_AT = '2026-02-01T09:00:00.000Z';
const DECIDED_AT = '2026-03-01T09:00:00.000Z';
const STAFF = { kind: 'staff', sub: TRIAGE.sub } as const;
const ASSIGNEE = { sub: TRIAGE.sub, name: 'Søren Ærø' };
const BY = { sub: DIRECTOR.sub, name: DIRECTOR.name };
const OWNER = { sub: 'o1-owner', name: 'Ole Ejer' };
const THEMES = ['automatisering', 'borgerservice'];

/** Three themes over the inbox's threshold: the idea is listed under its best INBOX_THEMES_PER_IDEA. */
const ALIGNMENT: ThemeAlignment = {
  strategyVersion: 1,
  scores: [
    { themeId: 'automatisering', score: 0.6, matchedTerms: [] },
    { themeId: 'borgerservice', score: 0.5, matchedTerms: [] },
    { themeId: 'klima', score: 0.4, matchedTerms: [] },
  ],
};

/** An idea in the most inbox lists: listed under the most themes and assigned. */
function aListedIdea(overrides: Partial<Idea> = {}): Idea {
  return anIdeaInTriage({ themeAlignment: ALIGNMENT, assignee: ASSIGNEE, ...overrides });
}

const email = () => notifications.creation(aNotification({ id: `${IDEA_ID}.v3`, createdAt: LATER }));

/** The keys as the table keeps them (pinned here, not taken from shared/store/entities.ts). */
const strategyVersionKey = (version: number) => ({ PK: 'STRATEGY', SK: `VERSION#${String(version).padStart(6, '0')}` });
const supporterKey = (ideaId: string, hash: string) => ({ PK: `IDEA#${ideaId}`, SK: `SUPPORTER#${hash}` });

/** A pilot in the most lists: the most themes, an owner, a hypothesis and on hold. */
function aHeldPilot(stage: 'pilot' | 'evaluation' | 'operations', overrides: Partial<Pilot> = {}): Pilot {
  return aPilotIn(stage, GO_AT, { themes: THEMES, owner: OWNER, hypothesis: HYPOTHESIS, hold: { until: '2026-09-01', reason: 'Budgettet afventes.' }, ...overrides });
}

/** A gate request of any decision, without its checklist. */
type Decision = GateRequest extends infer Request ? (Request extends GateRequest ? Omit<Request, 'checklist'> : never) : never;

/** A gate decision as the gate use case takes it (shared/pilots/gate.ts), every checklist item answered yes. */
function gateDecision(before: Pilot, request: Decision) {
  const gate = gateAt(before.stage);
  const checklist = Object.fromEntries((gate === undefined ? [] : DEFAULT_GATES.gates[gate]).map((item) => [item.id, true]));
  const outcome = decideGate(before, { ...request, checklist } as GateRequest, { settings: DEFAULT_GATES, by: BY, role: 'director', at: DECIDED_AT });
  if (!outcome.ok) throw new Error(`The gate refused: ${outcome.refusal.kind}`);
  const after = pilotAfter(before, { at: DECIDED_AT, set: outcome.pilot });
  return pilots.save({
    before,
    after,
    gate: outcome.record,
    event: { pilotId: before.id, version: after.version, at: DECIDED_AT, by: BY, change: 'gate', from: before.stage, to: after.stage, decision: request.decision, reason: request.reason },
  });
}

function pilotEdit(before: Pilot, patch: PilotPatch) {
  const after = pilotAfter(before, { at: DECIDED_AT, set: patchedPilot(before, patch) });
  return pilots.save({ before, after, event: { pilotId: before.id, version: after.version, at: DECIDED_AT, by: BY, change: 'edit', from: before.stage, to: before.stage, fields: Object.keys(patch) } });
}

const idempotency: IdempotencyRecord = { keyHash: 'a'.repeat(64), requestHash: 'b'.repeat(64), ideaId: IDEA_ID, expiresAt: 1767344400 };

interface Case {
  kind: Kind;
  /** The worst case's figure, computed from the list rules. */
  computed: number;
  write: () => Promise<unknown>;
}

// Moving an idea to another status moves every entry (the status is in each list's key): all of
// its entries before are deleted and all after put.
const STATUS_CHANGE = ITEM_AND_EVENT + INBOX_ENTRIES + INBOX_ENTRIES + NOTIFICATION + SHARD;
// A stage change (go, recycle, stop, realise) of a pilot on hold: the stage lists' entries move,
// the all-pilots lists' entries move in the orders that hold when the pilot entered its stage,
// and the hold's entry goes.
const STAGE_CHANGE_DELETES = (PILOT_LISTS / 2) * PILOT_ORDERS + (PILOT_LISTS / 2) * STAGE_TIMED_ORDERS + HELD_ENTRY;

const CASES: Case[] = [
  { kind: 'submit', computed: ITEM_AND_EVENT + 1 + SHARD, write: () => ideas.submit(anIdea(), aSubmittedEvent(anIdea()), idempotency) },
  {
    // The sweeper gives up on intake: the idea is listed in `submitted`, without themes (intake never scored it).
    kind: 'abandonIntake',
    computed: ITEM_AND_EVENT + LISTS_WITHOUT_THEME * ORDERS,
    write: () => ideas.transition({ idea: anIdea(), to: 'submitted', change: 'intake_abandoned', actor: { kind: 'system' }, at: LATER, set: { intakeAbandonedAt: LATER } }),
  },
  {
    // A late delivery admits an idea the sweeper gave up on: its `submitted` entries go, its in_triage entries come (no assignee yet).
    kind: 'admit',
    computed: ITEM_AND_EVENT + LISTS_WITHOUT_THEME * ORDERS + THEMED_LISTS * ORDERS + NOTIFICATION + SHARD,
    write: () =>
      ideas.transition(
        {
          idea: anIdea({ intakeAbandonedAt: LATER }),
          to: 'in_triage',
          actor: { kind: 'system' },
          at: LATER,
          set: { themeAlignment: ALIGNMENT, scorecard: { strategyVersion: 1, scores: {}, priority: 40, complete: false, scoredAt: LATER } },
        },
        email(),
      ),
  },
  {
    kind: 'needsInfo',
    computed: STATUS_CHANGE,
    write: () => ideas.transition({ idea: aListedIdea(), to: 'needs_info', actor: STAFF, at: LATER, decision: aDecision('needs_info'), set: { decision: aDecision('needs_info') } }, email()),
  },
  {
    kind: 'decline',
    computed: STATUS_CHANGE,
    write: () => ideas.transition({ idea: aListedIdea(), to: 'declined', actor: STAFF, at: LATER, decision: aDecision('decline'), set: { decision: aDecision('decline') } }, email()),
  },
  {
    kind: 'answer',
    computed: STATUS_CHANGE,
    write: () =>
      ideas.transition({ idea: aListedIdea({ status: 'needs_info', version: 3 }), to: 'in_triage', actor: { kind: 'submitter' }, at: LATER, answer: 'Tre systemer.', set: { decision: undefined } }, email()),
  },
  {
    kind: 'park',
    computed: STATUS_CHANGE + REVISIT_ENTRY,
    write: () => {
      const decision = aDecision('park', { revisitOn: '2026-04-01' });
      return ideas.transition({ idea: aListedIdea(), to: 'parked', actor: STAFF, at: LATER, decision, set: { decision } }, email());
    },
  },
  {
    kind: 'revisit',
    computed: STATUS_CHANGE + REVISIT_ENTRY,
    write: () => ideas.transition({ idea: aParkedIdea('2026-01-06', { themeAlignment: ALIGNMENT, assignee: ASSIGNEE }), to: 'in_triage', actor: { kind: 'system' }, at: LATER, set: { decision: undefined } }, email()),
  },
  {
    kind: 'withdraw',
    computed: STATUS_CHANGE + REVISIT_ENTRY,
    write: () => ideas.transition({ idea: aParkedIdea('2026-04-01', { themeAlignment: ALIGNMENT, assignee: ASSIGNEE }), to: 'withdrawn', actor: { kind: 'submitter' }, at: LATER, set: { decision: undefined } }, email()),
  },
  {
    // The target's status check and the pending merge come on top.
    kind: 'duplicate',
    computed: STATUS_CHANGE + 1 + 1,
    write: () => {
      const decision = aDecision('duplicate', { mergedInto: OTHER_IDEA_ID });
      return ideas.transition(
        { idea: aListedIdea(), to: 'duplicate', actor: STAFF, at: LATER, decision, set: { decision } },
        email(),
        work.mergeJob({ ideaId: IDEA_ID, into: OTHER_IDEA_ID, at: LATER }),
        ideas.statusCheck(OTHER_IDEA_ID, ['in_triage', 'needs_info', 'parked', 'accepted']),
      );
    },
  },
  {
    // The new pilot, its first event and its entries; the pilot counts in its own shard.
    kind: 'accept',
    computed: STATUS_CHANGE + ITEM_AND_EVENT + NEW_PILOT_ENTRIES + SHARD,
    write: () => {
      const decision = aDecision('accept', { pilotId: PILOT_ID });
      const pilot = aPilot({ themes: THEMES, createdAt: LATER, stageEnteredAt: LATER, updatedAt: LATER });
      return ideas.transition({ idea: aListedIdea(), to: 'accepted', actor: STAFF, at: LATER, decision, set: { decision } }, pilots.creation(pilot), email());
    },
  },
  {
    // Another assignee: the assignee's list moves; every entry is rewritten with the row. Counters do not change.
    kind: 'assign',
    computed: ITEM_AND_EVENT + ASSIGNEE_LISTS * ORDERS + INBOX_ENTRIES,
    write: () => ideas.transition({ idea: aListedIdea(), to: 'in_triage', change: 'assignment', actor: STAFF, at: LATER, set: { assignee: { sub: 'b2-triage', name: 'Bente Bø' } } }),
  },
  {
    // A new priority moves the idea in every list's priority order.
    kind: 'score',
    computed: ITEM_AND_EVENT + INBOX_LISTS + INBOX_ENTRIES,
    write: () =>
      ideas.transition({ idea: aListedIdea(), to: 'in_triage', change: 'scorecard', actor: STAFF, at: LATER, set: { scorecard: { strategyVersion: 1, scores: {}, priority: 75, complete: false, scoredAt: LATER } } }),
  },
  {
    // A new strategy gives the idea two other themes and another priority: the themes' lists move in both orders.
    kind: 'rescore',
    computed: ITEM_AND_EVENT + INBOX_LISTS + LISTS_PER_THEME * INBOX_THEMES_PER_IDEA + INBOX_ENTRIES,
    write: () =>
      ideas.transition({
        idea: aListedIdea(),
        to: 'in_triage',
        change: 'rescore',
        actor: { kind: 'system' },
        at: LATER,
        set: {
          themeAlignment: { strategyVersion: 2, scores: [{ themeId: 'klima', score: 0.7, matchedTerms: [] }, { themeId: 'sundhed', score: 0.3, matchedTerms: [] }] },
          scorecard: { strategyVersion: 2, scores: {}, priority: 75, complete: false, scoredAt: LATER },
        },
      }),
  },
  {
    // An erasure pseudonymises the assignee and, where the person's name was typed into it, the department: its lists move.
    kind: 'erase',
    computed: ITEM_AND_EVENT + DEPARTMENT_LISTS * ORDERS + INBOX_ENTRIES,
    write: () =>
      ideas.transition({ idea: aListedIdea({ department: 'Søren Ærøs team' }), to: 'in_triage', change: 'personal_data_erased', actor: { kind: 'system' }, at: LATER, set: { assignee: { sub: TRIAGE.sub }, department: 'P-1 team' } }),
  },
  { kind: 'comment', computed: 1, write: () => conversation.addComment(aComment()) },
  { kind: 'commentWithEmail', computed: 1 + NOTIFICATION, write: () => conversation.addComment(aComment(), email()) },
  { kind: 'support', computed: 2, write: () => conversation.addSupporter(IDEA_ID, 'c'.repeat(64), LATER) },
  {
    // A held pilot gets another owner and another expected figure: the owner's lists move, every other list's expected_hours entry moves.
    kind: 'pilotEdit',
    computed: ITEM_AND_EVENT + 2 * PILOT_ORDERS + (PILOT_LISTS - 2) + PILOT_ENTRIES + HELD_ENTRY + SHARD,
    write: () => pilotEdit(aHeldPilot('evaluation'), { owner: { sub: 'o2-owner', name: 'Olga Ny' }, hypothesis: { ...HYPOTHESIS, expectedHoursPerYear: 400 } }),
  },
  {
    kind: 'go',
    computed: ITEM_AND_EVENT + GATE_RECORD + STAGE_CHANGE_DELETES + PILOT_ENTRIES + SHARD,
    write: () => gateDecision(aHeldPilot('pilot'), { decision: 'go', reason: 'Piloten holdt.' }),
  },
  {
    // A held pilot held again to another day: only its entry in the list of held pilots moves. Counters do not change.
    kind: 'hold',
    computed: ITEM_AND_EVENT + GATE_RECORD + HELD_ENTRY + PILOT_ENTRIES + HELD_ENTRY,
    write: () => gateDecision(aHeldPilot('evaluation'), { decision: 'hold', reason: 'Budgettet afventes stadig.', revisitOn: '2026-12-01' }),
  },
  {
    kind: 'recycle',
    computed: ITEM_AND_EVENT + GATE_RECORD + STAGE_CHANGE_DELETES + PILOT_ENTRIES + SHARD,
    write: () => gateDecision(aHeldPilot('evaluation'), { decision: 'recycle', reason: 'Målingen holdt ikke.', mustChange: 'Mål før og efter.' }),
  },
  {
    kind: 'stop',
    computed: ITEM_AND_EVENT + GATE_RECORD + STAGE_CHANGE_DELETES + PILOT_ENTRIES + LEARNING + SHARD,
    write: () => gateDecision(aHeldPilot('operations'), { decision: 'stop', reason: 'Gevinsten udeblev.', learnings: LEARNINGS }),
  },
  {
    kind: 'realise',
    computed: ITEM_AND_EVENT + GATE_RECORD + STAGE_CHANGE_DELETES + PILOT_ENTRIES + LEARNING + SHARD,
    write: () => gateDecision(aHeldPilot('operations', { learnings: LEARNINGS, results: { realisedHoursPerYear: 250, summary: 'Halveret.' } }), { decision: 'go', reason: 'Gevinsten er målt.' }),
  },
  {
    // The current version checked, the next put.
    kind: 'strategy',
    computed: 2,
    write: () => {
      ddbMock.on(QueryCommand).resolves({ Items: [{ ...strategyVersionKey(1), type: 'strategy', ...aStrategy(), version: 1, createdAt: LATER, createdBy: 'system' }] });
      return strategies.replace(aStrategy(), 1, 'admin-2', LATER);
    },
  },
  {
    // An item whose key held the person (a supporter's hash) moves to its pseudonymised key.
    kind: 'movePersonalData',
    computed: 2,
    write: () => {
      const supporter = { ...supporterKey(IDEA_ID, 'c'.repeat(64)), type: 'supporter', ideaId: IDEA_ID, at: LATER };
      return personalData.apply({ kind: 'replace', before: supporter, after: { ...supporter, ...supporterKey(IDEA_ID, 'P-1') } });
    },
  },
];

/** The items of the one transaction `write` sends. */
async function transactionOf(write: () => Promise<unknown>): Promise<TransactItems> {
  ddbMock.on(TransactWriteCommand).resolves({});
  await write();
  const calls = ddbMock.commandCalls(TransactWriteCommand);
  expect(calls).toHaveLength(1);
  return calls[0]?.args[0].input.TransactItems ?? [];
}

function keyOf(item: TransactItems[number]): string {
  const key = item.Put?.Item ?? item.Delete?.Key ?? item.Update?.Key ?? item.ConditionCheck?.Key;
  return `${String(key?.['PK'])}\u0000${String(key?.['SK'])}`;
}

describe('the largest transaction of each kind', () => {
  it('has the idea and its new pilot count in different shards, so an accept updates two (the worst case)', () => {
    expect(shardOf(IDEA_ID)).not.toBe(shardOf(PILOT_ID));
  });

  it.each(CASES.map((testCase) => [testCase.kind, testCase] as const))('%s: the figure of the table, within the declarations’ bound and DynamoDB’s limit, no item twice', async (kind, testCase) => {
    // Act
    const items = await transactionOf(testCase.write);

    // Assess
    expect(items).toHaveLength(WORST_CASE[kind]);
    expect(testCase.computed).toBe(WORST_CASE[kind]);
    expect(items.length).toBeLessThanOrEqual(BOUND[kind]);
    expect(BOUND[kind]).toBeLessThanOrEqual(TRANSACTION_ITEM_LIMIT);
    const keys = items.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('docs/pipeline.md states each figure, its headroom and its bound, and no other kind', () => {
    const text = readFileSync(new URL('../../../docs/pipeline.md', import.meta.url), 'utf8');
    const stated = new Map<string, { items: number; headroom: number; bound: number }>();
    for (const line of text.split('\n')) {
      const row = /^\|(.+?)\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|/.exec(line);
      if (row === null) continue;
      // The test cases a row covers are the code spans in parentheses at the end of its first cell.
      const cases = /\(([^()]*)\)\s*$/.exec(row[1] ?? '')?.[1] ?? '';
      for (const [, kind] of cases.matchAll(/`(\w+)`/g)) stated.set(kind ?? '', { items: Number(row[2]), headroom: Number(row[3]), bound: Number(row[4]) });
    }
    expect(Object.fromEntries(stated)).toEqual(
      Object.fromEntries(Object.entries(WORST_CASE).map(([kind, items]) => [kind, { items, headroom: TRANSACTION_ITEM_LIMIT - items, bound: BOUND[kind as Kind] }])),
    );
  });

  it('meets the declarations’ bounds on its worst inputs: the listed idea and the held pilot have the most entries any can have', () => {
    expect(inboxEntryEntity.of(aListedIdea())).toHaveLength(inboxEntryEntity.most);
    expect(pilotListEntryEntity.of(aHeldPilot('evaluation'))).toHaveLength(pilotListEntryEntity.most);
  });

  it('has exactly one case for every kind of the table', () => {
    // Checked on the cases themselves, not on which ran: the tests of a file run in a random order in CI.
    expect(CASES.map((testCase) => testCase.kind).sort()).toEqual(Object.keys(WORST_CASE).sort());
  });
});

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Idea } from '../../../shared/domain/idea.ts';
import type { Pilot } from '../../../shared/domain/pilot.ts';
import { contributionChange, ideaContribution, pilotContribution, recount, type ContributionChange } from '../../../shared/domain/pipeline.ts';
import { counterUpdates, DynamoPipelineStore, SHARD_COUNT, shardOf } from '../../../shared/store/pipeline.ts';
import { anIdea, anIdeaInTriage, IDEA_ID, OTHER_IDEA_ID } from '../support/ideas.ts';
import { effectOf, type CounterUpdate } from '../support/pipeline.ts';
import { aPilot, aPilotIn, aStoppedPilot, OTHER_PILOT_ID, PILOT_ID } from '../support/pilots.ts';

/** A counter shard's key, as the table keeps it. */
const pipelineShardKey = (shard: number) => ({ PK: 'PIPELINE', SK: `SHARD#${String(shard).padStart(2, '0')}` });

const TABLE_NAME = 'spire-unit';
const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

afterEach(() => {
  ddbMock.reset();
});

const change = (overrides: Partial<ContributionChange> = {}): ContributionChange => ({ add: {}, set: {}, remove: [], ...overrides });

/** Ids of the test's own making, the first of which land on one shard, the last on another. */
function idsOnOneShard(count: number): { ids: string[]; shard: number; otherId: string } {
  const shard = shardOf('idea-0');
  const ids: string[] = [];
  let otherId: string | undefined;
  for (let n = 0; ids.length < count || otherId === undefined; n++) {
    const id = `idea-${n}`;
    if (shardOf(id) === shard) {
      if (ids.length < count) ids.push(id);
    } else otherId ??= id;
  }
  return { ids, shard, otherId };
}

/** Every `#…` and `:…` alias the expression uses. */
const aliasesIn = (expression: string | undefined) => ({
  names: [...(expression ?? '').matchAll(/#\w+/g)].map(([alias]) => alias),
  values: [...(expression ?? '').matchAll(/:\w+/g)].map(([alias]) => alias),
});

describe('shardOf', () => {
  it('puts an id on the same shard every time, in every process: an entry set on one shard must be removed from it', () => {
    // Act
    const shards = [shardOf(IDEA_ID), shardOf(IDEA_ID), shardOf(`${IDEA_ID}`)];

    // Assess
    expect(new Set(shards).size).toBe(1);
    // The first two bytes of the id's SHA-256, modulo 16: fixed, so stored shards stay right across deployments.
    expect(shardOf(IDEA_ID)).toBe(6);
  });

  it('always answers a whole shard number from 0 to SHARD_COUNT − 1, and uses every shard', () => {
    // Act
    const shards = Array.from({ length: 2000 }, (_, n) => shardOf(`idea-${n}`));

    // Assess
    expect(shards.every((shard) => Number.isInteger(shard) && shard >= 0 && shard < SHARD_COUNT)).toBe(true);
    expect(new Set(shards).size).toBe(SHARD_COUNT);
  });

  it('spreads ids evenly enough that no shard takes more than twice its share', () => {
    // Act
    const counts = new Array<number>(SHARD_COUNT).fill(0);
    for (let n = 0; n < 4000; n++) counts[shardOf(`pilot-${n}`)] = (counts[shardOf(`pilot-${n}`)] ?? 0) + 1;

    // Assess
    expect(Math.max(...counts)).toBeLessThan((2 * 4000) / SHARD_COUNT);
  });
});

describe('counterUpdates', () => {
  it('adds to counters, sets and removes entries in the shard the id lands on, marking the item as a shard', () => {
    // Act
    const updates = counterUpdates(TABLE_NAME, [{ id: IDEA_ID, change: change({ add: { 'stage:sprint': -1, 'stage:pilot': 1 }, set: { [`since:pilot:${IDEA_ID}`]: '2026-02-01T09:00:00.000Z' }, remove: [`since:sprint:${IDEA_ID}`] }) }]);

    // Assess
    expect(updates).toHaveLength(1);
    const update = updates[0]?.Update;
    expect(update?.TableName).toBe(TABLE_NAME);
    expect(update?.Key).toEqual(pipelineShardKey(shardOf(IDEA_ID)));
    expect(update && effectOf(update)).toEqual({
      add: { 'c:stage:sprint': -1, 'c:stage:pilot': 1 },
      set: { type: 'pipeline-shard', [`e:since:pilot:${IDEA_ID}`]: '2026-02-01T09:00:00.000Z' },
      remove: [`e:since:sprint:${IDEA_ID}`],
    });
  });

  it('builds an expression DynamoDB accepts: each clause once, every alias defined, used, and standing for one attribute', () => {
    // Act
    const [item] = counterUpdates(TABLE_NAME, [{ id: IDEA_ID, change: change({ add: { a: 1, b: 2, c: 3 }, set: { d: 'x', e: 'y' }, remove: ['f', 'g'] }) }]);

    // Assess
    const update = item?.Update;
    const expression = update?.UpdateExpression ?? '';
    for (const clause of ['SET', 'ADD', 'REMOVE']) expect(expression.split(' ').filter((word) => word === clause)).toHaveLength(1);
    const used = aliasesIn(expression);
    expect(new Set(used.names).size).toBe(used.names.length);
    expect(new Set(used.values).size).toBe(used.values.length);
    expect(used.names.sort()).toEqual(Object.keys(update?.ExpressionAttributeNames ?? {}).sort());
    expect(used.values.sort()).toEqual(Object.keys(update?.ExpressionAttributeValues ?? {}).sort());
    const attributes = Object.values(update?.ExpressionAttributeNames ?? {});
    expect(new Set(attributes).size).toBe(attributes.length);
  });

  it.each([
    ['only adds', change({ add: { ideas: 1 } }), ['SET', 'ADD'], ['REMOVE']],
    ['only sets', change({ set: { 'since:sprint:p': '2026-01-12T09:00:00.000Z' } }), ['SET'], ['ADD', 'REMOVE']],
    ['only removes', change({ remove: ['since:sprint:p'] }), ['SET', 'REMOVE'], ['ADD']],
  ])('writes only the clauses it needs when the change %s', (_case, only, present, absent) => {
    // Act
    const [item] = counterUpdates(TABLE_NAME, [{ id: IDEA_ID, change: only }]);

    // Assess
    const words = (item?.Update.UpdateExpression ?? '').split(' ');
    for (const clause of present) expect(words).toContain(clause);
    for (const clause of absent) expect(words).not.toContain(clause);
    const used = aliasesIn(item?.Update.UpdateExpression);
    expect(used.values.sort()).toEqual(Object.keys(item?.Update.ExpressionAttributeValues ?? {}).sort());
  });

  it('combines changes that land on one shard into one update, as a transaction may touch an item only once', () => {
    // Prepare
    const { ids: [first = '', second = ''], shard } = idsOnOneShard(2);

    // Act
    const updates = counterUpdates(TABLE_NAME, [
      { id: first, change: change({ add: { ideas: 1, 'ideas:status:in_triage': -1, 'ideas:status:accepted': 1 }, remove: ['since:sprint:old'] }) },
      { id: second, change: change({ add: { 'ideas:status:in_triage': 1, 'stage:sprint': 1 }, set: { 'since:sprint:new': '2026-01-12T09:00:00.000Z' } }) },
    ]);

    // Assess
    expect(updates).toHaveLength(1);
    expect(updates[0]?.Update.Key).toEqual(pipelineShardKey(shard));
    expect(updates[0] && effectOf(updates[0].Update)).toEqual({
      // in_triage −1 and +1 cancel out and are left out.
      add: { 'c:ideas': 1, 'c:ideas:status:accepted': 1, 'c:stage:sprint': 1 },
      set: { type: 'pipeline-shard', 'e:since:sprint:new': '2026-01-12T09:00:00.000Z' },
      remove: ['e:since:sprint:old'],
    });
  });

  it('sets an entry one change removes and the other sets, rather than naming it twice', () => {
    // Prepare
    const { ids: [first = '', second = ''] } = idsOnOneShard(2);

    // Act
    const [item] = counterUpdates(TABLE_NAME, [
      { id: first, change: change({ remove: ['since:sprint:p'] }) },
      { id: second, change: change({ set: { 'since:sprint:p': '2026-02-01T09:00:00.000Z' } }) },
    ]);

    // Assess
    expect(item && effectOf(item.Update)).toEqual({ add: {}, set: { type: 'pipeline-shard', 'e:since:sprint:p': '2026-02-01T09:00:00.000Z' }, remove: [] });
  });

  it('writes one update per shard for changes on different shards', () => {
    // Prepare
    const { ids: [first = ''], otherId } = idsOnOneShard(1);

    // Act
    const updates = counterUpdates(TABLE_NAME, [
      { id: first, change: change({ add: { ideas: 1 } }) },
      { id: otherId, change: change({ add: { ideas: 1 } }) },
    ]);

    // Assess
    expect(updates.map((item) => item.Update.Key)).toEqual([pipelineShardKey(shardOf(first)), pipelineShardKey(shardOf(otherId))]);
  });

  it('drops empty changes, and changes on one shard that cancel out, writing nothing for them', () => {
    // Prepare
    const { ids: [first = '', second = ''], otherId } = idsOnOneShard(2);

    // Act
    const updates = counterUpdates(TABLE_NAME, [
      { id: otherId, change: change() },
      { id: first, change: change({ add: { 'stage:sprint': 1 } }) },
      { id: second, change: change({ add: { 'stage:sprint': -1 } }) },
    ]);

    // Assess
    expect(updates).toEqual([]);
    expect(counterUpdates(TABLE_NAME, [])).toEqual([]);
  });
});

/** A page of the pipeline partition as DynamoDB returns it. */
const shardItem = (shard: number, attributes: Record<string, unknown>) => ({ ...pipelineShardKey(shard), type: 'pipeline-shard', ...attributes });

describe('DynamoPipelineStore.totals', () => {
  it('costs one consistent Query of the counter shards, summing counters and collecting entries', async () => {
    // Prepare
    ddbMock.on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'PIPELINE' } }).resolves({
      Items: [
        { ...pipelineShardKey(0), type: 'pipeline-shard', 'c:ideas': 3, 'c:stage:sprint': 1, [`e:since:sprint:${PILOT_ID}`]: '2026-01-12T09:00:00.000Z' },
        { ...pipelineShardKey(5), type: 'pipeline-shard', 'c:ideas': 2 },
      ],
    });

    // Act
    const result = await new DynamoPipelineStore(client, TABLE_NAME).totals();

    // Assess
    expect(result).toEqual({ counters: { ideas: 5, 'stage:sprint': 1 }, entries: { [`since:sprint:${PILOT_ID}`]: '2026-01-12T09:00:00.000Z' } });
    const calls = ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(calls).toEqual([
      { TableName: TABLE_NAME, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': 'PK' }, ExpressionAttributeValues: { ':pk': 'PIPELINE' }, ConsistentRead: true, ExclusiveStartKey: undefined },
    ]);
  });

  it('reads the pipeline partition consistently, across pages, continuing where the last page stopped', async () => {
    // Prepare
    const lastKey = pipelineShardKey(7);
    ddbMock.on(QueryCommand).resolvesOnce({ Items: [shardItem(0, { 'c:ideas': 2 })], LastEvaluatedKey: lastKey }).resolvesOnce({ Items: [shardItem(8, { 'c:ideas': 3 })] });

    // Act
    const totals = await new DynamoPipelineStore(client, TABLE_NAME).totals();

    // Assess
    expect(totals.counters).toEqual({ ideas: 5 });
    const calls = ddbMock.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toEqual({
      TableName: TABLE_NAME,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': 'PK' },
      ExpressionAttributeValues: { ':pk': 'PIPELINE' },
      ConsistentRead: true,
      ExclusiveStartKey: undefined,
    });
    expect(calls[1]).toMatchObject({ ExclusiveStartKey: lastKey, ConsistentRead: true });
  });

  it('sums each counter over the shards, leaves out those that sum to zero, and collects the entries', async () => {
    // Prepare
    ddbMock
      .on(QueryCommand)
      .resolvesOnce({
        Items: [shardItem(0, { 'c:stage:sprint': 2, 'c:stage:pilot': 1, [`e:since:sprint:${PILOT_ID}`]: '2026-01-12T09:00:00.000Z' }), shardItem(1, { 'c:stage:sprint': -1 })],
        LastEvaluatedKey: pipelineShardKey(1),
      })
      .resolvesOnce({ Items: [shardItem(2, { 'c:stage:pilot': -1, 'c:stage:sprint': 1, [`e:since:pilot:${OTHER_PILOT_ID}`]: '2026-02-01T09:00:00.000Z' })] });

    // Act
    const totals = await new DynamoPipelineStore(client, TABLE_NAME).totals();

    // Assess
    expect(totals).toEqual({
      counters: { 'stage:sprint': 2 },
      entries: { [`since:sprint:${PILOT_ID}`]: '2026-01-12T09:00:00.000Z', [`since:pilot:${OTHER_PILOT_ID}`]: '2026-02-01T09:00:00.000Z' },
    });
  });

  it('answers empty totals for a table no write has counted in yet', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    const totals = await new DynamoPipelineStore(client, TABLE_NAME).totals();

    // Assess
    expect(totals).toEqual({ counters: {}, entries: {} });
  });

  it('reads back exactly the full recount after the updates of a run of idea and pilot changes', async () => {
    // Prepare
    const shards = new Map<string, Record<string, unknown>>();
    const apply = (update: CounterUpdate) => {
      const sk = String(update.Key?.['SK']);
      const item: Record<string, unknown> = shards.get(sk) ?? { ...update.Key };
      const effect = effectOf(update);
      for (const [attribute, amount] of Object.entries(effect.add)) item[attribute] = Number(item[attribute] ?? 0) + Number(amount);
      Object.assign(item, effect.set);
      for (const attribute of effect.remove) delete item[attribute];
      shards.set(sk, item);
    };
    const write = (changes: { id: string; change: ContributionChange }[]) => {
      for (const { Update } of counterUpdates(TABLE_NAME, changes)) apply(Update);
    };
    const ideaChange = (before: Idea | undefined, after: Idea) => ({ id: after.id, change: contributionChange(before && ideaContribution(before), ideaContribution(after)) });
    const pilotChange = (before: Pilot | undefined, after: Pilot) => ({ id: after.id, change: contributionChange(before && pilotContribution(before), pilotContribution(after)) });
    const first = anIdea();
    const second = anIdea({ id: OTHER_IDEA_ID });
    const firstInTriage = anIdeaInTriage();
    const firstAccepted = anIdeaInTriage({ status: 'accepted', version: 3, statusChangedAt: '2026-01-12T09:00:00.000Z' });
    const pilot = aPilot();
    const other = aPilot({ id: OTHER_PILOT_ID, themes: ['borgerservice'], department: 'Borgerservice' });
    write([ideaChange(undefined, first)]);
    write([ideaChange(undefined, second)]);
    write([ideaChange(first, firstInTriage)]);
    write([ideaChange(firstInTriage, firstAccepted), pilotChange(undefined, pilot)]);
    write([pilotChange(undefined, other)]);
    write([pilotChange(pilot, aPilotIn('pilot'))]);
    write([pilotChange(other, aStoppedPilot('sprint', { id: OTHER_PILOT_ID, themes: ['borgerservice'], department: 'Borgerservice' }))]);
    ddbMock.on(QueryCommand).resolves({ Items: [...shards.values()] });

    // Act
    const totals = await new DynamoPipelineStore(client, TABLE_NAME).totals();

    // Assess
    expect(totals).toEqual(recount([firstAccepted, second], [aPilotIn('pilot'), aStoppedPilot('sprint', { id: OTHER_PILOT_ID, themes: ['borgerservice'], department: 'Borgerservice' })]));
  });
});
